"""The tag filter in headless Chromium: narrowing, the query string, instant navigation, back/forward."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

FORM = "form.tag-filter"
VISIBLE_ROWS = "table[data-tag-rows] tbody tr:not([hidden])"


def _open(page, path: str):
    page.goto(page.base_url + path)
    page.wait_for_selector(f"{FORM}:not([hidden])")


def _visible_rows(page) -> list[dict]:
    return page.eval_on_selector_all(
        VISIBLE_ROWS,
        """rows => rows.map(r => ({
        arch: r.dataset.arch, os: r.dataset.os, channel: r.dataset.channel, variant: r.dataset.variant,
        text: r.textContent}))""",
    )


def _count_text(page) -> str:
    return page.locator(f"{FORM} output").text_content()


def _expected(catalog, slug, *, arch=None, channel=None, distro=None, variant=None, word=None):
    images = catalog.repository(slug).images
    return [
        i
        for i in images
        if (arch is None or i.architecture == arch)
        and (channel is None or i.channel == channel)
        and (distro is None or i.distro == distro)
        and (variant is None or (variant in i.variants if variant != "none" else not i.variants))
        and (word is None or any(word in t for t in i.tags))
    ]


def test_the_filter_is_revealed_and_starts_with_every_row(page, catalog):
    _open(page, "images/aspnet/")
    total = len(catalog.repository("aspnet").images)
    assert len(_visible_rows(page)) == total
    assert _count_text(page) == f"{total} images"


def test_choosing_and_typing_narrow_the_rows_and_update_the_url(page, catalog):
    _open(page, "images/aspnet/")
    page.select_option(f"{FORM} select[name=arch]", "arm64v8")
    rows = _visible_rows(page)
    expected = _expected(catalog, "aspnet", arch="arm64v8")
    assert len(rows) == len(expected) and {r["arch"] for r in rows} == {"arm64v8"}
    assert re.search(r"[?&]arch=arm64v8\b", page.url)

    page.fill(f"{FORM} input[name=tag]", "chiseled")
    rows = _visible_rows(page)
    expected = _expected(catalog, "aspnet", arch="arm64v8", word="chiseled")
    assert 0 < len(rows) == len(expected)
    assert all("chiseled" in r["text"] for r in rows)
    assert _count_text(page) == f"{len(expected)} of {len(catalog.repository('aspnet').images)} images match"
    assert "tag=chiseled" in page.url
    # Platform tables with no matching row are hidden (there is no Arm64 Windows image).
    shown = page.eval_on_selector_all(
        "table[data-tag-rows]", "ts => ts.filter(t => !t.hidden).map(t => t.caption.textContent)"
    )
    assert set(shown) == {"Linux Arm64"}
    assert page.locator("[data-tag-group='10.0'] " + VISIBLE_ROWS).first.is_visible()


def test_ended_channels_are_hidden_and_a_filter_opens_the_collapsed_channels_it_matches(page, catalog):
    model = catalog.repository("aspnet")
    ended = [c for c in model.channels if catalog.channel(c).status == "eol"]
    assert ended and model.current_channel not in ended
    _open(page, "images/aspnet/")
    for channel in ended:  # hidden, with a line that says why; the current channel is open
        group = page.locator(f"[data-tag-group='{channel}']")
        assert group.locator("details").is_hidden() and group.locator(".tag-channel__hidden").is_visible()
    assert page.locator(f"[data-tag-group='{model.current_channel}'] details").evaluate("d => d.open")

    page.check("input[data-show-ended]")  # asking for ended images opens their channels
    older = page.locator(f"[data-tag-group='{ended[0]}']")
    assert older.locator(".tag-channel__hidden").is_hidden()
    assert older.locator("details").is_visible() and older.locator("details").evaluate("d => d.open")
    older.locator("summary").click()  # the reader closes it; a filter that matches inside opens it again
    assert not older.locator("details").evaluate("d => d.open")
    page.fill(f"{FORM} input[name=tag]", "chiseled")
    assert older.locator("details").evaluate("d => d.open")
    matches = _expected(catalog, "aspnet", channel=ended[0], word="chiseled")
    assert 0 < older.locator(VISIBLE_ROWS).count() == len(matches)
    assert older.locator(VISIBLE_ROWS).first.is_visible()


def test_a_link_to_an_ended_row_lands_on_it_after_instant_navigation(page, catalog):
    model = catalog.repository("aspnet")
    image = next(i for i in model.images if catalog.channel(i.channel).status == "eol" and i.platform_tags)
    tag = image.platform_tags[0]
    page.goto(page.base_url)
    page.evaluate("window.sameDocument = true")
    # A link like a search result's: Material's instant navigation loads it, so the row never becomes :target.
    page.evaluate(
        "(href) => { const a = document.createElement('a'); a.href = href; a.id = 'to-row'; a.textContent = 'row';"
        " document.querySelector('article').prepend(a); }",
        f"images/aspnet/#tag-{tag}",
    )
    page.click("#to-row")
    row = page.locator(f"tr:has([id='tag-{tag}'])")
    row.wait_for(state="visible")
    assert page.evaluate("window.sameDocument === true"), "expected Material's instant navigation, not a reload"
    assert row.evaluate("r => r.closest('details').open") and row.is_visible()
    box = row.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"], box


def test_the_url_restores_the_filter_on_load(page, catalog):
    _open(page, "images/aspnet/?channel=8.0&os=alpine&variant=extra")
    assert page.locator(f"{FORM} select[name=channel]").input_value() == "8.0"
    assert page.locator(f"{FORM} select[name=os]").input_value() == "alpine"
    assert page.locator(f"{FORM} select[name=variant]").input_value() == "extra"
    rows = _visible_rows(page)
    expected = _expected(catalog, "aspnet", channel="8.0", distro="alpine", variant="extra")
    assert 0 < len(rows) == len(expected)
    assert all(r["channel"] == "8.0" and r["os"].startswith("alpine ") and "extra" in r["variant"] for r in rows)


def test_an_unknown_value_in_the_url_is_ignored(page, catalog):
    _open(page, "images/aspnet/?arch=sparc&variant=none")
    assert page.locator(f"{FORM} select[name=arch]").input_value() == ""
    assert len(_visible_rows(page)) == len(_expected(catalog, "aspnet", variant="none"))


def test_the_filter_works_by_keyboard(page, catalog):
    _open(page, "images/sdk/")
    page.focus(f"{FORM} input[name=tag]")
    page.keyboard.type("alpine aot")
    expected = [
        i
        for i in catalog.repository("sdk").images
        if any("alpine" in t for t in i.tags) and any("aot" in t for t in i.tags)
    ]
    assert 0 < len(_visible_rows(page)) == len(expected)
    page.focus(f"{FORM} button[type=reset]")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('table[data-tag-rows] tbody tr[hidden]').length === 0")
    assert "tag=" not in page.url


def _count_filter_url_writes(page):
    page.evaluate("""() => {
        window.filterWrites = 0;
        const original = history.replaceState.bind(history);
        history.replaceState = (state, title, url) => {
            if (String(url).includes("variant=")) window.filterWrites++;
            return original(state, title, url);
        };
    }""")


def test_instant_navigation_from_the_home_page_and_back_and_forth(page, catalog):
    page.goto(page.base_url)
    page.evaluate("window.sameDocument = true")
    page.click("nav.md-nav--primary a[href$='images/aspnet/']")
    page.wait_for_selector(f"{FORM}[data-tag-filter=aspnet]:not([hidden])")
    assert page.evaluate("window.sameDocument === true"), "expected Material's instant navigation, not a reload"

    page.select_option(f"{FORM} select[name=variant]", "composite")
    composite = _expected(catalog, "aspnet", variant="composite")
    assert len(_visible_rows(page)) == len(composite)
    assert "variant=composite" in page.url

    # Away to another repository page and back: the filter comes back from the URL.
    page.click("nav.md-nav--primary a[href$='/sdk/']")
    page.wait_for_selector(f"{FORM}[data-tag-filter=sdk]:not([hidden])")
    assert len(_visible_rows(page)) == len(catalog.repository("sdk").images)
    page.go_back()
    page.wait_for_selector(f"{FORM}[data-tag-filter=aspnet]:not([hidden])")
    assert "variant=composite" in page.url
    assert page.locator(f"{FORM} select[name=variant]").input_value() == "composite"
    assert len(_visible_rows(page)) == len(composite)
    page.go_forward()
    page.wait_for_selector(f"{FORM}[data-tag-filter=sdk]:not([hidden])")
    page.go_back()
    page.wait_for_selector(f"{FORM}[data-tag-filter=aspnet]:not([hidden])")
    assert page.evaluate("window.sameDocument === true")

    # After all that, one change is handled once: no handler was added twice.
    _count_filter_url_writes(page)
    page.select_option(f"{FORM} select[name=variant]", "extra")
    assert page.evaluate("window.filterWrites") == 1
    assert len(_visible_rows(page)) == len(_expected(catalog, "aspnet", variant="extra"))


def test_pages_without_a_filter_are_left_alone(page):
    page.goto(page.base_url + "images/lifecycle/")
    assert page.locator(FORM).count() == 0
    # Each script loads only on the pages that use it (front matter `scripts:`, overrides/main.html).
    assert page.evaluate("window.tagFilterStarted") is None
