"""Nouns predicated of a clause's patient through a preposition ("came under attack", "placed
under house arrest", "under US sanctions"): sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from coding import Coding

from tripwire.analyze import analyze
from tripwire.errors import TripwireError
from tripwire.events.lexicon import default_lexicon, load_triggers, load_types
from tripwire.explain import why_not
from tripwire.nlp import parse

coded = Coding("2024-05-10").coded


@pytest.mark.parametrize(("text", "event_type", "source", "target"), [
    # the subject of an intransitive clause undergoes it; the noun's own agent does it
    ("Kenyan soldiers came under attack from Somali militants near the border on Monday.",
     "ASSAULT", {"SOM"}, {"KEN"}),
    # the patient of a passive, and the doer of an active clause that acts on someone
    ("Two Nigerien journalists were placed under house arrest by the junta.", "COERCE", {"NER"},
     {"NER"}),
    ("The Ugandan police placed the opposition leader under house arrest.", "COERCE", {"UGA"},
     {"UGA"}),
    # a phrase before the verb is said of its subject, not of its object
    ("Iran, under US sanctions, opened talks with Iraq.", "SANCTION", {"USA"}, {"IRN"}),
])
def test_the_patient_of_the_clause_undergoes_the_noun(text: str, event_type: str,
                                                      source: set[str],
                                                      target: set[str]) -> None:
    assert ("asserted", source, target) in coded(text, event_type)


def test_the_clause_decides_the_modality() -> None:
    [(modality, _, target)] = coded("The former Zambian minister has been under house arrest "
                                    "since 2019.", "COERCE")
    assert modality == "historical" and target == {"ZMB"}
    assert [m for m, _, _ in coded("Chadian troops did not come under fire.", "ASSAULT")] \
        == ["negated"]


@pytest.mark.parametrize("text", [
    # "under" an agreement, a law or a plan says by what, not what was undergone
    "Under the agreement, Sudan will withdraw its troops from the border.",
    # sanctions that are only talked about are undergone by no one
    "The Kenyan minister commented on the sanctions.",
    # what a verb of speaking is about is no act on its speaker
    "The Nigerian governor declined to comment on life under the curfew.",
])
def test_only_the_predicating_prepositions_code(text: str) -> None:
    assert not [e for e in analyze(text, published="2024-05-10").events
                if e.trigger.text in ("agreement", "sanctions", "curfew")]


def test_predicative_is_for_noun_entries(tmp_path: Path) -> None:
    path = tmp_path / "triggers.yaml"
    path.write_text("ASSAULT:\n  - verbs: [attack]\n    predicative: [under]\n",
                    encoding="utf-8")
    with pytest.raises(TripwireError, match="`predicative` is for noun entries"):
        load_triggers(path, load_types())


def test_explain_says_why_a_predicated_noun_is_not_coded() -> None:
    doc = parse("The Kenyan minister commented on the sanctions.")
    [sanctions] = [t for t in doc if t.lower_ == "sanctions"]
    [pattern] = [p for p in default_lexicon().nouns["sanction"] if p.predicative]
    assert why_not(pattern, sanctions, set()).startswith("not said of anyone through ['under']")
