"""Where the upstream files came from (commit of each manifest) and the image sizes upstream measured."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from ..model import grammar
from .errors import SyncError, Where, quoted, shown
from .files import MAX_INCLUDE, read_json, read_text
from .shape import check, expect, size

SIZE_FILES = ("ImageSize.nightly.linux.normalized.json", "ImageSize.nightly.windows.json")
_ROW = re.compile(r"^\| `([^`]+)` \| [^|]+ \| [^|]+ \| `([^`]*)`", re.M)


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


def _git_head(folder: Path) -> str | None:
    """HEAD of the git checkout whose top folder is `folder` (not of a checkout that merely contains it)."""
    command = ["git", "-C", str(folder), "rev-parse", "--show-toplevel", "HEAD"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    lines = result.stdout.splitlines()
    if len(lines) != 2 or Path(lines[0]).resolve() != folder.resolve() or grammar.problem("commit", lines[1]):
        return None
    return lines[1]


def commit_of(manifest: Path, local_name: str) -> str:
    """The upstream commit of a manifest: its SOURCES.md row beside the checkout, else the checkout's HEAD."""
    folder = manifest.parent
    commit = source_commits(folder.parent).get(local_name) or _git_head(folder)
    if commit is None:
        raise SyncError(
            f"{shown(manifest)}: cannot tell which upstream commit this is (no row for `{local_name}` in "
            f"{shown(folder.parent / 'SOURCES.md')}, and {shown(folder)} is not the top of a git checkout)"
        )
    return commit
