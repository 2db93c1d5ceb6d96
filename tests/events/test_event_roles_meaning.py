"""Roles follow meaning, not position: sentences written for these tests."""

from __future__ import annotations

import pytest

from tripwire.analyze import analyze
from tripwire.eval.events import ref_country


def dyad(text: str, event_type: str) -> tuple[set[str], set[str]]:
    [event] = [e for e in analyze(text, published="2023-03-06").events
               if e.type == event_type and e.modality == "asserted"]
    return ({c for c in map(ref_country, event.source) if c},
            {c for c in map(ref_country, event.target) if c})


@pytest.mark.parametrize(("text", "event_type", "source", "target"), [
    # a rejection is aimed at whoever made the demand, not at its topic
    ("NATO rejected Moscow's demands on Kyiv.", "REJECT", None, {"RUS"}),
    ("Rwanda denied Burundi's accusations.", "REJECT", {"RWA"}, {"BDI"}),
    ("Moscow demands that NATO bar Ukraine from joining. NATO rejected the demands on Tuesday.",
     "REJECT", None, {"RUS"}),
    ("Israel rejected the proposal made by Egypt for a truce in Gaza.", "REJECT", {"ISR"},
     {"EGY"}),
    ("Iran dismissed the accusations levelled by Israel against Hezbollah.", "REJECT", {"IRN"},
     {"ISR"}),
    # an untold maker is never the country the demand is about; a generic one is placed
    ("The African Union rejected the demands on Somalia.", "REJECT", None, set()),
    ("Rebels in Sudan rejected the government's demands.", "REJECT", {"SDN"}, {"SDN"}),
    # condemning an act targets its doer
    ("NATO condemned the attacks by Russia against Ukraine.", "ACCUSE", None, {"RUS"}),
    # ... also when the parser hangs the "by" phrase on the verb (a closing quote between)
    ("Japan and Chile \u201ccondemn the brutal attacks\u201d by Russia against Ukraine.", "ACCUSE",
     {"JPN", "CHL"}, {"RUS"}),
    # who is accused, asked or threatened
    ("Kenya accused Somalia of harbouring militants.", "ACCUSE", {"KEN"}, {"SOM"}),
    ("Norway called on Sudan to release the journalists.", "REQUEST", {"NOR"}, {"SDN"}),
    ("Kenya urged Somalia to release the hostages.", "REQUEST", {"KEN"}, {"SOM"}),
    ("Iran threatened Israel with retaliation.", "THREATEN", {"IRN"}, {"ISR"}),
    # the subject of what is demanded is who is asked, also in a clause parsed as one noun
    ("Peru demanded that Chile return the islands.", "REQUEST", {"PER"}, {"CHL"}),
    ("Russia demands that NATO halt expansion.", "REQUEST", {"RUS"}, {"IGO"}),
    # a warning of what the source itself will do is aimed at whom that acts on
    ("Brazil warned it would sanction Argentina.", "THREATEN", {"BRA"}, {"ARG"}),
    ("Iran warned that it would retaliate against Israel.", "THREATEN", {"IRN"}, {"ISR"}),
    ("Kenya warned that Somalia would face sanctions.", "THREATEN", {"KEN"}, {"SOM"}),
    # ... also when a noun carries the act
    ("Brazil issued a warning that it would sanction Argentina.", "THREATEN", {"BRA"}, {"ARG"}),
    ("Peru renewed its demand that Chile return the islands.", "REQUEST", {"PER"}, {"CHL"}),
    # conjoined subjects give every conjunct
    ("Kenya and Uganda condemned the attack by Somali militants.", "ACCUSE", {"KEN", "UGA"},
     {"SOM"}),
    # a name joined to "anti-", "pro-" or "-backed" says whom a group is for or backed by
    ("Anti-Israel protesters marched in London.", "PROTEST", {"GBR"}, {"GBR"}),
    ("Congo accused the Rwanda-backed rebels of killing civilians in Goma.", "ACCUSE", {"COD"},
     {"COD"}),
    # "both sides", "the two leaders", "the two" are the pair named together before
    ("Japan and Ireland held talks in Tokyo. The two called for calm in Taiwan.", "REQUEST",
     {"JPN", "IRL"}, {"TWN"}),
    ("Ethiopia and Sudan met in Khartoum. The two leaders condemned the attack by the RSF.",
     "ACCUSE", {"ETH", "SDN"}, {"SDN"}),
    # a reciprocal pronoun makes the parties act on one another
    ("Serbia and Kosovo accused each other of provocations.", "ACCUSE", {"SRB"}, {"XKX"}),
    ("Armenia and Azerbaijan blamed one another for the clashes.", "ACCUSE", {"ARM"}, {"AZE"}),
    # nominal events take their roles from the possessor and the of-phrase
    ("Russia's invasion of Ukraine continued.", "ASSAULT", {"RUS"}, {"UKR"}),
    # joint acts are a dyad
    ("Talks between Sudan and Chad resumed on Monday.", "CONSULT", {"SDN"}, {"TCD"}),
])
def test_roles(text: str, event_type: str, source: set[str] | None, target: set[str]) -> None:
    found_source, found_target = dyad(text, event_type)
    assert found_target == target
    if source is not None:
        assert found_source == source


