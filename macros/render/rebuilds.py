"""The recent rebuilds of a repository's featured tags: per tag, a closed <details> with the date, the
digest (one click copies the full `name@sha256:…` reference) and what changed."""

from __future__ import annotations

from markupsafe import Markup

from ..model.catalog import Catalog, RepositoryModel
from ..model.messages import Messages
from ..model.rebuilds import RECENT_REBUILDS, Rebuild, rebuilds, tag_timeline
from .html import code, html_table, small, text
from .status import hidden_by_default
from .texts import digest_reference, said


def _change(rebuild: Rebuild, t: Messages) -> Markup:
    if rebuild.first:
        return text(
            t.text("rebuilds.oldest_version", version=rebuild.version) if rebuild.version else t.text("rebuilds.oldest")
        )
    if rebuild.version_changed:
        return Markup(f"<strong>{text(rebuild.before)} → {text(rebuild.version)}</strong>")
    return text(t.text("rebuilds.same_version" if rebuild.version else "rebuilds.rebuilt"))


def _tag_details(model: RepositoryModel, tag: str, found: tuple[Rebuild, ...], total: int, t: Messages) -> str:
    newest = found[0]
    last = (
        t.text("rebuilds.last_version", day=newest.day, version=newest.version)
        if newest.version
        else t.text("rebuilds.last", day=newest.day)
    )
    summary = Markup(f"{code(tag)} {small(last)}")
    # model.pinned: the reference as this edition pulls it (a team's mirror, when it has one).
    rows = [[r.day, digest_reference(model.pinned(r.digest), r.digest, t), _change(r, t)] for r in found]
    shown = (
        t.text("rebuilds.shown_some", n=len(found), total=total)
        if total > len(found)
        else t.text("rebuilds.shown_all", total=total)
    )
    headers = [t.text(f"rebuilds.{k}") for k in ("published", "digest", "what_changed")]
    return (
        f'<details class="guide-rebuilds" data-rebuilds="{text(tag)}"><summary>{summary}</summary>\n'
        f"<p><small>{said(t, 'rebuilds.digests_of', tag=code(tag), shown=shown)}</small></p>\n"
        + html_table(headers, rows)
        + "</details>\n"
    )


def render_rebuilds(catalog: Catalog, repo: str, channel: str | None, t: Messages) -> str:
    """One closed <details> per featured tag of `channel` that the registry record covers; "" when none,
    and for a channel hidden by default (end of life, preview): its history does not help anyone choose,
    and leaving it out keeps a few thousand elements out of the page."""
    model = catalog.repository(repo)
    if channel is not None and channel in catalog.channels and hidden_by_default(catalog.channel(channel)):
        return ""
    parts = []
    for group in model.featured(channel):
        timeline = tag_timeline(model, group.tag)
        if timeline is None or not timeline.history:
            continue
        parts.append(_tag_details(model, group.tag, rebuilds(timeline), len(timeline.history), t))
    if not parts:
        return ""
    intro = said(t, "rebuilds.intro", n=RECENT_REBUILDS)
    return (
        '<div class="guide-rebuild-list" data-rebuild-list>\n'
        f"<p><strong>{said(t, 'rebuilds.heading')}</strong> <small>{intro}</small></p>\n" + "".join(parts) + "</div>\n"
    )
