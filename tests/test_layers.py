"""The Layers and size page on real layer data: its figures recomputed here straight from the registry
record's JSON (layer digests and compressed sizes), and none of the old 2025 baselines left."""

from __future__ import annotations

import html
import json
import re

import pytest

from helpers import ROOT
from macros.data.errors import UnknownValueError
from macros.render import layers as r

REGISTRY = ROOT / "data" / "registry"


def _layers(repo: str, dockerfile: str) -> dict[str, int]:
    """digest -> compressed size of one x64 platform image, read from data/registry/<repo>.json."""
    record = json.loads((REGISTRY / f"{repo}.json").read_text(encoding="utf-8"))
    image = next(i for i in record["images"] if i["dockerfile"] == dockerfile and i["architecture"] == "amd64")
    return dict(image["layers"])


def _mb(size: int) -> str:
    return f"{size / 1_000_000:,.0f}\u00a0MB"


def _figure(layers: dict[str, int], digests) -> str:
    digests = set(digests)
    return f"{len(digests)} layer{'s' if len(digests) != 1 else ''}, {_mb(sum(layers[d] for d in digests))}"


NOBLE = {repo: _layers(repo, f"src/{repo}/10.0/noble/amd64") for repo in ("runtime-deps", "runtime", "aspnet", "sdk")}


@pytest.fixture(scope="module")
def page(built_site) -> str:
    text = (built_site / "guide" / "layers-and-size" / "index.html").read_text(encoding="utf-8")
    # Without the break points inline code gets (<wbr> after "/", ":" and "-"), so rows read as written.
    return html.unescape(text[text.index('class="md-content"') :]).replace("<wbr>", "")


@pytest.fixture(scope="module")
def prose(page) -> str:
    """The page as a reader reads it: no tags, one space between words."""
    return re.sub(r"[ \n]+", " ", re.sub(r"<[^>]+>", "", page))


def test_the_page_states_the_shared_layers_recomputed_from_the_record(prose):
    deps, runtime, aspnet, sdk = NOBLE.values()
    shared = set(deps) & set(runtime) & set(aspnet)
    assert len(shared) >= 2  # the OS and native dependencies
    assert f"The three share {_figure(deps, shared)}:" in prose
    # The SDK after aspnet: only its own layers; runtime after aspnet: nothing at all.
    assert f"downloads {_figure(sdk, set(sdk) - set(aspnet))}, not the full {_mb(sum(sdk.values()))}" in prose
    assert set(runtime) <= set(aspnet) and "that has aspnet downloads nothing:" in prose


def test_the_stack_table_shows_what_each_pull_downloads(page):
    rows = re.findall(r"<tr>\s*<td[^>]*><code>dotnet/([a-z-]+):10\.0</code></td>(.*?)</tr>", page, re.S)
    assert [repo for repo, _ in rows] == ["runtime-deps", "runtime", "aspnet", "sdk"]
    held: set[str] = set()
    for (repo, cells), layers in zip(rows, NOBLE.values(), strict=True):
        new = set(layers) - held
        assert re.findall(r"<td[^>]*>([^<]*)</td>", cells)[-1] == _figure(layers, new), repo
        held |= set(layers)


def test_variants_and_aot_figures_come_from_the_record(page, prose, catalog, english):
    chiseled = _layers("aspnet", "src/aspnet/10.0/noble-chiseled/amd64")
    deps_chiseled = _layers("runtime-deps", "src/runtime-deps/10.0/noble-chiseled/amd64")
    assert f"10.0-noble-chiseled is {_mb(sum(chiseled.values()))}" in prose
    aot_row = re.split(r"<td[^>]*><code>runtime-deps</code> \(Native AOT, self-contained\)</td>", page, maxsplit=1)[1]
    aot_row = aot_row.split("</tr>")[0]
    assert re.findall(r"<td[^>]*>([^<]*)</td>", aot_row) == [
        _mb(sum(NOBLE["runtime-deps"].values())),
        _mb(sum(deps_chiseled.values())),
    ]
    # Chiseled shares no layer with the default image: the comparison table says so, as the data does.
    assert not set(chiseled) & set(NOBLE["aspnet"])
    table = r.render_variant_sizes(catalog, english, "aspnet")
    chiseled_row = next(line for line in table.splitlines() if "chiseled</code>" in line and "composite" not in line)
    assert chiseled_row.rstrip(" |").endswith("nothing")


def test_the_old_baselines_are_gone(page, built_site):
    for old in ("May 2025", "baseline", "Uncompressed and approximate", "217 MB", "ImageSize"):
        assert old not in page, old
    assert "Pull sizes are the compressed layers" in page
    sources = (built_site / "reference" / "sources" / "index.html").read_text(encoding="utf-8")
    assert "ImageSize.nightly" not in sources


def test_a_tag_without_a_record_stops_the_build_with_what_was_expected(catalog):
    with pytest.raises(UnknownValueError, match="no amd64 image of dotnet/aspire-dashboard"):
        r.render_size_of(catalog, "aspire-dashboard", catalog.repository("aspire-dashboard").images[0].tags[0])
    assert r.render_size_of(catalog, "aspnet", "10.0") == "≈\u00a0" + _mb(sum(NOBLE["aspnet"].values()))


def test_the_korean_page_says_every_table_word_in_korean(built_site, catalog):
    """/ko/guide/layers-and-size/: headers, cells and captions from data/messages/ko.yml, none of English's."""
    from macros.data.messages import load_messages

    catalogs = load_messages(ROOT / "data" / "messages", ROOT)
    words = {lang: {k: v for k, v in catalogs[lang].texts.items() if k.startswith("layers.")} for lang in ("en", "ko")}
    text = (built_site / "ko" / "guide" / "layers-and-size" / "index.html").read_text(encoding="utf-8")
    text = html.unescape(text[text.index('class="md-content"') :])
    headers = set(re.findall(r"<th[^>]*>([^<]*)</th>", text))
    expected = {words["ko"][f"layers.{k}"] for k in ("image", "built_on", "alone", "present", "downloaded", "tag")}
    assert expected <= headers, headers
    assert not headers & {v for k, v in words["en"].items() if v != words["ko"][k]}, headers
    english_cells = [w for k, w in words["en"].items() if " " in w and "{" not in w and f">{w}<" in text]
    assert not english_cells, english_cells
    shared = r.render_shared_layers(catalog, catalogs["ko"])
    assert re.fullmatch(r"레이어 \d+개, [\d,]+\u00a0MB", shared), shared
    assert f"<strong>{shared}</strong>" in text
