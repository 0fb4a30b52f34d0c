"""The sync treats upstream text as hostile: each bad input below stops it with exit code 1 and one
located message (`file: JSON path: what was wrong`), never a traceback, and writes nothing.

Every case runs against a tiny upstream built in tmp_path (two repositories, one platform each)."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT
from macros import sync

COMMIT = "a" * 40
DAY = "2026-08-21"
LOCAL_NAMES = (
    "dotnet-docker/manifest.json",
    "dotnet-docker/manifest.samples.json",
    "dotnet-framework-docker/manifest.json",
    "dotnet-framework-docker/manifest.samples.json",
)
TAG = "a Docker tag (letters, digits, _ . -; at most 128; not starting with . or -)"
PATH = "a relative path without '..' (letters, digits, _ . - and /)"
KEY = "a lowercase key such as noble or nanoserver-ltsc2025"
MANIFEST = {
    "registry": "mcr.microsoft.com",
    "includes": ["manifest.versions.json"],
    "repos": [
        {
            "id": "aspnet",
            "name": "dotnet/aspnet",
            "images": [
                {
                    "productVersion": "$(dotnet|10.0|product-version)",
                    "sharedTags": {"$(dotnet|10.0|product-version)": {}, "10.0": {}},
                    "platforms": [
                        {
                            "dockerfile": "src/aspnet/10.0/noble/amd64",
                            "os": "linux",
                            "osVersion": "noble",
                            "tags": {"$(dotnet|10.0|product-version)-noble-amd64": {}, "10.0-noble-amd64": {}},
                        }
                    ],
                }
            ],
        },
        {
            "id": "aspire-dashboard",
            "name": "dotnet/aspire-dashboard",
            "images": [
                {
                    "productVersion": "$(aspire-dashboard|product-version)",
                    "sharedTags": {"$(aspire-dashboard|product-version)": {}},
                    "platforms": [
                        {
                            "dockerfile": "src/aspire-dashboard/noble/amd64",
                            "os": "linux",
                            "osVersion": "noble-chiseled",
                            "tags": {"13-amd64": {}},
                        }
                    ],
                }
            ],
        },
    ],
}
VARIABLES = {"dotnet|10.0|product-version": "10.0.11", "aspire-dashboard|product-version": "13.5.1"}


class Upstream:
    """Two upstream checkouts with SOURCES.md beside them, and an --out folder, under one tmp folder."""

    def __init__(self, root: Path, capsys, versions: Path) -> None:
        self.root, self.capsys, self.registry_source = root, capsys, versions
        self.docker, self.framework = root / "dotnet-docker", root / "dotnet-framework-docker"
        self.out = root / "out"
        self.manifest = self.docker / "manifest.json"
        self.versions = self.docker / "manifest.versions.json"
        self.sources(LOCAL_NAMES)
        self.put(self.manifest, MANIFEST)
        self.put(self.versions, {"variables": VARIABLES})
        for path in (self.docker / "manifest.samples.json", self.framework / "manifest.json"):
            self.put(path, {"repos": []})
        self.put(self.framework / "manifest.samples.json", {"repos": []})

    def sources(self, names, commit: str = COMMIT) -> None:
        """SOURCES.md: one row per vendored file, and the commit's date in the table of snapshot heads."""
        rows = "".join(f"| `{name}` | upstream | `{name.split('/')[1]}` | `{commit}` (main) |\n" for name in names)
        self.put(self.root / "SOURCES.md", rows + f"\n| github.com/upstream | `main` | `{commit}` | {DAY} |\n")

    @staticmethod
    def put(path: Path, content) -> None:
        """Write JSON (a dict or list), text or bytes."""
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content if isinstance(content, str) else json.dumps(content, indent=2))

    def change(self, edit=None, variables: dict | None = None) -> None:
        """Write the default manifest changed by `edit(manifest)`, and the default variables plus `variables`."""
        manifest = copy.deepcopy(MANIFEST)
        if edit:
            edit(manifest)
        self.put(self.manifest, manifest)
        self.put(self.versions, {"variables": VARIABLES | (variables or {})})

    def case(self, table: dict, name: str) -> None:
        """Apply one case of a table {name: (edit, message[, variables])} and check the manifest's message."""
        edit, message, *variables = table[name]
        self.change(edit, *variables)
        self.fails(f"{self.manifest}: {message}")

    def run(self, *extra: str) -> tuple[int, str]:
        folders = ["--dotnet-docker", str(self.docker), "--framework-docker", str(self.framework)]
        # The registry record comes from a one-publish checkout: these cases are about the manifests.
        code = sync.main([*folders, "--versions", str(self.registry_source), "--out", str(self.out), *extra])
        return code, self.capsys.readouterr().err

    def fails(self, message: str) -> None:
        """The sync stops with exit code 1, exactly this message, and no catalog written."""
        assert self.run() == (1, f"sync failed: {message}\n")
        assert not self.out.exists()


