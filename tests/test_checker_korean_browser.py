"""The image checker on /ko/check/ in Chromium: one Dockerfile with every kind of verdict a reader meets
(old name, end of life, current, unknown tag, replaced digest, an earlier stage), and nothing the page
shows in English: the words come from data/messages/ko.yml, the verdict codes and links stay the same."""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from test_messages import MESSAGES, _english_fragments

from helpers import ROOT
from macros.checker.messages import VERDICT_NAMES
from macros.data.messages import load_messages
from macros.model.current import current_channel

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _replaced_digest(built_site, channel: str) -> tuple[str, str]:
    """A digest the registry record saw on aspnet's `<channel>-noble-amd64` tag before the tag moved on."""
    digests = json.loads((built_site / "api" / "digests.json").read_text(encoding="utf-8"))["digests"]
    for digest, seen in sorted(digests.items()):
        current = digests.get(seen.get("current_digest") or "", {})
        replaced = not seen["current"] and current.get("repository") == "dotnet/aspnet"
        if replaced and f"{channel}-noble-amd64" in current["tags"]:
            return f"{channel}-noble-amd64", digest
    raise AssertionError("no replaced digest of an aspnet noble tag in api/digests.json")


def _checker_english(english: dict, korean: dict) -> list[str]:
    """The checker's English words that Korean says otherwise (verdict codes aside: they stay codes)."""
    pieces = set()
    for key, text in english.items():
        if not key.startswith("checker.") or key.startswith("checker.verdict.") or text == korean[key]:
            continue
        for piece in re.split(r"\{[a-z_]+\}", text):
            piece = piece.strip(" :.,()'“”;")
            if len(piece) >= 4 and re.search(r"[A-Za-z]{3}", piece) and piece not in ("FROM", "Dockerfile"):
                pieces.add(piece)
    return sorted(pieces)


def test_the_korean_checker_says_every_verdict_in_korean(page, built_site, catalog):
    catalogs = load_messages(MESSAGES, ROOT)
    english, korean = catalogs["en"].texts, catalogs["ko"].texts
    tag, digest = _replaced_digest(built_site, current_channel(catalog, "aspnet"))
    dockerfile = (
        "FROM microsoft/aspnetcore-build:2.0 AS build\n"
        "FROM mcr.microsoft.com/dotnet/aspnet:8.0\n"
        "FROM mcr.microsoft.com/dotnet/runtime:10.0-noble\n"
        "FROM mcr.microsoft.com/dotnet/sdk:no-such-tag\n"
        f"FROM mcr.microsoft.com/dotnet/aspnet:{tag}@{digest}\n"
        "FROM build\n"
    )
    page.goto(page.base_url + "ko/check/?dockerfile=" + quote(dockerfile))
    page.wait_for_selector("[data-checked]")
    page.evaluate("document.querySelectorAll('[data-checker-result] details').forEach(d => d.open = true)")

    # the same codes as /check/ (the link contract), each named in Korean
    verdicts = page.eval_on_selector_all("[data-verdict]", "els => els.map(e => e.dataset.verdict)")
    assert verdicts == ["legacy-name", "end-of-life", "current", "unknown-tag", "outdated-digest"]
    badges = page.eval_on_selector_all(".image-checker__verdict", "els => els.map(e => e.textContent)")
    assert badges == [korean[f"checker.verdict.{v.replace('-', '_')}"] for v in verdicts]
    assert set(verdicts) < set(VERDICT_NAMES) and all(HANGUL.search(b) for b in badges)

    # what a reader sees: no English of the catalog, and Korean in every sentence outside code
    result = page.inner_text("[data-checker-result]")
    form = page.inner_text("form[data-checker]")
    fragments = _english_fragments() + _checker_english(english, korean)
    found = [f for f in fragments if f in result or f in form]
    assert not found, f"English on /ko/check/: {found}"
    prose = page.eval_on_selector_all(
        "[data-checker-result] li, [data-checker-result] p, [data-checker-result] a, [data-checker-result] summary",
        """els => els.map(e => {
             const c = e.cloneNode(true);
             c.querySelectorAll('code, pre, .image-checker__verdict, ul').forEach(x => x.remove());
             return c.textContent.trim();
           }).filter(t => /[A-Za-z]{3}/.test(t.replace(/\\S*[\\/:@]\\S*/g, '')))""",
    )
    english_only = [t for t in prose if not HANGUL.search(t)]
    assert not english_only, f"sentences without Korean on /ko/check/: {english_only}"
    summary = page.inner_text(".image-checker__summary")
    checked, failing = korean["checker.result.checked.other"], korean["checker.result.failing.other"]
    assert summary == f"{checked.format(n=5)} {failing.format(n=4)}"
    assert page.get_by_role("button", name=korean["checker.form.check"]).is_visible()

    # the example is Korean too, and keeps the same link keys (?dockerfile=)
    page.get_by_role("button", name=korean["checker.form.example"]).click()
    page.wait_for_function("document.querySelector('#checker-input').value.startsWith('# ')")
    assert page.input_value("#checker-input").startswith(f"# {korean['checker.form.example_comment']}\n")
    page.wait_for_url("**/ko/check/?dockerfile=*")


def test_a_teams_korean_checker_says_its_standard_in_korean(browser, team_server, today):
    """In a team's edition, /ko/check/ names the standard's verdict and its reasons in Korean too; the
    verdicts are the ones the command line gives (test_team_browser compares them on /check/)."""
    from test_team import CHECK_CASES, EXAMPLE, team_check_text

    from macros.data.load import load_guide

    guide = load_guide(on=today, team=EXAMPLE)
    english, korean = guide.messages["en"].texts, guide.messages["ko"].texts
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(team_server + "ko/check/?dockerfile=" + quote(team_check_text(guide.catalog)))
    page.wait_for_selector("[data-checked]")
    verdicts = page.eval_on_selector_all("[data-verdict]", "els => els.map(e => e.dataset.verdict)")
    assert verdicts == [verdict for _, verdict, _ in CHECK_CASES]
    outside = page.locator("[data-verdict='outside-standard']")
    assert outside.count() == verdicts.count("outside-standard") >= 3
    assert set(outside.locator(".image-checker__verdict").all_text_contents()) == {
        korean["checker.verdict.outside_standard"]
    }
    result = page.inner_text("[data-checker-result]")
    policy = [english[f"checker.policy.{k}"].split("{")[0].strip() for k in ("outside", "mirror", "digest")]
    assert not [p for p in policy if p in result], result
    team = guide.catalog.team
    assert korean["checker.policy.outside"].format(team=team.team) in result
    assert korean["checker.policy.mirror"].format(mirror=team.mirror) in result
    assert korean["checker.policy.digest"] in result
    context.close()
    assert not errors, errors
