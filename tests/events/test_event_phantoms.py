"""Acts an analyst would not code, or would code once: sentences written for these tests."""

from __future__ import annotations

from tripwire.analyze import analyze
from tripwire.document import Event


def code(text: str, published: str = "2024-05-01") -> list[Event]:
    return analyze(text, published=published).events


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
