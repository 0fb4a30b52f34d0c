"""What the page scripts write on /ko/ is Korean: the wizard's redrawn results (an end-of-life channel with
its switch, a dead end with its ways out, a result reached from one) and the "go to tag" box's replies
(a miss, an old name, an unknown digest, then a hit). Each step's visible text holds no sentence of the
English message catalog and no English prose, and is Korean; the same steps on / still speak English."""

from __future__ import annotations

import re

import pytest

from helpers import english_catalog_pieces

pytestmark = pytest.mark.browser

WIZARD = "[data-wizard]"
BOX = "form[data-goto-tag]"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# English prose: a few function words no Korean sentence of the guide uses outside code and names.
ENGLISH_WORDS = re.compile(r"\b(?:the|and|to|of|is|on|in|for|with|no|not|this|that|your)\b")


# Pieces of eight characters or more: "Switch to", "Not offered", "on the … page" are caught too.
ENGLISH = english_catalog_pieces(8)


def _visible_prose(page, selector: str) -> str:
    """What the reader sees in `selector` (hidden parts left out), without code: image references, commands
    and Dockerfiles are the same in every language."""
    return page.eval_on_selector(
        selector,
        """root => { const copy = root.cloneNode(true);
                     copy.querySelectorAll('[hidden], template, noscript, pre, code').forEach(e => e.remove());
                     return copy.textContent.replace(/\\s+/g, ' '); }""",
    )


def _assert_korean(page, selector: str, step: str, typed: str = "") -> str:
    """The visible prose of `selector` is Korean (what the reader typed, shown back, left out)."""
    text = _visible_prose(page, selector).replace(typed, "") if typed else _visible_prose(page, selector)
    english = [piece for piece in ENGLISH if piece in text]
    assert not english, f"{step}: English catalog text on /ko/: {english}\n{text[:2000]}"
    prose = ENGLISH_WORDS.findall(text)
    assert not prose, f"{step}: English words {sorted(set(prose))} on /ko/:\n{text[:2000]}"
    assert HANGUL.search(text), f"{step}: no Korean in {text[:300]!r}"
    return text


def _wizard_ready(page) -> None:
    page.wait_for_selector(f"{WIZARD}[data-ready]")


def test_the_korean_wizard_writes_korean_results(page):
    """One visit: an end-of-life channel, its switch, a dead end, a way out of it."""
    page.goto(page.base_url + "ko/wizard/?version=8.0")
    _wizard_ready(page)
    result = "[data-wizard-result]"
    # End of life: the status, what stops and the switch button, redrawn by the script.
    switch = page.locator(f"{result} [data-slot=switch]")
    assert switch.is_visible()
    assert switch.inner_text().startswith(".NET 10.0") and HANGUL.search(switch.inner_text())
    text = _assert_korean(page, WIZARD, "end of life")
    assert "2026-11-10에 지원 종료" in text and "보안 수정" in text
    assert "dotnet/aspnet 페이지의" in text  # the link to the tag's row
    switch.click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('version') === '10.0'")
    assert page.locator(f"{result} [data-slot=eol]").is_hidden()
    _assert_korean(page, WIZARD, "after the switch")
    # A dead end: .NET 10.0 has no Debian images. The explanation and the ways out are Korean.
    page.click("label[for=wz-distro-debian]")
    page.wait_for_selector(f"{result}[data-outcome=unavailable]")
    text = _assert_korean(page, WIZARD, "dead end")
    assert "Debian 이미지가 없습니다" in text and "FROM 줄만 바뀝니다" in text
    assert page.inner_text("[data-wizard-bar] [data-slot=bar]") == "제공되지 않음"
    page.click(f"{result} [data-slot=alternatives] button >> nth=0")
    page.wait_for_selector(f"{result}[data-outcome=result]")
    _assert_korean(page, WIZARD, "way out")
    # The notice for settings the wizard does not know.
    page.goto(page.base_url + "ko/wizard/?nonsense=1&version=8.0")
    _wizard_ready(page)
    notice = page.inner_text("[data-wizard-notice]")
    assert notice.startswith("이 링크에는") and "nonsense" in notice


def test_the_english_wizard_still_speaks_english(page):
    page.goto(page.base_url + "wizard/?version=8.0&nonsense=1")
    _wizard_ready(page)
    assert page.inner_text("[data-wizard-result] [data-slot=switch]") == "Switch to .NET 10.0"
    assert "Microsoft no longer ships security fixes for .NET 8.0" in page.inner_text("[data-wizard-result]")
    assert "on the dotnet/aspnet page" in page.inner_text("[data-wizard-result]")
    assert page.inner_text("[data-wizard-notice]").startswith("This link held settings the wizard does not know")
    assert not HANGUL.search(page.inner_text(WIZARD))


def _reply(page, typed: str) -> str:
    """Type into the box, press Enter and wait for its reply (the output is emptied first)."""
    page.eval_on_selector(f"{BOX} output", "o => { o.textContent = ''; }")
    page.fill(f"{BOX} input[name=goto]", typed)
    page.press(f"{BOX} input[name=goto]", "Enter")
    page.wait_for_function("() => document.querySelector('form[data-goto-tag] output').textContent !== ''")
    return page.inner_text(f"{BOX} output")


def test_the_korean_go_to_box_replies_in_korean(page):
    """One visit: a miss, a tag missing from a named repository, an old name, an unknown digest, then a hit."""
    page.goto(page.base_url + "ko/images/aspnet/")
    page.wait_for_selector(f"{BOX}:not([hidden])")
    replies = {
        "10.0-missing": "카탈로그에 10.0-missing 태그가 없습니다.",
        "dotnet/sdk:10.0-missing": "dotnet/sdk에는 10.0-missing 태그가 없습니다.",
        "dotnet/missing": "카탈로그에 없는 저장소입니다: dotnet/missing",
    }
    for typed, expected in replies.items():
        assert _reply(page, typed) == expected
        _assert_korean(page, BOX, typed, typed)
    old = "microsoft/aspnetcore"
    said = _reply(page, old)
    assert said.startswith(f"예전 이름 {old}: 지금은") and "예전 이미지 이름" in said, said
    assert page.locator(f"{BOX} output a").count() >= 2  # the repositories of today and the legacy page
    _assert_korean(page, BOX, old, old)
    digest = "sha256:" + "0" * 64
    assert _reply(page, digest).startswith("카탈로그에 다이제스트가 sha256:0000")
    _assert_korean(page, BOX, "digest")
    page.fill(f"{BOX} input[name=goto]", "10.0")
    page.press(f"{BOX} input[name=goto]", "Enter")
    page.wait_for_function("() => location.hash === '#tag-10.0'")
    assert page.inner_text(f"{BOX} output") == ""
