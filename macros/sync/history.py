"""Earlier versions of upstream files, read with git from a bundle or a checkout (no network, no hooks)."""

from __future__ import annotations

import contextlib
import datetime
import os
import re
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import SyncError, quoted, shown
from .files import MAX_MANIFEST, MB, read_bytes

MAX_BUNDLE = 256 * MB  # the vendored bundle is 4.4 MB
MAX_COMMITS = 20_000  # commits that changed the files; the vendored history has 129
_BUNDLE_HEADERS = (b"# v2 git bundle\n", b"# v3 git bundle\n")
_LOG_LINE = re.compile(r"([0-9a-f]{40}) ([0-9]{1,12})")
_UPSTREAM = re.compile(r"^dotnet/versions commit ([0-9a-f]{40})$", re.M)
# Nothing from the repository's own configuration may run a program or page the output.
_SAFE = ("-c", "core.fsmonitor=false", "-c", f"core.hooksPath={os.devnull}", "-c", "log.showSignature=false")


@dataclass(frozen=True)
class Commit:
    """One commit: its id, its UTC commit day, and the upstream commit it stands for."""

    id: str
    day: str
    upstream: str  # the `dotnet/versions commit <id>` its message names (a rebuilt bundle), else its own id
    time: int = 0  # seconds since 1970 (UTC), as git records the commit time


@dataclass(frozen=True)
class Version:
    """The files one commit changed: path -> bytes, or None when the commit deleted the file."""

    commit: Commit
    files: dict[str, bytes | None]


