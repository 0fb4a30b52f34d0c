"""The publishing workflow: valid GitHub Actions syntax (checked offline with the bundled schema),
and least privilege: pinned actions, per-job permissions, time limits, the tested site deployed."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml

from helpers import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_workflow_matches_the_github_schema():
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_tests_builds_and_deploys_on_push_and_weekly():
    workflow = _workflow()
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as a boolean
    assert triggers["push"]["branches"] == ["main"]
    assert triggers["schedule"][0]["cron"].split()[4] == "1"  # weekly
    jobs = workflow["jobs"]
    steps = [step.get("run", "") for step in jobs["test-and-build"]["steps"]]
    # The site is built after the tests pass, in the same job, and that artifact is what deploy publishes.
    assert steps.index("make test") < steps.index("make build")
    assert any("upload-pages-artifact" in step.get("uses", "") for step in jobs["test-and-build"]["steps"])
    assert jobs["deploy"]["needs"] == "test-and-build"
    assert [step.get("uses", "").split("@")[0] for step in jobs["deploy"]["steps"]] == ["actions/deploy-pages"]


def test_only_the_deploy_job_may_write():
    workflow = _workflow()
    assert workflow["permissions"] == {}  # nothing by default
    for name, job in workflow["jobs"].items():
        granted = {k: v for k, v in job["permissions"].items() if v != "read"}
        assert granted == ({"pages": "write", "id-token": "write"} if name == "deploy" else {}), name


def test_every_action_is_pinned_by_commit_and_every_job_has_a_time_limit():
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses: (\S+)@(\S+)( # v[\d.]+)?", text)
    assert uses
    for action, ref, version in uses:
        assert re.fullmatch(r"[0-9a-f]{40}", ref) and version, (
            f"{action}@{ref}: pin a full commit, version in a comment"
        )
    for name, job in _workflow()["jobs"].items():
        assert 0 < job["timeout-minutes"] <= 30, name
    for step in _workflow()["jobs"]["test-and-build"]["steps"]:
        if "actions/checkout" in step.get("uses", ""):
            assert step["with"]["persist-credentials"] is False


def test_packages_are_installed_by_hash():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert makefile.count("--require-hashes") == 2
    for name in ("requirements.txt", "requirements-test.txt"):
        pins = re.findall(r"^([A-Za-z0-9_.-]+)==\S+ \\$", (ROOT / name).read_text(encoding="utf-8"), re.M)
        hashed = (ROOT / name).read_text(encoding="utf-8").count("    --hash=sha256:")
        assert len(pins) > 30 and hashed >= len(pins), name
