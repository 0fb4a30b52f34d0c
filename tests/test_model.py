"""Derived facts of the real catalog: support status, what floating tags and `latest` point to."""

from __future__ import annotations

import datetime

from macros.data.load import load_catalog


def test_support_status_on_the_reference_date(catalog):
    status = {c.channel: c.status for c in catalog.lifecycle.channels}
    assert status["8.0"] == "eol" and status["9.0"] == "eol"
    assert status["10.0"] == "supported"
    assert status["11.0"] == "preview"
    assert catalog.channel("8.0").status_label == "End of life since 2026-11-10"


def test_status_follows_the_date():
    before = load_catalog(on=datetime.date(2026, 6, 1))
    assert before.channel("8.0").status == "ending" and before.channel("8.0").days_left == 162
    assert before.channel("8.0").status_label == "Ends in 162 days (2026-11-10)"
    assert load_catalog(on=datetime.date(2026, 1, 1)).channel("9.0").status == "supported"


def test_latest_and_plain_channel_tags_resolve_per_upstream(catalog):
    aspnet = catalog.repository("aspnet")
    assert {(i.channel, i.os_version) for i in aspnet.latest} == {("10.0", "noble")}
    assert [i.architecture for i in aspnet.latest] == ["amd64", "arm64v8", "arm32v7"]
    assert {i.os_version for i in aspnet.resolve("8.0")} == {"bookworm-slim"}
    assert {i.os_version for i in aspnet.resolve("9.0")} == {"bookworm-slim"}
    assert {i.os_version for i in aspnet.resolve("10.0")} == {"noble"}


def test_windows_is_not_in_multi_platform_tags_but_framework_is(catalog):
    for repo in ("sdk", "aspnet", "runtime"):
        model = catalog.repository(repo)
        assert all(not i.shared_tags for i in model.images if i.os == "windows")
    framework = catalog.repository("framework-runtime")
    assert {i.os_version for i in framework.resolve("4.8")} == {
        "windowsservercore-ltsc2016",
        "windowsservercore-ltsc2019",
    }


def test_fixed_and_floating_tags(catalog):
    aspnet = catalog.repository("dotnet/aspnet")
    assert aspnet.is_floating("10.0") and aspnet.is_floating("10.0-noble-chiseled")
    assert not aspnet.is_floating("10.0.11") and not aspnet.is_floating("10.0.11-noble-chiseled-amd64")
    assert aspnet.is_multi_platform("10.0-noble-chiseled") and not aspnet.is_multi_platform("10.0-noble-chiseled-amd64")
    sdk = catalog.repository("sdk")
    assert not sdk.is_floating("10.0.400") and sdk.is_floating("10.0-noble-aot")
    framework = catalog.repository("framework-sdk")
    assert not framework.is_floating("4.8.1-20260714-windowsservercore-ltsc2022")
    assert framework.is_floating("4.8.1-windowsservercore-ltsc2022")


def test_counts_match_upstream(catalog):
    documented = {r.info.repository: len(r.images_by_tag) for r in catalog.repositories}
    assert documented["dotnet/aspnet"] == 675 and documented["dotnet/runtime-deps"] == 378
    main = (
        "dotnet/runtime-deps",
        "dotnet/runtime",
        "dotnet/aspnet",
        "dotnet/sdk",
        "dotnet/monitor/base",
        "dotnet/monitor",
        "dotnet/aspire-dashboard",
    )
    assert sum(documented[r] for r in main) == 1785
    rows = {r.info.repository: len(r.images) for r in catalog.repositories}
    assert (rows["dotnet/sdk"], rows["dotnet/aspnet"], rows["dotnet/runtime"], rows["dotnet/runtime-deps"]) == (
        86,
        233,
        141,
        123,
    )


def test_references(catalog):
    assert catalog.has_reference("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled")
    assert not catalog.has_reference("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiselled")
    assert not catalog.has_reference("mcr.microsoft.com/aspnet:10.0")
    assert catalog.has_reference("mcr.microsoft.com/dotnet/framework/sdk:4.8.1")


def test_variants_are_derived(catalog):
    aspnet = catalog.repository("aspnet")
    [image] = [i for i in aspnet.resolve("10.0-noble-chiseled-composite-extra") if i.architecture == "amd64"]
    assert image.variants == ("chiseled", "composite", "extra")
    [aot] = [i for i in catalog.repository("sdk").resolve("10.0-noble-aot") if i.architecture == "amd64"]
    assert aot.variants == ("aot",)
