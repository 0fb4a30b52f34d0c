"""The Korean edition's structure, read from the built site: /ko/ beside English at /, a language switcher
on every page that lands on the same page in the other language, one copy of the files written once
per site, one search index per language, readable Korean anchors."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest

SWITCHER = re.compile(r'<a href="([^"]*)" hreflang="(en|ko)" class="md-select__link" target="_self">')


def _pages(site: Path) -> list[str]:
    """Every page of the English site, as its URL path ("guide/tags/"), the 404 page left out."""
    folders = [p.parent.relative_to(site) for p in site.rglob("index.html")]
    return sorted(f"{f.as_posix()}/" if f.parts else "" for f in folders if f.parts[:1] != ("ko",))


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _switcher(site: Path, url: str) -> dict[str, str]:
    """Where the page's language switcher goes, per language, as a path from the site root."""
    links = dict((lang, href) for href, lang in SWITCHER.findall(_html(site, url)))
    base = f"http://site/{url}"
    return {lang: unquote(urljoin(base, href)).removeprefix("http://site/") for lang, href in links.items()}


def test_every_page_has_a_korean_twin_and_the_switcher_joins_them(built_site):
    pages = _pages(built_site)
    assert len(pages) > 20
    for url in pages:
        assert (built_site / "ko" / url / "index.html").exists(), f"/ko/{url} is missing"
        assert _switcher(built_site, url) == {"en": url, "ko": f"ko/{url}"}, url
        assert _switcher(built_site, f"ko/{url}") == {"en": url, "ko": f"ko/{url}"}, f"ko/{url}"


def test_korean_pages_say_they_are_korean(built_site):
    home, tags = _html(built_site, "ko/"), _html(built_site, "ko/guide/tags/")
    for html in (home, tags):
        assert '<html lang="ko"' in html
        assert "<title>" in html and ".NET 컨테이너 이미지 가이드</title>" in html
    assert '<html lang="en"' in _html(built_site, "")
    nav = re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', home)
    assert {"홈", "가이드", "태그와 버전", "용어집", "이미지 찾기"} <= set(nav), nav


def test_files_written_once_per_site_are_at_the_root_only(built_site):
    assert (built_site / "api" / "catalog.json").is_file()
    assert (built_site / "api" / "digests.json").is_file()
    assert not (built_site / "ko" / "api").exists()
    feeds = [p for p in built_site.rglob("*") if p.suffix in (".atom", ".ics") or p.name.endswith("feed.xml")]
    assert not [p for p in feeds if p.relative_to(built_site).parts[0] == "ko"], feeds


def test_each_language_has_its_own_search_index(built_site):
    english = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    korean = json.loads((built_site / "ko" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"]  # as before the Korean edition: tags keep their digits
    assert korean["config"]["lang"] == ["en", "ko"]  # set explicitly: Material's ko theme sets none
    for index in (english, korean):
        assert "(?<=[가-힣])" in index["config"]["separator"]  # particles split off Korean words
    assert not [d for d in english["docs"] if d["location"].startswith("ko/")]
    assert not [d for d in english["docs"] if re.search("[가-힣]", d["title"])]
    titles = {d["title"] for d in korean["docs"]}
    assert "짧은 답" in titles
    assert not [d for d in korean["docs"] if d["location"].startswith("ko/")]  # relative to /ko/
    # ...because every Korean page tells Material its site root is /ko/.
    for url, base in (("ko/", "./"), ("ko/guide/tags/", "../../"), ("guide/tags/", "../..")):
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', _html(built_site, url))
        assert json.loads(config.group(1))["base"] == base, url


def test_korean_headings_get_readable_anchors_and_english_ones_are_unchanged(built_site):
    assert 'id="짧은-답"' in _html(built_site, "ko/")
    assert 'id="the-short-answer"' in _html(built_site, "")


@pytest.mark.parametrize("url", ["ko/", "ko/guide/tags/"])
def test_korean_pages_have_their_own_sitemap_for_instant_navigation(built_site, url):
    sitemap = (built_site / "ko" / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locs and all("/ko/" in loc for loc in locs)
    assert any(loc.endswith("/" + url) for loc in locs)


def test_every_alternate_link_has_a_sitemap_beside_it(built_site, site_url):
    """Material's instant navigation fetches `sitemap.xml` beside every `<link rel="alternate">`: one
    without a sitemap there logs a 404 in the reader's console on every page (both editions, feeds too).
    The page-to-page language pairs are in the root sitemap for search engines."""
    from urllib.parse import urljoin

    missing = set()
    pages = sorted(built_site.rglob("index.html"))
    for page in pages:
        url = "http://guide.test/" + page.parent.relative_to(built_site).as_posix() + "/"
        for href in re.findall(r'<link rel="alternate"[^>]* href="([^"]*)"', page.read_text(encoding="utf-8")):
            sitemap = urljoin(urljoin(url, href), "sitemap.xml").removeprefix("http://guide.test/")
            if not (built_site / sitemap).is_file():
                missing.add((page.relative_to(built_site).as_posix(), href))
    assert len(pages) > 50 and not missing, sorted(missing)[:5]
    root = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f'<xhtml:link rel="alternate" hreflang="ko" href="{site_url.rstrip("/")}/ko/images/aspnet/"/>' in root


def test_the_theme_chrome_the_guide_names_speaks_each_language(built_site):
    """The accessible names the overrides add and the palette toggles are the edition's (mkdocs.yml extra.labels)."""
    english, korean = _html(built_site, ""), _html(built_site, "ko/")
    for name in ('role="dialog" aria-label="Search the guide"', 'aria-label="Loading the page"', "Switch to dark mode"):
        assert name in english and name not in korean, name
    names = ('role="dialog" aria-label="가이드 검색"', 'aria-label="페이지를 불러오는 중"', "어두운 화면으로 바꾸기")
    for name in names:
        assert name in korean and name not in english, name
