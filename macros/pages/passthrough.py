"""Let large, finished HTML skip Python-Markdown, and data tables skip the search index too.

Python-Markdown re-parses every raw HTML block it meets (md_in_html walks it tag by tag), and the
search plugin parses every page again to index it; for the tag tables and the wizard that was
most of the build. A macro wraps such HTML with `passthrough()`, which leaves a one-line HTML
comment in the Markdown, and the HTML is put back later:

- by default after the search plugin has read the page (the plugin's `on_post_page`): for
  data (every tag row, the wizard's answer tables, its form and JSON), which would swamp the index;
- with `searchable=True` right after Markdown (`PassthroughExtension`), so search indexes it: for
  short tables a reader would search, such as the featured tags.

Both are registered by the `guide` plugin (macros/plugin.py).
"""

from __future__ import annotations

import hashlib
import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

_MARKER = re.compile(r"<!--guide-(html|indexed)-([0-9a-f]{20})-->")
# Finished HTML by key. Keys are content hashes, so a rebuild (mkdocs serve) reuses them.
_held: dict[str, str] = {}


def passthrough(html: str, searchable: bool = False) -> str:
    """A placeholder for `html` that Markdown leaves alone (a comment on a line of its own)."""
    key = hashlib.sha1(html.encode("utf-8")).hexdigest()[:20]
    _held[key] = html
    return f"\n\n<!--guide-{'indexed' if searchable else 'html'}-{key}-->\n\n"


def restore(page_html: str, only_searchable: bool = False) -> str:
    """The page with its placeholders (or only the searchable ones) replaced by the HTML they stand for."""

    def back(match: re.Match) -> str:
        return match.group(0) if only_searchable and match.group(1) != "indexed" else _held[match.group(2)]

    return _MARKER.sub(back, page_html)


class _RestoreSearchable(Postprocessor):
    def run(self, text: str) -> str:
        return restore(text, only_searchable=True)


class PassthroughExtension(Extension):
    """Puts searchable passthrough() HTML back once Markdown is done, before search reads the page."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's name
        md.postprocessors.register(_RestoreSearchable(md), "guide_passthrough", 5)
