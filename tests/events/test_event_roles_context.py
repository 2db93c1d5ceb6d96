"""Roles placed by the article around them: where a generic agent is, whom it is against, who
a definite title or a kin noun is, who a joined passive is done by. Sentences written for
these tests."""

from __future__ import annotations

import pytest
from coding import Coding, countries

coding = Coding("2023-03-06")


@pytest.mark.parametrize("text", [
    # whom a generic agent is against is not its home
    "Tuareg elders, who have long campaigned against Algeria, accused Malian officials of "
    "neglect.",
    # nor who backs it
    "Tuareg tribes, backed by a French-led coalition, accused Malian officials of neglect.",
])
def test_a_generic_doer_is_not_of_its_adversary_or_its_sponsor(text: str) -> None:
    accuse = coding.event_of(text, "ACCUSE")
    assert countries(accuse.source) == {"MLI"}


def test_a_generic_doer_is_where_its_own_clause_puts_it() -> None:
    text = ("Tuareg militias fighting against Algeria in the Malian north have called on the "
            "government of Assimi Goita to intervene.")
    request = coding.event_of(text, "REQUEST")
    assert countries(request.source) == {"MLI"}



def test_a_definite_title_takes_up_the_office_holder_named_with_it() -> None:
    # an unqualified "the foreign minister" is the one named before, not of the last state
    # the story named
    text = ("Russia’s foreign minister met the Chinese president in Beijing on Monday. "
            "Later, the foreign minister criticised Japan for its sanctions.")
    accuse = coding.event_of(text, "ACCUSE")
    assert countries(accuse.source) == {"RUS"}
    assert all((r.actor or "").startswith("person:") for r in accuse.source)



def test_a_bare_participle_joined_to_a_passive_is_undergone_by_its_subject() -> None:
    tortured = coding.event_of("Two Chadian reporters were detained and tortured.", "ASSAULT")
    assert not any("Chadian" in r.text for r in tortured.source)
    assert any("Chadian" in r.text for r in tortured.target)


def test_a_participle_joined_to_a_passive_modifier_is_done_by_its_agent() -> None:
    text = ("The Karen rebels, trained and supported by the Thai army, have held the pass for "
            "years.")
    support = coding.event_of(text, "SUPPORT", "supported")
    assert countries(support.source) == {"THA"}
    assert [r.text for r in support.target] == ["The Karen rebels"]


def test_the_owner_of_an_act_on_someone_named_in_its_of_phrase_does_it() -> None:
    # "X's detention" is undergone by X, but in "X's detention of Y" X detains Y
    detention = coding.event_of("Iran's detention of a French teacher has strained ties.",
                                "COERCE")
    assert countries(detention.source) == {"IRN"}
    assert countries(detention.target) == {"FRA"}


def test_kin_of_a_named_person_are_someone_else_of_that_country() -> None:
    text = ("Uhuru Kenyatta spoke in Nairobi on Monday. Kenyatta’s son later denounced the "
            "verdict against the editors.")
    accuse = coding.event_of(text, "ACCUSE")
    assert countries(accuse.source) == {"KEN"}
    # neither the father nor his state: a person the text does not name
    assert [r.actor for r in accuse.source] == [None]
