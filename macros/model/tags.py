"""Tag groups: the tags that name the same platform images, and the few worth featuring per channel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .order import Order, by_length

if TYPE_CHECKING:
    from .catalog import Image, RepositoryModel


@dataclass(frozen=True)
class TagGroup:
    """Tags that all point to the same platform images (one manifest list, or one Windows image)."""

    images: tuple[Image, ...]
    floating: tuple[str, ...]
    fixed: tuple[str, ...]

    @property
    def tag(self) -> str:
        """The tag to show for the group: its shortest floating tag other than `latest`."""
        named = [t for t in self.floating if t != "latest"] or list(self.floating) or list(self.fixed)
        return min(named, key=by_length)

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(t for t in self.floating if t != self.tag)

    @property
    def channel(self) -> str | None:
        return self.images[0].channel


def group_tags(model: RepositoryModel, order: Order) -> tuple[TagGroup, ...]:
    """Every multi-platform tag, and every Windows tag, grouped by the images it points to."""
    position = {id(image): n for n, image in enumerate(model.images)}
    found: dict[tuple[int, ...], list[str]] = {}
    for tag, images in model.images_by_tag.items():
        if model.is_multi_platform(tag) or all(i.os == "windows" for i in images):
            found.setdefault(tuple(sorted(position[id(i)] for i in images)), []).append(tag)
    groups = []
    for key, tags in found.items():
        images = tuple(sorted((model.images[n] for n in key), key=order.image_key))
        floating = tuple(sorted((t for t in tags if model.is_floating(t)), key=by_length))
        fixed = tuple(sorted((t for t in tags if not model.is_floating(t)), key=by_length))
        groups.append(TagGroup(images, floating, fixed))
    return tuple(sorted(groups, key=lambda g: (order.image_key(g.images[0]), len(g.images), g.tag)))


def default_images(model: RepositoryModel, channel: str | None) -> tuple[Image, ...]:
    """What the plain channel tag (or, without one, `latest`) points to."""
    if channel and model.has_tag(channel):
        return model.resolve(channel)
    return tuple(i for i in model.latest if i.channel == channel)


def feature(model: RepositoryModel, channel: str | None, order: Order) -> tuple[TagGroup, ...]:
    """The floating tags worth featuring for one channel: one per OS family and variant set.

    Within a family the default OS version wins (noble for .NET 10, so `10.0-noble-chiseled`
    rather than a newer Ubuntu's), else the newest; a manifest list beats a tag for one of its images.
    """
    default = default_images(model, channel)
    default_os = {i.os_version for i in default}
    flavours: dict[tuple, list[TagGroup]] = {}
    for group in model.tag_groups:
        if group.channel != channel or not group.floating:
            continue
        first = group.images[0]
        flavour = (first.os, frozenset(i.distro for i in group.images), first.variants)
        flavours.setdefault(flavour, []).append(group)

    def rank(group: TagGroup) -> int:
        return max(order.os_rank.get(i.os_version, 0) for i in group.images)

    featured = []
    for groups in flavours.values():
        preferred = [g for g in groups if {i.os_version for i in g.images} & default_os]
        best = max(rank(g) for g in preferred or groups)
        kept = [g for g in (preferred or groups) if rank(g) == best]
        sets = [set(map(id, g.images)) for g in kept]
        featured += [g for g, s in zip(kept, sets, strict=True) if not any(s < other for other in sets)]
    default_ids = {id(i) for i in default}
    return tuple(
        sorted(
            featured, key=lambda g: (not ({id(i) for i in g.images} & default_ids), order.image_key(g.images[0]), g.tag)
        )
    )
