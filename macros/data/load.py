"""The one loader: read and validate everything in data/ and return the Guide, once per change.

Every file is read with its lines remembered, turned into the model's classes (data/schema.py),
and checked against the others; problems from all files are reported together as one DataError
naming file and line. `load_guide` is the entry point for the build, `make check` and tests;
load_catalog, load_legacy and load_wizard are its steps, open to tests of one file.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..model.catalog import Catalog, CatalogFile
from ..model.legacy import LegacyList
from ..model.lifecycle import Lifecycle, ReleasesFile
from ..model.messages import Messages
from ..model.migrations import Migrations
from ..model.order import Order
from ..model.platforms import Platforms
from ..model.registry import RegistryFile
from ..model.repositories import RepositoryList
from ..model.team import Team, apply_team
from ..wizard import build_wizard
from ..wizard.answers import Wizard
from ..wizard.rules import WizardRules
from .catalog_checks import check_platforms, join_repositories
from .errors import DataError, Problem, Problems
from .jsonio import load_json
from .legacy_checks import check_legacy
from .lifecycle_checks import join_lifecycle
from .messages import (
    load_legacy_texts,
    load_lifecycle_texts,
    load_messages,
    load_migration_texts,
    load_repository_texts,
    load_wizard_texts,
    wizard_texts,
)
from .migration_checks import check_migrations
from .registry_checks import check_registry
from .schema import Where, build, replace
from .team_checks import check_team
from .yamlio import display_path, load_yaml

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
DOCS_DIR = ROOT / "docs"  # the wizard's links must name pages that exist
GENERATED = ("catalog", "registry", "lifecycle")  # the folders `make sync` writes
RELEASES = "lifecycle/dotnet.yml"  # .NET channels, generated from releases-index.json


@dataclass(frozen=True)
class Guide:
    """Everything the site says, validated: the catalog with its derived facts, legacy names, the wizard,
    and the migration notes (what breaks between channels)."""

    catalog: Catalog  # in a team's edition, with the team's standard applied (catalog.team)
    legacy: LegacyList
    wizard: Wizard
    migrations: Migrations | None = None
    messages: dict[str, Messages] | None = None  # what generated content says, per language (data/messages/)


def team_file() -> Path | None:
    """GUIDE_TEAM=path/to/team.yml builds the team's edition; unset or empty, the public site."""
    value = os.environ.get("GUIDE_TEAM", "").strip()
    return Path(value).resolve() if value else None


def today() -> datetime.date:
    """The build's "today": GUIDE_TODAY=YYYY-MM-DD when set (tests, previews of a future date), else the
    UTC date of SOURCE_DATE_EPOCH (reproducible builds) or of the clock: never the machine's time zone,
    so two machines building at the same instant say the same thing."""
    value = os.environ.get("GUIDE_TODAY", "").strip()
    if value:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise DataError(
                [Problem("GUIDE_TODAY", 0, "", f"expected a date like 2026-11-28, got '{value}'")]
            ) from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
        except (ValueError, OverflowError, OSError):
            raise DataError(
                [Problem("SOURCE_DATE_EPOCH", 0, "", f"expected seconds since 1970, got '{epoch}'")]
            ) from None
    return datetime.datetime.now(tz=datetime.UTC).date()


def load_guide(
    data_dir: Path | None = None,
    on: datetime.date | None = None,
    docs_dir: Path | None = None,
    team: Path | None = None,
) -> Guide:
    """The validated Guide; cached, and read again only when a file in data/ (or team.yml) changed.

    `team` (default: GUIDE_TEAM) names a team.yml whose standard is laid over the catalog."""
    data_dir = Path(data_dir or DATA_DIR).resolve()
    docs_dir = Path(docs_dir or DOCS_DIR).resolve()
    team = team or team_file()
    return _load_cached(data_dir, on or today(), docs_dir, team, _signature(data_dir, team))


