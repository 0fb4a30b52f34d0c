"""The site outlives its data: builds on the day .NET 10 support ends and in 2100 still succeed and say
plainly that nothing listed is in support; "today" is a UTC date, whatever the machine's time zone."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys

import pytest

from helpers import ROOT, build_site
from macros.data.load import load_catalog

DAYS = ["2028-11-14", "2100-01-01"]  # .NET 10 (the newest LTS in the data) ends; long after every date


@pytest.fixture(scope="module", params=DAYS)
def late_site(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(f"site-{request.param}")
    result = build_site(ROOT, out, extra_env={"GUIDE_TODAY": request.param})
    assert result.returncode == 0, f"the build failed on {request.param}:\n{result.stderr[-2000:]}"
    return request.param, out


@pytest.mark.build
def test_every_page_says_nothing_is_in_support(late_site):
    day, site = late_site
    pages = [p for p in site.rglob("index.html")]
    assert len(pages) > 25
    without = [str(p.relative_to(site)) for p in pages if "data-guide-outlived" not in p.read_text(encoding="utf-8")]
    assert not without, f"no end-of-support banner on {without}"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'datetime="{day}"' in home and "is in support on" in home


@pytest.mark.build
def test_lifecycle_and_wizard_say_end_of_life(late_site):
    day, site = late_site
    lifecycle = (site / "images" / "lifecycle" / "index.html").read_text(encoding="utf-8")
    assert "End of life since 2028-11-14" in lifecycle  # .NET 10
    assert "In support until" not in lifecycle.split("Framework")[0]  # no .NET (Core) channel claims support
    data = json.loads((site / "wizard" / "data.json").read_text(encoding="utf-8"))
    products = {c.channel: c.product for c in load_catalog(on=datetime.date.fromisoformat(day)).lifecycle.channels}
    dotnet = {c: status for c, (status, _, _) in data["channels"].items() if products[c] != ".NET Framework"}
    assert dotnet and set(dotnet.values()) <= {"eol", "preview"}, dotnet  # .NET Framework follows Windows
    assert any("run" in o or "build" in o for o in data["outcomes"]), "the wizard still gives answers"
    assert not any("sw" in o for o in data["outcomes"]), "no supported channel is left to switch to"


def test_the_banner_depends_on_the_date(catalog):
    """While a .NET channel is in support there is no banner (the site fixture is built for 2026-11-28)."""
    assert not catalog.outlived
    assert load_catalog(on=datetime.date(2028, 11, 14)).outlived
    assert not load_catalog(on=datetime.date(2028, 11, 13)).outlived


def _today_in(zone: str, **extra) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("GUIDE_TODAY", "SOURCE_DATE_EPOCH")}
    env.update(TZ=zone, **extra)
    code = "from macros.data.load import today; print(today())"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout


def test_today_is_the_utc_date_in_every_time_zone():
    assert _today_in("Pacific/Kiritimati") == _today_in("Etc/GMT+12")  # UTC+14 and UTC-12


def test_source_date_epoch_gives_its_utc_date():
    # 2026-11-28 23:30 UTC is already the 29th in Kiritimati and still the 28th in UTC-12.
    epoch = "1795908600"
    assert _today_in("Pacific/Kiritimati", SOURCE_DATE_EPOCH=epoch).strip() == "2026-11-28"
    assert _today_in("Etc/GMT+12", SOURCE_DATE_EPOCH=epoch).strip() == "2026-11-28"
