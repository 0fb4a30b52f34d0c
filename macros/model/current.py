"""Which tag an example should use today: the newest supported channel, a default OS, the variants asked for."""

from __future__ import annotations

from ..data.errors import UnknownValueError
from .catalog import Catalog, Image, RepositoryModel
from .order import VARIANTS, by_length


def current_channel(catalog: Catalog, repo: str = "sdk") -> str:
    """The .NET channel examples use (RepositoryModel.current_channel): the newest in support."""
    model = catalog.repository(repo)
    if model.current_channel is None:
        raise UnknownValueError(
            f"{model.info.repository} has no released channel on {catalog.today} "
            f"(expected one of: {', '.join(model.channels) or 'none'})"
        )
    return model.current_channel


def parse_variants(variant: str) -> frozenset[str]:
    """ "noble-chiseled, extra" style words -> the set of variants they name."""
    words = frozenset(w for w in variant.replace(",", " ").replace("-", " ").split() if w)
    unknown = sorted(words - set(VARIANTS))
    if unknown:
        raise UnknownValueError(f"unknown variant '{' '.join(unknown)}' (expected one of: {', '.join(VARIANTS)})")
    return words


def default_os_version(catalog: Catalog, repo: str = "aspnet", channel: str | None = None) -> str:
    """The OS version the plain `<channel>` tag resolves to (e.g. noble for .NET 10)."""
    model = catalog.repository(repo)
    channel = channel or current_channel(catalog, repo)
    images = model.resolve(channel)
    if not images:
        raise UnknownValueError(
            f"{model.info.repository} has no plain '{channel}' tag "
            f"(expected a channel like {', '.join(model.channels)})"
        )
    return images[0].os_version


def _candidates(
    catalog: Catalog, model: RepositoryModel, channel: str, variants: frozenset[str], os: str
) -> list[Image]:
    images = [i for i in model.images if i.channel == channel and frozenset(i.variants) == variants]
    if os:
        if os in catalog.distros:
            images = [i for i in images if i.distro == os]
        else:
            images = [i for i in images if i.os_version == os]
    else:
        default = model.resolve(channel) or model.resolve(f"{channel}-preview")
        default_os = default[0].os_version if default else ""
        linux = [i for i in images if i.os == "linux"]
        pool = linux or images  # .NET Framework has only Windows images
        preferred = [i for i in pool if i.os_version == default_os]
        images = preferred or pool
    return sorted(images, key=catalog.order.newest_os_key)


def current_tag(
    catalog: Catalog, repo: str, variant: str = "", os: str = "", fixed: bool = False, channel: str = "", arch: str = ""
) -> str:
    """The tag an example should use today: newest supported channel, the default OS unless `os` names
    a distro (alpine) or OS version (nanoserver-ltsc2025), the variants asked for; floating unless `fixed`."""
    model = catalog.repository(repo)
    channel = channel or current_channel(catalog, repo)
    if channel not in model.channels:
        raise UnknownValueError(
            f"{model.info.repository} has no channel '{channel}' (expected one of: {', '.join(model.channels)})"
        )
    if os and os not in catalog.distros and os not in catalog.os_versions:
        raise UnknownValueError(
            f"unknown os '{os}' (expected a distro or OS version: "
            f"{', '.join(list(catalog.distros) + list(catalog.os_versions))})"
        )
    images = _candidates(catalog, model, channel, parse_variants(variant), os)
    if not images:
        raise UnknownValueError(
            f"{model.info.repository} has no {channel} image with variant '{variant or 'none'}'"
            f"{' on ' + os if os else ''} (expected a combination listed on its repository page)"
        )
    image = images[0]

    def pick(pool):
        return [t for t in pool if t != "latest" and image.is_fixed(t) == fixed]

    if arch:  # an architecture-specific tag: the platform tags of that architecture's image
        if arch not in catalog.architectures:
            raise UnknownValueError(f"unknown arch '{arch}' (expected one of: {', '.join(catalog.architectures)})")
        matching = [i for i in images if i.architecture == arch and i.os_version == image.os_version]
        if not matching:
            raise UnknownValueError(f"{model.info.repository} {channel} has no {arch} image on {image.os_version}")
        tags = pick(matching[0].platform_tags)
    else:  # multi-platform tags first; .NET Framework datestamps exist only per Windows version
        shared, platform = pick(image.shared_tags), pick(image.platform_tags)
        tags = shared or platform
        if os:  # the reader asked for an OS: keep it visible in the tag
            tags = [t for t in shared + platform if os in t or image.os_version in t] or tags
    if not tags:
        raise UnknownValueError(
            f"no {'fixed' if fixed else 'floating'} tag for {model.info.repository} {channel} "
            f"'{variant}' (expected fixed=true or fixed=false to match a tag)"
        )
    return min(tags, key=by_length)


def current_reference(
    catalog: Catalog, repo: str, variant: str = "", os: str = "", fixed: bool = False, channel: str = "", arch: str = ""
) -> str:
    """Like current_tag, as a full `mcr.microsoft.com/...` reference."""
    return catalog.repository(repo).reference(current_tag(catalog, repo, variant, os, fixed, channel, arch))


def documented_reference(catalog: Catalog, repo: str, tag: str) -> str:
    """`mcr.microsoft.com/dotnet/<repo>:<tag>`, only for a tag the catalog documents."""
    model = catalog.repository(repo)
    if not model.has_tag(tag):
        near = sorted(t for t in model.images_by_tag if t.split("-")[0] == tag.split("-")[0])[:8]
        hint = ", ".join(near) if near else ", ".join(list(model.images_by_tag)[:8])
        raise UnknownValueError(
            f"tag '{tag}' is not in the catalog of {model.info.repository} (expected one of: {hint}, ...)"
        )
    return model.reference(tag)


def example_reference(catalog: Catalog, model: RepositoryModel) -> str:
    """A current reference for any repository: the supported channel's default tag, else `latest`."""
    try:
        return model.reference(current_tag(catalog, model.info.slug))
    except UnknownValueError:
        pass
    for tag in ("latest", *model.images_by_tag):
        if model.has_tag(tag):
            return model.reference(tag)
    return model.image_name
