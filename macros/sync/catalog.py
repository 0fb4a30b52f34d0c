"""The whole catalog: the four upstream manifests read in turn, one file per repository, no two alike."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..data.load import DATA_DIR
from .manifest import Document, Manifest, read_manifest
from .output import file_name, render_document
from .sources import commit_of, read_sizes

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


def documents(dotnet_docker: Path, framework_docker: Path) -> dict[str, Document]:
    """The catalog as {file name: document}, in file name order."""
    folders = {"dotnet_docker": dotnet_docker, "framework_docker": framework_docker}
    os_versions, sizes = _os_versions(), read_sizes(dotnet_docker / "tests" / "performance")
    files: dict[str, Document] = {}
    for folder, manifest_name, source, local_name in _MANIFESTS:
        path = folders[folder] / manifest_name
        manifest = Manifest(path, source, commit_of(path, local_name))
        for document in read_manifest(manifest, os_versions, sizes):
            _place(files, document)
    return {name: files[name] for name in sorted(files)}


def generate(dotnet_docker: Path, framework_docker: Path) -> dict[str, str]:
    """The catalog as {file name: YAML text}."""
    return {name: render_document(d.content) for name, d in documents(dotnet_docker, framework_docker).items()}
