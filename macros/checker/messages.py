"""The checker's words: one catalog for the command line and the page (written into api/checker.json).

`{0}`, `{1}` ... are the values a reason carries; `{title}` and `{eol}` describe a channel.
"""

from __future__ import annotations

PROBLEMS = {
    "empty": "The input is empty: paste a Dockerfile, a FROM line, an image reference or a digest.",
    "binary": "The input is not text (it holds control characters): is this a Dockerfile?",
    "too-large": "The input has {0} characters; the checker reads at most 262144 (256 KB).",
    "no-from": "No FROM line found: paste a Dockerfile, a FROM line, an image reference or a digest.",
    "from-without-image": "This FROM names no image ({0}).",
}
REASONS = {
    "status-supported": "{title} is in support until {eol}.",
    "status-supported-open": "{title} is in support.",
    "status-ending": "{title} reaches end of life on {eol}: plan the move now.",
    "status-eol": "{title} reached end of life on {eol}: no more security fixes.",
    "status-preview": "{title} is a preview: not supported for production.",
    "status-own": "A documented tag of an image with its own release cycle.",
    "not-a-reference": "'{0}' is not an image reference.",
    "other-registry": "An image from {0}, which this guide does not cover.",
    "scratch": "scratch, the empty base image: nothing to update.",
    "not-covered": "{0} is not an image this guide covers.",
    "legacy": "{0} is an old name that receives no new images.",
    "legacy-gone": "{0}",
    "unknown-tag": "The tag '{0}' is not a documented tag of this repository.",
    "digest-unknown": "The registry record does not know the digest {0}.",
    "digest-other-repository": "This digest belongs to {0}, not to this repository.",
    "digest-replaced": "This digest was first seen on {0}; its tag now points to {1}, first seen on {2}.",
    "policy": "{0}",
}


def fill(template: str, values: list, channel: dict | None = None) -> str:
    """Replace {0}, {1}, ... and {title}, {eol} (checker.js fills templates the same way)."""
    text = template
    for key, value in (channel or {}).items():
        text = text.replace("{" + key + "}", str(value or ""))
    for index, value in enumerate(values):
        text = text.replace("{" + str(index) + "}", str(value))
    return text


def reason_key(reason: list, table: dict) -> tuple[str, dict | None]:
    code = reason[0]
    if not code.startswith("status-"):
        return code, None
    channel = table["channels"].get(reason[1], {})
    if code == "status-supported" and not channel.get("eol"):
        code = "status-supported-open"
    return code, channel


def reason_text(reason: list, table: dict) -> str:
    code, channel = reason_key(reason, table)
    return fill(table["messages"]["reasons"].get(code, code), reason[1:], channel)


def problem_text(code: str, line: int, detail: str, table: dict) -> str:
    text = fill(table["messages"]["problems"].get(code, code), [detail])
    return f"line {line}: {text}" if line else text
