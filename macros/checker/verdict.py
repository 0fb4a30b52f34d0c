"""One verdict per FROM, by looking up the decision table (api/checker.json) and the digest record
(api/digests.json). checker.js does exactly these look-ups; no rule is decided here."""

from __future__ import annotations

import re

from .dockerfile import Input, read_input
from .signature import signature, signature_fallbacks

_NAME = re.compile(r"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")
_TAG = re.compile(r"^\w[\w.-]{0,127}$")
_DIGEST = re.compile(r"^sha256:[0-9a-f]{64}$")
SUGGESTIONS = 3


def parse_reference(text: str) -> dict | None:
    """[host/]name[:tag][@digest] -> its parts (name lower-cased), or None when it is not a reference."""
    rest, _, digest = text.partition("@")
    parts = rest.split("/")
    host = ""
    if len(parts) > 1 and ("." in parts[0] or ":" in parts[0] or parts[0] == "localhost"):
        host, parts = parts[0].lower(), parts[1:]
    last, _, tag = parts[-1].partition(":")
    name = "/".join([*parts[:-1], last]).lower()
    if not _NAME.match(name) or (tag and not _TAG.match(tag)) or (digest and not _DIGEST.match(digest.lower())):
        return None
    return {"host": host, "name": name, "tag": tag, "digest": digest.lower()}


def channel_prefix(tag: str, table: dict) -> str:
    """The lifecycle channel a tag starts with: `6.0`, `8.0.5-alpine` -> 8.0, `4.8.1-…` -> 4.8.1."""
    first = tag.split("-")[0]
    found = [c for c in table["channels"] if first == c or first.startswith(c + ".")]
    return max(found, key=len) if found else ""


def _distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def closest_tags(tag: str, tags) -> list[str]:
    """The documented tags nearest to a misspelt one (edit distance, then alphabetical)."""
    ranked = sorted((_distance(tag, t), t) for t in tags)
    return [t for _, t in ranked[:SUGGESTIONS]]


def _replacement(repo: dict, tag: str, words: dict) -> dict | None:
    sig = signature(tag, words)
    for candidate in [sig, *signature_fallbacks(sig)]:
        if candidate in repo["replacements"]:
            return repo["replacements"][candidate]
    return None


def _notes(table: dict, repository: str, tag: str, source: str, target: str, legacy: bool) -> list[str]:
    """Ids of the migration notes between the reader's channel and the replacement's."""
    repo = table["repositories"].get(repository, {})
    os_key = signature(tag, table["words"]).split("|")[0]
    windows = os_key.split("-")[0] in table["words"]["windows"]
    distro = "" if windows else (os_key or repo.get("plain_os", {}).get(source, table["old_plain_os"]))
    found = []
    for note in table["notes"]:
        if note["legacy"]:
            applies = legacy
        else:
            applies = (not source or _older(source, note["since"])) and not _older(target, note["since"])
        if not applies:
            continue
        if note["repositories"] and repository not in note["repositories"]:
            continue
        if note["os"] and ("windows" if windows else "linux") not in note["os"]:
            continue
        if note["distros"] and distro and distro not in note["distros"]:
            continue
        found.append(note["id"])
    return found


def _older(a: str, b: str) -> bool:
    return _version(a) < _version(b)


def _version(text: str) -> tuple:
    return tuple(int(p) if p.isdigit() else -1 for p in re.split(r"[.\-]", text))


def _result(verdict: str, **values) -> dict:
    return {
        "verdict": verdict,
        "reasons": [],
        "replacement": "",
        "page": "",
        "wizard": "",
        "notes": [],
        "suggestions": [],
        **values,
    }


def check_reference(text: str, table: dict, digests: dict | None) -> dict:
    """The verdict for one image reference (ARGs already substituted)."""
    mirrored = False
    for policy in table["policies"]:  # a team's mirror: read the image it mirrors
        if policy.get("mirror") and text.lower().startswith(policy["mirror"] + "/"):
            text, mirrored = table["registry"] + text[len(policy["mirror"]) :], True
    ref = parse_reference(text)
    if ref is None:
        return _result("not-dotnet", reasons=[["not-a-reference", text]])
    ref["mirrored"] = mirrored
    host, name = ref["host"], ref["name"]
    if host and host not in table["registries"] and host not in table["hub_hosts"]:
        return _result("not-dotnet", reasons=[["other-registry", host]])
    on_mcr = host in table["registries"]
    full = f"{table['registry']}/{name}" if on_mcr else name.removeprefix("library/")
    for entry in table["legacy"]:
        if full == entry["name"] or (entry["prefix"] and full.startswith(entry["name"] + "/")):
            return _legacy(ref, entry, full, table)
    if on_mcr and name in table["repositories"]:
        return _repository(ref, name, table, digests)
    if name == "scratch" and not host:
        return _result("not-dotnet", reasons=[["scratch", ""]])
    return _result("not-dotnet", reasons=[["not-covered", full]])


def _legacy(ref: dict, entry: dict, full: str, table: dict) -> dict:
    tag = ref["tag"] or "latest"
    if entry["prefix"]:
        repository = entry["repositories"].get(full.removeprefix(entry["name"] + "/"), "")
    else:
        text = f"-{tag.lower()}-"
        words = sorted((w for w in entry["repositories"] if w), key=lambda w: (-len(w), w))
        word = next((w for w in words if f"-{w}-" in text), "")
        repository = entry["repositories"].get(word, "")
    result = _result("legacy-name", reasons=[["legacy", entry["name"]]])
    if not repository:
        result["reasons"].append(["legacy-gone", entry["note"]])
        return result
    repo = table["repositories"][repository]
    found = _replacement(repo, tag, table["words"])
    result["page"] = repo["page"]
    if found:
        source = channel_prefix(tag, table)
        result.update(
            replacement=found["reference"],
            wizard=found["wizard"],
            notes=_notes(table, repository, tag, source, found["channel"], legacy=True),
        )
    return result


