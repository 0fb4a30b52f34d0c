"""Every English reader page has a Korean twin (`page.ko.md` beside `page.md`), written in Korean, with the
same outline; only the pages in ENGLISH_ONLY stay English (the i18n plugin shows them under /ko/ as they are).

Read from docs/, no build: a new English page without its Korean twin fails here first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import ROOT

DOCS = ROOT / "docs"
# Pages for people who work on the guide or build on its data, not for readers choosing an image:
# the Korean edition links to them, in English. Every other page needs its `.ko.md`.
ENGLISH_ONLY = {
    "reference/writing-pages.md",  # how to write pages and call macros: contributors
    "reference/catalog-api.md",  # the JSON API's fields, for scripts: developers integrating the data
}
SEED = Path("/work/shared/seed") if Path("/work/shared/seed").exists() else ROOT.parent / "shared" / "seed"
_FENCE = re.compile(r"^(```|~~~)")
_HANGUL = re.compile(r"[가-힣]")


def _english_pages() -> list[str]:
    return sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md") if not p.name.endswith(".ko.md"))


def _twin(source: str) -> Path:
    return DOCS / (source.removesuffix(".md") + ".ko.md")


def _outline(path: Path) -> list[int]:
    """Heading levels in order, code blocks left out."""
    levels, fenced = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if _FENCE.match(line.strip()):
            fenced = not fenced
        elif not fenced and (m := re.match(r"^(#{1,6}) ", line)):
            levels.append(len(m.group(1)))
    return levels


READER_PAGES = [p for p in _english_pages() if p not in ENGLISH_ONLY]
TWINS = sorted(DOCS.rglob("*.ko.md"))


def test_the_english_only_list_names_pages_that_exist():
    assert set(_english_pages()) >= ENGLISH_ONLY, sorted(ENGLISH_ONLY - set(_english_pages()))


@pytest.mark.parametrize("source", READER_PAGES)  # (not "page": that name marks a browser test)
def test_every_reader_page_has_a_korean_twin(source):
    assert _twin(source).is_file(), (
        f"docs/{source} has no Korean twin: write docs/{_twin(source).relative_to(DOCS)} "
        "(natural Korean, 합니다 style), "
        "or, for a page only contributors read, add it to ENGLISH_ONLY in tests/test_korean_pages.py"
    )


@pytest.mark.parametrize("twin", TWINS, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_a_korean_page_has_an_english_original_and_its_outline(twin):
    """Same heading levels in the same order: each Korean heading then also carries the English anchor
    (macros/pages/editions.py), so links to `page.md#english-anchor` work in both editions."""
    original = twin.with_name(twin.name.replace(".ko.md", ".md"))
    assert original.is_file(), f"{twin.name} has no English original"
    assert _outline(twin) == _outline(original), f"{twin.relative_to(DOCS)}: outline differs from {original.name}"


@pytest.mark.parametrize("twin", TWINS, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_a_korean_page_is_written_in_korean(twin):
    prose = re.sub(
        r"```.*?```|`[^`]*`|\{\{.*?\}\}|\{%.*?%\}|\([^)]*\)|<[^>]+>", " ", twin.read_text(encoding="utf-8"), flags=re.S
    )
    letters = re.findall(r"[A-Za-z가-힣]", prose)
    hangul = sum(1 for c in letters if _HANGUL.match(c))
    assert hangul / max(len(letters), 1) > 0.5, f"{twin.name}: mostly not Korean ({hangul}/{len(letters)} letters)"
    assert re.search(r"(니다|세요)[.:]?\s", prose), f"{twin.name}: no sentence in 합니다 style"


def _seed_sentences() -> list[str]:
    """The Korean sentences of the seed page (its data-ttu-id spans), long enough to be recognisable."""
    text = "".join(p.read_text(encoding="utf-8") for p in SEED.glob("*.md"))
    spans = re.findall(r'<span data-ttu-id="[^"]+">(.*?)</span>', text)
    plain = (re.sub(r"<[^>]+>|\[([^\]]*)\]\([^)]*\)", r"\1", s).strip() for s in spans)
    return [s for s in plain if len(s) >= 25 and _HANGUL.search(s)]


def test_no_korean_page_copies_a_sentence_of_the_seed_page():
    sentences = _seed_sentences()
    assert len(sentences) > 20, "the seed page was not found or not read"
    copied = []
    for twin in TWINS:
        text = re.sub(r"\s+", " ", twin.read_text(encoding="utf-8"))
        copied += [f"{twin.name}: {s}" for s in sentences if s in text or s[:25] in text]
    assert not copied, copied


def test_every_navigation_title_has_a_korean_translation():
    """The i18n plugin shows an untranslated title in English: mkdocs.yml's nav_translations must name them all."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config[config.index("\nnav:") :]
    titles = set(re.findall(r"^\s*- ([^:\n]+):", nav, re.M))
    translations = config[config.index("nav_translations:") : config.index("\nnav:")]
    translated = set(re.findall(r"^ {12}(.+?): ", translations, re.M))
    assert titles and not titles - translated, sorted(titles - translated)
