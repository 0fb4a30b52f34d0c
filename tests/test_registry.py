"""The registry record on the site: every current digest is published, a replaced digest resolves to
what replaced it, tag rows show what a pull costs, and every page says when its data is from."""

from __future__ import annotations

import json
import re

import pytest

from helpers import DOTNET_DOCKER_REPOSITORIES, ROOT, build_site

IMAGE_INFO = ROOT / "data" / "upstream" / "dotnet-versions" / "build-info" / "docker"
DATA_DAY = "2026-08-20"  # the newest publish in the vendored record; the test build is for 2026-11-28


def _digests(site) -> dict:
    return json.loads((site / "api" / "digests.json").read_text(encoding="utf-8"))


def test_every_current_dotnet_docker_digest_is_on_its_page_and_in_the_api(built_site):
    info = json.loads((IMAGE_INFO / "image-info.dotnet-dotnet-docker-main.json").read_text(encoding="utf-8"))
    api = _digests(built_site)["digests"]
    checked = 0
    for repo in (r for r in info["repos"] if r["repo"] in DOTNET_DOCKER_REPOSITORIES):
        page = built_site / "images" / repo["repo"].removeprefix("dotnet/").replace("/", "-") / "index.html"
        html = page.read_text(encoding="utf-8")
        for image in repo["images"]:
            for platform in image["platforms"]:
                name, digest = platform["digest"].split("@")
                assert api[digest]["current"] is True and api[digest]["repository"] == repo["repo"], digest
                assert f'data-clipboard-text="{name}@{digest}"' in html, f"{digest} is not on {page.parent.name}"
                checked += 1
    assert checked > 500


def test_a_replaced_digest_says_it_is_not_current_and_what_replaced_it(built_site, catalog):
    api = _digests(built_site)["digests"]
    image = next(i for i in catalog.repository("aspnet").images if i.registry and len(i.registry.history) > 2)
    old, first_seen = image.registry.history[1]
    assert api[old] == {"first_seen": first_seen, "current": False, "current_digest": image.registry.digest}
    now = api[image.registry.digest]
    assert now["current"] and set(image.platform_tags) <= set(now["tags"]) and now["kind"] == "platform"
    assert _digests(built_site)["recorded_until"] == DATA_DAY


def test_tag_rows_show_the_pull_size_build_date_and_a_pinned_reference(built_site, catalog):
    html = (built_site / "images" / "aspnet" / "index.html").read_text(encoding="utf-8")
    image = next(i for i in catalog.repository("aspnet").images if i.registry)
    size_mb = round(image.registry.pull_size / 1_000_000)
    assert f"pull ≈\u00a0{size_mb}\u00a0MB" in html and f"built {image.registry.created}" in html
    rows = "".join(re.findall(r"<table data-tag-rows=\"\">.*?</table>", html, re.S))  # the rebuild lists have more
    assert rows.count('class="guide-digest"') == sum(1 for i in catalog.repository("aspnet").images if i.registry)


def test_home_and_repository_pages_say_when_the_tag_data_is_from(built_site):
    pages = [built_site / "index.html", *sorted((built_site / "images").glob("*/index.html"))]
    for page in pages:
        if page.parent.name in ("lifecycle", "images"):
            continue
        assert f'as of <time datetime="{DATA_DAY}">' in page.read_text(encoding="utf-8"), page


def test_every_page_warns_when_the_tag_data_is_old(built_site):
    pages = sorted(built_site.rglob("index.html"))
    stale = [p for p in pages if "data-guide-stale" in p.read_text(encoding="utf-8")]
    assert len(stale) == len(pages) > 25  # 2026-08-20 to 2026-11-28: 100 days, past the 35-day limit
    assert "Tag data is 100 days old" in (built_site / "index.html").read_text(encoding="utf-8")


@pytest.mark.build
def test_no_warning_while_the_data_is_recent(tmp_path):
    result = build_site(ROOT, tmp_path / "site", extra_env={"GUIDE_TODAY": "2026-09-10"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "days old" not in result.stderr
    assert not re.search("data-guide-stale", (tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
