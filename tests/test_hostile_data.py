"""Red team, data side: hostile or broken data files stop the loader with file:line (no traceback), and
text that passes reaches pages inert (escaped, Markdown neutralised) by the one escaping rule."""

from __future__ import annotations

import datetime
import os

import markdown
import pytest

from helpers import line_containing, replace_once
from macros.data.errors import DataError
from macros.data.load import load_guide
from macros.render.html import code, markdown_table, prose, text

TODAY = datetime.date(2026, 11, 28)


def _problems(data_dir) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_guide(data_dir, on=TODAY)
    return [str(p) for p in caught.value.problems]


def _one(data_dir, expected_start: str, expected_text: str) -> None:
    problems = _problems(data_dir)
    assert any(p.startswith(expected_start) and expected_text in p for p in problems), problems


# --- upstream values outside their grammar (a sync bug or a hand edit of data/catalog) ------------

GRAMMAR = [
    ("a tag with markup", "11.0-preview-alpine3.24-amd64,", "<s>,", "platform_tags[1]", "expected a Docker tag"),
    (
        "a tag that is a Markdown link",
        "shared_tags: [11.0.0-preview.7-alpine3.24,",
        "shared_tags: ['10.0-[md](javascript:alert(1))',",
        "shared_tags[0]",
        "expected a Docker tag",
    ),
    (
        "a version with markup",
        "version: 10.0.11",
        "version: '13.5.1 <img src=x onerror=alert(1)>'",
        "version",
        "version",
    ),
    (
        "a Dockerfile path leaving the repository",
        "dockerfile: src/aspnet/11.0/alpine3.24/amd64",
        "dockerfile: src/../../../etc",
        "dockerfile",
        "without '..'",
    ),
    (
        "an absolute Dockerfile path",
        "dockerfile: src/aspnet/11.0/alpine3.24/amd64",
        "dockerfile: /etc/passwd",
        "dockerfile",
        "relative path",
    ),
    ("a negative size", "size_bytes: 206003084", "size_bytes: -123000000", "size_bytes", "0 or more"),
]


@pytest.mark.parametrize(("what", "old", "new", "field", "message"), GRAMMAR, ids=[g[0] for g in GRAMMAR])
def test_catalog_value_outside_its_grammar_stops_the_load(data_copy, what, old, new, field, message):
    path = data_copy / "catalog" / "aspnet.yml"
    replace_once(path, old, new)
    line = line_containing(path, new.split(",")[0])
    _one(data_copy, f"data/catalog/aspnet.yml:{line}: images[", message)
    assert any(f".{field}:" in p for p in _problems(data_copy)), what


def test_a_source_commit_that_is_not_a_commit(data_copy):
    path = data_copy / "catalog" / "aspnet.yml"
    replace_once(path, "commit: 3ed00b611cc88eaa5995525a0549a5703965cd02", "commit: main")
    _one(data_copy, "data/catalog/aspnet.yml:5: source.commit:", "40 hex digits")


def test_a_lifecycle_source_that_is_not_https(data_copy):
    path = data_copy / "lifecycle.yml"
    line = line_containing(path, "url: https://github.com/dotnet/core/")
    text_ = path.read_text(encoding="utf-8").split("\n")
    text_[line - 1] = "    url: javascript:alert(1)"
    path.write_text("\n".join(text_), encoding="utf-8")
    _one(data_copy, f"data/lifecycle.yml:{line}: sources[0].url:", "expected an https:// URL")


def test_a_wizard_option_value_that_could_break_a_selector(data_copy):
    path = data_copy / "wizard.yml"
    replace_once(path, "value: console,", 'value: "con\'sole",')
    line = line_containing(path, 'value: "con\'sole"')
    _one(data_copy, f"data/wizard.yml:{line}: questions[", "expected a lowercase key")


# --- YAML that would hang or exhaust the build --------------------------------------------------


def test_billion_laughs_in_a_hand_kept_file(data_copy):
    bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    bomb += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 10)]
    (data_copy / "lifecycle.yml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    _one(data_copy, "data/lifecycle.yml:", "uses of aliases")


def test_deep_nesting(data_copy):
    (data_copy / "platforms.yml").write_text("distros: " + "[" * 20_000 + "]" * 20_000 + "\n", encoding="utf-8")
    _one(data_copy, "data/platforms.yml", "nested")


def test_a_file_too_large_to_be_data(data_copy):
    path = data_copy / "catalog" / "huge.yml"
    with path.open("wb") as handle:
        handle.truncate(11_000_000)  # sparse: no time spent writing it
    _one(data_copy, "data/catalog/huge.yml", "expected at most 10,000,000")


# --- files that cannot be read -------------------------------------------------------------------


def test_a_directory_where_a_catalog_file_should_be(data_copy):
    (data_copy / "catalog" / "folder.yml").mkdir()
    _one(data_copy, "data/catalog/folder.yml", "not a regular file")


def test_a_symbolic_link_loop(data_copy):
    os.symlink("loop.yml", data_copy / "catalog" / "loop.yml")
    _one(data_copy, "data/catalog/loop.yml", "symbolic link")


def test_a_file_that_is_not_utf8(data_copy):
    (data_copy / "repositories.yml").write_bytes("repositories: [caf\u00e9]\n".encode("latin-1"))
    _one(data_copy, "data/repositories.yml", "not UTF-8")


def test_a_missing_hand_kept_file(data_copy):
    (data_copy / "legacy.yml").unlink()
    _one(data_copy, "data/legacy.yml", "file not found")


# --- what passes the rules reaches pages inert ------------------------------------------------------

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "`code` *em* [x](y)",
    "quote \" and ' and &amp;",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_plain_text_stays_text_through_markdown(payload):
    html = markdown.markdown(f"Cell: {text(payload)} and {code(payload)}", extensions=["tables"])
    assert "<script" not in html and "<img" not in html and "<a " not in html and "<em>" not in html
    table = markdown.markdown(markdown_table(["h"], [[payload]]), extensions=["tables"])
    assert "<script" not in table and "<a " not in table and "onerror=" not in table.replace("onerror=alert", "")


def test_hand_kept_prose_keeps_markdown_but_never_html():
    html = markdown.markdown(str(prose("Use `dotnet publish` <script>alert(1)</script>")))
    assert "<code>dotnet publish</code>" in html and "<script" not in html and "&lt;script&gt;" in html
