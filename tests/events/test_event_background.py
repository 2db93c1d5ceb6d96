"""Background or news peg: which past acts an article tells as its story and which as what came
before (sentences written for these tests)."""

from __future__ import annotations

from coding import Coding, only

PUBLISHED = "2023-03-08"  # a Wednesday


code = Coding(PUBLISHED).events


def test_relative_clause_closing_the_sentence_goes_on_with_the_story() -> None:
    events = code("The court read its verdict to the farmers' union, which rejected the decision.")
    assert only(events, "REJECT").modality == "asserted"


def test_relative_clause_after_a_dragged_noun_takes_the_main_clause_day() -> None:
    events = code("The envoy chaired a summit in Accra on Monday, at the close of which she "
                  "urged the rebels to disarm.")
    request = only(events, "REQUEST")
    assert request.modality == "asserted"
    assert request.date == "2023-03-06"


def test_continuing_relative_clause_of_a_past_year_is_background() -> None:
    events = code("In 2011 the envoy chaired a summit in Accra, at the end of which she urged "
                  "the rebels to disarm.")
    request = only(events, "REQUEST")
    assert request.modality == "historical"
    assert request.date is not None and request.date.startswith("2011")


def test_restrictive_relative_clause_stays_background() -> None:
    events = code("The court fined the union that rejected the decision.")
    assert only(events, "REJECT").modality == "historical"


def test_relative_clause_inside_the_sentence_stays_background() -> None:
    events = code("The union, which rejected the decision, appealed on Monday.")
    assert only(events, "REJECT").modality == "historical"


def test_passive_or_perfect_relative_clause_describes_its_noun() -> None:
    assert only(code("The court named the victim, who was shot by soldiers."),
                "ASSAULT").modality == "historical"
    assert only(code("The court named the victim, who has been detained by soldiers."),
                "COERCE").modality == "historical"


def test_clause_conjoined_to_a_relative_clause_shares_its_background() -> None:
    for text in ("The ministry named the traders who were detained by customs officers and "
                 "were accused of smuggling.",
                 "The ministry named the traders who were detained by customs officers and "
                 "accused of smuggling."):
        assert only(code(text), "ACCUSE").modality == "historical", text


def test_clause_conjoined_to_a_main_clause_is_news() -> None:
    events = code("Customs officers detained the traders and were accused of abuse.")
    assert only(events, "ACCUSE").modality == "asserted"


def test_conjoined_clause_shares_a_negated_relative_clause() -> None:
    events = code("The ministry named the traders who were not detained by customs officers "
                  "and accused of smuggling.")
    assert only(events, "ACCUSE").modality == "negated"


def test_absolute_phrase_takes_the_time_of_its_clause() -> None:
    events = code("The vote in 2019 was marred by unrest, with hundreds of students detained "
                  "and dozens killed.")
    for event_type in ("COERCE", "ASSAULT"):
        event = only(events, event_type)
        assert event.modality == "historical", event_type
        assert event.date is not None and event.date.startswith("2019"), event_type


def test_absolute_phrase_of_a_clause_in_the_news_is_news() -> None:
    arrest = only(code("The vote on Sunday was marred by unrest, with dozens of students "
                       "arrested by the police."), "COERCE")
    assert arrest.modality == "asserted"
    assert arrest.date == "2023-03-05"


def test_instrument_phrase_is_not_an_absolute_phrase() -> None:
    events = code("On Monday rebels attacked the town with weapons supplied by Iran.")
    assert only(events, "ASSAULT").modality == "asserted"
    assert only(events, "AID").modality == "historical"


def test_previous_step_of_the_same_doer_is_news() -> None:
    events = code("After accusing the rebels of shelling the market, the army announced a "
                  "curfew.")
    assert only(events, "ACCUSE").modality == "asserted"


def test_previous_step_of_the_same_doer_takes_the_main_clause_time() -> None:
    events = code("In 2012, after accusing the rebels of shelling the market, the army "
                  "announced a curfew.")
    accusation = only(events, "ACCUSE")
    assert accusation.modality == "historical"
    assert accusation.date is not None and accusation.date.startswith("2012")
    monday = only(code("On Monday, after accusing the rebels of shelling the market, the army "
                       "announced a curfew."), "ACCUSE")
    assert (monday.modality, monday.date) == ("asserted", "2023-03-06")


def test_earlier_act_of_another_doer_is_background() -> None:
    events = code("After the rebels shelled the market, the army imposed a curfew.")
    assert only(events, "ASSAULT").modality == "historical"
    assert only(events, "COERCE").modality == "asserted"


def test_time_adjunct_after_a_telling_verb_is_not_what_is_told() -> None:
    events = code("The minister told journalists about the plan after meeting union leaders.")
    assert only(events, "CONSULT").modality == "asserted"


def test_news_period_is_six_weeks() -> None:
    assert only(code("Soldiers detained the union leader on January 20."),
                "COERCE").modality == "historical"
    assert only(code("Soldiers detained the union leader on February 1."),
                "COERCE").modality == "asserted"


def test_month_without_a_day_counts_from_its_middle() -> None:
    published = "2023-03-20"
    assert only(code("In February, soldiers detained the union leader.", published),
                "COERCE").modality == "asserted"
    assert only(code("Soldiers detained the union leader on February 1.", published),
                "COERCE").modality == "historical"


def test_what_a_background_clause_saw_is_background() -> None:
    events = code("The ministry blamed Chad for the unrest, which has seen soldiers clash with "
                  "herders.")
    assert only(events, "ASSAULT").modality == "historical"
    assert only(events, "ACCUSE").modality == "asserted"


def test_perceived_act_is_no_mandate() -> None:
    assert only(code("The unrest has seen soldiers clash with herders."),
                "ASSAULT").modality == "asserted"
    assert only(code("The minister insisted that soldiers withdraw from the border."),
                "RETREAT").modality == "demanded"


def test_what_a_background_speaker_said_is_told_as_said() -> None:
    events = code("The ministry suspended the officer who said that soldiers clashed with "
                  "herders.")
    assert only(events, "ASSAULT").modality == "asserted"
