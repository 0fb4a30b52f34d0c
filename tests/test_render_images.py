"""Renderers of the repository pages on the small fixture catalog: golden files plus targeted checks.

Regenerate the golden files after an intended change with
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render_images.py`, then read the diff.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from pathlib import Path

import pytest
from markupsafe import Markup

from macros.data.load import load_catalog
from macros.render import api as render_api
from macros.render import images as r
from macros.render.html import code, html_table, markdown_table

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
GOLDEN = ROOT / "tests" / "golden" / "images"
TODAY = datetime.date(2026, 11, 28)


@pytest.fixture(scope="module")
def fixture_catalog():
    return load_catalog(FIXTURE_DATA, on=TODAY)


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}: run with UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from its golden file (UPDATE_GOLDEN=1 to accept)"


RENDERERS = {
    "overview": r.render_overview,
    "featured-tags": r.render_featured_tags,
    "support-status": r.render_support_status,
    "tag-resolution": r.render_tag_resolution,
    "tag-listing": r.render_tag_listing,
}


@pytest.mark.parametrize("repo", ["sdk", "aspnet"])
@pytest.mark.parametrize("what", sorted(RENDERERS))
def test_repository_renderers_match_golden_files(fixture_catalog, what, repo, english):
    _golden(f"{repo}-{what}.md", RENDERERS[what](fixture_catalog, repo, english))


def test_index_lifecycle_and_api_match_golden_files(fixture_catalog, english):
    _golden("index.md", r.render_image_index(fixture_catalog, english))
    _golden("lifecycle.md", r.render_lifecycle(fixture_catalog, english))
    _golden("catalog.json", json.dumps(render_api.catalog_document(fixture_catalog), indent=1) + "\n")
    _golden("api-fields.md", render_api.render_api_fields())
    _golden("api-example.md", render_api.render_api_example(fixture_catalog, "aspnet"))


# --- featured tags ------------------------------------------------------------------------------


def test_featured_tags_put_the_plain_channel_tag_first_with_latest(fixture_catalog):
    model = fixture_catalog.repository("aspnet")
    groups = model.featured("10.0")
    assert groups[0].tag == "10.0"
    assert "latest" in groups[0].floating
    assert {i.os_version for i in groups[0].images} == {"noble"}
    tags = [g.tag for g in groups]
    # One floating tag per OS family and variant; fixed tags and per-architecture tags never featured.
    assert "10.0-noble-chiseled" in tags and "10.0-alpine-extra" in tags
    assert "10.0-nanoserver-ltsc2022" in tags  # Windows has no multi-platform tag: its own floating tag
    assert not any(t.startswith("10.0.11") or t.endswith(("-amd64", "-arm64v8")) for t in tags)


def test_featured_tags_prefer_the_default_os_version_over_a_newer_one(fixture_catalog):
    """aspnet 11.0 in the fixture is on Ubuntu 26.04 only; 10.0's default (noble) must still win for 10.0."""
    model = fixture_catalog.repository("aspnet")
    ten = model.featured("10.0")
    assert all("resolute" not in g.tag for g in ten)
    eleven = model.featured("11.0")
    assert eleven and eleven[0].tag == "11.0-preview"


def test_featured_tags_render_one_tab_per_channel_with_the_supported_one_selected(fixture_catalog, english):
    text = r.render_featured_tags(fixture_catalog, "aspnet", english)
    tabs = re.findall(r'^(===\+?) "(.*?) <span(.*)>(.*)</span>"$', text, re.M)
    assert [t[1] for t in tabs] == [".NET 11.0 (STS)", ".NET 10.0 (LTS)", ".NET 8.0 (LTS)"]
    assert [t[0] for t in tabs] == ["===", "===+", "==="]  # 10.0 is the channel in support on TODAY
    # Each tab's label carries its status badge (attributes in single quotes, inside the label's quotes).
    assert [t[3] for t in tabs] == ["Preview", "In support", "End of life"]
    assert "data-status='eol' title='End of life since 2026-11-10'" in tabs[2][2]


# --- support status and resolution ------------------------------------------------------------


def test_support_status_is_computed_for_the_build_date(fixture_catalog, english):
    text = r.render_support_status(fixture_catalog, "aspnet", english)
    assert "In support until 2028-11-14" in text
    assert "guide-status--eol" in text and "End of life since 2026-11-10" in text
    assert '<time datetime="2026-11-28">' in text
    later = load_catalog(FIXTURE_DATA, on=datetime.date(2028, 12, 1))
    assert "End of life since 2028-11-14" in r.render_support_status(later, "aspnet", english)