@pytest.fixture
def up(tmp_path, capsys, tiny_versions) -> Upstream:
    return Upstream(tmp_path / "up", capsys, tiny_versions)


def _image(manifest, repo=0):
    return manifest["repos"][repo]["images"][0]


def _platform(manifest, repo=0):
    return _image(manifest, repo)["platforms"][0]


def test_the_tiny_upstream_syncs(up):
    """The starting point of every case below is valid: the failures come from the one edit each makes."""
    assert up.run() == (0, "")
    assert sorted(p.name for p in up.out.iterdir()) == ["aspire-dashboard.yml", "aspnet.yml"]
    assert f"# at commit {COMMIT}." in (up.out / "aspnet.yml").read_text()


# --- grammar: every value is checked after `$(var)` expansion --------------------------------------------------------

P0 = "repos[0].images[0].platforms[0]"
GRAMMAR = {
    "html-in-product-version": (
        None,
        "repos[1].images[0].productVersion: got '13.5.1 <img src=x onerror=alert(document.domain)>', expected a "
        "version such as 10.0.11 or 11.0.100-preview.7 (expanded from '$(aspire-dashboard|product-version)')",
        {"aspire-dashboard|product-version": "13.5.1 <img src=x onerror=alert(document.domain)>"},
    ),
    "markdown-link-shared-tag": (
        lambda m: _image(m)["sharedTags"].update({"10.0-[md](javascript:alert(1))": {}}),
        f"repos[0].images[0].sharedTags: got '10.0-[md](javascript:alert(1))', expected {TAG}",
    ),
    "html-platform-tag": (
        lambda m: _platform(m)["tags"].update({"<s>": {}}),
        f"{P0}.tags: got '<s>', expected {TAG}",
    ),
    "escape-codes-from-a-variable": (
        lambda m: _platform(m)["tags"].update({"10.0-$(suffix)": {}}),
        f"{P0}.tags: got '10.0-noble\\x1b[31m', expected {TAG} (expanded from '10.0-$(suffix)')",
        {"suffix": "noble\x1b[31m"},
    ),
    "tag-starting-with-a-dash": (
        lambda m: _platform(m)["tags"].update({"--help": {}}),
        f"{P0}.tags: got '--help', expected {TAG}",
    ),
    "tag-of-129-characters": (
        lambda m: _platform(m)["tags"].update({"t" * 129: {}}),
        f"{P0}.tags: got '{'t' * 80}', expected {TAG}",
    ),
    "dockerfile-climbing-out": (
        lambda m: _platform(m).update({"dockerfile": "../../../etc/passwd"}),
        f"{P0}.dockerfile: got '../../../etc/passwd', expected {PATH}",
    ),
    "dockerfile-absolute": (
        lambda m: _platform(m).update({"dockerfile": "/etc/passwd"}),
        f"{P0}.dockerfile: got '/etc/passwd', expected {PATH}",
    ),
    "repository-name-climbing-out": (
        lambda m: m["repos"][0].update({"name": "dotnet/../../x"}),
        f"repos[0].name: got 'dotnet/../../x', expected {PATH}",
    ),
    "os-version-with-markup": (
        lambda m: _platform(m).update({"osVersion": 'noble"><script>'}),
        f"{P0}.osVersion: got 'noble\"><script>', expected {KEY}",
    ),
    "os-with-a-space": (
        lambda m: _platform(m).update({"os": "linux windows"}),
        f"{P0}.os: got 'linux windows', expected {KEY}",
    ),
    "unknown-architecture": (
        lambda m: _platform(m).update({"architecture": "arm64<b>"}),
        f"{P0}.architecture: unknown architecture 'arm64<b>'",
    ),
    "unknown-variable": (
        lambda m: _platform(m)["tags"].update({"$(nope)-noble": {}}),
        f"{P0}.tags: unknown variable $(nope) (not in the manifest or its includes)",
    ),
}


