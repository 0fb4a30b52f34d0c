"""The publishes the registry record holds: one per day on which any digest changed, with how many
platform images each repository rebuilt and the product versions first published that day."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .order import version_key

if TYPE_CHECKING:
    from .catalog import Catalog


@dataclass(frozen=True)
class Rebuilt:
    """One repository on one publish day."""

    repository: str  # dotnet/aspnet
    images: int  # platform images with a new digest that day
    versions: tuple[str, ...]  # product versions first published that day, newest first


@dataclass(frozen=True)
class Publish:
    day: str  # YYYY-MM-DD (UTC)
    repositories: tuple[Rebuilt, ...]  # in catalog order

    @property
    def images(self) -> int:
        return sum(r.images for r in self.repositories)

    @property
    def versions(self) -> tuple[str, ...]:
        """Every version first published that day, newest first, once each."""
        found = {v for r in self.repositories for v in r.versions}
        return tuple(sorted(found, key=version_key, reverse=True))


def publishes(catalog: Catalog) -> tuple[Publish, ...]:
    """Every publish day of the record, newest first. The record holds the images published now, so a
    day counts the rebuilds of images that are still published (an image dropped since is not in it)."""
    by_day: dict[str, dict[str, tuple[int, set[str]]]] = {}
    for model in catalog.repositories:
        if model.registry is None:
            continue
        name = model.info.repository
        for image in model.registry.images:
            for _, day in image.history:
                count, versions = by_day.setdefault(day, {}).get(name, (0, set()))
                by_day[day][name] = (count + 1, versions)
            for version, day in image.versions:
                count, versions = by_day.setdefault(day, {}).get(name, (0, set()))
                by_day[day][name] = (count, versions | {version})
    order = {m.info.repository: n for n, m in enumerate(catalog.repositories)}
    return tuple(
        Publish(
            day,
            tuple(
                Rebuilt(name, count, tuple(sorted(versions, key=version_key, reverse=True)))
                for name, (count, versions) in sorted(by_day[day].items(), key=lambda item: order[item[0]])
            ),
        )
        for day in sorted(by_day, reverse=True)
    )
