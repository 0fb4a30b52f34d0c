"""One status language, in headless Chromium: every tag row, filter menu option, featured tab and
Images index entry of an end-of-life channel carries the end-of-life badge, and end-of-life and
preview rows stay hidden behind a visible toggle that lives in the URL."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Everything on a repository page that names one channel, with what the status renderer put there.
_FACTS = """() => ({
  rows: [...document.querySelectorAll('table[data-tag-rows] tbody tr, table[data-tag-resolution] tbody tr,'
        + ' table[data-tag-featured] tbody tr')].map(r => ({
      channel: r.dataset.channel, status: r.dataset.status || '', featured: !!r.closest('[data-tag-featured]'),
      badges: [...r.querySelectorAll('.guide-status[data-status]')].map(b => b.dataset.status + ':' + b.textContent),
      shown: getComputedStyle(r).display !== 'none'})),
  options: [...document.querySelectorAll('form[data-tag-filter] select[name=channel] option[value]:not([value=""])')]
      .map(o => ({channel: o.value, status: o.dataset.status || '', text: o.textContent})),
  tabs: [...document.querySelectorAll('.tabbed-labels > label')].map(l => ({
      text: l.textContent, badge: (l.querySelector('.guide-status[data-status]') || {dataset: {}}).dataset.status || '',
      shown: l.getClientRects().length > 0})),
})"""


def _repository_pages(catalog) -> list[str]:
    return [m.info.slug for m in catalog.repositories if m.info.lifecycle == "channel"]


def test_every_row_option_and_tab_of_an_ended_channel_says_end_of_life(page, catalog):
    ended = {c for c, known in catalog.channels.items() if known.status == "eol"}
    assert {"8.0", "9.0"} <= ended  # both ended on 2026-11-10, before the test date
    checked = 0
    for slug in _repository_pages(catalog):
        page.goto(f"{page.base_url}images/{slug}/")
        page.wait_for_selector("form[data-tag-filter]:not([hidden])")
        facts = page.evaluate(_FACTS)
        model = catalog.repository(slug)
        assert len([r for r in facts["rows"] if r["channel"]]) >= len(model.images), slug
        for row in facts["rows"]:
            expected = catalog.channel(row["channel"]).status
            assert row["status"] == expected, (slug, row)
            if row["featured"]:  # a featured row's badge is its tab's (checked below)
                assert not row["badges"], (slug, row)
            else:
                assert len(row["badges"]) == 1 and row["badges"][0].startswith(expected + ":"), (slug, row)
            if expected == "eol" and not row["featured"]:
                assert row["badges"][0] == "eol:End of life", (slug, row)
            # Hidden by default: end-of-life and preview rows; every other row is shown.
            assert row["shown"] == (expected not in ("eol", "preview")), (slug, row)
            checked += row["status"] == "eol"
        for option in facts["options"]:
            status = catalog.channel(option["channel"]).status
            assert option["status"] == status, (slug, option)
            if status == "eol":
                assert option["text"].endswith("(end of life)"), (slug, option)
        for tab in facts["tabs"]:
            assert tab["badge"], (slug, tab)
            assert tab["shown"], (slug, tab)  # a tab stays (its radio needs its label); its rows hide
    assert checked > 300  # the end-of-life rows of every repository page were seen


def test_the_images_index_names_each_ended_channel_with_its_badge(page, catalog):
    page.goto(page.base_url + "images/")
    entries = page.eval_on_selector_all(
        "article table tbody tr",
        "rows => rows.map(r => [...r.querySelectorAll('.guide-status')].map(b => [b.dataset.status, b.textContent]))",
    )
    badges = [b for row in entries for b in row]
    for model in catalog.repositories:
        if model.info.lifecycle != "channel":
            continue
        for channel in model.channels:
            status = catalog.channel(channel).status
            words = {"eol": "end of life", "preview": "preview", "supported": "in support"}.get(status)
            assert [status, f"{channel}: {words}"] in badges or status == "ending", (model.info.slug, channel)


def test_the_toggle_shows_ended_rows_and_lives_in_the_url(page, catalog):
    page.goto(page.base_url + "images/aspnet/")
    page.wait_for_selector("form[data-tag-filter]:not([hidden])")
    row = "table[data-tag-rows] tbody tr[data-status=eol]"
    assert page.locator(row).first.is_hidden()
    toggle = page.get_by_label("end-of-life and preview images", exact=False)
    assert toggle.is_visible()
    toggle.check()
    assert page.locator(row).first.is_visible()
    assert "ended=show" in page.url
    # The link restores it; choosing an ended channel in the menu shows its rows too.
    page.goto(page.base_url + "images/aspnet/?ended=show")
    page.wait_for_selector("form[data-tag-filter]:not([hidden])")
    assert page.locator("input[data-show-ended]").is_checked()
    page.goto(page.base_url + "images/aspnet/?channel=8.0")
    page.wait_for_selector("form[data-tag-filter]:not([hidden])")
    assert page.locator("input[data-show-ended]").is_checked()
    visible = page.eval_on_selector_all(
        "table[data-tag-rows] tbody tr", "rows => rows.filter(r => r.getClientRects().length).length"
    )
    assert visible == len([i for i in catalog.repository("aspnet").images if i.channel == "8.0"])
