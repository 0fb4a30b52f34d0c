"""Generate data/catalog/*.yml from the upstream image manifests (python -m macros.sync).

Reads the dotnet-docker and dotnet-framework-docker manifests, resolves their `$(...)`
variables, keeps only documented tags, and writes one sorted YAML file per repository.
Prints which tags each repository gained or lost compared with the files it replaces.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from .data.load import DATA_DIR, ROOT
from .data.yamlio import display_path
from .model.order import VARIANTS, version_key

ARCHITECTURES = {"amd64": "amd64", "arm64": "arm64v8", "arm": "arm32v7"}
ARCH_ORDER = ("amd64", "arm64v8", "arm32v7")
_VARIABLE = re.compile(r"\$\(([\w:\-.| ]+)\)")


class SyncError(Exception):
    """The upstream data cannot be turned into a catalog; the message says where and why."""


@dataclass(frozen=True)
class Manifest:
    """One upstream manifest file and where it came from."""

    path: Path
    source_repository: str
    commit: str


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SyncError(f"{path}: file not found") from None
    except json.JSONDecodeError as error:
        raise SyncError(f"{path}:{error.lineno}: invalid JSON: {error.msg}") from None


def _variables(manifest_path: Path, manifest: dict) -> dict[str, str]:
    """The manifest's own variables plus those of the files it includes."""
    variables = dict(manifest.get("variables", {}))
    for include in manifest.get("includes", []):
        variables.update(_read_json(manifest_path.parent / include).get("variables", {}))
    return {k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in variables.items()}


def _resolver(manifest_path: Path, manifest: dict):
    """A function that expands `$(name)` recursively, as ImageBuilder's VariableHelper does."""
    variables = _variables(manifest_path, manifest)
    repos = {r["id"]: f"{manifest.get('registry', 'mcr.microsoft.com')}/{r['name']}" for r in manifest["repos"]}

    def lookup(match: re.Match, seen: tuple) -> str:
        name = match.group(1)
        if name in seen:
            raise SyncError(f"{manifest_path}: variable $({name}) refers to itself")
        if ":" in name:
            kind, _, arg = name.partition(":")
            if kind == "Repo" and arg in repos:
                return repos[arg]
            raise SyncError(f"{manifest_path}: unknown built-in variable $({name})")
        if name not in variables:
            raise SyncError(f"{manifest_path}: unknown variable $({name}) (not in the manifest or its includes)")
        return expand(variables[name], (*seen, name))

    def expand(text: str, seen: tuple = ()) -> str:
        return _VARIABLE.sub(lambda m: lookup(m, seen), text)

    return expand


def _channel(raw_product_version: str | None, resolved: str | None) -> str | None:
    """The .NET channel whose lifecycle applies to an image."""
    if raw_product_version is None:
        return None
    match = re.fullmatch(r"\$\((dotnet|sdk|monitor)\|(\d+)\.(\d+)\|product-version\)", raw_product_version)
    if match:
        component, major, minor = match.groups()
        # dotnet-monitor's major version is the .NET major version it ships on (8.1 runs on .NET 8).
        return f"{major}.0" if component == "monitor" else f"{major}.{minor}"
    if resolved and re.fullmatch(r"4\.\d+(\.\d+)?", resolved):
        return resolved  # .NET Framework: the product version is the channel
    return None  # appliances such as aspire-dashboard follow their own lifecycle


def _os_version(os_version: str, known: dict[str, str], where: str) -> tuple[str, str]:
    """(base OS version, distro) for an upstream osVersion such as `noble-chiseled`."""
    base = re.sub(r"-(chiseled|distroless)$", "", os_version)
    if base not in known:
        raise SyncError(f"{where}: unknown OS version '{base}' (add it to data/platforms.yml)")
    return base, known[base]


def _variants(dockerfile: str, os_version: str) -> list[str]:
    words = set(re.split(r"[/.\-]", dockerfile)) | set(os_version.split("-"))
    return [v for v in VARIANTS if v in words]


