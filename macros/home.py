"""Macros for the home page and other site-wide figures."""
from __future__ import annotations

from .catalog import load_catalog
from .render_home import render_build_date, render_catalog_figures


def catalog_figures() -> str:
    """Headline figures from the catalog: repositories, tags, channels in support."""
    return render_catalog_figures(load_catalog())


def build_date() -> str:
    """The date support status was computed for (GUIDE_TODAY or the build's day)."""
    return render_build_date(load_catalog())


MACROS = {"catalog_figures": catalog_figures, "build_date": build_date}
