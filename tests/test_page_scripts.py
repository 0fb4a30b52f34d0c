"""Each of our scripts loads only on the pages that use it (front matter `scripts:`, loaded by
overrides/main.html), and every page that needs one has it."""

from __future__ import annotations

import re

# script -> what on a page needs it
USERS = {
    "tag-filter.js": r"data-tag-filter=",
    "goto-tag.js": r"data-goto-tag=",
    "wizard.js": r"data-wizard[\s>]",
    "checker.js": r"data-checker[\s>]",  # the checker page writes its own script tag
}
# The language switcher (mkdocs.yml extra_javascript) is the one script every page loads.
EVERY_PAGE = {"editions.js"}


def test_scripts_load_exactly_where_they_are_used(built_site):
    pages = sorted(built_site.rglob("index.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        loaded = set(re.findall(r'<script src="[^"]*javascripts/([a-z-]+\.js)"', html))
        needed = EVERY_PAGE | {script for script, marker in USERS.items() if re.search(marker, html)}
        assert loaded == needed, f"{path.relative_to(built_site)}: loads {sorted(loaded)}, uses {sorted(needed)}"
