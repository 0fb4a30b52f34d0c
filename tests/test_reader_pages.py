"""Two audiences: reader pages never speak of the repository's internals, and the reader navigation
holds reader pages only (the writers' reference sits in its own Contributors section)."""

from __future__ import annotations

import re

import yaml

from helpers import ROOT

CONTRIBUTOR_PAGES = {"reference/writing-pages/"}
# Left out for now: the Sources page describes the refresh for maintainers (files, make sync, the workflow).
# `make check-image` is the checker's command line, offered to readers on /check/: not an internal.
INTERNALS = re.compile(r"data/[a-z/]*|make (sync|check|build|schemas)\b(?!-)|macros/|GUIDE_TODAY|\.yml\b|\.github/")


def test_reader_pages_do_not_mention_repository_internals(built_site):
    for path in sorted(built_site.rglob("index.html")):
        url = path.parent.relative_to(built_site).as_posix() + "/"
        if url.removeprefix("ko/") in CONTRIBUTOR_PAGES or url.startswith("team/policy"):
            continue
        article = path.read_text(encoding="utf-8").split('<article class="md-content__inner md-typeset">', 1)[-1]
        article = article.split("</article>", 1)[0]
        text = re.sub(r"<[^>]+>", "", article)
        found = sorted({m.group(0) for m in INTERNALS.finditer(text)})
        assert not found, f"{url} mentions {found}"


def test_the_reader_navigation_holds_reader_pages_only():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = yaml.safe_load(config[config.index("\nnav:") :])["nav"]
    sections = {next(iter(item)): next(iter(item.values())) for item in nav}
    assert list(sections)[-1] == "Contributors"
    contributors = [next(iter(e.values())) for e in sections["Contributors"]]
    assert contributors == ["reference/writing-pages.md"]
    reader = yaml.safe_dump({k: v for k, v in sections.items() if k != "Contributors"})
    assert "writing-pages" not in reader
