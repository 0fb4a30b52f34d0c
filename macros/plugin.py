"""The `guide` MkDocs plugin (declared in mkdocs.yml, registered in pyproject.toml): the build's glue.

- on_config: Markdown gets the passthrough extension (searchable finished HTML comes back after it);
- on_pre_build: the Guide is loaded and validated once, with Python's cyclic GC paused (see below);
- on_page_content: every page says first when no .NET channel is in support any more, and when the
  tag data is older than STALE_AFTER_DAYS (model/catalog.py; the build also prints a warning);
- on_post_page: the rest of the finished HTML comes back, after search has indexed the page, the page is
  fitted to its language edition (pages/editions.py), and it announces the Atom feed of publishes;
- on_post_build: after the last language's pass, api/catalog.json, api/digests.json, api/checker.json,
  api/tags.json (the "go to tag" box's index), the wizard's data file and the feeds
  (publishes.atom, end-of-support.ics) are written once, at the root, and the search
  index and sitemap are split per language (pages/editions.py), and every tag row is added to each
  edition's search index (render/tag_search.py, pages/search_index.py).

In a team's edition (GUIDE_TEAM=team.yml) it also renames the template page "Our standard" and
renders it from the standard, points the onboarding pages at it, puts the team banner on every
page, and writes the team's policies under team/policy/. Without GUIDE_TEAM none of this runs.
"""

from __future__ import annotations

import gc
import re
import sys
from contextlib import contextmanager
from html import unescape
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import get_relative_url

from .checker.table import TABLE_PATH, checker_json
from .checker.team import team_policy
from .data.load import team_file
from .pages import editions
from .pages.passthrough import PassthroughExtension, restore
from .pages.search_index import add_entries, index_path
from .pages.source import guide, messages
from .render.api import (
    API_PATH,
    DIGESTS_PATH,
    TAGS_PATH,
    render_catalog_json,
    render_digests_json,
    render_tags_json,
)
from .render.feeds import (
    END_OF_SUPPORT_PATH,
    PUBLISHES_PATH,
    feed_link,
    render_end_of_support_calendar,
    render_publish_feed,
)
from .render.html import breakable_inline_codes, labelled_cells
from .render.policies import POLICY_DIR, render_policies
from .render.status import HIDDEN_BY_DEFAULT
from .render.tag_search import search_entries
from .render.team import POINTING_PAGES, STANDARD_PAGE, STANDARD_TITLE, pointing_note, render_standard, team_banner
from .render.texts import outlived_banner, stale_banner
from .render.wizard import DATA_PATH as WIZARD_DATA_PATH
from .render.wizard import wizard_json


