"""The lifecycle of every .NET and .NET Core channel, read from dotnet/core's releases-index.json as hostile input."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from .errors import Where, shown
from .files import MAX_MANIFEST, inside, read_json
from .shape import check, field, items
from .sources import Origin, origin_of

SOURCE_REPOSITORY = "dotnet/core"
INDEX = "release-notes/releases-index.json"
LOCAL_NAME = "dotnet-core/release-notes/releases-index.json"  # its row in data/upstream/SOURCES.md
PRODUCTS = (".NET", ".NET Core")
RELEASE_TYPES = ("lts", "sts")
# dotnet/core's phases, in the order a channel goes through them.
PHASES = ("preview", "go-live", "active", "maintenance", "eol")


@dataclass(frozen=True)
class Releases:
    """The generated lifecycle document, and where it came from."""

    document: dict
    origin: Origin


def _one_of(node: dict, name: str, choices: tuple[str, ...], where: Where) -> str:
    value = field(node, name, str, where)
    if value not in choices:
        raise where.key(name).error(f"got {value[:80]!r}, expected one of: {', '.join(choices)}")
    return value


def _day(node: dict, name: str, where: Where, required: bool = True) -> datetime.date | None:
    value = field(node, name, str, where) if required else field(node, name, str, where, None)
    return None if value is None else datetime.date.fromisoformat(check("day", value, where.key(name)))


def _channel(entry, where: Where) -> dict:
    if not isinstance(entry, dict):
        raise where.error("expected an object")
    channel = check("channel", field(entry, "channel-version", str, where), where.key("channel-version"))
    latest = check("version", field(entry, "latest-release", str, where), where.key("latest-release"))
    latest_day = _day(entry, "latest-release-date", where)
    # GA is the day of the channel's X.Y.0 release: the index says it only while that is the newest release (the
    # weeks after GA). Each channel's releases.json has it for good, but those files are tens of MB; data/lifecycle.yml
    # keeps GA days instead, and `make check` asks for the day when the index shows it.
    ga = latest_day if latest == f"{channel}.0" else None
    document = {
        "channel": channel,
        "product": _one_of(entry, "product", PRODUCTS, where),
        "release_type": _one_of(entry, "release-type", RELEASE_TYPES, where),
        "support_phase": _one_of(entry, "support-phase", PHASES, where),
        "ga": ga,
        "eol": _day(entry, "eol-date", where, required=False),
        "latest_release": latest,
        "latest_release_date": latest_day,
    }
    if document["ga"] and document["eol"] and document["eol"] < document["ga"]:
        raise where.key("eol-date").error(f"end of life {document['eol']} is before GA {document['ga']}")
    return {key: value for key, value in document.items() if value is not None}


def read_releases(core: Path) -> Releases:
    """Every channel of releases-index.json, newest first as upstream lists them; a channel twice is refused."""
    path = core / INDEX
    where = Where(shown(path))
    data = read_json(inside(core, INDEX, where), MAX_MANIFEST)
    if not isinstance(data, dict):
        raise where.error("expected an object with `releases-index`")
    channels, seen = [], set()
    for at, entry in items(data, "releases-index", where):
        channel = _channel(entry, at)
        if channel["channel"] in seen:
            raise at.key("channel-version").error(f"channel {channel['channel']!r} is listed twice")
        seen.add(channel["channel"])
        channels.append(channel)
    if not channels:
        raise where.key("releases-index").error("no channel, expected at least one")
    origin = origin_of(path, core, LOCAL_NAME)
    source = {"repository": SOURCE_REPOSITORY, "commit": origin.commit, "date": origin.date, "file": INDEX}
    return Releases({"source": source, "channels": channels}, origin)
