"""Renderer for the legacy names table: old name, each move with its date and reason, today's repositories."""

from __future__ import annotations

from markupsafe import Markup

from ..model.catalog import Catalog, RepositoryModel
from ..model.legacy import LegacyList
from ..model.messages import Messages
from .html import breakable_code, code, join, markdown_table, md_link, prose, small
from .texts import said


def _repo_link(model: RepositoryModel, prefix: str) -> Markup:
    return md_link(f"{prefix}images/{model.info.slug}.md", breakable_code(model.info.repository))


def _source_link(source: str) -> Markup:
    repo, number = source.split("#")
    return md_link(f"https://github.com/{repo}/issues/{number}", source)


def render_legacy_names(catalog: Catalog, legacy: LegacyList, t: Messages, prefix: str = "../") -> str:
    """One row per old name: its tags, each move with its date and the reason, today's repositories, in the
    language of `t` (names, tags and links stay as they are)."""
    rows = []
    for entry in legacy.legacy:
        tags = join(map(code, entry.example_tags), ", ")
        name = join(
            [
                breakable_code(entry.name),
                small(join([f"{entry.registry}, {t.legacy_text(entry, 'used')}", said(t, "legacy.tags", tags=tags)])),
            ]
        )
        moves = join(
            join([Markup("**%s**") % when, "→", breakable_code(to)], " ") for when, to in t.legacy_moves(entry)
        )
        why = t.legacy_text(entry, "why")
        sources = join(["(", join(map(_source_link, entry.sources), ", "), ")"], "") if entry.sources else ""
        history = join([moves, small(join([why, sources], " ") if sources else why)])
        today = (
            join(_repo_link(catalog.repository(r), prefix) for r in entry.today)
            if entry.today
            else prose(t.legacy_text(entry, "today_note"))
        )
        rows.append([name, history, today])
    headers = [t.text("legacy.old_name"), t.text("legacy.history"), t.text("legacy.today")]
    return '<div class="guide-legacy" markdown>\n\n' + markdown_table(headers, rows) + "\n</div>\n"
