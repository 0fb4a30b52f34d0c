"""What the generated content says, in one language: the message catalog renderers ask for their words.

`data/messages/<lang>.yml` holds every string a macro or a script puts on a page (table headers,
status words, banners, the wizard's and the filter's chrome); the loader (data/messages.py) checks
that every language has every key with the same placeholders. Texts are plain text: renderers escape
them with the one rule (render/texts.py `said`), so a message never becomes markup.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from babel.dates import format_date
from markupsafe import Markup

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Messages:
    language: str  # "en", "ko": a Babel locale as well
    texts: dict[str, str] = field(repr=False)
    # This language's words for the hand-kept prose of data/repositories.yml, by repository
    # (data/messages/repositories.<lang>.yml); English reads repositories.yml itself.
    repositories: dict[str, dict] = field(default_factory=dict, repr=False)
    # This language's words for what the wizard shows from data/wizard.yml, by English text
    # (data/messages/wizard.<lang>.yml): questions, hints, options and reasons.
    wizard: dict[str, str] = field(default_factory=dict, repr=False)
    # This language's title, what and do of each change of data/migrations.yml, by id
    # (data/messages/migrations.<lang>.yml); English reads migrations.yml itself.
    migrations: dict[str, dict] = field(default_factory=dict, repr=False)
    # This language's used, why, today_note and moves of each old name of data/legacy.yml, by name
    # (data/messages/legacy.<lang>.yml); English reads legacy.yml itself.
    legacy: dict[str, dict] = field(default_factory=dict, repr=False)

    # This language's note of each .NET Framework channel (data/lifecycle.yml `note`), by channel
    # (data/messages/lifecycle.<lang>.yml); English reads lifecycle.yml itself.
    channel_notes: dict[str, str] = field(default_factory=dict, repr=False)

    def channel_note(self, channel) -> str:
        """A lifecycle channel's note in this language, on one line."""
        return self.channel_notes.get(channel.channel) or " ".join(channel.note.split())

    def wizard_text(self, english: str) -> str:
        return self.wizard.get(english, english)

    def repository_text(self, info, name: str):
        """A field of a repository's description (title, purpose, inside, use_when, avoid_when) in this language."""
        return self.repositories.get(info.repository, {}).get(name, getattr(info, name))

    def migration_text(self, change, name: str) -> str:
        """A change's title, what or do (data/migrations.yml) in this language, on one line."""
        return self.migrations.get(change.id, {}).get(name) or " ".join(getattr(change, name).split())

    def legacy_text(self, entry, name: str) -> str:
        """An old name's used, why or today_note (data/legacy.yml) in this language."""
        return self.legacy.get(entry.name, {}).get(name) or getattr(entry, name)

    def legacy_moves(self, entry) -> list[tuple[str, str]]:
        """An old name's moves as (when, to) in this language; `to` stays English unless translated."""
        moves = self.legacy.get(entry.name, {}).get("moves") or [{} for _ in entry.moves]
        return [(m.get("when", e.when), m.get("to", e.to)) for m, e in zip(moves, entry.moves, strict=True)]

    def text(self, key: str, **values) -> str:
        return self.texts[key].format(**values)

    def count(self, key: str, number: int, **values) -> str:
        """`key.one` for 1, else `key.other` (Korean has one form: both keys say the same)."""
        return self.text(f"{key}.{'one' if number == 1 else 'other'}", n=f"{number:,}", **values)

    def date(self, day: datetime.date) -> str:
        """The day as this language writes it ("28 November 2026", "2026년 11월 28일"), by Babel."""
        return format_date(day, self.texts["date.long"], locale=self.language)

    def time(self, day: datetime.date) -> Markup:
        """The day in a <time> element that keeps the ISO date for machines."""
        return Markup('<time datetime="{}">{}</time>').format(day.isoformat(), self.date(day))
