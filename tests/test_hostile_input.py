"""Hostile query strings do nothing: on the tag filter pages, the wizard and plain pages.

A link can carry anything in its query string. Whatever it holds (markup, a script, attribute
or selector breakers, a 100 KB value, prototype keys), the page must not grow an element or an
attribute from it, must not open a dialog, must not raise an uncaught error (the `page`
fixture fails on those), must not pollute Object.prototype, and must still work.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
import yaml

from helpers import ROOT

MARK = "pwned"  # every payload that could run or inject carries it; nothing on the page may
PAYLOADS = {
    "img-onerror": f'<img src=x onerror="window.__{MARK}=1">',
    "script": f"<script>window.__{MARK}=1</script>",
    "attribute-break": f'"><svg onload=window.__{MARK}=1><"',
    "selector-break": f"\"]'),[onload=window.__{MARK}],x[y='\\",
    "javascript-url": f"javascript:window.__{MARK}=1",
    "entities-and-controls": f"&lt;b&gt;{MARK}&#0;\u202e\u0000%00\n\r\t",
    "huge": "A" * 100_000,
}
# Keys a script might turn into object properties.
PROTOTYPE_QUERY = "&".join(
    [
        "__proto__=1",
        f"__proto__[{MARK}]=1",
        f"constructor[prototype][{MARK}]=1",
        "constructor=1",
        "prototype=1",
        "toString=1",
        "hasOwnProperty=1",
        "valueOf=1",
        f"__proto__.{MARK}=1",
        "=empty-key",
        "%E0%A4%A=bad-percent",
    ]
)

FILTER_KEYS = ["tag", "channel", "os", "arch", "variant"]
TAG_FILTER_PAGES = ["images/aspnet/", "images/framework-sdk/"]  # the biggest; a Windows-only one


def _wizard_keys() -> list[str]:
    path = ROOT / "data" / "wizard.yml"
    if not path.exists():
        return []
    return [q["id"] for q in yaml.safe_load(path.read_text())["questions"]]


WIZARD_KEYS = _wizard_keys()


def _query(keys: list[str], value: str) -> str:
    return "?" + "&".join(f"{quote(key)}={quote(value, safe='')}" for key in keys)


def _open(page, url: str, site: Path | None = None) -> list[str]:
    """Open `url` (relative to the site), recording dialogs. Python's test server refuses request
    lines over 64 KB (as real servers do far sooner), so a huge query is answered from the built
    file by the browser's router instead: the page still sees the whole query in location."""
    dialogs: list[str] = []
    full = page.base_url + url
    if len(full) > 8_000:
        assert site is not None, "a huge URL needs the built site"
        path, _, _ = url.partition("?")
        body = (site / path / "index.html").read_bytes() if not path.endswith(".html") else (site / path).read_bytes()
        page.route(
            lambda requested: requested == full,
            lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=body),
        )

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(full, wait_until="load")
    page.evaluate("() => new Promise(done => requestIdleCallback(() => done(), {timeout: 1000}))")
    return dialogs


# Every element and attribute whose name or value carries the mark; form field values are
# properties, not attributes, so text typed into a field (or restored from the URL) is fine.
INJECTED = f"""() => {{
  const found = [];
  for (const element of document.querySelectorAll('*')) {{
    if (element.tagName.toLowerCase().includes('{MARK}')) found.push(element.tagName);
    for (const attribute of element.attributes) {{
      const name = element.tagName + ' ' + attribute.name;
      if (attribute.name.startsWith('on') && attribute.value.includes('{MARK}')) found.push(name);
      if (attribute.name.includes('{MARK}')) found.push(name);
      const link = /^(href|src|action|formaction)$/.test(attribute.name);
      if (link && /^\\s*javascript:/i.test(attribute.value)) found.push(name);
    }}
  }}
  for (const element of document.querySelectorAll('script:not([src])')) {{
    if (element.textContent.includes('__{MARK}')) found.push('inline script');
  }}
  return found;
}}"""


def _assert_nothing_happened(page, dialogs):
    assert dialogs == [], f"a dialog opened: {dialogs}"
    assert page.evaluate(f"typeof window.__{MARK}") == "undefined", "a payload ran"
    assert page.evaluate(
        f"({{}}).{MARK} === undefined && Object.prototype.{MARK} === undefined"
        " && typeof ({}).toString === 'function' && typeof ({}).hasOwnProperty === 'function'"
    ), "Object.prototype was changed"
    assert page.evaluate(INJECTED) == [], "the query string became markup"
    assert page.locator("article.md-content__inner h1").count() == 1


def _assert_filter_works(page):
    form = page.locator("form[data-tag-filter]")
    assert form.is_visible(), "the filter did not start"
    assert page.locator("form[data-tag-filter] output").inner_text().strip(), "the filter shows no count"
    # The filter still narrows and widens after a hostile start.
    # After a hostile start, clearing the form brings every row back (reset from script: Playwright's
    # fill("") does not clear a search input).
    page.evaluate("document.querySelector('form[data-tag-filter]').reset()")
    rows = page.locator("table[data-tag-rows] tbody tr")
    assert rows.count() > 0
    page.wait_for_function(
        "n => document.querySelectorAll('table[data-tag-rows] tbody tr:not([hidden])').length === n",
        arg=rows.count(),
        timeout=5000,
    )


def _assert_wizard_works(page):
    assert page.locator("[data-wizard] form").is_visible(), "the wizard did not start"
    assert page.locator("[data-wizard-result]").inner_text().strip(), "the wizard shows no result"
    assert page.locator("[data-wizard-notice] *").count() == 0  # the notice is text only


@pytest.mark.parametrize("url", TAG_FILTER_PAGES)
@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_tag_filter_ignores_hostile_values(page, built_site, url, payload):
    dialogs = _open(page, url + _query(FILTER_KEYS, PAYLOADS[payload]), built_site)
    _assert_nothing_happened(page, dialogs)
    _assert_filter_works(page)


@pytest.mark.parametrize("url", TAG_FILTER_PAGES)
def test_tag_filter_ignores_prototype_keys(page, url):
    dialogs = _open(page, url + "?" + PROTOTYPE_QUERY)
    _assert_nothing_happened(page, dialogs)
    _assert_filter_works(page)


def test_every_tag_filter_page_survives_a_hostile_link(page, built_site):
    """All repository pages, with every key at once (markup in each filter field plus prototype keys)."""
    pages = sorted(
        p.parent.relative_to(built_site).as_posix() + "/"
        for p in built_site.rglob("index.html")
        if "data-tag-filter" in p.read_text()
    )
    assert pages, "no page has a tag filter"
    hostile = _query(FILTER_KEYS, PAYLOADS["attribute-break"])[1:]
    for url in pages:
        dialogs = _open(page, f"{url}?{hostile}&{PROTOTYPE_QUERY}")
        _assert_nothing_happened(page, dialogs)
        _assert_filter_works(page)


@pytest.mark.skipif(not WIZARD_KEYS, reason="data/wizard.yml does not exist yet")
@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_wizard_ignores_hostile_values(page, built_site, payload):
    value = PAYLOADS[payload]
    dialogs = _open(page, "wizard/" + _query(WIZARD_KEYS, value) + "&" + quote(value, safe="") + "=1", built_site)
    _assert_nothing_happened(page, dialogs)
    _assert_wizard_works(page)
    assert len(page.url) < 4_000, "the wizard wrote the hostile value back into the address bar"


@pytest.mark.skipif(not WIZARD_KEYS, reason="data/wizard.yml does not exist yet")
def test_wizard_ignores_prototype_keys(page):
    dialogs = _open(page, "wizard/?" + PROTOTYPE_QUERY + "&" + "&".join(f"{k}=__proto__" for k in WIZARD_KEYS))
    _assert_nothing_happened(page, dialogs)
    _assert_wizard_works(page)


@pytest.mark.parametrize("url", ["", "guide/tags/", "images/", "404.html"])
def test_pages_without_a_form_ignore_hostile_links(page, url):
    hostile = _query(FILTER_KEYS + WIZARD_KEYS, PAYLOADS["img-onerror"])[1:]
    dialogs = _open(page, f"{url}?{hostile}&{PROTOTYPE_QUERY}")
    assert dialogs == [] and page.evaluate(f"typeof window.__{MARK}") == "undefined"
    assert page.evaluate(INJECTED) == []


def test_a_filter_link_does_not_open_the_site_search(page):
    """Material opens its search overlay for `?q=` (search deep links), so the filter keeps its text
    in `?tag=`: a shared filter link shows the filtered table, not the search dialog on top of it."""
    dialogs = _open(page, "images/aspnet/?tag=alpine")
    _assert_nothing_happened(page, dialogs)
    assert page.locator("form[data-tag-filter] input[name=tag]").input_value() == "alpine"
    assert not page.evaluate("document.querySelector('[data-md-toggle=search]').checked"), (
        "the filter link also opened Material's search overlay over the page"
    )


def test_ignored_keys_are_shown_without_direction_or_control_characters(page):
    """A right-to-left override in an unknown key would make the notice read as something else."""
    dialogs = _open(page, "wizard/?evil%E2%80%AEgnp.exe=1&tab%09bed%00key=2")
    _assert_nothing_happened(page, dialogs)
    notice = page.locator("[data-wizard-notice]")
    assert notice.is_visible()
    shown = notice.text_content()
    assert "evilgnp.exe" in shown and "tabbedkey" in shown
    assert not any(char in shown for char in "\u202e\u0000\t"), repr(shown)
