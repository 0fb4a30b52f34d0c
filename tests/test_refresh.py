"""The refresh workflow: its Sync step's command line, run as written against four small local git repositories
shaped like dotnet-docker, dotnet-framework-docker, dotnet/core and dotnet/versions (two publishes each), writes the
generated files, a Markdown change report (tags added and removed, a version, a rebuilt digest, a phase change),
and a vendored copy from which a plain sync regenerates the same files. The workflow itself is checked too: valid
GitHub Actions syntax (offline schema), least privilege, actions pinned by commit."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "refresh.yml"
MAIN = "build-info/docker/image-info.dotnet-dotnet-docker-main.json"
SAMPLES = "build-info/docker/image-info.dotnet-dotnet-docker-main-samples.json"
FRAMEWORK = "build-info/docker/image-info.microsoft-dotnet-framework-docker-main.json"
EMPTY_INFO = {"schemaVersion": "2.0", "repos": []}


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _step(name: str) -> dict:
    return next(s for s in _workflow()["jobs"]["refresh"]["steps"] if s.get("name") == name)


def _digest(n: int) -> str:
    return "sha256:" + (f"{n:x}" * 64)[:64]


def _manifest(version: str, extra_tag: bool) -> dict:
    """dotnet-docker's manifest: dotnet/aspnet 10.0 on noble amd64; the second publish adds a tag."""
    tags = {"$(dotnet|10.0|product-version)-noble-amd64": {}, "10.0-noble-amd64": {}}
    if extra_tag:
        tags["10.0-noble-amd64-new"] = {}
    return {
        "registry": "mcr.microsoft.com",
        "includes": ["manifest.versions.json"],
        "repos": [
            {
                "id": "aspnet",
                "name": "dotnet/aspnet",
                "images": [
                    {
                        "productVersion": "$(dotnet|10.0|product-version)",
                        "sharedTags": {"$(dotnet|10.0|product-version)-noble": {}, "10.0-noble": {}},
                        "platforms": [
                            {
                                "dockerfile": "src/aspnet/10.0/noble/amd64",
                                "os": "linux",
                                "osVersion": "noble",
                                "tags": tags,
                            }
                        ],
                    }
                ],
            }
        ],
    }


def _index(phase: str, latest: str, day: str) -> dict:
    """releases-index.json with 11.0 (whose phase moves) and 10.0."""
    return {
        "releases-index": [
            {
                "channel-version": "11.0",
                "latest-release": latest,
                "latest-release-date": day,
                "product": ".NET",
                "support-phase": phase,
                "release-type": "sts",
                **({"eol-date": "2028-11-14"} if phase != "preview" else {}),
            },
            {
                "channel-version": "10.0",
                "latest-release": "10.0.11",
                "latest-release-date": "2026-08-12",
                "product": ".NET",
                "support-phase": "active",
                "release-type": "lts",
                "eol-date": "2028-11-14",
            },
        ]
    }


def _image_info(version: str, platform: str, listing: str) -> dict:
    return {
        "schemaVersion": "2.0",
        "repos": [
            {
                "repo": "dotnet/aspnet",
                "images": [
                    {
                        "productVersion": version,
                        "manifest": {
                            "digest": f"mcr.microsoft.com/dotnet/aspnet@{listing}",
                            "created": "2026-08-12T10:00:00Z",
                            "sharedTags": [f"{version}-noble", "10.0-noble"],
                        },
                        "platforms": [
                            {
                                "dockerfile": "src/aspnet/10.0/noble/amd64/Dockerfile",
                                "simpleTags": [f"{version}-noble-amd64", "10.0-noble-amd64"],
                                "digest": f"mcr.microsoft.com/dotnet/aspnet@{platform}",
                                "baseImageDigest": f"mcr.microsoft.com/dotnet/runtime@{_digest(9)}",
                                "osType": "Linux",
                                "osVersion": "noble",
                                "architecture": "amd64",
                                "created": "2026-08-12T10:00:00Z",
                                "commitUrl": "https://github.com/dotnet/dotnet-docker/blob/main/src/aspnet/Dockerfile",
                                "layers": [{"digest": _digest(7), "size": 29_000_000}],
                            }
                        ],
                    }
                ],
            }
        ],
    }


