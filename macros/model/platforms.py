"""platforms.yml: operating systems, their versions and the CPU architectures, in display order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Os = Literal["linux", "windows"]
Arch = Literal["amd64", "arm64v8", "arm32v7"]
OS_LABELS = {"linux": "Linux", "windows": "Windows"}


@dataclass(frozen=True)
class Distro:
    distro: str
    name: str
    os: Os
    summary: str


@dataclass(frozen=True)
class OsVersion:
    os_version: str
    name: str
    distro: str


@dataclass(frozen=True)
class Architecture:
    architecture: Arch
    name: str
    docker_platform: str
    tag_suffix: str


@dataclass(frozen=True)
class Platforms:
    """The lists are in display order: distros as readers meet them, OS versions oldest first
    within a distro, architectures x64 first."""

    distros: tuple[Distro, ...]
    os_versions: tuple[OsVersion, ...]
    architectures: tuple[Architecture, ...]
