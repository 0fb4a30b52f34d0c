"""The checker's words, from the message catalogs (data/messages/<lang>.yml, group `checker`).

The look-ups (verdict.py, checker.js) give each reason and problem as `[code, value, ...]`; the catalog
names those values (`{tag}`, `{host}`), and the table keeps them by position (`{0}`, `{1}`), which the
command line and the page fill the same way. `{title}` and `{eol}` describe a channel.

api/checker.json carries the English words (the command line prints English); each edition's page
carries its own (`checker_words`), embedded by the page macro, so /ko/check/ says the same verdicts in
Korean.
"""

from __future__ import annotations

from ..model.messages import Messages

# What each problem and reason carries after its code, in order: the names the catalog's texts use.
PROBLEM_VALUES = {
    "empty": (),
    "binary": (),
    "too-large": ("count",),
    "no-from": (),
    "from-without-image": ("text",),
}
REASON_VALUES = {
    "status-supported": ("channel",),
    "status-supported-open": ("channel",),
    "status-ending": ("channel",),
    "status-eol": ("channel",),
    "status-preview": ("channel",),
    "status-own": ("channel",),
    "not-a-reference": ("text",),
    "other-registry": ("host",),
    "scratch": (),
    "not-covered": ("image",),
    "legacy": ("name",),
    "legacy-gone": ("note",),
    "unknown-tag": ("tag",),
    "digest-unknown": ("digest",),
    "digest-other-repository": ("repository",),
    "digest-replaced": ("first_seen", "current", "current_first_seen"),
    "policy": ("why",),
}
VERDICT_NAMES = (
    "outside-standard",  # a team's standard (checker/team.py VERDICT)
    "current",
    "outdated-digest",
    "end-of-life",
    "ends-soon",
    "legacy-name",
    "preview",
    "unknown-tag",
    "not-dotnet",
)
# The words checker.js writes around the verdicts (checker.result.*), by the key the script asks for.
RESULT_TEXTS = (
    "line",
    "problem",
    "stage",
    "passing",
    "closest",
    "replace",
    "pin",
    "row_link",
    "tags_link",
    "wizard_link",
    "scanner_link",
    "load_error",
)
RESULT_COUNTS = ("checked", "failing", "notes")


def _key(code: str) -> str:
    return code.replace("-", "_")


def _positional(template: str, names: tuple[str, ...]) -> str:
    """`{tag}` -> `{0}`: the catalog names a value, the table counts it."""
    for index, name in enumerate(names):
        template = template.replace("{" + name + "}", "{" + str(index) + "}")
    return template


def verdict_texts(t: Messages) -> dict:
    """Problems and reasons in the language of `t`, as the table writes them ({"problems", "reasons"})."""
    return {
        "problems": {
            code: _positional(t.texts[f"checker.problem.{_key(code)}"], names) for code, names in PROBLEM_VALUES.items()
        },
        "reasons": {
            code: _positional(t.texts[f"checker.reason.{_key(code)}"], names) for code, names in REASON_VALUES.items()
        },
    }


def policy_texts(team, t: Messages) -> dict[str, str]:
    """What a team's standard says of a FROM outside it (checker/team.py, table.Policy), in `t`'s language."""
    return {
        "outside": t.text("checker.policy.outside", team=team.team),
        "mirror": t.text("checker.policy.mirror", mirror=team.mirror or ""),
        "digest": t.text("checker.policy.digest"),
    }


def checker_words(t: Messages, migrations=None, team=None, english: Messages | None = None, legacy=None) -> dict:
    """Everything the page's script says, in the language of `t`: the verdict names, the problems and
    reasons, the words around them (a count has `one` and `other`), each migration note's title and
    what to do, and in a team's edition the standard's reasons, by the English the table carries (the
    table keeps the English, for the command line)."""
    words = verdict_texts(t)
    words["language"] = t.language
    words["verdicts"] = {v: t.texts[f"checker.verdict.{_key(v)}"] for v in VERDICT_NAMES}
    words["result"] = {k: t.texts[f"checker.result.{k}"] for k in RESULT_TEXTS}
    for key in RESULT_COUNTS:
        for form in ("one", "other"):
            words["result"][f"{key}.{form}"] = t.texts[f"checker.result.{key}.{form}"]
    words["example_comment"] = t.texts["checker.form.example_comment"]
    words["notes"] = {
        c.id: {"title": t.migration_text(c, "title"), "do": t.migration_text(c, "do")}
        for c in (migrations.changes if migrations else ())
    }
    words["policies"] = {}
    if team is not None and english is not None:
        words["policies"] = {said: policy_texts(team, t)[key] for key, said in policy_texts(team, english).items()}
    # An old name with no repository today: the table's reason holds its English note; the page says its own.
    words["legacy_notes"] = {
        e.today_note: t.legacy_text(e, "today_note") for e in (legacy.legacy if legacy else ()) if e.today_note
    }
    return words


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
