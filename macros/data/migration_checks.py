"""Relations in migrations.yml: channels lifecycle.yml knows, repositories and distros the catalog
knows, unique ids, every change reachable by a path, sources spelled as one of the accepted forms."""

from __future__ import annotations

import re

from ..model.catalog import Catalog
from ..model.migrations import Migrations
from ..model.order import version_key
from .errors import Problems
from .schema import line

_ISSUE = re.compile(r"^[\w.-]+/[\w.-]+#\d+$")
_VENDORED = re.compile(r"^dotnet-docker:(documentation|samples)/[\w./-]+$")
_PAGE = re.compile(r"^https://learn\.microsoft\.com/[\w./-]+$")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LEGACY = "legacy"


def check_migrations(model: Migrations, file: str, catalog: Catalog, problems: Problems) -> None:
    channels = set(catalog.channels)
    expected_channels = ", ".join(catalog.channels)
    for n, path in enumerate(model.paths):
        for field in ("source", "target"):
            value = getattr(path, field)
            if not (value in channels or (field == "source" and value == LEGACY)):
                problems.add(
                    file,
                    line(path, field),
                    f"paths[{n}].{field}",
                    f"unknown channel '{value}' (expected one of: "
                    f"{'legacy, ' if field == 'source' else ''}{expected_channels})",
                )
        if path.source in channels and path.target in channels and version_key(path.source) >= version_key(path.target):
            problems.add(file, line(path), f"paths[{n}]", f"'{path.source}' is not older than '{path.target}'")
    _check_changes(model, file, catalog, problems)


def _check_names(change, field: str, known: set[str], file: str, where: str, problems: Problems) -> None:
    """Each name in the list `field` of a change ("repositories", "distros") must be one the catalog has."""
    noun = {"repositories": "repository", "distros": "distro"}[field]
    for k, name in enumerate(getattr(change, field)):
        if name not in known:
            problems.add(
                file,
                line(change, f"{field}[{k}]"),
                f"{where}.{field}[{k}]",
                f"unknown {noun} '{name}' (expected one of: {', '.join(sorted(known))})",
            )


def _check_changes(model: Migrations, file: str, catalog: Catalog, problems: Problems) -> None:
    repositories = {r.info.repository for r in catalog.repositories}
    distros = set(catalog.distros)
    seen: dict[str, int] = {}
    for n, change in enumerate(model.changes):
        where = f"changes[{n}]"
        if not _ID.match(change.id):
            problems.add(
                file, line(change, "id"), f"{where}.id", f"got '{change.id}', expected lower-case words joined by '-'"
            )
        if change.id in seen:
            problems.add(
                file,
                line(change, "id"),
                f"{where}.id",
                f"'{change.id}' is listed twice (also changes[{seen[change.id]}])",
            )
        seen.setdefault(change.id, n)
        if (change.since is None) == (not change.legacy):
            problems.add(file, line(change), where, "expected exactly one of `since` (a channel) or `legacy: true`")
        if change.since is not None and change.since not in catalog.channels:
            problems.add(
                file,
                line(change, "since"),
                f"{where}.since",
                f"unknown channel '{change.since}' (expected one of: {', '.join(catalog.channels)})",
            )
        elif not any(_on_path(change, p) for p in model.paths):
            problems.add(
                file, line(change), where, "no path of `paths` includes this change (the page would never show it)"
            )
        for field, known in (("repositories", repositories), ("distros", distros)):
            _check_names(change, field, known, file, where, problems)
        if not change.sources:
            problems.add(file, line(change, "sources"), f"{where}.sources", "expected at least one upstream source")
        for k, source in enumerate(change.sources):
            if not (_ISSUE.match(source) or _VENDORED.match(source) or _PAGE.match(source)):
                problems.add(
                    file,
                    line(change, f"sources[{k}]"),
                    f"{where}.sources[{k}]",
                    f"got '{source}', expected 'owner/repo#123', 'dotnet-docker:documentation/<file>.md' "
                    "or an https://learn.microsoft.com/ page",
                )
    distros_known = distros
    for n, retired in enumerate(model.retired_os):
        if retired.distro not in distros_known:
            problems.add(
                file,
                line(retired, "distro"),
                f"retired_os[{n}].distro",
                f"unknown distro '{retired.distro}' (expected one of: {', '.join(sorted(distros_known))})",
            )


def _on_path(change, path) -> bool:
    """Does a move along `path` cross this change?"""
    if path.source == LEGACY:
        return change.legacy or change.since is not None
    if change.since is None:
        return False
    return version_key(path.source) < version_key(change.since) <= version_key(path.target)
