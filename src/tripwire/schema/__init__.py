"""The `tripwire/1` JSON Schema: generated from the Document types, tightened with the closed
vocabularies (PLOVER types, modalities ...), and a validator that also checks every offset."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

import jsonschema
import pydantic

from tripwire.document import Document
from tripwire.ontology import ontology

SCHEMA_FILE = "tripwire-1.schema.json"
# Fields a Document leaves out when they are empty: every other field is always present.
# and fields added after `tripwire/1` was published, so that documents written before stay valid.
OPTIONAL = {("Event", "evidence"), ("ActorRef", "unresolved"), ("Evidence", "resolutions")}


def vocabularies() -> dict[tuple[str, str], list[str]]:
    """The closed vocabularies of Document fields, the PLOVER ones from the ontology."""
    return {
        ("Event", "type"): list(ontology().type_names),
        ("Event", "modality"): list(ontology().modality_names),
        ("Quote", "kind"): ["direct", "partial", "indirect"],
        ("TimeExpr", "type"): ["DATE", "TIME", "DURATION", "SET"],
    }


def build_schema() -> dict[str, Any]:
    """The schema as generated from the dataclasses and the ontology; every field but the
    OPTIONAL ones is required (always present). `python -m tripwire.schema` writes it to the
    published file."""
    schema = pydantic.TypeAdapter(Document).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://tripwire.invalid/schema/tripwire-1.schema.json"
    definitions = {**schema["$defs"], "Document": schema}
    for name, definition in definitions.items():
        definition["required"] = sorted(
            prop for prop in definition["properties"] if (name, prop) not in OPTIONAL)
        definition["additionalProperties"] = False
        for prop in definition["properties"].values():
            prop.pop("default", None)
        for (owner, field), values in vocabularies().items():
            if owner == name:
                definition["properties"][field] = {"enum": values}
    schema["properties"]["schema"] = {"const": "tripwire/1"}
    return schema


@functools.cache
def document_schema() -> dict[str, Any]:
    """The published schema file (a test keeps it equal to `build_schema()`)."""
    text = resources.files("tripwire.schema").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(build_schema())


def offset_errors(data: dict[str, Any]) -> list[str]:
    """Every span must lie inside `text`, and a span's `text` must be the characters it covers."""
    text: str = data["text"]
    errors: list[str] = []

    def check(where: str, span: dict[str, Any], exact: bool = True) -> None:
        start, end = span["start"], span["end"]
        if not 0 <= start <= end <= len(text):
            errors.append(f"{where}: [{start}, {end}) outside text of length {len(text)}")
        elif exact and "text" in span and text[start:end] != span["text"]:
            errors.append(f"{where}: text {span['text']!r} != {text[start:end]!r}")

    for i, s in enumerate(data["sentences"]):
        check(f"sentences[{i}]", s)
    for i, e in enumerate(data["entities"]):
        check(f"entities[{i}]", e)
    for i, a in enumerate(data["actors"]):
        for j, m in enumerate(a["mentions"]):
            check(f"actors[{i}].mentions[{j}]", m)
    for i, q in enumerate(data["quotes"]):
        check(f"quotes[{i}]", q, exact=False)
        if q["speaker"]:
            check(f"quotes[{i}].speaker", q["speaker"])
    for i, t in enumerate(data["times"]):
        check(f"times[{i}]", t)
    for i, ev in enumerate(data["events"]):
        check(f"events[{i}].sentence", ev["sentence"])
        check(f"events[{i}].trigger", ev["trigger"])
        for j, m in enumerate(ev["mentions"]):
            check(f"events[{i}].mentions[{j}]", m)
    for i, sub in enumerate(data["subheads"]):
        if not 0 <= sub["start"] <= len(text):
            errors.append(f"subheads[{i}]: start {sub['start']} outside text")
    return errors


def validate_document(data: dict[str, Any]) -> list[str]:
    """All schema violations and offset errors of a Document dict (empty when valid)."""
    errors = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
              for e in _validator().iter_errors(data)]
    return errors or offset_errors(data)
