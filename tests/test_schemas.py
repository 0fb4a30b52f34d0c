"""The editor schemas (data/schemas/*.schema.json) are generated from the model and accept the real data."""

from __future__ import annotations

import datetime
import json

import jsonschema
import pytest
import yaml

from helpers import ROOT
from macros.data.jsonschema import FILES, SCHEMA_DIR, json_schema


def _as_json(value):
    """YAML values as JSON would hold them (dates as strings), to check against a JSON Schema."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value.isoformat() if isinstance(value, datetime.date) else value


def _files(name: str):
    if name in ("catalog", "registry"):
        return sorted((ROOT / "data" / name).glob("*.yml" if name == "catalog" else "*.json"))
    if name == "team":  # not part of data/: the worked example of GUIDE_TEAM
        return [ROOT / "examples" / "team.yml"]
    if name == "releases":
        return [ROOT / "data" / "lifecycle" / "dotnet.yml"]
    return [ROOT / "data" / f"{name}.yml"]


@pytest.mark.parametrize("name", FILES)
def test_committed_schema_equals_a_fresh_generation(name):
    committed = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(FILES[name], name), "run `make schemas` and commit data/schemas/"


@pytest.mark.parametrize("name", FILES)
def test_real_data_passes_its_schema(name):
    validator = jsonschema.Draft202012Validator(json_schema(FILES[name], name))
    for path in _files(name):
        data = (
            json.loads(path.read_text(encoding="utf-8"))
            if path.suffix == ".json"
            else yaml.safe_load(path.read_text(encoding="utf-8"))
        )
        errors = list(validator.iter_errors(_as_json(data)))
        assert not errors, f"{path.name}: {errors[0].message} at {list(errors[0].path)}"


def test_schema_rejects_what_the_loader_rejects():
    validator = jsonschema.Draft202012Validator(json_schema(FILES["catalog"], "catalog"))
    data = _as_json(yaml.safe_load((ROOT / "data" / "catalog" / "runtime.yml").read_text(encoding="utf-8")))
    data["images"][0]["architecture"] = "s390x"  # not an architecture
    data["images"][1]["line"] = 3  # a field the loader derives
    data["images"][2]["platform_tags"] = [8.0]  # an unquoted version is a number
    messages = sorted(e.message for e in validator.iter_errors(data))
    assert len(messages) == 3, messages
    assert any("'s390x' is not one of" in m for m in messages)
    assert any("'line' was unexpected" in m for m in messages)
    assert any("8.0 is not of type 'string'" in m for m in messages)
