"""repositories.yml: what each image repository is for (hand-kept prose the manifests lack)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

REGISTRY = "mcr.microsoft.com"


def reference(repository: str, tag: str) -> str:
    """The one spelling of a full image reference: `mcr.microsoft.com/<repository>:<tag>`."""
    return f"{REGISTRY}/{repository}:{tag}"


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
