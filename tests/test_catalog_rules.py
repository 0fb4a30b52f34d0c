"""Each validation rule, on a small copy of the fixture data: the message names file and line."""

from __future__ import annotations

import re

import pytest

from helpers import line_containing, replace_once
from macros.data.errors import DataError
from macros.data.load import load_catalog


def _problems(data_dir, today) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalog(data_dir, on=today)
    return [str(p) for p in caught.value.problems]


def test_fixture_is_valid(fixture_data, today):
    catalog = load_catalog(fixture_data, on=today)
    assert [r.info.repository for r in catalog.repositories] == ["dotnet/sdk", "dotnet/aspnet"]


def test_yaml_syntax_error_names_file_andline_containing(fixture_data, today):
    path = fixture_data / "lifecycle.yml"
    line = line_containing(path, 'channel: "9.0"')
    replace_once(path, '{channel: "9.0", ga:', '{channel: "9.0", ga: [')
    [message] = _problems(fixture_data, today)
    assert message.startswith(f"data/lifecycle.yml:{line}: YAML syntax error")


def test_missing_required_field(fixture_data, today):
    path = fixture_data / "repositories.yml"
    line = line_containing(path, "- repository: dotnet/aspnet")
    replace_once(path, "    title: ASP.NET Core Runtime\n", "")
    [message] = _problems(fixture_data, today)
    assert message.startswith(f"data/repositories.yml:{line}: repositories[1].title: missing required field")


def test_unknown_field(fixture_data, today):
    path = fixture_data / "catalog" / "sdk.yml"
    replace_once(path, "  os: linux\n", "  os: linux\n  colour: blue\n")
    line = line_containing(path, "colour: blue")
    [message] = _problems(fixture_data, today)
    assert message.startswith(f"data/catalog/sdk.yml:{line}: images[0].colour: unknown field")
    assert "expected one of: channel, version, os" in message


def test_unquoted_version_is_a_number_not_a_string(fixture_data, today):
    path = fixture_data / "lifecycle.yml"
    line = line_containing(path, 'channel: "8.0"')
    replace_once(path, 'channel: "8.0"', "channel: 8.0")
    [message] = _problems(fixture_data, today)
    assert message == (
        f'data/lifecycle.yml:{line}: ga_dates[2].channel: expected a string (quote versions: "8.0"), got number 8.0'
    )


def test_unknown_os_version(fixture_data, today):
    path = fixture_data / "catalog" / "aspnet.yml"
    replace_once(path, "os_version: noble", "os_version: hirsute")
    line = line_containing(path, "os_version: hirsute")
    messages = _problems(fixture_data, today)
    assert any(
        m.startswith(f"data/catalog/aspnet.yml:{line}: images[") and "unknown OS version 'hirsute'" in m
        for m in messages
    ), messages


def test_unknown_architecture(fixture_data, today):
    path = fixture_data / "catalog" / "sdk.yml"
    replace_once(path, "architecture: arm64v8", "architecture: riscv64")
    line = line_containing(path, "architecture: riscv64")
    [message] = _problems(fixture_data, today)
    assert message.startswith(f"data/catalog/sdk.yml:{line}: images[")
    assert "expected one of 'amd64', 'arm64v8', 'arm32v7', got 'riscv64'" in message


def test_unknown_repository(fixture_data, today):
    path = fixture_data / "catalog" / "sdk.yml"
    replace_once(path, "repository: dotnet/sdk\n", "repository: dotnet/skd\n")
    line = line_containing(path, "repository: dotnet/skd")
    messages = _problems(fixture_data, today)
    assert any(
        m.startswith(f"data/catalog/sdk.yml:{line}: repository: unknown repository 'dotnet/skd'") for m in messages
    ), messages


