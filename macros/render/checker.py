"""Renderers for the image checker page and the migration notes page (model in, HTML out)."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..model.catalog import Catalog
from ..model.migrations import Change, Migrations
from ..model.order import version_key
from .html import render_template

LEGACY = "legacy"


def render_checker(example: str, up: str = "../") -> str:
    """The checker form with `example` as its placeholder; `up` leads from the page to the site root
    (api/ and the pages it links)."""
    return render_template("checker.html", up=up, example=example)


def _path_title(catalog: Catalog, source: str, target: str) -> str:
    start = "the old image names" if source == LEGACY else catalog.product(source)
    return f"From {start} to {catalog.product(target)}"


def applies(change: Change, source: str, target: str) -> bool:
    """Is `change` crossed on the move from `source` (a channel, or legacy) to `target`?"""
    if change.since is None:
        return source == LEGACY
    start = version_key("0") if source == LEGACY else version_key(source)
    return start < version_key(change.since) <= version_key(target)


def _limits(change: Change) -> str:
    parts = []
    if change.repositories:
        parts.append(", ".join(change.repositories))
    if change.os:
        parts.append(" and ".join(o.capitalize() for o in change.os) + " images")
    if change.distros:
        parts.append(", ".join(change.distros).capitalize() + " images")
    return "; ".join(parts)


def render_migration_paths(catalog: Catalog, migrations: Migrations) -> str:
    """Per move (6.0 -> 8.0, ...), the changes it crosses, linked to their sections below."""
    items = []
    for path in migrations.paths:
        changes = [c for c in migrations.changes if applies(c, path.source, path.target)]
        links = "".join(f'<li><a href="#{escape(c.id)}">{escape(c.title)}</a></li>' for c in changes)
        items.append(
            f'<h3 id="from-{escape(path.source)}-to-{escape(path.target)}">'
            f"{escape(_path_title(catalog, path.source, path.target))}</h3>\n<ul>{links}</ul>"
        )
    return Markup("\n".join(items) + "\n")


def render_migration_changes(catalog: Catalog, migrations: Migrations, source_link) -> str:
    """Every change once: what breaks, what to do, where upstream says so."""
    from_label = {None: "Leaving the old image names"}
    parts = []
    for change in sorted(migrations.changes, key=lambda c: (version_key(c.since or "0"), c.id)):
        since = from_label.get(change.since) or f"From {catalog.product(change.since)}"
        limits = _limits(change)
        sources = ", ".join(
            f'<a href="{escape(s["url"])}">{escape(s["label"])}</a>' for s in map(source_link, change.sources)
        )
        parts.append(
            f'<section class="migration-change" id="{escape(change.id)}">\n'
            f"<h3>{escape(change.title)}</h3>\n"
            f"<p><strong>{escape(since)}</strong>{escape('; ' + limits if limits else '')}.</p>\n"
            f"<p>{escape(' '.join(change.what.split()))}</p>\n"
            f"<p><strong>What to do:</strong> {escape(' '.join(change.do.split()))}</p>\n"
            f"<p><small>Source: {sources}</small></p>\n</section>"
        )
    return Markup("\n".join(parts) + "\n")
