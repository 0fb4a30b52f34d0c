"""The one case list the command line and the page both run (test_checker.py, test_checker_browser.py).

Each case: (name, input, expected verdicts of the FROM lines in order; stages are left out).
"""

from __future__ import annotations

from helpers import ROOT

DOCKERFILES = ROOT / "tests" / "fixtures" / "dockerfiles"
SAMPLES = ROOT.parent / "shared" / "upstream" / "dotnet-docker" / "samples"
# A digest of aspnet:10.0-noble-chiseled (linux/amd64) built 2026-01-13 (10.0.2), replaced since.
HISTORIC_DIGEST = "sha256:605386d95a8e06df6fe521b626f1d1e2fdcdb428e5b523bf3cc5223a15bf1de0"
CURRENT_DIGEST = "sha256:edec6ea65a92f432083a8f75fc3c18addd004015bbd4d523ce1d13e23b347008"

CASES = [
    ("current tag", "mcr.microsoft.com/dotnet/aspnet:10.0", ["current"]),
    ("current FROM line", "FROM mcr.microsoft.com/dotnet/sdk:10.0-noble-aot AS build", ["current"]),
    ("current digest", f"mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-amd64@{CURRENT_DIGEST}", ["current"]),
    ("bare current digest", CURRENT_DIGEST, ["current"]),
    (
        "historic digest with tag",
        f"mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled@{HISTORIC_DIGEST}",
        ["outdated-digest"],
    ),
    ("bare historic digest", HISTORIC_DIGEST, ["outdated-digest"]),
    ("digest of another repository", f"mcr.microsoft.com/dotnet/sdk:10.0@{HISTORIC_DIGEST}", ["current"]),
    ("bare historic digest without prefix", HISTORIC_DIGEST.removeprefix("sha256:"), ["outdated-digest"]),
    ("end of life in the catalog", "FROM mcr.microsoft.com/dotnet/aspnet:8.0", ["end-of-life"]),
    ("end of life, Debian", "mcr.microsoft.com/dotnet/runtime:9.0-bookworm-slim-arm64v8", ["end-of-life"]),
    ("end of life before the catalog", "mcr.microsoft.com/dotnet/aspnet:6.0-bullseye-slim", ["end-of-life"]),
    ("end of life, Windows 2019", "mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-1809", ["end-of-life"]),
    ("preview", "mcr.microsoft.com/dotnet/sdk:11.0-preview", ["preview"]),
    ("misspelt tag", "mcr.microsoft.com/dotnet/aspnet:10.0-nobel", ["unknown-tag"]),
    ("old patch tag", "mcr.microsoft.com/dotnet/runtime:10.0.1", ["unknown-tag"]),
    ("legacy aspnetcore", "microsoft/aspnetcore:2.0", ["legacy-name"]),
    ("legacy aspnetcore-build", "docker.io/microsoft/aspnetcore-build:2.0", ["legacy-name"]),
    ("legacy microsoft/dotnet", "FROM microsoft/dotnet:2.2-aspnetcore-runtime-alpine", ["legacy-name"]),
    ("legacy dotnet/core", "mcr.microsoft.com/dotnet/core/sdk:3.1", ["legacy-name"]),
    ("legacy nightly", "microsoft/dotnet-nightly:3.0-sdk", ["legacy-name"]),
    ("not dotnet", "FROM ubuntu:24.04", ["not-dotnet"]),
    ("other registry", "FROM ghcr.io/example/app:1.0", ["not-dotnet"]),
    ("unknown repository on mcr", "mcr.microsoft.com/dotnet/nightly/sdk:11.0", ["not-dotnet"]),
    (
        "scratch and a stage",
        "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nFROM scratch\nFROM build",
        ["current", "not-dotnet"],
    ),
    ("appliance", "mcr.microsoft.com/dotnet/aspire-dashboard:latest", ["current"]),
    ("framework", "FROM mcr.microsoft.com/dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2022", ["current"]),
    ("seed era", (DOCKERFILES / "seed-aspnetcore-2.0.Dockerfile").read_text(), ["legacy-name", "legacy-name"]),
    (
        "ARGs, continuations, stages",
        (DOCKERFILES / "multi-stage-args.Dockerfile").read_text(),
        ["end-of-life", "end-of-life"],
    ),
    (
        "Windows escape directive",
        "# escape=`\nFROM mcr.microsoft.com/dotnet/sdk:10.0-nanoserver-ltsc2025 `\n  AS build\n"
        "FROM mcr.microsoft.com/dotnet/runtime:10.0-nanoserver-ltsc2025",
        ["current", "current"],
    ),
    ("not a reference", "FROM Not/A:Valid:Ref!", ["not-dotnet"]),
    ("empty", "  \n\n", []),
    ("binary", "\x00\x01\x02ELF\x00" * 40, []),
    ("one megabyte", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n" + "#" * 1_000_000, []),
    ("FROM without image", "FROM --platform=linux/amd64\nFROM $UNSET", []),
    ("prose without FROM", "please check my image", []),
]
# With the table of a day when .NET 8 and 9 end within 180 days.
ENDS_SOON_DAY = "2026-06-01"
ENDS_SOON_CASES = [
    ("ends soon", "FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine", ["ends-soon"]),
    ("ends soon, SDK", "mcr.microsoft.com/dotnet/sdk:9.0.317", ["ends-soon"]),
]


def sample_dockerfiles():
    """Every Dockerfile of upstream's samples (vendored beside the checkout, as in CI)."""
    found = sorted(SAMPLES.rglob("Dockerfile*"))
    assert found, f"no sample Dockerfiles under {SAMPLES}: the shared upstream bundle must sit beside the checkout"
    return found
