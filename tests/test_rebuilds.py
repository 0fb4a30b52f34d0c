"""The recent rebuilds of featured tags: recomputed here from the image-info history bundle (not through
the sync), and shown on the repository pages with a copyable pinned reference."""

from __future__ import annotations

import datetime
import itertools
import json
import re
import subprocess

import pytest

from helpers import ROOT
from macros.model.rebuilds import RECENT_REBUILDS, rebuilds, tag_timeline
from macros.sync.imageinfo import version_of

BUNDLE = ROOT / "data" / "upstream" / "dotnet-versions" / "image-info-history.bundle"
MAIN = "build-info/docker/image-info.dotnet-dotnet-docker-main.json"
SINCE = "2026-04-01"  # enough publishes for the last eight rebuilds of a .NET 10 tag
FIXED = re.compile(r"^(\d+\.\d+\.\d+)-")  # what a fixed .NET 10 tag starts with, said independently


@pytest.fixture(scope="module")
def publishes(tmp_path_factory) -> list[tuple[str, dict]]:
    """(UTC day, parsed image-info of dotnet-docker) of each publish since SINCE, oldest first."""
    clone = tmp_path_factory.mktemp("history") / "h.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(BUNDLE), str(clone)], check=True, capture_output=True)

    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(clone), *args], check=True, capture_output=True, text=True).stdout

    found = []
    for line in git("log", "--reverse", "--format=%H %ct", f"--since={SINCE}", "HEAD", "--", MAIN).splitlines():
        commit, seconds = line.split()
        day = datetime.datetime.fromtimestamp(int(seconds), datetime.UTC).date().isoformat()
        found.append((day, json.loads(git("show", f"{commit}:{MAIN}"))))
    return found


def _aspnet(info: dict) -> list[dict]:
    return next(r for r in info["repos"] if r["repo"] == "dotnet/aspnet")["images"]


def _changes(publishes, pick) -> list[tuple[str, str, str]]:
    """(day, digest, version) each time `pick(images)` gave a new digest, newest first."""
    changes: list[tuple[str, str, str]] = []
    for day, info in publishes:
        digest, tags = pick(_aspnet(info))
        version = next(m.group(1) for m in map(FIXED.match, tags) if m)
        if not changes or changes[-1][1] != digest:
            changes.append((day, digest, version))
    return changes[::-1]


def _list_of(tag: str):
    def pick(images):
        manifest = next(i["manifest"] for i in images if tag in i.get("manifest", {}).get("sharedTags", []))
        return manifest["digest"].split("@")[1], manifest["sharedTags"]

    return pick


def _platform_of(dockerfile: str):
    def pick(images):
        platform = next(p for i in images for p in i["platforms"] if p["dockerfile"] == dockerfile)
        return platform["digest"].split("@")[1], platform["simpleTags"]

    return pick


@pytest.mark.parametrize(
    ("tag", "pick"),
    [
        ("10.0", _list_of("10.0")),  # a multi-platform tag: its manifest list
        ("10.0-nanoserver-ltsc2025", _platform_of("src/aspnet/10.0/nanoserver-ltsc2025/amd64/Dockerfile")),
    ],
)
def test_rebuilds_match_the_history_recomputed_from_the_bundle(catalog, publishes, tag, pick):
    expected = _changes(publishes, pick)[:RECENT_REBUILDS]
    found = rebuilds(tag_timeline(catalog.repository("aspnet"), tag))
    assert [(r.day, r.digest, r.version) for r in found] == expected
    # A version change is exactly a digest whose version differs from the one before it.
    changed = [r.version_changed for r in found]
    assert changed[:-1] == [a[2] != b[2] for a, b in itertools.pairwise(expected)]
    assert True in changed and False in changed  # both kinds occur in these months


def test_the_sync_reads_the_version_a_tag_set_names():
    assert version_of(["10.0-noble", "10.0.11-noble", "latest"]) == "10.0.11"
    assert version_of(["11.0-preview", "11.0.100-preview.7-resolute"]) == "11.0.100-preview.7"
    assert version_of(["4.8.1-windowsservercore-ltsc2025", "4.8.1-20260811-windowsservercore-ltsc2025"]) == (
        "4.8.1-20260811"
    )
    assert version_of(["10.0", "10.0-noble-chiseled", "dotnetapp"]) is None


def test_featured_tags_list_their_rebuilds_with_a_copyable_reference(built_site, catalog):
    html = (built_site / "images" / "aspnet" / "index.html").read_text(encoding="utf-8")
    model = catalog.repository("aspnet")
    listing = model.manifest_list("10.0")
    block = html.split('data-rebuilds="10.0"', 1)[1].split("</details>", 1)[0]
    assert f'data-clipboard-text="mcr.microsoft.com/dotnet/aspnet@{listing.digest}"' in block
    assert block.count("<tr>") == RECENT_REBUILDS + 1  # the header and eight rebuilds
    assert "10.0.10 → 10.0.11" in block and "same version, newer base" in block

    # Every featured tag of a channel in support that the record covers has its list, Windows tags included;
    # an ended or preview channel's tags have none (hidden by default, they are not what a reader picks).
    def covered(wanted):
        return [
            g.tag
            for c in model.channels
            if (catalog.channel(c).status in ("supported", "ending")) == wanted
            for g in model.featured(c)
            if tag_timeline(model, g.tag)
        ]

    assert len(covered(True)) > 10 and all(f'data-rebuilds="{t}"' in html for t in covered(True))
    assert covered(False) and not any(f'data-rebuilds="{t}"' in html for t in covered(False))
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert listing.history[1][0] not in index
