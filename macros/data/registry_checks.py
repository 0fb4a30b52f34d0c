"""Checks of registry/*.yml: every digest, date and size has its grammar, each file names a repository
of the catalog, and a record's history starts with the digest it has now."""

from __future__ import annotations

from ..model import grammar
from ..model.registry import RegistryFile
from .errors import Problems
from .schema import line


def _history(entry, path: str, file: str, problems: Problems) -> None:
    for n, (digest, day) in enumerate(entry.history):
        for kind, value in (("digest", digest), ("day", day)):
            wrong = grammar.problem(kind, value)
            if wrong:
                problems.add(file, line(entry, "history"), f"{path}.history[{n}]", wrong)
    for n, (version, day) in enumerate(entry.versions):
        for kind, value in (("version", version), ("day", day)):
            wrong = grammar.problem(kind, value)
            if wrong:
                problems.add(file, line(entry, "versions"), f"{path}.versions[{n}]", wrong)
    if entry.history and entry.history[0][0] != entry.digest:
        problems.add(
            file,
            line(entry, "history"),
            f"{path}.history[0]",
            f"got {entry.history[0][0]}, expected the current digest {entry.digest} first",
        )


def check_registry(record: RegistryFile, file: str, repositories: set[str], problems: Problems) -> None:
    if record.repository not in repositories:
        problems.add(
            file,
            line(record, "repository"),
            "repository",
            f"unknown repository '{record.repository}' (expected one of: {', '.join(sorted(repositories))})",
        )
    source = record.source
    fields = (
        ("commit", "commit", source.commit),
        ("day", "date", source.date),
        ("day", "commit_date", source.commit_date),
    )
    for kind, field, value in fields:
        wrong = grammar.problem(kind, value) if value is not None else None
        if wrong:
            problems.add(file, line(record.source, field), f"source.{field}", wrong)
    for index, image in enumerate(record.images):
        path = f"images[{index}]"
        for kind, field, value in (
            ("path", "dockerfile", image.dockerfile),
            ("digest", "digest", image.digest),
            ("day", "created", image.created),
        ):
            wrong = grammar.problem(kind, value)
            if wrong:
                problems.add(file, line(image, field), f"{path}.{field}", wrong)
        if image.base_digest is not None and grammar.problem("digest", image.base_digest):
            problems.add(
                file, line(image, "base_digest"), f"{path}.base_digest", grammar.problem("digest", image.base_digest)
            )
        for n, (digest, size) in enumerate(image.layers):
            if grammar.problem("digest", digest) or size < 0:
                problems.add(
                    file,
                    line(image, "layers"),
                    f"{path}.layers[{n}]",
                    f"got [{digest[:80]!r}, {size}], expected [a sha256 digest, a size of 0 or more]",
                )
        _history(image, path, file, problems)
    for index, listing in enumerate(record.manifest_lists):
        path = f"manifest_lists[{index}]"
        for n, tag in enumerate(listing.tags):
            wrong = grammar.problem("tag", tag)
            if wrong:
                problems.add(file, line(listing, "tags"), f"{path}.tags[{n}]", wrong)
        for kind, field, value in (("digest", "digest", listing.digest), ("day", "created", listing.created)):
            wrong = grammar.problem(kind, value)
            if wrong:
                problems.add(file, line(listing, field), f"{path}.{field}", wrong)
        _history(listing, path, file, problems)
