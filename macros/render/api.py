"""The machine-readable catalog (api/catalog.json): the model as JSON, and the page that documents it."""

from __future__ import annotations

import json
import re

from markupsafe import Markup, escape

from ..model.catalog import Catalog, Image, RepositoryModel
from ..model.legacy import LegacyList
from ..model.lifecycle import Channel, WindowsRelease
from ..model.repositories import REGISTRY
from .html import code, html_table

API_PATH = "api/catalog.json"
API_VERSION = 1

# The documented shape: every key of the JSON, with what it holds. A test checks that the JSON
# has exactly these keys, so the reference page cannot drift from the file.
FIELDS: dict[str, dict[str, str]] = {
    "top level": {
        "api_version": "Shape version; it goes up only when a key is renamed or removed.",
        "computed_for": "The date (YYYY-MM-DD) support status was computed for: the build date.",
        "registry": "The registry every image name starts with.",
        "channels": "Every .NET channel the guide knows, newest first (see `channels[]`).",
        "windows": "The Windows Server releases the Windows images are built on (see `windows[]`).",
        "repositories": "Every image repository, in the order of the site navigation (see `repositories[]`).",
    },
    "channels[]": {
        "channel": 'The channel, such as `"10.0"` (always a string).',
        "product": "`.NET`, `.NET Core` or `.NET Framework`.",
        "release_type": "`lts`, `sts` or `windows` (.NET Framework follows the Windows lifecycle).",
        "ga": "Date of the first GA release, or `null` while in preview.",
        "eol": "End-of-life date, or `null` when none is announced.",
        "status": "`preview`, `supported`, `ending` (end of life within 180 days) or `eol`, "
        "computed for `computed_for`.",
        "days_left": "Days from `computed_for` to `eol` (negative once past), or `null`.",
        "support_phase": "dotnet/core's phase (`preview`, `go-live`, `active`, `maintenance`, `eol`) as of its "
        "commit on the sources page, or `null` for .NET Framework; `status` is the one computed for today.",
    },
    "windows[]": {
        "name": "The release, such as `Windows Server 2016`.",
        "os_versions": "The OS version keys of the images built on it (see `images[].os_version`).",
        "mainstream_end": "End of mainstream support, or `null` when not recorded.",
        "extended_end": "End of extended support: the images warn from 180 days before it.",
        "status": "`supported`, `ending` (within 180 days) or `eol`, computed for `computed_for`.",
        "days_left": "Days from `computed_for` to `extended_end` (negative once past).",
        "url": "Microsoft's lifecycle page the dates are read from.",
    },
    "repositories[]": {
        "repository": "The repository path, such as `dotnet/aspnet`.",
        "image_name": "The full image name, registry included.",
        "slug": "The page name on this site (`images/<slug>/`).",
        "title": "A short human title.",
        "lifecycle": "`channel` when support follows the .NET channel of each image, `own` for appliances and samples.",
        "source": "Where the tags come from: `repository`, `commit` and `manifest` of the upstream data.",
        "latest": "Indexes into `images` of the platform images `latest` points to (empty when there is no `latest`).",
        "images": "The platform images, one per OS version and architecture (see `images[]`).",
        "tags": "Every documented tag of the repository, keyed by tag (see `tags{}`).",
    },
    "images[]": {
        "channel": "The .NET channel, or `null` for images with their own versioning.",
        "version": "The exact product version inside (SDK version for sdk images).",
        "os": "`linux` or `windows`.",
        "os_version": "The OS version key, such as `noble` or `nanoserver-ltsc2025`.",
        "os_name": "Its display name, such as `Ubuntu 24.04`.",
        "distro": "The OS family key, such as `ubuntu` or `alpine`.",
        "architecture": "`amd64`, `arm64v8` or `arm32v7`.",
        "docker_platform": "The platform as Docker names it, such as `linux/arm64`.",
        "variants": "Variant names: `chiseled`, `distroless`, `composite`, `extra`, `aot` "
        "(empty for the default image).",
        "platform_tags": "Tags that name only this image.",
        "shared_tags": "Multi-platform tags that also include this image.",
        "size_bytes": "Approximate uncompressed size recorded upstream in May 2025, or `null` when there is no record.",
        "dockerfile_url": "The upstream Dockerfile at the commit the catalog was made from.",
        "digest": "The platform image's digest now (`sha256:…`) from the registry record, or `null`.",
        "pull_bytes": "What pulling it transfers with no layer already present: the sum of its compressed layers.",
        "built": "The day the registry's current image was built (YYYY-MM-DD), or `null`.",
    },
    "tags{}": {
        "images": "Indexes into `images` of the platform images the tag points to.",
        "multi_platform": "`true` when the tag is a manifest list over several platform images.",
        "floating": "`true` when the tag moves to new patches; "
        "`false` for tags that name an exact version or datestamp.",
    },
}