def test_duplicate_tag_in_a_repository(fixture_data, today):
    path = fixture_data / "catalog" / "sdk.yml"
    text = path.read_text()
    first = re.search(r"platform_tags: \[([^,\]]+)", text).group(1)
    replace_once(path, "platform_tags: [", f"platform_tags: [{first}, ", count=2)
    messages = _problems(fixture_data, today)
    assert any(
        f"duplicate tag '{first}' in dotnet/sdk" in m and m.startswith("data/catalog/sdk.yml:") for m in messages
    ), messages
    line = int(messages[0].split(":")[1])
    assert first in path.read_text().splitlines()[line - 1]


def test_shared_tag_pointing_at_two_images_for_one_platform(fixture_data, today):
    path = fixture_data / "catalog" / "aspnet.yml"
    # Give the noble-chiseled amd64 image the plain "10.0" tag, which the noble amd64 image has.
    replace_once(path, "shared_tags: [10.0.11-noble-chiseled,", "shared_tags: ['10.0', 10.0.11-noble-chiseled,")
    line = line_containing(path, "shared_tags: ['10.0', 10.0.11-noble-chiseled,")
    messages = _problems(fixture_data, today)
    assert any(
        m.startswith(f"data/catalog/aspnet.yml:{line}: ")
        and "shared tag '10.0' points at two images for linux/amd64" in m
        for m in messages
    ), messages


def test_end_of_life_before_ga(fixture_data, today):
    """The end of support comes from releases-index.json, the GA from lifecycle.yml: checked together."""
    path = fixture_data / "lifecycle" / "dotnet.yml"
    replace_once(path, "eol: 2028-11-14", "eol: 2024-01-01")
    line = line_containing(path, "eol: 2024-01-01")
    [message] = _problems(fixture_data, today)
    assert message == (
        f"data/lifecycle/dotnet.yml:{line}: channels[1].eol: end of life 2024-01-01 is before "
        "GA 2025-11-11 (expected a later date)"
    )


def test_catalog_channel_without_lifecycle_entry(fixture_data, today):
    path = fixture_data / "lifecycle" / "dotnet.yml"
    replace_once(path, "- {channel: '11.0', product: .NET,", "- {channel: '12.0', product: .NET,")
    catalog_file = fixture_data / "catalog" / "aspnet.yml"
    line = line_containing(catalog_file, "channel: '11.0'")
    messages = _problems(fixture_data, today)
    assert (
        f"data/catalog/aspnet.yml:{line}: images[0].channel: channel '11.0' has no entry in "
        "data/lifecycle/dotnet.yml or data/lifecycle.yml" in "\n".join(messages)
    )


def test_a_dotnet_channel_is_not_hand_kept(fixture_data, today):
    """.NET channels come from releases-index.json: lifecycle.yml keeps .NET Framework only."""
    path = fixture_data / "lifecycle.yml"
    replace_once(path, "channels:\n", "channels:\n  - {channel: '12.0', product: .NET, release_type: lts}\n")
    line = line_containing(path, "channel: '12.0'")
    [message] = _problems(fixture_data, today)
    assert message.startswith(
        f"data/lifecycle.yml:{line}: channels[0].product: got '.NET', expected '.NET Framework': .NET channels "
        "come from releases-index.json"
    )


def test_a_released_channel_needs_a_ga_date(fixture_data, today):
    """A channel goes GA upstream (phase `active`) before anyone types its GA day: make check says where."""
    path = fixture_data / "lifecycle" / "dotnet.yml"
    replace_once(path, "support_phase: preview", "support_phase: active")
    line = line_containing(path, "channel: '11.0'")
    [message] = _problems(fixture_data, today)
    assert message == (
        f"data/lifecycle/dotnet.yml:{line}: channels[0]: channel 11.0 is released (support_phase active) but its "
        "GA date is unknown: add it to ga_dates in data/lifecycle.yml (the day of its 11.0.0 release)"
    )


