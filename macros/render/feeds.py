"""The feeds the build writes once per site: an Atom feed of the registry's publishes and an iCalendar
file of end-of-support dates. Made with feedgen and icalendar; nothing in them depends on when the site
is built (every time is a data date), so two builds write the same bytes."""

from __future__ import annotations

import datetime

from feedgen.feed import FeedGenerator
from icalendar import Calendar, Event
from markupsafe import Markup, escape

from ..model.catalog import Catalog
from ..model.publishes import Publish, publishes
from .html import text

# At the site root: Material fetches `sitemap.xml` beside every `<link rel="alternate">`, so the feed's
# head link must sit where the root sitemap is (under feeds/ each page logged a 404 for it).
PUBLISHES_PATH = "publishes.atom"
END_OF_SUPPORT_PATH = "end-of-support.ics"
TITLE = "The .NET container image guide"


def feed_link(href: str) -> Markup:
    """The <link rel="alternate"> that lets a feed reader find the Atom feed from any page."""
    return Markup(
        f'<link rel="alternate" type="application/atom+xml" title="{escape(TITLE)}: image publishes" '
        f'href="{escape(href)}">'
    )


def render_feed_links(site_url: str) -> str:
    """The two feeds, as links for a page (absolute: they exist once, at the site's root)."""
    site = site_url.rstrip("/") + "/"
    return (
        f'<p class="guide-feeds">Follow: <a href="{escape(site + PUBLISHES_PATH)}">new images (Atom feed)</a> · '
        f'<a href="{escape(site + END_OF_SUPPORT_PATH)}">end-of-support dates (iCalendar)</a></p>\n'
    )


def _midnight(day: datetime.date | str) -> datetime.datetime:
    day = datetime.date.fromisoformat(day) if isinstance(day, str) else day
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)


def _summary(publish: Publish) -> str:
    versions = publish.versions
    said = f"{publish.images} image{'s' if publish.images != 1 else ''} rebuilt"
    return f"{publish.day}: {said}" + (f"; new versions {', '.join(versions)}" if versions else "; same versions")


def _content(publish: Publish) -> str:
    """An HTML list (escaped by the one rule): per repository, the images rebuilt and the versions new that day."""
    items = []
    for r in publish.repositories:
        versions = f"; new: {', '.join(r.versions)}" if r.versions else ""
        rebuilt = f"{r.images} platform image{'s' if r.images != 1 else ''} rebuilt"
        items.append(f"<li><code>{text(r.repository)}</code>: {rebuilt}{text(versions)}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def render_publish_feed(catalog: Catalog, site_url: str) -> str:
    """Atom: one entry per publish day of the registry record, newest first."""
    site = site_url.rstrip("/") + "/"
    found = publishes(catalog)
    feed = FeedGenerator()
    feed.id(site + PUBLISHES_PATH)
    feed.title(f"{TITLE}: image publishes")
    feed.subtitle("Each day the official .NET images were published: what was rebuilt, and new versions.")
    feed.author({"name": TITLE})
    feed.link(href=site + PUBLISHES_PATH, rel="self")
    feed.link(href=site + "images/lifecycle/", rel="alternate")
    feed.language("en")
    feed.updated(_midnight(found[0].day) if found else _midnight(catalog.today))
    for publish in found:
        entry = feed.add_entry(order="append")
        entry.id(f"{site}{PUBLISHES_PATH}#{publish.day}")
        entry.title(_summary(publish))
        entry.updated(_midnight(publish.day))
        entry.published(_midnight(publish.day))
        entry.link(href=site + "images/")
        entry.content(_content(publish), type="html")
    return feed.atom_str(pretty=True).decode("utf-8")


def _all_day(uid: str, stamp: datetime.datetime, day: datetime.date, summary: str, text: str, url: str) -> Event:
    """One all-day event that does not block time (a date to remember, not a meeting)."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + datetime.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", text)
    event.add("url", url)
    event.add("transp", "TRANSPARENT")
    return event


def render_end_of_support_calendar(catalog: Catalog, site_url: str) -> str:
    """iCalendar: one all-day event per .NET channel with an end-of-support date, and one per Windows
    Server release the Windows images run on (its end of extended support)."""
    site = site_url.rstrip("/") + "/"
    stamp = _midnight(catalog.data_date or catalog.today)  # a data date, never the build's clock
    calendar = Calendar()
    calendar.add("prodid", f"-//{TITLE}//End of support//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", ".NET end of support")
    for channel in catalog.lifecycle.channels:
        if channel.eol is None:
            continue
        product = channel.product.replace(".NET", "dotnet").replace(" ", "-").lower()  # dotnet, dotnet-core
        calendar.add_component(
            _all_day(
                f"eol-{product}-{channel.channel}@{_host(site)}",
                stamp,
                channel.eol,
                f"{channel.title} ({channel.release_label}) reaches end of support",
                f"From {channel.eol.isoformat()}, {channel.title} images get no more fixes, security fixes included. "
                f"Move to a supported channel before then: {site}images/lifecycle/",
                f"{site}images/lifecycle/",
            )
        )
    for release in catalog.lifecycle.windows:  # the Windows images end with the Windows Server they run on
        calendar.add_component(
            _all_day(
                f"eol-{release.name.lower().replace(' ', '-')}@{_host(site)}",
                stamp,
                release.extended_end,
                f"{release.name} reaches end of extended support",
                f"From {release.extended_end.isoformat()}, Windows images on {release.name} "
                f"({', '.join(release.os_versions)}) get no more fixes. Move to a newer Windows Server before then: "
                f"{release.url}",
                release.url,
            )
        )
    return calendar.to_ical().decode("utf-8")


def _host(site: str) -> str:
    return site.split("://", 1)[-1].split("/", 1)[0] or "localhost"
