"""legacy.yml: old image names (Docker Hub and MCR, 2016-2020) and where each went."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Move:
    """One step of a name's history: in `when`, it moved to `to` (a name or a pattern)."""

    when: str
    to: str


@dataclass(frozen=True)
class LegacyName:
    name: str
    registry: Literal["Docker Hub", "MCR"]
    used: str
    example_tags: tuple[str, ...]
    moves: tuple[Move, ...]
    why: str
    # Today's repositories (names from repositories.yml); empty only with `today_note`.
    today: tuple[str, ...] = ()
    today_note: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class LegacyList:
    legacy: tuple[LegacyName, ...]