def _channel(channel: Channel) -> dict:
    return {
        "channel": channel.channel,
        "product": channel.product,
        "release_type": channel.release_type,
        "ga": channel.ga.isoformat() if channel.ga else None,
        "eol": channel.eol.isoformat() if channel.eol else None,
        "status": channel.status,
        "days_left": channel.days_left,
        "support_phase": channel.support_phase,
    }


def _windows(release: WindowsRelease) -> dict:
    return {
        "name": release.name,
        "os_versions": list(release.os_versions),
        "mainstream_end": release.mainstream_end.isoformat() if release.mainstream_end else None,
        "extended_end": release.extended_end.isoformat(),
        "status": release.status,
        "days_left": release.days_left,
        "url": release.url,
    }


def _image(catalog: Catalog, image: Image) -> dict:
    return {
        "channel": image.channel,
        "version": image.version,
        "os": image.os,
        "os_version": image.os_version,
        "os_name": catalog.os_name(image),
        "distro": image.distro,
        "architecture": image.architecture,
        "docker_platform": catalog.architectures[image.architecture].docker_platform.replace("linux/", f"{image.os}/"),
        "variants": list(image.variants),
        "platform_tags": list(image.platform_tags),
        "shared_tags": list(image.shared_tags),
        "size_bytes": image.size_bytes,
        "dockerfile_url": image.dockerfile_url,
        "digest": image.registry.digest if image.registry else None,
        "pull_bytes": image.registry.pull_size if image.registry else None,
        "built": image.registry.created if image.registry else None,
    }


def _image_index(model: RepositoryModel) -> dict[int, int]:
    """Position of each image (by identity) in the repository's `images` list."""
    return {id(image): n for n, image in enumerate(model.images)}


def _tag(model: RepositoryModel, tag: str, index: dict[int, int]) -> dict:
    return {
        "images": [index[id(i)] for i in model.resolve(tag)],
        "multi_platform": model.is_multi_platform(tag),
        "floating": model.is_floating(tag),
    }


def _repository_head(model: RepositoryModel) -> dict:
    info = model.info
    return {
        "repository": info.repository,
        "image_name": info.image_name,
        "slug": info.slug,
        "title": info.title,
        "lifecycle": info.lifecycle,
        "source": {
            "repository": model.source.repository,
            "commit": model.source.commit,
            "manifest": model.source.manifest,
        },
    }


def _repository(catalog: Catalog, model: RepositoryModel) -> dict:
    index = _image_index(model)
    return {
        **_repository_head(model),
        "latest": [index[id(i)] for i in model.latest],
        "images": [_image(catalog, i) for i in model.images],
        "tags": {tag: _tag(model, tag, index) for tag in model.images_by_tag},
    }


def catalog_document(catalog: Catalog) -> dict:
    """The whole catalog as plain JSON-ready data (sorted where the model is not already ordered)."""
    return {
        "api_version": API_VERSION,
        "computed_for": catalog.today.isoformat(),
        "registry": REGISTRY,
        "channels": [_channel(c) for c in catalog.lifecycle.channels],
        "windows": [_windows(w) for w in catalog.lifecycle.windows],
        "repositories": [_repository(catalog, m) for m in catalog.repositories],
    }


def render_catalog_json(catalog: Catalog) -> str:
    return json.dumps(catalog_document(catalog), ensure_ascii=False, separators=(",", ":")) + "\n"


def render_api_fields() -> str:
    """One table per level of the JSON: key and meaning."""
    parts = []
    for level, fields in FIELDS.items():
        parts.append(f"### `{level}`\n\n" if level != "top level" else "### Top level\n\n")
        parts.append(
            html_table(
                ["Key", "Meaning"],
                [[code(k), _inline(v)] for k, v in fields.items()],
                attributes={"data-api-fields": ""},
            )
        )
    return "\n".join(parts)


def _inline(text: str) -> Markup:
    """A field description with its `code spans` as <code> (the text itself is escaped)."""
    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", str(escape(text))))


