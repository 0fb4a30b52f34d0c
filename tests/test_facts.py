"""Facts corrected against their sources (issue 12, item 7), each with a check that fails if it regresses:
legacy dates and pull requests, invariant globalization, Debian for the current channel, the AOT SDK in
the team template, the samples' OS, and typed facts replaced by values from the data."""

from __future__ import annotations

import re

import yaml

from helpers import ROOT
from macros.model import current, os_facts


def _text(built_site, page: str) -> str:
    html = (built_site / page / "index.html").read_text(encoding="utf-8").replace("<wbr>", "")  # break points
    html = html[html.index('class="md-content"') :]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace(" ,", ",")


def _legacy() -> dict:
    data = yaml.safe_load((ROOT / "data" / "legacy.yml").read_text(encoding="utf-8"))
    return {entry["name"]: entry for entry in data["legacy"]}


def test_legacy_moves_have_their_dates_and_pull_requests():
    legacy = _legacy()
    for name, framework_pr in (("microsoft/aspnet", "#317"), ("microsoft/wcf", "#318")):
        entry = legacy[name]
        assert entry["moves"][0]["when"].startswith("Nov 2018"), name  # aspnet-docker PR #132
        assert "microsoft/aspnet-docker#132" in entry["sources"], name
        assert f"microsoft/dotnet-framework-docker{framework_pr}" in entry["sources"], name
    nightly = legacy["microsoft/dotnet-nightly"]
    assert nightly["moves"][0]["when"].startswith("Jan 2019") and "dotnet/dotnet-docker#906" in nightly["sources"]
    assert "2.2 and 3.0" in legacy["mcr.microsoft.com/dotnet/core/*"]["why"]


def test_the_legacy_page_tells_the_order_of_the_moves(built_site):
    text = _text(built_site, "guide/legacy-names")
    assert "November 2018 with the Windows Server 2019 images" in text and "end of January 2019" in text
    assert "2.2 and 3.0 had already ended" in text


def test_invariant_globalization_is_said_of_chiseled_and_distroless_too(built_site):
    assert "The default in every Alpine, chiseled and distroless image without -extra" in _text(
        built_site, "guide/glossary"
    )


def test_the_debian_tab_points_to_no_debian_image_of_the_current_channel(built_site, catalog):
    html = (built_site / "guide" / "os-and-variants" / "index.html").read_text(encoding="utf-8").replace("<wbr>", "")
    tab = html.split(">Debian</label>", 1)[1] if ">Debian</label>" in html else html
    tab = tab[tab.index("A conservative, widely known base") :].split('<div class="tabbed-block">', 1)[0]
    channel = current.current_channel(catalog, "aspnet")
    debian = {o.os_version for o in catalog.platforms.os_versions if o.distro == "debian"}
    refs = re.findall(r"mcr\.microsoft\.com/dotnet/aspnet:([\w.-]+)", tab)
    assert refs and not [r for r in refs if r.startswith(channel) and any(d in r for d in debian)]
    assert not os_facts.offers(catalog, "debian", "aspnet", channel)  # the catalog agrees: none exist
    assert f"There are no Debian images for .NET {channel}." in re.sub(r"<[^>]+>", "", tab)


def test_the_team_template_builds_native_aot_on_the_aot_sdk(built_site, catalog):
    text = _text(built_site, "team/team-standard")
    assert f"Build (Native AOT apps) | {current.current_reference(catalog, 'sdk', variant='aot')}" in text


def test_samples_name_the_ubuntu_version_their_base_images_run(catalog):
    """The registry record says what each sample was built FROM (its base image digest): the `ubuntu`
    samples sit on a manifest list whose tags name the Ubuntu version, which is the name shown."""
    lists = {
        digest: listing.tags
        for model in catalog.repositories
        if model.registry
        for listing in model.registry.manifest_lists
        for digest, _ in listing.history
    }
    ubuntu = [i for i in catalog.repository("samples").images if i.os_version == "ubuntu" and i.registry]
    assert ubuntu
    for image in ubuntu:
        base_tags = lists[image.registry.base_digest]
        os_version = next(
            o for o in catalog.os_versions if o != "ubuntu" and any(f"-{o}-" in f"-{t}-" for t in base_tags)
        )
        assert catalog.os_versions["ubuntu"].name == catalog.os_versions[os_version].name, (image.tags, base_tags)


