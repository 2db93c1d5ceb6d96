"""An allegation told as reported speech is an accusation by the speaker of the wrongdoer:
"X says Y violated the charter" (sentences written for these tests)."""

from __future__ import annotations

from coding import Coding

from tripwire.analyze import analyze
from tripwire.document import Event

code = Coding("2024-09-12").events


def accusations(text: str) -> list[Event]:
    return [e for e in code(text) if e.type == "ACCUSE"]


def test_saying_that_someone_did_wrong_accuses_them() -> None:
    [event] = accusations("The farmers' union says the governor abused his office.")
    assert (event.modality, event.mode, event.cameo) == ("asserted", "allege", "110")
    assert [r.text for r in event.source] == ["The farmers' union"]
    assert [r.text for r in event.target] == ["the governor"]


def test_the_agent_of_a_reported_passive_is_the_one_accused() -> None:
    [event] = accusations("The opposition leader stated that the ballots were falsified by "
                          "the ruling party.")
    assert [r.text for r in event.target] == ["the ruling party"]
    assert [r.text for r in event.source] == ["The opposition leader"]


def test_a_wrongdoing_done_for_a_purpose_is_alleged_of_the_doer() -> None:
    [event] = accusations("Lawyers say the junta uses the courts to silence journalists.")
    assert [r.text for r in event.target] == ["the junta"]


def test_words_before_their_speaker_accuse_as_well() -> None:
    [event] = accusations('"The mayor rigged the tender," the councillor said.')
    assert [r.text for r in event.source] == ["the councillor"]
    assert [r.text for r in event.target] == ["The mayor"]


def test_a_reported_judgement_of_an_act_accuses_its_doer() -> None:
    [event] = accusations("Ghana said the Togolese raid on the border village was a crime.")
    assert [r.actor for r in event.source] == ["GHA"]
    assert [r.country for r in event.target] == ["TGO"]
    assert event.mode == "disapprove"


def test_a_denied_wrongdoing_is_no_accusation() -> None:
    assert not accusations("The minister said the police did not intimidate the voters.")
    assert not accusations("The envoy said the ban was not unconstitutional.")


def test_a_wrongdoing_the_speaker_owns_is_no_accusation() -> None:
    assert not accusations('"We breached the protocol," the coach said.')


def test_a_wrongdoing_told_as_fact_or_a_plain_judgement_is_no_accusation() -> None:
    assert not accusations("The senator violated the rules of the chamber in March.")
    assert not accusations("The envoy said the visit was a success.")


def test_an_official_report_of_an_attack_stays_the_attack() -> None:
    events = code("Police said gunmen attacked a checkpoint near Kano on Sunday.")
    assert any(e.type == "ASSAULT" and e.modality == "asserted" for e in events)
    assert not any(e.type == "ACCUSE" for e in events)


def test_a_state_written_us_is_no_first_person() -> None:
    events = analyze("Iranian officials said the US violated the nuclear agreement.",
                     published="2024-01-01").events
    assert [e.type for e in events] == ["ACCUSE"]
