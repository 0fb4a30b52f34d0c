"""Macros for the guide pages: current image references from the catalog, generated tables, legacy names."""

from __future__ import annotations

from ..model import current
from ..render import guide as r
from ..render.html import text
from ..render.legacy import render_legacy_names
from .source import guide, messages


def image_ref(repo: str, tag: str) -> str:
    """`mcr.microsoft.com/dotnet/<repo>:<tag>`; the build stops when the catalog has no such tag."""
    return current.documented_reference(guide().catalog, repo, tag)


def current_tag(
    repo: str, variant: str = "", os: str = "", fixed: bool = False, channel: str = "", arch: str = ""
) -> str:
    """Today's tag for an example: newest supported channel, default OS unless `os` is given,
    multi-platform unless `arch` (amd64, arm64v8, arm32v7) is given."""
    return current.current_tag(guide().catalog, repo, variant, os, fixed, channel, arch)


def current_ref(
    repo: str, variant: str = "", os: str = "", fixed: bool = False, channel: str = "", arch: str = ""
) -> str:
    """Like current_tag, as a full `mcr.microsoft.com/...` reference."""
    return current.current_reference(guide().catalog, repo, variant, os, fixed, channel, arch)


def current_channel(repo: str = "sdk") -> str:
    """The newest .NET channel in support today ("10.0")."""
    return current.current_channel(guide().catalog, repo)


def default_os(repo: str = "aspnet", channel: str = "") -> str:
    """Display name of the OS behind the plain channel tag ("Ubuntu 24.04")."""
    catalog = guide().catalog
    return str(text(r.render_os_name(catalog, current.default_os_version(catalog, repo, channel or None))))


def os_name(os_version: str) -> str:
    """Display name of an OS version ("noble" -> "Ubuntu 24.04")."""
    return str(text(r.render_os_name(guide().catalog, os_version)))


def os_names(repo: str = "aspnet", channel: str = "") -> str:
    """ "Ubuntu 24.04, Alpine 3.24, ...": the OS versions a repository offers for a channel."""
    return str(text(r.render_os_names(guide().catalog, repo, channel)))


def latest_of(repo: str) -> str:
    """What a repository's `latest` tag points to, e.g. "10.0.11 on Ubuntu 24.04"."""
    return str(text(r.render_latest(guide().catalog, repo, messages())))


def channel_status(channel: str) -> str:
    """ ".NET 10.0 (LTS): In support until 2028-11-14", computed for the build date."""
    return str(text(r.render_channel_status(guide().catalog, channel, messages())))


def short_answer(prefix: str = "") -> str:
    """The "I want to ... -> this image" table, one row per repository (links relative to `prefix`)."""
    return r.render_short_answer(guide().catalog, messages(), prefix)


def catalog_sources() -> str:
    """Table of the upstream files and commits the catalog and lifecycle data were read from."""
    return r.render_catalog_sources(guide().catalog, messages())


def legacy_names() -> str:
    """The legacy image names table from data/legacy.yml."""
    return render_legacy_names(guide().catalog, guide().legacy, messages())


MACROS = {
    f.__name__: f
    for f in (
        image_ref,
        current_tag,
        current_ref,
        current_channel,
        default_os,
        os_name,
        os_names,
        latest_of,
        channel_status,
        short_answer,
        legacy_names,
        catalog_sources,
    )
}