def test_the_doer_of_a_nouns_infinitive_is_its_owner() -> None:
    events = analyze("Kenya welcomed Uganda's decision to withdraw troops from Somalia.",
                     published="2023-03-06").events
    retreat = next(e for e in events if e.type == "RETREAT")
    assert {ref_country(r) for r in retreat.source} == {"UGA"}


def test_two_soldiers_are_no_pair_and_both_sides_need_a_pair_named_before() -> None:
    events = analyze("Japan and Ireland met on Monday. Two soldiers attacked a checkpoint in "
                     "Kabul.", published="2023-03-06").events
    [assault] = [e for e in events if e.type == "ASSAULT"]
    assert {ref_country(r) for r in assault.source} == {"AFG"}
    [agree] = [e for e in analyze("Both sides agreed to a truce.", published="2023-03-06").events
               if e.type == "AGREE"]
    assert [r.actor for r in agree.source] == [None]


def test_a_relative_clause_whose_preposition_lost_its_object_targets_its_noun() -> None:
    events = analyze("Algeria held elections in June. He was one of the officials the president "
                     "has recently consulted with on the subject.", published="2023-03-06").events
    [consult] = [e for e in events if e.type == "CONSULT"]
    assert [(r.text, r.country) for r in consult.target] == [("the officials", "DZA")]


def test_a_thing_in_the_complement_is_no_target() -> None:
    [reject] = [e for e in analyze("Kenya refused to hand over the documents.",
                                   published="2023-03-06").events if e.type == "REJECT"]
    assert "the documents" not in [r.text for r in reject.target]


def test_a_doer_placed_by_the_story_places_what_it_acts_on() -> None:
    # the bishops are of the country the story is about, and so is the conduct they criticise
    events = analyze("Burundi held elections on Monday. On Tuesday the bishops criticised the "
                     "conduct of the polling.", published="2023-03-06").events
    [accuse] = [e for e in events if e.type == "ACCUSE"]
    assert [r.country for r in accuse.source] == ["BDI"]
    assert [r.country for r in accuse.target] == ["BDI"]


def test_an_act_told_as_the_circumstance_of_a_clause_is_done_by_its_doer() -> None:
    events = analyze("Israeli forces killed two Palestinians during an overnight raid in the "
                     "occupied West Bank.", published="2023-03-06").events
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert assaults and all({ref_country(r) for r in e.source} == {"ISR"} for e in assaults)


def test_a_warning_on_a_condition_is_aimed_at_who_must_meet_it() -> None:
    [threat] = [e for e in analyze("Iran warned of severe consequences if Israel attacked its "
                                   "nuclear sites.", published="2023-03-06").events
                if e.type == "THREATEN"]
    assert {ref_country(r) for r in threat.target} == {"ISR"}


def test_an_ethnic_group_is_of_the_other_state_the_sentence_names() -> None:
    events = analyze("Up to 500 ethnic Albanians began a hunger strike to protest against "
                     "Greece's decision to deport them.", published="2023-03-06").events
    [protest] = [e for e in events if e.type == "PROTEST" and e.modality == "asserted"]
    assert {ref_country(r) for r in protest.source} == {"GRC"}


def test_a_demand_that_names_an_alliance_asks_the_alliance() -> None:
    [request] = [e for e in analyze("Russia demands that NATO halt expansion.",
                                    published="2023-03-06").events if e.type == "REQUEST"]
    assert [r.actor for r in request.target] == ["NATO"]


