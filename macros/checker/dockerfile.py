"""Reading what a reader pasted: a Dockerfile, one FROM line, an image reference or a bare digest.

checker.js reads input the same way (the tests run one case list through both). Input is hostile:
it is size-capped, binary is refused, and every problem is a message with its line, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_CHARS = 256 * 1024  # a Dockerfile is rarely over 10 KB; this bounds the work a paste can cause
_DIRECTIVE = re.compile(r"^#\s*([A-Za-z]+)\s*=\s*(.*?)\s*$")
_INSTRUCTION = re.compile(r"^\s*([A-Za-z]+)(?:\s+(.*))?$", re.S)
_VARIABLE = re.compile(r"\$(?:\{(\w+)(?:(:?[-+])([^}]*))?\}|(\w+))")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_DIGEST = re.compile(r"^(sha256:)?[0-9a-f]{64}$")


@dataclass
class From:
    """One FROM: where it is, what it names (ARGs substituted), and whether it is an earlier stage."""

    line: int
    text: str
    image: str
    platform: str = ""
    name: str = ""
    stage: bool = False


@dataclass
class Input:
    froms: list[From] = field(default_factory=list)
    # (code, line, detail): empty, binary, too-large, no-from, from-without-image
    problems: list[tuple[str, int, str]] = field(default_factory=list)
    digest: str = ""  # the input was a bare digest


def substitute(text: str, args: dict[str, str]) -> str:
    """$NAME, ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:+alt}, ${NAME+alt}, as Docker does."""

    def value(match: re.Match) -> str:
        name = match.group(1) or match.group(4)
        operator, word = match.group(2), match.group(3) or ""
        present, current = name in args, args.get(name, "")
        if operator == ":-":
            return current if current else word
        if operator == "-":
            return current if present else word
        if operator == ":+":
            return word if current else ""
        if operator == "+":
            return word if present else ""
        return current

    return _VARIABLE.sub(value, text)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """(first line number, instruction text): parser directives read, comments dropped, continuations joined."""
    lines = text.split("\n")
    escape = "\\"
    start = 0
    for number, raw in enumerate(lines):  # directives: only at the very top
        match = _DIRECTIVE.match(raw.strip())
        if not match:
            break
        if match.group(1).lower() == "escape" and match.group(2) in ("`", "\\"):
            escape = match.group(2)
        start = number + 1
    found: list[tuple[int, str]] = []
    pending, first = "", 0
    for number in range(start, len(lines)):
        raw = lines[number].rstrip("\r")
        stripped = raw.strip()
        if stripped.startswith("#") or (not stripped and not pending):
            continue
        if not pending:
            first = number + 1
        if raw.rstrip().endswith(escape):
            pending += raw.rstrip()[:-1] + " "
            continue
        found.append((first, pending + raw))
        pending = ""
    if pending.strip():
        found.append((first, pending))
    return found


def _arg_values(rest: str, args: dict[str, str]) -> None:
    """`ARG A=1 B` : A gets its default; B, declared without one, stays unset (empty in FROM)."""
    for token in rest.split():
        name, has_value, value = token.partition("=")
        if name and has_value:
            args[name] = substitute(_unquote(value), args)


def _from(number: int, rest: str, args: dict[str, str], stages: set[str], found: Input) -> None:
    tokens = rest.split()
    platform = ""
    while tokens and tokens[0].startswith("--"):
        flag = tokens.pop(0)
        key, has_value, value = flag.partition("=")
        if key == "--platform":
            platform = value if has_value else (tokens.pop(0) if tokens else "")
    text = f"FROM {rest.strip()}"
    if not tokens:
        found.problems.append(("from-without-image", number, text))
        return
    image = substitute(tokens[0], args).strip()
    name = tokens[2].lower() if len(tokens) >= 3 and tokens[1].lower() == "as" else ""
    if not image:
        found.problems.append(("from-without-image", number, text))
        return
    entry = From(number, text, image, platform, name, stage=image.lower() in stages)  # platform as written
    found.froms.append(entry)
    if name:
        stages.add(name)


def read_input(text: str) -> Input:
    found = Input()
    if len(text) > MAX_CHARS:
        found.problems.append(("too-large", 0, str(len(text))))
        return found
    text = text.removeprefix("\ufeff")
    if "\x00" in text or len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        found.problems.append(("binary", 0, ""))
        return found
    if not text.strip():
        found.problems.append(("empty", 0, ""))
        return found
    lines = _logical_lines(text)
    if not any(_INSTRUCTION.match(t) and _INSTRUCTION.match(t).group(1).upper() == "FROM" for _, t in lines):
        single = text.strip()
        if single.split() == [single]:  # one word: an image reference or a bare digest
            if _DIGEST.match(single.lower()):
                found.digest = single.lower() if single.lower().startswith("sha256:") else f"sha256:{single.lower()}"
            else:
                found.froms.append(From(1, single, single))
            return found
        found.problems.append(("no-from", 0, ""))
        return found
    args: dict[str, str] = {}
    stages: set[str] = set()
    seen_from = False
    for number, instruction in lines:
        match = _INSTRUCTION.match(instruction)
        if not match:
            continue
        keyword, rest = match.group(1).upper(), match.group(2) or ""
        if keyword == "ARG" and not seen_from:  # only ARGs before the first FROM reach FROM lines
            _arg_values(rest, args)
        elif keyword == "FROM":
            seen_from = True
            _from(number, rest, args, stages, found)
    return found
