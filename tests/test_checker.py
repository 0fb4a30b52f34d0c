"""The image checker's rules and its command line: the case list, upstream's samples, hostile input."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

import pytest
from checker_cases import CASES, DOCKERFILES, ENDS_SOON_CASES, ENDS_SOON_DAY, HISTORIC_DIGEST, sample_dockerfiles

from helpers import ROOT, TODAY, line_containing, replace_once
from macros.check_image import exit_status, main
from macros.checker.dockerfile import read_input
from macros.checker.table import checker_json
from macros.checker.verdict import check_text, from_line
from macros.data.errors import DataError
from macros.data.load import load_guide, load_migrations
from macros.render.api import digests_document
from macros.render.status import HIDDEN_BY_DEFAULT


@pytest.fixture(scope="module")
def tables():
    guide = load_guide(on=datetime.date.fromisoformat(TODAY))
    return json.loads(checker_json(guide, hidden_statuses=HIDDEN_BY_DEFAULT)), digests_document(guide.catalog)


def verdicts(result):
    return [e["verdict"] for e in result["entries"] if not e.get("stage")]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_case_list(tables, name, text, expected):
    table, digests = tables
    result = check_text(text, table, digests)
    assert verdicts(result) == expected
    if not expected:  # hostile input: a message, no verdict
        assert result["problems"], name


def test_ends_soon_on_a_day_before_the_end():
    guide = load_guide(on=datetime.date.fromisoformat(ENDS_SOON_DAY))
    table = json.loads(checker_json(guide, hidden_statuses=HIDDEN_BY_DEFAULT))
    for _, text, expected in ENDS_SOON_CASES:
        result = check_text(text, table, None)
        assert verdicts(result) == expected
        assert result["entries"][0]["replacement"] == "mcr.microsoft.com/dotnet/" + text.split("/")[-1].split(":")[
            0
        ] + (":10.0-alpine" if "alpine" in text else ":10.0-noble")


# Upstream's sample names a tag upstream's manifest (same commit) publishes only for 11.0; the checker
# says so and suggests the documented tag. Listed here so that any other sample must be current.
SAMPLE_WITH_UNDOCUMENTED_TAG = {"aspnetapp/Dockerfile.alpine-composite": "10.0-alpine-composite"}


def test_every_upstream_sample_is_current(tables):
    table, digests = tables
    samples = sample_dockerfiles()
    assert len(samples) >= 39
    for path in samples:
        result = check_text(path.read_text(encoding="utf-8"), table, digests)
        found = verdicts(result)
        assert found, path
        name = path.relative_to(path.parents[1]).as_posix()
        if name in SAMPLE_WITH_UNDOCUMENTED_TAG:
            odd = next(e for e in result["entries"] if e.get("verdict") == "unknown-tag")
            assert odd["image"].endswith(":" + SAMPLE_WITH_UNDOCUMENTED_TAG[name])
            assert "10.0-alpine3.24-composite" in odd["suggestions"]
            assert odd["replacement"] == "mcr.microsoft.com/dotnet/aspnet:10.0-alpine3.24-composite"
            continue
        assert set(found) <= {"current", "not-dotnet"} and "current" in found, (path, found)
        assert exit_status(result, table) == 0, path


def test_replacements_and_next_steps(tables):
    table, digests = tables
    result = check_text((DOCKERFILES / "seed-aspnetcore-2.0.Dockerfile").read_text(), table, digests)
    build, final = result["entries"]
    assert from_line(build) == "FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build-env"
    assert from_line(final) == "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble"
    assert final["wizard"].startswith("wizard/?goal=run&framework=dotnet&app=web")
    assert "version=10.0" in final["wizard"]
    assert {"registry-moved", "port-8080", "app-user", "ubuntu-default"} <= set(final["notes"])
    assert "no-node-in-sdk" in build["notes"] and "no-node-in-sdk" not in final["notes"]
    # 8.0 on Debian to 10.0: Ubuntu, and no 8.0 notes (those were crossed before)
    eol = check_text(
        "FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/aspnet:8.0-bookworm-slim AS base", table, None
    )
    entry = eol["entries"][0]
    assert from_line(entry) == "FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS base"
    assert entry["notes"] == ["no-zlib", "ubuntu-default"]
    assert entry["page"] == "images/aspnet/?ended=show#tag-8.0-bookworm-slim"  # the row hidden by default, shown
    # Windows Server 2019 is gone in 10.0
    win = check_text("mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-1809", table, None)["entries"][0]
    assert win["replacement"] == "mcr.microsoft.com/dotnet/runtime:10.0-nanoserver-ltsc2025"
    assert win["notes"] == ["windows-2019-dropped"]
    # a misspelt tag: the closest documented ones
    typo = check_text("mcr.microsoft.com/dotnet/aspnet:10.0-nobel", table, None)["entries"][0]
    assert typo["suggestions"][0] == "10.0-noble"
    # a replaced digest: when, and what replaced it
    old = check_text(HISTORIC_DIGEST, table, digests)["entries"][0]
    assert old["reasons"][-1] == ["digest-replaced", "2026-01-13", old["replacement"].split("@")[1], "2026-08-11"]
    assert old["image"].startswith("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-amd64@")


def test_dockerfile_reading():
    found = read_input((DOCKERFILES / "multi-stage-args.Dockerfile").read_text())
    assert [(f.line, f.image, f.platform, f.name, f.stage) for f in found.froms] == [
        (8, "mcr.microsoft.com/dotnet/sdk:8.0", "$BUILDPLATFORM", "build", False),
        (16, "build", "", "test", True),
        (19, "mcr.microsoft.com/dotnet/aspnet:8.0", "", "final", False),
    ]
    assert read_input("ARG V=1\nARG TAG=${V:+x}${NOPE:-10.0}\nFROM a:$TAG").froms[0].image == "a:x10.0"
    problems = read_input("FROM\nFROM --platform=linux/arm64\nFROM ${EMPTY}").problems
    assert [(code, line) for code, line, _ in problems] == [
        ("from-without-image", 1),
        ("from-without-image", 2),
        ("from-without-image", 3),
    ]


def _cli(*args, stdin: bytes | None = None):
    return subprocess.run(
        [sys.executable, "-m", "macros.check_image", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        env={"GUIDE_TODAY": TODAY, "PATH": "/usr/bin:/bin"},
        timeout=120,
    )


def test_command_line_output_and_exit_status(tmp_path):
    seed = _cli(str(DOCKERFILES / "seed-aspnetcore-2.0.Dockerfile"))
    out = seed.stdout.decode()
    assert seed.returncode == 1, out
    assert "seed-aspnetcore-2.0.Dockerfile:3: legacy-name     microsoft/aspnetcore-build:2.0" in out
    assert "replace with: FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble" in out
    sample = sample_dockerfiles()[0]
    ok = _cli(str(sample))
    assert ok.returncode == 0 and b": current " in ok.stdout, ok.stdout
    as_json = _cli("--json", "--ref", "mcr.microsoft.com/dotnet/aspnet:8.0")
    document = json.loads(as_json.stdout)
    assert as_json.returncode == 1 and document["exit_status"] == 1
    assert document["entries"][0]["verdict"] == "end-of-life"
    # hostile input: a clear message, exit 2, no traceback
    for name, data in (("empty", b""), ("binary", bytes(range(256)) * 10), ("large", b"FROM x\n" + b"#" * 2_000_000)):
        path = tmp_path / name
        path.write_bytes(data)
        run = _cli(str(path))
        assert run.returncode == 2, (name, run.stdout)
        assert b"Traceback" not in run.stderr + run.stdout and run.stdout.strip(), name
    missing = _cli(str(tmp_path / "nope"))
    assert missing.returncode == 2 and b"cannot read" in missing.stderr and b"Traceback" not in missing.stderr
    piped = _cli("-", stdin=b"FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled\n")
    assert piped.returncode == 0 and b"current" in piped.stdout


def test_command_line_reads_a_built_sites_tables(built_site, capsys):
    """--api reads the files the build wrote: the same verdicts as the tables made from data/."""
    assert main(["--api", str(built_site / "api"), "--ref", HISTORIC_DIGEST]) == 1
    assert "outdated-digest" in capsys.readouterr().out


def test_migration_notes_are_validated_with_their_line(data_copy):
    path = data_copy / "migrations.yml"
    replace_once(path, 'since: "9.0"', 'since: "9.9"')
    replace_once(
        path, '"https://learn.microsoft.com/dotnet/core/compatibility/containers/9.0/no-zlib"', '"see the docs"'
    )
    replace_once(path, "distros: [alpine]", "distros: [alpin]")
    catalog = load_guide(on=datetime.date.fromisoformat(TODAY)).catalog
    with pytest.raises(DataError) as error:
        load_migrations(path, catalog)
    text = str(error.value)
    since_line = line_containing(path, 'since: "9.9"')
    assert f"data/migrations.yml:{since_line}: changes[" in text
    assert "unknown channel '9.9'" in text
    assert f"data/migrations.yml:{line_containing(path, 'see the docs')}: changes[" in text
    assert "unknown distro 'alpin'" in text


def test_every_vendored_source_exists():
    guide = load_guide(on=datetime.date.fromisoformat(TODAY))
    upstream = ROOT.parent / "shared" / "upstream" / "dotnet-docker"
    for change in guide.migrations.changes:
        for source in change.sources:
            if source.startswith("dotnet-docker:"):
                assert (upstream / source.removeprefix("dotnet-docker:")).is_file(), source
