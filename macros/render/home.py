"""Pure renderers for the home page: model in, Markdown out."""

from __future__ import annotations

from markupsafe import Markup

from ..model.catalog import Catalog
from ..model.messages import Messages
from .texts import build_date, said


def _strong(number: int) -> Markup:
    return Markup(f"<strong>{number:,}</strong>")


def render_catalog_figures(catalog: Catalog, t: Messages) -> str:
    """A short line of headline figures, with the date they were computed for."""
    supported = [c for c in catalog.lifecycle.channels if c.in_support and c.product != ".NET Framework"]
    channels = "figures.channels.one" if len(supported) == 1 else "figures.channels.other"
    names = ", ".join(f".NET {c.channel}" for c in supported) or t.text("figures.none")
    return (
        f'<div class="guide-figures" markdown>\n\n'
        f"- {said(t, 'figures.repositories', n=_strong(len(catalog.repositories)))}\n"
        f"- {said(t, 'figures.tags', tags=_strong(catalog.tag_count), images=_strong(len(catalog.images)))}\n"
        f"- {said(t, channels, n=_strong(len(supported)), names=names)}\n\n"
        f"</div>\n\n"
        f"<small>{said(t, 'figures.as_of', date=build_date(catalog.today, t))}</small>\n"
    )
