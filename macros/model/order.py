"""Display order: the one place that says which channel, OS, variant and architecture come first."""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from .platforms import Platforms

if TYPE_CHECKING:
    from .catalog import Image

# The variants an image may have, in the order readers meet them (tables, menus, messages).
VARIANTS = ("chiseled", "distroless", "composite", "extra", "aot")
Variant = Literal[VARIANTS]


def version_key(version: str) -> tuple:
    """Sort "10.0" after "9.0" and "4.8.1" after "4.8"."""
    return tuple(int(p) if p.isdigit() else -1 for p in re.split(r"[.\-]", version))


def by_length(tag: str) -> tuple:
    """Shortest tag first, then alphabetical: the tag a reader would type."""
    return (len(tag), tag)


class Order:
    """Orders taken from platforms.yml (distros and architectures as listed, OS versions newest
    first within a distro) plus the newest channel first."""

    def __init__(self, platforms: Platforms):
        self.platforms = platforms

    @cached_property
    def os_rank(self) -> dict[str, int]:
        """Position of each OS version in platforms.yml (higher is newer within a distro)."""
        return {o.os_version: n for n, o in enumerate(self.platforms.os_versions)}

    @cached_property
    def distro_rank(self) -> dict[str, int]:
        return {d.distro: n for n, d in enumerate(self.platforms.distros)}

    @cached_property
    def arch_rank(self) -> dict[str, int]:
        return {a.architecture: n for n, a in enumerate(self.platforms.architectures)}

    def image_key(self, image: Image) -> tuple:
        """Newest channel first, then distro order, newest OS version, fewest variants, architecture."""
        channel = tuple(-p for p in version_key(image.channel or image.version or "0"))
        variants = tuple(VARIANTS.index(v) for v in image.variants)
        return (
            channel,
            self.distro_rank.get(image.distro, 99),
            -self.os_rank.get(image.os_version, 0),
            len(variants),
            variants,
            self.arch_rank.get(image.architecture, 9),
            image.dockerfile,
        )

    def newest_os_key(self, image: Image) -> tuple:
        """Newest OS version first, then x64 before Arm."""
        return (-self.os_rank.get(image.os_version, 0), self.arch_rank.get(image.architecture, 9))
