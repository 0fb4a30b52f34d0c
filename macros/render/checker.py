"""Renderers for the image checker page and the migration notes page (model in, HTML out)."""

from __future__ import annotations

import json

from markupsafe import Markup, escape

from ..model.catalog import Catalog
from ..model.messages import Messages
from ..model.migrations import Change, Migrations
from ..model.order import version_key
from .html import render_template
from .texts import said

LEGACY = "legacy"
# How the command line is named where the page cannot run the checker (no JavaScript).
COMMAND = "python -m macros.check_image Dockerfile"


def render_checker(example: str, t: Messages, words: dict, up: str = "../") -> str:
    """The checker form with `example` as its placeholder, in the language of `t`; `words` is what the
    script says in that language (checker/messages.py checker_words), in the form's data-words; `up`
    leads from the page to the site root (api/ and the pages it links)."""
    return render_template(
        "checker.html",
        up=up,
        example=example,
        label=said(t, "checker.form.label", **{"from": Markup("<code>FROM</code>")}),
        check=t.text("checker.form.check"),
        try_example=t.text("checker.form.example"),
        noscript=said(t, "checker.form.noscript", command=Markup(f"<code>{escape(COMMAND)}</code>")),
        words=json.dumps(words, ensure_ascii=False, separators=(",", ":"), sort_keys=True),  # escaped as an attribute
    )


def _path_title(catalog: Catalog, source: str, target: str, t: Messages) -> str:
    start = t.text("migrations.old_names") if source == LEGACY else catalog.product(source)
    return t.text("migrations.path", start=start, target=catalog.product(target))


def applies(change: Change, source: str, target: str) -> bool:
    """Is `change` crossed on the move from `source` (a channel, or legacy) to `target`?"""
    if change.since is None:
        return source == LEGACY
    start = version_key("0") if source == LEGACY else version_key(source)
    return start < version_key(change.since) <= version_key(target)


def _limits(change: Change, t: Messages) -> str:
    parts = []
    if change.repositories:
        parts.append(", ".join(change.repositories))
    if change.os:
        parts.append(
            t.text("migrations.images", names=t.text("migrations.os_join").join(o.capitalize() for o in change.os))
        )
    if change.distros:
        parts.append(t.text("migrations.images", names=", ".join(change.distros).capitalize()))
    return t.text("migrations.limits_join").join(parts)


def render_migration_paths(catalog: Catalog, migrations: Migrations, t: Messages) -> str:
    """Per move (6.0 -> 8.0, ...), the changes it crosses, linked to their sections below, in the language of `t`."""
    items = []
    for path in migrations.paths:
        changes = [c for c in migrations.changes if applies(c, path.source, path.target)]
        links = "".join(
            f'<li><a href="#{escape(c.id)}">{escape(t.migration_text(c, "title"))}</a></li>' for c in changes
        )
        items.append(
            f'<h3 id="from-{escape(path.source)}-to-{escape(path.target)}">'
            f"{escape(_path_title(catalog, path.source, path.target, t))}</h3>\n<ul>{links}</ul>"
        )
    return Markup("\n".join(items) + "\n")


def render_migration_changes(catalog: Catalog, migrations: Migrations, source_link, t: Messages) -> str:
    """Every change once: what breaks, what to do, where upstream says so, in the language of `t` (the section
    ids are the changes' ids in every language, so the checker's links land on them)."""
    parts = []
    for change in sorted(migrations.changes, key=lambda c: (version_key(c.since or "0"), c.id)):
        if change.since is None:
            since = t.text("migrations.leaving")
        else:
            since = t.text("migrations.since", product=catalog.product(change.since))
        strong = Markup("<strong>{}</strong>").format(since)
        limits = _limits(change, t)
        scope = (
            said(t, "migrations.scope", since=strong, limits=limits)
            if limits
            else said(t, "migrations.scope_all", since=strong)
        )
        sources = ", ".join(
            f'<a href="{escape(s["url"])}">{escape(s["label"])}</a>' for s in map(source_link, change.sources)
        )
        parts.append(
            f'<section class="migration-change" id="{escape(change.id)}">\n'
            f"<h3>{escape(t.migration_text(change, 'title'))}</h3>\n"
            f"<p>{scope}</p>\n"
            f"<p>{escape(t.migration_text(change, 'what'))}</p>\n"
            f"<p><strong>{said(t, 'migrations.what_to_do')}</strong> {escape(t.migration_text(change, 'do'))}</p>\n"
            f"<p><small>{said(t, 'migrations.source')} {sources}</small></p>\n</section>"
        )
    return Markup("\n".join(parts) + "\n")
