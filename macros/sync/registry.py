"""The registry record: each catalog repository's platform images and manifest lists as dotnet/versions
publishes them (image-info), with every digest each one had over the git history of those files."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import SyncError, Where, shown
from .files import MAX_MANIFEST, decode_json, inside, read_json
from .history import Commit, Git, open_bundle, open_checkout
from .imageinfo import Digests, Platform, Repository, read_digests, read_image_info, version_of
from .manifest import ARCH_ORDER, Document
from .sources import vendored

SOURCE_REPOSITORY = "dotnet/versions"
FOLDER = "build-info/docker"
FILES = (
    "image-info.dotnet-dotnet-docker-main.json",
    "image-info.dotnet-dotnet-docker-main-samples.json",
    "image-info.microsoft-dotnet-framework-docker-main.json",
)
PATHS = tuple(f"{FOLDER}/{name}" for name in FILES)
LOCAL_FOLDER = "dotnet-versions"  # the folder's name in data/upstream/SOURCES.md

Change = tuple[str, str]  # (digest, UTC day first seen)


@dataclass(frozen=True)
class Versions:
    """Where dotnet/versions is read: a folder with the current files, a bundle with their history, or both.

    Without a bundle the folder must be a git checkout (its history); without a folder the bundle's newest
    version is the current one."""

    folder: Path | None
    bundle: Path | None


@dataclass(frozen=True)
class Current:
    """The current image-info: each repository with the file it is in, and that file's upstream commit."""

    repositories: dict[str, tuple[Repository, str]]  # name -> (repository, file path in dotnet/versions)
    commits: dict[str, tuple[str, str]]  # file path -> (upstream commit, its date)
    date: str  # the newest publish (UTC day)


@dataclass
class _Changes:
    """Per repository: each platform image's and each shared tag's digests, oldest first, changes only."""

    platforms: dict[tuple, list[Change]] = field(default_factory=dict)
    tags: dict[tuple, list[Change]] = field(default_factory=dict)
    # The same for the product version each one carried: (version, UTC day first seen), changes only.
    platform_versions: dict[tuple, list[Change]] = field(default_factory=dict)
    tag_versions: dict[tuple, list[Change]] = field(default_factory=dict)

    def add(self, repositories: dict[str, Digests], day: str) -> None:
        for name, digests in repositories.items():
            for table, found in (
                (self.platforms, digests.platforms),
                (self.tags, digests.tags),
                (self.platform_versions, digests.platform_versions),
                (self.tag_versions, digests.tag_versions),
            ):
                for key, value in found.items():
                    changes = table.setdefault((name, key), [])
                    if value is not None and (not changes or changes[-1][0] != value):
                        changes.append((value, day))

    def newest_first(self, table: dict, name: str, key) -> list[list[str]]:
        return [list(change) for change in reversed(table.get((name, key), []))]


@dataclass(frozen=True)
class Record:
    """What the sync writes and reports: documents by file name, and the current image-info."""

    documents: dict[str, dict]
    current: Current


def _where(git: Git, commit: Commit, path: str) -> Where:
    return Where(f"{git.name} {commit.id[:12]}:{path}")


def _history(git: Git, changes: _Changes) -> tuple[Commit | None, dict[str, tuple[bytes, Where]]]:
    """Feed every older version to `changes`; the newest commit and the newest bytes of each file."""
    newest, last = None, {}
    for version in git.versions(PATHS):
        newest = version.commit
        for path, data in version.files.items():
            if data is None:
                last.pop(path, None)
                continue
            where = _where(git, version.commit, path)
            last[path] = (data, where)
            changes.add(read_digests(decode_json(data, where.file), where), version.commit.day)
    return newest, last


def _merge(parsed: list[tuple[str, dict[str, Repository]]]) -> dict[str, tuple[Repository, str]]:
    """All repositories of the three files; one repository in two files is refused."""
    found: dict[str, tuple[Repository, str]] = {}
    for path, repositories in parsed:
        for name, repository in repositories.items():
            if name in found:
                other = found[name][0].where
                raise repository.where.error(f"repository {name!r} is also in {other.file}: {other.path}")
            found[name] = (repository, path)
    return found


def _commit_of_folder(folder: Path, path: str, head: Commit | None) -> tuple[str, str]:
    """A current file's upstream commit and its date: its SOURCES.md row beside the folder, else the checkout's
    HEAD."""
    origin = vendored(folder, f"{LOCAL_FOLDER}/{path}")
    if origin is not None:
        return origin.commit, origin.date.isoformat()
    if head is None:
        raise SyncError(
            f"{shown(folder / path)}: cannot tell which upstream commit this is (no row for "
            f"`{LOCAL_FOLDER}/{path}` in {shown(folder.parent / 'SOURCES.md')}, and with --versions-bundle "
            "the folder's own git history is not read)"
        )
    return head.upstream, head.day


