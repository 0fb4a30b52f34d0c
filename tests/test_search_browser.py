"""The site search in headless Chromium: it finds guide prose and the repository page of a featured tag.

The full tag lists are left out of the index on purpose (see macros/passthrough.py); each
repository page has its own tag filter for those."""
from __future__ import annotations

import pytest

from macros.render_images import featured_groups

pytestmark = pytest.mark.browser

RESULTS = ".md-search-result__list > li"


def _search(page, query: str) -> list[dict]:
    page.goto(page.base_url)
    box = page.locator("input.md-search__input")  # the header search box (a wide window shows it)
    box.click()
    box.press_sequentially(query)  # real key presses: Material reads the query on keyup, not on fill()
    page.wait_for_selector(RESULTS)
    return page.eval_on_selector_all(f"{RESULTS} a", "links => links.map(a => ({href: a.href, text: a.textContent}))")


def test_search_finds_a_guide_page_by_its_prose(page):
    results = _search(page, "chiseled")
    assert any("/guide/os-and-variants/" in r["href"] for r in results), [r["href"] for r in results]


def test_search_finds_the_repository_page_of_a_featured_tag(page, catalog):
    model = catalog.repository("aspnet")
    tag = next(g.tag for g in featured_groups(catalog, model, "10.0") if "chiseled" in g.tag)
    results = _search(page, tag)
    # Lunr splits the tag at its dashes, so guide pages about the words rank too; the repository page
    # must be among the results. (test_passthrough checks that the featured tags are in the index.)
    assert any("/images/aspnet/" in r["href"] for r in results), (tag, [r["href"] for r in results])
