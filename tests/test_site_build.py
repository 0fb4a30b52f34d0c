"""One strict build of the real site: the chain data -> macros -> page works, and bad data stops it."""

from __future__ import annotations

import shutil

from helpers import ROOT, build_site


def test_home_page_shows_figures_from_the_catalog(built_site, catalog):
    html = (built_site / "index.html").read_text()
    assert f"<strong>{len(catalog.repositories)}</strong> image repositories" in html
    assert f"<strong>{catalog.tag_count:,}</strong> documented tags" in html
    assert "in support: .NET 10.0</li>" in html  # 8.0 and 9.0 ended on 2026-11-10
    assert '<time datetime="2026-11-28">28 November 2026</time>' in html


def _project_copy(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(
        ROOT, project, ignore=shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache")
    )
    return project


def test_bad_data_stops_the_build_with_a_clean_message(tmp_path):
    project = _project_copy(tmp_path)
    lifecycle = project / "data" / "lifecycle" / "dotnet.yml"
    lifecycle.write_text(lifecycle.read_text().replace("eol: 2028-11-14", "eol: 2020-01-01"))
    result = build_site(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "channels[1].eol: end of life 2020-01-01 is before GA 2025-11-11" in output
    assert "data/lifecycle/dotnet.yml:" in output
    assert "Traceback" not in output


def test_unknown_macro_names_the_page_and_line(tmp_path):
    project = _project_copy(tmp_path)
    page = project / "docs" / "index.md"
    page.write_text(page.read_text() + "\n{{ catalog_figurez() }}\n")
    line = page.read_text().splitlines().index("{{ catalog_figurez() }}") + 1
    result = build_site(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/index.md:{line}: catalog_figurez: unknown macro or variable" in output
    assert "Traceback" not in output
