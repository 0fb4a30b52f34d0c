"""Search-index entries for tags: one per row of a repository page that has an anchor (`#tag-…`), so the
site search finds an exact tag and lands on its row, with a snippet that reads as a sentence.

Material's search indexes a page by its headings, so a tag in a table cell used to be found only as
part of a whole section whose snippet ran the cells together. These entries are written into each
edition's index after the page's own entries: Material then groups them under their page (one result
per page, its rows behind "more on this page"), so a word such as "alpine" does not flood the results
with rows. Their lower document boost keeps guide prose first for words; a tag's own tokens (title
field, boosted by Material) still put its row first for an exact tag.
"""

from __future__ import annotations

from ..model.catalog import Catalog, Image, RepositoryModel
from ..model.messages import Messages
from .status import channel_status, status_words
from .texts import tag_anchor

# Below 1: a row outranks prose only when the query names its tag (Material's `boost`, per document).
ROW_BOOST = 0.2


def _facts(catalog: Catalog, model: RepositoryModel, images: list[Image], t: Messages) -> list[str]:
    first = images[0]
    platforms = ", ".join(dict.fromkeys(catalog.architectures[i.architecture].docker_platform for i in images))
    versions = ", ".join(dict.fromkeys(i.version for i in images if i.version))
    known = channel_status(catalog, model, first.channel)
    facts = [model.info.repository, ", ".join(dict.fromkeys(catalog.os_name(i) for i in images)), platforms]
    facts += [t.text("tags.version", version=versions)] if versions else []
    facts += [status_words(known, t)] if known else []
    return facts


def _entry(model: RepositoryModel, tags: list[str], facts: list[str]) -> dict:
    return {
        "location": model.page + "#" + tag_anchor(tags[0]),
        "title": " ".join(tags),
        "text": " · ".join(facts),
        "boost": ROW_BOOST,
    }


def tag_entries(catalog: Catalog, model: RepositoryModel, t: Messages) -> list[dict]:
    """The page's rows: each multi-platform tag row, then each platform image row that anchors a tag."""
    entries = []
    for group in model.tag_groups:
        if model.is_multi_platform(group.tag):
            facts = _facts(catalog, model, list(group.images), t)
            facts.insert(1, t.text("tags.multi_platform").rstrip(":"))
            entries.append(_entry(model, [*group.floating, *group.fixed], facts))
    for image in model.images:
        if image.platform_tags:
            entries.append(_entry(model, list(image.platform_tags), _facts(catalog, model, [image], t)))
    return entries


def search_entries(catalog: Catalog, t: Messages) -> dict[str, list[dict]]:
    """Entries by page location, for every repository page."""
    return {model.page: tag_entries(catalog, model, t) for model in catalog.repositories}
