"""The one status language: a channel's support status as a badge, a short phrase and a data attribute.

Every place that shows whether a .NET channel is supported (tag rows, featured tabs, filter menu
options, the images index, the lifecycle and status tables, the wizard's decision tables) calls
this module, so a channel that ended reads "End of life" everywhere, computed on the model
(`Channel.status`, from its dates against the build's today).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..model.catalog import Catalog, RepositoryModel
from ..model.lifecycle import Channel, WindowsRelease
from ..model.messages import Messages

# Statuses a reader does not want by default: their rows hide behind the "show ended" toggle.
HIDDEN_BY_DEFAULT = ("eol", "preview")


def status_words(channel: Channel, t: Messages) -> str:
    """Short plain text: "in support", "ends in 12 days", "end of life", "preview" (or the language's)."""
    if channel.status == "preview":
        return t.text("status.preview")
    if channel.status == "eol":
        return t.text("status.eol")
    if channel.status == "ending":
        return t.count("status.ending", channel.days_left)
    return t.text("status.supported")


def status_label(channel: Channel, t: Messages) -> str:
    """The detailed status, with its date: "End of life since 2026-11-10"."""
    if channel.status == "preview":
        return t.text("status.label_preview")
    if channel.status == "eol":
        return t.text("status.label_eol", date=channel.eol.isoformat())
    if channel.status == "ending":
        return t.count("status.label_ending", channel.days_left, date=channel.eol.isoformat())
    if channel.eol is None:
        return t.text("status.label_windows" if channel.release_type == "windows" else "status.label_supported")
    return t.text("status.label_until", date=channel.eol.isoformat())


def status_badge(channel: Channel, t: Messages, subject: str = "", detailed: bool = False) -> Markup:
    """`<span class="guide-status guide-status--eol" data-status="eol">End of life</span>`.

    `subject` names the channel inside the badge ("8.0: end of life") where a list of channels is
    shown; `detailed` spells the dates ("End of life since 2026-11-10") where a table has room.
    The title always carries the detailed label, so a short badge still tells its date on hover.
    """
    words = status_words(channel, t)
    detail = status_label(channel, t)
    label = detail if detailed else (f"{subject}: {words}" if subject else words[:1].upper() + words[1:])
    return Markup(
        f'<span class="guide-status guide-status--{channel.status}" data-status="{channel.status}" '
        f'title="{escape(detail)}">{escape(label)}</span>'
    )


def status_attributes(channel: Channel | None) -> dict[str, str]:
    """The attribute a row, tab or option carries so styles and scripts know its status."""
    return {"data-status": channel.status} if channel else {}


def option_label(label: str, channel: Channel | None, t: Messages) -> str:
    """A menu option's text (options hold no markup): ".NET 8.0 (end of life)"."""
    return f"{label} ({status_words(channel, t)})" if channel else label


def hidden_by_default(channel: Channel | None) -> bool:
    return channel is not None and channel.status in HIDDEN_BY_DEFAULT


def os_badge(release: WindowsRelease, t: Messages | None = None) -> Markup:
    """The same badge for an image's Windows Server release: "Windows Server 2016 support ends 2027-01-12, in 44
    days" (ending), "... support ended 2027-01-12" (eol), else "In support until 2031-10-14". Styled like a
    channel's badge, but its own class: a row's `guide-status` is its .NET channel's, and there is one."""
    until = release.extended_end.isoformat()
    if t is None:  # the model's English
        label = release.warning or f"In support until {until}"
    else:
        label = os_warning_words(release, t) or t.text("status.label_until", date=until)
    return Markup(
        f'<span class="guide-os-status guide-status--{release.status}" data-os-status="{release.status}" '
        f'title="{escape(release.name)}: end of extended support {until} (Microsoft lifecycle)">{escape(label)}</span>'
    )


def os_warning_words(release: WindowsRelease, t: Messages) -> str | None:
    """`release.warning` in the language of `t`: "Windows Server 2016 support ends 2027-01-12, in 45 days"."""
    day = release.extended_end.isoformat()
    if release.status == "eol":
        return t.text("windows_support.ended", release=release.name, date=day)
    if release.status == "ending":
        return t.count("windows_support.ending", release.days_left, release=release.name, date=day)
    return None


def channel_status(catalog: Catalog, model: RepositoryModel, channel: str | None) -> Channel | None:
    """The lifecycle channel whose status applies to this repository's images of `channel`, or None
    when the repository follows its own update policy (no .NET lifecycle badge there)."""
    if channel is None or model.info.lifecycle != "channel" or channel not in catalog.channels:
        return None
    return catalog.channel(channel)
