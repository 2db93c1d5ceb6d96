"""Verbal acts of real news (appeals, condolences, denials, welcomes) are coded, with the CAMEO
code of their wording; sentences written for these tests."""

from __future__ import annotations

from coding import Coding

from tripwire.document import Event
from tripwire.eval.events import quad_label

code = Coding("2023-03-06").events


def kinds(events: list[Event]) -> set[tuple[str, str]]:
    return {(e.type, e.modality) for e in events}


def test_urging_someone_to_act_is_a_request_and_its_content_demanded() -> None:
    events = code("The Kenyan president urged Ethiopia to withdraw its troops from Somalia.")
    request = next(e for e in events if e.type == "REQUEST")
    assert (request.modality, request.cameo) == ("asserted", "020")
    assert ("RETREAT", "demanded") in kinds(events)


def test_calling_for_calm_and_calling_on_someone_are_requests() -> None:
    assert ("REQUEST", "asserted") in kinds(code("The bishops called for calm in Malawi."))
    assert ("REQUEST", "asserted") in kinds(
        code("Norway called on Sudan to release the detained journalists."))


def test_asking_for_a_release_is_a_request_but_asking_about_is_not() -> None:
    assert ("REQUEST", "asserted") in kinds(
        code("Chile asked for the release of its fishermen held in Peru."))
    assert not any(e.type == "REQUEST" for e in
                   code("Reporters asked the minister about the budget in Lima."))


def test_asking_that_someone_act_is_a_request_aimed_at_them() -> None:
    events = code("Kenya asked that Somalia withdraw its troops from the border.")
    [request] = [e for e in events if e.type == "REQUEST"]
    assert request.modality == "asserted"
    assert [r.actor for r in request.target] == ["SOM"]
    assert not any(e.type == "REQUEST" for e in code("Reporters asked whether the talks had ended."))


def test_advising_someone_not_to_act_is_a_request() -> None:
    events = code("Turkey advised the Iraqi government not to escalate the dispute.")
    assert any(e.type == "REQUEST" and e.modality == "asserted" for e in events)


def test_an_order_is_not_an_appeal() -> None:
    events = code("The junta ordered the newspaper to suspend publication.")
    assert not any(e.type == "REQUEST" for e in events)


def test_condolences_are_support_with_the_empathy_code() -> None:
    [event] = [e for e in code("The Irish prime minister expressed his condolences to Japan.")
               if e.type == "SUPPORT"]
    assert event.cameo == "018"


def test_denying_an_accusation_is_a_rejection_coded_as_a_denial() -> None:
    [event] = [e for e in code("Rwanda denied the accusations made by Burundi.")
               if e.type == "REJECT"]
    assert (event.modality, event.cameo) == ("asserted", "016")


def test_welcoming_a_decision_is_support_welcoming_a_visitor_a_visit() -> None:
    assert "SUPPORT" in {e.type for e in code("Ghana welcomed the ruling of the court.")}
    assert "SUPPORT" not in {e.type for e in code("Ghana welcomed the Nigerian president.")}


def test_statements_and_appeals_are_the_neutral_quad_class() -> None:
    assert quad_label(code("Germany urged Ethiopia to open up its politics.")) == 0
    assert quad_label(code("Germany accused Ethiopia of torture.")) == 3


def test_air_strikes_are_an_assault_not_a_labour_strike() -> None:
    events = code("Russian air strikes on bridges in Ukraine continued on Monday.")
    assert {e.type for e in events} == {"ASSAULT"}
    assert ("PROTEST", "asserted") in kinds(code("Dock workers in Kenya went on strike."))


def test_vowing_to_retaliate_is_a_threat_promising_aid_an_agreement() -> None:
    [threat] = [e for e in code("Iran vowed to retaliate against Israel.")
                if e.modality == "asserted"]
    assert threat.type == "THREATEN"
    assert "AGREE" in {e.type for e in code("Chile promised to send food aid to Peru.")}


def test_exploding_bombs_is_an_assault_and_stopping_work_a_strike() -> None:
    assert {e.type for e in code("Militants detonated a bomb near the market in Kabul.")} == {
        "ASSAULT"}
    assert ("PROTEST", "asserted") in kinds(code("Dock workers in Kenya stopped work on Monday."))


def test_a_request_to_someone_to_act_makes_them_the_doer_of_the_demanded_act() -> None:
    events = code("The European Union reiterated its urgent request to Rwanda to withdraw its "
                  "troops from Congo.")
    retreat = next(e for e in events if e.type == "RETREAT")
    assert retreat.modality == "demanded"
    assert {r.country for r in retreat.source} == {"RWA"}


def test_found_guilty_is_a_conviction_and_hailing_from_is_no_praise() -> None:
    events = code("A court in Kenya found the journalist guilty of treason.")
    assert [(e.type, e.mode) for e in events] == [("SANCTION", "convict")]
    hailing = code("The fighters, hailing from Kenya and Somalia, surrendered.")
    assert all(e.type != "SUPPORT" for e in hailing)


def test_talking_about_a_topic_or_to_reporters_is_no_consultation() -> None:
    assert not code("Talking about the raid in Lahore, the minister said nothing.")
    assert not code("The minister spoke to reporters in Cairo.")
    assert {e.type for e in code("Pakistan talked with India about the border.")} == {"CONSULT"}
