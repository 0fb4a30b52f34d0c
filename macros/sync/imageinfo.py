"""One dotnet/versions image-info file (JSON) to platform images and manifest lists, read as hostile input."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from dataclasses import field as field_

from ..model import grammar
from .errors import Where, quoted
from .shape import check, expect, field, items, size

# A content digest, as the registry names images and layers (the catalog's grammar may take it over).
DIGEST_EXPECTED = "a digest: sha256: and 64 hex digits, alone or after an image name and @"
# image-info's architecture names, in the catalog's words (data/catalog/*.yml `architecture`).
ARCHITECTURES = {"amd64": "amd64", "arm64": "arm64v8", "arm32": "arm32v7", "arm": "arm32v7"}
# What ImageBuilder writes as `created`: 2026-08-10T17:43:36.2833441Z (or with an offset such as +02:00).
_TIME = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})"
)
_TIME_EXPECTED = "a UTC time such as 2026-08-10T17:43:36.2833441Z"
# The product version a fixed tag starts with: 10.0.11, 11.0.100-preview.7, or a .NET Framework datestamp
# (4.8.1-20260811). Floating tags (10.0, 10.0-noble) name none.
_VERSION_TAG = re.compile(
    r"([0-9]{1,4}(?:\.[0-9]{1,6}){1,3}-[0-9]{8}|[0-9]{1,4}(?:\.[0-9]{1,6}){2,3}(?:-(?:preview|rc|alpha|beta)\.[0-9.]{1,12})?)"
    r"(?=-|$)"
)

Key = tuple[str, str]  # (dockerfile, architecture): one platform image of a repository


@dataclass(frozen=True)
class Platform:
    """One published platform image."""

    dockerfile: str  # as the catalog names it: the image-info path without its trailing /Dockerfile
    architecture: str  # amd64, arm64v8 or arm32v7
    digest: str
    created: str  # UTC day, YYYY-MM-DD
    base_digest: str | None
    layers: tuple[tuple[str, int], ...]
    tags: tuple[str, ...]  # simpleTags, sorted

    @property
    def key(self) -> Key:
        return self.dockerfile, self.architecture


@dataclass(frozen=True)
class ManifestList:
    """A multi-platform tag set and the manifest list it points to."""

    tags: tuple[str, ...]  # sharedTags, sorted
    digest: str
    created: str


@dataclass(frozen=True)
class Repository:
    """What one image-info file says about one repository (`dotnet/aspnet`)."""

    name: str
    where: Where
    platforms: dict[Key, Platform]
    lists: tuple[ManifestList, ...]


@dataclass(frozen=True)
class Digests:
    """The digests alone (what the history needs): per platform image, and per shared tag; and the product
    version each one carried (None when no tag names one), so a rebuild can say whether the version changed."""

    platforms: dict[Key, str]
    tags: dict[str, str]
    platform_versions: dict[Key, str | None] = field_(default_factory=dict)
    tag_versions: dict[str, str | None] = field_(default_factory=dict)


def version_of(tags) -> str | None:
    """The product version a set of tags names (the longest, so a datestamp wins over 4.8.1), else None."""
    found = [m.group(1) for m in map(_VERSION_TAG.match, tags) if m]
    return max(found, key=lambda v: (len(v), v)) if found else None


def digest(value, where: Where, repository: str | None = None) -> str:
    """`sha256:<64 hex>` from `[name@]sha256:<64 hex>`; `name` must end with `repository` when one is given."""
    name, at, bare = expect(value, str, where).rpartition("@")
    if not grammar.DIGEST.fullmatch(bare) or (at and not grammar.is_path(name)):
        raise where.error(f"got {quoted(value, 160)}, expected {DIGEST_EXPECTED}")
    if at and repository is not None and name != repository and not name.endswith("/" + repository):
        raise where.error(f"got {quoted(value, 160)}, expected a digest of {repository}")
    return bare


def day(value, where: Where) -> str:
    """The UTC day (YYYY-MM-DD) of an image-info time."""
    match = _TIME.fullmatch(expect(value, str, where))
    if not match:
        raise where.error(f"got {quoted(value)}, expected {_TIME_EXPECTED}")
    *parts, zone = match.groups()
    try:
        offset = datetime.UTC if zone == "Z" else datetime.datetime.strptime(zone, "%z").tzinfo
        utc = datetime.datetime(*map(int, parts), tzinfo=offset).astimezone(datetime.UTC)
    except (ValueError, OverflowError):  # no such day or hour, or outside years 1-9999 once in UTC
        raise where.error(f"got {quoted(value)}, expected {_TIME_EXPECTED}") from None
    return utc.date().isoformat()


def _tags(node: dict, name: str, where: Where) -> tuple[str, ...]:
    found = [check("tag", expect(t, str, w), w) for w, t in items(node, name, where, [])]
    return tuple(sorted(set(found)))


def _key(platform: dict, where: Where) -> Key:
    raw = check("path", field(platform, "dockerfile", str, where), where.key("dockerfile"))
    dockerfile = raw.removesuffix("/Dockerfile")
    architecture = field(platform, "architecture", str, where)
    if architecture not in ARCHITECTURES:
        raise where.key("architecture").error(f"unknown architecture {quoted(architecture)}")
    return dockerfile, ARCHITECTURES[architecture]


def _layers(platform: dict, where: Where) -> tuple[tuple[str, int], ...]:
    layers = []
    for layer_where, layer in items(platform, "layers", where):
        expect(layer, dict, layer_where)
        if "size" not in layer:
            raise layer_where.key("size").error("missing (expected a size in bytes)")
        layer_digest = digest(field(layer, "digest", str, layer_where), layer_where.key("digest"))
        layers.append((layer_digest, size(layer["size"], layer_where.key("size"))))
    return tuple(layers)


def _platform(platform, where: Where, repository: str) -> Platform:
    expect(platform, dict, where)
    base = field(platform, "baseImageDigest", (str, type(None)), where, None)
    return Platform(
        *_key(platform, where),
        digest=digest(field(platform, "digest", str, where), where.key("digest"), repository),
        created=day(field(platform, "created", str, where), where.key("created")),
        base_digest=None if base is None else digest(base, where.key("baseImageDigest")),
        layers=_layers(platform, where),
        tags=_tags(platform, "simpleTags", where),
    )


def _manifest(image: dict, where: Where, repository: str) -> ManifestList | None:
    manifest = field(image, "manifest", (dict, type(None)), where, None)
    if manifest is None:
        return None
    at = where.key("manifest")
    return ManifestList(
        tags=_tags(manifest, "sharedTags", at),
        digest=digest(field(manifest, "digest", str, at), at.key("digest"), repository),
        created=day(field(manifest, "created", str, at), at.key("created")),
    )


def _once(places: dict, key, where: Where, what: str) -> None:
    """Remember where `key` was read; refuse it a second time (two platform images or lists for one key)."""
    if key in places:
        raise where.error(f"{what} is also at {places[key]}")
    places[key] = where.path


def _repositories(data, where: Where):
    """(name, images) of each repository of an image-info file, with their Where; a name twice is refused."""
    seen: dict[str, str] = {}
    for repo_where, repo in items(expect(data, dict, where), "repos", where):
        expect(repo, dict, repo_where)
        name = check("path", field(repo, "repo", str, repo_where), repo_where.key("repo"))
        _once(seen, name, repo_where, f"repository {quoted(name)}")
        images = items(repo, "images", repo_where, [])
        yield repo_where, name, [(w, expect(i, dict, w)) for w, i in images]


def read_image_info(data, where: Where) -> dict[str, Repository]:
    """Every repository of a parsed image-info file, all of its values checked."""
    found = {}
    for repo_where, name, images in _repositories(data, where):
        platforms: dict[Key, Platform] = {}
        lists, places, tags = [], {}, {}
        for image_where, image in images:
            for platform_where, raw in items(image, "platforms", image_where):
                platform = _platform(raw, platform_where, name)
                _once(places, platform.key, platform_where, _shown(platform.key))
                platforms[platform.key] = platform
            listing = _manifest(image, image_where, name)
            if listing is not None:
                for tag in listing.tags:
                    _once(tags, tag, image_where.key("manifest").key("sharedTags"), f"tag {quoted(tag)}")
                lists.append(listing)
        found[name] = Repository(name, repo_where, platforms, tuple(sorted(lists, key=lambda m: m.tags)))
    return found


def read_digests(data, where: Where) -> dict[str, Digests]:
    """Only the digests of a parsed image-info file (an older version: nothing else is read), each checked."""
    found = {}
    for _, name, images in _repositories(data, where):
        platforms: dict[Key, str] = {}
        tags: dict[str, str] = {}
        platform_versions: dict[Key, str | None] = {}
        tag_versions: dict[str, str | None] = {}
        places, tag_places = {}, {}
        for image_where, image in images:
            for platform_where, platform in items(image, "platforms", image_where):
                key = _key(expect(platform, dict, platform_where), platform_where)
                _once(places, key, platform_where, _shown(key))
                raw = field(platform, "digest", str, platform_where)
                platforms[key] = digest(raw, platform_where.key("digest"), name)
                platform_versions[key] = version_of(_tags(platform, "simpleTags", platform_where))
            manifest = field(image, "manifest", (dict, type(None)), image_where, None)
            if manifest is not None:
                at = image_where.key("manifest")
                list_digest = digest(field(manifest, "digest", str, at), at.key("digest"), name)
                shared = _tags(manifest, "sharedTags", at)
                for tag in shared:
                    _once(tag_places, tag, at.key("sharedTags"), f"tag {quoted(tag)}")
                    tags[tag] = list_digest
                    tag_versions[tag] = version_of(shared)
        found[name] = Digests(platforms, tags, platform_versions, tag_versions)
    return found


def _shown(key: Key) -> str:
    return f"dockerfile {quoted(key[0])} ({key[1]})"