def render_api_example(catalog: Catalog, repo: str) -> str:
    """A pretty-printed excerpt for the tag the repository page pulls: its `tags` entry and first image."""
    model = catalog.repository(repo)
    tag = model.pull_tag
    entry = _tag(model, tag, _image_index(model))  # only this tag: the full document is built once, at the end
    first = entry["images"][0]
    excerpt = {
        "repository": model.info.repository,
        "tags": {tag: entry},
        "images": {str(first): _image(catalog, model.images[first])},
    }
    return "```json\n" + json.dumps(excerpt, indent=2, ensure_ascii=False) + "\n```\n"


# --- api/digests.json: every digest the record knows, current or replaced ----------------------------

DIGESTS_PATH = "api/digests.json"
DIGEST_FIELDS: dict[str, str] = {
    "first_seen": "The day the record first saw this digest (YYYY-MM-DD).",
    "current": "`true` when its tags still point to it; `false` once a rebuild replaced it.",
    "repository": "Current digests: the repository, such as `dotnet/aspnet`.",
    "kind": "Current digests: `platform` for one platform image, `manifest-list` for a multi-platform tag.",
    "tags": "Current digests: the tags that name it.",
    "platform": "Current platform digests: the platform as Docker names it, such as `linux/arm64`.",
    "current_digest": "Replaced digests: the digest its tags point to now (look that one up for what it is).",
}


def _digest_entries(catalog: Catalog, model: RepositoryModel):
    for image in model.images:
        if image.registry:
            platform = catalog.architectures[image.architecture].docker_platform.replace("linux/", f"{image.os}/")
            head = {
                "repository": model.info.repository,
                "kind": "platform",
                "tags": list(image.platform_tags),
                "platform": platform,
            }
            yield image.registry, head
    if model.registry:
        for listing in model.registry.manifest_lists:
            yield listing, {"repository": model.info.repository, "kind": "manifest-list", "tags": list(listing.tags)}


def digests_document(catalog: Catalog) -> dict:
    """digest -> what it is, whether it is still current, and what replaced it."""
    found: dict[str, dict] = {}
    for model in catalog.repositories:
        for record, head in _digest_entries(catalog, model):
            for digest, first_seen in record.history:
                if digest == record.digest:
                    entry = {**head, "first_seen": first_seen, "current": True}
                else:  # what it was is in the entry of the digest that replaced it
                    entry = {"first_seen": first_seen, "current": False, "current_digest": record.digest}
                found.setdefault(digest, entry)
    return {
        "api_version": API_VERSION,
        "registry": REGISTRY,
        "recorded_until": catalog.registry_date.isoformat() if catalog.registry_date else None,
        "digests": dict(sorted(found.items())),
    }


def render_digest_fields() -> str:
    """The keys of each entry of api/digests.json, as a table."""
    rows = [[code(k), _inline(v)] for k, v in DIGEST_FIELDS.items()]
    return html_table(["Key", "Meaning"], rows, attributes={"data-api-fields": ""})


def render_digests_json(catalog: Catalog) -> str:
    return json.dumps(digests_document(catalog), ensure_ascii=False, separators=(",", ":")) + "\n"


# --- api/tags.json: where each tag's row is, for the "go to tag" box ----------------------------------

TAGS_PATH = "api/tags.json"


def tags_document(catalog: Catalog, legacy: LegacyList) -> dict:
    """repository -> its page and tags; old names -> today's repositories (the box reads nothing else).

    A row's anchor is `#tag-<tag>` on the repository page, so a tag and its repository are enough."""
    return {
        "api_version": API_VERSION,
        "registry": REGISTRY,
        "repositories": {
            model.info.repository: {"page": model.page, "tags": sorted(model.images_by_tag)}
            for model in catalog.repositories
        },
        # `mcr.microsoft.com/dotnet/core/sdk` and friends: the same images under shorter names since 2020.
        "renamed_prefixes": {"dotnet/core/": "dotnet/", "dotnet/core-nightly/": "dotnet/nightly/"},
        "legacy": {entry.name: list(entry.today) for entry in legacy.legacy if not entry.name.endswith("*")},
        "legacy_page": "guide/legacy-names/",
    }


def render_tags_json(catalog: Catalog, legacy: LegacyList) -> str:
    return json.dumps(tags_document(catalog, legacy), ensure_ascii=False, separators=(",", ":")) + "\n"
