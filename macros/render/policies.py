"""The team's policies, rendered from the same model the pages show (catalog.team applied):
hadolint.yaml, a Rego policy for Dockerfiles (conftest) and the same rules as a Buildx build
policy, a Kyverno ClusterPolicy, renovate.json and a dependabot.yml fragment. Each is text a team
downloads from /team/policy/ and commits as it is.

Values from team.yml reach these files only as JSON strings (JSON is also YAML, and Rego's string
literals are JSON's), so no value can add a rule or a key.
"""

from __future__ import annotations

import datetime
import json
import re

from ..model.catalog import Catalog
from ..model.order import VARIANTS
from ..model.repositories import REGISTRY
from ..model.team import Team, approved_repositories
from .html import TEMPLATES

POLICY_DIR = "team/policy"


def _q(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _team(catalog: Catalog) -> Team:
    assert catalog.team is not None, "policies exist only in a team's edition"
    return catalog.team


def _host(registry: str) -> str:
    return registry.split("/")[0]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40] or "team"


# --- hadolint --------------------------------------------------------------------------------------


def render_hadolint(catalog: Catalog) -> str:
    team = _team(catalog)
    lines = [
        "# hadolint configuration generated from the team's standard (team.yml).",
        f"# Team: {_q(team.team)}",
        "# Only images from the team's registry; an untagged image (DL3006), `latest` (DL3007) and an",
        "# untrusted registry (DL3026) fail the lint. Run: hadolint --config hadolint.yaml Dockerfile",
        "failure-threshold: error",
        "override:",
        "  error:",
        "    - DL3006",
        "    - DL3007",
        "    - DL3026",
        "trustedRegistries:",
        f"  - {_q(_host(team.registry))}",
    ]
    return "\n".join(lines) + "\n"


# --- Rego (conftest) -------------------------------------------------------------------------------


def _tag_rules(catalog: Catalog) -> dict:
    """What a tag may say, as the policy reads it: approved channel prefixes, OS words and variants."""
    team = _team(catalog)
    approved = team.approved
    channels = list(approved.channels) or sorted(
        {c for r in catalog.repositories if r.info.lifecycle == "channel" for c in r.supported_channels}
    )
    os_words = sorted(catalog.os_versions)
    allowed_os = (
        sorted(
            o.os_version
            for o in catalog.platforms.os_versions
            if o.os_version in approved.os or catalog.os_versions[o.os_version].distro in approved.os
        )
        if approved.os
        else os_words
    )
    # OS versions are several words in a tag (nanoserver-ltsc2025, azurelinux3.0): match them whole.
    return {
        "channels": channels,
        "channel_repositories": sorted(
            r.info.repository for r in catalog.repositories if r.info.lifecycle == "channel"
        ),
        "os_versions": os_words,
        "approved_os_versions": allowed_os,
        "variants": list(VARIANTS),
        "approved_variants": list(approved.variants) or list(VARIANTS),
    }


def _expiry_ns(day: datetime.date) -> int:
    """The first instant after the expiry day (UTC), in nanoseconds: an exception holds through its last day."""
    after = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(), tzinfo=datetime.UTC)
    return int(after.timestamp()) * 1_000_000_000


def policy_data(catalog: Catalog) -> dict:
    team = _team(catalog)
    return {
        "team": team.team,
        "registry": team.registry,
        "public_registry": REGISTRY,
        "mirror": team.mirror is not None,
        "repositories": approved_repositories(catalog),
        "pin_digest": team.pinning == "tag+digest",
        "non_root": team.non_root,
        "build_repositories": sorted(
            r.info.repository for r in catalog.repositories if r.info.repository.endswith("/sdk")
        ),
        "exceptions": [
            {
                "repository": e.repository,
                "tag": e.tag,
                "expires": e.expires.isoformat(),
                "expires_ns": _expiry_ns(e.expires),
            }
            for e in team.exceptions
        ],
        **_tag_rules(catalog),
    }


# Two entry points (conftest reads a parsed Dockerfile, Buildx asks about one image at a time) share
# the rules for an image reference; the standard's values go in as one JSON object (standard := {...}).
_REGO = TEMPLATES / "rego"


def _rego(entry: str, catalog: Catalog) -> str:
    rules = (_REGO / "images.rego").read_text(encoding="utf-8")
    return (_REGO / entry).read_text(encoding="utf-8") + rules.replace(
        "__DATA__", json.dumps(policy_data(catalog), indent="\t", ensure_ascii=False)
    )


def render_rego(catalog: Catalog) -> str:
    """The Dockerfile policy for conftest (package main, `deny`)."""
    return _rego("conftest.rego", catalog)


def render_buildx_rego(catalog: Catalog) -> str:
    """The same image rules as a Buildx build policy (package docker, `decision`)."""
    return _rego("buildx.rego", catalog)


# --- Kyverno -----------------------------------------------------------------------------------------


