"""data/legacy.yml: every legacy name the guide promises, and errors that name the file and line."""

from __future__ import annotations

import shutil

import pytest

from helpers import LEGACY_NAMES, ROOT
from macros.data.errors import DataError
from macros.data.load import load_guide, load_legacy

REPOS = frozenset(
    {
        "dotnet/sdk",
        "dotnet/aspnet",
        "dotnet/runtime",
        "dotnet/runtime-deps",
        "dotnet/samples",
        "dotnet/framework/sdk",
        "dotnet/framework/runtime",
        "dotnet/framework/aspnet",
        "dotnet/framework/wcf",
        "dotnet/framework/samples",
    }
)


@pytest.fixture
def legacy_file(tmp_path):
    target = tmp_path / "data" / "legacy.yml"
    target.parent.mkdir()
    shutil.copy(ROOT / "data" / "legacy.yml", target)
    return target


def test_real_file_loads_and_covers_every_name(catalog):
    legacy = load_legacy(ROOT / "data" / "legacy.yml", frozenset(r.info.repository for r in catalog.repositories))
    names = [entry.name for entry in legacy.legacy]
    for name in LEGACY_NAMES:
        assert name in names
    for entry in legacy.legacy:
        assert entry.moves and entry.why
        assert entry.today or entry.today_note


def test_loads_with_the_default_catalog():
    assert load_guide().legacy.legacy[0].name == "microsoft/dotnet"


def _error(path) -> str:
    with pytest.raises(DataError) as info:
        load_legacy(path, REPOS)
    return str(info.value)


def test_unknown_repository_names_file_and_line(legacy_file):
    text = legacy_file.read_text()
    legacy_file.write_text(text.replace("today: [dotnet/aspnet]", "today: [dotnet/aspnetcore]", 1))
    line = legacy_file.read_text().splitlines().index("    today: [dotnet/aspnetcore]") + 1
    message = _error(legacy_file)
    assert (
        f"data/legacy.yml:{line}: legacy[1].today[0]: unknown repository 'dotnet/aspnetcore' (expected one of:"
        in message
    )


def test_duplicate_name_and_bad_source(legacy_file):
    text = legacy_file.read_text()
    text = text.replace("name: microsoft/wcf", "name: microsoft/aspnet")
    text = text.replace('sources: ["dotnet/dotnet-docker#935"]', 'sources: ["see the blog"]')
    legacy_file.write_text(text)
    message = _error(legacy_file)
    assert "'microsoft/aspnet' is listed twice (also legacy[7])" in message
    assert "got 'see the blog', expected an issue like 'dotnet/dotnet-docker#935'" in message
    assert "2 problems found" in message


def test_schema_errors_are_reported_together(legacy_file):
    text = legacy_file.read_text()
    text = text.replace("registry: MCR", "registry: GHCR").replace("used: 2016–2019\n", "used: 2016\n", 1)
    legacy_file.write_text(text)
    message = _error(legacy_file)
    assert "legacy[0].used: expected a string" in message and "got number 2016" in message
    assert "registry: expected one of 'Docker Hub', 'MCR', got 'GHCR'" in message


def test_missing_destination_is_an_error(legacy_file):
    text = legacy_file.read_text()
    legacy_file.write_text(text.replace("    today: [dotnet/samples]\n", "", 1))
    assert "legacy[4].today: missing (expected today's repositories, or a today_note)" in _error(legacy_file)


def test_yaml_syntax_error_names_the_line(legacy_file):
    legacy_file.write_text(legacy_file.read_text() + "  - name: [unclosed\n")
    assert "data/legacy.yml:" in _error(legacy_file)