@pytest.mark.parametrize("case", GRAMMAR, ids=str)
def test_a_value_outside_its_grammar_stops_the_sync(up, case):
    up.case(GRAMMAR, case)


SIZE_KEY = '["dotnet/nightly/aspnet"]["src/aspnet/10.0/noble/amd64"]'


@pytest.mark.parametrize(
    ("value", "shown"),
    [(-5, "-5"), ("12 MB", "'12 MB'"), (True, "true"), (1.5, "1.5")],
    ids=["negative", "string", "true", "float"],
)
def test_an_image_size_must_be_a_non_negative_integer(up, value, shown):
    sizes = up.docker / "tests" / "performance" / "ImageSize.nightly.windows.json"
    up.put(sizes, {"dotnet/nightly/aspnet": {"src/aspnet/10.0/noble/amd64": value}})
    up.fails(f"{sizes}: {SIZE_KEY}: got {shown}, expected a size in bytes (a non-negative integer)")


# --- shape and types: a missing key or a wrong type anywhere is located --------------------------------------------

SHAPE = {
    "repo-without-images": (lambda m: m["repos"][0].pop("images"), "repos[0].images: missing (expected an array)"),
    "repo-without-id": (lambda m: m["repos"][1].pop("id"), "repos[1].id: missing (expected a string)"),
    "repos-a-string": (lambda m: m.update({"repos": "all"}), "repos: got a string, expected an array"),
    "image-null": (
        lambda m: m["repos"][0].update({"images": [None]}),
        "repos[0].images[0]: got null, expected an object",
    ),
    "platforms-an-object": (
        lambda m: _image(m).update({"platforms": {}}),
        "repos[0].images[0].platforms: got an object, expected an array",
    ),
    "tag-map-a-list": (
        lambda m: _platform(m).update({"tags": ["10.0"]}),
        f"{P0}.tags: got an array, expected an object",
    ),
    "product-version-a-number": (
        lambda m: _image(m).update({"productVersion": 10}),
        "repos[0].images[0].productVersion: got a number, expected a string",
    ),
    "dockerfile-null": (
        lambda m: _platform(m).update({"dockerfile": None}),
        f"{P0}.dockerfile: got null, expected a string",
    ),
    "os-true": (lambda m: _platform(m).update({"os": True}), f"{P0}.os: got true, expected a string"),
    "tag-metadata-a-string": (
        lambda m: _platform(m).update({"tags": {"10.0": "Undocumented"}}),
        f'{P0}.tags["10.0"]: got a string, expected an object or null',
    ),
    "doc-type-a-number": (
        lambda m: _platform(m).update({"tags": {"10.0": {"docType": 5}}}),
        f'{P0}.tags["10.0"].docType: got a number, expected a string',
    ),
    "variables-a-list": (lambda m: m.update({"variables": []}), "variables: got an array, expected an object"),
    "includes-a-string": (
        lambda m: m.update({"includes": "manifest.versions.json"}),
        "includes: got a string, expected an array",
    ),
    "include-a-number": (lambda m: m.update({"includes": [5]}), "includes[0]: got a number, expected a string"),
}


