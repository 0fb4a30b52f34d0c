"""lifecycle.yml: each .NET channel's release type and dates, and its status on a given day."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

from ..data.schema import derived, replace

Status = Literal["preview", "supported", "ending", "eol"]
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
class LifecycleSource:
    name: str
    url: str
    commit: str


@dataclass(frozen=True)
class Lifecycle:
    sources: tuple[LifecycleSource, ...]
    channels: tuple[Channel, ...]
