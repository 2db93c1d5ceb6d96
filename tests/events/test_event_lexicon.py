"""The lexicon files load, cover PLOVER, and bad files fail with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripwire.errors import TripwireError
from tripwire.events.lexicon import default_lexicon, load_cues, load_triggers, load_types
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
    assert [p.type for p in lexicon.nouns["talk"]] == ["CONSULT"]
    # constrained patterns come before plain ones of the same lemma
    send = lexicon.verbs["send"]
    assert all(p.objects for p in send)


def test_bad_mode_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("CONSULT:\n  - verbs: [meet]\n  - verbs: [parley]\n    mode: dance\n")
    with pytest.raises(TripwireError) as caught:
        load_triggers(bad, load_types())
    assert caught.value.code == "E009"
    assert caught.value.where == f"{bad}:3"
    assert "dance" in caught.value.message


def test_unknown_type_and_unquoted_yes_no_are_reported(tmp_path: Path) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text("PARLEY:\n  - verbs: [meet]\n")
    with pytest.raises(TripwireError, match="unknown PLOVER type 'PARLEY'"):
        load_triggers(bad, load_types())
    bad.write_text("CONCEDE:\n  - verbs: [back]\n    particles: [down, off]\n")
    with pytest.raises(TripwireError, match="quote yes/no/on/off") as caught:
        load_triggers(bad, load_types())
    assert caught.value.where == f"{bad}:2"


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
    bad.write_text(text.replace("days_before: 60", "days_before: -3"), encoding="utf-8")
    with pytest.raises(TripwireError) as caught:
        load_cues(bad)
    line = 1 + text[:text.index("days_before: 60")].count("\n")
    assert caught.value.where == f"{bad}:{line}"
    assert caught.value.message.startswith("historical.days_before")
