"""A migration note in the Korean checker's result, in Chromium: the notes the command line lists for the image,
each titled and explained in Korean (data/messages/migrations.ko.yml, carried by the page; api/checker.json
stays English), linking to the same anchor of /ko/guide/migrations/, where the same Korean title is the heading;
and an old name with no repository today explained by its Korean note (data/messages/legacy.ko.yml)."""

from __future__ import annotations

import datetime
import json
from urllib.parse import quote

from helpers import TODAY
from macros.checker.verdict import check_text
from macros.data.load import load_guide

IMAGE = "mcr.microsoft.com/dotnet/aspnet:6.0"  # end of life: its move to today's channel crosses five changes
NIGHTLY = "microsoft/dotnet-nightly:3.0-sdk"  # an old name whose images are outside the catalog: a note says where


def test_a_korean_checker_result_shows_its_migration_notes_in_korean(page, built_site):
    table = json.loads((built_site / "api" / "checker.json").read_text(encoding="utf-8"))
    dockerfile = f"FROM {IMAGE}\nFROM {NIGHTLY}\n"
    expected, nightly = check_text(dockerfile, table, {})["entries"]
    assert "port-8080" in expected["notes"] and len(expected["notes"]) >= 3
    guide = load_guide(on=datetime.date.fromisoformat(TODAY))
    korean = guide.messages["ko"].migrations
    english = {note["id"]: note for note in table["notes"]}
    (gone,) = [e for e in guide.legacy.legacy if e.name == NIGHTLY.split(":")[0]]
    assert ["legacy-gone", gone.today_note] in nightly["reasons"]

    page.goto(page.base_url + "ko/check/?dockerfile=" + quote(dockerfile))
    page.wait_for_selector("[data-checked] details.image-checker__notes")
    page.evaluate("document.querySelector('details.image-checker__notes').open = true")
    notes = page.locator("[data-note]")
    assert notes.evaluate_all("els => els.map(e => e.dataset.note)") == expected["notes"]  # same ids as the CLI
    for n, note_id in enumerate(expected["notes"]):
        item, link = notes.nth(n), notes.nth(n).locator("a")
        assert link.inner_text() == korean[note_id]["title"]
        assert korean[note_id]["do"] in item.inner_text()
        assert english[note_id]["title"] not in item.inner_text() and english[note_id]["do"] not in item.inner_text()
        assert link.get_attribute("href").endswith(f"/ko/guide/migrations/#{note_id}")
    reasons = page.locator("[data-verdict]").nth(1).locator("ul > li").all_inner_texts()
    assert guide.messages["ko"].legacy[gone.name]["today_note"] in reasons and gone.today_note not in reasons

    page.locator("[data-note='port-8080'] a").click()
    # instant navigation lands on the section (Material's anchor tracking then rewrites the hash to the
    # table of contents' entry in view, which lists only the h2 headings, so the address keeps no hash)
    page.wait_for_function(
        """() => { const section = document.getElementById('port-8080');
                   return location.pathname.endsWith('/ko/guide/migrations/') && section !== null
                     && Math.abs(section.getBoundingClientRect().top) < 200; }"""
    )
    assert page.locator("section#port-8080 h3").inner_text().strip() == korean["port-8080"]["title"]
