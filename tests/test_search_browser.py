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
