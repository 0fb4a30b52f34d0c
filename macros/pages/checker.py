"""Macros for the image checker page and the migration notes page."""

from __future__ import annotations

from ..checker.messages import VERDICT_NAMES, checker_words
from ..checker.table import source_link
from ..data.errors import UnknownValueError
from ..model.current import current_reference
from ..model.lifecycle import ENDING_SOON_DAYS
from ..render.checker import render_checker, render_migration_changes, render_migration_paths
from ..render.html import text
from .passthrough import passthrough
from .source import guide, messages


def image_checker() -> str:
    """The checker form (docs/check/index.md), in the page's language: its script reads api/checker.json."""
    t = messages()
    return passthrough(
        render_checker(
            current_reference(guide().catalog, "aspnet"),
            t,
            checker_words(t, guide().migrations, guide().catalog.team, guide().messages["en"], guide().legacy),
        )
    )


def migration_paths() -> str:
    """Per move between channels (or off old names), the changes it crosses."""
    return passthrough(render_migration_paths(guide().catalog, guide().migrations, messages()), searchable=True)


def migration_changes() -> str:
    """Every change of data/migrations.yml with what to do and its upstream source."""
    return passthrough(
        render_migration_changes(guide().catalog, guide().migrations, source_link, messages()), searchable=True
    )


def verdict_name(verdict: str) -> str:
    """ "지원 종료" for end-of-life: a verdict as the checker's result names it in the page's language."""
    key = f"checker.verdict.{verdict.replace('-', '_')}"
    if key not in messages().texts:
        raise UnknownValueError(f"unknown verdict '{verdict}' (expected one of: {', '.join(VERDICT_NAMES)})")
    return str(text(messages().text(key)))


def ending_soon_window() -> str:
    """ "180 days" ("180일"): how far ahead of its end of life a channel's tags get `ends-soon` (the model's window)."""
    return messages().count("date.days", ENDING_SOON_DAYS)


MACROS: dict = {
    "image_checker": image_checker,
    "ending_soon_window": ending_soon_window,
    "verdict_name": verdict_name,
    "migration_paths": migration_paths,
    "migration_changes": migration_changes,
}
