"""The ontology is defined once: every list of types, quads and modalities derives from it, and
adding an event type touches one data file."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from tripwire.errors import TripwireError
from tripwire.ontology import ONTOLOGY_FILE, TYPES_FILE, load_ontology, ontology


def test_packaged_ontology_has_one_colour_and_code_per_quad() -> None:
    loaded = ontology()
    assert loaded.type_names == tuple(yaml.safe_load(TYPES_FILE.read_text()))
    assert loaded.conflict_quads == ("verbal_conflict", "material_conflict")
    assert loaded.happened_modalities == ("asserted", "historical")
    assert loaded.modality_names[0] == "asserted"
    assert sorted(q.code for q in loaded.quads.values()) == [1, 2, 3, 4]
    assert len({q.colour for q in loaded.quads.values()}) == len(loaded.quads)
    assert loaded.quad_code("SANCTION") == 4
    assert loaded.types["RETREAT"].cameo_for("release") == "084"
    assert {"MIL", "GOV", "IGO"} <= set(loaded.sectors)


def test_lists_elsewhere_are_the_ontology_s() -> None:
    from tripwire.schema import build_schema
    from tripwire.server.models import Modality, PloverType, Quad, SeriesPoint
    from tripwire.signals import report, settings
    from tripwire.store.plover import QUAD_CODES, plover_schema

    loaded = ontology()
    event = build_schema()["$defs"]["Event"]["properties"]
    assert event["type"]["enum"] == list(loaded.type_names)
    assert event["modality"]["enum"] == list(loaded.modality_names)
    assert loaded.type_names == settings.PLOVER_TYPES
    assert loaded.quad_names == settings.QUADS
    assert loaded.conflict_quads == settings.CONFLICT_QUADS
    assert [m.value for m in PloverType] == list(loaded.type_names)
    assert [m.value for m in Quad] == list(loaded.quad_names)
    assert [m.value for m in Modality] == list(loaded.modality_names)
    assert set(loaded.quad_names) < set(SeriesPoint.model_fields)
    assert {q.name: q.colour for q in loaded.quads.values()} == report.QUAD_COLOURS
    assert {q.name: q.code for q in loaded.quads.values()} == QUAD_CODES
    assert plover_schema()["properties"]["event"]["enum"] == list(loaded.type_names)


@pytest.mark.slow
def test_adding_an_event_type_touches_one_data_file(tmp_path: Path) -> None:
    types = tmp_path / "types.yaml"
    types.write_text(TYPES_FILE.read_text(encoding="utf-8") + textwrap.dedent("""
        BLOCKADE:
          quad: material_conflict
          cameo: "191"
          intensity: -8.0
          modes: [naval, land]
        """), encoding="utf-8")
    # a fresh interpreter, so that the schema, the API and the signals build their lists from
    # the patched table (the package itself has loaded the ontology once by now)
    script = textwrap.dedent(f"""
        import json
        from pathlib import Path
        import tripwire.ontology
        tripwire.ontology.TYPES_FILE = Path({str(types)!r})
        tripwire.ontology.ontology.cache_clear()
        from tripwire.document import Document, Event, Sentence, Trigger
        from tripwire.schema import build_schema, validate_document
        from tripwire.server.models import PloverType
        from tripwire.signals.settings import PLOVER_TYPES
        from tripwire.store.plover import plover_schema
        text = "Valdoria blockaded the port."
        doc = Document(id="d", content_hash="h", text=text, sentences=[Sentence(0, len(text))],
                       events=[Event(id="d:0", type="BLOCKADE", sentence=Sentence(0, len(text)),
                                     trigger=Trigger("blockaded", 9, 18))])
        print(json.dumps({{
            "schema": build_schema()["$defs"]["Event"]["properties"]["type"]["enum"],
            "settings": list(PLOVER_TYPES),
            "api": [m.value for m in PloverType],
            "plover": plover_schema()["properties"]["event"]["enum"],
            "errors": validate_document(doc.to_dict()),
        }}))
        """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=False)
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout)
    for where in ("schema", "settings", "api", "plover"):
        assert seen[where][-1] == "BLOCKADE", where
        assert len(seen[where]) == len(ontology().types) + 1, where
    assert seen["errors"] == []


def test_a_type_in_an_unknown_quad_names_file_line_and_key(tmp_path: Path) -> None:
    types = tmp_path / "types.yaml"
    types.write_text("AGREE:\n  quad: verbal_cooperation\n  cameo: '030'\n  intensity: 4\n"
                     "PARLEY:\n  quad: verbal_cheer\n  cameo: '041'\n  intensity: 1\n")
    with pytest.raises(TripwireError) as caught:
        load_ontology(types=types)
    assert caught.value.code == "E009"
    assert caught.value.where == f"{types}:6"
    assert caught.value.message.startswith("PARLEY.quad: must be one of verbal_cooperation")


def test_a_bad_intensity_and_an_unquoted_no_are_reported_at_their_line(tmp_path: Path) -> None:
    types = tmp_path / "types.yaml"
    types.write_text("AGREE:\n  quad: verbal_cooperation\n  cameo: '030'\n  intensity: 40\n")
    with pytest.raises(TripwireError) as caught:
        load_ontology(types=types)
    assert caught.value.where == f"{types}:4"
    assert "AGREE.intensity" in caught.value.message
    vocabulary = tmp_path / "ontology.yaml"
    text = ONTOLOGY_FILE.read_text(encoding="utf-8").replace("contexts: [military,",
                                                             "contexts: [no, military,")
    vocabulary.write_text(text, encoding="utf-8")
    with pytest.raises(TripwireError, match="quote yes/no/on/off") as caught:
        load_ontology(vocabulary)
    assert caught.value.message.startswith("contexts.0:")
