"""The checker's decision table (api/checker.json): every verdict rule as data, computed once per build.

The page's script and the command line both only parse FROM lines and look things up in this
table (and in api/digests.json for digests): the rules live here, in Python, once.

- tag -> channel per repository (the verdict follows from the channel's status on the build's day);
- channel prefixes of tags the catalog no longer lists (6.0, 3.1-buster-slim): their channel's status;
- words of a tag -> a signature (OS, variants, architecture), and signature -> the replacement image
  the wizard gives for the same app in the newest supported channel, with the wizard link;
- old names -> today's repository; migration notes; policies (an extra verdict, see Policy).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from ..model.catalog import Catalog, RepositoryModel
from ..model.messages import Messages
from ..model.migrations import Migrations
from ..model.order import VARIANTS, version_key
from ..model.repositories import REGISTRY
from ..wizard.answers import Wizard
from .messages import verdict_texts
from .signature import signature, signature_fallbacks

TABLE_PATH = "api/checker.json"
TABLE_VERSION = 1

# Every verdict, in order of severity (a FROM gets the first that applies); `passing` verdicts let
# the command line exit 0.
VERDICTS = (
    ("not-dotnet", True),
    ("legacy-name", False),
    ("unknown-tag", False),
    ("end-of-life", False),
    ("outdated-digest", False),
    ("ends-soon", False),
    ("preview", False),
    ("current", True),
)
STATUS_VERDICT = {"supported": "current", "ending": "ends-soon", "eol": "end-of-life", "preview": "preview"}
# Hosts that mean Docker Hub (where the old microsoft/* names lived).
HUB_HOSTS = ("docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com")
# microsoft/dotnet wrote the image type into the tag (2.2-aspnetcore-runtime); which repository each
# word means today. Longest first, so runtime-deps wins over runtime.
LEGACY_TYPE_WORDS = (
    ("aspnetcore-runtime", "dotnet/aspnet"),
    ("runtime-deps", "dotnet/runtime-deps"),
    ("runtime", "dotnet/runtime"),
    ("sdk", "dotnet/sdk"),
)


@dataclass(frozen=True)
class Policy:
    """An extra verdict from a policy (a team's standard): documented tags it rejects.

    `outside` maps repository -> tags ("*" for every tag); a FROM whose verdict would be passing and
    whose tag is listed gets `verdict` instead, with `reason`. The page and the command line apply it
    from the table, like every other rule.
    """

    verdict: str
    reason: str
    outside: dict[str, tuple[str, ...]] = field(default_factory=dict)
    passing: bool = False
    # A team's mirror of the registry: references through it are read as the images they mirror, and
    # a reference to the registry itself gets the verdict; pin_digest: a reference without a digest does.
    mirror: str = ""
    pin_digest: bool = False


# The query that shows rows hidden by default on a repository page (docs/javascripts/tag-filter.js).
SHOW_HIDDEN_ROWS = "?ended=show"


def checker_document(
    catalog: Catalog,
    wizard: Wizard,
    legacy,
    migrations: Migrations,
    english: Messages,
    policies: Iterable[Policy] = (),
    hidden_statuses: tuple[str, ...] = (),
) -> dict:
    """The decision table; `hidden_statuses` are the channel statuses whose rows a repository page
    hides until asked (render/status.py says which), so a link to such a row asks. Its words are
    `english`'s (the command line's); each edition's page carries its own (messages.checker_words)."""
    policies = tuple(policies)
    words = _words(catalog, migrations)
    newest = _newest_supported(catalog)
    return {
        "api_version": TABLE_VERSION,
        "computed_for": catalog.today.isoformat(),
        "registry": REGISTRY,
        "registries": [REGISTRY],
        "hub_hosts": list(HUB_HOSTS),
        "verdicts": [{"verdict": v, "passing": p} for v, p in VERDICTS]
        + [{"verdict": p.verdict, "passing": p.passing} for p in policies],
        "channels": {
            c.channel: {
                "title": c.title,
                "status": c.status,
                "eol": c.eol.isoformat() if c.eol else None,
                "row_query": SHOW_HIDDEN_ROWS if c.status in hidden_statuses else "",
            }
            for c in catalog.lifecycle.channels
        },
        "words": words,
        "repositories": {
            m.info.repository: _repository(catalog, wizard, m, words, newest) for m in catalog.repositories
        },
        "old_plain_os": migrations.old_plain_os,
        "legacy": _legacy(legacy),
        "notes": _notes(migrations),
        "messages": verdict_texts(english),
        "policies": [_policy(p, english) for p in policies],
    }


def _policy(policy: Policy, english: Messages) -> dict:
    entry = {"verdict": policy.verdict, "reason": policy.reason}
    entry["outside"] = {k: list(v) for k, v in sorted(policy.outside.items())}
    if policy.mirror:
        entry["mirror"] = policy.mirror
        entry["mirror_reason"] = english.text("checker.policy.mirror", mirror=policy.mirror)
    if policy.pin_digest:
        entry["digest_reason"] = english.text("checker.policy.digest")
    return entry