def test_resolution_names_what_latest_points_to(fixture_catalog, english):
    text = r.render_tag_resolution(fixture_catalog, "sdk", english)
    assert "<code>latest</code> points to Ubuntu 24.04 (version 10.0.400) for amd64, arm64, arm/v7" in text
    # Each multi-platform tag appears once, with fixed ones separated from floating ones.
    assert text.count('<code id="tag-10.0-aot">10.0-aot</code>') == 1
    assert re.search(r">10.0-aot</code>.*fixed:.*<code id=\"tag-10.0.400-aot\">10.0.400-aot</code>", text)


# --- the full listing -------------------------------------------------------------------------


@pytest.mark.parametrize("repo", ["sdk", "aspnet"])
def test_listing_has_every_tag_once_per_image_and_one_row_per_image(fixture_catalog, repo, english):
    model = fixture_catalog.repository(repo)
    text = r.render_tag_listing(fixture_catalog, repo, english)
    assert text.count("<tr data-status=") == len(model.images)
    for tag, images in model.images_by_tag.items():
        shown = len(re.findall(rf'<code(?: id="tag-{re.escape(tag)}")?>{re.escape(tag)}</code>', text))
        assert shown == len(images), tag
        # A tag's anchor is in exactly one place: its row here, or (multi-platform) its row above.
        anchors = text.count(f'id="tag-{tag}"')
        assert anchors == (0 if model.is_multi_platform(tag) else 1), tag


def test_listing_groups_by_channel_newest_first_then_by_platform(fixture_catalog, english):
    model = fixture_catalog.repository("aspnet")
    text = r.render_tag_listing(fixture_catalog, "aspnet", english)
    headings = re.findall(r"^### (.*)$", text, re.M)
    assert [h.split(" ")[1] for h in headings] == list(model.channels)  # ".NET 10.0 (LTS)", newest first
    sections = re.split(r"^<section ", text, flags=re.M)[1:]
    assert len(sections) == len(model.channels)
    for channel, section in zip(model.channels, sections, strict=True):
        rows = re.findall(r'<tr [^>]*data-channel="([^"]*)"', section)
        assert rows and set(rows) == {channel}, channel
        captions = re.findall(r"<caption>([^<]*)</caption>", section)
        order = ["Linux x64 (amd64)", "Linux Arm64", "Linux Arm32 (v7)", "Windows x64 (amd64)"]
        assert captions == [c for c in order if c in captions] and len(set(captions)) == len(captions)
        # The channel to use starts open; an ended or preview one is closed and says why it is hidden.
        known = fixture_catalog.channel(channel)
        opened = '<details class="tag-listing" open>' in section
        assert opened == (channel == model.current_channel or section.count("<tr ") <= r.OPEN_UP_TO_ROWS), channel
        assert ('class="tag-channel__hidden"' in section) == (known.status in ("eol", "preview")), channel
    assert re.findall(r"<caption>([^<]*)</caption>", r.render_tag_listing(fixture_catalog, "sdk", english))


def test_listing_links_dockerfiles_at_the_source_commit_and_sizes_with_the_caveat(fixture_catalog, english):
    text = r.render_tag_listing(fixture_catalog, "aspnet", english)
    commit = fixture_catalog.repository("aspnet").source.commit
    assert (
        f'href="https://github.com/dotnet/dotnet-docker/blob/{commit}/src/aspnet/10.0/noble-chiseled/amd64/Dockerfile"'
        in text
    )
    assert "≈\u00a0111\u00a0MB" in text  # 110598620 bytes, recorded for noble-chiseled amd64
    assert "Pull sizes are the compressed layers" in text


def test_listing_rows_carry_the_facts_the_filter_reads(fixture_catalog, english):
    text = r.render_tag_listing(fixture_catalog, "aspnet", english)
    assert re.search(
        r'<tr data-status="supported" data-channel="10.0" data-os="ubuntu noble" data-arch="amd64" '
        r'data-variant="chiseled" data-tags="10.0.\d+-noble-chiseled-amd64 ',
        text,
    )
    assert 'data-variant="none"' in text
    tools = r.render_tag_filter(fixture_catalog, "aspnet", english)
    assert re.search(r'<form class="tag-filter" data-tag-filter="aspnet"[^>]*hidden>', tools)
    assert '<option value="8.0" data-status="eol">.NET 8.0 (end of life)</option>' in tools
    assert '<option value="extra">extra</option>' in tools
    assert re.search(r'<input type="checkbox" name="ended" data-show-ended> Show \d+ end-of-life', tools)


