"""The team's edition in headless Chromium: the wizard writes references through the mirror, pinned
by digest as the model writes them, offers approved choices first and says when an answer is outside
the standard; screenshots of the pages the edition changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import ROOT
from macros.data.load import load_guide

EXAMPLE = ROOT / "examples" / "team.yml"
MIRROR = "contoso.azurecr.io/mcr"
SHOTS = Path("/tmp/shots-i16-team")


@pytest.fixture(scope="module")
def team_catalog(today):
    return load_guide(on=today, team=EXAMPLE).catalog


@pytest.fixture
def team_page(browser, team_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.base_url = team_server
    yield page
    context.close()
    assert not errors, f"uncaught errors in the page: {errors}"


def _refs(page) -> dict:
    return {
        e.get_attribute("data-stage"): e.get_attribute("data-image-ref")
        for e in page.query_selector_all("[data-wizard-result] [data-image-ref]")
    }


def _tag(reference: str) -> str:
    """`host/mcr/dotnet/sdk:10.0@sha256:…` -> `10.0`."""
    return reference.rsplit("/", 1)[1].split("@")[0].split(":")[1]


def test_the_team_wizard_pins_through_the_mirror_and_marks_what_is_outside(team_page, team_catalog):
    page = team_page
    page.goto(page.base_url + "wizard/")
    page.wait_for_selector("[data-wizard-result][data-outcome='result']")
    refs = _refs(page)
    # What the page's script writes is what the model writes: mirror, tag and digest.
    assert refs["run"] == team_catalog.repository("aspnet").reference(_tag(refs["run"]))
    assert refs["build"] == team_catalog.repository("sdk").reference(_tag(refs["build"]))
    assert refs["build"].startswith(f"{MIRROR}/dotnet/sdk:") and "@sha256:" in refs["build"]
    dockerfile = page.text_content("[data-wizard-result] [data-slot='dockerfile']")
    assert f"FROM {refs['run']}" in dockerfile and "mcr.microsoft.com" not in dockerfile
    assert "Outside our standard" not in page.text_content("[data-wizard-result]")
    # The version question lists .NET 10 first; the other channels follow, marked.
    labels = page.eval_on_selector_all(
        "fieldset[data-key='version'] label span", "els => els.map(e => e.firstChild.textContent)"
    )
    assert "outside our standard" not in labels[0]
    assert all("outside our standard" in label for label in labels[1:])
    page.goto(page.base_url + "wizard/?version=9.0")
    page.wait_for_selector("[data-wizard-result][data-outcome='result']")
    status = page.text_content("[data-wizard-result] [data-slot='status-text']")
    assert "Outside our standard: dotnet/sdk:9.0" in status


PAGES = (("team/team-standard/", "standard"), ("images/aspnet/", "aspnet"), ("wizard/?version=9.0", "wizard"))


@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots_of_the_team_pages(team_page, width):
    page = team_page
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900})
    for path, name in (
        ("team/team-standard/", "standard"),
        ("images/aspnet/", "aspnet"),
        ("wizard/?version=9.0", "wizard-outside"),
    ):
        page.goto(page.base_url + path)
        assert page.locator("[data-guide-team]").count() == 1
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=name != "aspnet")


def test_the_team_checker_page_agrees_with_the_command_line(team_page, team_site, team_catalog):
    """The page's script and Python read the team edition's table alike: the standard's verdict included."""
    from test_team import team_check_text

    from macros.checker.verdict import check_text

    page = team_page
    table = json.loads((team_site / "api" / "checker.json").read_text(encoding="utf-8"))
    digests = json.loads((team_site / "api" / "digests.json").read_text(encoding="utf-8"))
    text = team_check_text(team_catalog)
    page.goto(page.base_url + "check/")
    page.wait_for_function("window.guideChecker !== undefined")
    found = page.evaluate(
        "([text, table, digests]) => window.guideChecker.checkText(text, table, digests)", [text, table, digests]
    )
    expected = check_text(text, table, digests)
    assert found == expected
    assert [e["verdict"] for e in expected["entries"]].count("outside-standard") == 4