def _newest_supported(catalog: Catalog) -> dict[str, str | None]:
    """Per repository, the channel a replacement uses: the newest in support (else the newest released)."""
    return {m.info.repository: m.current_channel for m in catalog.repositories}


def _words(catalog: Catalog, migrations: Migrations) -> dict:
    """What the words of a tag say: OS (distro for Linux, OS version for Windows), variants, architecture."""
    os_words: dict[str, str] = {}
    for version in catalog.platforms.os_versions:
        distro = catalog.distros[version.distro]
        os_words[version.os_version] = version.os_version if distro.os == "windows" else distro.distro
    for distro in catalog.platforms.distros:
        os_words.setdefault(distro.distro, distro.distro)
    for retired in migrations.retired_os:
        os_words.setdefault(retired.word, retired.distro)
    return {
        # Longest first: nanoserver-ltsc2022 before nanoserver, bookworm-slim before bookworm.
        "os": [[w, key] for w, key in sorted(os_words.items(), key=lambda item: (-len(item[0]), item[0]))],
        "variants": list(VARIANTS),
        "arch": [[a.tag_suffix, a.architecture] for a in catalog.platforms.architectures],
        "windows": sorted({d.distro for d in catalog.platforms.distros if d.os == "windows"}),
    }


def _repository(catalog: Catalog, wizard: Wizard, model: RepositoryModel, words: dict, newest: dict) -> dict:
    tags = {tag: images[0].channel or "" for tag, images in model.images_by_tag.items()}
    signatures = {signature(tag, words) for tag in tags}
    signatures |= {s for sig in list(signatures) for s in signature_fallbacks(sig)}
    signatures |= {f"{w}||" for w in words["windows"] if any(i.distro == w for i in model.images)}
    channel = newest[model.info.repository]
    replacements = {}
    for sig in sorted(signatures):
        found = _replacement(catalog, wizard, model, sig, channel)
        if found:
            replacements[sig] = found
    return {
        "page": model.page,
        "channels": list(model.channels),
        # The distro a channel's plain tag (8.0, latest) means: the notes about leaving Debian need it.
        "plain_os": {c: model.resolve(c)[0].distro for c in model.channels if model.resolve(c)},
        "tags": tags,
        "replacements": replacements,
    }


# --- the replacement: the wizard's answer for the same app in the newest supported channel -----------


def _stage_answers(wizard: Wizard, repository: str, variants: frozenset[str]) -> tuple[dict, str] | None:
    """Answers that make the wizard pick `repository`, and which stage it is ("run" or "build"):
    taken from the wizard's own rules (the first non-fallback rule naming the repository)."""
    rules = wizard.rules
    for stage, stage_rules in (("build", rules.build), ("run", rules.run)):
        for rule in stage_rules:
            if rule.repository != repository or rule.fallback or not rule.when:
                continue
            if stage == "build" and not set(rule.variants) <= variants:
                continue
            answers = {key: allowed[0] for key, allowed in rule.when[0].items()}
            if stage == "build":
                answers["goal"] = "build"
            answers.setdefault("framework", "netfx" if repository.startswith("dotnet/framework/") else "dotnet")
            return answers, stage
    return None


def _platform_answers(wizard: Wizard, catalog: Catalog, sig: str) -> dict:
    os_key, variant_text, arch = sig.split("|")
    variants = set(filter(None, variant_text.split("+")))
    answers: dict[str, str] = {}
    if os_key:
        version = catalog.os_versions.get(os_key)
        distro = version.distro if version else os_key
        os = catalog.distros[distro].os if distro in catalog.distros else "linux"
        answers["os"] = os
        key = "windows" if os == "windows" else "distro"
        for option in wizard.options(key):
            if option.distro == distro:
                answers[key] = option.value
        if version and os == "windows":
            suffix = os_key.removeprefix(f"{distro}-")
            for option in wizard.options("winver"):
                if option.os_version_suffix == suffix:
                    answers["winver"] = option.value
    answers["hardened"] = "yes" if variants & {"chiseled", "distroless"} else "no"
    answers["globalization"] = "yes" if "extra" in variants else "no"
    answers["composite"] = "yes" if "composite" in variants else "no"
    if arch:
        for option in wizard.options("arch"):
            if option.arch == arch:
                answers["arch"] = option.value
    return answers


_KEEP_KIND = {key: n for n, key in enumerate(("winver", "distro", "arch", "hardened", "globalization", "composite"))}


