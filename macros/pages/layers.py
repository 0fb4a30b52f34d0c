"""Macros for the Layers and size page: shared layers, pull sizes and what a pull downloads, from the
registry record. Every figure is for the x64 image of the tag an example would use (current_tag)."""

from __future__ import annotations

from ..render import layers as r
from .source import guide, messages


def layer_stack(channel: str = "", os: str = "") -> str:
    """runtime-deps -> runtime -> aspnet -> sdk: each image's layers, and what it downloads after the ones above."""
    return r.render_layer_stack(guide().catalog, messages(), channel, os)


def shared_layers(repos: str = "aspnet runtime runtime-deps", channel: str = "") -> str:
    """ "3 layers, 47 MB": the layers the current images of these repositories all hold."""
    return r.render_shared_layers(guide().catalog, messages(), repos, channel)


def pull_size(repo: str, variant: str = "", os: str = "", channel: str = "") -> str:
    """ "96 MB": what pulling the current x64 image downloads onto an empty machine."""
    return r.render_pull_size(guide().catalog, repo, variant, os, channel)


def layer_count(repo: str, variant: str = "", os: str = "", channel: str = "") -> str:
    """ "6": how many layers the current x64 image has."""
    return r.render_layer_count(guide().catalog, repo, variant, os, channel)


def pull_after(repo: str, after: str, variant: str = "", os: str = "") -> str:
    """ "4 layers, 231 MB": what pulling `repo` downloads when `after` is already on the machine."""
    return r.render_pull_after(guide().catalog, messages(), repo, after, variant, os)


def variant_sizes(repo: str = "aspnet", variants: str = "") -> str:
    """Default, chiseled, composite, Alpine, Azure Linux side by side, with the layers each shares with the default."""
    return r.render_variant_sizes(guide().catalog, messages(), repo, variants)


def image_sizes(repo: str, channel: str = "") -> str:
    """Every x64 image of one repository and channel in the registry record, smallest pull first."""
    return r.render_image_sizes(guide().catalog, messages(), repo, channel)


def size_of(repo: str, tag: str) -> str:
    """ "≈ 96 MB": the pull size of the x64 image behind a documented tag."""
    return r.render_size_of(guide().catalog, repo, tag)


MACROS = {
    f.__name__: f
    for f in (layer_stack, shared_layers, pull_size, layer_count, pull_after, variant_sizes, image_sizes, size_of)
}
