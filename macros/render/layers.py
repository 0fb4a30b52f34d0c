"""Renderers for the Layers and size page: the image stack, shared layers and what a pull downloads,
from the registry record (macros/model/layers.py computes; this only formats), in the page's language
(data/messages, group `layers`)."""

from __future__ import annotations

from ..data.errors import UnknownValueError
from ..model import layers as m
from ..model.catalog import Catalog, Image
from ..model.current import parse_variants
from ..model.messages import Messages
from .html import breakable_code, code, markdown_table, size_text
from .texts import said, size_caveat


def _mb(size: int) -> str:
    return size_text(size).removeprefix("≈\u00a0")


def _layers(layers: m.Layers, t: Messages) -> str:
    return t.count("layers.count", layers.count, size=_mb(layers.size))


def _variant(image: Image, t: Messages) -> str:
    return " + ".join(image.variants) or t.text("layers.default")


def _headers(t: Messages, *keys: str) -> list[str]:
    return [t.text(f"layers.{key}") for key in keys]


def _caption(catalog: Catalog, t: Messages) -> str:
    record = said(t, "layers.record_as_of", date=t.time(catalog.registry_date))
    return f"\n<small>{size_caveat(t)} {record}</small>\n"


def render_layer_stack(catalog: Catalog, t: Messages, channel: str = "", os: str = "") -> str:
    """runtime-deps -> runtime -> aspnet -> sdk, each pulled onto a machine that holds the ones above it."""
    rows = []
    for n, p in enumerate(m.stack(catalog, channel, os)):
        rows.append(
            [
                code(f"{p.image.repository}:{p.tag}"),
                code(m.STACK[n - 1]) if n else t.text("layers.the_os"),
                _layers(p.total, t),
                _layers(p.present, t) if n else t.text("layers.nothing"),
                _layers(p.new, t),
            ]
        )
    headers = _headers(t, "image", "built_on", "alone", "present", "downloaded")
    return markdown_table(headers, rows) + _caption(catalog, t)


def render_shared_layers(
    catalog: Catalog, t: Messages, repos: str = "aspnet runtime runtime-deps", channel: str = ""
) -> str:
    """ "3 layers, 47 MB": what the current images of these repositories (same channel and OS) all hold."""
    images = [m.image_of(catalog, repo, channel=channel)[0] for repo in repos.split()]
    return _layers(m.shared(images), t)


def render_pull_size(catalog: Catalog, repo: str, variant: str = "", os: str = "", channel: str = "") -> str:
    """ "96 MB": what pulling the current x64 image of `repo` downloads onto an empty machine."""
    image, _ = m.image_of(catalog, repo, variant, os, channel)
    return _mb(image.registry.pull_size)


def render_layer_count(catalog: Catalog, repo: str, variant: str = "", os: str = "", channel: str = "") -> str:
    image, _ = m.image_of(catalog, repo, variant, os, channel)
    return str(len(image.registry.layers))


def render_pull_after(catalog: Catalog, t: Messages, repo: str, after: str, variant: str = "", os: str = "") -> str:
    """ "4 layers, 231 MB" (or "nothing"): what pulling `repo` downloads when `after` (same variant and OS) is there."""
    image, tag = m.image_of(catalog, repo, variant, os)
    present, _ = m.image_of(catalog, after, variant, os)
    new = m.pull(image, tag, [present]).new
    return _layers(new, t) if new.count else t.text("layers.nothing")


# What the Layers and size page compares: default, chiseled, composite, Alpine, Azure Linux (plain, distroless).
_CHOICES = "@ chiseled@ chiseled,composite@ @alpine @azurelinux distroless@azurelinux"


def _size_cells(catalog: Catalog, image, tag: str, t: Messages) -> list:
    """The cells every size table starts with: tag, OS, variant, layer count and pull size."""
    return [
        breakable_code(tag, at_hyphens=True),
        catalog.os_name(image),
        _variant(image, t),
        str(len(image.registry.layers)),
        _mb(image.registry.pull_size),
    ]


def render_variant_sizes(catalog: Catalog, t: Messages, repo: str = "aspnet", variants: str = "") -> str:
    """One row per choice (`variant@os` words, e.g. "chiseled composite@ alpine@"): tag, OS, layers, pull
    size, and the layers it shares with the default image (which a machine holding that one skips)."""
    default, _ = m.image_of(catalog, repo)
    choices = [c.partition("@") for c in (variants or _CHOICES).split()]
    rows = []
    for variant, _, os in choices:
        parse_variants(variant)  # an unknown word stops the build with the list of variants
        image, tag = m.image_of(catalog, repo, variant.replace(",", " "), os)
        both = m.shared([default, image])
        shared = t.text("layers.same_image") if image is default else (_layers(both, t) if both.count else None)
        rows.append([*_size_cells(catalog, image, tag, t), shared or t.text("layers.nothing")])
    headers = _headers(t, "tag", "os", "variant", "layers", "pull_size", "shared")
    return markdown_table(headers, rows) + _caption(catalog, t)


def render_image_sizes(catalog: Catalog, t: Messages, repo: str, channel: str = "") -> str:
    """Every x64 image of one repository and channel in the record, smallest pull first."""
    rows = []
    for image in m.images_by_size(catalog, repo, channel):
        tag = min((t for t in image.tags if not image.is_fixed(t) and t != "latest"), key=len, default=image.tags[0])
        rows.append(_size_cells(catalog, image, tag, t))
    return (
        '<div class="guide-sizes" markdown>\n\n'
        + markdown_table(_headers(t, "tag", "os", "variant", "layers", "pull_size"), rows)
        + "\n</div>\n"
        + _caption(catalog, t)
    )


def render_size_of(catalog: Catalog, repo: str, tag: str) -> str:
    """ "≈ 96 MB": the pull size of the x64 image behind a documented tag."""
    model = catalog.repository(repo)
    found = [i for i in model.resolve(tag) if i.architecture == m.ARCH and i.registry is not None]
    if not found:
        raise UnknownValueError(
            f"no {m.ARCH} image of {model.info.repository}:{tag} in the registry record "
            "(expected a documented tag of dotnet-docker or the .NET Framework images)"
        )
    return size_text(found[0].registry.pull_size)