def _switched(wizard: Wizard, answers: dict, channel: str) -> tuple[dict, object] | None:
    """The wizard's own way forward ("Switch to <newest supported>"): the same answers on the newest
    channel that ended (or ends soon), then the switch the wizard offers from there."""
    ended = [
        o.value for o in wizard.version_options if wizard.channel_labels.get(o.value, ("",))[0] in ("eol", "ending")
    ]
    for old in ended:
        path, outcome = wizard.walk({**answers, "version": old})
        if path.get("version") == old and outcome.ok and outcome.switch:
            path, outcome = wizard.walk({**path, **dict(outcome.switch)})
            if outcome.ok and outcome.channel == channel:
                return path, outcome
    return None


def _replacement(catalog: Catalog, wizard: Wizard, model: RepositoryModel, sig: str, channel: str | None):
    repository = model.info.repository
    variants = frozenset(filter(None, sig.split("|")[1].split("+")))
    start = _stage_answers(wizard, repository, variants)
    if start is None or channel is None:  # appliances and samples: the repository's own pull tag
        return {"reference": model.reference(model.pull_tag), "channel": channel or "", "wizard": ""}
    answers, stage = start
    answers = {**_platform_answers(wizard, catalog, sig), **answers}
    # The same answers on the newest supported channel; at a dead end, one of the wizard's one-answer
    # changes, those that keep the kind of image (Nano Server stays Nano Server) first: a newer OS
    # version or distro, then the architecture or variants, then the rest in the wizard's order.
    path, outcome = wizard.walk({**answers, "version": channel})
    for key, value, *_ in sorted(outcome.alternatives, key=lambda a: _KEEP_KIND.get(a[0], len(_KEEP_KIND))):
        if outcome.ok:
            break
        path, outcome = wizard.walk({**answers, "version": channel, key: value})
    found = (path, outcome) if outcome.ok else _switched(wizard, answers, channel)  # else the wizard's switch
    if found is None:
        return None
    path, outcome = found
    if not outcome.ok:
        return None
    stage_found = outcome.build if stage == "build" else outcome.run
    if stage_found is None:
        return None
    return {
        "reference": catalog.repository(stage_found.repository).reference(stage_found.tag),  # a team's mirror
        "channel": outcome.channel or channel,
        "wizard": "wizard/?" + urlencode(path),
    }


# --- old names, notes -------------------------------------------------------------------------------


def _legacy(legacy) -> list[dict]:
    entries = []
    for entry in legacy.legacy:
        prefix = entry.name.endswith("/*")
        name = entry.name.removesuffix("/*")
        repositories = {}
        if prefix:  # mcr.microsoft.com/dotnet/core/aspnet -> dotnet/aspnet: the last part names it
            repositories = {r.rsplit("/", 1)[-1]: r for r in entry.today}
        elif len(entry.today) <= 1:
            repositories = {"": entry.today[0]} if entry.today else {}
        else:  # the image type is a word of the tag
            repositories = {word: repo for word, repo in LEGACY_TYPE_WORDS if repo in entry.today}
            repositories[""] = entry.today[0]
            for repo in entry.today:  # dotnet-framework's 4.7.2-sdk, 4.7.2-runtime-...
                repositories.setdefault(repo.rsplit("/", 1)[-1], repo)
        entries.append(
            {
                "name": name,
                "prefix": prefix,
                "repositories": repositories,
                "note": entry.today_note or "",
                "moves": [f"{m.when}: {m.to}" for m in entry.moves],
            }
        )
    return entries


def _notes(migrations: Migrations) -> list[dict]:
    return [
        {
            "id": c.id,
            "title": c.title,
            "what": " ".join(c.what.split()),
            "do": " ".join(c.do.split()),
            "since": c.since or "",
            "legacy": c.legacy,
            "repositories": list(c.repositories),
            "os": list(c.os),
            "distros": list(c.distros),
            "sources": [source_link(s) for s in c.sources],
        }
        for c in sorted(migrations.changes, key=lambda c: (version_key(c.since or "0"), c.id))
    ]


UPSTREAM_COMMIT = "3ed00b611cc88eaa5995525a0549a5703965cd02"  # the vendored dotnet-docker (SOURCES.md)


def source_link(source: str) -> dict:
    """A source of migrations.yml as {label, url}."""
    if source.startswith("dotnet-docker:"):
        path = source.removeprefix("dotnet-docker:")
        return {
            "label": f"dotnet/dotnet-docker {path}",
            "url": f"https://github.com/dotnet/dotnet-docker/blob/{UPSTREAM_COMMIT}/{path}",
        }
    if "#" in source and not source.startswith("https://"):
        repo, number = source.split("#")
        return {"label": source, "url": f"https://github.com/{repo}/issues/{number}"}
    return {"label": source.removeprefix("https://"), "url": source}


def checker_json(guide, policies: Iterable[Policy] = (), hidden_statuses: tuple[str, ...] = ()) -> str:
    """api/checker.json for a loaded Guide (compact; the page fetches it once)."""
    document = checker_document(
        guide.catalog, guide.wizard, guide.legacy, guide.migrations, guide.messages["en"], policies, hidden_statuses
    )
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"
