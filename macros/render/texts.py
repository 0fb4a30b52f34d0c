"""Wording and small pieces more than one renderer shows: the size caveat and the build date."""

from __future__ import annotations

import datetime

from markupsafe import Markup, escape

from ..model.team import Approval

# The one place the size caveat is worded; every size figure on the site carries it.
SIZE_CAVEAT = (
    "Pull sizes are the compressed layers the registry serves, added up (MB = 1,000,000 bytes). A pull "
    "downloads only the layers the machine does not hold yet; unpacked on disk, the layers take more space."
)


def build_date(today: datetime.date) -> Markup:
    """The date support status was computed for, as a <time> element."""
    return Markup(f'<time datetime="{today.isoformat()}">{today.strftime("%-d %B %Y")}</time>')


def outlived_banner(today: datetime.date) -> Markup:
    """Said on every page when the data has outlived every .NET release it lists."""
    return Markup(
        '<div class="admonition danger" data-guide-outlived><p class="admonition-title">'
        f"No .NET version in this guide is in support on {build_date(today)}</p>"
        "<p>Every .NET channel listed here has reached its end of life, and the tags shown are no longer "
        "patched. This copy of the guide is older than the current releases: use a newer edition, or "
        "refresh its data (see the README).</p></div>"
    )


def digest_reference(full: str, digest: str) -> Markup:
    """A short digest that copies the full `name@sha256:…` reference (RepositoryModel.pinned; Material's
    clipboard handles any element with data-clipboard-text)."""
    return Markup(
        f'<button type="button" class="guide-digest" data-clipboard-text="{escape(full)}" '
        f'title="Copy {escape(full)}">{escape(digest[:19])}…</button>'
    )


def stale_banner(age: int, sources_url: str) -> Markup:
    """Said on every page when the tag data is old (Catalog.stale_days)."""
    return Markup(
        '<div class="admonition warning" data-guide-stale><p class="admonition-title">'
        f"Tag data is {age} days old</p><p>Newer patches have likely been published since. See "
        f'<a href="{escape(sources_url)}">where the data comes from and how the guide is refreshed</a>.</p></div>'
    )


def team_mark(approval: Approval) -> Markup:
    """In a team's edition: is this tag or image inside the team's standard, and if not, why."""
    if approval.ok:
        why = f": {escape(approval.why)}" if approval.why else ""
        return Markup(f'<small data-team="approved">✓ in our standard{why}</small>')
    return Markup(f'<small data-team="not-approved">✗ not in our standard: {escape(approval.why)}</small>')