def _documented(tags: dict) -> list[str]:
    return [t for t, meta in tags.items() if (meta or {}).get("docType") != "Undocumented"]


def read_manifest(manifest: Manifest, os_versions: dict[str, str], sizes: dict) -> dict[str, dict]:
    """Catalog documents, keyed by repository name, for one manifest."""
    data = _read_json(manifest.path)
    expand = _resolver(manifest.path, data)
    documents = {}
    for repo in data["repos"]:
        images = []
        for image in repo["images"]:
            raw_version = image.get("productVersion")
            version = expand(raw_version) if raw_version else None
            channel = _channel(raw_version, version)
            shared = [expand(t) for t in _documented(image.get("sharedTags", {}))]
            for platform in image["platforms"]:
                where = f"{display_path(manifest.path, ROOT)}: {repo['name']} {platform['dockerfile']}"
                base, distro = _os_version(platform["osVersion"], os_versions, where)
                arch = ARCHITECTURES.get(platform.get("architecture", "amd64"))
                if arch is None:
                    raise SyncError(f"{where}: unknown architecture '{platform['architecture']}'")
                entry = {
                    "channel": channel,
                    "version": version,
                    "os": platform["os"],
                    "os_version": base,
                    "distro": distro,
                    "architecture": arch,
                    "dockerfile": platform["dockerfile"],
                    "platform_tags": [expand(t) for t in _documented(platform["tags"])],
                    "shared_tags": list(shared),
                    "variants": _variants(platform["dockerfile"], platform["osVersion"]),
                }
                size = sizes.get((repo["name"], platform["dockerfile"]))
                if size:
                    entry["size_bytes"] = size
                if entry["platform_tags"] or entry["shared_tags"]:
                    images.append(entry)
        images.sort(key=_image_order)
        documents[repo["name"]] = {
            "repository": repo["name"],
            "source": {
                "repository": manifest.source_repository,
                "commit": manifest.commit,
                "manifest": manifest.path.name,
            },
            "images": images,
        }
    return documents


def _image_order(entry: dict) -> tuple:
    channel = entry["channel"] or ""
    return (
        tuple(-k for k in version_key(channel)),
        entry["os"],
        entry["os_version"],
        entry["variants"],
        ARCH_ORDER.index(entry["architecture"]),
        entry["dockerfile"],
    )


def read_sizes(folder: Path) -> dict[tuple[str, str], int]:
    """Approximate sizes (bytes) by (repository, dockerfile), from upstream's May 2025 baselines."""
    sizes = {}
    for name in ("ImageSize.nightly.linux.normalized.json", "ImageSize.nightly.windows.json"):
        path = folder / name
        if not path.exists():
            continue
        for repo, entries in _read_json(path).items():
            for dockerfile, size in entries.items():
                sizes[(repo.replace("/nightly/", "/"), dockerfile)] = int(size)
    return sizes


def source_commits(upstream: Path) -> dict[str, str]:
    """Commit of each vendored file, from the table in SOURCES.md (`local file` -> commit)."""
    path = upstream / "SOURCES.md"
    if not path.exists():
        return {}
    commits = {}
    for row in re.finditer(r"^\| `([^`]+)` \| [^|]+ \| [^|]+ \| `([0-9a-f]{40})`", path.read_text(), re.M):
        commits[row.group(1)] = row.group(2)
    return commits


