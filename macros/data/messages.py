"""Read data/messages/<lang>.yml, one message catalog per language, and check them against each other.

Every language must have every key English has, and no other, with the same {placeholders}: a key
missing in either language stops `make check` and the build with the file and line to fix.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model.messages import PLACEHOLDER, Messages
from .errors import DataError, Problems
from .yamlio import LocatedDict, display_path, load_yaml

LANGUAGES = ("en", "ko")  # English first: the reference every other catalog is checked against
_Flat = dict[str, tuple[str, int]]  # dotted key -> (text, line)


def _flatten(tree, shown: str, problems: Problems, prefix: str = "") -> _Flat:
    found: _Flat = {}
    if not isinstance(tree, LocatedDict):
        problems.add(shown, getattr(tree, "line", 0), prefix, "expected a mapping of message keys")
        return found
    for key, value in tree.items():
        path = f"{prefix}{key}"
        if isinstance(value, LocatedDict):
            found.update(_flatten(value, shown, problems, f"{path}."))
        elif isinstance(value, str) and value.strip():
            found[path] = (value, tree.line_of(key))
        else:
            problems.add(shown, tree.line_of(key), path, f"expected a text or a group of texts, got {value!r}")
    return found


def _nearest_line(flat: _Flat, key: str) -> int:
    """Where a missing key belongs: the line of the first key of its group in that file, if any."""
    group = key.rpartition(".")[0]
    while group:
        lines = [line for k, (_, line) in flat.items() if k.startswith(f"{group}.")]
        if lines:
            return min(lines)
        group = group.rpartition(".")[0]
    return 0


def load_messages(folder: Path, root: Path | None = None) -> dict[str, Messages]:
    """The catalog of each language, checked; raises DataError with every problem at once."""
    problems = Problems()
    flat: dict[str, _Flat] = {}
    shown = {lang: display_path(folder / f"{lang}.yml", root) for lang in LANGUAGES}
    for lang in LANGUAGES:
        try:
            flat[lang] = _flatten(load_yaml(folder / f"{lang}.yml", root), shown[lang], problems)
        except DataError as error:
            problems.items.extend(error.problems)
    if "en" in flat:
        english = flat["en"]
        for lang in (lang for lang in LANGUAGES if lang != "en" and lang in flat):
            other = flat[lang]
            for key, (text, line) in english.items():
                if key not in other:
                    problems.add(
                        shown[lang],
                        _nearest_line(other, key),
                        key,
                        f"missing: no {lang} text for this message ({shown['en']}:{line} has it)",
                    )
                elif set(PLACEHOLDER.findall(text)) != set(PLACEHOLDER.findall(other[key][0])):
                    problems.add(
                        shown[lang],
                        other[key][1],
                        key,
                        f"placeholders {sorted(set(PLACEHOLDER.findall(other[key][0])))} differ from English "
                        f"{sorted(set(PLACEHOLDER.findall(text)))} ({shown['en']}:{line})",
                    )
            for key, (_, line) in other.items():
                if key not in english:
                    problems.add(shown[lang], line, key, f"not in {shown['en']}: every message starts in English")
    problems.raise_if_any()
    return {lang: Messages(lang, {k: v for k, (v, _) in flat[lang].items()}) for lang in LANGUAGES}


TRANSLATED_FIELDS = ("title", "purpose", "inside", "use_when", "avoid_when")


def _overlay(path: Path, root: Path | None, key: str, expected: str, known, unknown: str):
    """The common part of a language's overlay of hand-kept data (repositories, migrations, legacy,
    lifecycle): the file's `key` mapping, each entry not in `known` reported as `unknown`. Returns
    (problems, shown path, tree, entries); a file without the mapping stops at once."""
    problems = Problems()
    shown = display_path(path, root)
    tree = load_yaml(path, root)
    entries = tree.get(key) if isinstance(tree, LocatedDict) else None
    if not isinstance(entries, LocatedDict):
        problems.add(shown, getattr(tree, "line", 0), key, expected)
        problems.raise_if_any()
    for name in entries:
        if name not in known:
            problems.add(shown, entries.line_of(name), f"{key}.{name}", unknown)
    return problems, shown, tree, entries


def _extra_fields(problems: Problems, shown: str, entry: LocatedDict, where: str, allowed: tuple[str, ...]) -> None:
    for key in entry:
        if key not in allowed:
            problems.add(shown, entry.line_of(key), f"{where}.{key}", f"expected one of {allowed}")


def load_repository_texts(path: Path, repositories, root: Path | None = None) -> dict[str, dict]:
    """data/messages/repositories.<lang>.yml: every repository of repositories.yml, each field, lists as long
    as the English ones; anything missing or extra is a located problem."""
    known = {info.repository: info for info in repositories}
    problems, shown, _tree, entries = _overlay(
        path,
        root,
        "repositories",
        "expected a mapping of repositories",
        known,
        "not a repository of data/repositories.yml",
    )
    found: dict[str, dict] = {}
    for name, info in known.items():
        entry = entries.get(name)
        if not isinstance(entry, LocatedDict):
            problems.add(shown, entries.line, f"repositories.{name}", "missing: every repository needs its texts")
            continue
        _extra_fields(problems, shown, entry, f"repositories.{name}", TRANSLATED_FIELDS)
        for key in TRANSLATED_FIELDS:
            english, value = getattr(info, key), entry.get(key)
            where = f"repositories.{name}.{key}"
            if value is None:
                problems.add(shown, entry.line, where, "missing")
            elif isinstance(english, str) != isinstance(value, str) or (
                not isinstance(english, str) and (not isinstance(value, list) or len(value) != len(english))
            ):
                what = "a text" if isinstance(english, str) else f"a list of {len(english)} texts, as in English"
                problems.add(shown, entry.line_of(key), where, f"expected {what}")
        found[name] = {k: (tuple(v) if isinstance(v, list) else v) for k, v in entry.items() if k in TRANSLATED_FIELDS}
    problems.raise_if_any()
    return found


MIGRATION_FIELDS = ("title", "what", "do")
# What a translation keeps as it is: words of the English text that hold a digit, `_`, `$`, `/` or `=`, or
# start with `-` (tags, versions, ports, commands, environment variables, paths: `-ltsc2022`, `$APP_UID`).
_VERBATIM = re.compile(r"^-|[0-9_$/=]")


def _verbatim_words(english: str) -> list[str]:
    words = (w.strip("(),;:.'\"").removesuffix("'s") for w in english.split())  # Debian 12's: 12
    return list(dict.fromkeys(w for w in words if w and _VERBATIM.search(w)))


def _lost_words(english: str, translated: str) -> str:
    """The English text's tags, names and numbers the translation does not keep, as a problem's words."""
    lost = [w for w in _verbatim_words(english) if w not in translated]
    return f"expected the English text's {', '.join(lost)} as they are" if lost else ""


def load_migration_texts(path: Path, changes, root: Path | None = None) -> dict[str, dict]:
    """data/messages/migrations.<lang>.yml: title, what and do of every change of data/migrations.yml, by id,
    and nothing else; each text keeps the English one's tags, commands and numbers. Sources, channels and
    limits stay in migrations.yml. Every problem is located."""
    known = {change.id: change for change in changes}
    problems, shown, tree, entries = _overlay(
        path, root, "changes", "expected a mapping of change ids", known, "not a change of data/migrations.yml"
    )
    found: dict[str, dict] = {}
    for change_id, change in known.items():
        entry = entries.get(change_id)
        if not isinstance(entry, LocatedDict):
            problems.add(
                shown,
                tree.line_of("changes"),
                f"changes.{change_id}",
                "missing: every change of data/migrations.yml needs its texts",
            )
            continue
        _extra_fields(problems, shown, entry, f"changes.{change_id}", MIGRATION_FIELDS)
        for key in MIGRATION_FIELDS:
            value, where = entry.get(key), f"changes.{change_id}.{key}"
            if value is None:
                problems.add(shown, entries.line_of(change_id), where, "missing")
            elif not isinstance(value, str) or not value.strip():
                problems.add(shown, entry.line_of(key), where, f"expected a text, got {value!r}")
            elif lost := _lost_words(getattr(change, key), value):
                problems.add(shown, entry.line_of(key), where, lost)
        found[change_id] = {k: " ".join(entry[k].split()) for k in MIGRATION_FIELDS if isinstance(entry.get(k), str)}
    problems.raise_if_any()
    return found


LEGACY_FIELDS = ("used", "moves", "why", "today_note")


def load_legacy_texts(path: Path, legacy, root: Path | None = None) -> dict[str, dict]:
    """data/messages/legacy.<lang>.yml: for every old name of data/legacy.yml, its `used`, `why`, `today_note`
    (when English has one) and the `when` of each move (`to` only where English explains it), nothing else;
    each text keeps the English one's tags, names and numbers. Every problem is located."""
    known = {entry.name: entry for entry in legacy.legacy}
    problems, shown, tree, entries = _overlay(
        path, root, "legacy", "expected a mapping of old image names", known, "not an old name of data/legacy.yml"
    )
    found: dict[str, dict] = {}
    for name, english in known.items():
        entry, here = entries.get(name), f"legacy.{name}"
        if not isinstance(entry, LocatedDict):
            problems.add(
                shown, tree.line_of("legacy"), here, "missing: every old name of data/legacy.yml needs its texts"
            )
            continue
        wanted = [k for k in LEGACY_FIELDS if k != "today_note" or english.today_note]
        _extra_fields(problems, shown, entry, here, tuple(wanted))
        texts: dict = {}
        for key in (k for k in wanted if k != "moves"):
            value = entry.get(key)
            if value is None:
                problems.add(shown, entries.line_of(name), f"{here}.{key}", "missing")
            elif not isinstance(value, str) or not value.strip():
                problems.add(shown, entry.line_of(key), f"{here}.{key}", f"expected a text, got {value!r}")
            elif lost := _lost_words(getattr(english, key), value):
                problems.add(shown, entry.line_of(key), f"{here}.{key}", lost)
            else:
                texts[key] = " ".join(value.split())
        moves = entry.get("moves")
        if not isinstance(moves, list) or len(moves) != len(english.moves):
            line = entry.line_of("moves") if "moves" in entry else entries.line_of(name)
            problems.add(shown, line, f"{here}.moves", f"expected a list of {len(english.moves)} moves, as in English")
            moves = []
        texts["moves"] = []
        for n, (move, original) in enumerate(zip(moves, english.moves, strict=False)):
            where, line = f"{here}.moves[{n}]", moves.line_of(n)
            if not isinstance(move, LocatedDict) or not isinstance(move.get("when"), str) or set(move) - {"when", "to"}:
                problems.add(shown, line, where, "expected {when: text} or {when: text, to: text}")
                continue
            for key in move:
                if not isinstance(move[key], str) or not move[key].strip():
                    problems.add(shown, line, f"{where}.{key}", f"expected a text, got {move[key]!r}")
                elif lost := _lost_words(getattr(original, key), move[key]):
                    problems.add(shown, line, f"{where}.{key}", lost)
            texts["moves"].append({k: " ".join(str(v).split()) for k, v in move.items()})
        found[name] = texts
    problems.raise_if_any()
    return found