def test_a_pronoun_for_the_source_is_never_the_target_of_its_warning() -> None:
    events = analyze("Chile warned on Monday that it would expel the diplomats of Peru.",
                     published="2023-03-06").events
    threats = [e for e in events if e.type == "THREATEN"]
    assert threats and all({ref_country(r) for r in e.target} == {"PER"} for e in threats)


@pytest.mark.parametrize(("text", "event_type", "target"), [
    # the doer's own troops or envoy are no target; where they are sent back from is
    ("Chile recalled its ambassador in Peru.", "SANCTION", {"PER"}),
    ("Chile said it will recall its ambassador in Peru for consultations.", "THREATEN", {"PER"}),
    ("Kenya urged that Somalia withdraw its troops.", "RETREAT", set()),
])
def test_a_possessive_for_the_doer_is_no_target(text: str, event_type: str,
                                                target: set[str]) -> None:
    [event] = [e for e in analyze(text, published="2023-03-06").events if e.type == event_type]
    assert {ref_country(r) for r in event.target if ref_country(r)} == target


def test_a_place_never_replaces_the_people_a_passive_act_befalls() -> None:
    [event] = [e for e in analyze("The protesters were arrested in Harare on Monday.",
                                  published="2023-03-06").events if e.type == "COERCE"]
    assert [r.text for r in event.target] == ["The protesters"]


@pytest.mark.parametrize(("text", "source"), [
    ("Congo demanded the withdrawal of M23 fighters from every village they hold.", "COD"),
    ("Kenya called for the resignation of the Somali foreign minister.", "SOM"),
])
def test_the_of_phrase_of_a_withdrawal_or_resignation_does_it(text: str, source: str) -> None:
    [event] = [e for e in analyze(text, published="2023-03-06").events if e.type == "RETREAT"]
    assert {ref_country(r) for r in event.source} == {source}


def test_the_of_phrase_of_a_release_undergoes_it() -> None:
    events = analyze("Chad demanded the release of the Sudanese prisoners.",
                     published="2023-03-06").events
    [event] = [e for e in events if e.type == "RETREAT"]
    assert "SDN" not in {ref_country(r) for r in event.source}


def test_a_word_beside_a_named_doer_that_names_no_one_is_no_party() -> None:
    events = analyze("Moscow demands that Ukraine halt attacks on Russian territory.",
                     published="2023-03-06").events
    demanded = [e for e in events if e.modality == "demanded"]
    assert demanded and all([r.actor for r in e.source] == ["UKR"] for e in demanded)


def test_a_rebel_group_demands_talks_with_its_own_government() -> None:
    # the generic agent inside what is demanded is the target; a rebel group, unlike a state's
    # official, acts among its own people, not in the other state the sentence names
    [request] = [e for e in analyze("M23 fighters, who took two more villages last week, are "
                                    "demanding talks with the government.",
                                    published="2023-03-06").events if e.type == "REQUEST"]
    assert [(r.text, r.country) for r in request.target] == [("the government", "COD")]


def test_a_generic_second_object_does_not_hide_whom_a_preposition_names() -> None:
    [reject] = [e for e in analyze("Niger let herders driven out of Mali cross its frontier "
                                   "on Monday, but it still refused entry to Nigerians, the "
                                   "largest group waiting, officials said.",
                                   published="2023-03-06").events if e.type == "REJECT"]
    assert {ref_country(r) for r in reject.target} == {"NGA"}


def test_an_act_offered_once_another_side_acts_is_aimed_at_that_side() -> None:
    # what the condition clause acts on ("an armed group") is no target of the pledge
    [agree] = [e for e in analyze("The Rwandan minister agreed to pull back his soldiers "
                                  "once Congo dissolves a militia that Kigali blames for the "
                                  "raids.",
                                  published="2023-03-06").events if e.type == "AGREE"]
    assert {ref_country(r) for r in agree.target} == {"COD"}


def test_a_conjunct_whose_borrowed_subject_cannot_act_is_the_reporters() -> None:
    [request] = [e for e in analyze("The WHO said conditions in the shelter were dire and "
                                    "called on all sides to let aid trucks through.",
                                    published="2023-03-06").events if e.type == "REQUEST"]
    assert [r.text for r in request.source] == ["WHO"]


def test_a_group_named_only_by_what_it_is_against_is_no_crash_and_no_one_yet() -> None:
    text = ("A militia known as the anti-Moraka fought back, with both the Velani and "
            "anti-Moraka being accused of burning villages.")
    events = analyze(text, published="2023-03-06").events
    assert "ACCUSE" in {e.type for e in events}
