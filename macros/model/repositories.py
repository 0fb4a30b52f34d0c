"""repositories.yml: what each image repository is for (hand-kept prose the manifests lack)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

REGISTRY = "mcr.microsoft.com"


def reference(repository: str, tag: str, registry: str = REGISTRY, digest: str | None = None) -> str:
    """The one spelling of a full image reference: `mcr.microsoft.com/<repository>:<tag>`, from another
    registry (a team's mirror) when asked, with `@sha256:…` when a digest is given."""
    return f"{registry}/{repository}:{tag}" + (f"@{digest}" if digest else "")


@dataclass(frozen=True)
class ReferenceRule:
    """How references are written on this build: the public registry and tags (the public site), or a
    team's mirror and pinning rule (model/team.py). RepositoryModel.reference asks it, so every
    reference a reader can copy is written by it."""

    registry: str = REGISTRY
    pin_digest: bool = False

    def write(self, repository: str, tag: str, digest: str | None) -> str:
        return reference(repository, tag, self.registry, digest if self.pin_digest else None)

    def name(self, repository: str) -> str:
        return f"{self.registry}/{repository}"

    def pinned(self, repository: str, digest: str) -> str:
        """`<registry>/dotnet/aspnet@sha256:…`: a reference that names exactly one image."""
        return f"{self.registry}/{repository}@{digest}"


PUBLIC = ReferenceRule()


@dataclass(frozen=True)
class Repository:
    repository: str
    title: str
    purpose: str
    inside: str
    use_when: tuple[str, ...]
    avoid_when: tuple[str, ...]
    related: tuple[str, ...] = ()
    # "channel": support follows the .NET channel of each image; "own": an appliance or
    # sample with its own policy (only the newest version is updated).
    lifecycle: Literal["channel", "own"] = "channel"

    @property
    def slug(self) -> str:
        """The page name: dotnet/framework/sdk -> framework-sdk."""
        return self.repository.removeprefix("dotnet/").replace("/", "-")

    @property
    def image_name(self) -> str:
        return f"{REGISTRY}/{self.repository}"

    @property
    def is_framework(self) -> bool:
        return self.repository.startswith("dotnet/framework/")


@dataclass(frozen=True)
class RepositoryList:
    repositories: tuple[Repository, ...]
