"""The site search in headless Chromium: it finds guide prose and the repository page of a featured tag.

The full tag lists are left out of the index on purpose (see macros/passthrough.py); each
repository page has its own tag filter for those."""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

RESULTS = ".md-search-result__list > li"


def _search(page, query: str, expected: str) -> list[str]:
    """Type `query` into the site search; wait for a result link matching the CSS selector `expected`.

    Results update with every key press, so the test waits for the expected one rather than
    reading the list while the query is still being typed. Returns the links shown at the end.
    """
    page.goto(page.base_url)
    box = page.locator("input.md-search__input")  # the header search box (a wide window shows it)
    box.click()
    box.press_sequentially(query)  # real key presses: Material reads the query on keyup, not on fill()
    with contextlib.suppress(PlaywrightTimeout):  # the assertion below shows what was found instead
        page.wait_for_selector(f"{RESULTS} {expected}", timeout=10_000)
    return page.eval_on_selector_all(f"{RESULTS} a", "links => links.map(a => a.getAttribute('href'))")


def test_search_finds_a_guide_page_by_its_prose(page):
    links = _search(page, "chiseled", 'a[href*="/guide/os-and-variants/"]')
    assert any("/guide/os-and-variants/" in link for link in links), links


def test_search_finds_the_featured_tags_of_a_repository(page, catalog):
    model = catalog.repository("aspnet")
    tag = next(g.tag for g in model.featured("10.0") if "chiseled" in g.tag)
    # Lunr splits the tag at its dashes, so guide pages about the words rank too; the aspnet page's
    # "Featured tags" section must be among the results (its table is in the index).
    links = _search(page, tag, 'a[href*="/images/aspnet/"][href$="#featured-tags"]')
    assert any("/images/aspnet/" in link and link.endswith("#featured-tags") for link in links), (tag, links)


def _results(page) -> list[list[dict]]:
    """The result list: per page group, each link's href and text."""
    return page.eval_on_selector_all(
        ".md-search-result__list > li",
        "groups => groups.map(g => Array.from(g.querySelectorAll('a')).map(a => ({href: a.getAttribute('href'),"
        " text: a.innerText.replace(/\\s+/g, ' ')})))",
    )


def test_an_exact_tag_only_in_the_full_listing_finds_its_row_with_a_readable_snippet(page, catalog):
    model = catalog.repository("aspnet")
    # A platform tag of an ended channel: no featured table or prose names it, only its row.
    image = next(i for i in model.images if i.channel == "8.0" and i.architecture == "arm32v7" and i.platform_tags)
    tag = image.platform_tags[0]
    _search(page, tag, f'a[href$="#tag-{tag}"]')
    groups = _results(page)
    first = groups[0]
    assert "/images/aspnet/" in first[0]["href"], groups[:2]
    row = next(link for link in first if link["href"].endswith(f"#tag-{tag}"))
    # The snippet reads as facts, not cells run together: the repository, the OS, the platform, the status.
    for fact in (model.info.repository, catalog.os_name(image), "linux/arm/v7", "end of life"):
        assert fact in row["text"], row
    assert " · " in row["text"], row


def test_a_word_finds_guide_prose_first_and_rows_stay_grouped_under_their_page(page):
    _search(page, "chiseled", 'a[href*="h=chiseled"]')
    # Results are redrawn for every key typed: wait until the list is the one for the whole word.
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('.md-search-result__list a'))"
        ".every(a => !a.search.includes('h=') || a.search.endsWith('h=') || a.search.includes('h=chiseled'))"
    )
    groups = _results(page)
    assert "/guide/os-and-variants/" in groups[0][0]["href"], [g[0]["href"] for g in groups]
    pages = [g[0]["href"].split("?")[0] for g in groups]
    assert len(pages) == len(set(pages)), pages  # one group per page, however many rows match