def load_lifecycle_texts(path: Path, channels, root: Path | None = None) -> dict[str, str]:
    """data/messages/lifecycle.<lang>.yml: the note of every channel of data/lifecycle.yml that has one, by
    channel, and nothing else; each text keeps the English one's versions and numbers. Located problems."""
    known = {channel.channel: channel.note for channel in channels if channel.note}
    problems, shown, _tree, notes = _overlay(
        path,
        root,
        "notes",
        "expected a mapping of channel to note",
        known,
        "not a channel with a note in data/lifecycle.yml",
    )
    for channel, english in known.items():
        value = notes.get(channel)
        if value is None:
            problems.add(shown, notes.line, f"notes.{channel}", "missing: data/lifecycle.yml has a note for it")
        elif not isinstance(value, str) or not value.strip():
            problems.add(shown, notes.line_of(channel), f"notes.{channel}", f"expected a text, got {value!r}")
        else:
            lost = [w for w in _verbatim_words(english) if w not in value]
            if lost:
                problems.add(
                    shown, notes.line_of(channel), f"notes.{channel}", f"expected the English text's {', '.join(lost)}"
                )
    problems.raise_if_any()
    return {c: " ".join(v.split()) for c, v in notes.items() if c in known and isinstance(v, str)}


def load_wizard_texts(path: Path, english: list[str], root: Path | None = None) -> dict[str, str]:
    """data/messages/wizard.<lang>.yml: a text for every English text the wizard shows (questions, hints,
    options, reasons, dead ends), keyed by the English, and nothing else; each problem located."""
    problems = Problems()
    shown = display_path(path, root)
    tree = load_yaml(path, root)
    if not isinstance(tree, LocatedDict):
        problems.add(shown, getattr(tree, "line", 0), "", "expected a mapping of English text to translation")
        problems.raise_if_any()
    wanted = set(english)
    for key, value in tree.items():
        if key not in wanted:
            problems.add(
                shown, tree.line_of(key), str(key)[:60], "not a text data/wizard.yml shows (changed or removed?)"
            )
        elif not isinstance(value, str) or not value.strip():
            problems.add(shown, tree.line_of(key), str(key)[:60], f"expected a text, got {value!r}")
    for text in english:
        if text not in tree:
            problems.add(shown, 0, text[:60], "missing: data/wizard.yml shows this text (add its translation)")
    problems.raise_if_any()
    return {k: v for k, v in tree.items() if isinstance(v, str)}


def wizard_texts(wizard) -> list[str]:
    """Every text from data/wizard.yml the wizard shows a reader: question legends and hints, option
    labels and hints, the reasons, the dead ends' explanations and the ways out of them (templates with
    {placeholders})."""
    found: list[str] = []
    for question in wizard.rules.questions:
        found += [question.legend, *([question.help] if question.help else [])]
        for option in question.options or ():
            found += [option.label, *([option.help] if option.help else [])]
    found += [text for text, _ in wizard.reasons]
    found += [dead_end.because for dead_end in wizard.rules.dead_ends]  # templates: {version} and so on
    found += [way.text for way in wizard.rules.ways_out]  # templates: {was} and {to}
    return list(dict.fromkeys(found))
