"""Site-wide checks on the one strict build of the real site (the `built_site` fixture).

Static checks read every HTML page the build wrote: internal links and anchors resolve, every
image reference is one the catalog holds, and nothing is loaded from another host. Browser
checks open every page in headless Chromium: only the test server is contacted, no uncaught
script error (the `page` fixture), and the content area passes axe-core without a serious or
critical violation. Material's own chrome has known axe findings, so axe looks only at the
content the project writes.
"""

from __future__ import annotations

import html
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from helpers import ROOT

DOCS = ROOT / "docs"


def page_urls() -> list[str]:
    """Every page's URL path (relative to the site root), from the Markdown sources: `page.ko.md` is
    the Korean edition's page, under ko/."""
    urls = []
    for source in sorted(DOCS.rglob("*.md")):
        korean = source.name.endswith(".ko.md")
        relative = source.relative_to(DOCS).with_name(source.name.removesuffix(".ko.md").removesuffix(".md"))
        parts = list(relative.parts)
        if parts[-1] == "index":
            parts = parts[:-1]
        urls.append(("ko/" if korean else "") + "".join(f"{p}/" for p in parts))
    return sorted(urls)


PAGE_URLS = page_urls()
# The browser visits every English page and these Korean ones (the pages with the most generated
# content and script); the static checks above read every page of both editions.
KOREAN_VISITED = ["ko/", "ko/wizard/", "ko/images/aspnet/", "ko/guide/glossary/", "ko/check/"]
VISITED_URLS = [*(u for u in PAGE_URLS if not u.startswith("ko/")), *KOREAN_VISITED]


# --- reading the built HTML ------------------------------------------------------------------

# Tags and attributes that make a browser fetch something while the page loads.
LOADING = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "track": ("src",),
}
# <link rel=...> values that load a resource (canonical, alternate, etc. are only references).
LOADING_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "preload",
    "modulepreload",
    "prefetch",
    "manifest",
    "apple-touch-icon",
    "mask-icon",
}


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.loads: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(key):
                self.ids.add(attrs[key])
        for attribute in ("href", "src"):
            if attrs.get(attribute):
                self.links.append((tag, attribute, attrs[attribute]))
        for attribute in LOADING.get(tag, ()):
            for value in _urls_of(attribute, attrs.get(attribute)):
                self.loads.append((tag, attribute, value))
        if tag == "link" and attrs.get("href") and LOADING_RELS & set((attrs.get("rel") or "").lower().split()):
            self.loads.append((tag, f"href (rel={attrs.get('rel')})", attrs["href"]))


def _urls_of(attribute: str, value: str | None) -> list[str]:
    if not value:
        return []
    if attribute == "srcset":
        return [part.strip().split()[0] for part in value.split(",") if part.strip()]
    return [value]


