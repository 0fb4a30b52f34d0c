"""The publishing workflow is valid GitHub Actions syntax (checked offline with the bundled schema)."""

from __future__ import annotations

import subprocess
import sys

import yaml

from helpers import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def test_workflow_matches_the_github_schema():
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_tests_builds_and_deploys_on_push_and_weekly():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as a boolean
    assert triggers["push"]["branches"] == ["main"]
    assert triggers["schedule"][0]["cron"].split()[4] == "1"  # weekly
    jobs = workflow["jobs"]
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    assert any(step.get("run") == "make test" for step in jobs["test"]["steps"])
    assert any(step.get("run") == "make build" for step in jobs["build"]["steps"])
    assert any("deploy-pages" in step.get("uses", "") for step in jobs["deploy"]["steps"])
