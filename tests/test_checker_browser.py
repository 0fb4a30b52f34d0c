"""The image checker in Chromium: the page and the command line agree case by case, and the page is
usable by keyboard, keeps its input in the address bar, survives hostile input and passes axe."""

from __future__ import annotations

import datetime
import json
from urllib.parse import parse_qs, quote, urlparse

from checker_cases import CASES, DOCKERFILES, ENDS_SOON_CASES, ENDS_SOON_DAY, sample_dockerfiles

from macros.checker.table import checker_json
from macros.checker.verdict import check_text
from macros.data.load import load_guide
from macros.render.status import HIDDEN_BY_DEFAULT

RUN_IN_PAGE = """async ([texts, table]) => {
  const load = async (name) => (await fetch(new URL('../api/' + name, location.href))).json();
  const checker = table || await load('checker.json');
  const digests = await load('digests.json');
  return texts.map((text) => window.guideChecker.checkText(text, checker, digests));
}"""


def _ready(page, query: str = "") -> None:
    page.goto(page.base_url + "check/" + query)
    page.wait_for_function("window.guideChecker !== undefined")


def test_page_and_command_line_agree_case_by_case(page, built_site):
    """Every case, every upstream sample and the ends-soon cases: the same result from both readers."""
    table = json.loads((built_site / "api" / "checker.json").read_text(encoding="utf-8"))
    digests = json.loads((built_site / "api" / "digests.json").read_text(encoding="utf-8"))
    texts = [text for _, text, _ in CASES] + [p.read_text(encoding="utf-8") for p in sample_dockerfiles()]
    _ready(page)
    in_page = page.evaluate(RUN_IN_PAGE, [texts, None])
    seen = set()
    for text, found in zip(texts, in_page, strict=True):
        expected = check_text(text, table, digests)
        assert found == expected, text[:200]
        seen |= {e["verdict"] for e in expected["entries"] if "verdict" in e}
    soon_guide = load_guide(on=datetime.date.fromisoformat(ENDS_SOON_DAY))
    soon_table = json.loads(checker_json(soon_guide, hidden_statuses=HIDDEN_BY_DEFAULT))
    soon_texts = [text for _, text, _ in ENDS_SOON_CASES]
    for text, found in zip(soon_texts, page.evaluate(RUN_IN_PAGE, [soon_texts, soon_table]), strict=True):
        expected = check_text(text, soon_table, digests)
        assert found == expected
        seen |= {e["verdict"] for e in expected["entries"]}
    assert seen == {v["verdict"] for v in table["verdicts"]}, "every verdict is covered by the shared cases"


def test_checker_page_by_keyboard_with_hostile_input_and_axe(page, site_url):
    from axe_playwright_python.sync_playwright import Axe

    seed = (DOCKERFILES / "seed-aspnetcore-2.0.Dockerfile").read_text()
    sample = sample_dockerfiles()[0].read_text()
    _ready(page, "?dockerfile=" + quote(seed + "\n" + sample))
    page.wait_for_selector("[data-checked]")
    # one element per FROM, in order, with its verdict; the stage reference is not one of them
    assert page.eval_on_selector_all("[data-verdict]", "els => els.map(e => e.dataset.verdict)") == [
        "legacy-name",
        "legacy-name",
        "current",
        "current",
    ]
    first = page.locator("[data-verdict]").first
    assert first.locator("[data-replacement]").inner_text().strip() == (
        "FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build-env"
    )
    wizard = first.get_by_role("link", name="The wizard with the same answers").get_attribute("href")
    assert urlparse(wizard).path.endswith("/wizard/") and parse_qs(urlparse(wizard).query)["goal"] == ["build"]
    note = page.locator("[data-verdict]").nth(1).locator("[data-note='port-8080'] a")
    assert note.get_attribute("href").endswith("guide/migrations/#port-8080")
    row = page.locator("[data-verdict='current']").first.get_by_role("link", name="This tag on its repository page")
    assert row.get_attribute("href").endswith("images/sdk/#tag-10.0")
    violations = Axe().run(page, context={"include": [["article.md-content__inner"]]}).response["violations"]
    serious = [f"{v['id']}: {v['help']}" for v in violations if v.get("impact") in ("serious", "critical")]
    assert not serious, serious

    # keyboard only: Tab to the text area, type, Tab to Check, press Enter
    page.goto(page.base_url + "check/")
    page.wait_for_function("window.guideChecker !== undefined")
    page.locator("#checker-input").focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("mcr.microsoft.com/dotnet/aspnet:8.0")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check"
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-verdict='end-of-life']")
    assert parse_qs(urlparse(page.url).query) == {"ref": ["mcr.microsoft.com/dotnet/aspnet:8.0"]}
    assert "10.0-noble" in page.locator("[data-replacement]").inner_text()
    page.get_by_role("link", name="This tag on its repository page").click()  # lands on the row, shown
    page.wait_for_url("**/images/aspnet/?ended=show*")
    row = page.locator("[id='tag-8.0']")
    row.wait_for(state="visible")
    page.wait_for_function("document.getElementById('tag-8.0').getBoundingClientRect().top < innerHeight")
    page.go_back()
    page.wait_for_selector("[data-verdict='end-of-life']")

    # the address bar follows what is typed (replaceState, no reload)
    page.fill("#checker-input", "FROM mcr.microsoft.com/dotnet/sdk:11.0-preview\n")
    page.wait_for_selector("[data-verdict='preview']")
    assert parse_qs(urlparse(page.url).query)["dockerfile"] == ["FROM mcr.microsoft.com/dotnet/sdk:11.0-preview\n"]

    # hostile input: a clear message each time, nothing rendered from it as markup, no page error
    hostile = {
        "": None,
        "\x00\x01binary\x00" * 30: "not text",
        "FROM x\n" + "#" * 1_000_000: "reads at most",
        "FROM --platform=linux/amd64": "names no image",
        "FROM <img src=x onerror=alert(1)>": None,
    }
    for text, message in hostile.items():
        page.fill("#checker-input", text)
        page.get_by_role("button", name="Check").click()
        page.wait_for_timeout(50)
        page.wait_for_function("document.querySelector('[data-checked]') !== null")
        if message:
            page.wait_for_selector(f".image-checker__problem:has-text('{message}')")
    assert page.locator(".image-checker__result img").count() == 0
    assert page.locator("[data-verdict='not-dotnet'] code").first.inner_text() == "<img"
    assert len(page.url) < 9000, "a large paste is not copied into the address bar"


def test_home_page_offers_the_checker_first(page):
    page.goto(page.base_url)
    # the first list of the content (after the banners and the title): the reader's three ways in
    choices = page.eval_on_selector_all("article ul", "lists => [...lists[0].querySelectorAll('a')].map(a => a.href)")
    assert len(choices) == 3 and any(h.endswith("/check/") for h in choices), choices
    page.locator("article a[href$='check/']").first.click()  # instant navigation: the script still starts
    page.wait_for_selector("[data-checker]:not([hidden])")
