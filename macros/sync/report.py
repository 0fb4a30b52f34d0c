"""What a sync changes, per catalog file: the version of each channel, then the tags gained and lost."""

from __future__ import annotations

import yaml

from ..model.order import version_key

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _images(text: str) -> list[dict]:
    """The images of a catalog file's text; none when it cannot be read (it is about to be replaced)."""
    try:
        document = yaml.load(text, Loader=_Loader) if text else {}
    except yaml.YAMLError:
        return []
    images = document.get("images") if isinstance(document, dict) else None
    return [i for i in images if isinstance(i, dict)] if isinstance(images, list) else []


def _tag_order(tag: str) -> tuple:
    return version_key(tag), tag


def _tags(images: list[dict]) -> set[str]:
    return {str(t) for i in images for t in (i.get("platform_tags") or []) + (i.get("shared_tags") or [])}


def _versions(images: list[dict]) -> dict[str, set[str]]:
    """{channel: versions}; images without a channel (aspire-dashboard) are grouped under ''."""
    versions: dict[str, set[str]] = {}
    for image in images:
        if image.get("version") is not None:
            versions.setdefault(str(image.get("channel") or ""), set()).add(str(image["version"]))
    return versions


def _version_lines(name: str, before: list[dict], after: list[dict]) -> list[str]:
    old, new = _versions(before), _versions(after)
    lines = []
    for channel in sorted(set(old) | set(new), key=version_key):
        if old.get(channel) != new.get(channel):
            was, now = (", ".join(sorted(v.get(channel, ()), key=version_key)) or "(none)" for v in (old, new))
            lines.append(f"{name}: version {was} -> {now}")
    return lines


def changes(old: dict[str, str], new: dict[str, str]) -> list[str]:
    """Per catalog file whose versions or documented tags changed: the versions, then the tags."""
    lines = []
    for name in sorted(set(old) | set(new)):
        before, after = _images(old.get(name, "")), _images(new.get(name, ""))
        lines += _version_lines(name, before, after)
        added = sorted(_tags(after) - _tags(before), key=_tag_order)
        removed = sorted(_tags(before) - _tags(after), key=_tag_order)
        if added or removed:
            lines.append(f"{name}: {len(added)} tag(s) added, {len(removed)} removed")
            lines += [f"  + {t}" for t in added] + [f"  - {t}" for t in removed]
    return lines
