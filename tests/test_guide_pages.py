"""Over the built site: no invented image references, every seed idea has a home, the legacy table is complete."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from helpers import LEGACY_NAMES

# Tags that end a run of text: their content must not glue onto the next cell or paragraph.
_BLOCK = {
    "p",
    "div",
    "li",
    "td",
    "th",
    "tr",
    "br",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "dt",
    "dd",
    "blockquote",
    "summary",
    "details",
    "label",
    "input",
}
REFERENCE = re.compile(r"mcr\.microsoft\.com/dotnet/[a-z0-9][a-z0-9/-]*:[A-Za-z0-9][A-Za-z0-9._-]*")

GUIDE_PAGES = (
    ["index.html"]
    + [
        f"guide/{p}/index.html"
        for p in (
            "official-images",
            "build-vs-run",
            "tags",
            "os-and-variants",
            "layers-and-size",
            "legacy-names",
            "dotnet-framework",
            "glossary",
        )
    ]
    + [f"team/{p}/index.html" for p in ("onboarding", "checklist", "team-standard")]
    + [f"reference/{p}/index.html" for p in ("writing-pages", "sources")]
)


class _Text(HTMLParser):
    """The text of the article, as a reader sees it: highlighting spans joined, blocks separated."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):  # noqa: ARG002 - HTMLParser's signature
        if tag in ("script", "style"):
            self.skip += 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def page_text(path) -> str:
    source = path.read_text(encoding="utf-8")
    start, end = source.find("<article"), source.rfind("</article>")
    parser = _Text()
    parser.feed(source[start:end] if start >= 0 else source)
    return html.unescape("".join(parser.parts))


def references(text: str) -> set[str]:
    return {m.rstrip(".-") for m in REFERENCE.findall(text)}


def test_reference_parser_handles_highlighting_and_cells():
    parser = _Text()
    parser.feed(
        '<pre><code><span class="k">FROM</span> <span>mcr.microsoft.com/dotnet/</span><span>aspnet:10.0</span>'
        "</code></pre><table><tr><td>mcr.microsoft.com/dotnet/sdk:10.0</td><td>Ubuntu</td></tr></table>"
    )
    assert references("".join(parser.parts)) == {
        "mcr.microsoft.com/dotnet/aspnet:10.0",
        "mcr.microsoft.com/dotnet/sdk:10.0",
    }


def test_every_image_reference_on_every_page_is_in_the_catalog(built_site, catalog):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    found, missing = 0, []
    for path in pages:
        for ref in sorted(references(page_text(path))):
            found += 1
            if not catalog.has_reference(ref):
                missing.append(f"{path.relative_to(built_site)}: {ref}")
    assert not missing, "image references not in the catalog:\n" + "\n".join(missing)
    assert found > 50  # the guide really does show references


@pytest.mark.parametrize("page", GUIDE_PAGES)
def test_guide_page_is_written_and_links_on(built_site, page):
    text = page_text(built_site / page)
    assert "This page is being written" not in text
    assert len(text.split()) > 150, f"{page} is too short"
    source = (built_site / page).read_text()
    article = source[source.find("<article") : source.rfind("</article>")]
    assert re.search(r'href="[^"]*(wizard|images|guide|team)/', article), f"{page} links nowhere next"


# Every idea of the 2017 seed page, and where the guide teaches it today: (page, phrases that must appear).
SEED_IDEAS = {
    "official images are made and published by Microsoft, on a public registry": (
        "guide/official-images",
        ["Who makes them and where they live", "mcr.microsoft.com", "Docker Hub"],
    ),
    "a repository holds images for several .NET versions and operating systems "
    "(Debian, Alpine, Nano Server, Server Core)": (
        "guide/os-and-variants",
        ["Debian", "Alpine", "Nano Server", "Server Core"],
    ),
    "granular repositories, one per scenario or workload": ("guide/official-images", ["One repository per job"]),
    "the ASP.NET Core image is tuned for web apps and fast start-up": (
        "guide/official-images",
        ["Why ASP.NET Core has its own runtime image", "start quickly"],
    ),
    "console apps and batch jobs use the smaller runtime image without ASP.NET Core": (
        "guide/official-images",
        ["console app", "batch job", "smaller than aspnet"],
    ),
    "tags choose the framework version and the OS": ("guide/official-images", ["How a tag is put together"]),
    "separate images to develop/build and to run": (
        "guide/build-vs-run",
        ["Two jobs, two sets of priorities", "While you develop and build", "In production"],
    ),
    "during development, iteration speed and debugging matter more than size": (
        "guide/build-vs-run",
        ["fast feedback", "debuggers", "hardly matters"],
    ),
    "the build image holds the compiler and web tooling such as npm": ("guide/legacy-names", ["Node.js", "npm"]),
    "the build image is never deployed; CI and build agents only need to run it": (
        "guide/build-vs-run",
        ["never deployed", "Build agents that only need to run one image"],
    ),
    "production values fast deployment and start, so the runtime image is small": (
        "guide/build-vs-run",
        ["pulled onto every node", "starts straight away"],
    ),
    "only the binaries and content from dotnet publish go into the production image": (
        "guide/build-vs-run",
        ["Only published output goes into the final image", ".css"],
    ),
    "pre-compiled (pre-jitted) code for faster start": ("guide/os-and-variants", ["ReadyToRun"]),
    "images share layers, so storage and pulls are only the delta": (
        "guide/layers-and-size",
        ["Images are stacks of layers", "Only the difference is pulled"],
    ),
    "tags in a table, multi-arch images on Linux and Windows": (
        "guide/tags",
        ["Multi-platform and architecture tags", "Windows is not in the multi-platform tags"],
    ),
    "the old names (microsoft/aspnetcore, microsoft/aspnetcore-build) and where they went": (
        "guide/legacy-names",
        ["microsoft/aspnetcore-build", "Migrating a 2017-style Dockerfile"],
    ),
}


