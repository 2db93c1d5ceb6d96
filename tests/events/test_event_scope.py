"""Modality and date follow the event's own clause: sentences written for these tests (background
dated by its own time expression, the news peg dated to its own clause, cues scoped to their
clause)."""

from __future__ import annotations

import pytest
from coding import Coding, only

from tripwire.analyze import analyze

code = Coding("2023-03-06").events


def test_act_dated_years_back_is_historical() -> None:
    event = only(code("In 1998 the Peruvian navy detained a Chilean fishing crew."), "COERCE")
    assert event.modality == "historical"
    assert event.date is not None and event.date.startswith("1998")


def test_news_peg_is_dated_to_its_own_clause_not_a_relative_clause() -> None:
    events = code("On Friday the prosecutor accused Maria Lopez, who governed the province "
                  "from 1990 to 1997, of fraud.")
    accusation = only(events, "ACCUSE")
    assert accusation.modality == "asserted"
    assert accusation.date == "2023-03-03"


def test_conjoined_clause_shares_the_date_of_its_head() -> None:
    events = code("In 2009 the Kenyan police arrested three Somali traders and burned "
                  "their shops.")
    assert {e.modality for e in events if e.type in ("COERCE", "ASSAULT")} == {"historical"}


def test_background_clause_dated_within_the_news_period_is_asserted() -> None:
    events = code("The senator condemned the killing of Ali Musa, who was shot dead by "
                  "soldiers in Nigeria earlier this month.")
    shooting = only(events, "ASSAULT")
    assert shooting.modality == "asserted"


def test_act_dated_some_months_back_is_background() -> None:
    event = only(code("In November 2022 Egypt's president met the French president in Paris.",
                      published="2023-07-20"), "CONSULT")
    assert event.modality == "historical"


def test_act_dated_earlier_this_month_is_news() -> None:
    event = only(code("Earlier this month Egypt's president met the French president in Paris.",
                      published="2023-07-20"), "CONSULT")
    assert event.modality == "asserted"


def test_negation_scopes_over_its_own_clause_only() -> None:
    events = code("The guards did not answer and opened fire on the crowd in Kenya.")
    assert only(events, "ASSAULT").modality == "asserted"
    shared = code("Kenya will not meet or talk with Somalia.")
    assert {e.modality for e in shared if e.type == "CONSULT"} == {"negated"}


def test_a_conjoined_clause_shares_the_background_of_the_relative_clause_it_continues() -> None:
    events = code("He named the police officers in Lahore who used teargas and beat the women.")
    assert all(e.modality == "historical" for e in events if e.type == "ASSAULT")


def test_relative_clause_of_a_time_takes_that_time() -> None:
    events = code("The tension dates back to last May, when the Kenyan army shelled a Somali "
                  "border post.")
    shelling = only(events, "ASSAULT")
    assert shelling.modality == "historical"
    assert shelling.date is not None and shelling.date.startswith("2022-05")


def test_when_clause_takes_the_date_of_the_clause_it_hangs_on() -> None:
    events = code("In 2011, when the Kenyan police arrested three Somali traders, the "
                  "traders' families protested.")
    arrest = only(events, "COERCE")
    assert arrest.modality == "historical"
    assert arrest.date is not None and arrest.date.startswith("2011")


def test_a_denied_plan_announces_no_threat() -> None:
    events = code("The Kenyan government denied it planned to attack Somalia.")
    assert not any(e.type == "THREATEN" for e in events)
    assert [e.modality for e in events if e.type == "ASSAULT"] == ["negated"]


def test_a_plan_that_is_not_made_announces_no_threat() -> None:
    events = code("Kenya did not plan to attack Somalia.")
    assert not any(e.type == "THREATEN" for e in events)


def test_a_negated_negation_still_affirms() -> None:
    events = code("Kenya will not hesitate to send aid to Somalia.")
    assert any(e.modality in ("asserted", "future") for e in events)
    assert not any(e.modality == "negated" for e in events)


