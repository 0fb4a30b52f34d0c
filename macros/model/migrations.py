"""migrations.yml: what breaks a container when it moves from one .NET channel (or an old image name) to a newer one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Change:
    """One change that can break a container, in the first channel that has it (`since`), or on the
    move away from old image names (`legacy: true`)."""

    id: str
    title: str
    # Plain text: what changed and what it breaks.
    what: str
    # Plain text: what to change in the Dockerfile or the deployment.
    do: str
    # Where upstream says so: "dotnet-docker:documentation/<file>.md" (vendored, see SOURCES.md),
    # "owner/repo#number" (an issue or pull request) or an https:// page of the release notes.
    sources: tuple[str, ...]
    since: str | None = None
    legacy: bool = False
    # Limits: only these repositories, operating systems or distros of the reader's image (empty: all).
    repositories: tuple[str, ...] = ()
    os: tuple[Literal["linux", "windows"], ...] = ()
    distros: tuple[str, ...] = ()


@dataclass(frozen=True)
class MigrationPath:
    """A move the migration page explains: from one channel (or `legacy`) to a newer one."""

    source: str
    target: str


@dataclass(frozen=True)
class RetiredOs:
    """An OS version that no current image uses but old tags name (`buster`), and its family."""

    word: str
    distro: str
    name: str


@dataclass(frozen=True)
class Migrations:
    paths: tuple[MigrationPath, ...]
    changes: tuple[Change, ...]
    retired_os: tuple[RetiredOs, ...] = ()
    # The distro a plain tag (6.0, latest) meant in channels the catalog no longer lists.
    old_plain_os: str = "debian"
