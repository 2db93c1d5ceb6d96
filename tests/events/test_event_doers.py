"""Who can do an act: forces of nature and things that give way do no one's act, and measures
hit or target only in a figure of speech (tripwire.events.matching `natural_doer`,
`except_subjects`)."""

from __future__ import annotations

from tripwire.analyze import analyze
from tripwire.explain import explain_sentence


def types(text: str) -> list[str]:
    return [e.type for e in analyze(text, published="2024-02-10").events]


def test_a_storm_or_a_falling_wall_does_no_act() -> None:
    assert types("Hurricane Lenora slammed into the southern coast of Belize on Sunday.") == []
    assert types("A collapsing wall injured nine pupils in Kisumu on Friday.") == []
    assert types("Floodwater cut off the main road to the northern province.") == []


def test_the_same_verbs_with_a_person_or_a_weapon_as_doer_are_acts() -> None:
    assert "ASSAULT" in types("Rebels attacked the northern town of Kaga on Friday.")
    assert "ASSAULT" in types("Rockets hit the northern town of Kaga on Friday.")
    assert "ACCUSE" in types("The opposition leader slammed the interior minister on Friday.")


def test_measures_hit_and_target_only_figuratively() -> None:
    assert "ASSAULT" not in types("Exporters in Chile were hit by new tariffs last week.")
    assert "ASSAULT" not in types(
        "The senate passed legislation targeting the Bolivian interior ministry.")


def test_explain_says_why_a_disaster_is_no_event() -> None:
    lines = "\n".join(explain_sentence("A powerful earthquake struck the capital on Monday."))
    assert "force of nature" in lines


def test_a_verbal_act_needs_someone_to_make_it() -> None:
    assert types("The new proposal offers a chance to end the war in Darfur.") == []
    assert types("The decision demands an answer from Kenya.") == []
    # a demonstrative that stands for a situation says nothing either
    assert types("This does not offer a way out of the crisis for Mali.") == []
    assert types("The ministry offered talks to the rebels on Monday.") == ["AGREE"]
    # a statement speaks for whoever issued it
    assert "REQUEST" in types("The statement demanded the release of the detained journalists.")


def test_an_analyst_reads_the_news_and_does_not_make_it() -> None:
    assert types("Analysts warn that the truce in Tigray could collapse within weeks.") == []
    assert types("Mark Dorsey, an economist at the Lowy Institute, urged Kenya to cut "
                 "spending.") == []
    # an expert who speaks for an organisation acts for it
    assert "REQUEST" in types("The UN expert urged Myanmar to release the prisoners.")
    assert "THREATEN" in types("Kenyan President William Ruto warned Somalia against "
                               "violating the border.")


def test_must_lays_an_obligation_on_someone_else() -> None:
    assert types("Ruto said Somalia must withdraw its troops.") == ["REQUEST", "RETREAT"]
    # the speaker's own side takes it on: a resolve, not a request
    assert types('"We must protect our borders," the Kenyan minister said.') == []
    # a thing cannot be asked to act
    assert types('"The decision must stand," the Kenyan minister said.') == []
