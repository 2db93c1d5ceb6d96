"""Modality mechanisms found on TimeML factuality (benchmarks/modality_eval.py), on sentences
written for these tests: intentions, refusals and prohibitions, "for X to" complements, and
governors the lemmatizer misreads."""

from __future__ import annotations

from coding import Coding

code = Coding("2023-03-06").events


def modalities(text: str) -> dict[str, str]:
    """Each coded event's trigger word and modality."""
    return {e.trigger.text: e.modality for e in code(text)}


def test_a_wish_with_a_doer_of_its_own_is_a_demand() -> None:
    assert modalities("Moldova wants Romania to withdraw its soldiers from the border "
                      "region.")["withdraw"] == "demanded"


def test_a_wish_without_a_doer_of_its_own_is_an_announced_intention() -> None:
    # announced by its named subject, the intention is coded as the pledge it is
    events = code("Moldova wants to withdraw its soldiers from the border region.")
    assert [(e.type, e.modality) for e in events] == [("AGREE", "asserted")]


def test_hope_is_an_intention_whatever_the_lemmatizer_says() -> None:
    assert modalities("The governor hopes to meet the striking teachers next "
                      "week.")["meet"] == "future"
    assert modalities("Bolivia hoped to sign the trade accord with Peru.")["sign"] == "future"


def test_a_prohibited_or_hindered_act_is_negated() -> None:
    assert modalities("Riot police barred the farmers from blocking the "
                      "highway.")["blocking"] == "negated"
    assert modalities("The junta forbade the journalists to visit the "
                      "prison.")["visit"] == "negated"


def test_a_hindrance_itself_is_asserted() -> None:
    assert modalities("Riot police barred the farmers from blocking the "
                      "highway.")["barred"] == "asserted"


def test_for_infinitive_after_a_demand_is_demanded() -> None:
    assert modalities("The bishop called for the army to withdraw from the northern "
                      "city.")["withdraw"] == "demanded"
    assert modalities("The union pushed for the government to negotiate with the striking "
                      "miners.")["negotiate"] == "demanded"


def test_for_infinitive_after_another_verb_stays_a_purpose() -> None:
    # "for ... to" after a verb that asks nothing is what the act is meant to bring about
    assert modalities("The mediators waited for the rebels to withdraw from the "
                      "city.")["withdraw"] == "hypothetical"


def test_a_plural_present_after_a_saying_is_no_mandate() -> None:
    # "attack" with a plural subject is the present, whatever the tagger calls it
    assert modalities("The monitor says the militias attack the villages at "
                      "night.")["attack"] == "asserted"


def test_a_bare_verb_after_a_demand_is_a_mandate_whatever_its_subject() -> None:
    assert modalities("The panel demanded that the generals free the "
                      "journalists.")["free"] == "demanded"
    assert modalities("The panel asked that the soldiers be withdrawn from the "
                      "villages.")["withdrawn"] == "demanded"


def test_a_leading_condition_scopes_over_its_own_clause_only() -> None:
    # the "if" of the fronted clause does not mark the main clause: "will attack" is read as
    # it is when the condition follows ("will attack if the talks fail")
    before = code("If the talks fail, the Ruritanian army will attack the border towns.")
    after = code("The Ruritanian army will attack the border towns if the talks fail.")
    assert [(e.type, e.modality) for e in before] == [(e.type, e.modality) for e in after]
    assert modalities("If the talks fail, the army would attack the border "
                      "towns.")["attack"] == "hypothetical"


def test_a_present_necessity_calls_for_the_act_a_past_one_tells_it() -> None:
    assert modalities("The army has to withdraw its troops from the town.")["withdraw"] == \
        "demanded"
    assert modalities("The army had to withdraw its troops from the town.")["withdraw"] == \
        "asserted"
    assert modalities("The ministry did not have to free the journalists.")["free"] == \
        "negated"


def test_an_appearance_is_an_inference() -> None:
    assert modalities("The rebels seem to have seized the port.")["seized"] == "hypothetical"


def test_a_plan_there_is_none_of_is_negated_a_doubt_there_is_none_of_affirms() -> None:
    events = code("Ruritania has no plans to withdraw its troops from the border.")
    assert [e.modality for e in events if e.type == "RETREAT"] == ["negated"]
    assert modalities("Ruritania has plans to withdraw its troops from the "
                      "border.")["withdraw"] == "hypothetical"
    assert modalities("There is no doubt that the militia attacked the "
                      "village.")["attacked"] == "asserted"
