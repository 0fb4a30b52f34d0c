"""Wording and small pieces more than one renderer shows: messages as HTML, the size caveat, the build date, banners."""

from __future__ import annotations

import datetime

from markupsafe import Markup, escape

from ..model.messages import Messages
from ..model.team import Approval
from .html import text


def said(t: Messages, key: str, **values) -> Markup:
    """A message as HTML: its text and each value escaped by the one rule (values already Markup, such
    as a link or a <time>, go in as they are)."""
    return text(t.texts[key]).format(**{k: v if isinstance(v, Markup) else text(str(v)) for k, v in values.items()})


def said_count(t: Messages, key: str, number: int, **values) -> Markup:
    """`said` for a message with a number: `key.one` for 1, else `key.other`."""
    return said(t, f"{key}.{'one' if number == 1 else 'other'}", n=f"{number:,}", **values)


def size_caveat(t: Messages) -> Markup:
    """The one place the size caveat is worded (data/messages); every size figure on the site carries it."""
    return said(t, "size.caveat")


def build_date(today: datetime.date, t: Messages) -> Markup:
    """The date support status was computed for, as a <time> element, as the language writes dates."""
    return t.time(today)


def outlived_banner(today: datetime.date, t: Messages) -> Markup:
    """Said on every page when the data has outlived every .NET release it lists."""
    return Markup(
        '<div class="admonition danger" data-guide-outlived><p class="admonition-title">'
        f"{said(t, 'banner.outlived_title', date=build_date(today, t))}</p>"
        f"<p>{said(t, 'banner.outlived_body')}</p></div>"
    )


def digest_reference(full: str, digest: str, t: Messages | None = None) -> Markup:
    """A short digest that copies the full `name@sha256:…` reference (RepositoryModel.pinned; Material's
    clipboard handles any element with data-clipboard-text)."""
    title = t.text("digest.copy", reference=full) if t else f"Copy {full}"
    return Markup(
        f'<button type="button" class="guide-digest" data-clipboard-text="{escape(full)}" '
        f'title="{escape(title)}">{escape(digest[:19])}…</button>'
    )


def stale_banner(age: int, sources_url: str, t: Messages) -> Markup:
    """Said on every page when the tag data is old (Catalog.stale_days)."""
    link = Markup(f'<a href="{escape(sources_url)}">{said(t, "banner.stale_link")}</a>')
    return Markup(
        '<div class="admonition warning" data-guide-stale><p class="admonition-title">'
        f"{said_count(t, 'banner.stale_title', age)}</p><p>{said(t, 'banner.stale_body', link=link)}</p></div>"
    )


def approval_words(approval: Approval, t: Messages) -> str:
    """Why an image is inside or outside the standard, in the language of `t` (the model's English when
    the approval names no reason)."""
    if not approval.reason:
        return approval.why
    words = t.text(f"team_why.{approval.reason}", **dict(approval.values))
    return f"{approval.subject}: {words}" if approval.subject else words


def team_mark(approval: Approval, t: Messages) -> Markup:
    """In a team's edition: is this tag or image inside the team's standard, and if not, why."""
    why = approval_words(approval, t)
    if approval.ok:
        words = said(t, "team.mark_in_why", why=why) if why else said(t, "team.mark_in")
        return Markup(f'<small data-team="approved">{words}</small>')
    return Markup(f'<small data-team="not-approved">{said(t, "team.mark_out", why=why)}</small>')


def tag_anchor(tag: str) -> str:
    """The stable anchor of a tag's row: `tag-10.0-alpine-amd64` (the wizard links to it)."""
    return f"tag-{tag}"
