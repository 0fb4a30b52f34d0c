"""The whole catalog: the four upstream manifests read in turn, one file per repository, no two alike."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..data.load import DATA_DIR
from .manifest import Document, Manifest, read_manifest
from .output import file_name, render_document
from .sources import Origin, commit_of, read_sizes

SIZES = "tests/performance"
# (checkout folder argument, manifest file, source repository, SOURCES.md local name)
_MANIFESTS = (
    ("dotnet_docker", "manifest.json", "dotnet/dotnet-docker", "dotnet-docker/manifest.json"),
    ("dotnet_docker", "manifest.samples.json", "dotnet/dotnet-docker", "dotnet-docker/manifest.samples.json"),
    ("framework_docker", "manifest.json", "microsoft/dotnet-framework-docker", "dotnet-framework-docker/manifest.json"),
    (
        "framework_docker",
        "manifest.samples.json",
        "microsoft/dotnet-framework-docker",
        "dotnet-framework-docker/manifest.samples.json",
    ),
)


def _os_versions() -> dict[str, str]:
    platforms = yaml.safe_load((DATA_DIR / "platforms.yml").read_text(encoding="utf-8"))
    return {o["os_version"]: o["distro"] for o in platforms["os_versions"]}


def _place(files: dict[str, Document], document: Document) -> None:
    """Add a document under its file name, refusing two repositories that share one (case ignored)."""
    name = file_name(document.repository)
    clash = next((d for n, d in files.items() if n.casefold() == name.casefold()), None)
    if clash is not None:
        raise document.where.key("name").error(
            f"{document.repository!r} and {clash.repository!r} ({clash.where.file}: {clash.where.path}) "
            f"would both be written to {name}"
        )
    files[name] = document


def _sizes_folder(dotnet_docker: Path) -> Path:
    """Where upstream's image sizes are: the checkout's, else the vendored copy's. Upstream deleted the files in
    May 2025, so a newer checkout has none, and a refresh reads the same sizes a plain `make sync` does."""
    folder = dotnet_docker / SIZES
    return folder if folder.is_dir() else DATA_DIR / "upstream" / "dotnet-docker" / SIZES


def read_catalog(dotnet_docker: Path, framework_docker: Path) -> tuple[dict[str, Document], dict[str, Origin]]:
    """The catalog as {file name: document}, in file name order, and the commit each source repository was read
    at (also a repository whose manifests list no image)."""
    folders = {"dotnet_docker": dotnet_docker, "framework_docker": framework_docker}
    os_versions, sizes = _os_versions(), read_sizes(_sizes_folder(dotnet_docker))
    files: dict[str, Document] = {}
    origins: dict[str, Origin] = {}
    for folder, manifest_name, source, local_name in _MANIFESTS:
        path = folders[folder] / manifest_name
        origin = commit_of(path, local_name)
        origins.setdefault(source, origin)
        manifest = Manifest(path, source, origin.commit, origin.date)
        for document in read_manifest(manifest, os_versions, sizes):
            _place(files, document)
    return {name: files[name] for name in sorted(files)}, origins


def documents(dotnet_docker: Path, framework_docker: Path) -> dict[str, Document]:
    """The catalog as {file name: document}, in file name order."""
    return read_catalog(dotnet_docker, framework_docker)[0]


def generate(dotnet_docker: Path, framework_docker: Path) -> dict[str, str]:
    """The catalog as {file name: YAML text}."""
    return {name: render_document(d.content) for name, d in documents(dotnet_docker, framework_docker).items()}
