"""Acts of real news that need more than a verb's lemma: blame by naming, legal action against
someone, what a demand asks for, purposes of a journey; sentences written for these tests."""

from __future__ import annotations

import pytest
from coding import Coding

from tripwire.document import Event

code = Coding("2024-05-06").events


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


def test_going_somewhere_to_act_is_no_future_and_a_forecast_no_threat() -> None:
    events = code("The volunteers were blamed for going to fight for a militia abroad.")
    assert not any(e.type == "THREATEN" for e in events)
    assert ("THREATEN", "asserted") in kinds(code("The rebels are going to attack Goma."))
    assert not any(e.type == "THREATEN" for e in
                   code("The rebels are likely to attack Goma, analysts said."))


def test_committing_crimes_is_no_pledge_but_committing_to_withdraw_is() -> None:
    assert not any(e.type == "AGREE" for e in code("The militia committed crimes in Homs."))
    assert ("AGREE", "asserted") in kinds(
        code("The government committed to withdrawing its troops from Homs."))


def test_an_attempt_is_not_yet_the_act() -> None:
    events = code("Officials from Kenya are trying to help the refugees in Dadaab.")
    assert all(e.modality == "hypothetical" for e in events if e.type == "AID")


def test_concern_about_someone_is_disapproval() -> None:
    events = code("Japan and Ireland are seriously concerned about China's drills near Taiwan.")
    assert ("ACCUSE", "asserted") in kinds(events)
    assert not any(e.type == "ACCUSE" for e in code("Farmers in Kenya are concerned."))


def test_naming_with_a_word_of_praise_is_support() -> None:
    assert ("SUPPORT", "asserted") in kinds(
        code("Kishida called Ireland an important partner in Tokyo."))


def test_a_negated_negation_affirms() -> None:
    events = code("Iran will not hesitate to provide assistance to Iraq.")
    assert ("AGREE", "asserted") in kinds(events)
    assert not any(e.modality == "negated" for e in events)


def test_an_indirect_question_takes_its_content_as_happened() -> None:
    events = code("Officials could not yet say how many villagers were killed in Kunduz.")
    assert ("ASSAULT", "asserted") in kinds(events)


def test_what_came_just_before_a_dated_act_takes_its_date() -> None:
    events = code("Twelve councillors were detained in the morning after they marched to the town hall.")
    assert ("PROTEST", "asserted") in kinds(events)
    events = code("The rebels signed a deal in 2015 after they attacked the capital.")
    assert ("ASSAULT", "historical") in kinds(events)


def test_a_free_participle_is_done_with_the_main_act_not_refused() -> None:
    events = code("The opposition leader refused to accept the count, describing it as rigged.")
    assert ("ACCUSE", "asserted") in kinds(events)
    assert ("REJECT", "asserted") in kinds(events)


@pytest.mark.parametrize("text", [
    "The Kenyan president ordered troops into the border district.",
    "The defence minister ordered two battalions to the frontier.",
])
def test_an_order_that_moves_troops_is_their_deployment(text: str) -> None:
    assert ("MOBILIZE", "asserted") in kinds(code(text))


def test_an_order_to_act_stays_a_demand() -> None:
    events = code("The Kenyan president ordered troops to withdraw from the border district.")
    assert ("MOBILIZE", "asserted") not in kinds(events)
    assert ("RETREAT", "demanded") in kinds(events)


def test_a_reaction_that_greets_a_plan_is_no_meeting() -> None:
    assert not any(e.type == "CONSULT"
                   for e in code("The Kenyan plan was met with anger in Somalia."))
    assert any(e.type == "CONSULT"
               for e in code("The Kenyan president met the Somali president in Nairobi."))


def test_a_doing_talked_about_is_a_topic_not_a_report() -> None:
    events = code("The president tweeted about firing missiles at the rebels.")
    assert ("ASSAULT", "hypothetical") in kinds(events)
    assert ("ASSAULT", "asserted") not in kinds(events)
    assert ("ASSAULT", "asserted") in kinds(code("Troops fired missiles at the rebels about an "
                                                 "hour later."))


def test_hitting_out_at_someone_is_criticism_not_an_attack() -> None:
    assert ("ACCUSE", "asserted") in kinds(code("Bolivia hit out at Paraguay over the river dam."))
    assert "ASSAULT" not in {t for t, _ in kinds(code("Bolivia hit out at Paraguay on Friday."))}
    assert ("ACCUSE", "asserted") in kinds(code("The envoy lashed out at the Paraguayan cabinet."))
    # the verb alone is still an attack
    assert ("ASSAULT", "asserted") in kinds(code("Bolivian drones hit a Paraguayan depot."))


def test_storming_a_building_is_a_raid() -> None:
    assert ("COERCE", "asserted") in kinds(code("Soldiers stormed the Ecuadorian consulate in Lima."))
    assert kinds(code("The delegates stormed out of the hall.")) == set()


def test_a_border_closed_or_reopened_to_a_neighbour() -> None:
    assert ("SANCTION", "asserted") in kinds(code("Ghana closed its border with Togo on Sunday."))
    assert ("CONCEDE", "asserted") in kinds(code("Ghana reopened its border with Togo."))
    # closing a shop or a meeting is no sanction
    assert "SANCTION" not in {t for t, _ in kinds(code("Ghana closed the meeting with Togo."))}


def test_the_first_of_two_objects_receives_what_is_given() -> None:
    # the parser reads "sent Malawi tents" as two objects: Malawi receives
    [aid] = [e for e in code("Zambia sent Malawi tents and blankets.") if e.type == "AID"]
    assert {r.country for r in aid.target} == {"MWI"}


def test_aid_offered_or_pledged_is_a_promise() -> None:
    assert ("AGREE", "asserted") in kinds(code("Zambia offered help to Malawi after the floods."))
    assert "AID" not in {t for t, _ in kinds(code("Zambia pledged food aid to Malawi."))}
    assert ("AID", "asserted") in kinds(code("Zambia delivered food aid to Malawi."))
