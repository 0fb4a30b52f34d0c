"""The SDK's own container publishing for one answer: the project-file properties that give the same
image as the Dockerfile, for `dotnet publish /t:PublishContainer` (built into the .NET 8 SDK and later).

It applies to .NET apps run on Linux: the SDK assembles the image from the published output and the
base image, without a Dockerfile. Not offered for .NET Framework (no SDK container support) and Windows
answers (the guide's Windows answers are Dockerfiles), nor for Native AOT with a multi-platform tag
(Native AOT compiles for the machine it runs on; cross-compiling needs a toolchain per target).
"""

from __future__ import annotations

from ..model.catalog import Catalog
from .answers import Stage

# `dotnet publish -a` / runtime identifier architecture, by Docker platform architecture.
_RID_ARCH = {"amd64": "x64", "arm64": "arm64", "arm": "arm"}


def runtime_identifier(docker_platform: str, distro: str) -> str:
    """linux/arm64 on Alpine -> linux-musl-arm64 (Alpine's C library is musl, not glibc)."""
    arch = _RID_ARCH[docker_platform.split("/")[1]]
    return f"linux-musl-{arch}" if distro == "alpine" else f"linux-{arch}"


def container_properties(answers: dict, run: Stage | None, catalog: Catalog) -> str | None:
    """The <PropertyGroup> to add to the project file, with {run} for the base image; None where the
    SDK route does not apply."""
    if run is None or answers.get("framework") != "dotnet" or answers.get("os") != "linux":
        return None
    images = catalog.repository(run.repository).resolve(run.tag)
    multi = len({i.architecture for i in images}) > 1
    deploy = answers.get("deploy")
    if deploy == "aot" and multi:
        return None
    # The platforms of the base image tag, in the catalog's architecture order (x64 first).
    order = list(catalog.architectures)
    rids = [
        runtime_identifier(catalog.architectures[a].docker_platform, images[0].distro)
        for a in sorted({i.architecture for i in images}, key=order.index)
    ]
    lines = ["<PropertyGroup>", "  <ContainerBaseImage>{run}</ContainerBaseImage>"]
    if multi:
        # One image per platform under one multi-platform tag, like the base image's own tag.
        lines += [
            f"  <RuntimeIdentifiers>{';'.join(rids)}</RuntimeIdentifiers>",
            f"  <ContainerRuntimeIdentifiers>{';'.join(rids)}</ContainerRuntimeIdentifiers>",
        ]
    else:
        lines.append(f"  <RuntimeIdentifier>{rids[0]}</RuntimeIdentifier>")
    if deploy == "self-contained":
        lines.append("  <SelfContained>true</SelfContained>")
    if deploy == "aot":
        lines.append("  <PublishAot>true</PublishAot>")
    if answers.get("globalization") == "no":
        lines.append("  <InvariantGlobalization>true</InvariantGlobalization>")
    lines.append("</PropertyGroup>")
    return "\n".join(lines) + "\n"
