"""The support lifecycle: each .NET channel's release type and dates (generated from dotnet/core's
releases-index.json into lifecycle/dotnet.yml), the hand-kept .NET Framework channels and Windows Server
releases (lifecycle.yml), and the status of each on a given day."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

from ..data.schema import derived, replace

Status = Literal["preview", "supported", "ending", "eol"]
# dotnet/core's support phases, in the order a channel goes through them.
Phase = Literal["preview", "go-live", "active", "maintenance", "eol"]
# Days before end of life from which a channel is shown as "ends in N days".
ENDING_SOON_DAYS = 180


@dataclass(frozen=True)
class Channel:
    channel: str
    product: Literal[".NET", ".NET Core", ".NET Framework"]
    release_type: Literal["lts", "sts", "windows"]
    ga: datetime.date | None = None
    eol: datetime.date | None = None
    note: str | None = None
    # From releases-index.json, filled in by the loader: upstream's phase on the day of its commit (status is
    # computed from the dates instead, so it stays true as days pass), and its newest release.
    support_phase: Phase | None = derived()
    latest_release: str | None = derived()
    # Computed against "today" by the loader.
    status: Status | None = derived()
    days_left: int | None = derived()

    @property
    def release_label(self) -> str:
        return {"lts": "LTS", "sts": "STS", "windows": "Windows lifecycle"}[self.release_type]

    @property
    def status_label(self) -> str:
        if self.status == "preview":
            return "Preview"
        if self.status == "eol":
            return f"End of life since {self.eol.isoformat()}"
        if self.status == "ending":
            return f"Ends in {self.days_left} day{'s' if self.days_left != 1 else ''} ({self.eol.isoformat()})"
        if self.eol is None:
            return "In support (follows the Windows lifecycle)" if self.release_type == "windows" else "In support"
        return f"In support until {self.eol.isoformat()}"

    @property
    def in_support(self) -> bool:
        return self.status in ("supported", "ending")

    @property
    def title(self) -> str:
        """ ".NET 10.0"."""
        return f"{self.product} {self.channel}"


def channel_status(channel: Channel, on: datetime.date) -> Channel:
    """The channel with its status and days left computed for the day `on`."""
    if channel.ga is None or on < channel.ga:
        status = "preview"
    elif channel.eol is not None and on >= channel.eol:
        status = "eol"
    elif channel.eol is not None and (channel.eol - on).days <= ENDING_SOON_DAYS:
        status = "ending"
    else:
        status = "supported"
    days_left = (channel.eol - on).days if channel.eol else None
    return replace(channel, status=status, days_left=days_left)


@dataclass(frozen=True)
class WindowsRelease:
    """A Windows Server release the Windows images are based on, with Microsoft's end of extended support."""

    name: str  # Windows Server 2016
    os_versions: tuple[str, ...]  # the platforms.yml OS versions built on it
    extended_end: datetime.date
    url: str  # Microsoft's lifecycle page, where the dates are read
    mainstream_end: datetime.date | None = None
    # Computed against "today" by the loader.
    status: Literal["supported", "ending", "eol"] | None = derived()
    days_left: int | None = derived()

    @property
    def warning(self) -> str | None:
        """What a page says about an image on this release: only once its end is near (or past)."""
        day = self.extended_end.isoformat()
        if self.status == "eol":
            return f"{self.name} support ended {day}"
        if self.status == "ending":
            return f"{self.name} support ends {day}, in {self.days_left} day{'s' if self.days_left != 1 else ''}"
        return None


def windows_status(release: WindowsRelease, on: datetime.date) -> WindowsRelease:
    """The release with its status and days left computed for the day `on` (warned ENDING_SOON_DAYS ahead)."""
    days_left = (release.extended_end - on).days
    status = "eol" if days_left <= 0 else "ending" if days_left <= ENDING_SOON_DAYS else "supported"
    return replace(release, status=status, days_left=days_left)


@dataclass(frozen=True)
class LifecycleSource:
    name: str
    url: str
    commit: str | None = None  # a git commit, when the source is a file in a repository
    date: datetime.date | None = None  # the commit's date, when the sync recorded it


@dataclass(frozen=True)
class GaDate:
    """The GA day of a .NET channel, for a channel whose GA the generated lifecycle does not carry."""

    channel: str
    ga: datetime.date


@dataclass(frozen=True)
class Lifecycle:
    """lifecycle.yml (hand-kept); the loader returns it with the generated .NET channels merged in."""

    sources: tuple[LifecycleSource, ...]
    channels: tuple[Channel, ...]
    windows: tuple[WindowsRelease, ...] = ()
    ga_dates: tuple[GaDate, ...] = ()

    def windows_release(self, os_version: str) -> WindowsRelease | None:
        """The Windows Server release an OS version is built on (None on Linux or when not recorded)."""
        return next((w for w in self.windows if os_version in w.os_versions), None)


@dataclass(frozen=True)
class ReleaseChannel:
    """One channel as dotnet/core's releases-index.json lists it."""

    channel: str
    product: Literal[".NET", ".NET Core"]
    release_type: Literal["lts", "sts"]
    support_phase: Phase
    latest_release: str
    latest_release_date: datetime.date
    ga: datetime.date | None = None
    eol: datetime.date | None = None


@dataclass(frozen=True)
class ReleasesSource:
    repository: str
    commit: str
    date: datetime.date
    file: str

    @property
    def url(self) -> str:
        return f"https://github.com/{self.repository}/blob/{self.commit}/{self.file}"


@dataclass(frozen=True)
class ReleasesFile:
    """lifecycle/dotnet.yml, generated by the sync from releases-index.json."""

    source: ReleasesSource
    channels: tuple[ReleaseChannel, ...]
