"""What a sync changes in the registry record (digests rebuilt), and what the record and the catalog do not share."""

from __future__ import annotations

import json

from ..model.order import version_key
from .manifest import Document
from .output import record_name
from .registry import Record, ordered

EXAMPLES = 5


def _short(digest: str) -> str:
    return digest[:19]  # sha256: and 12 hex digits, as `docker images --digests` abbreviates them


def _old_digests(text: str) -> tuple[set, set]:
    """The digests of an earlier record's platform images and manifest lists; none when it cannot be read."""
    try:
        document = json.loads(text) if text else {}
    except (ValueError, RecursionError):
        return set(), set()
    if not isinstance(document, dict):
        return set(), set()
    images, lists = (document.get(key) or [] for key in ("images", "manifest_lists"))
    return tuple(
        {str(e.get("digest")) for e in entries if isinstance(e, dict)} if isinstance(entries, list) else set()
        for entries in (images, lists)
    )


def _was(entry: dict, before: set) -> str | None:
    """The digest the earlier record had for this entry: the newest of its history that record holds."""
    if entry["digest"] in before:
        return None
    return next((digest for digest, _ in entry["history"][1:] if digest in before), None)


def _rebuilt(name: str, old: str | None, document: dict, record: Record) -> list[str]:
    if old is None:
        images, lists = len(document["images"]), len(document["manifest_lists"])
        return [f"registry/{name}: new record ({images} platform images, {lists} manifest lists)"]
    platforms = ordered(record.current.repositories[document["repository"]][0])
    before_images, before_lists = _old_digests(old)
    changed = []
    for entry in document["manifest_lists"]:
        was = _was(entry, before_lists)
        if was:
            changed.append((entry["tags"][0], was, entry["digest"], "list"))
    for platform, entry in zip(platforms, document["images"], strict=True):
        was = _was(entry, before_images)
        if was:
            label = platform.tags[0] if platform.tags else f"{platform.dockerfile} ({platform.architecture})"
            changed.append((label, was, entry["digest"], "image"))
    if not changed:
        return []
    images = sum(kind == "image" for *_, kind in changed)
    lines = [f"registry/{name}: {images} platform digest(s) and {len(changed) - images} manifest list(s) rebuilt"]
    lines += [f"  {label}: {_short(was)} -> {_short(now)}" for label, was, now, _ in changed[:EXAMPLES]]
    return lines + ([f"  … and {len(changed) - EXAMPLES} more"] if len(changed) > EXAMPLES else [])


def _catalog_tags(document: Document) -> set[str]:
    return {t for i in document.content["images"] for t in i["platform_tags"] + i["shared_tags"]}


def _untracked(catalog: dict[str, Document], record: Record) -> list[str]:
    """Tags the catalog documents that image-info does not list: per catalog file, all or how many."""
    parts, examples, total = [], [], 0
    for name, document in catalog.items():
        found = record.current.repositories.get(document.repository)
        known = set()
        if found:
            known = {t for p in found[0].platforms.values() for t in p.tags}
            known |= {t for m in found[0].lists for t in m.tags}
        tags = _catalog_tags(document)
        missing = sorted(tags - known, key=lambda t: (version_key(t), t))
        if not missing:
            continue
        total += len(missing)
        stem = name.removesuffix(".yml")
        if len(missing) == len(tags):
            parts.append(f"{stem}: all {len(missing)}")
        else:
            parts.append(f"{stem}: {len(missing)}")
            more = f", … ({len(missing) - EXAMPLES} more)" if len(missing) > EXAMPLES else ""
            examples.append(f"  {stem}: {', '.join(missing[:EXAMPLES])}{more}")
    if not total:
        return []
    return [f"not in the registry record: {total} tags ({', '.join(parts)})", *examples]


def _uncatalogued(catalog: dict[str, Document], record: Record) -> list[str]:
    """Platform images image-info lists whose Dockerfile and architecture no catalog image has."""
    keys: dict[str, set] = {}
    for document in catalog.values():
        keys.setdefault(document.repository, set()).update(
            (i["dockerfile"], i["architecture"]) for i in document.content["images"]
        )
    parts, total = [], 0
    for repository, _ in sorted(record.current.repositories.values(), key=lambda r: r[0].name):
        extra = len(set(repository.platforms) - keys.get(repository.name, set()))
        if extra:
            total += extra
            where = "" if repository.name in keys else ", a repository the catalog does not have: no record written"
            parts.append(f"{repository.name}: {extra}{where}")
    return [f"not in the catalog: {total} platform images of image-info ({'; '.join(parts)})"] if total else []


def registry_changes(old: dict[str, str], record: Record, catalog: dict[str, Document]) -> list[str]:
    """Per record file, the digests rebuilt since `old`; then the tags and images only one side has."""
    lines = []
    names = {record_name(name): document for name, document in record.documents.items()}
    for name in sorted(set(old) - set(names)):
        lines.append(f"registry/{name}: removed (its repository has no platform image in image-info any more)")
    for name, document in names.items():
        lines += _rebuilt(name, old.get(name), document, record)
    return lines + _untracked(catalog, record) + _uncatalogued(catalog, record)
