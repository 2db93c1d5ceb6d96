"""Legal proceedings told around a person (a prosecution's demand for a sentence, a case or a
trial against someone, charges one is held on, a questioning) are accusations by the state that
proceeds: sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from coding import Coding

from tripwire.analyze import analyze, analyze_explained
from tripwire.document import Article
from tripwire.errors import TripwireError
from tripwire.events.lexicon import load_triggers, load_types


def coded(text: str, event_type: str = "ACCUSE") -> list[tuple[str, set[str], set[str]]]:
    return Coding("2024-05-10").coded(text, event_type)


@pytest.mark.parametrize(("text", "source", "target"), [
    # a sentence asked of a court is the prosecution's accusation of whom it is asked for
    ("Zambian prosecutors sought the death penalty for the former police chief.", {"ZMB"},
     {"ZMB"}),
    ("The Peruvian prosecution demanded nine years in jail for two radio editors.", {"PER"},
     {"PER"}),
])
def test_a_demanded_sentence_accuses_whom_it_is_for(text: str, source: set[str],
                                                     target: set[str]) -> None:
    assert ("asserted", source, target) in coded(text)
    assert not coded(text, "REQUEST")


@pytest.mark.parametrize("text", [
    # a length of time asked for no one is no sentence
    "The Bolivian opposition demanded two years of transition before new elections.",
    # a punishment asked of no court and for no one is a plain demand
    "Chilean students demanded an end to the prison reform.",
])
def test_other_demands_stay_requests(text: str) -> None:
    assert not coded(text)


@pytest.mark.parametrize(("text", "modality", "source", "target"), [
    # a proceeding said to exist is brought by the courts of whom it is against
    ("In recent months there have been hundreds of cases against Egyptian bloggers.",
     "asserted", {"EGY"}, {"EGY"}),
    # a state proceeded against is not its own judge: the sentence's other state is
    ("There have been dozens of lawsuits against Russia in Dutch courts.", "asserted", {"NLD"},
     {"RUS"}),
    ("There was no case against the Kenyan journalist.", "negated", {"KEN"}, {"KEN"}),
    # the subject of a verb of happening, the patient of a passive light verb
    ("The trial against the Malian colonel began in Bamako on Monday.", "asserted", {"MLI"},
     {"MLI"}),
    ("Charges against the Malian colonel were filed on Monday.", "asserted", {"MLI"}, {"MLI"}),
    # a named doer preparing one brings it
    ("The Ghanaian government is preparing a corruption case against the former minister.",
     "asserted", {"GHA"}, {"GHA"}),
])
def test_a_proceeding_against_someone_accuses_them(text: str, modality: str, source: set[str],
                                                   target: set[str]) -> None:
    assert (modality, source, target) in coded(text)


def test_a_proceeding_ended_or_failing_is_no_accusation() -> None:
    assert not coded("Charges against the Malian colonel were dropped on Monday.")
    assert not coded("The case against the Malian colonel collapsed.")


def test_the_implied_doer_is_the_judiciary() -> None:
    [event] = [e for e in analyze("There have been dozens of suits against Tunisian lawyers.",
                                  published="2024-05-10").events if e.type == "ACCUSE"]
    assert [(r.text, r.country, r.sector) for r in event.source] == [("", "TUN", "JUD")]


def test_only_proceedings_code_when_said_to_exist() -> None:
    # a threat that is there is a danger, not someone's threat
    assert not coded("There is a serious threat near the Lebanese border.", "THREATEN")


@pytest.mark.parametrize(("text", "source", "target"), [
    # the "of" phrase of a trial is who is tried; a date, a start or an opening frames the trial
    # and its verb is the trial's
    ("A Kenyan court set a date for the trial of the opposition leader.", {"KEN"}, {"KEN"}),
    ("Ugandan judges scheduled the opening of the retrial of a Congolese colonel.", {"UGA"},
     {"COD"}),
])
def test_a_framed_trial_is_brought_by_the_frames_doer(text: str, source: set[str],
                                                      target: set[str]) -> None:
    assert ("asserted", source, target) in coded(text)


def test_a_trial_yet_to_start_is_future_and_a_trial_talked_about_none() -> None:
    assert coded("The trial of the Malian colonel will start in June.") == [
        ("future", {"MLI"}, {"MLI"})]
    assert not coded("The date of the trial of the Malian colonel is unknown.")


@pytest.mark.parametrize(("text", "modality", "source", "target"), [
    # a questioning is the investigators' act on whom it questions; the cause of a reaction
    # happened, a quantity of it included
    ("There was a wave of anger over the second round of questioning of the Tanzanian "
     "opposition leader.", "asserted", {"TZA"}, {"TZA"}),
    ("The questioning of the Tanzanian opposition leader by the Kenyan police lasted six hours.",
     "asserted", {"KEN"}, {"TZA"}),
    # a questioning called for is what a demand asks for
    ("The Tanzanian opposition called for the questioning of the police chief.", "demanded",
     {"TZA"}, {"TZA"}),
])
def test_a_questioning_investigates_whom_it_questions(text: str, modality: str,
                                                      source: set[str],
                                                      target: set[str]) -> None:
    assert (modality, source, target) in coded(text)


@pytest.mark.parametrize(("text", "coerced"), [
    ("Students in Lusaka voiced outrage at the arrest of two Zambian lecturers.", True),
    # the parser hangs the cause on what the reaction is part of
    ("A wave of protests over the detention of a Zambian lecturer swept the capital.", True),
    # what a letter is about is taken as done only when it names whom the act was done to
    ("Students in Lusaka wrote a letter about arrests.", False),
])
def test_the_cause_of_a_reaction_happened(text: str, coerced: bool) -> None:
    assert bool(coded(text, "COERCE")) is coerced


@pytest.mark.parametrize(("entry", "message"), [
    ("  - verbs: [sue]\n    implied_doer: the weather\n", "no generic agent"),
    ("  - nouns: [trial]\n    existential: true\n", "`existential` is for noun entries"),
])
def test_the_new_keys_are_checked(tmp_path: Path, entry: str, message: str) -> None:
    path = tmp_path / "triggers.yaml"
    path.write_text("ACCUSE:\n" + entry, encoding="utf-8")
    with pytest.raises(TripwireError, match=message) as caught:
        load_triggers(path, load_types())
    assert "triggers.yaml" in str(caught.value)


def test_explain_names_the_implied_doer() -> None:
    document, _ = analyze_explained(Article(
        text="There have been dozens of suits against Tunisian students.",
        published="2024-05-10"))
    [event] = [e for e in document.events if e.type == "ACCUSE"]
    assert event.evidence is not None
    assert "existential implied_doer='judiciary'" in event.evidence.pattern
    assert event.evidence.source_heads == []
