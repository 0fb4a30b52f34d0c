"""Write a team's policies from its team.yml without building the site (CI, or a repository of policies).

python -m macros.team_policies TEAM_YML OUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

from .data.errors import DataError
from .data.load import load_guide
from .render.policies import render_policies


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m macros.team_policies TEAM_YML OUT_DIR", file=sys.stderr)
        return 2
    try:
        catalog = load_guide(team=Path(argv[0]).resolve()).catalog
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name, text in render_policies(catalog).items():
        (out / name).write_text(text, encoding="utf-8")
        print(f"wrote {out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
