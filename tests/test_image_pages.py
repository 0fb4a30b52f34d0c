"""The built repository pages against the real catalog: every tag on its page, links, API, weight."""

from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser

import pytest

from macros.render import api as render_api

PAGE_BUDGET_GZIP = 150_000  # bytes; bench/bench_pages.py reports the figure


class _TagTables(HTMLParser):
    """Collects, per listing row (tables marked data-tag-rows), the text of its <code> elements and links."""

    def __init__(self):
        super().__init__()
        self.depth = 0  # >0 while inside a listing table
        self.rows: list[dict] = []
        self.in_code = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "data-tag-rows" in attrs:
            self.depth += 1
        elif self.depth and tag == "tr" and "data-channel" in attrs:
            self.rows.append({"attrs": attrs, "codes": [], "links": []})
        elif self.depth and self.rows and tag == "code":
            self.in_code = True
            self.rows[-1]["codes"].append("")
        elif self.depth and self.rows and tag == "a":
            self.rows[-1]["links"].append(attrs.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "table" and self.depth:
            self.depth -= 1
        elif tag == "code":
            self.in_code = False

    def handle_data(self, data):
        if self.in_code:
            self.rows[-1]["codes"][-1] += data


def _page(built_site, slug: str) -> str:
    return (built_site / "images" / slug / "index.html").read_text(encoding="utf-8")


def _rows(html: str) -> list[dict]:
    parser = _TagTables()
    parser.feed(html)
    return parser.rows


def _slugs(catalog):
    return [m.info.slug for m in catalog.repositories]


def test_every_repository_has_a_page(built_site, catalog):
    assert len(catalog.repositories) == 13
    for slug in _slugs(catalog):
        assert (built_site / "images" / slug / "index.html").exists(), slug


@pytest.mark.parametrize(
    "slug",
    [
        "sdk",
        "aspnet",
        "runtime",
        "runtime-deps",
        "monitor",
        "monitor-base",
        "aspire-dashboard",
        "samples",
        "framework-sdk",
        "framework-runtime",
        "framework-aspnet",
        "framework-wcf",
        "framework-samples",
    ],
)
def test_every_documented_tag_is_listed_on_its_page(built_site, catalog, slug):
    model = catalog.repository(slug)
    rows = _rows(_page(built_site, slug))
    assert len(rows) == len(model.images), "one row per platform image"
    listed = {code for row in rows for code in row["codes"]}
    assert listed == set(model.images_by_tag), (
        f"missing: {sorted(set(model.images_by_tag) - listed)[:10]}, "
        f"extra: {sorted(listed - set(model.images_by_tag))[:10]}"
    )
    # Each row carries exactly its image's tags, platform tags first, and its Dockerfile at the commit.
    shown = sorted((tuple(row["codes"]), tuple(row["links"])) for row in rows)
    expected = sorted((image.tags, (image.dockerfile_url,)) for image in model.images)
    assert shown == expected
    assert all(f"/blob/{model.source.commit}/" in row["links"][0] for row in rows)


def test_repository_pages_show_status_featured_tags_and_the_filter(built_site, catalog):
    html = _page(built_site, "aspnet")
    assert '<form class="tag-filter" data-tag-filter="aspnet"' in html
    assert "In support until 2028-11-14" in html and "End of life since 2026-11-10" in html
    assert '<time datetime="2026-11-28">' in html
    text = re.sub(r"<[^>]+>", "", html)  # the pull line is highlighted: compare its text
    assert "docker pull mcr.microsoft.com/dotnet/aspnet:10.0\n" in text
    assert "<code>latest</code> points to Ubuntu 24.04" in html
    assert "Pull sizes are the compressed layers" in html
    # No size caveat where the catalog has no size data (the tag rows still show their pull size).
    assert "Pull sizes are the compressed layers" not in _page(built_site, "framework-sdk")


def test_lifecycle_page_lists_every_channel_with_its_status(built_site, catalog):
    html = _page(built_site, "lifecycle")
    for channel in catalog.lifecycle.channels:
        assert f"{channel.product} {channel.channel}</td>" in html, channel.channel
        assert channel.status_label in html
    assert 'href="../aspnet/"' in html


def test_index_page_links_every_repository(built_site, catalog):
    html = (built_site / "images" / "index.html").read_text(encoding="utf-8")
    for slug in _slugs(catalog):
        assert f'href="{slug}/"' in html, slug


def test_catalog_api_is_published_from_the_same_model(built_site, catalog):
    path = built_site / render_api.API_PATH
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document == render_api.catalog_document(catalog)
    tags = sum(len(r["tags"]) for r in document["repositories"])
    assert tags == catalog.tag_count
    reference = (built_site / "reference" / "catalog-api" / "index.html").read_text(encoding="utf-8")
    assert "api/catalog.json" in reference and "<code>dockerfile_url</code>" in reference


def test_largest_repository_page_stays_light(built_site, catalog):
    sizes = {
        slug: len(gzip.compress((built_site / "images" / slug / "index.html").read_bytes(), 9))
        for slug in _slugs(catalog)
    }
    largest = max(sizes, key=sizes.get)
    assert sizes[largest] < PAGE_BUDGET_GZIP, f"{largest}: {sizes[largest]:,} bytes gzip"
