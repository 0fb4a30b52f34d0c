"""One upstream manifest (JSON) to catalog documents: shape, grammar and variables checked on the way in."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from ..model.order import VARIANTS, version_key
from .errors import Where, quoted, shown
from .files import MAX_MANIFEST, inside, read_json
from .shape import check, expect, field, items
from .variables import Resolver

ARCHITECTURES = {"amd64": "amd64", "arm64": "arm64v8", "arm": "arm32v7"}
ARCH_ORDER = ("amd64", "arm64v8", "arm32v7")
_SCALARS = (str, bool, int, float)


@dataclass(frozen=True)
class Manifest:
    """One upstream manifest file and where it came from."""

    path: Path
    source_repository: str
    commit: str
    date: datetime.date  # the commit's date (UTC day)


@dataclass(frozen=True)
class Document:
    """The catalog document of one upstream repository, and where the repository was declared."""

    repository: str
    where: Where
    content: dict


@dataclass(frozen=True)
class Context:
    """What every platform of a manifest is read with."""

    resolver: Resolver
    os_versions: dict[str, str]
    sizes: dict[tuple[str, str], int]


def _own_variables(data: dict, where: Where) -> dict[str, str]:
    found = {}
    for name, value in field(data, "variables", dict, where, {}).items():
        expect(value, _SCALARS, where.key("variables").entry(name))
        found[name] = str(value).lower() if isinstance(value, bool) else str(value)
    return found


def _variables(path: Path, data: dict, where: Where) -> dict[str, str]:
    """The manifest's own variables plus those of the files it includes (inside its checkout only)."""
    variables = _own_variables(data, where)
    for include_where, include in items(data, "includes", where, []):
        check("path", expect(include, str, include_where), include_where)
        included = inside(path.parent, include, include_where)
        included_where = Where(shown(included))
        variables.update(_own_variables(expect(read_json(included), dict, included_where), included_where))
    return variables


def _repo_urls(data: dict, repos: list, where: Where) -> dict[str, str]:
    """`$(Repo:<id>)` built-ins: registry/name of each repository."""
    registry = field(data, "registry", str, where, "mcr.microsoft.com")
    urls = {}
    for repo_where, repo in repos:
        expect(repo, dict, repo_where)
        name = check("path", field(repo, "name", str, repo_where), repo_where.key("name"))
        urls[field(repo, "id", str, repo_where)] = f"{registry}/{name}"
    return urls


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


def _tags(tag_map: dict, where: Where, resolver: Resolver) -> list[str]:
    """The documented tags of a tag map, expanded and checked against the tag grammar."""
    tags = []
    for raw, meta in tag_map.items():
        meta_where = where.entry(raw)
        doc_type = field(expect(meta, (dict, type(None)), meta_where) or {}, "docType", str, meta_where, None)
        if doc_type != "Undocumented":
            tags.append(check("tag", resolver.expand(raw, where), where, raw))
    return tags


def _os_version(platform: dict, where: Where, known: dict[str, str]) -> tuple[str, str]:
    """(base OS version, distro) for an upstream osVersion such as `noble-chiseled`."""
    os_version = check("key", field(platform, "osVersion", str, where), where.key("osVersion"))
    base = re.sub(r"-(chiseled|distroless)$", "", os_version)
    if base not in known:
        raise where.key("osVersion").error(f"unknown OS version '{base}' (add it to data/platforms.yml)")
    return base, known[base]


def _variants(dockerfile: str, os_version: str) -> list[str]:
    words = set(re.split(r"[/.\-]", dockerfile)) | set(os_version.split("-"))
    return [v for v in VARIANTS if v in words]


def _platform(platform, where: Where, image: dict, repo: str, context: Context) -> dict:
    """The catalog entry for one platform of an image."""
    expect(platform, dict, where)
    dockerfile = check("path", field(platform, "dockerfile", str, where), where.key("dockerfile"))
    os_name = check("key", field(platform, "os", str, where), where.key("os"))
    base, distro = _os_version(platform, where, context.os_versions)
    architecture = field(platform, "architecture", str, where, "amd64")
    if architecture not in ARCHITECTURES:
        raise where.key("architecture").error(f"unknown architecture {quoted(architecture)}")
    entry = {
        "channel": image["channel"],
        "version": image["version"],
        "os": os_name,
        "os_version": base,
        "distro": distro,
        "architecture": ARCHITECTURES[architecture],
        "dockerfile": dockerfile,
        "platform_tags": _tags(field(platform, "tags", dict, where), where.key("tags"), context.resolver),
        "shared_tags": list(image["shared_tags"]),
        "variants": _variants(dockerfile, platform["osVersion"]),
    }
    size = context.sizes.get((repo, dockerfile))
    if size:
        entry["size_bytes"] = size
    return entry


def _version(image: dict, where: Where, resolver: Resolver) -> tuple[str | None, str | None]:
    """(channel, version) of an image, from its productVersion."""
    raw, at = field(image, "productVersion", str, where, None), where.key("productVersion")
    version = check("version", resolver.expand(raw, at), at, raw) if raw else None
    channel = _channel(raw, version)
    return (channel and check("channel", channel, at)), version


def _image(image, where: Where, repo: str, context: Context) -> list[dict]:
    """The catalog entries of one image: its platforms that have documented tags."""
    expect(image, dict, where)
    channel, version = _version(image, where, context.resolver)
    shared = _tags(field(image, "sharedTags", dict, where, {}), where.key("sharedTags"), context.resolver)
    common = {"channel": channel, "version": version, "shared_tags": shared}
    entries = [_platform(p, w, common, repo, context) for w, p in items(image, "platforms", where)]
    return [e for e in entries if e["platform_tags"] or e["shared_tags"]]


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


def read_manifest(manifest: Manifest, os_versions: dict[str, str], sizes: dict) -> list[Document]:
    """Catalog documents, one per repository of the manifest, in manifest order."""
    where = Where(shown(manifest.path))
    data = expect(read_json(manifest.path, MAX_MANIFEST), dict, where)
    repos = items(data, "repos", where)
    resolver = Resolver(_variables(manifest.path, data, where), _repo_urls(data, repos, where))
    context = Context(resolver, os_versions, sizes)
    source = {"repository": manifest.source_repository, "commit": manifest.commit, "manifest": manifest.path.name}
    source["date"] = manifest.date
    documents = []
    for repo_where, repo in repos:
        images = [e for w, i in items(repo, "images", repo_where) for e in _image(i, w, repo["name"], context)]
        content = {"repository": repo["name"], "source": dict(source), "images": sorted(images, key=_image_order)}
        documents.append(Document(repo["name"], repo_where, content))
    return documents