@pytest.mark.parametrize("text", [
    "No one was killed in the raid on the Kenyan border post.",
    "None of the Somali protesters were arrested.",
    "The Kenyan police arrested nobody.",
])
def test_a_participant_that_is_no_one_negates_the_act(text: str) -> None:
    events = [e for e in code(text) if e.type in ("ASSAULT", "COERCE")]
    assert events and {e.modality for e in events if e.trigger.text in ("killed", "arrested")} \
        == {"negated"}


@pytest.mark.parametrize("text", [
    "The rebels said they\u2019ll attack the Kenyan convoy.",
    "The rebels say they\u2019re going to attack the Kenyan convoy.",
])
def test_typographic_apostrophes_keep_the_future(text: str) -> None:
    document = analyze(text, published="2023-03-06")
    assert not [e for e in document.events if e.type == "ASSAULT" and e.modality == "asserted"]
    assert document.text == text
    for event in document.events:
        trigger = event.trigger
        assert document.text[trigger.start:trigger.end] == trigger.text


def test_a_mandative_subjunctive_is_demanded_under_any_verb() -> None:
    [retreat] = [e for e in code("Kenya insisted that Somalia withdraw its troops.")
                 if e.type == "RETREAT"]
    assert retreat.modality == "demanded"
    [told] = [e for e in code("Kenya insisted that Somalia withdrew its troops.")
              if e.type == "RETREAT"]
    assert told.modality == "asserted"


def test_a_doerless_gerund_that_a_predicate_judges_is_no_act() -> None:
    events = code("Boycotting the Kenyan elections is not enough, the Somali opposition said.")
    assert not [e for e in events if e.type == "PROTEST" and e.modality == "asserted"]


@pytest.mark.parametrize(("text", "event_type", "modality"), [
    ("The new law allows police to arrest suspects without a warrant.", "COERCE", "hypothetical"),
    ("The court permitted the army to deploy troops in the capital.", "MOBILIZE", "hypothetical"),
    ("The guards let the protesters march to the square.", "PROTEST", "hypothetical"),
    ("The protesters were not allowed to march to the square.", "PROTEST", "negated"),
])
def test_a_permitted_act_is_not_told_as_done(text: str, event_type: str, modality: str) -> None:
    assert only(code(text), event_type).modality == modality


def test_a_whether_question_announces_nothing_under_a_reporting_verb() -> None:
    events = code("The minister said he would meet the Iranian president.")
    assert only(events, "CONSULT").modality == "future"
    events = code("Asked whether he would meet the Iranian president, the minister said no.")
    assert only(events, "CONSULT").modality == "hypothetical"


@pytest.mark.parametrize(("text", "event_type", "modality"), [
    # a modal auxiliary: an obligation is called for, a capability is possible
    ("The world should sanction the Russian government.", "SANCTION", "demanded"),
    ("A court which can prosecute war criminals was founded in Rome.", "ACCUSE", "hypothetical"),
    # an adjective a copula judges the act with, in either complement
    ("It is hard to condemn the Kenyan government.", "ACCUSE", "hypothetical"),
    ("It would be wrong to sanction the Russian government.", "SANCTION", "hypothetical"),
    ("It is necessary to arrest the killers.", "COERCE", "demanded"),
    ("It is important that the army withdraw its troops.", "RETREAT", "demanded"),
    # an adjective that judges how the act was done leaves it done
    ("The minister was quick to condemn the Kenyan government.", "ACCUSE", "asserted"),
])
def test_an_act_judged_or_called_for_is_not_told_as_done(text: str, event_type: str,
                                                          modality: str) -> None:
    assert only(code(text), event_type).modality == modality


@pytest.mark.parametrize("text", [
    "The Kenyan police routinely arrest protesters.",
    "Soldiers regularly detained journalists at the border.",
])
def test_a_habitual_practice_is_background_not_one_act(text: str) -> None:
    assert only(code(text), "COERCE").modality == "historical"


def test_a_standing_stance_with_always_stays_asserted() -> None:
    assert only(code("Kenya has always supported the Somali government."),
                "SUPPORT").modality == "asserted"


def test_an_act_a_negated_copula_judges_is_negated() -> None:
    assert only(code("It is not possible to arrest the killers."), "COERCE").modality == "negated"