@cache
def parse(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _is_external(url: str, site_url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return False
    if parts.scheme or url.startswith("//"):
        return not url.startswith(site_url) and parts.netloc != urlsplit(site_url).netloc
    return False


def _target(site: Path, site_url: str, page: Path, url: str) -> tuple[Path, str] | None:
    """The file an internal URL points at, and its fragment; None for external or non-file URLs."""
    if url.startswith(("mailto:", "tel:", "javascript:", "data:", "blob:")):
        return None
    page_url = site_url + page.relative_to(site).as_posix()
    absolute = urljoin(page_url, url)
    if not absolute.startswith(site_url):
        return None
    parts = urlsplit(absolute)
    relative = unquote(parts.path)[len(urlsplit(site_url).path) :]
    path = site / relative
    if relative == "" or relative.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, unquote(parts.fragment)


# --- static checks ---------------------------------------------------------------------------


def test_every_page_source_was_built(built_site):
    missing = [url for url in PAGE_URLS if not (built_site / url / "index.html").exists()]
    assert not missing, f"pages without HTML: {missing}"
    assert (built_site / "404.html").exists()


def test_no_broken_internal_link_or_anchor(built_site, site_url):
    broken = []
    for page in html_pages(built_site):
        for tag, attribute, value in parse(page).links:
            if value == "#" or _is_external(value, site_url):
                continue
            target = _target(built_site, site_url, page, value)
            if target is None:
                continue
            path, fragment = target
            where = f"{page.relative_to(built_site)}: <{tag} {attribute}={value!r}>"
            if not path.exists():
                broken.append(f"{where}: no file {path.relative_to(built_site)}")
            elif fragment and path.suffix == ".html" and fragment not in parse(path).ids:
                broken.append(f"{where}: no id {fragment!r} in {path.relative_to(built_site)}")
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(broken[:60])


def test_sitemap_lists_only_pages_that_exist(built_site, site_url):
    locations = re.findall(r"<loc>(.*?)</loc>", (built_site / "sitemap.xml").read_text())
    assert locations
    missing = [
        loc
        for loc in locations
        if not (built_site / loc.removeprefix(site_url) / "index.html").exists()
        and not (built_site / loc.removeprefix(site_url)).is_file()
    ]
    assert not missing, missing


def test_no_page_loads_anything_from_another_host(built_site, site_url):
    outside = [
        f"{page.relative_to(built_site)}: <{tag} {attribute}={value!r}>"
        for page in html_pages(built_site)
        for tag, attribute, value in parse(page).loads
        if _is_external(value, site_url)
    ]
    assert not outside, "\n".join(outside)


def test_our_styles_import_nothing_from_another_host(built_site):
    """CSS can fetch too (@import, url(...)): our stylesheets and Material's must stay local."""
    found = []
    for sheet in sorted(built_site.rglob("*.css")):
        for url in re.findall(
            r"""(?:@import\s+|url\()\s*['"]?((?:https?:)?//[^'")\s]+)""", sheet.read_text(errors="replace")
        ):
            if not url.startswith("http://www.w3.org/"):  # SVG namespaces inside data: URLs
                found.append(f"{sheet.relative_to(built_site)}: {url}")
    assert not found, "\n".join(found)


# `mcr.microsoft.com/<repository>:<tag>`; every path segment and the tag start with a letter or
# digit, so placeholders such as `mcr.microsoft.com/dotnet/...:tag` are not references.
IMAGE_REFERENCE = re.compile(
    r"mcr\.microsoft\.com/([a-z0-9][a-z0-9._-]*(?:/[a-z0-9][a-z0-9._-]*)*):([A-Za-z0-9_][A-Za-z0-9._-]*)"
)


def test_every_image_reference_is_in_the_catalog(built_site, catalog):
    unknown = set()
    for page in html_pages(built_site):
        text = html.unescape(page.read_text(encoding="utf-8"))
        for repository, tag in IMAGE_REFERENCE.findall(text):
            reference = f"mcr.microsoft.com/{repository}:{tag.rstrip('.')}"  # a sentence may end right after it
            if not catalog.has_reference(reference):
                unknown.add(f"{page.relative_to(built_site)}: {reference}")
    assert not unknown, f"{len(unknown)} image references the catalog does not hold:\n" + "\n".join(sorted(unknown))


# --- in the browser --------------------------------------------------------------------------

SETTLE = "() => new Promise(done => requestIdleCallback(() => requestAnimationFrame(() => done()), {timeout: 1000}))"


class Visit:
    """What one first-time visitor's browser did on one page."""

    def __init__(self, requested, errors, axe_violations):
        self.requested, self.errors, self.axe_violations = requested, errors, axe_violations


@pytest.fixture(scope="module")
def visit(browser, site_server):
    """visit(url) -> Visit, once per page: a fresh browser context (nothing cached, like a first
    visit), every request recorded, uncaught errors collected, axe run on the content area."""
    from axe_playwright_python.sync_playwright import Axe

    axe, done = Axe(), {}

    def run(url: str) -> Visit:
        if url not in done:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            requested, errors = [], []
            page.on("request", lambda request: requested.append(request.url))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(site_server + url, wait_until="load")
            page.evaluate(SETTLE)  # scripts started at load have issued their requests by now
            violations = None
            if page.locator("article.md-content__inner").count() == 1:
                violations = axe.run(
                    page, context={"include": [["article.md-content__inner"]]}, options={"resultTypes": ["violations"]}
                ).response["violations"]
            page.evaluate(SETTLE)
            context.close()
            done[url] = Visit(requested, errors, violations)
        return done[url]

    return run


BROWSER_URLS = [*VISITED_URLS, "404.html"]


@pytest.mark.parametrize("url", BROWSER_URLS)
def test_page_contacts_only_the_site(visit, site_url, url):
    requested = visit(url).requested
    assert requested, "the browser requested nothing (is the server up?)"
    outside = sorted({r for r in requested if not r.startswith(site_url) and not r.startswith(("data:", "blob:"))})
    assert not outside, f"/{url} contacted other hosts: {outside}"


@pytest.mark.parametrize("url", BROWSER_URLS)
def test_page_raises_no_uncaught_error(visit, url):
    assert not visit(url).errors, f"/{url}: {visit(url).errors}"


@pytest.mark.parametrize("url", VISITED_URLS)
def test_page_content_passes_axe(visit, url):
    violations = visit(url).axe_violations
    assert violations is not None, f"/{url} has no article.md-content__inner"
    serious = [v for v in violations if v.get("impact") in ("serious", "critical")]
    report = [
        f"{v['id']} ({v['impact']}): {v['help']}; " + "; ".join(str(n["target"][0]) for n in v["nodes"][:5])
        for v in serious
    ]
    assert not serious, f"/{url}: axe found {len(serious)} serious or critical problems:\n" + "\n".join(report)