def _signature(data_dir: Path, team: Path | None = None) -> tuple:
    """(path, mtime, size) of every data file in data/ and its generated folders, and of team.yml."""
    found = []
    if team is not None:
        try:
            stat = team.stat()
            found.append((str(team), stat.st_mtime_ns, stat.st_size))
        except OSError:  # the loader says what is wrong with it
            found.append((str(team), 0, -1))
    for folder in (data_dir, *(data_dir / name for name in (*GENERATED, "messages"))):
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.endswith((".yml", ".json")):
                        try:
                            stat = entry.stat()
                            found.append((entry.path, stat.st_mtime_ns, stat.st_size))
                        except OSError:  # a broken link: the loader says what is wrong with it
                            found.append((entry.path, 0, -1))
        except FileNotFoundError:  # the loader reports the missing file or folder
            continue
    return tuple(sorted(found))


@lru_cache(maxsize=4)
def _load_cached(data_dir: Path, on: datetime.date, docs_dir: Path, team: Path | None, signature: tuple) -> Guide:  # noqa: ARG001
    catalog = load_catalog(data_dir, on)  # legacy.yml and wizard.yml are checked against it
    if team is not None:  # the team's edition: the wizard and every page see the standard applied
        catalog = apply_team(catalog, load_team(team, catalog))
    problems = Problems()
    legacy = wizard = migrations = None
    try:
        legacy = load_legacy(data_dir / "legacy.yml", frozenset(r.info.repository for r in catalog.repositories))
    except DataError as error:
        problems.items.extend(error.problems)
    try:
        wizard = load_wizard(data_dir / "wizard.yml", catalog, docs_dir)
    except DataError as error:
        problems.items.extend(error.problems)
    try:
        migrations = load_migrations(data_dir / "migrations.yml", catalog)
    except DataError as error:
        problems.items.extend(error.problems)
    messages = None
    try:
        # The site's words, not facts: a data folder without messages/ (the test fixtures) uses the project's.
        folder = data_dir / "messages" if (data_dir / "messages").exists() else DATA_DIR / "messages"
        messages = load_messages(folder, data_dir.parent)
        infos = [model.info for model in catalog.repositories]
        for lang in (lang for lang in messages if lang != "en"):
            texts = load_repository_texts(folder / f"repositories.{lang}.yml", infos, data_dir.parent)
            shown = wizard_texts(wizard) if wizard else []
            translated = load_wizard_texts(folder / f"wizard.{lang}.yml", shown, data_dir.parent) if wizard else {}
            notes = {}  # migrations.yml's own problems are reported above; its texts are checked once it loads
            if migrations:
                notes = load_migration_texts(folder / f"migrations.{lang}.yml", migrations.changes, data_dir.parent)
            old_names = load_legacy_texts(folder / f"legacy.{lang}.yml", legacy, data_dir.parent) if legacy else {}
            channel_notes = load_lifecycle_texts(
                folder / f"lifecycle.{lang}.yml", catalog.lifecycle.channels, data_dir.parent
            )
            messages[lang] = dataclasses.replace(
                messages[lang],
                repositories=texts,
                wizard=translated,
                migrations=notes,
                legacy=old_names,
                channel_notes=channel_notes,
            )
    except DataError as error:
        problems.items.extend(error.problems)
    problems.raise_if_any()  # every file's problems in one report
    return Guide(catalog=catalog, legacy=legacy, wizard=wizard, migrations=migrations, messages=messages)


def read_model(path: Path, cls, problems: Problems, root: Path):
    """One YAML file as one model object; syntax errors become problems, not exceptions."""
    try:
        data = load_yaml(path, root)
    except DataError as error:
        problems.items.extend(error.problems)
        return None
    return build(cls, data, Where(display_path(path, root), getattr(data, "line", 1), ""), problems)


def read_record(path: Path, problems: Problems, root: Path) -> RegistryFile | None:
    """One registry record (generated JSON): problems name the file and the JSON path."""
    try:
        data = load_json(path, root)
    except DataError as error:
        problems.items.extend(error.problems)
        return None
    return build(RegistryFile, data, Where(display_path(path, root), 0, ""), problems)


