"""The language editions (English at /, Korean at /ko/): what the `guide` plugin does around the i18n plugin.

mkdocs-static-i18n builds the English site, then runs MkDocs again for every other language, into
`<site>/<lang>/`, over the same plugins. Three things need care, and this module holds them:

- files written once per site (api/*.json) must be written once, at the root: `is_last_pass`;
- Material's search reads `search/search_index.json` from the page's site root, and the i18n
  plugin writes one index with every language in it. A reader must only find pages in their own
  language, so the index is split: English at the root, Korean at `ko/search/`, and each Korean page
  tells Material that its site root is `ko/` (`edition_page`);
- Material's instant navigation would fetch the other edition's page into this one, keeping this
  page's `<html lang>`, search index and labels; the language switcher's links load the page instead;
- a link to `page.md#english-anchor` (from an English page that the Korean edition keeps in English,
  or a link kept when switching language) must land in the Korean page too, whose headings have
  Korean anchors: every Korean heading also carries the anchor of the English heading in the same
  place, when the two pages have the same outline (`twin_anchors`).
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from markupsafe import escape
from mkdocs.utils import get_relative_url

DEFAULT = "en"
_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">[^<]*?"base": )"[^"]*"')
_SWITCHER_LINK = re.compile(r'<a href="([^"]*)" hreflang="([a-z]{2})" class="md-select__link">')
_HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="([a-z]{2})">')
# A relative URL, in an attribute, of a file that exists once per site: api/*.json, our scripts and styles.
_ROOT_FILES = re.compile(r'(=")((?:\.\./)+)(api/|javascripts/|stylesheets/)')
_SITEMAP_URL = re.compile(r"\s*<url>.*?</url>", re.S)


class _SwitcherHandled(logging.Filter):
    """Drops the i18n plugin's warning that its switcher and instant navigation do not mix: the
    switcher's links load the page (edition_page), which is what the warning asks for. In a strict
    build every other warning still stops the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "language switcher contextual link is not compatible" not in record.getMessage()


def quiet_handled_warnings() -> None:
    logger = logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure")
    if not any(isinstance(f, _SwitcherHandled) for f in logger.filters):
        logger.addFilter(_SwitcherHandled())


# The English pass runs first: each English page's outline, by source path, for its Korean twin.
_english_outlines: dict[str, list[tuple[int, str]]] = {}


def _outline(toc) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for item in toc:
        found += [(item.level, item.id), *_outline(item.children)]
    return found


def twin_anchors(html: str, page, lang: str) -> str:
    """Remember an English page's outline; give each heading of its translation the English anchor too."""
    source = page.file.src_uri
    if lang == DEFAULT:
        _english_outlines[source] = _outline(page.toc)
        return html
    english = _english_outlines.get(source.replace(f".{lang}.md", ".md"))
    own = _outline(page.toc)
    if not english or [level for level, _ in english] != [level for level, _ in own]:
        return html
    for (level, anchor), (_, english_anchor) in zip(own, english, strict=True):
        if anchor != english_anchor:
            heading = f'<h{level} id="{anchor}">'
            html = html.replace(heading, f'{heading}<span id="{english_anchor}"></span>', 1)
            page.present_anchor_ids.add(english_anchor)  # MkDocs checks links to anchors after this
    return html


def _i18n(config):
    return config.plugins.get("i18n")


def language(config) -> str:
    """The language this MkDocs pass builds ("en" when the i18n plugin is not there)."""
    plugin = _i18n(config)
    return (plugin.current_language or DEFAULT) if plugin else DEFAULT


def languages(config) -> list[str]:
    """Every language this build writes, the default first."""
    plugin = _i18n(config)
    return plugin.build_languages if plugin else [DEFAULT]


def is_last_pass(config) -> bool:
    """False while the i18n plugin runs its pass for another language (inside the English pass's on_post_build)."""
    plugin = _i18n(config)
    return not (plugin and plugin.building)