def test_no_size_where_the_image_has_no_recorded_size(fixture_catalog, english):
    text = r.render_tag_listing(fixture_catalog, "aspnet", english)
    resolute_rows = [row for row in text.splitlines() if 'data-os="ubuntu resolute"' in row]
    assert resolute_rows and not any("MB" in row for row in resolute_rows)


# --- the table helper escapes every cell --------------------------------------------------------


def test_html_table_escapes_plain_cells_and_attributes():
    html = html_table(["a<b"], [["<script>x</script>", code("<i>")]], [{"data-x": '"q"'}])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<code>&lt;i&gt;</code>" in html
    assert 'data-x="&#34;q&#34;"' in html and "<th>a&lt;b</th>" in html


def test_markdown_table_escapes_pipes_and_html():
    text = markdown_table(["h"], [["a | b <c>"], [Markup("<code>x|y</code>")]])
    assert "a &#124; b &lt;c&gt;" in text
    assert "<code>x&#124;y</code>" in text


# --- the API ----------------------------------------------------------------------------------


def _keys_by_level(document: dict) -> dict[str, set[str]]:
    repo = document["repositories"][0]
    return {
        "top level": set(document),
        "channels[]": set(document["channels"][0]),
        "windows[]": set(document["windows"][0]),
        "repositories[]": set(repo),
        "images[]": set(repo["images"][0]),
        "tags{}": set(next(iter(repo["tags"].values()))),
    }


def test_api_documentation_lists_exactly_the_keys_of_the_json(fixture_catalog):
    document = json.loads(render_api.render_catalog_json(fixture_catalog))
    assert document["computed_for"] == "2026-11-28"
    for level, keys in _keys_by_level(document).items():
        assert keys == set(render_api.FIELDS[level]), level


def test_api_tags_resolve_to_the_same_images_as_the_model(fixture_catalog):
    document = render_api.catalog_document(fixture_catalog)
    for repo in document["repositories"]:
        model = fixture_catalog.repository(repo["repository"])
        for tag, entry in repo["tags"].items():
            images = [repo["images"][n] for n in entry["images"]]
            assert [(i["os_version"], i["architecture"]) for i in images] == [
                (i.os_version, i.architecture) for i in model.resolve(tag)
            ]
            assert entry["floating"] == model.is_floating(tag)
            assert entry["multi_platform"] == model.is_multi_platform(tag)
        assert [repo["images"][n]["architecture"] for n in repo["latest"]] == [i.architecture for i in model.latest]


# --- macro arguments ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "macro",
    ["repository_overview", "featured_tags", "support_status", "tag_resolution", "tag_tables", "catalog_api_example"],
)
def test_an_unknown_repository_names_the_choices(macro):
    from macros import images

    with pytest.raises(KeyError, match=r"unknown repository 'aspnett' \(expected one of: sdk, aspnet,"):
        images.MACROS[macro]("aspnett")


def test_inline_code_breaks_only_after_slash_colon_and_hyphen():
    from macros.render.html import breakable_inline_codes

    html = breakable_inline_codes(
        '<p><code>mcr.microsoft.com/dotnet/sdk:10.0-noble</code> <code class="x">a-b</code></p>'
    )
    assert "<code>mcr.microsoft.com/<wbr>dotnet/<wbr>sdk:<wbr>10.0-<wbr>noble</code>" in html
    assert '<code class="x">a-b</code>' in html  # highlighted or attributed code is left alone


def test_plain_table_cells_carry_their_column_label():
    from macros.render.html import labelled_cells

    html = labelled_cells(
        "<table><thead><tr><th>Tag <em>x</em></th><th>A&amp;B</th></tr></thead>"
        "<tbody><tr><td>1</td><td>2</td></tr></tbody></table><table data-tag-rows><tr><td>3</td></tr></table>"
    )
    assert '<td data-label="Tag x">1</td><td data-label="A&amp;B">2</td>' in html
    assert "<table data-tag-rows><tr><td>3</td></tr></table>" in html  # tables with attributes are left alone