def load_catalog(data_dir: Path | None = None, on: datetime.date | None = None) -> Catalog:
    """Step 1: platforms, lifecycle (hand-kept and generated), repositories and catalog/*.yml, checked against
    each other."""
    data_dir, on = Path(data_dir or DATA_DIR).resolve(), on or today()
    problems = Problems()
    root = data_dir.parent
    shown = lambda name: display_path(data_dir / name, root)  # noqa: E731 - a one-line helper
    platforms = read_model(data_dir / "platforms.yml", Platforms, problems, root)
    lifecycle = read_model(data_dir / "lifecycle.yml", Lifecycle, problems, root)
    releases = None
    if (data_dir / RELEASES).exists():
        releases = read_model(data_dir / RELEASES, ReleasesFile, problems, root)
    else:
        problems.add(shown(RELEASES), 0, "", "missing: the .NET channels' lifecycle (run `make sync`)")
    repo_list = read_model(data_dir / "repositories.yml", RepositoryList, problems, root)
    catalog_paths = sorted((data_dir / "catalog").glob("*.yml"))
    if not catalog_paths:
        problems.add(shown("catalog"), 0, "", "no catalog files (run `make sync`)")
    files = [(p, read_model(p, CatalogFile, problems, root)) for p in catalog_paths]
    records = [(p, read_record(p, problems, root)) for p in sorted((data_dir / "registry").glob("*.json"))]
    problems.raise_if_any()  # relations below need every file to have parsed
    known = {r.repository for r in repo_list.repositories}
    for path, record in records:
        check_registry(record, display_path(path, root), known, problems)

    os_versions = {o.os_version for o in platforms.os_versions}
    named = (shown("lifecycle.yml"), shown(RELEASES))
    lifecycle = join_lifecycle(lifecycle, releases, named, os_versions, on, problems)
    channels = {c.channel: c for c in lifecycle.channels}
    check_platforms(platforms, shown("platforms.yml"), problems)
    order = Order(platforms)
    registry = {record.repository: record for _, record in records}
    repos = join_repositories(repo_list, files, order, channels, root, shown("repositories.yml"), problems, registry)
    problems.raise_if_any()
    return Catalog(today=on, platforms=platforms, lifecycle=lifecycle, repositories=repos, order=order)


def _read_checked(path: Path, model, check, *context):
    """A hand-kept file read into `model`, then checked against what is already loaded: each step
    reports every problem it finds before the build stops."""
    problems = Problems()
    root = path.parent.parent
    found = read_model(path, model, problems, root)
    problems.raise_if_any()
    check(found, display_path(path, root), *context, problems)
    problems.raise_if_any()
    return found


def load_legacy(path: Path, repositories: frozenset[str]) -> LegacyList:
    """Step 2: legacy.yml, whose `today` entries must name repositories of the catalog."""
    return _read_checked(path, LegacyList, check_legacy, repositories)


def load_team(path: Path, catalog: Catalog) -> Team:
    """The team's standard (GUIDE_TEAM), checked on its own and against the catalog on the build's day."""
    problems = Problems()
    root = Path.cwd()
    shown = display_path(path, root)
    team = read_model(path, Team, problems, root)
    problems.raise_if_any()
    team = check_team(team, shown, catalog, catalog.today, problems)
    problems.raise_if_any()
    return replace(team, file=shown)


def load_migrations(path: Path, catalog: Catalog) -> Migrations:
    """Step 4: migrations.yml, whose channels, repositories and distros must be the catalog's."""
    return _read_checked(path, Migrations, check_migrations, catalog)


def load_wizard(path: Path, catalog: Catalog, docs_dir: Path) -> Wizard:
    """Step 3: wizard.yml, checked, with every path through its questions computed."""
    problems = Problems()
    root = path.parent.parent
    rules = read_model(path, WizardRules, problems, root)
    problems.raise_if_any()
    return build_wizard(rules, catalog, display_path(path, root), docs_dir)
