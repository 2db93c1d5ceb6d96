"""A gathering as a doer ("the summit condemned ...") speaks for its host, the state it sat in or
who attended it; an act aimed at a deed ("condemned the coup") is aimed at whoever did it, else at
the country it happened in."""

from __future__ import annotations

from coding import Coding, keys

event_of = Coding("2019-04-02").event_of


def test_a_gathering_speaks_for_the_state_it_sat_in() -> None:
    text = ("Regional leaders flew to a summit in Senegal on Sunday. "
            "Officials said the summit condemned the border closures.")
    event = event_of(text, "ACCUSE")
    assert keys(event.source) == {"SEN"}


def test_a_gathering_speaks_for_its_named_host_first() -> None:
    text = ("Norway hosted a meeting on the fisheries dispute in Brussels. "
            "The meeting rejected the quota proposal.")
    event = event_of(text, "REJECT")
    assert keys(event.source) == {"NOR"}


def test_a_gathering_nobody_is_named_for_stays_an_explained_unknown() -> None:
    event = event_of("The conference condemned the shelling of the port.", "ACCUSE")
    [source] = event.source
    assert not keys(event.source)
    assert source.unresolved and "gathering" in source.unresolved


def test_an_indefinite_gathering_does_not_take_up_an_earlier_one() -> None:
    text = ("Egypt hosted a meeting on the canal tolls in Cairo. "
            "A meeting condemned the tariff increase.")
    event = event_of(text, "ACCUSE")
    assert "EGY" not in keys(event.source)


def test_a_condemned_deed_is_aimed_at_its_doer_named_earlier() -> None:
    text = ("Rebel fighters of the Arakan Army launched a raid on a police post overnight. "
            "The Bangladeshi foreign minister condemned the raid on Tuesday.")
    event = event_of(text, "ACCUSE")
    assert "org:arakan-army" in keys(event.target) or "MMR" in keys(event.target)
    assert "BGD" not in keys(event.target)


def test_a_deed_done_during_anothers_act_belongs_to_that_doer() -> None:
    text = ("Ethiopian troops killed three herders during a raid near the river. "
            "Kenya condemned the raid.")
    event = event_of(text, "ACCUSE")
    assert keys(event.target) == {"ETH"}


def test_a_deed_with_no_doer_is_aimed_at_where_it_happened() -> None:
    text = ("A mutiny broke out in Gabon on Thursday. Several ministers fled. "
            "Ghana's president said the regional bloc condemned the mutiny.")
    event = event_of(text, "ACCUSE")
    assert keys(event.target) == {"GAB"}


def test_the_doer_never_aims_a_denial_at_itself() -> None:
    text = ("Witnesses said Sudanese jets carried out a bombing on a market in Chad. "
            "Sudan denied the bombing.")
    event = event_of(text, "REJECT")
    assert keys(event.target) == {"TCD"}


def test_an_abstraction_asked_of_someone_is_aimed_at_the_addressee() -> None:
    event = event_of("Chilean lawyers requested more time from the Inter-American Court of "
                     "Human Rights.", "REQUEST")
    assert "CHL" not in keys(event.target)
    assert keys(event.target)


def test_the_explanation_says_why_a_gathering_resolved() -> None:
    from tripwire.explain import explain_sentence

    lines = explain_sentence("Leaders met at a summit in Malawi. The summit rejected the plan.")
    assert any("gathering held in 'Malawi'" in line for line in lines)
