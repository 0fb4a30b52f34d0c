"""Macros for facts prose states in passing (an OS version key, an earlier default OS, what a tag
covers), so that no sentence types what the catalog knows."""

from __future__ import annotations

from ..model import os_facts
from ..render import facts as r
from ..render.html import text
from .source import guide, messages


def os_key(distro: str, repo: str = "aspnet", channel: str = "") -> str:
    """ "alpine3.24": the newest OS version of a distro for the current channel, as tags spell it."""
    return str(text(r.render_os_key(guide().catalog, distro, repo, channel)))


def default_os_key(distro: str, repo: str = "aspnet") -> str:
    """ "bookworm-slim", "noble": the OS version a plain tag means for a distro (its newest channel that has one)."""
    return str(text(r.render_default_os_key(guide().catalog, distro, repo)))


def earlier_defaults(repo: str = "aspnet") -> str:
    """ "Debian 12 for .NET 8.0 and 9.0": channels whose plain tag has another default OS than today's."""
    return str(text(r.render_earlier_defaults(guide().catalog, messages(), repo)))


def default_channels(distro: str, repo: str = "aspnet") -> list[str]:
    """["8.0", "9.0"]: the channels whose plain tag runs `distro`, oldest first (for `{% for %}` in prose)."""
    return list(os_facts.default_channels(guide().catalog, distro, repo))


def default_channel_tags(distro: str, repo: str = "aspnet") -> str:
    """ "`8.0` or `9.0`" (as <code>): the plain tags that run `distro`, in the page's language."""
    return str(r.render_default_channel_tags(guide().catalog, messages(), distro, repo))


def offers_os(distro: str, repo: str = "aspnet", channel: str = "") -> bool:
    """True when the repository publishes images of `distro` for the channel (for `{% if %}` in prose)."""
    return os_facts.offers(guide().catalog, distro, repo, channel)


def tag_os_names(repo: str, tag: str) -> str:
    """ "Alpine (current) and Nano Server 2022": the operating systems behind a tag."""
    return str(text(r.render_tag_os_names(guide().catalog, messages(), repo, tag)))


MACROS = {
    f.__name__: f
    for f in (os_key, default_os_key, earlier_defaults, default_channels, default_channel_tags, offers_os, tag_os_names)
}
