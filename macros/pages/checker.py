"""Macros for the image checker page and the migration notes page."""

from __future__ import annotations

from ..checker.table import source_link
from ..model.current import current_reference
from ..render.checker import render_checker, render_migration_changes, render_migration_paths
from .passthrough import passthrough
from .source import guide, messages


def image_checker() -> str:
    """The checker form (docs/check/index.md): its script reads api/checker.json."""
    return passthrough(render_checker(current_reference(guide().catalog, "aspnet")))


def migration_paths() -> str:
    """Per move between channels (or off old names), the changes it crosses."""
    return passthrough(render_migration_paths(guide().catalog, guide().migrations, messages()), searchable=True)


def migration_changes() -> str:
    """Every change of data/migrations.yml with what to do and its upstream source."""
    return passthrough(
        render_migration_changes(guide().catalog, guide().migrations, source_link, messages()), searchable=True
    )


MACROS: dict = {
    "image_checker": image_checker,
    "migration_paths": migration_paths,
    "migration_changes": migration_changes,
}
