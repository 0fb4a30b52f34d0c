"""Check the base images of a Dockerfile from the command line (make check-image FILE=Dockerfile).

python -m macros.check_image Dockerfile        one line per FROM: verdict, image, replacement
python -m macros.check_image --ref IMAGE       one reference (or a bare digest)
python -m macros.check_image - < Dockerfile    read standard input
  --json          the machine-readable result (the same fields the page uses)
  --api DIR       read the decision table and digests from a built site's api/ folder instead of data/
  --team TEAM_YML the table of that team's edition: images outside its standard get outside-standard

Exit status: 0 when every verdict is current or not-dotnet, 1 when any other verdict is found,
2 when the input cannot be checked (empty, binary, too large, no FROM, a FROM without an image).
The rules are the decision table the site's /check/ page reads (macros/checker/table.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .checker.dockerfile import MAX_CHARS
from .checker.messages import problem_text, reason_text
from .checker.verdict import check_text, from_line
from .data.errors import DataError


def load_tables(api: Path | None, team: Path | None = None) -> tuple[dict, callable]:
    """The decision table, and a function that gives the digest record when a digest needs it;
    with `team` (a team.yml), the table of that team's edition (its standard is one more verdict)."""
    if api is not None:
        table = json.loads((api / "checker.json").read_text(encoding="utf-8"))
        return table, lambda: json.loads((api / "digests.json").read_text(encoding="utf-8"))
    from .checker.table import checker_json
    from .checker.team import team_policy
    from .data.load import load_guide
    from .render.api import digests_document
    from .render.status import HIDDEN_BY_DEFAULT

    guide = load_guide(team=team)
    policies = [team_policy(guide.catalog, guide.messages["en"])] if guide.catalog.team else []
    table = json.loads(checker_json(guide, policies, hidden_statuses=HIDDEN_BY_DEFAULT))  # what the build writes
    return table, lambda: digests_document(guide.catalog)


def _read(source: str) -> str:
    raw = sys.stdin.buffer.read(MAX_CHARS * 4 + 1) if source == "-" else Path(source).read_bytes()[: MAX_CHARS * 4 + 1]
    return raw.decode("utf-8", errors="replace")


def run(text: str, table: dict, digests) -> dict:
    needs_digests = "sha256:" in text.lower() or any(len(w) == 64 for w in text.split())
    return check_text(text, table, digests() if needs_digests else None)


def print_result(result: dict, table: dict, source: str) -> None:
    for code, line, detail in result["problems"]:
        print(f"{source}: {problem_text(code, line, detail, table)}")
    for entry in result["entries"]:
        where = f"{source}:{entry['line']}"
        if entry.get("stage"):
            print(f"{where}: stage      {entry['image']} (an earlier stage, not checked)")
            continue
        print(f"{where}: {entry['verdict']:<15} {entry['image']}")
        for reason in entry["reasons"]:
            print(f"    {reason_text(reason, table)}")
        if entry["suggestions"]:
            print(f"    closest documented tags: {', '.join(entry['suggestions'])}")
        if entry["replacement"]:
            print(f"    replace with: {from_line(entry)}")
        for note in entry["notes"]:
            print(f"    migration note: {note}")


def exit_status(result: dict, table: dict) -> int:
    if result["problems"] or not result["entries"]:
        return 2
    passing = {v["verdict"] for v in table["verdicts"] if v["passing"]}
    return 0 if all(e.get("stage") or e["verdict"] in passing for e in result["entries"]) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.check_image", description=__doc__.split("\n")[0])
    parser.add_argument("file", nargs="?", help="a Dockerfile, or - for standard input")
    parser.add_argument("--ref", help="one image reference or digest instead of a file")
    parser.add_argument("--json", action="store_true", help="print the machine-readable result")
    parser.add_argument("--api", type=Path, help="a built site's api/ folder to read the tables from")
    parser.add_argument("--team", type=Path, help="a team.yml: images outside that standard fail too (exit 1)")
    args = parser.parse_args(argv)
    if (args.file is None) == (args.ref is None):
        parser.print_usage(sys.stderr)
        print("error: give a FILE or --ref IMAGE", file=sys.stderr)
        return 2
    try:
        text = args.ref if args.ref is not None else _read(args.file)
    except OSError as error:
        print(f"error: cannot read {args.file}: {error.strerror or error}", file=sys.stderr)
        return 2
    if args.api is not None and args.team is not None:
        print(
            "error: --api reads a built site's tables (a team's edition has its standard in them); give one",
            file=sys.stderr,
        )
        return 2
    try:
        table, digests = load_tables(args.api, args.team.resolve() if args.team else None)
    except DataError as error:
        print(error, file=sys.stderr)
        return 2
    result = run(text, table, digests)
    status = exit_status(result, table)
    if args.json:
        print(json.dumps({"computed_for": table["computed_for"], "exit_status": status, **result}, indent=2))
    else:
        print_result(result, table, args.file or "ref")
    return status


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `... | head`: the reader stopped reading, which is no error of ours
        sys.stderr.close()
        sys.exit(0)