def edition_page(html: str, page_url: str, lang: str, permalink: tuple[str, str] = ("", "")) -> str:
    """A finished page of edition `lang`: its switcher links load the other edition, and a page that is
    not English finds its own site root (and so its own search index and sitemap) under `<lang>/`;
    `permalink` is (English, this language's) title of the headings' permanent links (Python-Markdown's
    toc writes one title for the whole site)."""
    html = _SWITCHER_LINK.sub(r'<a href="\1" hreflang="\2" class="md-select__link" target="_self">', html)
    html = _HEAD_ALTERNATE.sub(lambda m: _edition_root_link(m.group(1), page_url), html)
    if lang == DEFAULT:
        return html
    english, own = permalink
    if english and own != english:
        html = html.replace(f'title="{escape(english)}">&para;</a>', f'title="{escape(own)}">&para;</a>')
    root = get_relative_url(f"{lang}/", page_url)
    # Files that exist once, at the site root (api/, our scripts and styles): a URL a template wrote for
    # the English page lands one folder short, inside <lang>/, so it goes one level further up.
    depth = page_url.strip("/").count("/") + 1 if page_url.strip("/") else 1
    html = _ROOT_FILES.sub(
        lambda m: m.group(1) + ("../" if len(m.group(2)) // 3 == depth - 1 else "") + m.group(2) + m.group(3), html
    )
    return _CONFIG_BASE.sub(lambda m: m.group(1) + json.dumps(root), html, count=1)


def _edition_root_link(lang: str, page_url: str) -> str:
    """The head's `<link rel="alternate" hreflang>` of an edition, pointing at the edition's root.

    Material fetches `sitemap.xml` beside every alternate link's address; a page-level address has no
    sitemap beside it, so each page logged a 404 (Lighthouse's errors-in-console). The page-to-page
    pairs search engines need are in the root sitemap (`<xhtml:link hreflang>` per page); the visible
    switcher keeps its page-level links."""
    root = get_relative_url("" if lang == DEFAULT else f"{lang}/", page_url)
    return f'<link rel="alternate" href="{escape(root.rstrip("/") + "/")}" hreflang="{lang}">'


def split_search_index(site_dir: Path, langs: list[str]) -> dict[str, int]:
    """Rewrite the i18n plugin's one index as one per language; return how many entries each holds.

    Entries of `ko/...` go to `ko/search/search_index.json` with locations relative to `ko/`; every
    other entry stays at the root. Each index names its own search languages: English alone at the
    root, as before the Korean edition (lunr's multi-language trimmer drops digits, which would cut
    `10.0` out of tag searches), and the edition's language with English under it."""
    path = site_dir / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    others = [lang for lang in langs if lang != DEFAULT]
    by_lang: dict[str, list[dict]] = {lang: [] for lang in langs}
    for doc in index["docs"]:
        lang = next((lang for lang in others if doc["location"].startswith(f"{lang}/")), DEFAULT)
        if lang != DEFAULT:
            doc = dict(doc, location=doc["location"][len(lang) + 1 :])
        by_lang[lang].append(doc)
    for lang, docs in by_lang.items():
        target = path if lang == DEFAULT else site_dir / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        config = {**index["config"], "lang": [DEFAULT] if lang == DEFAULT else [DEFAULT, lang]}
        text = json.dumps({**index, "config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        target.write_text(text, encoding="utf-8")
    return {lang: len(docs) for lang, docs in by_lang.items()}


def split_sitemap(site_dir: Path, site_url: str, langs: list[str]) -> None:
    """Give each other edition a sitemap of its own pages: Material's instant navigation reads the
    sitemap at the page's site root to know which links it may fetch (the root one lists every
    language, with its alternates, for search engines)."""
    sitemap = site_dir / "sitemap.xml"
    text = sitemap.read_text(encoding="utf-8")
    urls = _SITEMAP_URL.findall(text)
    first = _SITEMAP_URL.search(text)
    head, tail = text[: first.start()] if first else text[: text.index("</urlset>")], "\n</urlset>\n"
    for lang in langs:
        if lang == DEFAULT:
            continue
        own = [u for u in urls if f"<loc>{site_url}{lang}/" in u]
        (site_dir / lang / "sitemap.xml").write_text(head + "".join(own) + tail, encoding="utf-8")