def _repository(ref: dict, repository: str, table: dict, digests: dict | None) -> dict:
    repo = table["repositories"][repository]
    tag = ref["tag"] or "latest"
    documented = tag in repo["tags"]
    channel = repo["tags"][tag] if documented else channel_prefix(tag, table)
    status = table["channels"][channel]["status"] if channel else ""
    if documented:
        verdict = {"supported": "current", "ending": "ends-soon", "eol": "end-of-life", "preview": "preview"}.get(
            status, "current"
        )
    elif channel and status == "eol" and channel not in repo["channels"]:
        verdict = "end-of-life"
    else:
        result = _result(
            "unknown-tag",
            reasons=[["unknown-tag", tag]],
            page=repo["page"],
            suggestions=closest_tags(tag, repo["tags"]),
        )
        found = _replacement(repo, tag, table["words"])
        if found:
            result.update(replacement=found["reference"], wizard=found["wizard"])
        return result
    result = _result(verdict, reasons=[[f"status-{status or 'own'}", channel]])
    row_query = table["channels"][channel]["row_query"] if channel else ""
    result["page"] = repo["page"] + (f"{row_query}#tag-{tag}" if documented else "")
    if ref["digest"]:
        _digest(ref, repository, result, digests)
    found = _replacement(repo, tag, table["words"])
    if found:
        result["wizard"] = found["wizard"]
        if result["verdict"] in ("end-of-life", "ends-soon", "preview"):
            result["replacement"] = found["reference"]
            result["notes"] = _notes(table, repository, tag, channel, found["channel"], legacy=False)
    for policy in table["policies"]:  # an extra verdict from a policy (a team standard)
        listed = policy["outside"].get(repository, [])
        if not _passing(table, result["verdict"]):
            continue
        if policy.get("mirror") and not ref.get("mirrored"):
            why = policy["mirror_reason"]
        elif "*" in listed or tag in listed:
            why = policy["reason"]
        elif policy.get("digest_reason") and not ref["digest"]:
            why = policy["digest_reason"]
        else:
            continue
        result["verdict"] = policy["verdict"]
        result["reasons"].append(["policy", why])
    return result


def _passing(table: dict, verdict: str) -> bool:
    return any(v["verdict"] == verdict and v["passing"] for v in table["verdicts"])


def _digest(ref: dict, repository: str, result: dict, digests: dict | None) -> None:
    known = (digests or {}).get("digests", {}).get(ref["digest"])
    if known is None:
        result["reasons"].append(["digest-unknown", ref["digest"]])
        return
    if known["current"]:
        if known.get("repository") != repository:
            result["reasons"].append(["digest-other-repository", known.get("repository", "")])
        return
    current = digests["digests"].get(known["current_digest"], {})
    if current.get("repository", repository) != repository:
        result["reasons"].append(["digest-other-repository", current["repository"]])
        return
    result["reasons"].append(
        ["digest-replaced", known["first_seen"], known["current_digest"], current.get("first_seen", "")]
    )
    if result["verdict"] in ("current", "ends-soon", "preview"):
        result["verdict"] = "outdated-digest"
        name = f"{ref['host']}/{ref['name']}" if ref["host"] else ref["name"]
        result["replacement"] = f"{name}{':' + ref['tag'] if ref['tag'] else ''}@{known['current_digest']}"


def check_digest(digest: str, table: dict, digests: dict | None) -> dict:
    """A bare digest: what it is (through the image its tags name now), and whether it is still current."""
    known = (digests or {}).get("digests", {}).get(digest)
    if known is None:
        return _result("not-dotnet", reasons=[["digest-unknown", digest]])
    current = known if known["current"] else digests["digests"].get(known["current_digest"], {})
    tags = sorted(current.get("tags", []), key=lambda t: (len(t), t))
    if not current.get("repository") or not tags:
        return _result("not-dotnet", reasons=[["digest-unknown", digest]])
    reference = f"{table['registry']}/{current['repository']}:{tags[0]}@{digest}"
    result = check_reference(reference, table, digests)
    result["image"] = reference
    return result


def check_text(text: str, table: dict, digests: dict | None) -> dict:
    """The whole check of a paste: problems, and one entry per FROM (stages marked, without verdict)."""
    found: Input = read_input(text)
    entries = []
    if found.digest:
        entry = check_digest(found.digest, table, digests)
        entries.append({"line": 1, "text": found.digest, "image": entry.pop("image", found.digest), **entry})
    for item in found.froms:
        if item.stage:
            entries.append({"line": item.line, "text": item.text, "image": item.image, "stage": True})
            continue
        entries.append(
            {
                "line": item.line,
                "text": item.text,
                "image": item.image,
                "platform": item.platform,
                "name": item.name,
                **check_reference(item.image, table, digests),
            }
        )
    return {"problems": [list(p) for p in found.problems], "entries": entries}


def from_line(entry: dict) -> str:
    """The replacement as a FROM line that keeps the reader's --platform and stage name."""
    if not entry.get("replacement"):
        return ""
    platform = f"--platform={entry['platform']} " if entry.get("platform") else ""
    name = f" AS {entry['name']}" if entry.get("name") else ""
    return f"FROM {platform}{entry['replacement']}{name}"