@pytest.mark.parametrize("case", SHAPE, ids=str)
def test_a_missing_key_or_wrong_type_is_located(up, case):
    up.case(SHAPE, case)


def test_a_variable_that_is_an_object_is_located_in_its_include(up):
    up.put(up.versions, {"variables": {**VARIABLES, "dotnet|10.0|fixed-tag": {"a": 1}}})
    expected = "got an object, expected a string, true/false or a number"
    up.fails(f'{up.versions}: variables["dotnet|10.0|fixed-tag"]: {expected}')


def test_a_manifest_that_is_an_array_is_located(up):
    up.put(up.manifest, [])
    up.fails(f"{up.manifest}: got an array, expected an object")


def test_a_size_file_that_is_an_array_is_located(up):
    sizes = up.docker / "tests" / "performance" / "ImageSize.nightly.linux.normalized.json"
    up.put(sizes, [1, 2])
    up.fails(f"{sizes}: got an array, expected an object")


def test_json_nested_20000_deep_stops_without_a_traceback(up):
    """json.loads raises RecursionError here; the real command line must still print one line and exit 1."""
    up.put(up.manifest, "[" * 20_000 + "]" * 20_000)
    command = [sys.executable, "-m", "macros.sync", "--dotnet-docker", str(up.docker), "--out", str(up.out)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (
        1,
        f"sync failed: {up.manifest}: invalid JSON: nested too deeply to read\n",
    )
    assert result.stdout == "" and not up.out.exists()


def test_a_number_too_long_for_python_is_located(up):
    up.put(up.manifest, '{"repos": ' + "9" * 5000 + "}")
    up.fails(f"{up.manifest}: invalid JSON: Exceeds the limit (4300 digits) for integer string conversion")


# --- reading: the file itself is refused with its path --------------------------------------------------------------


def test_a_manifest_that_is_a_folder(up):
    up.manifest.unlink()
    up.manifest.mkdir()
    up.fails(f"{up.manifest}: a folder, expected a file")


def test_a_manifest_in_a_symlink_loop(up):
    up.manifest.unlink()
    up.manifest.symlink_to(up.manifest)
    up.fails(f"{up.manifest}: cannot read (Too many levels of symbolic links)")


def test_an_unreadable_manifest(up, monkeypatch):
    """os.open refuses the manifest as it would for a user without read permission (the suite runs
    as root in CI, where chmod 0 would not stop the read)."""
    real_open = os.open

    def refusing_open(path, *args, **kwargs):
        if Path(path) == up.manifest:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    up.fails(f"{up.manifest}: cannot read (Permission denied)")


def test_a_manifest_that_is_not_utf8(up):
    up.put(up.manifest, b'{\n  "repos": ["\xff"]\n}')
    up.fails(f"{up.manifest}:2: not UTF-8 (byte 0xff)")


def test_invalid_json_keeps_its_line_number(up):
    up.put(up.manifest, '{\n  "repos": [\n    ,\n  ]\n}')
    up.fails(f"{up.manifest}:3: invalid JSON: Expecting value")


def test_a_missing_manifest(up):
    samples = up.framework / "manifest.samples.json"
    samples.unlink()
    up.fails(f"{samples}: file not found")


def test_a_manifest_that_is_a_fifo_is_refused_without_blocking(up):
    up.manifest.unlink()
    os.mkfifo(up.manifest)
    up.fails(f"{up.manifest}: not a regular file (a pipe, device or socket), expected a file")


def test_a_manifest_linked_to_dev_zero_is_refused(up):
    samples = up.docker / "manifest.samples.json"
    samples.unlink()
    samples.symlink_to("/dev/zero")
    up.fails(f"{samples}: not a regular file (a pipe, device or socket), expected a file")


# --- limits: variable expansion and includes are bounded by construction --------------------------------------------


def _doubling(levels: int, leaf: str) -> dict[str, str]:
    """v0 = $(v1)$(v1), v1 = $(v2)$(v2), ...: 2**levels copies of `leaf` if expanded naively."""
    return {f"v{i}": f"$(v{i + 1})$(v{i + 1})" for i in range(levels)} | {f"v{levels}": leaf}


def _tag_v0(manifest) -> None:
    _platform(manifest)["tags"]["$(v0)"] = {}


LIMITS = {
    "doubling-40-levels": (_tag_v0, f"{P0}.tags: $(v0) nests variables more than 20 deep", _doubling(40, "x")),
    "doubling-past-1000-characters": (
        _tag_v0,
        f"{P0}.tags: $(v3) expands to more than 1,000 characters",
        _doubling(12, "ab"),
    ),
    "cycle": (
        lambda m: _platform(m)["tags"].update({"$(a)": {}}),
        f"{P0}.tags: variable $(a) refers to itself",
        {"a": "$(b)", "b": "$(a)"},
    ),
    "long-variable": (
        lambda m: _platform(m)["tags"].update({"$(long)": {}}),
        f"{P0}.tags: $(long) is longer than 1,000 characters",
        {"long": "x" * 1001},
    ),
    "long-tag": (
        lambda m: _platform(m)["tags"].update({"x" * 1001: {}}),
        f"{P0}.tags: the value is longer than 1,000 characters",
    ),
    "include-absolute": (
        lambda m: m.update({"includes": ["/etc/passwd"]}),
        f"includes[0]: got '/etc/passwd', expected {PATH}",
    ),
    "include-climbing-out": (
        lambda m: m.update({"includes": ["../SOURCES.md"]}),
        f"includes[0]: got '../SOURCES.md', expected {PATH}",
    ),
}


@pytest.mark.parametrize("case", LIMITS, ids=str)
def test_expansion_and_includes_are_bounded(up, case):
    up.case(LIMITS, case)


@pytest.mark.parametrize("target", ["outside", "/dev/zero"])
def test_an_include_linked_outside_the_checkout_is_refused(up, target):
    (up.root / "outside.json").write_text('{"variables": {}}')
    link = up.docker / "escape.json"
    link.symlink_to(up.root / target)
    up.change(lambda m: m["includes"].append("escape.json"))
    up.fails(f"{up.manifest}: includes[1]: {link} leads outside {up.docker}, expected a file inside it")


def test_an_include_in_a_symlink_loop_is_refused(up):
    link = up.docker / "loop.json"
    link.symlink_to(link)
    up.change(lambda m: m["includes"].append("loop.json"))
    up.fails(f"{up.manifest}: includes[1]: cannot follow {link} (Symlink loop from '{link}')")


def test_an_include_that_is_a_fifo_is_refused(up):
    os.mkfifo(up.docker / "pipe.json")
    up.change(lambda m: m["includes"].append("pipe.json"))
    up.fails(f"{up.docker / 'pipe.json'}: not a regular file (a pipe, device or socket), expected a file")


def test_an_include_over_1_mb_is_refused(up):
    up.put(up.docker / "big.json", '{"variables": {}}' + " " * 1_000_000)
    up.change(lambda m: m["includes"].append("big.json"))
    up.fails(f"{up.docker / 'big.json'}: larger than 1,000,000 bytes, more than an upstream file may be")


# --- --out: only files the sync wrote are ever deleted or overwritten -----------------------------------------------


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_out_pointing_at_the_hand_kept_data_touches_nothing(tmp_path):
    data = shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("upstream"))
    before = _snapshot(data)
    command = [sys.executable, "-m", "macros.sync", "--out", str(data)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (
        f"sync failed: --out {data}: {data / 'legacy.yml'} is not a generated catalog file (its first line is not "
        "`# GENERATED by `make sync``); refusing to delete or overwrite it\n"
    )
    assert _snapshot(data) == before


def _refused(up, path: Path) -> str:
    return (
        f"sync failed: --out {up.out}: {path} is not a generated catalog file (its first line is not "
        "`# GENERATED by `make sync``); refusing to delete or overwrite it\n"
    )


def test_out_with_one_hand_kept_file_deletes_no_generated_one(up):
    up.put(up.out / "aspnet.yml", "# GENERATED by `make sync` long ago\nrepository: dotnet/aspnet\n")
    up.put(up.out / "notes.yml", "mine: true\n")
    before = _snapshot(up.out)
    assert up.run() == (1, _refused(up, up.out / "notes.yml"))
    assert _snapshot(up.out) == before


def test_out_with_a_symlink_does_not_write_through_it(up):
    victim = up.root / "victim.txt"
    victim.write_text("# GENERATED by `make sync` (a decoy header)\n")
    up.out.mkdir()
    (up.out / "aspnet.yml").symlink_to(victim)
    assert up.run() == (1, _refused(up, up.out / "aspnet.yml"))
    assert victim.read_text() == "# GENERATED by `make sync` (a decoy header)\n"


def test_out_with_a_folder_named_like_a_catalog_file(up):
    (up.out / "aspnet.yml").mkdir(parents=True)
    assert up.run() == (1, _refused(up, up.out / "aspnet.yml"))


def test_out_that_is_a_file(up):
    up.put(up.out, "not a folder\n")
    assert up.run() == (1, f"sync failed: --out {up.out}: not a folder\n")


def test_out_replaces_its_own_stale_files(up):
    """The guard does not get in the way: a generated file no longer produced is deleted."""
    up.put(up.out / "runtime.yml", "# GENERATED by `make sync` earlier\n")
    assert up.run() == (0, "")
    assert sorted(p.name for p in up.out.iterdir()) == ["aspire-dashboard.yml", "aspnet.yml"]


# --- collisions: two repositories never share a catalog file --------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"), [("dotnet/a-b", "dotnet/a/b"), ("dotnet/aspnet", "dotnet/Aspnet")], ids=["slash", "case"]
)
def test_two_repositories_mapping_to_one_file(up, first, second):
    up.change(lambda m: (m["repos"][0].update({"name": first}), m["repos"][1].update({"name": second})))
    name = sync.file_name(second)
    clash = f"{second!r} and {first!r} ({up.manifest}: repos[0]) would both be written to {name}"
    up.fails(f"{up.manifest}: repos[1].name: {clash}")