class Repo:
    """A local git repository standing for an upstream one."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, date: str = "2026-01-01T00:00:00Z") -> str:
        env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
        env |= {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t"}
        env |= {"GIT_COMMITTER_EMAIL": "t@t", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        command = ["git", "-C", str(self.folder), *args]
        return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout.strip()

    def commit(self, files: dict[str, dict], date: str) -> str:
        for path, content in files.items():
            file = self.folder / path
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(json.dumps(content, indent=2))
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", "publish", date=date)
        return self.git("rev-parse", "HEAD")


def _publish(upstream: Path, repos: dict[str, Repo], n: int) -> dict[str, str]:
    """Publish number n (1 or 2) in every upstream repository; their new HEADs."""
    version = "10.0.11" if n == 1 else "10.0.12"
    day = f"2026-0{7 + n}-12T10:00:00Z"  # 2026-08-12, then 2026-09-12
    docker = {
        "manifest.json": _manifest(version, extra_tag=n == 2),
        "manifest.versions.json": {"variables": {"dotnet|10.0|product-version": version}},
        "manifest.samples.json": {"repos": []},
    }
    framework = {"manifest.json": {"repos": []}, "manifest.samples.json": {"repos": []}}
    phase, latest = ("preview", "11.0.0-rc.1") if n == 1 else ("active", "11.0.0")
    core = {"release-notes/releases-index.json": _index(phase, latest, day[:10])}
    info = _image_info(version, _digest(n), _digest(10 + n))
    versions = {MAIN: info, SAMPLES: EMPTY_INFO, FRAMEWORK: EMPTY_INFO}
    contents = {"dotnet-docker": docker, "dotnet-framework-docker": framework, "core": core, "versions": versions}
    return {name: repos[name].commit(files, day) for name, files in contents.items()}


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory):
    """A workspace laid out as the workflow's: the guide's data/ and .venv, the four upstream checkouts under
    .upstream/; the Sync step run after each of two publishes. (workspace, heads, the second run's output)."""
    workspace = tmp_path_factory.mktemp("workspace")
    (workspace / "data" / "upstream").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "upstream" / "SOURCES.md", workspace / "data" / "upstream" / "SOURCES.md")
    (workspace / ".venv").symlink_to(ROOT / ".venv")
    upstream = workspace / ".upstream"
    repos = {name: Repo(upstream / name) for name in ("dotnet-docker", "dotnet-framework-docker", "core", "versions")}
    command = _step("Sync")["run"]
    env = {**os.environ, "RUNNER_TEMP": str(workspace)}

    def run():
        return subprocess.run(["bash", "-c", command], cwd=workspace, env=env, capture_output=True, text=True)

    _publish(upstream, repos, 1)
    first = run()
    assert (first.returncode, first.stderr) == (0, "")
    heads = _publish(upstream, repos, 2)
    second = run()
    assert (second.returncode, second.stderr) == (0, "")
    return workspace, heads, second


def test_the_workflow_command_writes_the_generated_files(refreshed):
    workspace, heads, _ = refreshed
    data = workspace / "data"
    catalog = yaml.safe_load((data / "catalog" / "aspnet.yml").read_text())
    assert catalog["source"]["commit"] == heads["dotnet-docker"]
    assert str(catalog["source"]["date"]) == "2026-09-12"
    assert {t for i in catalog["images"] for t in i["platform_tags"]} == {
        "10.0.12-noble-amd64",
        "10.0-noble-amd64",
        "10.0-noble-amd64-new",
    }
    record = json.loads((data / "registry" / "aspnet.json").read_text())
    assert record["source"]["commit"] == heads["versions"]
    assert [d for d, _ in record["images"][0]["history"]] == [_digest(2), _digest(1)]  # the timeline, newest first
    lifecycle = yaml.safe_load((data / "lifecycle" / "dotnet.yml").read_text())
    assert lifecycle["source"]["commit"] == heads["core"]
    eleven = lifecycle["channels"][0]
    assert (eleven["channel"], eleven["support_phase"], str(eleven["ga"])) == ("11.0", "active", "2026-09-12")


