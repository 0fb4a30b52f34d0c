"""Load and validate everything in data/ once per build, and return the typed model."""
from __future__ import annotations

import datetime
import gc
import os
from functools import lru_cache
from pathlib import Path

from .errors import DataError, Problem, Problems
from .model import (
    ENDING_SOON_DAYS, Catalog, CatalogFile, Channel, Lifecycle, Platforms, RepositoryList,
    RepositoryModel,
)
from .schema import Where, build, line, replace
from .yamlio import display_path, load_yaml

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"


def today() -> datetime.date:
    """The build's "today": GUIDE_TODAY=YYYY-MM-DD when set (tests, reproducible builds), else the clock."""
    value = os.environ.get("GUIDE_TODAY", "").strip()
    if not value:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise DataError([Problem("GUIDE_TODAY", 0, "", f"expected a date like 2026-11-28, got '{value}'")]) from None


def load_catalog(data_dir: Path | None = None, on: datetime.date | None = None) -> Catalog:
    """The validated model; cached, and reloaded only when a data file changes."""
    data_dir = Path(data_dir or DATA_DIR).resolve()
    return _load_cached(data_dir, on or today(), _signature(str(data_dir)))


_FIXED_FILES = frozenset({"platforms.yml", "lifecycle.yml", "repositories.yml"})


def _signature(data_dir: str) -> tuple:
    """(path, mtime, size) of every data file. Every macro call asks, so it lists folders with
    os.scandir rather than globbing Paths: a few hundred calls a build."""
    found = []
    for folder, wanted in ((data_dir, _FIXED_FILES.__contains__),
                           (os.path.join(data_dir, "catalog"), lambda name: name.endswith(".yml"))):
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if wanted(entry.name) and entry.is_file():
                        stat = entry.stat()
                        found.append((entry.path, stat.st_mtime_ns, stat.st_size))
        except FileNotFoundError:  # _load reports the missing file or folder
            continue
    return tuple(sorted(found))


@lru_cache(maxsize=4)
def _load_cached(data_dir: Path, on: datetime.date, signature: tuple) -> Catalog:
    return load_uncached(data_dir, on)


def load_uncached(data_dir: Path, on: datetime.date) -> Catalog:
    """Load and validate, bypassing the cache: what a build pays once (the benchmark times this)."""
    # The catalog is tens of thousands of small objects, made at once and kept for the build.
    # Python's cyclic GC would walk all of them on every full collection, while they are made and
    # while pages are rendered; that made the build grow faster than the catalog. They hold no
    # reference cycles, so the collector is paused while they are made and then told to leave what
    # is alive alone (gc.freeze). A reload (mkdocs serve, data changed) unfreezes first, so what
    # the previous build left behind can still be collected.
    gc.unfreeze()
    enabled = gc.isenabled()
    gc.disable()
    try:
        catalog = _load(data_dir, on)
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    return catalog


def read_model(path: Path, cls, problems: Problems, root: Path):
    """One YAML file as one model object; syntax errors become problems, not exceptions."""
    try:
        data = load_yaml(path, root)
    except DataError as error:
        problems.items.extend(error.problems)
        return None
    shown = display_path(path, root)
    return build(cls, data, Where(shown, getattr(data, "line", 1), ""), problems)


def _load(data_dir: Path, on: datetime.date) -> Catalog:
    problems = Problems()
    root = data_dir.parent
    platforms = read_model(data_dir / "platforms.yml", Platforms, problems, root)
    lifecycle = read_model(data_dir / "lifecycle.yml", Lifecycle, problems, root)
    repo_list = read_model(data_dir / "repositories.yml", RepositoryList, problems, root)
    catalog_paths = sorted((data_dir / "catalog").glob("*.yml"))
    if not catalog_paths:
        problems.add(display_path(data_dir / "catalog", root), 0, "", "no catalog files (run `make sync`)")
    files = [(p, read_model(p, CatalogFile, problems, root)) for p in catalog_paths]
    problems.raise_if_any()  # relations below need every file to have parsed

    channels = _check_lifecycle(lifecycle, display_path(data_dir / "lifecycle.yml", root), on, problems)
    _check_platforms(platforms, display_path(data_dir / "platforms.yml", root), problems)
    repos = _join_repositories(repo_list, files, platforms, channels, root, display_path(data_dir / "repositories.yml", root), problems)
    problems.raise_if_any()
    lifecycle = replace(lifecycle, channels=tuple(channels.values()))
    return Catalog(today=on, platforms=platforms, lifecycle=lifecycle, repositories=repos)


def channel_status(channel: Channel, on: datetime.date) -> Channel:
    """The channel with its status and days left computed for the day `on`."""
    if channel.ga is None or on < channel.ga:
        status = "preview"
    elif channel.eol is not None and on >= channel.eol:
        status = "eol"
    elif channel.eol is not None and (channel.eol - on).days <= ENDING_SOON_DAYS:
        status = "ending"
    else:
        status = "supported"
    days_left = (channel.eol - on).days if channel.eol else None
    return replace(channel, status=status, days_left=days_left)


def _check_lifecycle(lifecycle: Lifecycle, file: str, on, problems: Problems) -> dict[str, Channel]:
    channels: dict[str, Channel] = {}
    for index, channel in enumerate(lifecycle.channels):
        path = f"channels[{index}]"
        if channel.channel in channels:
            problems.add(file, line(channel, "channel"), f"{path}.channel", f"channel '{channel.channel}' is listed twice")
        if channel.ga and channel.eol and channel.eol < channel.ga:
            problems.add(file, line(channel, "eol"), f"{path}.eol",
                         f"end of life {channel.eol} is before GA {channel.ga} (expected a later date)")
        channels[channel.channel] = channel_status(channel, on)
    return channels


def _check_platforms(platforms: Platforms, file: str, problems: Problems) -> None:
    distros = {d.distro for d in platforms.distros}
    seen = set()
    for index, entry in enumerate(platforms.os_versions):
        if entry.distro not in distros:
            problems.add(file, line(entry, "distro"), f"os_versions[{index}].distro",
                         f"unknown distro '{entry.distro}' (expected one of: {', '.join(sorted(distros))})")
        if entry.os_version in seen:
            problems.add(file, line(entry, "os_version"), f"os_versions[{index}].os_version", f"'{entry.os_version}' is listed twice")
        seen.add(entry.os_version)


def _join_repositories(repo_list, files, platforms, channels, root, repos_file, problems) -> tuple[RepositoryModel, ...]:
    infos = {r.repository: r for r in repo_list.repositories}
    for index, info in enumerate(repo_list.repositories):
        for related in info.related:
            if related not in infos:
                problems.add(repos_file, line(info, "related"), f"repositories[{index}].related",
                             f"unknown repository '{related}' (expected one of: {', '.join(sorted(infos))})")
    os_versions = {o.os_version: o for o in platforms.os_versions}
    distros = {d.distro: d for d in platforms.distros}
    models = []
    for path, catalog_file in files:
        shown = display_path(path, root)
        info = infos.get(catalog_file.repository)
        if info is None:
            problems.add(shown, line(catalog_file, "repository"), "repository", f"unknown repository '{catalog_file.repository}' "
                         f"(expected one listed in {repos_file}: {', '.join(sorted(infos))})")
            continue
        images = _check_images(catalog_file, info, shown, os_versions, distros, channels, problems)
        models.append(RepositoryModel(info=info, source=catalog_file.source, images=images))
    present = {m.info.repository for m in models}
    for index, info in enumerate(repo_list.repositories):
        if info.repository not in present:
            problems.add(repos_file, line(info), f"repositories[{index}]",
                         f"'{info.repository}' has no catalog file in data/catalog/ (run `make sync`)")
    order = {name: index for index, name in enumerate(infos)}
    return tuple(sorted(models, key=lambda m: order.get(m.info.repository, len(order))))


def _check_images(catalog_file: CatalogFile, info, file, os_versions, distros, channels, problems):
    images = []
    platform_owner: dict[str, int] = {}
    shared_owner: dict[tuple, int] = {}
    shared_names: set[str] = set()
    for index, image in enumerate(catalog_file.images):
        path = f"images[{index}]"
        image = replace(image, repository=info.repository, source=catalog_file.source, file=file, line=line(image))
        os_entry = os_versions.get(image.os_version)
        if os_entry is None:
            problems.add(file, line(image, "os_version"), f"{path}.os_version",
                         f"unknown OS version '{image.os_version}' (expected one listed in data/platforms.yml)")
        elif os_entry.distro != image.distro:
            problems.add(file, line(image, "distro"), f"{path}.distro",
                         f"got '{image.distro}', expected '{os_entry.distro}' for OS version '{image.os_version}'")
        distro = distros.get(image.distro)
        if distro is not None and distro.os != image.os:
            problems.add(file, line(image, "os"), f"{path}.os", f"got '{image.os}', expected '{distro.os}' for distro '{image.distro}'")
        if image.channel is None and info.lifecycle == "channel":
            problems.add(file, line(image), f"{path}.channel",
                         f"missing channel (expected one of: {', '.join(channels)}); only repositories "
                         "with `lifecycle: own` may leave it out")
        elif image.channel is not None and image.channel not in channels:
            problems.add(file, line(image, "channel"), f"{path}.channel",
                         f"channel '{image.channel}' has no entry in data/lifecycle.yml "
                         f"(expected one of: {', '.join(channels)})")
        if not image.tags:
            problems.add(file, line(image), path, "image has no documented tag")
        for n, tag in enumerate(image.platform_tags):
            if tag in platform_owner or tag in shared_names:
                problems.add(file, line(image, f"platform_tags[{n}]"), f"{path}.platform_tags[{n}]",
                             f"duplicate tag '{tag}' in {info.repository}")
            platform_owner[tag] = index
        for n, tag in enumerate(image.shared_tags):
            shared_names.add(tag)
            where = line(image, f"shared_tags[{n}]")
            if tag in platform_owner:
                problems.add(file, where, f"{path}.shared_tags[{n}]",
                             f"duplicate tag '{tag}' in {info.repository} (also a platform tag of images[{platform_owner[tag]}])")
            # Linux manifest lists hold one image per architecture; Windows ones one per OS version.
            key = (tag, image.os, image.architecture, image.os_version if image.os == "windows" else "")
            if key in shared_owner:
                problems.add(file, where, f"{path}.shared_tags[{n}]",
                             f"shared tag '{tag}' points at two images for {image.os}/{image.architecture} "
                             f"(images[{shared_owner[key]}] and images[{index}])")
            shared_owner[key] = index
        images.append(image)
    return tuple(images)
