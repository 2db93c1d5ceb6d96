"""The lexicon files load, cover PLOVER, and bad files fail with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripwire.errors import TripwireError
from tripwire.events.lexicon import (
    default_lexicon,
    load_contexts,
    load_cues,
    load_triggers,
    load_types,
)
from tripwire.lang import word_file

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_type_table_covers_plover_with_manual_intensities() -> None:
    types = load_types()
    assert set(types) == PLOVER
    assert {name: types[name].intensity for name in ("ASSAULT", "COERCE", "MOBILIZE", "THREATEN",
                                                     "REQUEST", "CONSULT", "COOPERATE", "AID")} == {
        "ASSAULT": -9.0, "COERCE": -7.0, "MOBILIZE": -5.5, "THREATEN": -3.5, "REQUEST": 0.0,
        "CONSULT": 2.5, "COOPERATE": 9.5, "AID": 10.0}
    assert types["CONSULT"].quad == "verbal_cooperation"
    assert types["SANCTION"].quad == "material_conflict"
    assert types["RETREAT"].cameo_for("release") == "084"
    assert types["RETREAT"].cameo_for(None) == "087"


def test_every_type_has_triggers_and_lookups_are_by_lemma() -> None:
    lexicon = default_lexicon()
    assert {p.type for p in lexicon.patterns} == PLOVER
    assert {p.type for p in lexicon.nouns["talk"]} == {"CONSULT"}
    # constrained patterns come before plain ones of the same lemma
    send = lexicon.verbs["send"]
    assert all(p.objects for p in send)


def test_bad_mode_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("CONSULT:\n  - verbs: [meet]\n  - verbs: [parley]\n    mode: dance\n")
    with pytest.raises(TripwireError) as caught:
        load_triggers(bad, load_types())
    assert caught.value.code == "E009"
    assert caught.value.where == f"{bad}:4"  # the line of the mode itself
    assert caught.value.message.startswith("CONSULT.1.mode: 'dance' is not one of")


def test_unknown_type_and_unquoted_yes_no_are_reported(tmp_path: Path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("PARLEY:\n  - verbs: [meet]\n")
    with pytest.raises(TripwireError, match="unknown PLOVER type 'PARLEY'"):
        load_triggers(bad, load_types())
    bad.write_text("CONCEDE:\n  - verbs: [back]\n    particles: [down, off]\n")
    with pytest.raises(TripwireError, match="quote yes/no/on/off") as caught:
        load_triggers(bad, load_types())
    assert caught.value.where == f"{bad}:3"


@pytest.mark.parametrize(("text", "line", "message"), [
    ("CONSULT:\n  - verbs: [meet]\n    light: [hold]\n", 2, "CONSULT.0: `light` is for noun entries"),
    ("CONSULT:\n  - verbs: [meet]\n    nouns: [talk]\n", 2,
     "CONSULT.0: give exactly one of verbs, nouns, adjectives, modals"),
    ("CONSULT:\n  - verbs: [meet]\n  - verbs: [parley]\n    colour: red\n", 4,
     "CONSULT.1: unknown key 'colour'"),
    ("CONSULT:\n  - verbs: [meet]\n    strength: 1.5\n", 3,
     "CONSULT.0.strength: Input should be less than or equal to 1"),
    ("CONSULT:\n  - verbs: [meet]\n    cameo: 42\n", 3, "CONSULT.0.cameo: Input should be a valid string"),
    ("CONSULT:\n  - verbs: [meet]\n    context: [military, knitting]\n", 3,
     "CONSULT.0.context: unknown contexts ['knitting']"),
    ("CONSULT:\n  - verbs: [meet]\n    intransitive: maybe\n", 3,
     "CONSULT.0.intransitive: Input should be a valid boolean"),
    ("CONSULT:\n  - verbs: [meet, confer, meet]\n", 2, "CONSULT.0.verbs: lists 'meet' twice"),
    ("CONSULT: []\n", 1, "CONSULT: List should have at least 1 item after validation, not 0"),
    ("REQUEST:\n  - modals: [must]\n", 2, "REQUEST.0: a modal entry needs `under`"),
    ("ACCUSE:\n  - nouns: [fraud]\n    under: [say]\n", 2,
     "ACCUSE.0: `under` is for modal and verb entries"),
])
def test_a_malformed_trigger_file_names_file_line_and_key(tmp_path: Path, text: str, line: int,
                                                          message: str) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(TripwireError) as caught:
        load_triggers(bad, load_types())
    assert (caught.value.code, caught.value.where, caught.value.message) == (
        "E009", f"{bad}:{line}", message)


def test_each_pattern_knows_its_file_and_line(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("CONSULT:\n  # a comment\n  - verbs: [parley]\n\n  - nouns: [powwow]\n"
                    "    light: [hold]\nPROTEST:\n  - verbs: [picket]\n", encoding="utf-8")
    patterns = load_triggers(mine, load_types())
    assert [(p.type, p.lemmas, p.where) for p in patterns] == [
        ("CONSULT", ("parley",), "mine.yaml:3"), ("CONSULT", ("powwow",), "mine.yaml:5"),
        ("PROTEST", ("picket",), "mine.yaml:8")]
    shipped = default_lexicon()
    talk = next(p for p in shipped.nouns["talk"] if p.light)
    line = int(talk.where.split(":")[1])
    text = (Path(load_types.__code__.co_filename).parent / "data" / "triggers.yaml").read_text()
    assert "talk" in text.splitlines()[line - 1]


@pytest.mark.parametrize(("text", "line", "message"), [
    ("CONSULT:\n  quad: verbal_cooperation\n  cameo: '040'\n  intensity: 2.5\n  colour: red\n",
     5, "CONSULT: unknown key 'colour'"),
    ("CONSULT:\n  quad: verbal_cooperation\n  cameo: '040'\n  intensity: 2.5\n"
     "  reciprocal: 'yes'\n", 5, "CONSULT.reciprocal: Input should be a valid boolean"),
    ("CONSULT:\n  quad: verbal_cooperation\n  cameo: '040'\n  intensity: 2.5\n"
     "  pledge: PARLEY\n", 5, "CONSULT.pledge: unknown type PARLEY"),
])
def test_a_malformed_type_table_names_file_line_and_key(tmp_path: Path, text: str, line: int,
                                                        message: str) -> None:
    bad = tmp_path / "types.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(TripwireError) as caught:
        load_types(bad)
    assert (caught.value.code, caught.value.where, caught.value.message) == (
        "E009", f"{bad}:{line}", message)


def test_a_malformed_context_file_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "contexts.yaml"
    bad.write_text("military: [troop]\nknitting: [wool]\n", encoding="utf-8")
    with pytest.raises(TripwireError) as caught:
        load_contexts(bad)
    assert (caught.value.where, caught.value.message) == (f"{bad}:2", "knitting: unknown context 'knitting'")
    bad.write_text("military: troop\n", encoding="utf-8")
    with pytest.raises(TripwireError) as caught:
        load_contexts(bad)
    assert (caught.value.where, caught.value.message) == (
        f"{bad}:1", "military: must be a non-empty list of words")


def test_invalid_yaml_is_a_tripwire_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("CONSULT:\n  - verbs: [meet\n")
    with pytest.raises(TripwireError) as caught:
        load_triggers(bad, load_types())
    assert caught.value.code == "E009"
    assert str(bad) in caught.value.where


def test_joint_mode_must_be_a_mode_of_its_type(tmp_path: Path) -> None:
    real = Path(load_types.__code__.co_filename).parent / "data" / "types.yaml"
    bad = tmp_path / "types.yaml"
    bad.write_text(real.read_text(encoding="utf-8").replace("joint: joint", "joint: together"),
                   encoding="utf-8")
    with pytest.raises(TripwireError) as caught:
        load_types(bad)
    assert "together" in caught.value.message
    assert str(bad) in caught.value.where


def test_modality_cues_are_an_english_word_file(tmp_path: Path) -> None:
    cues = load_cues()
    assert "would" in cues.reported_auxiliaries and "for" in cues.demand_prepositions
    assert cues.historical_days > 0
    text = word_file("modality").read_text(encoding="utf-8")
    bad = tmp_path / "modality.yaml"
    bad.write_text(text.replace("days_before: 42", "days_before: -3"), encoding="utf-8")
    with pytest.raises(TripwireError) as caught:
        load_cues(bad)
    line = 1 + text[:text.index("days_before: 42")].count("\n")
    assert caught.value.where == f"{bad}:{line}"
    assert caught.value.message.startswith("historical.days_before")
