"""Guide renderers on the real catalog: current tags follow the data and the date, bad arguments say
what is expected."""

from __future__ import annotations

import datetime

import pytest

from macros.data.errors import UnknownValueError as MacroArgumentError
from macros.data.load import load_catalog, load_guide
from macros.model import current
from macros.render import guide as r
from macros.render.html import markdown_table
from macros.render.legacy import render_legacy_names


def test_image_ref_accepts_catalog_tags_only(catalog):
    assert current.documented_reference(catalog, "aspnet", "10.0") == "mcr.microsoft.com/dotnet/aspnet:10.0"
    assert (
        current.documented_reference(catalog, "framework-sdk", "4.8.1")
        == "mcr.microsoft.com/dotnet/framework/sdk:4.8.1"
    )
    with pytest.raises(
        MacroArgumentError, match=r"tag '10\.0-nope' is not in the catalog of dotnet/aspnet \(expected one of: 10\.0"
    ):
        current.documented_reference(catalog, "aspnet", "10.0-nope")
    with pytest.raises(KeyError, match="unknown repository 'aspnett'"):
        current.documented_reference(catalog, "aspnett", "10.0")


def test_current_tags_on_the_reference_date(catalog):
    assert current.current_channel(catalog) == "10.0"
    assert current.current_tag(catalog, "aspnet") == "10.0"
    assert current.current_tag(catalog, "aspnet", fixed=True) == "10.0.11"
    assert current.current_tag(catalog, "sdk", fixed=True) == "10.0.400"  # SDK tags carry the SDK version
    assert current.current_tag(catalog, "aspnet", variant="chiseled") == "10.0-noble-chiseled"
    assert current.current_tag(catalog, "aspnet", variant="extra chiseled") == "10.0-noble-chiseled-extra"
    assert current.current_tag(catalog, "aspnet", os="alpine") == "10.0-alpine"
    assert current.current_tag(catalog, "aspnet", os="nanoserver") == "10.0-nanoserver-ltsc2025"
    assert current.current_tag(catalog, "aspnet", arch="arm64v8") == "10.0-noble-arm64v8"
    assert current.current_tag(catalog, "aspnet", channel="9.0", os="debian") == "9.0-bookworm-slim"
    assert current.current_tag(catalog, "aspnet", channel="11.0") == "11.0-preview"
    assert current.current_reference(catalog, "sdk", variant="aot") == "mcr.microsoft.com/dotnet/sdk:10.0-aot"
    assert current.current_tag(catalog, "framework-aspnet", fixed=True).startswith("4.8.1-2")
    assert (
        current.current_tag(catalog, "framework-aspnet", os="windowsservercore-ltsc2019", channel="4.8")
        == "4.8-windowsservercore-ltsc2019"
    )


def test_current_tags_follow_the_date():
    early = load_catalog(on=datetime.date(2025, 6, 1))  # .NET 10 not yet released
    assert current.current_channel(early) == "9.0"
    assert current.current_tag(early, "aspnet") == "9.0"
    assert current.current_tag(early, "aspnet", fixed=True) == "9.0.19"


def test_every_current_tag_is_a_catalog_tag(catalog):
    for repo in ("sdk", "aspnet", "runtime", "runtime-deps"):
        for variant in ("", "chiseled", "distroless", "chiseled extra"):
            if repo == "sdk" and variant:
                continue
            for fixed in (False, True):
                ref = current.current_reference(catalog, repo, variant=variant, fixed=fixed)
                assert catalog.has_reference(ref), ref


def test_bad_arguments_say_what_is_expected(catalog):
    with pytest.raises(MacroArgumentError, match=r"unknown variant 'shiny' \(expected one of: chiseled"):
        current.current_tag(catalog, "aspnet", variant="shiny")
    with pytest.raises(MacroArgumentError, match=r"has no 10\.0 image with variant 'chiseled'"):
        current.current_tag(catalog, "sdk", variant="chiseled")  # there is no chiseled SDK
    with pytest.raises(MacroArgumentError, match="unknown os 'plan9'"):
        current.current_tag(catalog, "aspnet", os="plan9")
    with pytest.raises(MacroArgumentError, match="unknown arch 'sparc'"):
        current.current_tag(catalog, "aspnet", arch="sparc")


def test_short_answer_has_a_row_per_repository_with_catalog_references(catalog, english):
    text = r.render_short_answer(catalog, english)
    rows = [line for line in text.splitlines()[4:] if line.startswith("|")]
    assert len(rows) == len(catalog.repositories)
    assert "[<code>dotnet/<wbr>aspnet</code>](images/aspnet.md)" in text
    assert "<code>mcr.microsoft.com/<wbr>dotnet/<wbr>aspnet<wbr>:10.0</code>" in text
    assert "the final stage of a framework-dependent ASP.NET Core app" in text


def test_table_cells_escape_pipes():
    assert markdown_table(["a"], [["x | y"]]).splitlines()[2] == "| x &#124; y |"


def test_legacy_table_links_today_repositories(catalog, english):
    text = render_legacy_names(catalog, load_guide().legacy, english)
    assert "[<code>dotnet/<wbr>sdk</code>](../images/sdk.md)" in text
    assert "https://github.com/dotnet/dotnet-docker/issues/941" in text
    assert "`mcr.microsoft.com/dotnet/nightly/*`" in text


def test_latest_and_os_names(catalog, english):
    assert r.render_latest(catalog, "aspnet", english) == "10.0.11 on Ubuntu 24.04"
    assert r.render_latest(catalog, "framework-aspnet", english).startswith("4.8 on Windows Server Core 2016")
    assert r.render_os_names(catalog, "runtime-deps").startswith("Ubuntu 24.04")
    assert r.render_channel_status(catalog, "9.0", english) == ".NET 9.0 (STS): End of life since 2026-11-10"
