"""A tag's recent rebuilds, from the registry record's timelines: when its digest changed, and whether
the product version changed with it (a .NET patch) or not (the same version rebuilt on a newer base)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .catalog import RepositoryModel
    from .registry import ManifestList, RegistryImage

# How many rebuilds a featured tag lists: about three months of publishes.
RECENT_REBUILDS = 8


@dataclass(frozen=True)
class Rebuild:
    """One digest a tag pointed to, from the day it was first published."""

    day: str
    digest: str
    version: str | None  # the product version of that digest, when its tags named one
    before: str | None  # the version of the digest it replaced; None for the oldest the record holds
    first: bool = False  # the oldest digest the record holds (nothing is known about what it replaced)

    @property
    def version_changed(self) -> bool:
        return not self.first and self.version is not None and self.before is not None and self.version != self.before


def tag_timeline(model: RepositoryModel, tag: str) -> ManifestList | RegistryImage | None:
    """What holds a tag's digest history: its manifest list, else the one platform image it names (Windows
    tags name a single image), else None (not in the registry record)."""
    listing = model.manifest_list(tag)
    if listing is not None:
        return listing
    images = model.resolve(tag)
    if len(images) == 1 and images[0].registry is not None:
        return images[0].registry
    return None


def rebuilds(timeline: ManifestList | RegistryImage, limit: int = RECENT_REBUILDS) -> tuple[Rebuild, ...]:
    """The newest `limit` digests of a timeline, newest first, each with the version it replaced."""
    history = timeline.history
    found = []
    for n, (digest, day) in enumerate(history[:limit]):
        older = history[n + 1] if n + 1 < len(history) else None
        found.append(
            Rebuild(
                day=day,
                digest=digest,
                version=timeline.version_on(day),
                before=timeline.version_on(older[1]) if older else None,
                first=older is None,
            )
        )
    return tuple(found)