def test_one_repository_in_two_manifests(up):
    samples = up.docker / "manifest.samples.json"
    up.put(samples, {"repos": [{"id": "x", "name": "dotnet/aspnet", "images": []}]})
    clash = f"'dotnet/aspnet' and 'dotnet/aspnet' ({up.manifest}: repos[0]) would both be written to aspnet.yml"
    up.fails(f"{samples}: repos[0].name: {clash}")


# --- commit: a link never says `unknown` ----------------------------------------------------------------------------


def _no_commit(up) -> str:
    return (
        f"{up.manifest}: cannot tell which upstream commit this is (no row for `dotnet-docker/manifest.json` in "
        f"{up.root / 'SOURCES.md'}, and {up.docker} is not the top of a git checkout)"
    )


def _git(folder: Path) -> str:
    """Make `folder` a git checkout with one commit; its HEAD."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t"}
    env |= {"GIT_COMMITTER_EMAIL": "t@t", "GIT_CONFIG_GLOBAL": "/dev/null"}
    env |= {"GIT_AUTHOR_DATE": "2026-09-02T01:30:00+03:00", "GIT_COMMITTER_DATE": "2026-09-02T01:30:00+03:00"}
    for command in (["init", "-q"], ["commit", "-q", "--allow-empty", "-m", "x"]):
        subprocess.run(["git", "-C", str(folder), *command], check=True, env=env, capture_output=True)
    return subprocess.run(
        ["git", "-C", str(folder), "rev-parse", "HEAD"], check=True, capture_output=True, text=True
    ).stdout.strip()


def test_no_sources_row_and_no_git_checkout(up):
    (up.root / "SOURCES.md").unlink()
    up.fails(_no_commit(up))


def test_a_folder_inside_someone_elses_git_checkout(up):
    """Before, `git rev-parse HEAD` in a subfolder gave the enclosing project's commit."""
    up.sources(LOCAL_NAMES[2:])
    _git(up.root)
    up.fails(_no_commit(up))


