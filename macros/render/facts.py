"""Short facts for prose, as plain text: OS version keys, earlier default operating systems, the
operating systems behind a tag (model/os_facts.py computes; this only words them, in the page's language)."""

from __future__ import annotations

from markupsafe import Markup

from ..model import os_facts
from ..model.catalog import Catalog
from ..model.messages import Messages
from .html import code


def _list(items: list, t: Messages, joiner: str = "and") -> str:
    """ "a", "a and b", "a, b and c" (`joiner` "or": "a or b"), as the language lists."""
    if len(items) == 1:
        return items[0]
    return t.text(f"facts.{joiner}", items=", ".join(items[:-1]), last=items[-1])


def render_os_key(catalog: Catalog, distro: str, repo: str = "aspnet", channel: str = "") -> str:
    """ "alpine3.24": the newest OS version of a distro, as tags spell it."""
    return os_facts.newest_os_version(catalog, distro, repo, channel)


def render_default_os_key(catalog: Catalog, distro: str, repo: str = "aspnet") -> str:
    """ "bookworm-slim": the OS version a plain tag means for a distro, as tags spell it."""
    return os_facts.default_os_key(catalog, distro, repo)


def render_earlier_defaults(catalog: Catalog, t: Messages, repo: str = "aspnet") -> str:
    """ "Debian 12 for .NET 8.0 and 9.0": the default OS of the channels whose plain tag is not on the
    current channel's default OS ("" when every channel has the same default)."""
    defaults = os_facts.default_os_versions(catalog, repo)
    current = defaults.get(catalog.repository(repo).current_channel or "")
    by_os: dict[str, list[str]] = {}
    for channel, os_version in reversed(defaults.items()):  # oldest channel first
        if os_version != current:
            by_os.setdefault(catalog.os_versions[os_version].name, []).append(channel)
    return "; ".join(
        t.text("facts.earlier_default", os=name, channels=_list(channels, t)) for name, channels in by_os.items()
    )


def render_default_channel_tags(catalog: Catalog, t: Messages, distro: str, repo: str = "aspnet") -> Markup:
    """ "<code>8.0</code> or <code>9.0</code>": the plain tags of the channels that default to `distro`."""
    channels = os_facts.default_channels(catalog, distro, repo)
    return Markup(_list([str(code(c)) for c in channels], t, "or")) if channels else Markup("")


def render_tag_os_names(catalog: Catalog, t: Messages, repo: str, tag: str) -> str:
    """ "Alpine (current) and Nano Server 2022": the operating systems a tag's images run."""
    return _list([catalog.os_versions[v].name for v in os_facts.os_versions_of_tag(catalog, repo, tag)], t)
