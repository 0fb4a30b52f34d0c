"""Pure renderers for the home page: model in, Markdown out."""

from __future__ import annotations

from ..model.catalog import Catalog
from .texts import build_date


def render_catalog_figures(catalog: Catalog) -> str:
    """A short line of headline figures, with the date they were computed for."""
    supported = [c for c in catalog.lifecycle.channels if c.in_support and c.product != ".NET Framework"]
    names = ", ".join(f".NET {c.channel}" for c in supported) or "none"
    return (
        f'<div class="guide-figures" markdown>\n\n'
        f"- **{len(catalog.repositories)}** image repositories\n"
        f"- **{catalog.tag_count:,}** documented tags on **{len(catalog.images):,}** platform images\n"
        f"- **{len(supported)}** .NET channel{'s' if len(supported) != 1 else ''} in support: {names}\n\n"
        f"</div>\n\n"
        f"<small>Support status as of {build_date(catalog.today)}.</small>\n"
    )
