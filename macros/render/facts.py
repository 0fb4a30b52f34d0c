"""Short facts for prose, as plain text: OS version keys, earlier default operating systems, the
operating systems behind a tag (model/os_facts.py computes; this only words them)."""

from __future__ import annotations

from ..model import os_facts
from ..model.catalog import Catalog


def _and(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def render_os_key(catalog: Catalog, distro: str, repo: str = "aspnet", channel: str = "") -> str:
    """ "alpine3.24": the newest OS version of a distro, as tags spell it."""
    return os_facts.newest_os_version(catalog, distro, repo, channel)


def render_earlier_defaults(catalog: Catalog, repo: str = "aspnet") -> str:
    """ "Debian 12 for .NET 8.0 and 9.0": the default OS of the channels whose plain tag is not on the
    current channel's default OS ("" when every channel has the same default)."""
    defaults = os_facts.default_os_versions(catalog, repo)
    current = defaults.get(catalog.repository(repo).current_channel or "")
    by_os: dict[str, list[str]] = {}
    for channel, os_version in reversed(defaults.items()):  # oldest channel first
        if os_version != current:
            by_os.setdefault(catalog.os_versions[os_version].name, []).append(channel)
    return "; ".join(f"{name} for .NET {_and(channels)}" for name, channels in by_os.items())


def render_tag_os_names(catalog: Catalog, repo: str, tag: str) -> str:
    """ "Alpine (current) and Nano Server 2022": the operating systems a tag's images run."""
    return _and([catalog.os_versions[v].name for v in os_facts.os_versions_of_tag(catalog, repo, tag)])