def _commit_of(folder: Path, local_name: str, commits: dict[str, str]) -> str:
    if local_name in commits:
        return commits[local_name]
    try:  # a real upstream checkout
        return subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def generate(dotnet_docker: Path, framework_docker: Path) -> dict[str, str]:
    """The catalog as {file name: YAML text}."""
    platforms = yaml.safe_load((DATA_DIR / "platforms.yml").read_text(encoding="utf-8"))
    os_versions = {o["os_version"]: o["distro"] for o in platforms["os_versions"]}
    commits = source_commits(dotnet_docker.parent)
    sizes = read_sizes(dotnet_docker / "tests" / "performance")
    manifests = [
        Manifest(
            dotnet_docker / "manifest.json",
            "dotnet/dotnet-docker",
            _commit_of(dotnet_docker, "dotnet-docker/manifest.json", commits),
        ),
        Manifest(
            dotnet_docker / "manifest.samples.json",
            "dotnet/dotnet-docker",
            _commit_of(dotnet_docker, "dotnet-docker/manifest.samples.json", commits),
        ),
        Manifest(
            framework_docker / "manifest.json",
            "microsoft/dotnet-framework-docker",
            _commit_of(framework_docker, "dotnet-framework-docker/manifest.json", commits),
        ),
        Manifest(
            framework_docker / "manifest.samples.json",
            "microsoft/dotnet-framework-docker",
            _commit_of(framework_docker, "dotnet-framework-docker/manifest.samples.json", commits),
        ),
    ]
    files = {}
    for manifest in manifests:
        for name, document in read_manifest(manifest, os_versions, sizes).items():
            files[file_name(name)] = render_document(document)
    return dict(sorted(files.items()))


def file_name(repository: str) -> str:
    return repository.removeprefix("dotnet/").replace("/", "-") + ".yml"


def render_document(document: dict) -> str:
    source = document["source"]
    header = (
        "# GENERATED by `make sync` (python -m macros.sync). Do not edit: change the upstream data\n"
        f"# or the sync, then run `make sync`. Source: {source['repository']} {source['manifest']}\n"
        f"# at commit {source['commit']}.\n"
    )
    return header + yaml.safe_dump(document, sort_keys=False, default_flow_style=None, width=110, allow_unicode=True)


def _tags(text: str) -> set[str]:
    document = yaml.safe_load(text) or {}
    return {t for i in document.get("images", []) for t in i.get("platform_tags", []) + i.get("shared_tags", [])}


def changes(old: dict[str, str], new: dict[str, str]) -> list[str]:
    """One line per repository whose documented tags changed, then the tags themselves."""
    lines = []
    for name in sorted(set(old) | set(new)):
        before, after = _tags(old.get(name, "")), _tags(new.get(name, ""))
        added, removed = sorted(after - before, key=version_key), sorted(before - after, key=version_key)
        if added or removed:
            lines.append(f"{name}: {len(added)} tag(s) added, {len(removed)} removed")
            lines += [f"  + {t}" for t in added] + [f"  - {t}" for t in removed]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.sync", description=__doc__.splitlines()[0])
    upstream = DATA_DIR / "upstream"
    parser.add_argument(
        "--dotnet-docker",
        type=Path,
        default=upstream / "dotnet-docker",
        help="folder with dotnet-docker's manifest.json (default: the vendored copy)",
    )
    parser.add_argument(
        "--framework-docker",
        type=Path,
        default=upstream / "dotnet-framework-docker",
        help="folder with dotnet-framework-docker's manifest.json (default: the vendored copy)",
    )
    parser.add_argument("--out", type=Path, default=DATA_DIR / "catalog", help="where to write the catalog")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if the catalog is out of date")
    args = parser.parse_args(argv)
    try:
        new = generate(args.dotnet_docker, args.framework_docker)
    except SyncError as error:
        print(f"sync failed: {error}", file=sys.stderr)
        return 2
    old = {p.name: p.read_text(encoding="utf-8") for p in sorted(args.out.glob("*.yml"))}
    report = changes(old, new)
    stale = sorted(set(old) - set(new))
    differs = old != new
    if args.check:
        print("\n".join(report) or ("catalog is up to date" if not differs else "catalog files differ"))
        return 1 if differs else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name in stale:
        (args.out / name).unlink()
    for name, text in new.items():
        if old.get(name) != text:
            (args.out / name).write_text(text, encoding="utf-8")
    print("\n".join(report) if report else "no tag changes")
    print(f"wrote {len(new)} files to {display_path(args.out, ROOT)}" + (" (unchanged)" if not differs else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
