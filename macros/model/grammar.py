"""What an upstream value may look like: one grammar per kind, checked by the sync on the way in
and by the catalog rules on every load (so a hand edit or a sync bug cannot slip past either).

A value outside its grammar never reaches a page: the sync or the build stops with its location.
"""

from __future__ import annotations

import datetime
import re

# Docker's tag grammar (distribution/reference): a word character, then up to 127 more of [\w.-].
TAG = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")
# A product version: 10.0.11, 10.0.100-preview.7, 4.8, 13.5.1.
VERSION = re.compile(r"[0-9]{1,4}(\.[0-9]{1,6}){1,3}(-[0-9A-Za-z][0-9A-Za-z.-]{0,63})?")
# A .NET channel: 10.0, 4.8, 4.8.1.
CHANNEL = re.compile(r"[0-9]{1,3}\.[0-9]{1,3}(\.[0-9]{1,3})?")
# A git commit: 40 lowercase hex digits.
COMMIT = re.compile(r"[0-9a-f]{40}")
# A path inside the upstream repository: relative, plain segments (no `..`, no empty segment).
PATH_SEGMENT = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")
# An OS version or distro key: noble, alpine3.24, nanoserver-ltsc2025.
KEY = re.compile(r"[a-z0-9][a-z0-9.-]{0,63}")
# A content digest as the registry names images and layers.
DIGEST = re.compile(r"sha256:[0-9a-f]{64}")
# A calendar day.
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

EXPECTED = {
    "tag": "a Docker tag (letters, digits, _ . -; at most 128; not starting with . or -)",
    "version": "a version such as 10.0.11 or 11.0.100-preview.7",
    "channel": "a channel such as 10.0 or 4.8.1",
    "commit": "a git commit: 40 hex digits",
    "path": "a relative path without '..' (letters, digits, _ . - and /)",
    "key": "a lowercase key such as noble or nanoserver-ltsc2025",
    "digest": "a digest: sha256: and 64 hex digits",
    "day": "a date like 2026-08-20",
}


def is_path(value: str) -> bool:
    return all(PATH_SEGMENT.fullmatch(part) and part not in (".", "..") for part in value.split("/"))


def problem(kind: str, value) -> str | None:
    """None when `value` is a valid `kind`, else what was wrong and what was expected."""
    if not isinstance(value, str):
        return f"expected {EXPECTED[kind]}, got {type(value).__name__}"
    if kind == "path":
        ok = is_path(value)
    elif kind == "day":
        ok = DAY.fullmatch(value) and _is_day(value)
    else:
        ok = {"tag": TAG, "version": VERSION, "channel": CHANNEL, "commit": COMMIT, "key": KEY, "digest": DIGEST}[
            kind
        ].fullmatch(value)
    return None if ok else f"got {value[:80]!r}, expected {EXPECTED[kind]}"


def _is_day(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True
