"""The registry record (data/registry/) is what the sync makes from dotnet/versions' image-info files and their
git history; bad input there stops the sync with one located message, like a bad manifest.

History cases run against a tiny dotnet/versions checkout built in tmp_path (one platform image, a few commits)."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import DOTNET_DOCKER_REPOSITORIES, ROOT
from macros import sync

VENDORED = ROOT / "data" / "upstream" / "dotnet-versions"
BUNDLE = VENDORED / "image-info-history.bundle"
MAIN = "build-info/docker/image-info.dotnet-dotnet-docker-main.json"
SAMPLES = "build-info/docker/image-info.dotnet-dotnet-docker-main-samples.json"
FRAMEWORK = "build-info/docker/image-info.microsoft-dotnet-framework-docker-main.json"
UPSTREAM_COMMIT = "c" * 40
P0 = "repos[0].images[0].platforms[0]"


def _digest(n: int) -> str:
    return "sha256:" + (f"{n:x}" * 64)[:64]


def _info(platform: str, listing: str, created: str = "2026-01-05T10:00:00.1234567Z", version: str = "10.0.11") -> dict:
    """A one-image image-info file: dotnet/aspnet 10.0 noble amd64 (.NET `version`) and its manifest list."""
    return {
        "schemaVersion": "2.0",
        "repos": [
            {"repo": "dotnet/aspire-dashboard"},
            {
                "repo": "dotnet/aspnet",
                "images": [
                    {
                        "productVersion": version,
                        "manifest": {
                            "digest": f"mcr.microsoft.com/dotnet/aspnet@{listing}",
                            "created": created,
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
                                "created": created,
                                "commitUrl": "https://github.com/dotnet/dotnet-docker/blob/main/src/aspnet/Dockerfile",
                                "layers": [
                                    {"digest": _digest(7), "size": 29_000_000},
                                    {"digest": _digest(8), "size": 163},
                                ],
                            }
                        ],
                    }
                ],
            },
        ],
    }


V1 = _info(_digest(1), _digest(10), version="10.0.10")
V2 = _info(_digest(2), _digest(11), created="2026-02-10T20:00:00Z")


class Checkout:
    """A dotnet/versions git checkout with the three image-info files, committed at chosen dates."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True)
        self.git("init", "-q")

    def git(self, *args: str, date: str = "2026-01-01T00:00:00Z") -> str:
        env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
        env |= {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t"}
        env |= {"GIT_COMMITTER_EMAIL": "t@t", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        command = ["git", "-C", str(self.folder), *args]
        return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout.strip()

    def put(self, path: str, content) -> None:
        file = self.folder / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(content if isinstance(content, str) else json.dumps(content, indent=2))

    def commit(self, main, date: str, message: str = "publish", others: dict | None = None) -> str:
        """Write the main file (and the two others, empty unless given) and commit them; the new HEAD."""
        self.put(MAIN, main)
        for path in (SAMPLES, FRAMEWORK):
            if not (self.folder / path).exists() or (others and path in others):
                self.put(path, (others or {}).get(path, {"schemaVersion": "2.0", "repos": []}))
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, date=date)
        return self.git("rev-parse", "HEAD")


@pytest.fixture
def versions(tmp_path) -> Checkout:
    return Checkout(tmp_path / "versions")


def _run(tmp_path, capsys, *args: str) -> tuple[int, str, str]:
    """The sync in-process on the vendored manifests, writing under tmp_path: (exit code, stdout, stderr)."""
    outs = ["--out", str(tmp_path / "catalog"), "--registry-out", str(tmp_path / "registry")]
    code = sync.main([*outs, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _load(path: Path) -> dict:
    """A catalog file (YAML) or a registry record (JSON)."""
    text = path.read_text()
    return (
        json.loads(text)
        if path.suffix == ".json"
        else yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    )


def _record(tmp_path, name: str = "aspnet.json") -> dict:
    return _load(tmp_path / "registry" / name)


# --- the committed record -------------------------------------------------------------------------------------------


def test_committed_registry_equals_a_fresh_regeneration():
    upstream = ROOT / "data" / "upstream"
    catalog = sync.documents(upstream / "dotnet-docker", upstream / "dotnet-framework-docker")
    found = sync.record(sync.Versions(VENDORED, BUNDLE), catalog)
    fresh = {sync.record_name(name): sync.render_record(document) for name, document in found.documents.items()}
    committed = {p.name: p.read_text() for p in sorted((ROOT / "data" / "registry").glob("*.json"))}
    assert sorted(fresh) == sorted(committed), "registry files differ: run `make sync`"
    for name in fresh:
        assert fresh[name] == committed[name], f"data/registry/{name} is out of date: run `make sync`"


def test_every_current_platform_digest_is_in_the_record():
    data = json.loads((VENDORED / MAIN).read_text())
    repositories = {r["repo"]: r for r in data["repos"]}
    for name in DOTNET_DOCKER_REPOSITORIES:
        record = _load(ROOT / "data" / "registry" / sync.record_name(sync.file_name(name)))
        digests = {p["digest"].split("@")[1] for i in repositories[name]["images"] for p in i["platforms"]}
        assert digests and digests <= {i["digest"] for i in record["images"]}, name


def test_the_committed_record_names_its_source_and_matches_the_catalog():
    record = _load(ROOT / "data" / "registry" / "aspnet.json")
    assert (ROOT / "data" / "registry" / "aspnet.json").read_text().startswith('{"generated":"GENERATED by `make sync`')
    assert record["source"] == {
        "repository": "dotnet/versions",
        "commit": "9c41427ee1e7b1b977f29eaeb7a3c9464fade67c",
        "commit_date": "2026-08-21",  # the commit's date, from SOURCES.md's snapshot heads
        "file": MAIN,
        "date": "2026-08-20",  # the newest publish: the last commit that changed the files
    }
    catalog = _load(ROOT / "data" / "catalog" / "aspnet.yml")
    assert [i["dockerfile"] for i in record["images"]] == sorted(i["dockerfile"] for i in catalog["images"])
    assert all(i["history"][0][0] == i["digest"] for i in record["images"] + record["manifest_lists"])
    samples = _load(ROOT / "data" / "registry" / "samples.json")
    alpine = [i for i in samples["images"] if i["dockerfile"] == "samples/aspnetapp/Dockerfile.alpine"]
    assert len(alpine) == 3  # one Dockerfile, three platform images (amd64, arm64v8, arm32v7 in that order)


# --- history: every digest, newest first, with the day it was first published ---------------------------------------


def test_history_lists_each_digest_newest_first(versions, tmp_path):
    versions.commit(V1, "2026-01-05T12:00:00Z")
    versions.commit(V2, "2026-02-10T23:30:00-05:00")  # 2026-02-11 in UTC
    head = versions.commit(V2, "2026-03-01T08:00:00Z", others={SAMPLES: {"repos": [{"repo": "dotnet/samples"}]}})
    command = [sys.executable, "-m", "macros.sync", "--versions", str(versions.folder), "--out", str(tmp_path / "c")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (0, "")
    record = _record(tmp_path)
    assert record.pop("generated").startswith("GENERATED by `make sync`")
    assert record == {
        "repository": "dotnet/aspnet",
        "source": {
            "repository": "dotnet/versions",
            "commit": head,
            "commit_date": "2026-03-01",
            "file": MAIN,
            "date": "2026-03-01",
        },
        "images": [
            {
                "dockerfile": "src/aspnet/10.0/noble/amd64",
                "architecture": "amd64",
                "digest": _digest(2),
                "created": "2026-02-10",
                "base_digest": _digest(9),
                "layers": [[_digest(7), 29_000_000], [_digest(8), 163]],
                "history": [[_digest(2), "2026-02-11"], [_digest(1), "2026-01-05"]],
                # the version its tags named, changes only: what tells a .NET patch from a base image update
                "versions": [["10.0.11", "2026-02-11"], ["10.0.10", "2026-01-05"]],
            }
        ],
        "manifest_lists": [
            {
                "tags": ["10.0-noble", "10.0.11-noble"],
                "digest": _digest(11),
                "created": "2026-02-10",
                "history": [[_digest(11), "2026-02-11"], [_digest(10), "2026-01-05"]],
                "versions": [["10.0.11", "2026-02-11"], ["10.0.10", "2026-01-05"]],
            }
        ],
    }
    assert sorted(p.name for p in (tmp_path / "registry").iterdir()) == ["aspnet.json"]


def test_a_digest_that_comes_back_is_listed_again(versions, tmp_path, capsys):
    versions.commit(V1, "2026-01-05T12:00:00Z")
    versions.commit(V2, "2026-01-06T12:00:00Z")
    versions.commit(V1, "2026-01-07T12:00:00Z")
    assert _run(tmp_path, capsys, "--versions", str(versions.folder))[0] == 0
    history = _record(tmp_path)["images"][0]["history"]
    assert history == [[_digest(1), "2026-01-07"], [_digest(2), "2026-01-06"], [_digest(1), "2026-01-05"]]


def test_a_bundle_alone_gives_its_newest_version_and_the_upstream_commit(versions, tmp_path, capsys):
    versions.commit(V1, "2026-01-05T12:00:00Z")
    versions.commit(V2, "2026-02-10T12:00:00Z", message=f"Merging\n\ndotnet/versions commit {UPSTREAM_COMMIT}\n")
    bundle = tmp_path / "history.bundle"
    versions.git("bundle", "create", "-q", str(bundle), "HEAD", "--all")
    code, _, err = _run(tmp_path, capsys, "--versions-bundle", str(bundle))
    assert (code, err) == (0, "")
    record = _record(tmp_path)
    assert record["source"] == {
        "repository": "dotnet/versions",
        "commit": UPSTREAM_COMMIT,
        "commit_date": "2026-02-10",
        "file": MAIN,
        "date": "2026-02-10",
    }
    assert record["images"][0]["history"] == [[_digest(2), "2026-02-10"], [_digest(1), "2026-01-05"]]


def test_the_current_files_may_be_newer_than_the_history(versions, tmp_path, capsys):
    """A checkout with an uncommitted publish: the current digest is first, dated the HEAD commit's day."""
    versions.commit(V1, "2026-01-05T12:00:00Z")
    versions.put(MAIN, V2)
    assert _run(tmp_path, capsys, "--versions", str(versions.folder))[0] == 0
    assert _record(tmp_path)["images"][0]["history"] == [[_digest(2), "2026-01-05"], [_digest(1), "2026-01-05"]]


# --- the report -----------------------------------------------------------------------------------------------------


def test_the_report_lists_rebuilt_digests_and_what_the_record_does_not_cover(versions, tmp_path, capsys):
    versions.commit(V1, "2026-01-05T12:00:00Z")
    code, out, _ = _run(tmp_path, capsys, "--versions", str(versions.folder))
    assert code == 0
    assert "registry/aspnet.json: new record (1 platform images, 1 manifest lists)" in out.splitlines()
    newer = copy.deepcopy(V2)
    extra = copy.deepcopy(newer["repos"][1]["images"][0]["platforms"][0])
    extra.update(dockerfile="src/aspnet/99.0/noble/amd64/Dockerfile", simpleTags=["99.0-noble-amd64"])
    newer["repos"][1]["images"][0]["platforms"].append(extra)
    versions.commit(newer, "2026-02-10T12:00:00Z")
    code, out, _ = _run(tmp_path, capsys, "--versions", str(versions.folder))
    lines = out.splitlines()
    assert code == 0
    assert "registry/aspnet.json: 1 platform digest(s) and 1 manifest list(s) rebuilt" in lines
    assert "  10.0-noble: sha256:aaaaaaaaaaaa -> sha256:bbbbbbbbbbbb" in lines
    assert "  10.0-noble-amd64: sha256:111111111111 -> sha256:222222222222" in lines
    untracked = next(line for line in lines if line.startswith("not in the registry record: "))
    assert "aspire-dashboard: all 4" in untracked and "framework-samples: all 9" in untracked
    assert "aspnet: " in untracked  # the tiny image-info has 4 of aspnet's tags
    assert "not in the catalog: 1 platform images of image-info (dotnet/aspnet: 1)" in lines
    assert f"wrote 1 files to {tmp_path / 'registry'}" in lines


def test_check_fails_when_the_record_is_out_of_date(versions, tmp_path, capsys):
    versions.commit(V1, "2026-01-05T12:00:00Z")
    assert _run(tmp_path, capsys, "--versions", str(versions.folder))[0] == 0
    assert _run(tmp_path, capsys, "--versions", str(versions.folder), "--check")[0] == 0
    versions.commit(V2, "2026-02-10T12:00:00Z")
    code, out, _ = _run(tmp_path, capsys, "--versions", str(versions.folder), "--check")
    assert code == 1 and "registry record is out of date: run `make sync`" in out.splitlines()
    assert _record(tmp_path)["images"][0]["digest"] == _digest(1)  # --check writes nothing


# --- hostile input: one located message, exit 1, nothing written ----------------------------------------------------


def _edit(path: str, value):
    """An edit that sets `path` (dotted keys and [i] indexes under repos[1]) of a copy of V2 to `value`."""

    def edit(info: dict) -> dict:
        node = info["repos"][1]
        *parents, last = path.replace("]", "").replace("[", ".").split(".")
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        if last.isdigit():
            node[int(last)] = value
        else:
            node[last] = value
        return info

    return edit


def _platforms_twice(info: dict) -> dict:
    platforms = info["repos"][1]["images"][0]["platforms"]
    platforms.append(copy.deepcopy(platforms[0]))
    return info


DIGEST = "a digest: sha256: and 64 hex digits, alone or after an image name and @"
TIME = "a UTC time such as 2026-08-10T17:43:36.2833441Z"
PLATFORM = "repos[1].images[0].platforms[0]"
HOSTILE = {
    "digest-not-sha256-hex": (
        _edit("images.0.platforms.0.digest", "mcr.microsoft.com/dotnet/aspnet@sha256:XYZ"),
        f"{PLATFORM}.digest: got 'mcr.microsoft.com/dotnet/aspnet@sha256:XYZ', expected {DIGEST}",
    ),
    "digest-md5": (
        _edit("images.0.platforms.0.layers.0.digest", "md5:d41d8cd98f00b204e9800998ecf8427e"),
        f"{PLATFORM}.layers[0].digest: got 'md5:d41d8cd98f00b204e9800998ecf8427e', expected {DIGEST}",
    ),
    "digest-of-another-repository": (
        _edit("images.0.manifest.digest", f"mcr.microsoft.com/dotnet/sdk@{_digest(3)}"),
        f"repos[1].images[0].manifest.digest: got 'mcr.microsoft.com/dotnet/sdk@{_digest(3)}', expected a digest "
        "of dotnet/aspnet",
    ),
    "digest-with-markup": (
        _edit("images.0.platforms.0.baseImageDigest", f"<img src=x>@{_digest(3)}"),
        f"{PLATFORM}.baseImageDigest: got '<img src=x>@{_digest(3)}', expected {DIGEST}",
    ),
    "base-digest-a-number": (
        _edit("images.0.platforms.0.baseImageDigest", 42),
        f"{PLATFORM}.baseImageDigest: got a number, expected a string or null",
    ),
    "layer-size-negative": (
        _edit("images.0.platforms.0.layers.1.size", -1),
        f"{PLATFORM}.layers[1].size: got -1, expected a size in bytes (a non-negative integer)",
    ),
    "layer-size-a-string": (
        _edit("images.0.platforms.0.layers.1.size", "163"),
        f"{PLATFORM}.layers[1].size: got '163', expected a size in bytes (a non-negative integer)",
    ),
    "layer-size-missing": (
        _edit("images.0.platforms.0.layers.1", {"digest": _digest(8)}),
        f"{PLATFORM}.layers[1].size: missing (expected a size in bytes)",
    ),
    "created-not-a-date": (
        _edit("images.0.platforms.0.created", "yesterday"),
        f"{PLATFORM}.created: got 'yesterday', expected {TIME}",
    ),
    "created-no-such-day": (
        _edit("images.0.manifest.created", "2026-02-30T10:00:00Z"),
        f"repos[1].images[0].manifest.created: got '2026-02-30T10:00:00Z', expected {TIME}",
    ),
    "dockerfile-with-dotdot": (
        _edit("images.0.platforms.0.dockerfile", "src/aspnet/../../../etc/Dockerfile"),
        f"{PLATFORM}.dockerfile: got 'src/aspnet/../../../etc/Dockerfile', expected a relative path without '..' "
        "(letters, digits, _ . - and /)",
    ),
    "unknown-architecture": (
        _edit("images.0.platforms.0.architecture", "s390x"),
        f"{PLATFORM}.architecture: unknown architecture 's390x'",
    ),
    "shared-tag-with-markup": (
        _edit("images.0.manifest.sharedTags", ["10.0", "<script>"]),
        "repos[1].images[0].manifest.sharedTags[1]: got '<script>', expected a Docker tag (letters, digits, _ . -; "
        "at most 128; not starting with . or -)",
    ),
    "one-platform-twice": (
        _platforms_twice,
        f"repos[1].images[0].platforms[1]: dockerfile 'src/aspnet/10.0/noble/amd64' (amd64) is also at {PLATFORM}",
    ),
    "images-not-an-array": (_edit("images", {"a": 1}), "repos[1].images: got an object, expected an array"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_bad_value_in_the_current_file_is_located(versions, tmp_path, capsys, case):
    edit, message = HOSTILE[case]
    versions.commit(V1, "2026-01-05T12:00:00Z")
    versions.put(MAIN, edit(copy.deepcopy(V2)))
    code, _, err = _run(tmp_path, capsys, "--versions", str(versions.folder))
    assert (code, err) == (1, f"sync failed: {versions.folder / MAIN}: {message}\n")
    assert not (tmp_path / "registry").exists() and not (tmp_path / "catalog").exists()


def test_a_bad_value_in_an_older_version_is_located_at_its_commit(versions, tmp_path, capsys):
    old = versions.commit(HOSTILE["digest-not-sha256-hex"][0](copy.deepcopy(V1)), "2026-01-05T12:00:00Z")
    versions.commit(V2, "2026-02-10T12:00:00Z")
    code, _, err = _run(tmp_path, capsys, "--versions", str(versions.folder))
    where = f"{versions.folder} {old[:12]}:{MAIN}"
    assert (code, err) == (1, f"sync failed: {where}: {HOSTILE['digest-not-sha256-hex'][1]}\n")
    assert not (tmp_path / "registry").exists()


def test_invalid_json_in_an_older_version_keeps_its_line(versions, tmp_path, capsys):
    old = versions.commit('{"repos": [\n  {"repo": "dotnet/aspnet",}\n]}', "2026-01-05T12:00:00Z")
    versions.commit(V2, "2026-02-10T12:00:00Z")
    code, _, err = _run(tmp_path, capsys, "--versions", str(versions.folder))
    expected = f"sync failed: {versions.folder} {old[:12]}:{MAIN}:2: invalid JSON: Expecting property name enclosed"
    assert code == 1 and err.startswith(expected)


def test_a_file_that_is_not_a_bundle(tmp_path, capsys):
    bundle = tmp_path / "history.bundle"
    bundle.write_bytes(b"PK\x03\x04 a zip file, not a bundle")
    code, out, err = _run(tmp_path, capsys, "--versions-bundle", str(bundle))
    assert (code, out) == (1, "")
    assert err == f"sync failed: {bundle}: not a git bundle (its first line is not `# v2 git bundle`)\n"
    assert not (tmp_path / "registry").exists()


def test_a_broken_bundle_is_refused_by_git(tmp_path, capsys):
    bundle = tmp_path / "history.bundle"
    bundle.write_bytes(b"# v2 git bundle\n" + b"0" * 40 + b" HEAD\n\nPACK garbage")
    code, _, err = _run(tmp_path, capsys, "--versions-bundle", str(bundle))
    assert code == 1 and err.startswith(f"sync failed: {bundle}: git cannot read the bundle: ")
    assert "Traceback" not in err and err.count("\n") == 1


def test_a_bundle_that_is_a_folder(tmp_path, capsys):
    code, _, err = _run(tmp_path, capsys, "--versions-bundle", str(tmp_path))
    assert (code, err) == (1, f"sync failed: {tmp_path}: a folder, expected a file\n")


def test_a_versions_folder_that_is_not_a_checkout(tmp_path, capsys):
    folder = tmp_path / "versions"
    (folder / "build-info" / "docker").mkdir(parents=True)
    code, _, err = _run(tmp_path, capsys, "--versions", str(folder))
    assert code == 1 and err.startswith(f"sync failed: {folder}: git cannot find the checkout: ")


def test_a_versions_folder_inside_another_checkout(versions, tmp_path, capsys):
    versions.commit(V1, "2026-01-05T12:00:00Z")
    inner = versions.folder / "build-info"
    code, _, err = _run(tmp_path, capsys, "--versions", str(inner))
    assert (code, err) == (
        1,
        f"sync failed: {inner}: not the top folder of a git checkout (that is {versions.folder})\n",
    )


def test_a_history_without_the_files(versions, tmp_path, capsys):
    versions.put("README.md", "nothing here\n")
    versions.git("add", "-A")
    versions.git("commit", "-q", "-m", "x")
    code, _, err = _run(tmp_path, capsys, "--versions", str(versions.folder))
    assert (code, err) == (
        1,
        f"sync failed: {versions.folder}: no commit of its history changes {MAIN}, {SAMPLES}, {FRAMEWORK}\n",
    )


def test_a_repository_in_two_files(versions, tmp_path, capsys):
    versions.commit(V1, "2026-01-05T12:00:00Z", others={SAMPLES: {"repos": [{"repo": "dotnet/aspnet"}]}})
    code, _, err = _run(tmp_path, capsys, "--versions", str(versions.folder))
    expected = f"{versions.folder / SAMPLES}: repos[0]: repository 'dotnet/aspnet' is also in {versions.folder / MAIN}"
    assert (code, err) == (1, f"sync failed: {expected}: repos[1]\n")


def test_registry_out_with_a_hand_kept_file_is_refused(versions, tmp_path, capsys):
    versions.commit(V1, "2026-01-05T12:00:00Z")
    (tmp_path / "registry").mkdir()
    (tmp_path / "registry" / "notes.yml").write_text("mine: true\n")
    code, _, err = _run(tmp_path, capsys, "--versions", str(versions.folder))
    assert (code, err) == (
        1,
        f"sync failed: --registry-out {tmp_path / 'registry'}: {tmp_path / 'registry' / 'notes.yml'} is not a "
        'generated registry record file (its first line is not `{"generated":"GENERATED by `make sync``); refusing to '
        "delete or overwrite it\n",
    )
    assert not (tmp_path / "catalog").exists()
    assert [p.name for p in (tmp_path / "registry").iterdir()] == ["notes.yml"]


def test_a_current_file_linked_outside_the_checkout_is_refused(versions, tmp_path, capsys):
    versions.commit(V1, "2026-01-05T12:00:00Z")
    secret = tmp_path / "secret.json"
    secret.write_text(json.dumps(V2))
    (versions.folder / MAIN).unlink()
    (versions.folder / MAIN).symlink_to(secret)
    code, _, err = _run(tmp_path, capsys, "--versions", str(versions.folder))
    file = versions.folder / MAIN
    assert (code, err) == (
        1,
        f"sync failed: {file}: {file} leads outside {versions.folder}, expected a file inside it\n",
    )


def test_a_folder_with_a_bundle_needs_the_commit_of_its_files(versions, tmp_path, capsys):
    """With --versions-bundle the folder's own git is not read, so SOURCES.md beside it must name the commit."""
    versions.commit(V1, "2026-01-05T12:00:00Z")
    bundle = tmp_path / "history.bundle"
    versions.git("bundle", "create", "-q", str(bundle), "HEAD", "--all")
    code, _, err = _run(tmp_path, capsys, "--versions", str(versions.folder), "--versions-bundle", str(bundle))
    assert code == 1
    assert err == (
        f"sync failed: {versions.folder / MAIN}: cannot tell which upstream commit this is (no row for "
        f"`dotnet-versions/{MAIN}` in {tmp_path / 'SOURCES.md'}, and with --versions-bundle the folder's own git "
        "history is not read)\n"
    )
    (tmp_path / "SOURCES.md").write_text(f"| `dotnet-versions/{MAIN}` | dotnet/versions | `{MAIN}` | `{'d' * 40}` |\n")
    for path in (SAMPLES, FRAMEWORK):
        with (tmp_path / "SOURCES.md").open("a") as sources:
            sources.write(f"| `dotnet-versions/{path}` | dotnet/versions | `{path}` | `{'d' * 40}` |\n")
    code, _, err = _run(tmp_path, capsys, "--versions", str(versions.folder), "--versions-bundle", str(bundle))
    assert (code, err) == (
        1,
        f"sync failed: {tmp_path / 'SOURCES.md'}: commit {'d' * 40} of `dotnet-versions/{MAIN}` has no row in the "
        "table of snapshot heads (expected `| github.com/<repository> | <branch> | `<commit>` | <date> |`)\n",
    )
    with (tmp_path / "SOURCES.md").open("a") as sources:  # the commit's date, as the snapshot heads give it
        sources.write(f"\n| github.com/dotnet/versions | `main` (HEAD) | `{'d' * 40}` | 2026-01-06 |\n")
    assert _run(tmp_path, capsys, "--versions", str(versions.folder), "--versions-bundle", str(bundle))[0] == 0
    assert _record(tmp_path)["source"]["commit"] == "d" * 40
    assert _record(tmp_path)["source"]["commit_date"] == "2026-01-06"
