"""Two strict builds with the same GUIDE_TODAY give byte-identical output.

The second build pretends to run on another day (SOURCE_DATE_EPOCH, which MkDocs uses as its
clock) and with another PYTHONHASHSEED (so any output that follows set or dict order shows up).

What the clock stamps, and is the only thing excluded: MkDocs writes the build date into
sitemap.xml (`<lastmod>` of every URL) and the gzip header of sitemap.xml.gz (its mtime).
Those two files are still compared, with the date removed. Nothing else may differ: every
page, the search index, api JSON, scripts and styles.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from helpers import ROOT, build_site

CLOCK_STAMPED = {"sitemap.xml", "sitemap.xml.gz", "ko/sitemap.xml"}  # ko/: the Korean edition's own (pages/editions.py)
ANOTHER_DAY = "1700000000"  # 2023-11-14: a build date far from the real clock


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _without_lastmod(xml: bytes) -> bytes:
    return re.sub(rb"<lastmod>[^<]*</lastmod>", b"<lastmod/>", xml)


def test_two_builds_give_identical_output(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    one = build_site(ROOT, first, extra_env={"PYTHONHASHSEED": "1"})
    assert one.returncode == 0, one.stdout + one.stderr
    two = build_site(ROOT, second, extra_env={"PYTHONHASHSEED": "2", "SOURCE_DATE_EPOCH": ANOTHER_DAY})
    assert two.returncode == 0, two.stdout + two.stderr

    a, b = _files(first), _files(second)
    assert sorted(a) == sorted(b), f"different files: {sorted(set(a) ^ set(b))}"
    assert sum(name.endswith(".html") for name in a) > 20
    differing = sorted(name for name in a if name not in CLOCK_STAMPED and a[name] != b[name])
    assert not differing, f"{len(differing)} files differ between two builds: {differing[:20]}"

    # The clock-stamped files differ only by the date.
    assert a["sitemap.xml"] != b["sitemap.xml"], "the sitemap no longer carries the build date: update CLOCK_STAMPED"
    assert _without_lastmod(a["sitemap.xml"]) == _without_lastmod(b["sitemap.xml"])
    assert gzip.decompress(a["sitemap.xml.gz"]) == a["sitemap.xml"]
    assert gzip.decompress(b["sitemap.xml.gz"]) == b["sitemap.xml"]
