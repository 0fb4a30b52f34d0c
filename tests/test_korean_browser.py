"""The Korean edition in headless Chromium: Korean search (particles attached, exact tags), only Korean
results under /ko/, the language switcher loading the same page in the other language and back, and
the wizard giving the same images from the same link in both languages."""

from __future__ import annotations

import contextlib
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

RESULTS = ".md-search-result__list > li"
RESULT = "[data-wizard-result][data-outcome]"


def _search(page, start: str, query: str, expected: str) -> list[str]:
    """Type `query` into the search of page `start`; wait for a result matching `expected`; return the links."""
    page.goto(page.base_url + start)
    box = page.locator("input.md-search__input")
    box.click()
    # Hangul is typed as inserted text, which raises no key events; Material reads the query on keyup,
    # so a key press after the text (as a Korean input method's last keystroke does).
    box.fill(query)
    box.press("End")
    with contextlib.suppress(PlaywrightTimeout):  # the assertion shows what was found instead
        page.wait_for_selector(f"{RESULTS} {expected}", timeout=10_000)
    return [
        unquote(href)
        for href in page.eval_on_selector_all(f"{RESULTS} a", "links => links.map(a => a.getAttribute('href'))")
    ]


@pytest.mark.parametrize(
    ("query", "page_path"),
    [
        ("이미지를", "/ko/guide/"),  # the particle 를 is split off and dropped: pages about 이미지 match
        ("다이제스트로", "/ko/guide/tags/"),  # 으로/로 too: "다이제스트로 고정하기" and "다이제스트" match
        ("태그가", "/ko/guide/tags/"),
    ],
)
def test_korean_words_with_particles_find_korean_pages_only(page, query, page_path):
    links = _search(page, "ko/", query, f'a[href*="{page_path}"]')
    assert any(page_path in link for link in links), (query, links)
    assert links and all("/ko/" in link for link in links), f"{query}: results outside the Korean edition: {links}"


def test_an_exact_tag_finds_its_korean_repository_page(page, catalog):
    tag = next(g.tag for g in catalog.repository("aspnet").featured("10.0") if "chiseled" in g.tag)
    links = _search(page, "ko/images/", tag, 'a[href*="/ko/images/aspnet/"]')
    assert any("/ko/images/aspnet/" in link and link.endswith("#추천-태그") for link in links), (tag, links)
    assert all("/ko/" in link for link in links), links


def test_english_search_finds_no_korean_page(page):
    links = _search(page, "", "chiseled", 'a[href*="/guide/os-and-variants/"]')
    assert links and not [link for link in links if "/ko/" in link], links


def _switch(page, lang: str) -> None:
    """Open the language menu and pick `lang`, as a reader does."""
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(f'.md-select__link[hreflang="{lang}"]')


@pytest.mark.parametrize(
    ("path", "state"),
    [
        ("", ""),
        ("guide/tags/", "#pinning-by-digest"),  # an English anchor: the Korean heading carries it too
        ("images/aspnet/", "?os=alpine"),  # the tag filter's state
        ("wizard/", "?app=console&distro=alpine"),  # the wizard's answers (it completes the link)
        ("team/onboarding/", ""),
    ],
)
def test_the_switcher_goes_to_the_same_page_in_korean_and_back(page, path, state):
    page.goto(page.base_url + path + state)
    page.wait_for_timeout(300)  # the page's scripts settle the query string first
    before = urlsplit(page.url)
    _switch(page, "ko")
    after = urlsplit(page.url)
    assert after.path == before.path.replace("/", "/ko/", 1) and (after.query, after.fragment) == (
        before.query,
        before.fragment,
    ), (page.url, before)
    assert page.get_attribute("html", "lang") == "ko"
    # A full load, not instant navigation: the page's own configuration (its site root is /ko/).
    assert page.evaluate("JSON.parse(document.getElementById('__config').textContent).base").endswith(("./", "../"))
    if before.fragment:
        assert page.evaluate(f"document.getElementById('{before.fragment}') !== null")
    _switch(page, "en")
    assert urlsplit(page.url).path == before.path and urlsplit(page.url).query == before.query
    assert page.get_attribute("html", "lang") == "en"


@pytest.mark.parametrize(
    "query",
    ["", "?app=console&distro=alpine", "?goal=build", "?app=web&os=windows", "?framework=netfx", "?version=8.0"],
)
def test_the_wizard_gives_the_same_images_in_both_languages(page, query):
    refs = {}
    for edition in ("", "ko/"):
        page.goto(page.base_url + edition + "wizard/" + query)
        page.wait_for_selector(RESULT)  # the server's default result is there at once:
        page.wait_for_selector("[data-wizard][data-ready]")  # the script has drawn the link's answer
        refs[edition] = (
            page.get_attribute(RESULT, "data-outcome"),
            sorted(
                (e.get_attribute("data-stage"), e.get_attribute("data-image-ref"))
                for e in page.query_selector_all("[data-wizard-result] [data-image-ref]")
            ),
            page.url.split("?", 1)[1] if "?" in page.url else "",  # the link it keeps: same keys and values
        )
    assert refs[""] == refs["ko/"], refs
    if query and refs[""][0] != "unavailable":
        assert refs[""][1], "no image reference shown"


def test_the_checker_gives_the_same_verdicts_in_both_languages(page):
    """The same link (?dockerfile=...) on /check/ and /ko/check/: the same verdicts, in the same order."""
    from urllib.parse import quote

    dockerfile = (
        "FROM microsoft/aspnetcore-build:2.0 AS build\n"
        "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n"
        "FROM mcr.microsoft.com/dotnet/runtime:10.0-noble\n"
        "FROM mcr.microsoft.com/dotnet/sdk:no-such-tag\n"
    )
    verdicts = {}
    for edition in ("", "ko/"):
        page.goto(page.base_url + edition + "check/?dockerfile=" + quote(dockerfile))
        page.wait_for_selector("[data-checked]")
        verdicts[edition] = page.eval_on_selector_all("[data-verdict]", "els => els.map(e => e.dataset.verdict)")
    assert verdicts[""] == verdicts["ko/"], verdicts
    assert {"legacy-name", "end-of-life", "current", "unknown-tag"} <= set(verdicts[""]), verdicts