def test_a_git_checkout_gives_its_head(up):
    up.sources(LOCAL_NAMES[2:])
    head = _git(up.docker)
    assert up.run() == (0, "")
    text = (up.out / "aspnet.yml").read_text()
    assert f"# at commit {head}." in text
    assert "date: 2026-09-01" in text  # the commit's date as a UTC day, not the committer's (22:30 UTC)


def test_a_malformed_commit_in_sources_md(up):
    up.sources(LOCAL_NAMES, commit="3ed00b6<script>")
    expected = "got '3ed00b6<script>', expected a git commit: 40 hex digits"
    up.fails(f"{up.root / 'SOURCES.md'}:1: 'dotnet-docker/manifest.json': {expected}")


# --- report: versions per channel, then tags -------------------------------------------------------------------------


def _catalog(*images: tuple[str | None, str]) -> str:
    entries = [{"channel": c, "version": v, "platform_tags": [f"{v}-noble"], "shared_tags": [v]} for c, v in images]
    return sync.render_document({"source": {"repository": "r", "manifest": "m", "commit": COMMIT}, "images": entries})


def test_the_report_names_each_changed_version():
    old = {
        "aspnet.yml": _catalog(("10.0", "10.0.11"), ("9.0", "9.0.8"), ("8.0", "8.0.30")),
        "aspire-dashboard.yml": _catalog((None, "13.5.1")),
    }
    new = {
        "aspnet.yml": _catalog(("11.0", "11.0.0-preview.7"), ("10.0", "10.0.12"), ("9.0", "9.0.8")),
        "aspire-dashboard.yml": _catalog((None, "13.6.0")),
    }
    assert sync.changes(old, new) == [
        "aspire-dashboard.yml: version 13.5.1 -> 13.6.0",
        "aspire-dashboard.yml: 2 tag(s) added, 2 removed",
        "  + 13.6.0",
        "  + 13.6.0-noble",
        "  - 13.5.1",
        "  - 13.5.1-noble",
        "aspnet.yml: version 8.0.30 -> (none)",
        "aspnet.yml: version 10.0.11 -> 10.0.12",
        "aspnet.yml: version (none) -> 11.0.0-preview.7",
        "aspnet.yml: 4 tag(s) added, 4 removed",
        "  + 10.0.12",
        "  + 10.0.12-noble",
        "  + 11.0.0-preview.7",
        "  + 11.0.0-preview.7-noble",
        "  - 8.0.30",
        "  - 8.0.30-noble",
        "  - 10.0.11",
        "  - 10.0.11-noble",
    ]


def test_the_report_reads_a_broken_old_file_as_empty():
    """An old catalog file that is not YAML any more is about to be replaced: the report does not crash on it."""
    assert sync.changes(
        {"aspnet.yml": "# GENERATED by `make sync`\n[: ["}, {"aspnet.yml": _catalog(("10.0", "10.0.12"))}
    ) == [
        "aspnet.yml: version (none) -> 10.0.12",
        "aspnet.yml: 2 tag(s) added, 0 removed",
        "  + 10.0.12",
        "  + 10.0.12-noble",
    ]
