"""Shared layers and what a pull really downloads, from the registry record's layer digests and
compressed sizes: a layer the machine already holds (same digest) is never downloaded again."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..data.errors import UnknownValueError
from .catalog import Catalog, Image
from .current import current_channel, current_tag

# The architecture every figure is given for: the one most machines pull.
ARCH = "amd64"
# The build-on-top order of the official images (each is FROM the one before it).
STACK = ("runtime-deps", "runtime", "aspnet", "sdk")


@dataclass(frozen=True)
class Layers:
    """A set of layers: how many and how many compressed bytes."""

    count: int
    size: int


@dataclass(frozen=True)
class Pull:
    """One image pulled onto a machine that already holds some layers."""

    image: Image
    tag: str
    total: Layers  # every layer of the image: a pull onto an empty machine
    new: Layers  # the layers the machine does not hold yet: what the pull downloads

    @property
    def present(self) -> Layers:
        return Layers(self.total.count - self.new.count, self.total.size - self.new.size)


def _layers(image: Image) -> dict[str, int]:
    return dict(image.registry.layers)


def _sum(layers: dict[str, int], digests: Iterable[str]) -> Layers:
    digests = set(digests)
    return Layers(len(digests), sum(layers[d] for d in digests))


def pull(image: Image, tag: str, present: Iterable[Image] = ()) -> Pull:
    """What pulling `image` downloads when the `present` images are already on the machine."""
    layers = _layers(image)
    held = {d for other in present for d in _layers(other)}
    return Pull(image, tag, _sum(layers, layers), _sum(layers, set(layers) - held))


def shared(images: Iterable[Image]) -> Layers:
    """The layers every one of `images` has (same digest): stored and downloaded once for all of them."""
    images = list(images)
    common = set(_layers(images[0])).intersection(*(_layers(i) for i in images[1:]))
    return _sum(_layers(images[0]), common)


def image_of(catalog: Catalog, repo: str, variant: str = "", os: str = "", channel: str = "") -> tuple[Image, str]:
    """The x64 image and floating tag an example would use (current_tag), with its registry record."""
    channel = channel or current_channel(catalog, repo)
    tag = current_tag(catalog, repo, variant=variant, os=os, channel=channel)
    model = catalog.repository(repo)
    found = [i for i in model.resolve(tag) if i.architecture == ARCH and i.registry is not None]
    if not found:
        raise UnknownValueError(
            f"{model.info.repository}:{tag} has no {ARCH} image in the registry record "
            "(expected a tag of dotnet-docker's images, which the record covers)"
        )
    return found[0], tag


def stack(catalog: Catalog, channel: str = "", os: str = "") -> tuple[Pull, ...]:
    """runtime-deps, runtime, aspnet, sdk of one channel and OS, each pulled after the ones below it."""
    pulls, below = [], []
    for repo in STACK:
        image, tag = image_of(catalog, repo, os=os, channel=channel)
        pulls.append(pull(image, tag, below))
        below.append(image)
    return tuple(pulls)


def images_by_size(catalog: Catalog, repo: str, channel: str = "") -> tuple[Image, ...]:
    """Every x64 image of one repository and channel in the registry record, smallest pull first."""
    model = catalog.repository(repo)
    channel = channel or current_channel(catalog, repo)
    found = [i for i in model.images if i.channel == channel and i.architecture == ARCH and i.registry is not None]
    if not found:
        raise UnknownValueError(
            f"{model.info.repository} has no {channel} {ARCH} image in the registry record "
            f"(expected one of: {', '.join(model.channels)})"
        )
    return tuple(sorted(found, key=lambda i: (i.registry.pull_size, i.os_version, i.variants)))
