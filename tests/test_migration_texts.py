"""The migration notes and the old names in Korean (data/messages/migrations.ko.yml, legacy.ko.yml): every change
of data/migrations.yml has its title, what and do, every old name of legacy.yml its texts, nothing else, keeping
the English text's tags and commands; a gap is a located problem (also through the one loader, so the build
stops); /ko/guide/migrations/ and /ko/guide/legacy-names/ show the Korean and none of the English."""

from __future__ import annotations

import datetime
import html
import re

import pytest

from helpers import ROOT, TODAY, line_containing, replace_once
from macros.data.errors import DataError
from macros.data.load import load_guide, load_migrations
from macros.data.messages import MIGRATION_FIELDS, load_legacy_texts, load_migration_texts

KOREAN = "messages/migrations.ko.yml"


@pytest.fixture(scope="module")
def changes(catalog):
    return load_migrations(ROOT / "data" / "migrations.yml", catalog).changes


def _problems(path, changes) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_migration_texts(path, changes, path.parent.parent)
    return [str(p) for p in caught.value.problems]


def test_every_change_has_its_korean_title_what_and_do(changes):
    texts = load_migration_texts(ROOT / "data" / KOREAN, changes, ROOT)
    assert set(texts) == {c.id for c in changes} and len(changes) >= 10
    for change in changes:
        assert set(texts[change.id]) == set(MIGRATION_FIELDS)
        for field in MIGRATION_FIELDS:
            korean = texts[change.id][field]
            assert re.search(r"[가-힣]", korean), (change.id, field)
            assert korean != " ".join(getattr(change, field).split())


def test_a_missing_or_extra_change_or_field_is_a_located_problem(data_copy, changes):
    path = data_copy / KOREAN
    replace_once(path, "  no-zlib:\n", "  no-zlip:\n")  # a change migrations.yml does not have, and one missing
    replace_once(path, "    do: apt-get install", "    todo: apt-get install")  # debian-12: do missing, todo extra
    problems = _problems(path, changes)
    changes_line = line_containing(path, "changes:")
    debian = line_containing(path, "  debian-12:")
    assert problems == [
        f"{KOREAN}:{changes_line}: changes.no-zlib: missing: every change of data/migrations.yml needs its texts",
        f"{KOREAN}:{debian}: changes.debian-12.do: missing",
        f"{KOREAN}:{line_containing(path, '    todo:')}: changes.debian-12.todo: "
        "expected one of ('title', 'what', 'do')",
        f"{KOREAN}:{line_containing(path, '  no-zlip:')}: changes.no-zlip: not a change of data/migrations.yml",
    ], problems


def test_a_translation_that_loses_a_tag_or_command_or_is_empty_is_a_located_problem(data_copy, changes):
    path = data_copy / KOREAN
    replace_once(path, "-nanoserver-ltsc2022로 끝나는", "nanoserver로 끝나는")
    replace_once(path, "    title: SDK 이미지에는 Node.js가 없습니다", '    title: ""')
    problems = _problems(path, changes)
    empty = line_containing(path, 'title: ""')
    assert problems == [
        f"{KOREAN}:{empty}: changes.no-node-in-sdk.title: expected a text, got ''",
        f"{KOREAN}:{line_containing(path, 'nanoserver로') - 1}: changes.windows-not-multi-platform.do: "  # `do: >-`
        "expected the English text's -nanoserver-ltsc2022 as they are",
    ], problems


