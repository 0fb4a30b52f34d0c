"""data/lifecycle/dotnet.yml is what the sync makes from dotnet/core's releases-index.json, read as hostile input:
each bad value stops the sync with the file and the JSON path; what changed is reported per channel."""

from __future__ import annotations

import datetime
import json
import shutil

import pytest
import yaml

from helpers import ROOT
from macros import sync
from macros.sync.lifecycle_report import lifecycle_changes
from macros.sync.output import render_releases
from macros.sync.releases import read_releases

CORE = ROOT / "data" / "upstream" / "dotnet-core"
INDEX = "release-notes/releases-index.json"


def test_committed_lifecycle_equals_a_fresh_regeneration():
    fresh = render_releases(read_releases(CORE).document)
    assert (ROOT / "data" / "lifecycle" / "dotnet.yml").read_text() == fresh, "run `make sync`"


def test_every_channel_comes_from_the_index_with_its_phase_and_dates():
    document = yaml.safe_load((ROOT / "data" / "lifecycle" / "dotnet.yml").read_text())
    assert document["source"] == {
        "repository": "dotnet/core",
        "commit": "0e9eb8828b73f69cfae6bd74ec93b6e438b8e77d",
        "date": datetime.date(2026, 7, 24),
        "file": INDEX,
    }
    channels = {c["channel"]: c for c in document["channels"]}
    assert len(channels) == 14
    assert channels["11.0"] == {
        "channel": "11.0",
        "product": ".NET",
        "release_type": "sts",
        "support_phase": "preview",  # as the index has it: no GA and no end of support yet
        "latest_release": "11.0.0-preview.6",
        "latest_release_date": datetime.date(2026, 7, 14),
    }
    for channel in ("8.0", "9.0"):
        assert str(channels[channel]["eol"]) == "2026-11-10"
    assert str(channels["10.0"]["eol"]) == "2028-11-14"


def test_status_is_computed_from_the_dates_not_the_phase(catalog):
    """On 2026-11-28 the index (of July) still says `maintenance` for 8.0; the site says end of life."""
    eight = catalog.channel("8.0")
    assert (eight.support_phase, eight.status) == ("maintenance", "eol")
    assert catalog.channel("11.0").status == "preview"
    assert catalog.channel("10.0").ga.isoformat() == "2025-11-11"  # kept by hand: the index has no GA days


def _core(tmp_path, edit) -> object:
    """A copy of the vendored dotnet/core folder (and its SOURCES.md) with releases-index.json changed by `edit`."""
    shutil.copy(ROOT / "data" / "upstream" / "SOURCES.md", tmp_path / "SOURCES.md")
    core = shutil.copytree(CORE, tmp_path / "dotnet-core")
    data = json.loads((core / INDEX).read_text())
    edit(data)
    (core / INDEX).write_text(json.dumps(data, indent=1))
    return core


def _set(index: int, key: str, value):
    def edit(data):
        data["releases-index"][index][key] = value

    return edit


CASES = {
    "phase-unknown": (_set(0, "support-phase", "<b>soon</b>"), "releases-index[0].support-phase: got '<b>soon</b>', "
                      "expected one of: preview, go-live, active, maintenance, eol"),
    "eol-not-a-day": (_set(1, "eol-date", "2028-13-01"), "releases-index[1].eol-date: got '2028-13-01', expected "
                      "a date like 2026-08-20"),
    "channel-with-markup": (_set(2, "channel-version", "9.0<script>"), "releases-index[2].channel-version: got "
                            "'9.0<script>', expected a channel such as 10.0 or 4.8.1"),
    "release-type-a-number": (_set(3, "release-type", 3), "releases-index[3].release-type: got a number, expected a "
                              "string"),
    "latest-not-a-version": (_set(4, "latest-release", "7.0.20 [x](javascript:1)"), "releases-index[4]."
                             "latest-release: got '7.0.20 [x](javascript:1)', expected a version such as 10.0.11 or "
                             "11.0.100-preview.7"),
    "product-unknown": (_set(5, "product", "Mono"), "releases-index[5].product: got 'Mono', expected one of: .NET, "
                        ".NET Core"),
    "channel-missing": (lambda d: d["releases-index"][6].pop("channel-version"), "releases-index[6].channel-version: "
                        "missing (expected a string)"),
    "entry-a-string": (lambda d: d["releases-index"].__setitem__(7, "3.1"), "releases-index[7]: expected an object"),
    "listed-twice": (_set(1, "channel-version", "11.0"), "releases-index[1].channel-version: channel '11.0' is listed "
                     "twice"),
    "index-not-a-list": (lambda d: d.__setitem__("releases-index", {}), "releases-index: got an object, expected an "
                         "array"),
    "eol-before-ga": (lambda d: d["releases-index"][0].update({"latest-release": "11.0.0", "eol-date": "2020-01-01"}),
                      "releases-index[0].eol-date: end of life 2020-01-01 is before GA 2026-07-14"),
}  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_hostile_index_stops_the_sync_with_its_json_path(case, tmp_path, capsys, tiny_versions):
    edit, message = CASES[case]
    core = _core(tmp_path, edit)
    out = tmp_path / "out" / "catalog"
    code = sync.main(["--core", str(core), "--versions", str(tiny_versions), "--out", str(out)])
    assert (code, capsys.readouterr().err) == (1, f"sync failed: {core / INDEX}: {message}\n")
    assert not (tmp_path / "out").exists()  # nothing written


def test_an_index_that_is_not_json_keeps_its_line(tmp_path, capsys, tiny_versions):
    core = _core(tmp_path, dict.clear)  # the content is replaced below
    (core / INDEX).write_text('{\n "releases-index": [\n  {,\n ]\n}\n')
    code = sync.main(["--core", str(core), "--versions", str(tiny_versions), "--out", str(tmp_path / "c")])
    assert code == 1
    assert capsys.readouterr().err.startswith(f"sync failed: {core / INDEX}:3: invalid JSON")


def test_the_report_names_each_changed_fact():
    old = render_releases(read_releases(CORE).document)
    document = yaml.safe_load(old.split("\n", 4)[4])
    eleven = document["channels"][0]
    eleven.update({"support_phase": "active", "latest_release": "11.0.0"})
    document["channels"] = [c for c in document["channels"] if c["channel"] != "1.0"]
    document["channels"].insert(0, {"channel": "12.0", "support_phase": "preview"})
    new = yaml.safe_dump(document)
    assert lifecycle_changes(old, new) == [
        "lifecycle: 12.0 added (preview)",
        "lifecycle: 11.0 support phase preview -> active",
        "lifecycle: 11.0 latest release 11.0.0-preview.6 -> 11.0.0",
        "lifecycle: 1.0 removed from releases-index.json",
    ]
    assert lifecycle_changes(old, old) == []
