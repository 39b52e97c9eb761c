"""DUO's OpenAPI schemas, read from the project's own copy and used with a real JSON-Schema validator.

The copies in `assistant/duo/schemas/` come from DUO's public repository
duonl/gemeente-m2m-inburgering (commit f4973d4) and are kept
unchanged apart from a header comment naming that source. OpenAPI 3.0 schema
objects are (nearly) JSON Schema draft 7; `$ref`s such as
``#/components/schemas/PIP`` resolve against the whole document, so the
validator gets the document with a top-level ``$ref`` to the schema wanted.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.base.yamlload import safe_load

if TYPE_CHECKING:  # jsonschema is imported when a message is validated, not at start-up (~40 ms)
    from jsonschema import Draft7Validator

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
SOURCE = "duonl/gemeente-m2m-inburgering, commit f4973d4"


@cache
def document(name: str) -> dict[str, Any]:
    """An OpenAPI document from the project's copy (``pip`` or ``leerbaarheidstoets``)."""
    with (SCHEMA_DIR / f"{name}.openapi.yml").open(encoding="utf-8") as fh:
        return safe_load(fh)


@cache
def validator(name: str, schema: str) -> Draft7Validator:
    """A validator for ``components/schemas/<schema>`` of document `name`, checking formats (date)."""
    from jsonschema import Draft7Validator

    doc = document(name)
    if schema not in doc.get("components", {}).get("schemas", {}):
        raise KeyError(f"{name}.openapi.yml has no components/schemas/{schema}")
    root = {"$ref": f"#/components/schemas/{schema}", "components": doc["components"]}
    return Draft7Validator(root, format_checker=Draft7Validator.FORMAT_CHECKER)


def errors(name: str, schema: str, instance: Any) -> list[str]:
    """Schema errors as short lines naming the path of the field, e.g. ``pip.niveau: 'C1' is not one of …``."""
    out = []
    for err in sorted(validator(name, schema).iter_errors(instance), key=lambda e: list(e.absolute_path)):
        path = ".".join(str(p) for p in err.absolute_path) or "(bericht)"
        out.append(f"{path}: {err.message}")
    return out


def field_of(name: str, schema: str, instance: Any) -> str | None:
    """The first invalid field's path (or None when valid): for messages that name the field."""
    for err in validator(name, schema).iter_errors(instance):
        if err.validator == "required":
            missing = [r for r in err.validator_value if r not in (err.instance or {})]
            return ".".join([*map(str, err.absolute_path), *missing[:1]])
        return ".".join(str(p) for p in err.absolute_path) or "(bericht)"
    return None