def test_a_hand_kept_ga_must_agree_with_the_generated_one(fixture_data, today):
    path = fixture_data / "lifecycle" / "dotnet.yml"
    replace_once(
        path, "support_phase: active, eol: 2028-11-14", "support_phase: active, ga: 2025-11-12, eol: 2028-11-14"
    )
    line = line_containing(fixture_data / "lifecycle.yml", 'channel: "10.0"')
    [message] = _problems(fixture_data, today)
    assert message == (
        f"data/lifecycle.yml:{line}: ga_dates[0].ga: GA 2025-11-11 differs from 2025-11-12, the day of 10.0.0 in "
        "data/lifecycle/dotnet.yml"
    )


def test_a_ga_the_index_shows_must_be_kept(fixture_data, today):
    """The index shows a GA day only while X.Y.0 is the newest release: make check asks to keep it then."""
    path = fixture_data / "lifecycle" / "dotnet.yml"
    replace_once(path, "support_phase: preview,", "support_phase: active, ga: 2026-11-10,")
    line = line_containing(path, "channel: '11.0'")
    [message] = _problems(fixture_data, today)
    assert message == (
        f"data/lifecycle/dotnet.yml:{line}: channels[0].ga: channel 11.0 went GA on 2026-11-10: add "
        '`{channel: "11.0", ga: 2026-11-10}` to ga_dates in data/lifecycle.yml '
        "(releases-index.json stops showing the day at its next release)"
    )


def test_a_windows_release_names_known_os_versions(fixture_data, today):
    path = fixture_data / "lifecycle.yml"
    replace_once(path, "os_versions: [windowsservercore-ltsc2016]", "os_versions: [windowsservercore-ltsc2015]")
    line = line_containing(path, "windowsservercore-ltsc2015")
    [message] = _problems(fixture_data, today)
    assert message.startswith(
        f"data/lifecycle.yml:{line}: windows[0].os_versions[0]: unknown OS version 'windowsservercore-ltsc2015'"
    )


def test_the_generated_lifecycle_is_required(fixture_data, today):
    (fixture_data / "lifecycle" / "dotnet.yml").unlink()
    [message] = _problems(fixture_data, today)
    assert message == "data/lifecycle/dotnet.yml: missing: the .NET channels' lifecycle (run `make sync`)"


def test_every_problem_is_reported_before_failing(fixture_data, today):
    replace_once(fixture_data / "catalog" / "sdk.yml", "architecture: arm64v8", "architecture: sparc")
    replace_once(fixture_data / "catalog" / "aspnet.yml", "os: linux", "os: beos")
    messages = _problems(fixture_data, today)
    assert {m.split(":")[0] for m in messages} == {"data/catalog/sdk.yml", "data/catalog/aspnet.yml"}


def test_unknown_distro_in_platforms(fixture_data, today):
    path = fixture_data / "platforms.yml"
    replace_once(
        path,
        "{os_version: noble, name: Ubuntu 24.04, distro: ubuntu}",
        "{os_version: noble, name: Ubuntu 24.04, distro: ubunto}",
    )
    line = line_containing(path, "distro: ubunto")
    messages = _problems(fixture_data, today)
    assert any(
        m.startswith(f"data/platforms.yml:{line}: os_versions[") and "unknown distro 'ubunto'" in m for m in messages
    ), messages


def test_duplicate_yaml_key(fixture_data, today):
    path = fixture_data / "catalog" / "sdk.yml"
    replace_once(path, "  os: linux\n", "  os: linux\n  os: windows\n")
    line = line_containing(path, "os: windows")
    messages = _problems(fixture_data, today)
    assert f"data/catalog/sdk.yml:{line}: images[0].os: key given twice" in messages


def test_guide_today_must_be_a_date(monkeypatch):
    from macros.data.load import today as build_today

    monkeypatch.setenv("GUIDE_TODAY", "soon")
    with pytest.raises(DataError, match="GUIDE_TODAY: expected a date like 2026-11-28, got 'soon'"):
        build_today()
