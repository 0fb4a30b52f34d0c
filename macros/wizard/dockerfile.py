"""A Dockerfile for one answer: the template's {arch}, {platform} and {toolchain} filled in.

{build} and {run} stay for the page's script, which puts in the references the reader sees. What is
filled here depends on the answers and on the build image, so one template serves every channel,
distro and architecture, and every Dockerfile the wizard can show is a finished text a test can read.
"""

from __future__ import annotations

from ..model.catalog import Catalog, Image
from .rules import WizardRules

# What the templates may name; each is replaced here, or by wizard.js ({build}, {run}).
PLACEHOLDERS = ("build", "run", "arch", "platform", "toolchain")
TARGET = ("$TARGETARCH", "$TARGETPLATFORM")  # a multi-platform build: whatever `docker build --platform` asks


def _target(catalog: Catalog, arch: str | None) -> tuple[str, str]:
    """(the `dotnet -a` value, the Docker platform) for a fixed architecture, or the build's own target."""
    if arch is None:
        return TARGET
    platform = catalog.architectures[arch].docker_platform  # linux/amd64, linux/arm64, linux/arm/v7
    return platform.split("/")[1], platform


def _toolchain(rules: WizardRules, build_image: Image) -> str:
    if "aot" in build_image.variants:
        return ""  # the -aot SDK images carry clang and the linker already
    return next((t.install.strip() for t in rules.toolchains if build_image.distro in t.distros), "")


def prepare(template: str, rules: WizardRules, catalog: Catalog, arch: str | None, build_image: Image) -> str:
    """The template with everything but {build} and {run} filled in; a placeholder left empty takes
    its line with it."""
    values = dict(zip(("arch", "platform"), _target(catalog, arch), strict=True))
    values["toolchain"] = _toolchain(rules, build_image)
    lines = []
    for line in template.splitlines():
        if line.strip() in ("{toolchain}",) and not values["toolchain"]:
            continue
        for name, value in values.items():
            line = line.replace("{" + name + "}", value)
        lines.append(line)
    return "\n".join(lines) + "\n"
