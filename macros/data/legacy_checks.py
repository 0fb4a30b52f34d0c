"""Relations in legacy.yml: unique names, today's repositories known, sources spelled as issues."""

from __future__ import annotations

import re

from ..model.legacy import LegacyList
from .errors import Problems
from .schema import line

# "owner/repo#123": an issue or pull request; rendered as a GitHub link.
_SOURCE = re.compile(r"^[\w.-]+/[\w.-]+#\d+$")


def check_legacy(model: LegacyList, file: str, repositories: frozenset[str], problems: Problems) -> None:
    seen: dict[str, int] = {}
    for index, entry in enumerate(model.legacy):
        path = f"legacy[{index}]"
        if entry.name in seen:
            problems.add(
                file,
                line(entry, "name"),
                f"{path}.name",
                f"'{entry.name}' is listed twice (also legacy[{seen[entry.name]}])",
            )
        seen.setdefault(entry.name, index)
        for n, repo in enumerate(entry.today):
            if repo not in repositories:
                problems.add(
                    file,
                    line(entry, f"today[{n}]"),
                    f"{path}.today[{n}]",
                    f"unknown repository '{repo}' (expected one of: {', '.join(sorted(repositories))})",
                )
        if not entry.today and not entry.today_note:
            problems.add(file, line(entry), f"{path}.today", "missing (expected today's repositories, or a today_note)")
        if not entry.moves:
            problems.add(file, line(entry, "moves"), f"{path}.moves", "expected at least one move")
        for n, source in enumerate(entry.sources):
            if not _SOURCE.match(source):
                problems.add(
                    file,
                    line(entry, f"sources[{n}]"),
                    f"{path}.sources[{n}]",
                    f"got '{source}', expected an issue like 'dotnet/dotnet-docker#935'",
                )
