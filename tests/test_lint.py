"""The code passes ruff (lint rules and formatting as configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT


def _ruff(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", *arguments], cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing():
    result = _ruff("check", "--output-format", "concise", "macros", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted():
    result = _ruff("format", "--check", "macros", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr
