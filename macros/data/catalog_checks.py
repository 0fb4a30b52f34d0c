"""Relations between the data files: lifecycle dates, platforms, and each catalog file against
repositories.yml, platforms.yml and lifecycle.yml (no duplicate tag, no shared tag on two images)."""

from __future__ import annotations

from ..model import grammar
from ..model.catalog import CatalogFile, Image, RepositoryModel, Source
from ..model.order import Order
from ..model.platforms import Platforms
from .errors import Problems
from .schema import line, replace
from .yamlio import display_path


def check_platforms(platforms: Platforms, file: str, problems: Problems) -> None:
    distros = {d.distro for d in platforms.distros}
    seen = set()
    for index, entry in enumerate(platforms.os_versions):
        if entry.distro not in distros:
            problems.add(
                file,
                line(entry, "distro"),
                f"os_versions[{index}].distro",
                f"unknown distro '{entry.distro}' (expected one of: {', '.join(sorted(distros))})",
            )
        if entry.os_version in seen:
            problems.add(
                file,
                line(entry, "os_version"),
                f"os_versions[{index}].os_version",
                f"'{entry.os_version}' is listed twice",
            )
        seen.add(entry.os_version)


def join_repositories(
    repo_list, files, order: Order, channels, root, repos_file, problems, registry: dict | None = None
) -> tuple[RepositoryModel, ...]:
    """Each catalog file with its repositories.yml entry, its checked images and its registry record."""
    registry = registry or {}
    infos = {r.repository: r for r in repo_list.repositories}
    for index, info in enumerate(repo_list.repositories):
        wrong = grammar.problem("path", info.repository)  # it becomes a page name, a link and a reference
        if wrong:
            problems.add(repos_file, line(info, "repository"), f"repositories[{index}].repository", wrong)
        for related in info.related:
            if related not in infos:
                problems.add(
                    repos_file,
                    line(info, "related"),
                    f"repositories[{index}].related",
                    f"unknown repository '{related}' (expected one of: {', '.join(sorted(infos))})",
                )
    os_versions = {o.os_version: o for o in order.platforms.os_versions}
    distros = {d.distro: d for d in order.platforms.distros}
    models = []
    for path, catalog_file in files:
        shown = display_path(path, root)
        info = infos.get(catalog_file.repository)
        if info is None:
            problems.add(
                shown,
                line(catalog_file, "repository"),
                "repository",
                f"unknown repository '{catalog_file.repository}' "
                f"(expected one listed in {repos_file}: {', '.join(sorted(infos))})",
            )
            continue
        check_source(catalog_file.source, shown, problems)
        images = _check_images(catalog_file, info, shown, os_versions, distros, channels, problems)
        record = registry.get(info.repository)
        if record is not None:  # each image with what the registry published for it
            images = tuple(replace(i, registry=record.by_platform.get((i.dockerfile, i.architecture))) for i in images)
        models.append(
            RepositoryModel(
                info=info, source=catalog_file.source, images=images, order=order, lifecycle=channels, registry=record
            )
        )
    present = {m.info.repository for m in models}
    for index, info in enumerate(repo_list.repositories):
        if info.repository not in present:
            problems.add(
                repos_file,
                line(info),
                f"repositories[{index}]",
                f"'{info.repository}' has no catalog file in data/catalog/ (run `make sync`)",
            )
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
        _check_grammar(image, path, file, problems)
        os_entry = os_versions.get(image.os_version)
        if os_entry is None:
            problems.add(
                file,
                line(image, "os_version"),
                f"{path}.os_version",
                f"unknown OS version '{image.os_version}' (expected one listed in data/platforms.yml)",
            )
        elif os_entry.distro != image.distro:
            problems.add(
                file,
                line(image, "distro"),
                f"{path}.distro",
                f"got '{image.distro}', expected '{os_entry.distro}' for OS version '{image.os_version}'",
            )
        distro = distros.get(image.distro)
        if distro is not None and distro.os != image.os:
            problems.add(
                file,
                line(image, "os"),
                f"{path}.os",
                f"got '{image.os}', expected '{distro.os}' for distro '{image.distro}'",
            )
        if image.channel is None and info.lifecycle == "channel":
            problems.add(
                file,
                line(image),
                f"{path}.channel",
                f"missing channel (expected one of: {', '.join(channels)}); only repositories "
                "with `lifecycle: own` may leave it out",
            )
        elif image.channel is not None and image.channel not in channels:
            problems.add(
                file,
                line(image, "channel"),
                f"{path}.channel",
                f"channel '{image.channel}' has no entry in data/lifecycle/dotnet.yml or data/lifecycle.yml "
                f"(expected one of: {', '.join(channels)})",
            )
        if not image.tags:
            problems.add(file, line(image), path, "image has no documented tag")
        for n, tag in enumerate(image.platform_tags):
            if tag in platform_owner or tag in shared_names:
                problems.add(
                    file,
                    line(image, f"platform_tags[{n}]"),
                    f"{path}.platform_tags[{n}]",
                    f"duplicate tag '{tag}' in {info.repository}",
                )
            platform_owner[tag] = index
        for n, tag in enumerate(image.shared_tags):
            shared_names.add(tag)
            where = line(image, f"shared_tags[{n}]")
            if tag in platform_owner:
                problems.add(
                    file,
                    where,
                    f"{path}.shared_tags[{n}]",
                    f"duplicate tag '{tag}' in {info.repository} "
                    f"(also a platform tag of images[{platform_owner[tag]}])",
                )
            # Linux manifest lists hold one image per architecture; Windows ones one per OS version.
            key = (tag, image.os, image.architecture, image.os_version if image.os == "windows" else "")
            if key in shared_owner:
                problems.add(
                    file,
                    where,
                    f"{path}.shared_tags[{n}]",
                    f"shared tag '{tag}' points at two images for {image.os}/{image.architecture} "
                    f"(images[{shared_owner[key]}] and images[{index}])",
                )
            shared_owner[key] = index
        images.append(image)
    return tuple(images)


def _check_grammar(image: Image, path: str, file: str, problems: Problems) -> None:
    """Every upstream value has the shape its kind allows (model/grammar.py), or the build stops."""
    values = [
        ("version", "version", image.version),
        ("channel", "channel", image.channel),
        ("dockerfile", "path", image.dockerfile),
        ("os_version", "key", image.os_version),
        ("distro", "key", image.distro),
    ]
    values += [(f"platform_tags[{n}]", "tag", t) for n, t in enumerate(image.platform_tags)]
    values += [(f"shared_tags[{n}]", "tag", t) for n, t in enumerate(image.shared_tags)]
    for field, kind, value in values:
        wrong = value is not None and grammar.problem(kind, value)
        if wrong:
            problems.add(file, line(image, field), f"{path}.{field}", wrong)
    if image.size_bytes is not None and image.size_bytes < 0:
        problems.add(
            file,
            line(image, "size_bytes"),
            f"{path}.size_bytes",
            f"got {image.size_bytes}, expected a size in bytes (0 or more)",
        )


def check_source(source: Source, file: str, problems: Problems) -> None:
    """The upstream commit and manifest a catalog file names (they become links on the site)."""
    fields = (
        ("repository", "path", source.repository),
        ("commit", "commit", source.commit),
        ("manifest", "path", source.manifest),
    )
    for field, kind, value in fields:
        wrong = grammar.problem(kind, value)
        if wrong:
            problems.add(file, line(source, field), f"source.{field}", wrong)
