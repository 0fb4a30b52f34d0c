"""The wizard's rules (data/wizard.yml): validation on a tiny file with file:line, and every path of the real one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers import line_containing, replace_once
from macros.data.errors import DataError
from macros.data.load import load_guide, load_wizard
from macros.render.wizard import render_decision_guide, render_wizard, script_json, wizard_data
from macros.wizard.rules import KEYS

TINY = Path(__file__).parent / "fixtures" / "wizard" / "wizard.yml"


@pytest.fixture
def tiny(tmp_path):
    """A writable copy of the tiny wizard, in data/, with a docs/ folder holding the linked page."""
    (tmp_path / "data").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text("# Page\n")
    target = tmp_path / "data" / "wizard.yml"
    shutil.copy(TINY, target)
    return target


def _load(path, catalog):
    return load_wizard(path, catalog, path.parent.parent / "docs")


def _problems(path, catalog) -> list[str]:
    with pytest.raises(DataError) as caught:
        _load(path, catalog)
    return [str(p) for p in caught.value.problems]


# --- the tiny file ---------------------------------------------------------------------------------


def test_tiny_wizard_is_valid_and_every_path_ends(tiny, catalog):
    wizard = _load(tiny, catalog)
    paths = list(wizard.paths())
    assert paths and all(o.ok or o.because for _, o in paths)
    answers, outcome = wizard.walk({})
    assert answers == {"app": "web", "version": "10.0", "distro": "ubuntu", "hardened": "no"}
    assert outcome.run.reference == "mcr.microsoft.com/dotnet/aspnet:10.0-noble"
    assert outcome.build.reference == "mcr.microsoft.com/dotnet/sdk:10.0-noble"
    # The default distro follows the channel's plain tag: Debian for 8.0.
    assert wizard.walk({"version": "8.0"})[0]["distro"] == "debian"
    _, dead = wizard.walk({"distro": "debian"})
    assert dead.because == ".NET 10.0 has no Debian images."
    assert ("distro", "ubuntu") in dead.alternatives


def test_unknown_question_names_file_andline_containing(tiny, catalog):
    replace_once(tiny, "  - id: hardened", "  - id: hardening")
    messages = _problems(tiny, catalog)
    line = line_containing(tiny, "id: hardening")
    assert any(
        m.startswith(f"data/wizard.yml:{line}: questions[3].id: unknown question 'hardening'") for m in messages
    ), messages


def test_unknown_field_names_file_andline_containing(tiny, catalog):
    replace_once(tiny, "    legend: Hardened?", "    legend: Hardened?\n    colour: red")
    [message] = _problems(tiny, catalog)
    assert message.startswith(f"data/wizard.yml:{line_containing(tiny, 'colour')}: questions[3].colour: unknown field")


def test_unreachable_option(tiny, catalog):
    replace_once(
        tiny,
        '      - {value: "no", label: "No"}',
        '      - {value: "no", label: "No"}\n      - {value: maybe, label: Maybe, when: [{distro: [debian]}]}',
    )
    messages = _problems(tiny, catalog)
    assert (
        f"data/wizard.yml:{line_containing(tiny, 'value: maybe')}: "
        "questions[3].options[2]: option 'maybe' can never be chosen (unreachable)"
    ) in messages


def test_path_without_image_or_explanation(tiny, catalog):
    replace_once(tiny, '  - when: [{distro: [debian]}]\n    because: "{version} has no {distro} images."', "  []")
    replace_once(tiny, "dead_ends:\n  []", "dead_ends: []")
    messages = _problems(tiny, catalog)
    line = line_containing(tiny, "dead_ends:")
    assert any(
        m.startswith(
            f"data/wizard.yml:{line}: dead_ends: no image fits ?app=web&version=10.0&distro=debian "
            "and no dead end explains why"
        )
        for m in messages
    ), messages


def test_unknown_repository(tiny, catalog):
    replace_once(tiny, "repository: dotnet/runtime,", "repository: dotnet/runtimes,")
    messages = _problems(tiny, catalog)
    assert any(
        m.startswith(
            f"data/wizard.yml:{line_containing(tiny, 'dotnet/runtimes')}: "
            f"run[1].repository: unknown repository 'dotnet/runtimes'"
        )
        for m in messages
    ), messages


def test_rule_never_used(tiny, catalog):
    replace_once(
        tiny,
        "\nbuild:",
        "\n  - {when: [{app: [console]}], repository: dotnet/runtime-deps, reason: never., link: page.md}\n\nbuild:",
    )
    messages = _problems(tiny, catalog)
    assert (
        f"data/wizard.yml:{line_containing(tiny, 'dotnet/runtime-deps')}: "
        "run[2]: never used by any path (remove it, or fix its `when`)"
    ) in messages


def test_stale_dead_end_is_reported(tiny, catalog):
    replace_once(
        tiny, "dead_ends:\n", 'dead_ends:\n  - when: [{distro: [ubuntu]}]\n    because: "Ubuntu is not offered."\n'
    )
    messages = _problems(tiny, catalog)
    assert (
        f"data/wizard.yml:{line_containing(tiny, 'Ubuntu is not offered') - 1}: "
        "dead_ends[0]: never used by any path (remove it, or fix its `when`)"
    ) in messages


def test_condition_on_a_later_question(tiny, catalog):
    replace_once(tiny, "    legend: What kind of app?", "    legend: What kind of app?\n    when: [{distro: [ubuntu]}]")
    messages = _problems(tiny, catalog)
    assert any(
        m.startswith(
            f"data/wizard.yml:{line_containing(tiny, 'when: [{distro: [ubuntu]}]')}: "
            f"questions[0].when[0].distro: "
            "'distro' is not asked before this point"
        )
        for m in messages
    ), messages


def test_condition_with_unknown_value(tiny, catalog):
    replace_once(tiny, "when: [{distro: [ubuntu]}]", "when: [{distro: [ubuntoo]}]")
    messages = _problems(tiny, catalog)
    assert any(
        m.startswith(
            f"data/wizard.yml:{line_containing(tiny, 'ubuntoo')}: "
            f"questions[3].when[0].distro: 'ubuntoo' is not an option of 'distro'"
        )
        for m in messages
    ), messages


def test_link_to_missing_page(tiny, catalog):
    replace_once(tiny, "reason: sdk builds., link: page.md", "reason: sdk builds., link: nowhere.md")
    messages = _problems(tiny, catalog)
    assert any(
        m.startswith(f"data/wizard.yml:{line_containing(tiny, 'nowhere.md')}: build[0].link: no page docs/nowhere.md")
        for m in messages
    ), messages


def test_unknown_placeholders(tiny, catalog):
    replace_once(tiny, "{version} has no {distro} images.", "{version} has no {flavour} images.")
    replace_once(tiny, "FROM {run}", "FROM {runtime}")
    messages = _problems(tiny, catalog)
    assert any("dead_ends[0].because: unknown placeholder {flavour}" in m for m in messages), messages
    assert any("dockerfiles[0].text: unknown placeholder {runtime}" in m for m in messages), messages


def test_default_must_be_an_option(tiny, catalog):
    replace_once(tiny, '    default: "no"', "    default: perhaps")
    messages = _problems(tiny, catalog)
    assert any(
        m.startswith(
            f"data/wizard.yml:{line_containing(tiny, 'default: perhaps')}: "
            f"questions[3].default: 'perhaps' is not one of its options"
        )
        for m in messages
    ), messages


def test_yaml_booleans_are_caught(tiny, catalog):
    replace_once(tiny, '      - {value: "yes", label: "Yes"}', "      - {value: yes, label: Yes}")
    messages = _problems(tiny, catalog)
    assert any(
        m.startswith(
            f"data/wizard.yml:{line_containing(tiny, 'value: yes, label: Yes')}: "
            f"questions[3].options[0].value: expected a string"
        )
        for m in messages
    ), messages


# --- the real file --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real(catalog):
    return load_guide(on=catalog.today).wizard


def test_every_real_path_ends_in_an_existing_image_or_an_explained_dead_end(real, catalog):
    results = dead = 0
    for answers, outcome in real.paths():
        if outcome.ok:
            results += 1
            assert outcome.build and catalog.has_reference(outcome.build.reference), answers
            assert outcome.run is None or catalog.has_reference(outcome.run.reference), answers
            assert outcome.run is None or catalog.has_reference(outcome.run.fixed_reference), answers
            assert catalog.has_reference(outcome.build.fixed_reference), answers
            assert outcome.dockerfile is not None and outcome.reasons
            assert (outcome.run is None) == (answers["goal"] == "build")
        else:
            dead += 1
            assert outcome.because and "(unexplained)" not in outcome.because
            assert outcome.alternatives, f"dead end without an alternative: {answers}"
            for key, value in outcome.alternatives:
                assert real.walk({**answers, key: value})[1].ok
    assert results > 500 and dead > 0


def test_every_question_key_is_the_public_contract(real):
    assert KEYS == (
        "goal",
        "framework",
        "app",
        "deploy",
        "version",
        "os",
        "distro",
        "windows",
        "winver",
        "hardened",
        "globalization",
        "composite",
        "arch",
    )
    contract = {
        "goal": {"run", "build"},
        "framework": {"dotnet", "netfx"},
        "app": {"web", "console", "wcf"},
        "deploy": {"framework-dependent", "self-contained", "aot"},
        "os": {"linux", "windows"},
        "distro": {"ubuntu", "debian", "alpine", "azurelinux"},
        "hardened": {"yes", "no"},
        "globalization": {"yes", "no"},
        "composite": {"yes", "no"},
        "arch": {"multi", "amd64", "arm64", "arm32"},
        "windows": {"nanoserver", "servercore"},
        "winver": {"ltsc2025", "ltsc2022", "ltsc2019", "1809", "ltsc2016"},
    }
    for key, values in contract.items():
        assert {o.value for o in real.options(key)} == values, key
    assert {o.value for o in real.options("version")} >= {"10.0", "8.0", "4.8.1", "4.8"}


@pytest.mark.parametrize(
    "answers, run, build",
    [
        (
            {"hardened": "yes", "globalization": "yes"},
            "dotnet/aspnet:10.0-noble-chiseled-extra",
            "dotnet/sdk:10.0-noble",
        ),
        ({"deploy": "aot", "hardened": "yes"}, "dotnet/runtime-deps:10.0-noble-chiseled", "dotnet/sdk:10.0-noble-aot"),
        ({"app": "console", "distro": "alpine"}, "dotnet/runtime:10.0-alpine", "dotnet/sdk:10.0-alpine"),
        ({"os": "windows"}, "dotnet/aspnet:10.0-nanoserver-ltsc2025", "dotnet/sdk:10.0-nanoserver-ltsc2025"),
        (
            {"framework": "netfx", "windows": "servercore", "winver": "ltsc2022"},
            "dotnet/framework/aspnet:4.8.1-windowsservercore-ltsc2022",
            "dotnet/framework/sdk:4.8.1-windowsservercore-ltsc2022",
        ),
        ({"version": "8.0"}, "dotnet/aspnet:8.0-bookworm-slim", "dotnet/sdk:8.0-bookworm-slim"),
        (
            {"hardened": "yes", "distro": "azurelinux", "arch": "arm64"},
            "dotnet/aspnet:10.0-azurelinux3.0-distroless-arm64v8",
            "dotnet/sdk:10.0-azurelinux3.0",
        ),
    ],
)
def test_hand_picked_answers(real, answers, run, build):
    _, outcome = real.walk(answers)
    assert outcome.run.reference == f"mcr.microsoft.com/{run}"
    assert outcome.build.reference == f"mcr.microsoft.com/{build}"


def test_script_json_cannot_break_out():
    text = script_json({"x": "</script><script>alert(1)</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"x": "</script><script>alert(1)</script><!-- & \u2028"}


def test_embedded_tree_walks_like_the_model(real, catalog):
    """The JSON the page embeds gives the same answer as the model on every path (a Python twin of wizard.js)."""
    data = wizard_data(real, catalog)

    def walk(answers):
        n, path = 0, {}
        while n >= 0:
            key_index, default, kids = data["nodes"][n]
            key = data["keys"][key_index]
            value = answers.get(key) if answers.get(key) in kids else default
            path[key] = value
            n = kids[value]
        return path, data["outcomes"][-n - 1]

    for answers, outcome in real.paths():
        path, found = walk(answers)
        assert path == answers
        if outcome.ok:
            repo = data["repos"][found["run" if outcome.run else "build"][0]][0]
            stage = outcome.run or outcome.build
            assert f"{repo}:{found['run' if outcome.run else 'build'][1]}" == stage.reference
        else:
            assert data["texts"][found["no"]] == outcome.because


def test_page_html_and_static_guide(real, catalog):
    html = render_wizard(real, catalog)
    assert html.count("<fieldset") == len(KEYS)
    assert 'aria-live="polite"' in html and "data-wizard-data" in html
    assert html.count("<script") == 1
    guide = render_decision_guide(real, catalog)
    assert "dotnet/aspnet:10.0-noble-chiseled-extra" in guide
    assert 'data-outcome="unavailable"' in guide
    # Same answers as the model for every default-architecture path.
    for answers, outcome in real.paths():
        if answers.get("arch", "multi") == "multi" and outcome.ok and outcome.run:
            assert f"{outcome.run.repository}:{outcome.run.tag}" in guide
