"""What a sync changes in the generated .NET lifecycle: channels added or removed, phases, dates and releases."""

from __future__ import annotations

import yaml

from ..model.order import version_key

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The facts a reader acts on, in the order they are reported.
_FIELDS = (
    ("support_phase", "support phase"),
    ("ga", "GA"),
    ("eol", "end of support"),
    ("release_type", "release type"),
    ("latest_release", "latest release"),
)


def _channels(text: str) -> dict[str, dict]:
    """{channel: fields} of a generated lifecycle file's text; none when it cannot be read (it is being replaced)."""
    try:
        document = yaml.load(text, Loader=_Loader) if text else {}
    except yaml.YAMLError:
        return {}
    channels = document.get("channels") if isinstance(document, dict) else None
    if not isinstance(channels, list):
        return {}
    return {str(c.get("channel")): c for c in channels if isinstance(c, dict)}


def _shown(value) -> str:
    return "(none)" if value is None else str(value)


def lifecycle_changes(old: str, new: str) -> list[str]:
    """One line per channel added or removed and per fact changed, newest channel first."""
    before, after = _channels(old), _channels(new)
    lines = []
    for channel in sorted(set(before) | set(after), key=version_key, reverse=True):
        was, now = before.get(channel), after.get(channel)
        if was is None:
            lines.append(f"lifecycle: {channel} added ({_shown(now.get('support_phase'))})")
        elif now is None:
            lines.append(f"lifecycle: {channel} removed from releases-index.json")
        else:
            lines += [
                f"lifecycle: {channel} {label} {_shown(was.get(key))} -> {_shown(now.get(key))}"
                for key, label in _FIELDS
                if was.get(key) != now.get(key)
            ]
    return lines
