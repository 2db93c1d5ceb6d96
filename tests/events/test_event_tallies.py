"""Acts told over a stretch reaching back from the news, and participles after a dated clause:
sentences written for these tests."""

from __future__ import annotations

from coding import Coding

code = Coding("2025-03-14").events


def modalities(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.modality) for e in code(text)]


def test_a_tally_over_a_long_stretch_back_is_background() -> None:
    assert modalities("Over the last 18 months, 900 rebels have been killed in Mali, the army "
                      "said.") == [("ASSAULT", "historical")]
    assert modalities("In the past three years, police have arrested 400 activists in Togo.") == [
        ("COERCE", "historical")]


def test_a_short_stretch_back_is_news() -> None:
    assert modalities("In the past 24 hours, soldiers have killed 12 rebels in Mali.") == [
        ("ASSAULT", "asserted")]
    assert modalities("Over the last two weeks, police have arrested 40 activists in Togo.") == [
        ("COERCE", "asserted")]


def test_a_participle_takes_the_date_of_its_clause() -> None:
    events = modalities("In October, Chadian troops raided a camp in Niger, arresting ten smugglers.")
    assert events and all(modality == "historical" for _, modality in events)
    events = modalities("On Monday, Chadian troops raided a camp in Niger, arresting ten smugglers.")
    assert events and all(modality == "asserted" for _, modality in events)


def test_what_was_supposed_to_happen_did_not() -> None:
    assert modalities("Chile and Peru were supposed to sign a fishing accord last week.") == [
        ("SUPPORT", "hypothetical")]


def test_what_one_looks_forward_to_is_ahead() -> None:
    assert modalities("I look forward to meeting President Boric in Lima, the Peruvian "
                      "minister said.") == [("CONSULT", "future")]


def test_an_event_said_to_come_takes_the_tense_of_its_copula() -> None:
    assert modalities("There will be an arrest of the colonel, the Peruvian minister said.") == [
        ("COERCE", "future")]
    assert modalities("There was an arrest of the colonel in Lima on Monday.") == [
        ("COERCE", "asserted")]


def test_an_activity_judged_in_general_is_no_act() -> None:
    assert modalities('"It was a mistake to support the Muslim Brotherhood," the Egyptian '
                      "minister said.") == [("SUPPORT", "hypothetical")]
    assert modalities("To collaborate with a terrorist makes you a terrorist, the Nigerian "
                      "minister said.") == [("COOPERATE", "hypothetical")]
    assert modalities("Negotiating with armed groups is considered a crime in Nigeria.") == [
        ("CONSULT", "hypothetical")]
    # a judgement of no activity leaves the act told: "it is clear that ..."
    assert modalities("It is clear that Egypt supported the Muslim Brotherhood.") == [
        ("SUPPORT", "asserted")]
