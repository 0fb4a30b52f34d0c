"""Where the upstream files came from (commit and commit date of each) and the image sizes upstream measured."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import SyncError, Where, quoted, shown
from .files import MAX_INCLUDE, read_json, read_text
from .history import open_checkout
from .shape import check, expect, size

SIZE_FILES = ("ImageSize.nightly.linux.normalized.json", "ImageSize.nightly.windows.json")
_ROW = re.compile(r"^\| `([^`]+)` \| [^|]+ \| [^|]+ \| `([^`]*)`", re.M)
# A row of the snapshot heads: | github.com/dotnet/core | `main` (HEAD) | `<commit>` | 2026-07-24 |
_HEAD = re.compile(r"^\| github\.com/[^|]+ \| [^|]+ \| `([0-9a-f]{40})` \| ([^|]*?) \|", re.M)


def read_sizes(folder: Path) -> dict[tuple[str, str], int]:
    """Approximate sizes (bytes) by (repository, dockerfile), from upstream's May 2025 baselines."""
    sizes = {}
    for name in SIZE_FILES:
        path = folder / name
        if not path.exists() and not path.is_symlink():
            continue
        where = Where(shown(path))
        for repo, entries in expect(read_json(path), dict, where).items():
            for dockerfile, value in expect(entries, dict, where.entry(repo)).items():
                sizes[(repo.replace("/nightly/", "/"), dockerfile)] = size(value, where.entry(repo).entry(dockerfile))
    return sizes


def source_commits(upstream: Path) -> dict[str, str]:
    """Commit of each vendored file, from the table in SOURCES.md (`local file` -> commit)."""
    path = upstream / "SOURCES.md"
    if not path.exists() and not path.is_symlink():
        return {}
    text, commits = read_text(path, MAX_INCLUDE), {}
    for row in _ROW.finditer(text):
        line = text.count("\n", 0, row.start()) + 1
        where = Where(f"{shown(path)}:{line}", quoted(row.group(1)))
        commits[row.group(1)] = check("commit", row.group(2), where)
    return commits


def source_dates(upstream: Path) -> dict[str, datetime.date]:
    """The commit date of each snapshot head in SOURCES.md (`commit` -> day)."""
    path = upstream / "SOURCES.md"
    if not path.exists() and not path.is_symlink():
        return {}
    text, dates = read_text(path, MAX_INCLUDE), {}
    for row in _HEAD.finditer(text):
        line = text.count("\n", 0, row.start()) + 1
        where = Where(f"{shown(path)}:{line}", quoted(row.group(1)))
        dates[row.group(1)] = datetime.date.fromisoformat(check("day", row.group(2), where))
    return dates


@dataclass(frozen=True)
class Origin:
    """Which upstream commit a file was read at, and that commit's date (UTC day)."""

    commit: str
    date: datetime.date


def vendored(folder: Path, local_name: str) -> Origin | None:
    """The commit and date SOURCES.md beside `folder` gives for `local_name`, when it has a row for it."""
    commit = source_commits(folder.parent).get(local_name)
    if commit is None:
        return None
    date = source_dates(folder.parent).get(commit)
    if date is None:
        raise SyncError(
            f"{shown(folder.parent / 'SOURCES.md')}: commit {commit} of `{local_name}` has no row in the table of "
            "snapshot heads (expected `| github.com/<repository> | <branch> | `<commit>` | <date> |`)"
        )
    return Origin(commit, date)


def origin_of(file: Path, folder: Path, local_name: str) -> Origin:
    """The upstream commit of `file` in `folder`: the vendored copy's SOURCES.md row, else the HEAD of the git
    checkout whose top is `folder` (read with git's own configuration and hooks turned off)."""
    found = vendored(folder, local_name)
    if found is not None:
        return found
    try:
        head = open_checkout(folder).head()
    except SyncError:
        raise SyncError(
            f"{shown(file)}: cannot tell which upstream commit this is (no row for `{local_name}` in "
            f"{shown(folder.parent / 'SOURCES.md')}, and {shown(folder)} is not the top of a git checkout)"
        ) from None
    return Origin(head.id, datetime.date.fromisoformat(head.day))


def commit_of(manifest: Path, local_name: str) -> Origin:
    """The upstream commit of a manifest at the top of its checkout (or of the vendored copy)."""
    return origin_of(manifest, manifest.parent, local_name)
