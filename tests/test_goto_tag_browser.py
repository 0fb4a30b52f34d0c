"""The "go to tag" box in headless Chromium: twenty tags of the catalog (one of them named only in
the full listing) land on their rows; a full reference, an old name, a digest and a `docker pull`
line from the home page do too; a tag the catalog lacks says so."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

BOX = "form[data-goto-tag]"


def _go(page, typed: str) -> None:
    page.fill(f"{BOX} input[name=goto]", typed)
    page.press(f"{BOX} input[name=goto]", "Enter")


def _landed(page, tag: str) -> None:
    """The URL ends in #tag-<tag> and that tag's row is shown, inside the viewport."""
    page.wait_for_function("h => location.hash === h", arg=f"#tag-{tag}")
    page.wait_for_function(
        """id => { const e = document.getElementById(id); if (!e) return false;
                   const r = e.closest('tr').getBoundingClientRect();
                   return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; }""",
        arg=f"tag-{tag}",
    )


def _sample(catalog, slug: str) -> list[str]:
    """Twenty tags of every kind: featured, multi-platform, per platform, fixed, ended, preview, Windows."""
    model = catalog.repository(slug)
    tags = sorted(model.images_by_tag)
    picked = [tags[n * len(tags) // 18] for n in range(18)]
    only_in_listing = next(
        t for i in model.images for t in i.platform_tags if not model.is_multi_platform(t) and i.os == "linux"
    )
    windows = next(t for i in model.images if i.os == "windows" for t in i.tags)
    return list(dict.fromkeys([*picked, only_in_listing, windows]))[:20]


def test_twenty_catalog_tags_land_on_their_rows(page, catalog):
    tags = _sample(catalog, "aspnet")
    assert len(tags) == 20
    page.goto(page.base_url + "images/aspnet/?arch=arm32v7")  # a filter that hides most rows first
    page.wait_for_selector(f"{BOX}:not([hidden])")
    for tag in tags:
        _go(page, tag)
        _landed(page, tag)


def test_references_names_and_digests_from_the_home_page(page, catalog):
    model = catalog.repository("sdk")
    image = next(i for i in model.images if i.registry and i.os == "linux")
    cases = [
        ("mcr.microsoft.com/dotnet/sdk:10.0", "images/sdk/", "10.0"),
        ("docker pull mcr.microsoft.com/dotnet/core/sdk:10.0-alpine", "images/sdk/", "10.0-alpine"),
        (f"mcr.microsoft.com/dotnet/sdk@{image.registry.digest}", "images/sdk/", image.platform_tags[0]),
        ("FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS final", "images/aspnet/", "8.0"),
    ]
    for typed, path, tag in cases:
        page.goto(page.base_url)
        page.wait_for_selector(f"{BOX}:not([hidden])")
        _go(page, typed)
        page.wait_for_url(f"**/{path}#tag-{tag}")
        _landed(page, tag)
    page.goto(page.base_url)
    page.wait_for_selector(f"{BOX}:not([hidden])")
    _go(page, "microsoft/aspnetcore:2.0")
    message = page.locator(f"{BOX} output")
    message.locator("a", has_text="dotnet/aspnet").wait_for()
    assert "old name" in message.text_content()
    _go(page, "no-such-tag-<b>")
    page.wait_for_function("() => document.querySelector('form[data-goto-tag] output').textContent.includes('No tag')")
    assert page.locator(f"{BOX} output b").count() == 0
