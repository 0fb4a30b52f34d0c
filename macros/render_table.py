"""The one table helper of the images pages: every cell escaped, HTML or Markdown out.

A cell is plain text (escaped here) or `Markup` built by the small helpers below, which escape
their own inputs; so no catalog value reaches the page unescaped.
"""
from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from markupsafe import Markup, escape


# The helpers build strings with f-strings around escape() rather than `Markup("...") % value`:
# the same escaping, at a third of the cost, and the tag tables call them tens of thousands of times.

def code(text: str) -> Markup:
    return Markup(f"<code>{escape(text)}</code>")


def codes(texts: Iterable[str]) -> Markup:
    """Several tags as <code> elements separated by spaces (they wrap between tags, not inside)."""
    return Markup(" ".join(f"<code>{escape(t)}</code>" for t in texts))


def link(href: str, text: str) -> Markup:
    return Markup(f'<a href="{escape(href)}">{escape(text)}</a>')


def small(text: str | Markup) -> Markup:
    return Markup(f"<small>{escape(text)}</small>")


def join(parts: Iterable[str | Markup], separator: str | Markup = Markup("<br>")) -> Markup:
    return Markup(str(escape(separator)).join(str(escape(p)) for p in parts))


def _attributes(attributes: Mapping[str, str]) -> str:
    return "".join(f' {escape(name)}="{escape(value)}"' for name, value in attributes.items())


def html_table(headers: Sequence[str], rows: Sequence[Sequence[str | Markup]],
               row_attributes: Sequence[Mapping[str, str]] | None = None,
               attributes: Mapping[str, str] | None = None) -> str:
    """A compact HTML table on as few lines as possible (one per row); every cell escaped.

    Material wraps a table without a class in its scrolling container, so none is set here.
    """
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    lines = [f"<table{_attributes(attributes or {})}><thead><tr>{head}</tr></thead><tbody>"]
    for index, row in enumerate(rows):
        extra = _attributes(row_attributes[index]) if row_attributes else ""
        cells = "".join(f"<td>{escape(c)}</td>" for c in row)
        lines.append(f"<tr{extra}>{cells}</tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines) + "\n"


def _markdown_cell(value: str | Markup) -> str:
    if isinstance(value, Markup):  # already escaped HTML: a pipe must not split the cell
        text = str(value).replace("|", "&#124;")
    else:
        text = str(escape(value)).replace("\\", "\\\\").replace("|", "\\|")
    return text.replace("\n", " ").strip()


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str | Markup]]) -> str:
    """A Markdown table (so that Markdown links inside are checked by MkDocs); every cell escaped."""
    lines = ["| " + " | ".join(_markdown_cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_markdown_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def md_link(target: str, text: str) -> Markup:
    """A Markdown link (MkDocs rewrites and validates it) as a table cell."""
    return Markup("[%s](%s)") % (text, target)
