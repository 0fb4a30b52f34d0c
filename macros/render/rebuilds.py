"""The recent rebuilds of a repository's featured tags: per tag, a closed <details> with the date, the
digest (one click copies the full `name@sha256:…` reference) and what changed."""

from __future__ import annotations

from markupsafe import Markup

from ..model.catalog import Catalog, RepositoryModel
from ..model.rebuilds import RECENT_REBUILDS, Rebuild, rebuilds, tag_timeline
from .html import code, html_table, small, text
from .texts import digest_reference


def _change(rebuild: Rebuild) -> Markup:
    if rebuild.first:
        return text(f"{rebuild.version}, oldest on record" if rebuild.version else "oldest on record")
    if rebuild.version_changed:
        return Markup(f"<strong>{text(rebuild.before)} → {text(rebuild.version)}</strong>")
    if rebuild.version:
        return text("same version, newer base")
    return text("rebuilt")


def _tag_details(model: RepositoryModel, tag: str, found: tuple[Rebuild, ...], total: int) -> str:
    newest = found[0]
    said = f"last rebuilt {newest.day}" + (f", {newest.version}" if newest.version else "")
    summary = Markup(f"{code(tag)} {small(said)}")
    # model.pinned: the reference as this edition pulls it (a team's mirror, when it has one).
    rows = [[r.day, digest_reference(model.pinned(r.digest), r.digest), _change(r)] for r in found]
    shown = f"the last {len(found)} of {total}" if total > len(found) else f"all {total}"
    return (
        f'<details class="guide-rebuilds" data-rebuilds="{text(tag)}"><summary>{summary}</summary>\n'
        f"<p><small>Digests of <code>{text(tag)}</code>, newest first ({shown} in the record):</small></p>\n"
        + html_table(["Published", "Digest", "What changed"], rows)
        + "</details>\n"
    )


def render_rebuilds(catalog: Catalog, repo: str, channel: str | None) -> str:
    """One closed <details> per featured tag of `channel` that the registry record covers; "" when none."""
    model = catalog.repository(repo)
    parts = []
    for group in model.featured(channel):
        timeline = tag_timeline(model, group.tag)
        if timeline is None or not timeline.history:
            continue
        parts.append(_tag_details(model, group.tag, rebuilds(timeline), len(timeline.history)))
    if not parts:
        return ""
    return (
        '<div class="guide-rebuild-list" data-rebuild-list>\n'
        f"<p><strong>Recent rebuilds</strong> <small>(up to {RECENT_REBUILDS} per tag): a new version is a .NET "
        "patch; the same version on a newer base is an OS or base image update. Pull again to get either.</small></p>\n"
        + "".join(parts)
        + "</div>\n"
    )
