"""Legal proceedings told around a person (a prosecution's demand for a sentence, a case or a
trial against someone, charges one is held on, a questioning) are accusations by the state that
proceeds: sentences written for these tests."""

from __future__ import annotations

import pytest

from tripwire.analyze import analyze
from tripwire.eval.events import ref_country


def coded(text: str, event_type: str = "ACCUSE") -> list[tuple[str, set[str], set[str]]]:
    """(modality, source countries, target countries) of the events of one type."""
    return [(e.modality, {c for c in map(ref_country, e.source) if c},
             {c for c in map(ref_country, e.target) if c})
            for e in analyze(text, published="2024-05-10").events if e.type == event_type]


@pytest.mark.parametrize(("text", "source", "target"), [
    # a sentence asked of a court is the prosecution's accusation of whom it is asked for
    ("Zambian prosecutors sought the death penalty for the former police chief.", {"ZMB"},
     {"ZMB"}),
    ("The Peruvian prosecution demanded nine years in jail for two radio editors.", {"PER"},
     {"PER"}),
])
def test_a_demanded_sentence_accuses_whom_it_is_for(text: str, source: set[str],
                                                     target: set[str]) -> None:
    assert ("asserted", source, target) in coded(text)
    assert not coded(text, "REQUEST")


@pytest.mark.parametrize("text", [
    # a length of time asked for no one is no sentence
    "The Bolivian opposition demanded two years of transition before new elections.",
    # a punishment asked of no court and for no one is a plain demand
    "Chilean students demanded an end to the prison reform.",
])
def test_other_demands_stay_requests(text: str) -> None:
    assert not coded(text)
