"""The tag rows in the site search index (render/tag_search.py, pages/search_index.py), read from the built
site: every documented tag is in an entry of its repository page, every entry lands on an anchor that
exists, entries follow their page in the index (Material groups them under it), in each edition's words."""

from __future__ import annotations

import json
import re

import pytest

from macros.pages.search_index import add_entries
from macros.render.tag_search import ROW_BOOST


def _index(built_site, lang: str) -> list[dict]:
    folder = built_site / ("ko" if lang == "ko" else "")
    return json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_tag_is_in_an_entry_that_lands_on_an_existing_row(built_site, catalog, lang):
    docs = _index(built_site, lang)
    rows = [d for d in docs if "#tag-" in d["location"]]
    for model in catalog.repositories:
        path = model.page
        html = (built_site / ("ko" if lang == "ko" else "") / path / "index.html").read_text(encoding="utf-8")
        anchors = set(re.findall(r'id="(tag-[^"]+)"', html))
        entries = [d for d in rows if d["location"].startswith(path + "#")]
        titled = {tag for d in entries for tag in d["title"].split(" ")}
        assert set(model.images_by_tag) <= titled, (path, sorted(set(model.images_by_tag) - titled)[:5])
        missing = [d["location"] for d in entries if d["location"].split("#")[1] not in anchors]
        assert not missing, missing[:5]
        assert all(d["boost"] == ROW_BOOST for d in entries)
    assert len({d["location"] for d in docs}) == len(docs)  # one entry per location (lunr's ref)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_pages_rows_follow_its_own_entries(built_site, lang):
    docs = _index(built_site, lang)
    pages = [d["location"].split("#")[0] for d in docs]
    for position, doc in enumerate(docs):
        if "#tag-" in doc["location"]:
            page = pages[position]
            first = pages.index(page)
            assert "#" not in docs[first]["location"] and all(p == page for p in pages[first:position]), doc


def test_korean_rows_speak_korean(built_site):
    row = next(d for d in _index(built_site, "ko") if "#tag-8.0" in d["location"] and "·" in d["text"])
    assert "다중 플랫폼" in row["text"] or "버전" in row["text"], row
    assert "version " not in row["text"] and "end of life" not in row["text"], row


def test_entries_go_after_the_last_entry_of_their_page_and_unknown_pages_get_none(tmp_path):
    index = tmp_path / "search_index.json"
    docs = [{"location": "a/"}, {"location": "a/#x"}, {"location": "b/"}, {"location": "b/#y"}, {"location": "c/"}]
    index.write_text(json.dumps({"config": {}, "docs": docs}), encoding="utf-8")
    added = add_entries(index, {"a/": [{"location": "a/#tag-1"}], "b/": [{"location": "b/#tag-2"}], "z/": [{}]})
    order = [d["location"] for d in json.loads(index.read_text(encoding="utf-8"))["docs"]]
    assert added == 2
    assert order == ["a/", "a/#x", "a/#tag-1", "b/", "b/#y", "b/#tag-2", "c/"]
