"""Windows Server support dates (hand-kept in lifecycle.yml, from Microsoft's lifecycle pages): the images built on a
release warn from 180 days before its end, computed from the dates for the build's day, on repository pages, the
lifecycle page and the wizard's answers; and the sources page dates each upstream source."""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlencode

from macros.data.load import load_catalog, load_guide
from macros.render.wizard import os_warning

WARNING = "Windows Server 2016 support ends 2027-01-12, in 45 days"  # on 2026-11-28


def test_each_windows_image_knows_its_release_and_its_end(catalog):
    dates = {w.name: (w.extended_end.isoformat(), w.status) for w in catalog.lifecycle.windows}
    assert dates == {
        "Windows Server 2016": ("2027-01-12", "ending"),
        "Windows Server 2019": ("2029-01-09", "supported"),
        "Windows Server 2022": ("2031-10-14", "supported"),
        "Windows Server 2025": ("2034-10-10", "supported"),
    }
    assert catalog.windows_release("windowsservercore-ltsc2022").mainstream_end == datetime.date(2026, 10, 13)
    assert catalog.windows_release("noble") is None
    images = catalog.repository("framework-aspnet").resolve("4.8-windowsservercore-ltsc2016")
    assert [r.warning for r in catalog.os_warnings(images)] == [WARNING]
    assert catalog.os_warnings(catalog.repository("framework-aspnet").resolve("4.8.1")) == ()


def test_the_warning_is_computed_from_the_dates():
    """No warning half a year before; a countdown inside 180 days; "ended" from the day itself."""
    expected = {
        "2026-07-01": None,
        "2026-07-16": "Windows Server 2016 support ends 2027-01-12, in 180 days",
        "2027-01-11": "Windows Server 2016 support ends 2027-01-12, in 1 day",
        "2027-01-12": "Windows Server 2016 support ended 2027-01-12",
    }
    for day, warning in expected.items():
        catalog = load_catalog(on=datetime.date.fromisoformat(day))
        assert catalog.windows_release("windowsservercore-ltsc2016").warning == warning, day


def test_repository_pages_and_the_lifecycle_page_warn(built_site):
    page = (built_site / "images" / "framework-aspnet" / "index.html").read_text()
    badge = r'<span class="guide-os-status guide-status--ending" data-os-status="ending"[^>]*>([^<]*)<'
    badges = re.findall(badge, page)
    assert badges == [WARNING, WARNING]  # the featured tag and the tag row of the one ltsc2016 image
    assert "ltsc2019" in page and "Windows Server 2019 support" not in page  # only a near end warns
    lifecycle = (built_site / "images" / "lifecycle" / "index.html").read_text()
    assert 'href="https://learn.microsoft.com/lifecycle/products/windows-server-2016"' in lifecycle
    assert "In support until 2031-10-14" in lifecycle and "2026-10-13" in lifecycle  # 2022: mainstream ended


def test_the_sources_page_dates_and_links_each_commit(built_site):
    page = (built_site / "reference" / "sources" / "index.html").read_text()
    page = re.sub(r"<td data-label=\"[^\"]*\">", "<td>", page)  # cells carry their column label (phones)
    for repository, commit, day in (
        ("dotnet/dotnet-docker", "3ed00b611cc88eaa5995525a0549a5703965cd02", "2026-08-21"),
        ("microsoft/dotnet-framework-docker", "ebb6885f22fec513683e05556690a1d7dbe7189d", "2026-07-14"),
        ("dotnet/core", "0e9eb8828b73f69cfae6bd74ec93b6e438b8e77d", "2026-07-24"),
        ("dotnet/versions", "9c41427ee1e7b1b977f29eaeb7a3c9464fade67c", "2026-08-21"),
    ):
        link = (
            f'<a href="https://github.com/{repository}/commit/{commit}"><code>{commit[:7]}</code></a></td>\n<td>{day}'
        )
        assert link in page, repository
    assert "more than 35 days older" in " ".join(page.split())  # read from the model's constant


def _windows_2016_answer(catalog):
    wizard = load_guide(on=catalog.today).wizard
    return next((a, o) for a, o in wizard.paths() if o.ok and o.run and "ltsc2016" in o.run.tag)


def test_wizard_answers_on_windows_server_2016_warn(catalog, built_site):
    _, outcome = _windows_2016_answer(catalog)
    assert os_warning(outcome, catalog) == WARNING
    tables = (built_site / "wizard" / "tables" / "index.html").read_text()
    assert f"<small data-os-warning>{WARNING}</small>" in tables  # the answers without JavaScript


def test_the_wizard_shows_the_warning_in_its_status(page, catalog):
    answers, _ = _windows_2016_answer(catalog)
    page.goto(page.base_url + "wizard/?" + urlencode(answers))
    page.wait_for_selector('[data-slot="status-text"]:has-text("Windows Server 2016")')
    status = page.query_selector('[data-slot="status"]')
    assert WARNING in status.inner_text()
    assert "warning" in status.get_attribute("class")
