"""Macros for the home page and other site-wide figures."""

from __future__ import annotations

from ..model.catalog import STALE_AFTER_DAYS
from ..render.home import render_catalog_figures
from ..render.texts import build_date as render_build_date
from .source import guide, messages


def catalog_figures() -> str:
    """Headline figures from the catalog: repositories, tags, channels in support."""
    return render_catalog_figures(guide().catalog, messages())


def build_date() -> str:
    """The date support status was computed for (GUIDE_TODAY or the build's day)."""
    return render_build_date(guide().catalog.today, messages())


def data_date() -> str:
    """The day the tag data is from (the upstream commit or registry publish it was read from)."""
    day = guide().catalog.data_date
    return render_build_date(day, messages()) if day else messages().text("date.unknown")


def stale_limit() -> str:
    """How old the tag data may get before every page says so ("35 days", "35일"): the model's STALE_AFTER_DAYS."""
    return messages().count("date.days", STALE_AFTER_DAYS)


MACROS = {
    "catalog_figures": catalog_figures,
    "build_date": build_date,
    "data_date": data_date,
    "stale_limit": stale_limit,
}
