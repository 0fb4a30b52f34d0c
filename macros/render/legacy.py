"""Renderer for the legacy names table: old name, each move with its date and reason, today's repositories."""

from __future__ import annotations

from markupsafe import Markup

from ..model.catalog import Catalog, RepositoryModel
from ..model.legacy import LegacyList
from .html import breakable_code, code, join, markdown_table, md_link, prose, small


def _repo_link(model: RepositoryModel, prefix: str) -> Markup:
    return md_link(f"{prefix}images/{model.info.slug}.md", breakable_code(model.info.repository))


def _source_link(source: str) -> Markup:
    repo, number = source.split("#")
    return md_link(f"https://github.com/{repo}/issues/{number}", source)


def render_legacy_names(catalog: Catalog, legacy: LegacyList, prefix: str = "../") -> str:
    """One row per old name: its tags, each move with its date and the reason, today's repositories."""
    rows = []
    for entry in legacy.legacy:
        tags = join(map(code, entry.example_tags), ", ")
        name = join(
            [
                breakable_code(entry.name),
                small(join([f"{entry.registry}, {entry.used}", join(["tags such as", tags], " ")])),
            ]
        )
        moves = join(join([Markup("**%s**") % m.when, "→", breakable_code(m.to)], " ") for m in entry.moves)
        sources = join(["(", join(map(_source_link, entry.sources), ", "), ")"], "") if entry.sources else ""
        history = join([moves, small(join([entry.why, sources], " ") if sources else entry.why)])
        today = (
            join(_repo_link(catalog.repository(r), prefix) for r in entry.today)
            if entry.today
            else prose(entry.today_note)
        )
        rows.append([name, history, today])
    return (
        '<div class="guide-legacy" markdown>\n\n'
        + markdown_table(["Old name", "When it moved, and why", "Use today"], rows)
        + "\n</div>\n"
    )