def test_the_change_report_is_markdown_with_every_kind_of_change(refreshed):
    workspace, heads, second = refreshed
    report = (workspace / "refresh-report.md").read_text()
    assert report.startswith("## Upstream data refreshed by `make sync`\n")
    commit = heads["dotnet-docker"]
    assert (
        f"| dotnet/dotnet-docker | [`{commit[:12]}`](https://github.com/dotnet/dotnet-docker/commit/{commit}) | "
        "2026-09-12 |" in report
    )
    assert f"| dotnet/versions | [`{heads['versions'][:12]}`]" in report
    assert f"| dotnet/core | [`{heads['core'][:12]}`]" in report
    sections = dict(re.findall(r"### ([^\n]+)\n\n```text\n(.*?)```", report, re.S))
    tags = sections["Tags and versions"].splitlines()
    assert "aspnet.yml: version 10.0.11 -> 10.0.12" in tags
    assert "  + 10.0-noble-amd64-new" in tags  # a tag added
    assert "  - 10.0.11-noble-amd64" in tags  # a tag removed
    digests = sections["Digests"]
    assert "registry/aspnet.json: 1 platform digest(s) and 1 manifest list(s) rebuilt" in digests
    assert f"  10.0-noble: {_digest(11)[:19]} -> {_digest(12)[:19]}" in digests  # the manifest list
    assert f"  10.0-noble-amd64: {_digest(1)[:19]} -> {_digest(2)[:19]}" in digests  # the platform image
    lifecycle = sections["Support lifecycle"].splitlines()
    assert "lifecycle: 11.0 support phase preview -> active" in lifecycle
    assert "lifecycle: 11.0 GA (none) -> 2026-09-12" in lifecycle
    assert "lifecycle: 11.0 end of support (none) -> 2028-11-14" in lifecycle
    # The report the workflow posts says what the sync printed.
    assert "lifecycle: 11.0 support phase preview -> active" in second.stdout.splitlines()


def test_a_plain_sync_of_the_vendored_copy_regenerates_the_same_files(refreshed):
    """What the pull request commits is self-checking: the vendored copy gives the same files, byte for byte."""
    workspace, heads, _ = refreshed
    vendored, data = workspace / "data" / "upstream", workspace / "data"
    sources = (vendored / "SOURCES.md").read_text()
    assert f"| github.com/dotnet/core | `main` (HEAD) | `{heads['core']}` | 2026-09-12 |" in sources
    command = [
        sys.executable, "-m", "macros.sync",
        "--dotnet-docker", str(vendored / "dotnet-docker"),
        "--framework-docker", str(vendored / "dotnet-framework-docker"),
        "--core", str(vendored / "dotnet-core"),
        "--versions", str(vendored / "dotnet-versions"),
        "--versions-bundle", str(vendored / "dotnet-versions" / "image-info-history.bundle"),
        "--out", str(data / "catalog"),
        "--check",
    ]  # fmt: skip
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (0, ""), result.stdout
    assert "catalog is up to date" in result.stdout
    assert "registry record is up to date" in result.stdout
    assert "lifecycle is up to date" in result.stdout


def test_the_workflow_matches_the_github_schema():
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflow_runs_weekly_and_on_demand_with_least_privilege():
    workflow = _workflow()
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as a boolean
    assert len(triggers["schedule"][0]["cron"].split()) == 5 and triggers["schedule"][0]["cron"].split()[4] != "*"
    assert "workflow_dispatch" in triggers
    assert workflow["permissions"] == {}
    [job] = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "write", "pull-requests": "write"}
    assert 0 < job["timeout-minutes"] <= 30
    steps = job["steps"]
    names = [s.get("name") for s in steps]
    assert names.index("Sync") < names.index("Test")  # the tests run on the refreshed data
    checkouts = [s for s in steps if s.get("uses", "").startswith("actions/checkout@")]
    assert [c["with"].get("repository") for c in checkouts] == [
        None,
        "dotnet/dotnet-docker",
        "microsoft/dotnet-framework-docker",
        "dotnet/core",
        "dotnet/versions",
    ]
    assert all(c["with"]["persist-credentials"] is False for c in checkouts)
    assert checkouts[3]["with"]["sparse-checkout"].split() == ["/release-notes/releases-index.json"]
    assert checkouts[4]["with"]["fetch-depth"] == 0  # the whole history of the image-info files
    pull_request = steps[-1]
    assert pull_request["uses"].startswith("peter-evans/create-pull-request@")
    assert pull_request["with"]["body-path"] == "${{ runner.temp }}/refresh-report.md"
    assert '--report "$RUNNER_TEMP/refresh-report.md"' in _step("Sync")["run"]


def test_every_action_is_pinned_by_commit_with_its_release_tag():
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses: (\S+)@(\S+)( # v[\d.]+)?", text)
    assert len(uses) >= 7
    for action, ref, version in uses:
        assert re.fullmatch(r"[0-9a-f]{40}", ref) and version, f"{action}@{ref}: pin a full commit, tag in a comment"
