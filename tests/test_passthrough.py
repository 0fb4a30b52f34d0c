"""Finished HTML handed to passthrough() reaches the page exactly as rendered, past Markdown."""
from __future__ import annotations

import markdown

from macros.passthrough import PassthroughExtension, passthrough


def test_html_comes_back_verbatim_inside_markdown_blocks():
    table = '<table><tr data-b="2" data-a="1"><td>*not emphasis*</td></tr></table>'
    source = f'<div class="group" markdown>\n\n### Heading\n\n{passthrough(table)}\n</div>\n'
    html = markdown.markdown(source, extensions=["md_in_html", PassthroughExtension()])
    assert table in html  # attribute order kept, Markdown syntax inside left alone
    assert "<h3>Heading</h3>" in html and "guide-html-" not in html
