"""The one escaping rule and the table helpers every renderer uses.

Rule: a value from data/ is plain text and is escaped here (markupsafe); HTML is built only by
the small helpers below, which escape their own inputs and return `Markup`; a table cell is
either. So no data value reaches a page unescaped, whichever renderer shows it.
Templates (render/templates/) are autoescaped Jinja: the same rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from html import unescape
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def _templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def render_template(name: str, **values) -> str:
    """An autoescaped template from render/templates/ (HTML bigger than a line lives there)."""
    return _templates().get_template(name).render(**values)


# The helpers build strings with f-strings around escape() rather than `Markup("...") % value`:
# the same escaping, at a third of the cost, and the tag tables call them tens of thousands of times.


# Markdown's inline syntax as HTML entities: text from data must not become a link, emphasis or code
# span when it passes through Markdown (a tag `10.0-[x](javascript:...)` stays text). `_` is left
# alone: Markdown never reads it as emphasis inside a word, and tag and key names are full of it.
_MARKDOWN_INLINE = str.maketrans({"\\": "&#92;", "`": "&#96;", "*": "&#42;", "[": "&#91;", "]": "&#93;"})


def _literal(text: str) -> str:
    """Plain text for any context: HTML escaped and Markdown's inline syntax neutralised."""
    return str(escape(text)).translate(_MARKDOWN_INLINE)


def text(value: str) -> Markup:
    """A data value shown as plain text, wherever it goes (HTML, a Markdown table, a list)."""
    return Markup(_literal(value))


def prose(value: str) -> Markup:
    """Hand-kept prose (data/*.yml fields the writers' page lists as inline Markdown): HTML escaped,
    Markdown such as `code` and *emphasis* kept."""
    return Markup(escape(value))


def code(text: str) -> Markup:
    return Markup(f"<code>{_literal(text)}</code>")


def codes(texts: Iterable[str]) -> Markup:
    """Several tags as <code> elements separated by spaces (they wrap between tags, not inside)."""
    return Markup(" ".join(f"<code>{_literal(t)}</code>" for t in texts))


def link(href: str, text: str) -> Markup:
    return Markup(f'<a href="{escape(href)}">{escape(text)}</a>')


def small(text: str | Markup) -> Markup:
    return Markup(f"<small>{escape(text)}</small>")


_BREAK = Markup("<br>")


def join(parts: Iterable[str | Markup], separator: str | Markup = _BREAK) -> Markup:
    return Markup(str(escape(separator)).join(str(escape(p)) for p in parts))


def _attributes(attributes: Mapping[str, str]) -> str:
    return "".join(f' {escape(name)}="{escape(value)}"' for name, value in attributes.items())


def html_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str | Markup]],
    row_attributes: Sequence[Mapping[str, str]] | None = None,
    attributes: Mapping[str, str] | None = None,
) -> str:
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
    # Markup is finished (escaped) HTML; plain text is escaped here. A pipe must not split the cell.
    cell = str(value) if isinstance(value, Markup) else _literal(value)
    return cell.replace("|", "&#124;").replace("\n", " ").strip()


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str | Markup]]) -> str:
    """A Markdown table (so that Markdown links inside are checked by MkDocs); every cell escaped."""
    lines = ["| " + " | ".join(_markdown_cell(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_markdown_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def breakable_code(text: str, at_hyphens: bool = False) -> Markup:
    """Inline code that may wrap after `/` and before `:` (long references on narrow screens)."""
    text = _literal(text).replace("/", "/<wbr>").replace(":", "<wbr>:")
    return Markup("<code>" + (text.replace("-", "-<wbr>") if at_hyphens else text) + "</code>")


def size_text(size_bytes: int) -> str:
    """ "≈ 217 MB" or "≈ 1.4 GB", with no-break spaces so the figure never wraps."""
    if size_bytes >= 1_000_000_000:
        return f"≈\u00a0{size_bytes / 1_000_000_000:,.1f}\u00a0GB"
    return f"≈\u00a0{size_bytes / 1_000_000:,.0f}\u00a0MB"


def md_link(target: str, label: str | Markup) -> Markup:
    """A Markdown link (MkDocs rewrites and validates it); a plain-text label is escaped like any text."""
    shown = label if isinstance(label, Markup) else _literal(label)
    return Markup(f"[{shown}]({escape(target)})")


_INLINE_CODE = re.compile(r"<code>([^<]*)</code>")
_BREAK_AFTER = re.compile(r"(?<=[^\s/:-])([/:-])(?=[^\s/:-])")  # between two word parts only


def breakable_inline_codes(html: str) -> str:
    """Inline code (`<code>` holding text only) may wrap after `/`, `:` and `-`, and nowhere else:
    "mcr.microsoft.com/dotnet/sdk:10.0-noble" never breaks inside a word (styles forbid other breaks)."""
    return _INLINE_CODE.sub(lambda m: "<code>" + _BREAK_AFTER.sub(r"\1<wbr>", m.group(1)) + "</code>", html)


_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEAD_CELL = re.compile(r"<th[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"(<tr[^>]*>)(.*?)(</tr>)", re.S)
_CELL = re.compile(r"<td(?=[\s>])")


def labelled_cells(html: str) -> str:
    """Each cell of a plain table (`<table>` without attributes: Markdown's and the small HTML ones)
    gets its column's heading as `data-label`, so a phone can show the table as labelled cards."""

    def label(table: re.Match) -> str:
        body = table.group(1)
        heads = [" ".join(unescape(re.sub(r"<[^>]+>", "", h)).split()) for h in _HEAD_CELL.findall(body)]
        if not heads:
            return table.group(0)

        def row(match: re.Match) -> str:
            names = iter(heads)
            cells = _CELL.sub(lambda _: f'<td data-label="{escape(next(names, ""))}"', match.group(2))
            return match.group(1) + cells + match.group(3)

        return "<table>" + _ROW.sub(row, body) + "</table>"

    return _TABLE.sub(label, html)
