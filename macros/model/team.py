"""team.yml (optional, GUIDE_TEAM): a team's own standard, and what it means for the catalog.

The standard names a registry mirror, the approved repositories, channels, operating systems and
variants, a pinning rule, exceptions that expire, and whom to ask. `apply_team` lays it over a loaded
catalog: every RepositoryModel then writes references through the mirror and pins them as the rule
says, and answers `approval(image, tag)`; renderers, the wizard and the policies read those facts and
never team.yml itself. Without a team the catalog is untouched (the public site).
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..data.schema import derived
from .repositories import REGISTRY, ReferenceRule

if TYPE_CHECKING:
    from .catalog import Catalog, Image, RepositoryModel


@dataclass(frozen=True)
class Approval:
    """A verdict on one image or tag: inside the standard or not, and why (shown to the reader)."""

    ok: bool
    why: str = ""  # in English
    # The same reason for another language: its message (data/messages `team_why.<reason>`) and the
    # values it names; `subject` (an image reference) goes first when a wizard result says which stage.
    reason: str = ""
    values: tuple[tuple[str, str], ...] = ()
    subject: str = ""


APPROVED = Approval(True)


@dataclass(frozen=True)
class Approved:
    """What the team allows. Each list is optional: left out, it means everything the guide recommends
    (every repository, the channels in support, every OS and variant)."""

    repositories: tuple[str, ...] = ()  # dotnet/aspnet (or aspnet)
    channels: tuple[str, ...] = ()  # "10.0", "4.8.1"
    os: tuple[str, ...] = ()  # a distro (ubuntu, alpine) or an OS version (noble, nanoserver-ltsc2025)
    variants: tuple[str, ...] = ()  # chiseled, extra, distroless, composite, aot


@dataclass(frozen=True)
class TeamException:
    """One image allowed outside the standard until a date, with why and who owns the exception."""

    image: str  # dotnet/aspnet:8.0-bookworm-slim (a registry in front is allowed)
    reason: str
    owner: str
    expires: datetime.date
    # Filled in by the loader from `image`.
    repository: str = derived("")
    tag: str = derived("")


@dataclass(frozen=True)
class Contact:
    """Whom to ask: a name, how to reach them (plain text), and an https link when there is one."""

    name: str
    how: str
    url: str | None = None


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Team:
    """A team's container image standard: the file named by GUIDE_TEAM."""

    team: str
    # Replaces `mcr.microsoft.com` in every reference: an ACR cache rule, an Artifactory remote, …
    mirror: str | None = None
    approved: Approved = Approved()
    pinning: Literal["tag", "tag+digest"] = "tag"
    non_root: bool = False  # the final stage of a shipped image must switch to a non-root user
    exceptions: tuple[TeamException, ...] = ()
    contacts: tuple[Contact, ...] = ()
    links: tuple[Link, ...] = ()
    # Filled in by the loader.
    file: str = derived("")

    @property
    def registry(self) -> str:
        return self.mirror or REGISTRY

    @property
    def rule(self) -> ReferenceRule:
        return ReferenceRule(registry=self.registry, pin_digest=self.pinning == "tag+digest")

    def exception_for(self, repository: str, tag: str | None, image: Image | None = None) -> TeamException | None:
        """The exception for a tag, or without a tag for any tag of the image."""
        tags = (tag,) if tag else (image.tags if image else ())
        return next((e for e in self.exceptions if e.repository == repository and e.tag in tags), None)

    def approval(self, model: RepositoryModel, image: Image, tag: str | None = None) -> Approval:
        """Inside the standard? Checked in the order a reader would fix things: the tag, an exception,
        then repository, channel, OS and variant, then whether the rule's digest can be written."""
        if tag == "latest":
            return Approval(False, "`latest` moves to new .NET versions and operating systems", "latest")
        exception = self.exception_for(model.info.repository, tag, image)
        if exception:
            day = exception.expires.isoformat()
            values = (("date", day), ("owner", exception.owner))
            return Approval(True, f"exception until {day} ({exception.owner})", "exception", values)
        approved = self.approved
        if approved.repositories and model.info.repository not in approved.repositories:
            name = model.info.repository
            return Approval(False, f"{name} is not an approved repository", "repository", (("repository", name),))
        channels = _channels(approved, model)
        if image.channel and channels is not None and image.channel not in channels:
            return Approval(False, f"channel {image.channel} is not approved", "channel", (("channel", image.channel),))
        if approved.os and image.distro not in approved.os and image.os_version not in approved.os:
            os = image.os_version
            return Approval(False, f"{os} is not an approved operating system", "os", (("os", os),))
        extra = [v for v in image.variants if v not in approved.variants] if approved.variants else []
        if extra:
            variant = " + ".join(extra)
            return Approval(False, f"variant {variant} is not approved", "variant", (("variant", variant),))
        if tag and self.pinning == "tag+digest" and model.digest(tag) is None:
            return Approval(False, "no digest is recorded for this tag, so it cannot be pinned", "digest")
        return APPROVED


def _channels(approved: Approved, model: RepositoryModel) -> tuple[str, ...] | None:
    """The channels allowed in a repository (None: any). A repository with its own lifecycle (samples,
    the Aspire dashboard) is updated only in its newest version, whatever the team lists."""
    if model.info.lifecycle == "own":
        return model.channels[:1] or None
    return approved.channels or model.supported_channels


def approved_repositories(catalog: Catalog) -> list[str]:
    """The repositories the team's standard allows (every repository of the catalog when it lists none)."""
    assert catalog.team is not None, "only a team's edition has a standard"
    return list(catalog.team.approved.repositories) or [r.info.repository for r in catalog.repositories]


def apply_team(catalog: Catalog, team: Team | None) -> Catalog:
    """The catalog as the team's edition shows it: references through the mirror, pinned as the rule
    says, approval answered by the standard. No team: the catalog itself."""
    if team is None:
        return catalog
    rule = team.rule
    repositories = tuple(dataclasses.replace(r, rule=rule, team=team) for r in catalog.repositories)
    return dataclasses.replace(catalog, repositories=repositories, team=team)
