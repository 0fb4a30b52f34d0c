"""The one loader: `make check` reads every data file the build reads, and a changed file is read again."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT, TODAY, line_containing, replace_once
from macros.data.load import load_guide


def _check(data_dir) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "macros.check", str(data_dir)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env={"GUIDE_TODAY": TODAY, "PATH": ""})


def test_check_passes_on_the_real_data(data_copy):
    result = _check(data_copy)
    assert result.returncode == 0, result.stderr
    assert "data/ is valid" in result.stdout and "wizard paths" in result.stdout


def test_check_catches_a_broken_wizard_file(data_copy):
    path = data_copy / "wizard.yml"
    line = line_containing(path, "default: web")
    replace_once(path, "default: web", "default: website")
    result = _check(data_copy)
    assert result.returncode == 1
    assert (
        f"data/wizard.yml:{line}: questions[" in result.stderr
        and "'website' is not one of its options" in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_check_catches_a_broken_legacy_file(data_copy):
    path = data_copy / "legacy.yml"
    line = line_containing(path, "today: [dotnet/aspnet]")
    replace_once(path, "today: [dotnet/aspnet]", "today: [dotnet/aspnetcore]")
    result = _check(data_copy)
    assert result.returncode == 1
    assert (
        f"data/legacy.yml:{line}: legacy[" in result.stderr
        and "unknown repository 'dotnet/aspnetcore'" in result.stderr
    )


def test_legacy_and_wizard_problems_are_reported_together(data_copy):
    replace_once(data_copy / "legacy.yml", "today: [dotnet/aspnet]", "today: [dotnet/aspnetcore]")
    replace_once(data_copy / "wizard.yml", "default: web", "default: website")
    result = _check(data_copy)
    assert "2 problems found" in result.stderr, result.stderr


def test_a_changed_data_file_is_read_again_and_an_unchanged_one_is_not(data_copy, today):
    first = load_guide(data_copy, on=today)
    assert load_guide(data_copy, on=today) is first  # cached: nothing changed
    path = data_copy / "repositories.yml"
    title = first.catalog.repository("aspnet").info.title
    replace_once(path, f"title: {title}", f"title: {title} (edited)")
    second = load_guide(data_copy, on=today)
    assert second is not first
    assert second.catalog.repository("aspnet").info.title == f"{title} (edited)"
