"""data/wizard.yml's schema (these classes are it): questions, and rules that hold under conditions."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Literal

from ..model.order import Variant


@dataclass(frozen=True)
class When:
    """One condition: every listed question has one of the listed answers. Keys = the link contract."""

    goal: tuple[str, ...] = ()
    framework: tuple[str, ...] = ()
    app: tuple[str, ...] = ()
    deploy: tuple[str, ...] = ()
    version: tuple[str, ...] = ()
    os: tuple[str, ...] = ()
    distro: tuple[str, ...] = ()
    windows: tuple[str, ...] = ()
    winver: tuple[str, ...] = ()
    hardened: tuple[str, ...] = ()
    globalization: tuple[str, ...] = ()
    composite: tuple[str, ...] = ()
    arch: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # (key, allowed values) for each key named: holds() reads it for every rule on every path.
        object.__setattr__(
            self, "_items", tuple((f.name, getattr(self, f.name)) for f in fields(self) if getattr(self, f.name))
        )

    def items(self) -> tuple:
        """(key, allowed values) for each key the condition names, in asking order."""
        return self._items


KEYS = tuple(f.name for f in fields(When))  # the query-string keys, in asking order


def holds(conditions: tuple[When, ...], answers: dict) -> bool:
    """No condition: always; otherwise any one condition (every key it names has an allowed answer).

    Plain loops over precomputed items: the wizard asks this tens of thousands of times a build.
    """
    if not conditions:
        return True
    answer = answers.get
    for condition in conditions:
        for key, allowed in condition._items:
            if answer(key) not in allowed:
                break
        else:
            return True
    return False


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    help: str | None = None
    when: tuple[When, ...] = ()
    distro: str | None = None  # the catalog distro this answer selects
    os_version_suffix: str | None = None  # Windows: nanoserver + "-" + ltsc2025
    arch: str | None = None  # the catalog architecture (none: multi-platform)


@dataclass(frozen=True)
class Question:
    id: str
    legend: str
    help: str | None = None
    when: tuple[When, ...] = ()
    options: tuple[Option, ...] = ()
    # "channels": the options are the channels of the build-stage repository, from the catalog.
    options_from: Literal["channels"] | None = None
    default: str | None = None
    # newest_lts: the newest LTS channel in support; plain_tag: the distro of the channel's plain tag.
    default_from: Literal["newest_lts", "plain_tag"] | None = None


@dataclass(frozen=True)
class VariantRule:
    when: tuple[When, ...]
    variant: Variant


@dataclass(frozen=True)
class StageRule:
    repository: str
    reason: str
    link: str
    when: tuple[When, ...] = ()
    variants: tuple[Variant, ...] = ()
    # Tried only when the rule before it holds but the catalog cannot satisfy it.
    fallback: bool = False


@dataclass(frozen=True)
class DeadEnd:
    when: tuple[When, ...]
    because: str
    # A policy, not a catalog gap: applies whenever `when` holds, even if some image would match.
    block: bool = False


@dataclass(frozen=True)
class Reason:
    when: tuple[When, ...]
    text: str
    link: str


@dataclass(frozen=True)
class Dockerfile:
    """A Dockerfile template: {build} and {run} become the image references; {arch}, {platform} and
    {toolchain} are filled from the answers and the build image (wizard/dockerfile.py)."""

    when: tuple[When, ...]
    text: str


@dataclass(frozen=True)
class Toolchain:
    """How to add the Native AOT toolchain to an SDK image of these distros (the -aot images have it)."""

    distros: tuple[str, ...]
    install: str


@dataclass(frozen=True)
class WayOut:
    """How costly one changed answer is, and why, for the ways out of a dead end.

    The list is ordered cheapest first; a change is described by the first entry naming its question
    (and, when given, the answer it changes: `was` and `to`). {was} and {to} become option labels.
    A change no entry names is never offered (asking to build instead of run is no way to run an app).
    """

    key: str
    text: str
    was: tuple[str, ...] = ()
    to: tuple[str, ...] = ()


@dataclass(frozen=True)
class WizardRules:
    questions: tuple[Question, ...]
    run_variants: tuple[VariantRule, ...]
    run: tuple[StageRule, ...]
    build: tuple[StageRule, ...]
    dead_ends: tuple[DeadEnd, ...]
    reasons: tuple[Reason, ...]
    dockerfiles: tuple[Dockerfile, ...]
    toolchains: tuple[Toolchain, ...] = ()
    ways_out: tuple[WayOut, ...] = ()