class GuidePlugin(BasePlugin):
    def on_config(self, config):
        editions.quiet_handled_warnings()
        config.markdown_extensions.append(PassthroughExtension())
        if team_file() is not None:
            config.nav = _renamed(config.nav, STANDARD_PAGE, STANDARD_TITLE)
        return config

    def on_serve(self, server, *, config, builder):  # noqa: ARG002 - MkDocs' signature
        """`mkdocs serve` rebuilds when team.yml changes too (it may live outside the project)."""
        team = team_file()
        if team is not None and team.exists():
            server.watch(str(team))
        return server

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:  # noqa: ARG002 - MkDocs' signature
        """The team's edition: the standard page from team.yml, and a pointer to it on the onboarding pages."""
        catalog = guide().catalog
        if catalog.team is None:
            return markdown
        # A translated page (team/team-standard.ko.md, mkdocs-static-i18n's suffix layout) counts as the page.
        path = re.sub(r"\.[a-z]{2}(?:_[A-Z]{2})?\.md$", ".md", page.file.src_uri)
        if path == STANDARD_PAGE:
            page.meta["render_macros"] = False  # the page is finished Markdown; team.yml text is never a macro
            return render_standard(catalog, messages())
        if path in POINTING_PAGES:
            return _after_title(markdown, pointing_note(catalog, messages()))
        return markdown

    def on_pre_build(self, *, config) -> None:
        # The Guide is tens of thousands of small objects, made at once and kept for the build.
        # Python's cyclic GC would walk all of them on every full collection while pages render;
        # that made the build grow faster than the catalog. They hold no reference cycles worth
        # collecting, so the collector is paused while they are made and then told to leave them
        # alone (gc.freeze). A rebuild (mkdocs serve) unfreezes first, so the old Guide can go.
        with paused_gc():
            catalog = guide().catalog
        if catalog.stale_days and editions.language(config) == editions.DEFAULT:  # once, not once per language
            # Printed, not logged: a logged warning would stop a strict build, and old data is no error.
            print(
                f"warning: the tag data is {catalog.stale_days} days old (from {catalog.data_date}); run the refresh "
                "(make sync with newer upstream data) to publish current tags",
                file=sys.stderr,
            )

    def on_page_content(self, html: str, *, page, config, files) -> str:  # noqa: ARG002 - MkDocs' signature
        catalog = guide().catalog
        t = messages()
        banners = [outlived_banner(catalog.today, t)] if catalog.outlived else []
        if catalog.team is not None:
            banners.append(team_banner(catalog, get_relative_url("team/team-standard/", page.url), t))
        if catalog.stale_days:
            banners.append(stale_banner(catalog.stale_days, get_relative_url("reference/sources/", page.url), t))
        return "".join(map(str, banners)) + editions.twin_anchors(html, page, editions.language(config))

    def on_page_context(self, context, *, page, config, nav):  # noqa: ARG002 - MkDocs' signature
        """Every page gets its own meta description: its front matter's, else its first paragraph."""
        if not page.meta.get("description") and page.content:
            page.meta["description"] = page_description(page.content)
        return context

    def on_post_page(self, output: str, *, page, config) -> str:
        # Relative, so it also holds on pages of another language under their own folder.
        output = labelled_cells(breakable_inline_codes(restore(output)))
        if page is None:  # a page MkDocs did not make (tests call the hook with finished HTML only)
            return output
        permalink = (guide().messages[editions.DEFAULT].text("page.permalink"), messages().text("page.permalink"))
        output = editions.edition_page(output, page.url, editions.language(config), permalink)
        link = feed_link(get_relative_url(PUBLISHES_PATH, page.url))
        return output.replace("</head>", f"{link}\n</head>", 1)

    # After the i18n plugin's on_post_build (-100), which runs the other languages' passes inside the
    # English one: the last call here is the English pass's, once every language is written.
    @event_priority(-110)
    def on_post_build(self, *, config) -> None:
        if not editions.is_last_pass(config):
            return
        site_dir = Path(config.site_dir)
        langs = editions.languages(config)
        if len(langs) > 1:
            editions.split_search_index(site_dir, langs)
            editions.split_sitemap(site_dir, config.site_url or "", langs)
        loaded = guide()
        catalog = loaded.catalog
        for lang in langs:  # every tag row findable by the site search, in the edition's words
            add_entries(index_path(site_dir, lang, editions.DEFAULT), search_entries(catalog, loaded.messages[lang]))
        site_url = config.site_url or ""
        files = (
            (API_PATH, render_catalog_json(catalog)),
            (DIGESTS_PATH, render_digests_json(catalog)),
            (TAGS_PATH, render_tags_json(catalog, loaded.legacy)),
            (WIZARD_DATA_PATH, wizard_json(loaded.wizard, catalog)),
            # The checker's rules (/check/, CLI); a team's edition adds its standard as one more verdict.
            (TABLE_PATH, checker_json(loaded, _team_policies(loaded), hidden_statuses=HIDDEN_BY_DEFAULT)),
            (PUBLISHES_PATH, render_publish_feed(catalog, site_url)),
            (END_OF_SUPPORT_PATH, render_end_of_support_calendar(catalog, site_url)),
        )
        for path, text in files:
            target = Path(config.site_dir) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        if catalog.team is not None:
            folder = Path(config.site_dir) / POLICY_DIR
            folder.mkdir(parents=True, exist_ok=True)
            for name, text in render_policies(catalog).items():
                (folder / name).write_text(text, encoding="utf-8")


def _team_policies(loaded) -> list:
    """A team's standard as the checker's extra verdict, its reasons in English (the table's language)."""
    return [team_policy(loaded.catalog, loaded.messages["en"])] if loaded.catalog.team is not None else []


def _renamed(nav, path: str, title: str):
    """The nav with the entry for `path` given another title (lists of one-key mappings, nested)."""
    if isinstance(nav, list):
        return [_renamed(item, path, title) for item in nav]
    if isinstance(nav, dict):
        return {(title if value == path else key): _renamed(value, path, title) for key, value in nav.items()}
    return nav


def _after_title(markdown: str, note: str) -> str:
    """The page with `note` right after its first `# ` heading (or first, without one)."""
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join([*lines[: index + 1], "", note, *lines[index + 1 :]])
    return note + "\n" + markdown


def page_description(html: str, limit: int = 160) -> str:
    """The first paragraph of a page as plain text, cut at a word before `limit` characters."""
    html = re.sub(r'<div class="admonition.*?</div>', "", restore(html), flags=re.S)  # banners, notes
    for paragraph in re.findall(r"<p>(.*?)</p>", html, re.S):
        words = " ".join(unescape(re.sub(r"<[^>]+>", "", paragraph)).split())
        if len(words) >= 40:
            return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + "…"
    return ""


@contextmanager
def paused_gc():
    """Make many long-lived objects without the cyclic GC, then freeze them (see on_pre_build)."""
    gc.unfreeze()
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
