"""JSON Schema for each data file, made from the model classes (python -m macros.data.jsonschema).

Editors that speak yaml-language-server (VS Code's YAML extension, JetBrains, Neovim) then check
data/*.yml while it is typed. The schema is derived from the same classes and field types the
loader validates with (schema.py), so the two cannot disagree; relations between files (a channel
that lifecycle.yml must list, a repository of repositories.yml) are the loader's alone.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import sys
import types
import typing

from ..model.catalog import CatalogFile
from ..model.legacy import LegacyList
from ..model.lifecycle import Lifecycle, ReleasesFile
from ..model.migrations import Migrations
from ..model.platforms import Platforms
from ..model.registry import RegistryFile
from ..model.repositories import RepositoryList
from ..model.team import Team
from ..wizard.rules import WizardRules
from .load import DATA_DIR, ROOT
from .schema import fields_of

# Which class describes which file, and where its schema is written.
FILES = {
    "registry": RegistryFile,
    "catalog": CatalogFile,
    "lifecycle": Lifecycle,
    "releases": ReleasesFile,  # data/lifecycle/dotnet.yml, generated from releases-index.json
    "platforms": Platforms,
    "repositories": RepositoryList,
    "legacy": LegacyList,
    "wizard": WizardRules,
    "team": Team,  # not in data/: the file GUIDE_TEAM names (examples/team.yml)
    "migrations": Migrations,
}
SCHEMA_DIR = DATA_DIR / "schemas"


def _type(tp, definitions: dict) -> dict:
    origin = typing.get_origin(tp)
    if tp is str:
        return {"type": "string", "minLength": 1}
    if tp is int:
        return {"type": "integer"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is datetime.date:
        return {"type": "string", "format": "date"}
    if origin is typing.Literal:
        return {"enum": list(typing.get_args(tp))}
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return {"anyOf": [_type(inner[0], definitions), {"type": "null"}]}
    if origin is tuple and typing.get_args(tp)[-1] is not Ellipsis:  # a fixed shape: [digest, size]
        kinds = typing.get_args(tp)
        return {
            "type": "array",
            "prefixItems": [_type(k, definitions) for k in kinds],
            "minItems": len(kinds),
            "maxItems": len(kinds),
        }
    if origin is tuple:
        return {"type": "array", "items": _type(typing.get_args(tp)[0], definitions)}
    if dataclasses.is_dataclass(tp):
        if tp.__name__ not in definitions:
            definitions[tp.__name__] = {}  # placeholder: a class may refer to itself
            definitions[tp.__name__] = _object(tp, definitions)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    raise TypeError(f"no JSON Schema for {tp!r}")


def _object(cls, definitions: dict) -> dict:
    """A mapping with exactly the fields YAML may hold (derived fields are the loader's, so not allowed)."""
    properties, required = {}, []
    for name, tp, is_required, is_derived in fields_of(cls):
        if is_derived:
            continue
        properties[name] = _type(tp, definitions)
        if is_required:
            required.append(name)
    result = {"type": "object", "properties": properties, "additionalProperties": False}
    if cls.__doc__ and not cls.__doc__.startswith(f"{cls.__name__}("):
        result["description"] = " ".join(cls.__doc__.split())
    return {**result, "required": required} if required else result


def json_schema(cls, name: str) -> dict:
    definitions: dict = {}
    top = _object(cls, definitions)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"data/{name}.yml",
        **top,
        "$defs": dict(sorted(definitions.items())),
    }


def main() -> int:
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name, cls in FILES.items():
        path = SCHEMA_DIR / f"{name}.schema.json"
        path.write_text(json.dumps(json_schema(cls, name), indent=2) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