def render_kyverno(catalog: Catalog) -> str:
    """A ClusterPolicy: .NET images only through the team's registry, only approved repositories,
    never `latest` or untagged, pinned by digest when the standard says so (JSON, which is YAML)."""
    team = _team(catalog)
    ours = f"{team.registry}/dotnet/*"
    containers = "request.object.spec.[ephemeralContainers, initContainers, containers][]"
    approved = [f"{team.registry}/{r}:*" for r in approved_repositories(catalog)] + [
        f"{team.registry}/{r}@*" for r in approved_repositories(catalog)
    ]

    def rule(name: str, message: str, conditions: list[dict]) -> dict:
        return {
            "name": name,
            "match": {"any": [{"resources": {"kinds": ["Pod"]}}]},
            "validate": {
                "failureAction": "Enforce",
                "message": message,
                "foreach": [{"list": containers, "deny": {"conditions": {"all": conditions}}}],
            },
        }

    image = "{{ element.image }}"
    rules = []
    if team.mirror:
        rules.append(
            rule(
                "dotnet-images-through-the-mirror",
                f".NET images are pulled through {team.registry}, not {REGISTRY}.",
                [{"key": image, "operator": "AnyIn", "value": [f"{REGISTRY}/dotnet/*"]}],
            )
        )
    rules.append(
        rule(
            "approved-dotnet-repositories",
            "Only the repositories of the team's standard: " + ", ".join(approved_repositories(catalog)) + ".",
            [
                {"key": image, "operator": "AnyIn", "value": [ours]},
                {"key": image, "operator": "AnyNotIn", "value": approved},
            ],
        )
    )
    rules.append(
        rule(
            "dotnet-images-name-a-tag",
            "Name a tag: never `latest`, never no tag.",
            [
                {"key": image, "operator": "AnyIn", "value": [ours]},
                {"key": image, "operator": "AnyIn", "value": ["*:latest", "*:latest@*"]},
            ],
        )
    )
    rules.append(
        rule(
            "dotnet-images-have-a-tag",
            "Name a tag: never `latest`, never no tag.",
            [
                {"key": image, "operator": "AnyIn", "value": [ours]},
                # Tagged or pinned after the repository name (a mirror may carry a port: host:5000/...).
                {
                    "key": image,
                    "operator": "AnyNotIn",
                    "value": [f"{team.registry}/dotnet/*:*", f"{team.registry}/dotnet/*@*"],
                },
            ],
        )
    )
    if team.pinning == "tag+digest":
        rules.append(
            rule(
                "dotnet-images-pinned-by-digest",
                "The standard pins .NET images by tag and digest (image:tag@sha256:...).",
                [
                    {"key": image, "operator": "AnyIn", "value": [ours]},
                    {"key": image, "operator": "AnyNotIn", "value": ["*@sha256:*"]},
                ],
            )
        )
    policy = {
        "apiVersion": "kyverno.io/v1",
        "kind": "ClusterPolicy",
        "metadata": {
            "name": f"dotnet-images-{_slug(team.team)}",
            "annotations": {
                "policies.kyverno.io/title": f".NET base images: {team.team}"[:200],
                "policies.kyverno.io/description": "Generated from the team's standard (team.yml) by the .NET "
                "container image guide.",
            },
        },
        "spec": {"background": True, "rules": rules},
    }
    return (
        "# Kyverno ClusterPolicy generated from the team's standard (team.yml). JSON is YAML: apply it with\n"
        "#   kubectl apply -f kyverno-clusterpolicy.yaml\n" + json.dumps(policy, indent=2, ensure_ascii=False) + "\n"
    )


# --- Renovate and Dependabot -------------------------------------------------------------------------


def render_renovate(catalog: Catalog) -> str:
    """Keep tags and digests current without leaving the channel or the OS: Renovate's `docker`
    versioning treats the suffix (-noble-chiseled) as compatibility, and major/minor updates are off."""
    team = _team(catalog)
    names = [f"{team.registry}/{r}" for r in approved_repositories(catalog)]
    config = {
        "$schema": "https://docs.renovatebot.com/renovate-schema.json",
        "description": [f"Generated from the team's standard ({team.team}) by the .NET container image guide."],
        "packageRules": [
            {
                "description": "The team's .NET images: patches and digests only; never another channel or OS",
                "matchDatasources": ["docker"],
                "matchPackageNames": names,
                "versioning": "docker",
                "pinDigests": team.pinning == "tag+digest",
                "separateMinorPatch": True,
            },
            {
                "description": "A new .NET channel or OS is a decision for the standard, not a bot",
                "matchDatasources": ["docker"],
                "matchPackageNames": names,
                "matchUpdateTypes": ["major", "minor"],
                "enabled": False,
            },
        ],
    }
    return json.dumps(config, indent=2, ensure_ascii=False) + "\n"


def render_dependabot(catalog: Catalog) -> str:
    """A .github/dependabot.yml for Dockerfiles: patch updates only (a channel is a minor version)."""
    team = _team(catalog)
    update: dict = {
        "package-ecosystem": "docker",
        "directory": "/",
        "schedule": {"interval": "weekly"},
        "ignore": [
            {"dependency-name": "*", "update-types": ["version-update:semver-major", "version-update:semver-minor"]}
        ],
    }
    config: dict = {"version": 2, "updates": [update]}
    if team.mirror:
        config["registries"] = {
            "team-mirror": {
                "type": "docker-registry",
                "url": f"https://{_host(team.registry)}",
                "username": "${{secrets.MIRROR_USER}}",
                "password": "${{secrets.MIRROR_PASSWORD}}",
            }
        }
        update["registries"] = ["team-mirror"]
    return (
        "# .github/dependabot.yml generated from the team's standard (team.yml): patches and digests of the\n"
        "# approved tags; never another .NET channel (a minor version) or OS (the tag's suffix is kept).\n"
        + json.dumps(config, indent=2, ensure_ascii=False)
        + "\n"
    )


POLICIES = {
    "hadolint.yaml": render_hadolint,
    "dockerfile.rego": render_rego,
    "buildx-policy.rego": render_buildx_rego,
    "kyverno-clusterpolicy.yaml": render_kyverno,
    "renovate.json": render_renovate,
    "dependabot.yml": render_dependabot,
}


def render_policies(catalog: Catalog) -> dict[str, str]:
    """{file name: text} for every policy of the team's edition."""
    return {name: render(catalog) for name, render in POLICIES.items()}
