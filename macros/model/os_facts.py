"""Facts about operating systems that prose states: which OS version of a distro is newest, which
OS plain channel tags default to, which operating systems a tag covers. Computed from the catalog so
the sentences follow the data (a new Alpine or Azure Linux version arrives with a refresh)."""

from __future__ import annotations

from ..data.errors import UnknownValueError
from .catalog import Catalog
from .current import current_channel


def newest_os_version(catalog: Catalog, distro: str, repo: str = "aspnet", channel: str = "") -> str:
    """The newest OS version key of `distro` the repository publishes for a channel (alpine3.24)."""
    model = catalog.repository(repo)
    channel = channel or current_channel(catalog, repo)
    if distro not in catalog.distros:
        raise UnknownValueError(f"unknown distro '{distro}' (expected one of: {', '.join(catalog.distros)})")
    found = {i.os_version for i in model.images if i.channel == channel and i.distro == distro}
    # Specific versions only: the samples' `alpine` and `ubuntu` keys float.
    found = {v for v in found if v != distro} or found
    if not found:
        raise UnknownValueError(
            f"{model.info.repository} {channel} has no {distro} image (expected a distro it offers)"
        )
    return max(found, key=lambda v: catalog.order.os_rank[v])  # platforms.yml lists older versions first


def offers(catalog: Catalog, distro: str, repo: str = "aspnet", channel: str = "") -> bool:
    """Does the repository publish any image of `distro` for the channel?"""
    channel = channel or current_channel(catalog, repo)
    return any(i.channel == channel and i.distro == distro for i in catalog.repository(repo).images)


def default_os_versions(catalog: Catalog, repo: str = "aspnet") -> dict[str, str]:
    """Channel -> the OS version its plain tag (`9.0`) resolves to, newest channel first; channels
    without a plain tag (previews) are left out."""
    model = catalog.repository(repo)
    return {c: model.resolve(c)[0].os_version for c in model.channels if model.resolve(c)}


def default_channels(catalog: Catalog, distro: str, repo: str = "aspnet") -> tuple[str, ...]:
    """The channels whose plain tag (`9.0`) runs `distro`, oldest first (Debian: 8.0 and 9.0 today)."""
    defaults = default_os_versions(catalog, repo)
    return tuple(c for c, v in reversed(defaults.items()) if catalog.os_versions[v].distro == distro)


def default_os_key(catalog: Catalog, distro: str, repo: str = "aspnet") -> str:
    """The OS version key a plain tag means for `distro`, as tags spell it (bookworm-slim, noble): the
    newest channel's that defaults to it."""
    found = [v for v in default_os_versions(catalog, repo).values() if catalog.os_versions[v].distro == distro]
    if not found:
        raise UnknownValueError(
            f"no channel of {catalog.repository(repo).info.repository} defaults to {distro} "
            "(expected a distro some plain tag runs)"
        )
    return found[0]


def os_versions_of_tag(catalog: Catalog, repo: str, tag: str) -> tuple[str, ...]:
    """The OS versions behind a tag, in platforms.yml order (Linux before Windows)."""
    model = catalog.repository(repo)
    images = model.resolve(tag)
    if not images:
        raise UnknownValueError(f"tag '{tag}' is not in the catalog of {model.info.repository}")
    found = {i.os_version for i in images}
    return tuple(o.os_version for o in catalog.platforms.os_versions if o.os_version in found)
