"""Let large, finished HTML skip Python-Markdown: a macro hands it over, the page gets it back after.

Python-Markdown re-parses every raw HTML block it meets (md_in_html walks it tag by tag), which
made the tag tables and the wizard the slowest part of the build. A macro wraps such HTML with
`passthrough()`, which leaves a one-line HTML comment in the Markdown; the postprocessor of
`PassthroughExtension` (registered in define_env) puts the HTML back into the converted page.
"""
from __future__ import annotations

import hashlib
import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

_MARKER = re.compile(r"<!--guide-html-([0-9a-f]{20})-->")
# Finished HTML by key. Keys are content hashes, so a rebuild (mkdocs serve) reuses them.
_held: dict[str, str] = {}


def passthrough(html: str) -> str:
    """A placeholder for `html` that Markdown leaves alone (a comment on a line of its own)."""
    key = hashlib.sha1(html.encode("utf-8")).hexdigest()[:20]
    _held[key] = html
    return f"\n\n<!--guide-html-{key}-->\n\n"


class _Restore(Postprocessor):
    def run(self, text: str) -> str:
        return _MARKER.sub(lambda m: _held[m.group(1)], text)


class PassthroughExtension(Extension):
    """Puts passthrough() HTML back after Markdown's own raw-HTML postprocessor has run."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's name
        md.postprocessors.register(_Restore(md), "guide_passthrough", 5)
