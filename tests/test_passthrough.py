"""Finished HTML handed to passthrough() reaches the page exactly as rendered, past Markdown and search."""

from __future__ import annotations

import json
from types import SimpleNamespace

import markdown

from macros.pages.passthrough import PassthroughExtension, passthrough, restore
from macros.plugin import GuidePlugin

TABLE = '<table><tr data-b="2" data-a="1"><td>*not emphasis*</td></tr></table>'


def test_placeholder_survives_markdown_and_comes_back_verbatim():
    source = f'<div class="group" markdown>\n\n### Heading\n\n{passthrough(TABLE)}\n</div>\n'
    converted = markdown.markdown(source, extensions=["md_in_html"])
    assert TABLE not in converted and "guide-html-" in converted  # Markdown never saw the table
    english_site = SimpleNamespace(plugins={})  # no i18n plugin: the default edition
    page = GuidePlugin().on_post_page(converted, page=SimpleNamespace(url="x/"), config=english_site)
    assert TABLE in page  # attribute order kept, Markdown syntax inside left alone
    assert "<h3>Heading</h3>" in page and "guide-html-" not in page


def test_searchable_html_is_back_right_after_markdown_and_the_rest_after_the_page():
    source = f"{passthrough('<p>featured</p>', searchable=True)}{passthrough('<p>data</p>')}"
    converted = markdown.markdown(source, extensions=[PassthroughExtension()])
    assert "<p>featured</p>" in converted and "<p>data</p>" not in converted  # what search reads
    assert "<p>data</p>" in restore(converted)


def test_text_without_placeholders_is_unchanged():
    assert restore("<p>plain <!-- a comment --></p>") == "<p>plain <!-- a comment --></p>"


def test_built_pages_hold_the_tables_and_search_indexes_only_the_prose(built_site, catalog):
    aspnet = (built_site / "images" / "aspnet" / "index.html").read_text(encoding="utf-8")
    assert "guide-html-" not in aspnet and "data-tag-rows" in aspnet and "data-tag-resolution" in aspnet
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"] == "images/aspnet/" and doc["text"] for doc in index["docs"])  # prose indexed
    indexed = " ".join(doc["text"] for doc in index["docs"])
    tags = [t for image in catalog.repository("aspnet").images for t in image.platform_tags]
    listed = [t for t in tags if f'<code id="tag-{t}">{t}</code>' in aspnet]
    # Every platform tag is on the page; the few that prose or featured tables name are in the index.
    assert len(listed) == len(tags)
    assert sum(t in indexed for t in tags) < len(tags) / 10
    # The featured tables are searchable: every featured tag of every channel is indexed.
    model = catalog.repository("aspnet")
    featured = [g.tag for channel in model.channels for g in model.featured(channel)]
    assert featured and all(f"<code>{t}</code>" in indexed for t in featured)
