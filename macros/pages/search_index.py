"""Entries the build adds to a finished search index (Material's search/search_index.json): the tag rows
of the repository pages (render/tag_search.py), each placed right after its page's own entries.

Material's search relies on that order: the first entry of a path is the page, and every later entry
with the same path and an anchor is a section of it, shown grouped under the page.
"""

from __future__ import annotations

import json
from pathlib import Path


def index_path(site_dir: Path, lang: str, default: str) -> Path:
    """Where an edition's search index is: the root's for the default language, `<lang>/search/` else."""
    return site_dir / ("" if lang == default else lang) / "search" / "search_index.json"


def add_entries(path: Path, entries_by_page: dict[str, list[dict]]) -> int:
    """Insert each page's entries after the page's last entry; pages missing from the index get none.
    Returns how many entries were added."""
    index = json.loads(path.read_text(encoding="utf-8"))
    docs, added = [], 0
    pending = dict(entries_by_page)
    for position, doc in enumerate(index["docs"]):
        docs.append(doc)
        page = doc["location"].split("#", 1)[0]
        following = (
            index["docs"][position + 1]["location"].split("#", 1)[0] if position + 1 < len(index["docs"]) else None
        )
        if page in pending and following != page:
            entries = pending.pop(page)
            docs += entries
            added += len(entries)
    index["docs"] = docs
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return added