def _environment() -> dict[str, str]:
    """The caller's environment without any GIT_* variable, and no system or user git configuration."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return env | {
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_TERMINAL_PROMPT": "0",
        "LC_ALL": "C",
    }


def _said(stderr: bytes) -> str:
    lines = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    return quoted(lines[-1].strip() if lines else "no message", 200)


class Git:
    """A git repository (a checkout, or a bare clone of a bundle) and how it is named in messages."""

    def __init__(self, folder: Path, name: str) -> None:
        self.folder, self.name = folder, name

    def run(self, *args: str, stdin: bytes | None = None, what: str = "read its history") -> bytes:
        command = ["git", "--no-pager", *_SAFE, "-C", str(self.folder), *args]
        try:
            result = subprocess.run(command, input=stdin, capture_output=True, env=_environment(), timeout=600)
        except (OSError, subprocess.SubprocessError) as error:
            raise SyncError(f"{self.name}: cannot run git to {what} ({error})") from None
        if result.returncode != 0:
            raise SyncError(f"{self.name}: git cannot {what}: {_said(result.stderr)}")
        return result.stdout

    def head(self) -> Commit:
        """HEAD: the newest commit."""
        out = self.run("log", "-1", "--format=%H %ct%n%B", "HEAD", "--", what="read its HEAD commit")
        first, _, message = out.decode("utf-8", "replace").partition("\n")
        return self._commit(first, message)

    def _commit(self, line: str, message: str = "") -> Commit:
        match = _LOG_LINE.fullmatch(line)
        if not match:
            raise SyncError(f"{self.name}: git printed {quoted(line)}, expected a commit id and a time")
        try:
            day = datetime.datetime.fromtimestamp(int(match.group(2)), datetime.UTC).date().isoformat()
        except (OverflowError, ValueError, OSError):
            raise SyncError(f"{self.name}: commit {match.group(1)} has an impossible date") from None
        upstream = _UPSTREAM.search(message)
        return Commit(match.group(1), day, upstream.group(1) if upstream else match.group(1), int(match.group(2)))

    def commits(self, paths: tuple[str, ...]) -> list[Commit]:
        """The commits of HEAD's first-parent line that changed one of `paths`, oldest first."""
        out = self.run("log", "--first-parent", "--reverse", "--format=%H %ct", "HEAD", "--", *paths)
        lines = out.decode("utf-8", "replace").splitlines()
        if len(lines) > MAX_COMMITS:
            raise SyncError(f"{self.name}: {len(lines):,} commits change the files, more than {MAX_COMMITS:,}")
        return [self._commit(line) for line in lines]

    def _blobs(self, commits: list[Commit], paths: tuple[str, ...]) -> list[list[str | None]]:
        """The blob id of each path at each commit (None where the path does not exist), sizes checked."""
        names = "".join(f"{c.id}:{p}\n" for c in commits for p in paths).encode()
        lines = self.run("cat-file", "--batch-check", stdin=names).decode("utf-8", "replace").splitlines()
        ids, rows = iter(lines), []
        for commit in commits:
            row = []
            for path in paths:
                line = next(ids, "")
                parts = line.split(" ")
                if line.endswith(" missing"):
                    row.append(None)
                    continue
                if len(parts) != 3 or parts[1] != "blob" or not parts[2].isdigit():
                    raise SyncError(f"{self.name} {commit.id[:12]}:{path}: not a file ({quoted(line)})")
                if int(parts[2]) > MAX_MANIFEST:
                    raise SyncError(
                        f"{self.name} {commit.id[:12]}:{path}: larger than {MAX_MANIFEST:,} bytes, "
                        "more than an upstream file may be"
                    )
                row.append(parts[0])
            rows.append(row)
        return rows

    def versions(self, paths: tuple[str, ...]) -> Iterator[Version]:
        """Each commit that changed one of `paths`, oldest first, with the new content of the files it changed."""
        commits = self.commits(paths)
        rows = self._blobs(commits, paths)
        previous: list[str | None] = [None] * len(paths)
        wanted = []
        for row in rows:
            wanted += [blob for blob, before in zip(row, previous, strict=True) if blob and blob != before]
            previous = row
        previous = [None] * len(paths)
        with contextlib.closing(self._contents(wanted)) as contents:
            for commit, row in zip(commits, rows, strict=True):
                files = {
                    path: (next(contents) if blob else None)
                    for path, blob, before in zip(paths, row, previous, strict=True)
                    if blob != before
                }
                previous = row
                yield Version(commit, files)

    def _contents(self, blobs: list[str]) -> Iterator[bytes]:
        """The bytes of each blob in turn, streamed from one `git cat-file --batch`."""
        command = ["git", "--no-pager", *_SAFE, "-C", str(self.folder), "cat-file", "--batch"]
        pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.DEVNULL}
        try:
            process = subprocess.Popen(command, env=_environment(), **pipes)
        except OSError as error:
            raise SyncError(f"{self.name}: cannot run git to read its history ({error})") from None
        feeder = threading.Thread(target=_feed, args=(process.stdin, "".join(b + "\n" for b in blobs).encode()))
        feeder.start()
        with process:
            try:
                for blob in blobs:
                    yield self._object(process.stdout, blob)
            finally:
                process.kill()
                feeder.join()

    def _object(self, stream, blob: str) -> bytes:
        header = stream.readline(200).decode("ascii", "replace").split(" ")
        if len(header) != 3 or header[0] != blob or not header[2].strip().isdigit():
            raise SyncError(f"{self.name}: git cannot read object {blob}")
        count = int(header[2])
        data = stream.read(count)
        if len(data) != count or stream.read(1) != b"\n":
            raise SyncError(f"{self.name}: git stopped in the middle of object {blob}")
        return data


def _feed(pipe, data: bytes) -> None:
    try:
        pipe.write(data)
        pipe.close()
    except OSError:  # git stopped early; the reader reports it
        pass


def open_bundle(bundle: Path, scratch: Path) -> Git:
    """A bare clone, under `scratch`, of a copy of the bundle (so the file cannot change while git reads it)."""
    data = read_bytes(bundle, MAX_BUNDLE)
    if not data.startswith(_BUNDLE_HEADERS):
        raise SyncError(f"{shown(bundle)}: not a git bundle (its first line is not `# v2 git bundle`)")
    copy, clone = scratch / "history.bundle", scratch / "history.git"
    copy.write_bytes(data)
    Git(scratch, shown(bundle)).run("clone", "--bare", "--quiet", "--", str(copy), str(clone), what="read the bundle")
    return Git(clone, shown(bundle))


def open_checkout(folder: Path) -> Git:
    """The git checkout whose top folder is `folder` (not one that merely contains it)."""
    git = Git(folder, shown(folder))
    top = git.run("rev-parse", "--show-toplevel", what="find the checkout").decode("utf-8", "replace").strip()
    if Path(top).resolve() != folder.resolve():
        raise SyncError(f"{shown(folder)}: not the top folder of a git checkout (that is {shown(Path(top))})")
    return git