@pytest.mark.parametrize("idea", sorted(SEED_IDEAS))
def test_every_seed_idea_has_a_home(built_site, idea):
    page, phrases = SEED_IDEAS[idea]
    text = page_text(built_site / page / "index.html")
    for phrase in phrases:
        assert phrase in text, f"{idea!r}: '{phrase}' missing from {page}"


def test_legacy_table_covers_every_legacy_name(built_site):
    source = (built_site / "guide/legacy-names/index.html").read_text()
    legacy = next(t for t in re.findall(r"<table>.*?</table>", source, re.S) if "Old name" in t)
    # The first cell of each row starts with the old name in <code>.
    names = {
        html.unescape(re.sub(r"<[^>]+>", "", m))
        for m in re.findall(r"<tr>\s*<td[^>]*><code>(.*?)</code>", legacy, re.S)
    }
    missing = [name for name in LEGACY_NAMES if name not in names]
    assert not missing, f"missing from the legacy table: {missing} (found: {sorted(names)})"


def test_dockerfiles_follow_current_practice(built_site):
    text = page_text(built_site / "guide/build-vs-run/index.html")
    assert text.count("FROM --platform=$BUILDPLATFORM") >= 3
    assert text.count("-a $TARGETARCH") >= 6
    assert "USER $APP_UID" in text and "EXPOSE 8080" in text
    assert 'ENTRYPOINT ["dotnet", "MyApp.dll"]' in text and 'ENTRYPOINT ["./MyApp"]' in text
    assert "ENTRYPOINT dotnet" not in text  # no shell form anywhere
    # restore as its own layer: the project file is copied and restored before the rest of the code
    for block in text.split("# syntax=docker/dockerfile:1")[1:]:
        assert block.index("RUN dotnet restore") < block.index("COPY . .") < block.index("RUN dotnet publish")


def test_size_figures_carry_their_caveat(built_site):
    text = page_text(built_site / "guide/layers-and-size/index.html")
    assert text.count("Pull sizes are the compressed layers the registry serves") >= 6  # under every size table
    assert "May 2025" not in text and "Registry record as of 20 August 2026." in text.replace("\n", " ")
    korean = page_text(built_site / "ko/guide/layers-and-size/index.html")
    assert korean.count("받는 크기는 레지스트리가 보내는 압축된 레이어를") >= 6
    assert "2026년 8월 20일 기준 레지스트리 기록입니다." in korean.replace("\n", " ")


def test_an_invented_tag_stops_the_build_with_page_and_line(tmp_path):
    import shutil

    from helpers import ROOT, build_site

    project = tmp_path / "project"
    shutil.copytree(
        ROOT, project, ignore=shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache")
    )
    page = project / "docs" / "guide" / "tags.md"
    page.write_text(page.read_text() + '\nSee `{{ image_ref("aspnet", "10.0-nosuchos") }}`.\n')
    result = build_site(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    # guard reports the first line calling the macro; the arguments in the message pin the call down
    assert re.search(
        r"docs/guide/tags\.md:\d+: image_ref\('aspnet', '10\.0-nosuchos'\): "
        r"tag '10\.0-nosuchos' is not in the catalog of dotnet/aspnet \(expected one of: 10\.0",
        output,
    )
    assert "Traceback" not in output


def test_writing_pages_shows_every_registered_macro(built_site):
    """The writers' reference lists one example call for each macro the site registers."""
    from macros.pages import guide, home, images, wizard

    text = (built_site / "reference" / "writing-pages" / "index.html").read_text()
    names = [name for module in (home, images, guide, wizard) for name in module.MACROS]
    missing = [name for name in names if f"<code>{name}</code>" not in text]
    assert not missing, f"add a row to docs/reference/writing-pages.md for: {missing}"