def _current(versions: Versions, git: Git, head: Commit, last: dict) -> tuple[list, dict[str, tuple[str, str]]]:
    """The current version of each file (the folder's, else the history's newest), and its upstream commit and
    that commit's date."""
    parsed, commits = [], {}
    for path in PATHS:
        if versions.folder is not None:
            file = versions.folder / path
            inside(versions.folder, path, Where(shown(file)))  # a symbolic link may not lead out of the checkout
            parsed.append((path, read_image_info(read_json(file, MAX_MANIFEST), Where(shown(file)))))
            commits[path] = _commit_of_folder(versions.folder, path, head if versions.bundle is None else None)
        elif path in last:
            data, where = last[path]
            parsed.append((path, read_image_info(decode_json(data, where.file), where)))
            commits[path] = (head.upstream, head.day)
        else:
            raise SyncError(f"{git.name}: {path} is not in its newest version")
    return parsed, commits


def _read(versions: Versions, scratch: Path) -> tuple[Current, _Changes]:
    changes = _Changes()
    checkout = versions.bundle is None
    git = open_checkout(versions.folder) if checkout else open_bundle(versions.bundle, scratch)
    newest, last = _history(git, changes)
    if newest is None:
        raise SyncError(f"{git.name}: no commit of its history changes {', '.join(PATHS)}")
    head = git.head()
    parsed, commits = _current(versions, git, head, last)
    # The date of the newest publish: the newest commit that changed the files (HEAD may be newer: a commit to
    # other files), so a checkout and the bundle rebuilt from it (--vendor) give the same record.
    current = Current(_merge(parsed), commits, newest.day)
    for repository, _ in current.repositories.values():
        platforms = {key: p.digest for key, p in repository.platforms.items()}
        tags = {t: m.digest for m in repository.lists for t in m.tags}
        platform_versions = {key: version_of(p.tags) for key, p in repository.platforms.items()}
        tag_versions = {t: version_of(m.tags) for m in repository.lists for t in m.tags}
        changes.add({repository.name: Digests(platforms, tags, platform_versions, tag_versions)}, current.date)
    return current, changes


def ordered(repository: Repository) -> list[Platform]:
    """The platform images in record order: by Dockerfile, then architecture (amd64, arm64v8, arm32v7)."""
    return sorted(repository.platforms.values(), key=lambda p: (p.dockerfile, ARCH_ORDER.index(p.architecture)))


def _versioned(entry: dict, versions: list) -> dict:
    """The entry with its version timeline (newest first) when its tags ever named a version; left out
    otherwise (samples), so the record stays compact."""
    return entry | {"versions": versions} if versions else entry


def _image(platform: Platform, history: list) -> dict:
    return {
        "dockerfile": platform.dockerfile,
        "architecture": platform.architecture,  # the samples build one Dockerfile for three architectures
        "digest": platform.digest,
        "created": platform.created,
        "base_digest": platform.base_digest,
        "layers": [list(layer) for layer in platform.layers],
        "history": history,
    }


def _document(repository: Repository, path: str, current: Current, changes: _Changes) -> dict:
    name = repository.name
    platforms = ordered(repository)
    commit, commit_date = current.commits[path]
    source = {"repository": SOURCE_REPOSITORY, "commit": commit, "commit_date": commit_date, "file": path}
    source["date"] = current.date
    return {
        "repository": name,
        "source": source,
        "images": [
            _versioned(
                _image(p, changes.newest_first(changes.platforms, name, p.key)),
                changes.newest_first(changes.platform_versions, name, p.key),
            )
            for p in platforms
        ],
        "manifest_lists": [
            _versioned(
                {
                    "tags": list(m.tags),
                    "digest": m.digest,
                    "created": m.created,
                    "history": changes.newest_first(changes.tags, name, m.tags[0]),
                },
                changes.newest_first(changes.tag_versions, name, m.tags[0]),
            )
            for m in repository.lists
            if m.tags
        ],
    }


def record(versions: Versions, catalog: dict[str, Document]) -> Record:
    """One document per catalog file whose repository has platform images in image-info (same file name)."""
    with tempfile.TemporaryDirectory(prefix="sync-versions-") as scratch:
        current, changes = _read(versions, Path(scratch))
    documents = {}
    for name, document in catalog.items():
        found = current.repositories.get(document.repository)
        if found and found[0].platforms:
            documents[name] = _document(*found, current, changes)
    return Record(documents, current)
