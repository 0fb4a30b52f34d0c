"""`--vendor DIR`: copy the upstream files a sync read into the vendored copy (data/upstream/), with their commits
and dates in its SOURCES.md and dotnet/versions' history rebuilt as a small bundle, so a plain `make sync`
regenerates exactly what the sync of the checkouts wrote (the refresh workflow's pull request stays self-checking)."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import SyncError, shown
from .files import MAX_MANIFEST, read_bytes
from .history import _SAFE, Git, _environment, open_bundle, open_checkout
from .registry import PATHS, Versions

BUNDLE = "dotnet-versions/image-info-history.bundle"
_AUTHOR = "dotnet-versions history <history@invalid>"
_COMMIT_CELL = re.compile(r"`[0-9a-f]{40}`")


@dataclass(frozen=True)
class Copied:
    """One upstream repository read by the sync: where, its vendored folder, the files taken, its commit and date."""

    repository: str  # dotnet/dotnet-docker
    folder: Path
    local: str  # its folder in data/upstream/
    files: tuple[str, ...]
    commit: str
    date: str


def manifests(folder: Path) -> tuple[str, ...]:
    """The manifest files at the top of an image repository (manifest.json, its includes, the samples')."""
    return tuple(sorted(p.name for p in folder.glob("manifest*.json") if p.is_file() and not p.is_symlink()))


def _copy(source: Copied, target: Path) -> None:
    for name in source.files:
        data = read_bytes(source.folder / name, MAX_MANIFEST)  # regular files only, size capped
        destination = target / source.local / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)


def _rows(text: str, sources: list[Copied], newest: str | None) -> str:
    """SOURCES.md with the copied files' commits and each repository's snapshot head (commit and date) replaced."""
    lines = text.split("\n")
    for n, line in enumerate(lines):
        for source in sources:
            names = [f"{source.local}/{name}" for name in source.files]
            if source.repository == "dotnet/versions":
                names.append(BUNDLE)
            if any(line.startswith(f"| `{name}` |") for name in names):
                lines[n] = _COMMIT_CELL.sub(f"`{source.commit}`", line, count=1)
                if newest and line.startswith(f"| `{BUNDLE}` |"):
                    lines[n] = re.sub(r"last changed on \d{4}-\d{2}-\d{2}", f"last changed on {newest}", lines[n])
            head = f"| github.com/{source.repository} | `main` (HEAD) | "
            if line.startswith(head):
                lines[n] = f"{head}`{source.commit}` | {source.date} |"
    return "\n".join(lines)


def _history_git(versions: Versions, scratch: Path) -> Git:
    if versions.bundle is None:
        return open_checkout(versions.folder)
    return open_bundle(versions.bundle, scratch)


def _fast_import(git: Git, target: Git) -> str | None:
    """Replay each commit of `git` that changed the image-info files into `target` (one commit each, same time,
    the upstream commit named in the message), streamed to `git fast-import`; the newest commit's day."""
    command = ["git", "--no-pager", *_SAFE, "-C", str(target.folder), "fast-import", "--quiet"]
    pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE}
    process = subprocess.Popen(command, env=_environment(), **pipes)
    newest = None
    try:
        for version in git.versions(PATHS):
            commit, newest = version.commit, version.commit.day
            message = f"publish\n\ndotnet/versions commit {commit.upstream}\n".encode()
            parts = [f"commit refs/heads/main\ncommitter {_AUTHOR} {commit.time} +0000\n".encode()]
            parts.append(b"data %d\n%s\n" % (len(message), message))
            for path, data in version.files.items():
                if data is None:
                    parts.append(f"D {path}\n".encode())
                else:
                    parts.append(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data))
            process.stdin.write(b"".join(parts))
        process.stdin.close()
    except (BrokenPipeError, OSError):
        pass
    finally:
        error = process.stderr.read()
        process.wait()
    if process.returncode != 0:
        raise SyncError(f"{git.name}: git fast-import could not rebuild the history ({error[-200:]!r})")
    return newest


def _bundle(versions: Versions, destination: Path) -> str | None:
    """The history of the image-info files as a bundle of one commit per change; the newest change's day."""
    with tempfile.TemporaryDirectory(prefix="sync-vendor-") as scratch:
        source = _history_git(versions, Path(scratch))
        bare = Path(scratch) / "rebuilt.git"
        Git(Path(scratch), "vendor").run("init", "-q", "--bare", str(bare), what="make a repository")
        target = Git(bare, "vendor")
        newest = _fast_import(source, target)
        built = Path(scratch) / "history.bundle"
        target.run("symbolic-ref", "HEAD", "refs/heads/main", what="name its branch")
        # HEAD too, so a clone of the bundle checks out its newest commit.
        target.run("bundle", "create", "-q", str(built), "HEAD", "refs/heads/main", what="write the bundle")
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, destination)
    return newest


def vendor(target: Path, sources: list[Copied], versions: Versions) -> list[str]:
    """Copy every source into `target` and update its SOURCES.md; what was done, one line each."""
    sources_md = target / "SOURCES.md"
    if not sources_md.is_file():
        raise SyncError(f"--vendor {shown(target)}: no SOURCES.md there (expected the vendored copy, data/upstream)")
    for source in sources:
        _copy(source, target)
    newest = _bundle(versions, target / BUNDLE)
    text = sources_md.read_text(encoding="utf-8")
    sources_md.write_text(_rows(text, sources, newest), encoding="utf-8")
    lines = [f"vendored {s.repository} at {s.commit[:12]} ({s.date}) into {shown(target / s.local)}" for s in sources]
    return [*lines, f"rebuilt {shown(target / BUNDLE)} (history up to {newest})"]
