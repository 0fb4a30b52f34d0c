"""The image search behind each answer: the best image of a repository for a channel and platform.

Memoised: the tree asks for the same few hundred combinations tens of thousands of times (many
paths differ only in answers that do not change which image fits).
"""

from __future__ import annotations

from ..model.catalog import Catalog, Image
from ..model.order import by_length


def _shows_os(image: Image, tag: str) -> bool:
    """Does the tag say which OS the image is (its version `alpine3.24`, or its family `alpine`)?"""
    return image.names_os(tag) or f"-{image.distro}-" in f"-{tag}-"


def pick_tags(image: Image, multi: bool) -> tuple[str, str] | None:
    """(floating tag, fixed tag) that show the image's OS; multi-platform when asked (Linux).

    The floating tag is the one that keeps receiving updates longest: `10.0-alpine` (which moves to
    the next Alpine release) before `10.0-alpine3.24` (which ends with Alpine 3.24), where upstream
    publishes both for this image. The fixed tag names the exact version and OS version.
    """
    tags = image.shared_tags if multi and image.os == "linux" else image.platform_tags
    floating = sorted(
        (t for t in tags if _shows_os(image, t) and not image.is_fixed(t)),
        key=lambda t: (image.names_os(t), *by_length(t)),
    )
    fixed = sorted((t for t in tags if image.names_os(t) and image.is_fixed(t)), key=by_length)
    if not floating or not fixed:
        return None
    return floating[0], fixed[0]


class ImageSearch:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self._found: dict = {}
        self._images: dict = {}
        self._channel_os: dict = {}

    def find(
        self,
        repository: str,
        channel: str,
        distro,
        os_version,
        arch,
        variants,
        multi: bool,
        prefer_os: str | None = None,
    ) -> tuple[Image, tuple[str, str]] | None:
        """The best image (and its floating and fixed tags), or None when nothing fits."""
        key = (repository, channel, distro, os_version, arch, frozenset(variants), multi, prefer_os)
        if key not in self._found:
            self._found[key] = self._search(*key)
        return self._found[key]

    def _search(
        self,
        repository: str,
        channel: str,
        distro,
        os_version,
        arch,
        wanted: frozenset,
        multi: bool,
        prefer_os: str | None,
    ) -> tuple[Image, tuple[str, str]] | None:
        found = []
        for image in self._of(repository, channel, distro):
            if frozenset(image.variants) != wanted:
                continue
            if os_version and image.os_version != os_version:
                continue
            if arch and image.architecture != arch:
                continue
            tags = pick_tags(image, multi)
            if tags:
                found.append((self._rank(image, prefer_os, self._os_of_channel_tags(repository, channel)), image, tags))
        if not found:
            return None
        found.sort(key=lambda item: item[0], reverse=True)
        return found[0][1], found[0][2]

    def _of(self, repository: str, channel: str, distro: str) -> list:
        key = (repository, channel, distro)
        if key not in self._images:
            self._images[key] = [
                i for i in self.catalog.repository(repository).images if i.channel == channel and i.distro == distro
            ]
        return self._images[key]

    def _os_of_channel_tags(self, repository: str, channel: str) -> frozenset:
        """OS versions a channel's tags without an OS version point to (10.0 -> noble, 10.0-alpine -> alpine3.24)."""
        key = (repository, channel)
        if key not in self._channel_os:
            self._channel_os[key] = frozenset(
                i.os_version
                for i in self.catalog.repository(repository).images
                if i.channel == channel and any(not i.names_os(t) for t in i.tags)
            )
        return self._channel_os[key]

    def _rank(self, image: Image, prefer_os: str | None, channel_os: frozenset) -> tuple:
        """Prefer the OS version of the other stage, then the one the channel's floating tags use, then the newest."""
        return (
            image.os_version == prefer_os,
            image.os_version in channel_os,
            self.catalog.order.os_rank.get(image.os_version, -1),
            image.architecture == "amd64",
        )
