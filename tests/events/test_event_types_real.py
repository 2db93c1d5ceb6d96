"""Acts of real news that need more than a verb's lemma: blame by naming, legal action against
someone, what a demand asks for, purposes of a journey, and participles that name people;
sentences written for these tests."""

from __future__ import annotations

import pytest

from tripwire.analyze import analyze
from tripwire.document import Event


def code(text: str) -> list[Event]:
    return analyze(text, published="2024-05-06").events


def kinds(events: list[Event]) -> set[tuple[str, str]]:
    return {(e.type, e.modality) for e in events}


@pytest.mark.parametrize("text", [
    "The president branded the jailed opponents as traitors.",
    "The foreign minister called the air strike a war crime.",
    "The opposition leader rejected the count, describing it as rigged.",
])
def test_naming_with_a_word_of_blame_is_an_accusation(text: str) -> None:
    assert ("ACCUSE", "asserted") in kinds(code(text))


def test_naming_without_blame_is_no_accusation() -> None:
    assert not any(e.type == "ACCUSE" for e in code("The mayor called the festival a success."))


def test_legal_action_against_someone_is_an_accusation() -> None:
    events = code("Prosecutors opened a trial against the former governor in Lagos.")
    accusation = next(e for e in events if e.type == "ACCUSE")
    assert accusation.trigger.text == "trial"
    assert not any(e.type == "ACCUSE" for e in code("The trial of the vaccine ended in June."))


def test_what_a_demand_asks_for_is_coded_as_demanded() -> None:
    events = code("The rebels demanded the withdrawal of the army units.")
    assert {("REQUEST", "asserted"), ("RETREAT", "demanded")} <= kinds(events)
    assert ("RETREAT", "demanded") in kinds(code("Chile pushed for the release of the prisoners."))


def test_a_verbal_act_a_journey_is_made_for_happens_with_it() -> None:
    assert ("CONSULT", "asserted") in kinds(
        code("The Kenyan president travelled to Addis Ababa to discuss the border with Abiy."))
    assert ("CONSULT", "future") in kinds(
        code("The Kenyan president will travel to Addis Ababa to discuss the border with Abiy."))
    # a purpose of any other act is only intended
    events = code("Police fired tear gas to disperse the crowd in Nairobi.")
    assert all(e.modality == "hypothetical" for e in events if e.trigger.text == "disperse")


def test_a_counted_participle_names_people_not_an_attack() -> None:
    events = code("Doctors said 40 wounded were brought to the hospital in Kabul.")
    assert not any(e.type == "ASSAULT" for e in events)
