"""The feeds: the Atom feed of publishes and the end-of-support calendar, parsed back (xml.etree for
Atom, the icalendar library for the calendar) and checked against the registry record read here."""

from __future__ import annotations

import datetime
import json
import xml.etree.ElementTree as ET

from icalendar import Calendar

from helpers import ROOT

ATOM = "{http://www.w3.org/2005/Atom}"
REGISTRY = ROOT / "data" / "registry"


def _record_days() -> dict[str, set[str]]:
    """Publish day -> versions first seen that day, straight from data/registry/*.json."""
    days: dict[str, set[str]] = {}
    for path in REGISTRY.glob("*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        for image in record["images"]:
            for _, day in image["history"]:
                days.setdefault(day, set())
            for version, day in image.get("versions", []):
                days.setdefault(day, set()).add(version)
    return days


def test_the_atom_feed_has_one_entry_per_publish_newest_first(built_site, site_url):
    root = ET.parse(built_site / "publishes.atom").getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}id") == site_url.rstrip("/") + "/publishes.atom"
    days = _record_days()
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(days) > 50
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == [f"{d}T00:00:00+00:00" for d in sorted(days, reverse=True)]
    assert root.findtext(f"{ATOM}updated") == updated[0]  # a data date, never the build's clock
    # What a publish says: the images rebuilt and the versions new that day, per repository.
    entry = next(e for e in entries if e.findtext(f"{ATOM}updated").startswith("2026-08-11"))
    title = entry.findtext(f"{ATOM}title")
    assert title.startswith("2026-08-11: ") and "images rebuilt" in title
    assert all(v in title for v in days["2026-08-11"]) and "10.0.11" in title
    content = entry.findtext(f"{ATOM}content")
    assert "<code>dotnet/aspnet</code>" in content and "platform images rebuilt" in content
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)


def test_the_calendar_has_every_end_of_support_date(built_site, catalog):
    calendar = Calendar.from_ical((built_site / "end-of-support.ics").read_bytes())
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    expected = [c for c in catalog.lifecycle.channels if c.eol is not None]
    windows = catalog.lifecycle.windows
    assert len(events) == len(expected) + len(windows) and len(expected) > 3 and windows
    server_2016 = events["Windows Server 2016 reaches end of extended support"]
    assert server_2016.decoded("dtstart") == datetime.date(2027, 1, 12)
    for channel in expected:
        event = next(e for s, e in events.items() if s.startswith(f"{channel.title} ("))
        assert event.decoded("dtstart") == channel.eol
        assert event.decoded("dtend") == channel.eol + datetime.timedelta(days=1)
        assert event.decoded("dtstamp") == datetime.datetime(2026, 8, 20, tzinfo=datetime.UTC)  # the data date
    assert events[".NET 8.0 (LTS) reaches end of support"].decoded("dtstart") == datetime.date(2026, 11, 10)
    assert len({str(e["uid"]) for e in events.values()}) == len(events)


def test_the_lifecycle_page_links_both_feeds_and_pages_announce_the_atom_feed(built_site, site_url):
    lifecycle = (built_site / "images" / "lifecycle" / "index.html").read_text(encoding="utf-8")
    site = site_url.rstrip("/")
    assert f'href="{site}/publishes.atom"' in lifecycle and f'href="{site}/end-of-support.ics"' in lifecycle
    alternate = (
        '<link rel="alternate" type="application/atom+xml" title="The .NET container image guide: image publishes"'
    )
    assert f'{alternate} href="../../publishes.atom">' in lifecycle
    assert f'{alternate} href="publishes.atom">' in (built_site / "index.html").read_text(encoding="utf-8")
