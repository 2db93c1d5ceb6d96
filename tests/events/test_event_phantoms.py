"""Acts an analyst would not code, or would code once: sentences written for these tests."""

from __future__ import annotations

from coding import Coding

code = Coding("2024-05-01").events


def test_meeting_and_its_purpose_are_one_consultation() -> None:
    [consult] = [e for e in code("Kenya will meet Uganda on Friday to discuss the border.")
                 if e.type == "CONSULT"]
    assert consult.modality == "future"
    assert [m.text for m in consult.mentions] == ["meet", "discuss"]
    [met] = code("Kenya met Uganda on Tuesday to discuss the border.")
    assert (met.type, met.modality, met.trigger.text) == ("CONSULT", "asserted", "met")


def test_talks_with_no_party_are_not_coded() -> None:
    # no words name who talks with whom: nothing between parties to code
    assert not code("The talks resumed on Monday.")
    assert [e.type for e in code("Chad and Niger resumed talks on Monday.")] == ["CONSULT"]


def test_generic_agents_with_no_country_are_parties() -> None:
    [accusation] = [e for e in code("The army accused the rebels of lying.")
                    if e.type == "ACCUSE"]
    assert [r.sector for r in accusation.source] == ["MIL"]


def test_explain_says_why_a_matched_trigger_was_not_coded() -> None:
    from tripwire.explain import explain_sentence

    lines = explain_sentence("The talks resumed on Monday.", "2024-05-01")
    assert any("'talks' matched CONSULT, but its event names no party" in line for line in lines)
    assert not any("no trigger pattern matched" in line for line in lines)


def test_a_request_for_comment_is_no_request() -> None:
    assert not code("The Kenyan ministry did not answer an email requesting comment.")
    assert not code("Reporters asked the Kenyan police for comment on Monday.")
    assert [e.type for e in code("Kenya asked Uganda for the release of the fishermen.")] == [
        "REQUEST"]


def test_a_prevention_restricts_only_someone_kept_from_an_act() -> None:
    assert not [e for e in code("Kenyan troops were sent to prevent damage to the pipeline.")
                if e.type == "COERCE"]
    [kept] = [e for e in code("Kenya prevented Somali traders from crossing the border.")
              if e.type == "COERCE"]
    assert kept.modality == "asserted"