def test_images_without_a_version_say_none_rather_than_an_empty_or_none_version(built_site):
    text = _text(built_site, "images/framework-samples")
    assert "None" not in text and "version )" not in text and not re.search(r"version amd64", text)
    assert "latest points to Windows Server Core 2022 for amd64" in text


def test_typed_facts_come_from_the_data(built_site, catalog):
    tags = _text(built_site, "guide/tags")
    assert (
        f"({os_facts.newest_os_version(catalog, 'alpine')}, {os_facts.newest_os_version(catalog, 'azurelinux')})"
        in (tags.replace("number ( ", "number (").replace(" )", ")"))
    )
    assert "it is Debian 12 for .NET 8.0 and 9.0" in tags
    # Multi-platform tags of the samples include Windows: the page says so from the catalog.
    samples = {i.os for i in catalog.repository("samples").resolve("dotnetapp")}
    assert samples == {"linux", "windows"} and "Nano Server 2022 images, so the same tag runs" in tags
    # Lifecycle notes name no Windows version by hand; the page adds the ones the catalog has.
    assert not [c.note for c in catalog.lifecycle.channels if c.note and "Windows Server" in c.note]
    assert "Its images run on Windows Server Core 2016, Windows Server Core 2019." in _text(
        built_site, "images/lifecycle"
    )
    # Wizard dead ends and options type no architecture list or default-OS versions.
    wizard = (ROOT / "data" / "wizard.yml").read_text(encoding="utf-8")
    for typed in ("x64 and Arm64 only", ".NET 10 and later", "the default of .NET 8 and 9"):
        assert typed not in wizard, typed


def test_the_debian_channels_and_codenames_come_from_the_data_in_both_editions(built_site, catalog):
    """The Debian tab names the channels whose plain tag runs Debian, and the Tags page the codenames plain
    tags use, from the catalog: typed nowhere in the pages, said in each edition's words."""
    channels = os_facts.default_channels(catalog, "debian")
    debian, ubuntu = os_facts.default_os_key(catalog, "debian"), os_facts.default_os_key(catalog, "ubuntu")
    assert channels == ("8.0", "9.0") and (debian, ubuntu) == ("bookworm-slim", "noble")  # today's data
    for page in ("os-and-variants", "tags"):
        for suffix in (".md", ".ko.md"):
            source = (ROOT / "docs" / "guide" / f"{page}{suffix}").read_text(encoding="utf-8")
            typed = re.findall(r"`(?:8\.0|9\.0)`(?: or |이나 | 또는 )`|`bookworm-slim`|\(\.NET 8과 9", source)
            assert not typed, f"{page}{suffix} types what the catalog knows: {typed}"
    english, korean = _text(built_site, "guide/os-and-variants"), _text(built_site, "ko/guide/os-and-variants")
    assert f"Moving from a Debian-based {channels[0]} or {channels[1]} tag" in english
    assert f"Debian 기반 {channels[0]} 또는 {channels[1]} 태그에서 옮겨 온다면" in korean
    assert ".NET 8.0, 9.0에서는 Debian 12" in korean and " for .NET " not in korean
    tight = re.compile(r"\s*([(),])\s*")  # inline code leaves spaces around it
    assert f"codename({debian},{ubuntu})" in tight.sub(r"\1", _text(built_site, "guide/tags"))
    tags = tight.sub(r"\1", _text(built_site, "ko/guide/tags"))
    assert f"코드명({debian},{ubuntu})" in tags and "(이전 기본값: .NET 8.0,9.0에서는 Debian 12)" in tags


def test_the_checker_page_takes_the_ends_soon_window_from_the_model(built_site):
    from macros.model.lifecycle import ENDING_SOON_DAYS

    for name in ("index.md", "index.ko.md"):
        assert str(ENDING_SOON_DAYS) not in (ROOT / "docs" / "check" / name).read_text(encoding="utf-8"), name
    assert f"reaches end of life within {ENDING_SOON_DAYS} days." in _text(built_site, "check")
    assert f"지원이 {ENDING_SOON_DAYS}일 안에 끝납니다." in _text(built_site, "ko/check")
