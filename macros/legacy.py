"""Load and validate data/legacy.yml (old image names and where they went), with file:line errors."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, Optional

from .catalog import DATA_DIR, read_model
from .errors import Problems
from .schema import line
from .yamlio import display_path

# "owner/repo#123": an issue or pull request; rendered as a GitHub link.
_SOURCE = re.compile(r"^[\w.-]+/[\w.-]+#\d+$")


@dataclass(frozen=True)
class Move:
    """One step of a name's history: in `when`, it moved to `to` (a name or a pattern)."""

    when: str
    to: str


@dataclass(frozen=True)
class LegacyName:
    name: str
    registry: Literal["Docker Hub", "MCR"]
    used: str
    example_tags: tuple[str, ...]
    moves: tuple[Move, ...]
    why: str
    # Today's repositories (names from repositories.yml); empty only with `today_note`.
    today: tuple[str, ...] = ()
    today_note: Optional[str] = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class LegacyList:
    legacy: tuple[LegacyName, ...]


def load_legacy(path: Path | None = None, repositories: frozenset[str] | None = None) -> LegacyList:
    """The validated legacy names; `repositories` are the names `today` may use (default: the catalog's)."""
    path = Path(path or DATA_DIR / "legacy.yml").resolve()
    if repositories is None:
        from .catalog import load_catalog
        repositories = frozenset(r.info.repository for r in load_catalog().repositories)
    stat = path.stat() if path.exists() else None
    return _load_cached(path, repositories, (stat.st_mtime_ns, stat.st_size) if stat else None)


@lru_cache(maxsize=4)
def _load_cached(path: Path, repositories: frozenset[str], signature) -> LegacyList:
    problems = Problems()
    root = path.parent.parent
    model = read_model(path, LegacyList, problems, root)
    problems.raise_if_any()
    _check(model, display_path(path, root), repositories, problems)
    problems.raise_if_any()
    return model


def _check(model: LegacyList, file: str, repositories: frozenset[str], problems: Problems) -> None:
    seen: dict[str, int] = {}
    for index, entry in enumerate(model.legacy):
        path = f"legacy[{index}]"
        if entry.name in seen:
            problems.add(file, line(entry, "name"), f"{path}.name", f"'{entry.name}' is listed twice (also legacy[{seen[entry.name]}])")
        seen.setdefault(entry.name, index)
        for n, repo in enumerate(entry.today):
            if repo not in repositories:
                problems.add(file, line(entry, f"today[{n}]"), f"{path}.today[{n}]",
                             f"unknown repository '{repo}' (expected one of: {', '.join(sorted(repositories))})")
        if not entry.today and not entry.today_note:
            problems.add(file, line(entry), f"{path}.today", "missing (expected today's repositories, or a today_note)")
        if not entry.moves:
            problems.add(file, line(entry, "moves"), f"{path}.moves", "expected at least one move")
        for n, source in enumerate(entry.sources):
            if not _SOURCE.match(source):
                problems.add(file, line(entry, f"sources[{n}]"), f"{path}.sources[{n}]",
                             f"got '{source}', expected an issue like 'dotnet/dotnet-docker#935'")