def test_the_loader_stops_on_a_missing_korean_text(data_copy):
    """Through load_guide (the build and `make check`): the file and line, with the other files' problems."""
    path = data_copy / KOREAN
    text = path.read_text(encoding="utf-8")
    start = text.index("  alpine-moves:")
    path.write_text(text[:start], encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_guide(data_copy, on=datetime.date.fromisoformat(TODAY))
    assert [str(p) for p in caught.value.problems] == [
        f"data/{KOREAN}:{line_containing(path, 'changes:')}: changes.alpine-moves: "
        "missing: every change of data/migrations.yml needs its texts"
    ]


def _sentences(text: str) -> list[str]:
    """The English text's sentences and clauses long enough to be unmistakably English prose (three plain
    words at least: a command such as `docker run -p 8000:8080` stays as it is in every language)."""
    pieces = (p.strip(" .;:,") for p in re.split(r"(?<=[.;:,])\s+|\s+\(|\)\s*", " ".join(text.split())))
    return [p for p in pieces if len(p) >= 14 and len(re.findall(r"(?<![\w/.-])[a-z]+(?![\w/.-])", p)) >= 3]


def _article(page) -> str:
    text = page.read_text(encoding="utf-8")
    return html.unescape(text[text.index("<article") : text.index("</article>")])


def test_the_korean_migrations_page_shows_the_korean_texts_and_no_english_sentence(built_site, changes):
    from macros.data.messages import load_messages

    korean = _article(built_site / "ko" / "guide" / "migrations" / "index.html")
    english = _article(built_site / "guide" / "migrations" / "index.html")
    texts = load_migration_texts(ROOT / "data" / KOREAN, changes, ROOT)
    words = load_messages(ROOT / "data" / "messages", ROOT)
    chrome = [
        words["en"].texts[k]
        for k in ("migrations.old_names", "migrations.leaving", "migrations.what_to_do", "migrations.source")
    ]
    sentences = [s for c in changes for field in MIGRATION_FIELDS for s in _sentences(getattr(c, field))]
    assert len(sentences) > 40
    missing_in_english = [s for s in sentences + chrome if s not in english]
    assert not missing_in_english, missing_in_english  # the test reads what the English page says
    shown = [f"{s!r}" for s in sentences + chrome if s in korean]
    assert not shown, "English of data/migrations.yml on /ko/guide/migrations/:\n" + "\n".join(shown)
    for change in changes:
        assert f'id="{change.id}"' in korean  # the checker's links land on the same anchors in both editions
        for field in MIGRATION_FIELDS:
            assert texts[change.id][field] in korean, (change.id, field)
    assert ".NET 6.0 → .NET 8.0" in korean and "<strong>.NET 8.0부터</strong> · Linux 이미지 · Alpine 이미지" in korean


# --- the old names (data/messages/legacy.ko.yml) ------------------------------------------------------------

LEGACY_KOREAN = "messages/legacy.ko.yml"


@pytest.fixture(scope="module")
def legacy():
    return load_guide(on=datetime.date.fromisoformat(TODAY)).legacy


def test_a_gap_in_the_korean_old_names_is_a_located_problem(data_copy, legacy):
    path = data_copy / LEGACY_KOREAN
    replace_once(path, "      - when: 2019년 3월\n    why: >-\n      .NET Core와", "    why: >-\n      .NET Core와")
    replace_once(path, "    why: 샘플 이미지는", "    reason: 샘플 이미지는")
    replace_once(path, 'to: "microsoft/dotnet:2.1-sdk(Node.js 없음)"', 'to: "microsoft/dotnet(Node.js 없음)"')
    replace_once(path, "  microsoft/wcf:\n", "  microsoft/wfc:\n")
    with pytest.raises(DataError) as caught:
        load_legacy_texts(path, legacy, path.parent.parent)
    problems = [str(p) for p in caught.value.problems]
    samples = line_containing(path, "  microsoft/dotnet-samples:")
    assert problems == [
        f"{LEGACY_KOREAN}:6: legacy.microsoft/wcf: missing: every old name of data/legacy.yml needs its texts",
        f"{LEGACY_KOREAN}:{line_containing(path, 'Node.js 없음')}: legacy.microsoft/aspnetcore-build.moves[0].to: "
        "expected the English text's microsoft/dotnet:2.1-sdk as they are",
        f"{LEGACY_KOREAN}:{samples}: legacy.microsoft/dotnet-samples.why: missing",
        f"{LEGACY_KOREAN}:{line_containing(path, 'reason:')}: legacy.microsoft/dotnet-samples.reason: "
        "expected one of ('used', 'moves', 'why')",
        f"{LEGACY_KOREAN}:{line_containing(path, '  microsoft/dotnet-framework:') + 2}: "
        "legacy.microsoft/dotnet-framework.moves: expected a list of 1 moves, as in English",
        f"{LEGACY_KOREAN}:{line_containing(path, '  microsoft/wfc:')}: legacy.microsoft/wfc: "
        "not an old name of data/legacy.yml",
    ], problems


def _plain(text: str) -> str:
    """Text without tags, code marks and quotes (Markdown turns `x` into <code> and "x" into curly quotes)."""
    return re.sub(r"<[^>]+>|[`\"“”]", "", text)


def test_the_korean_old_names_page_shows_no_english_of_legacy_yml(built_site, legacy):
    korean = _plain(_article(built_site / "ko" / "guide" / "legacy-names" / "index.html"))
    english = _plain(_article(built_site / "guide" / "legacy-names" / "index.html"))
    texts = [_plain(e.why) for e in legacy.legacy] + [_plain(e.today_note) for e in legacy.legacy if e.today_note]
    sentences = [s for text in texts for s in _sentences(text)]
    dates = [m.when for e in legacy.legacy for m in e.moves if re.search(r"[A-Z][a-z]{2} \d{4}", m.when)]
    assert len(sentences) > 15 and len(dates) > 10
    assert all(s in english for s in sentences + dates)  # what the test looks for is what English shows
    shown = [s for s in sentences + dates if s in korean]
    assert not shown, f"English of data/legacy.yml on /ko/guide/legacy-names/: {shown}"
    assert "예전 이름" in korean and "2019년 2–3월" in korean and "Old name" not in korean
