"""Quotes with their kinds, cues and speakers, on short news-style texts written for these tests."""

from __future__ import annotations

import pytest

from tripwire.actors import resolve_actors
from tripwire.document import Quote
from tripwire.nlp import parse
from tripwire.quotes import find_quotes


def quotes_of(text: str) -> list[Quote]:
    doc = parse(text)
    return find_quotes(doc, resolve_actors(doc, "2024-03-01"))


def summary(text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, words, speaker text, cue) of every quote."""
    return [
        (q.kind, q.text, q.speaker.text if q.speaker else None, q.cue) for q in quotes_of(text)
    ]


def test_cue_after_the_quote() -> None:
    assert summary("“The border stays open,” Maria Lindqvist said.") == [
        ("direct", "The border stays open", "Maria Lindqvist", "said")
    ]


def test_inverted_cue() -> None:
    assert summary("“The border stays open,” said Maria Lindqvist.") == [
        ("direct", "The border stays open", "Maria Lindqvist", "said")
    ]


def test_cue_before_the_quote_with_a_colon() -> None:
    assert summary("Maria Lindqvist warned: “The border will not stay open forever.”") == [
        ("direct", "The border will not stay open forever.", "Maria Lindqvist", "warned")
    ]


def test_split_quote_has_one_speaker() -> None:
    text = "“We are ready to talk,” Maria Lindqvist said, “but not at any price.”"
    assert summary(text) == [
        ("direct", "We are ready to talk", "Maria Lindqvist", "said"),
        ("direct", "but not at any price.", "Maria Lindqvist", "said"),
    ]


def test_second_quote_after_a_full_stop_belongs_to_the_same_speaker() -> None:
    text = "“We are ready,” Maria Lindqvist said. “The next move is theirs.”"
    assert [s for _, _, s, _ in summary(text)] == ["Maria Lindqvist", "Maria Lindqvist"]


def test_pronoun_speaker_is_the_last_named_person() -> None:
    text = (
        "Foreign minister Maria Lindqvist met her counterpart on Tuesday.\n\n"
        "“Nothing was agreed,” she said after the meeting."
    )
    quote = quotes_of(text)[0]
    assert quote.speaker is not None
    assert quote.speaker.text == "Foreign minister Maria Lindqvist" or quote.speaker.text.endswith(
        "Maria Lindqvist"
    )
    assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


def test_nominal_speaker_is_the_last_named_speaker() -> None:
    text = (
        "“Our forces are ready,” General Tomas Brenner said on Friday.\n\n"
        "“We will defend every village,” the army chief added."
    )
    speakers = [q.speaker.text for q in quotes_of(text) if q.speaker]
    assert speakers == ["General Tomas Brenner", "General Tomas Brenner"]


def test_paragraph_quote_without_a_cue_belongs_to_the_current_speaker() -> None:
    text = (
        "“The talks were useful,” Maria Lindqvist said.\n\n"
        "“We expect a second round before the summer.”"
    )
    found = summary(text)
    assert found[1] == ("direct", "We expect a second round before the summer.",
                        "Maria Lindqvist", "said")


def test_quote_running_over_two_paragraphs_keeps_its_speaker() -> None:
    text = (
        "Maria Lindqvist told reporters: “The first point is simple.\n\n"
        "“The second point is harder.”\n\n"
        "The talks resume on Monday."
    )
    found = summary(text)
    assert [(k, w, s) for k, w, s, _ in found] == [
        ("direct", "The first point is simple.", "Maria Lindqvist"),
        ("direct", "The second point is harder.", "Maria Lindqvist"),
    ]


def test_partial_quote_inside_a_sentence() -> None:
    text = "Maria Lindqvist called the proposal “a step backwards” on Monday."
    assert summary(text) == [("partial", "a step backwards", "Maria Lindqvist", "called")]


def test_partial_quote_without_a_cue_takes_the_clause_subject() -> None:
    text = "The coalition wants to “hear every side” before it votes."
    assert summary(text) == [("partial", "hear every side", "The coalition", "wants")]


def test_according_to() -> None:
    text = "The convoy crossed the river at dawn, according to Maria Lindqvist."
    assert summary(text) == [
        ("indirect", "The convoy crossed the river at dawn", "Maria Lindqvist", "according to")
    ]


def test_reported_speech_with_that() -> None:
    text = "Maria Lindqvist said that the convoy had crossed the river."
    assert summary(text) == [
        ("indirect", "that the convoy had crossed the river", "Maria Lindqvist", "said")
    ]


def test_reported_speech_with_the_cue_after() -> None:
    text = "The convoy had crossed the river, Maria Lindqvist said."
    assert summary(text) == [
        ("indirect", "The convoy had crossed the river", "Maria Lindqvist", "said")
    ]


def test_said_in_a_statement() -> None:
    text = "“We condemn the attack,” the ministry said in a statement."
    assert summary(text) == [
        ("direct", "We condemn the attack", "the ministry", "said in a statement")
    ]


def test_credit_dash_after_the_quote() -> None:
    text = "“Nobody asked us.” ― Maria Lindqvist"
    assert summary(text) == [("direct", "Nobody asked us.", "Maria Lindqvist", "―")]


def test_quote_offsets_point_at_the_words() -> None:
    text = "Officials said little. “Diplomacy takes time,” Maria Lindqvist said."
    for quote in quotes_of(text):
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker:
            assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


def test_said_inside_a_quote_is_not_reported_speech() -> None:
    text = "“He said that we would lose,” Maria Lindqvist recalled."
    assert [k for k, *_ in summary(text)] == ["direct"]


def test_quote_without_any_speaker() -> None:
    assert summary("“Never again.”") == [("direct", "Never again.", None, None)]


@pytest.mark.parametrize(
    "text",
    ["“", "”", '"', "“”", "“ ”", '" " "', "“...”", "'", "''", "said", "according to",
     pytest.param("“a” " * 5_000, marks=pytest.mark.slow),
     pytest.param('"a" ' * 5_000, marks=pytest.mark.slow), "He said: “", "according to " * 500],
)
def test_odd_input_does_not_fail(text: str) -> None:
    """Ten thousand marks between words here; bare runs of marks are in test_quote_marks (the
    parser itself takes long over ten thousand bare marks)."""
    for quote in quotes_of(text):
        assert any(ch.isalnum() for ch in quote.text)


def test_titles_and_scare_quotes_without_a_cue_are_not_quotes() -> None:
    text = (
        "She appeared on the talk show “Morning Round Table” and defended what critics dubbed "
        "her “sweeping” plan."
    )
    assert summary(text) == []


def test_short_partial_quote_with_a_cue_is_kept() -> None:
    text = "Maria Lindqvist called the plan “reckless” on Monday."
    assert summary(text) == [("partial", "reckless", "Maria Lindqvist", "called")]


def test_words_quoted_after_a_new_sentence_are_not_a_split_quote() -> None:
    text = (
        "“We are ready,” Maria Lindqvist said. She added that the bloc has nine members, "
        "“seven in the north and two in the south”, and praised the talks."
    )
    kinds = [(k, w) for k, w, _, _ in summary(text) if k != "indirect"]
    assert kinds == [
        ("direct", "We are ready"),
        ("partial", "seven in the north and two in the south"),
    ]


def test_quote_after_a_sentence_introducing_a_new_person_is_theirs() -> None:
    text = (
        "“We are ready,” Maria Lindqvist said.\n\n"
        "Later in the day Tomas Brenner took the floor. “We are not.”"
    )
    assert [s for _, _, s, _ in summary(text)] == ["Maria Lindqvist", "Tomas Brenner"]


def test_statement_saying_belongs_to_who_issued_it() -> None:
    text = "Maria Lindqvist issued a statement saying the plan was “a step backwards.”"
    found = [(k, w, s) for k, w, s, _ in summary(text) if k == "partial"]
    assert found == [("partial", "a step backwards.", "Maria Lindqvist")]


def test_according_to_a_work_by_a_person_names_the_person() -> None:
    text = "The plan would cost “far more than promised,” according to estimates by Maria Lindqvist."
    found = [(k, s) for k, _, s, _ in summary(text) if k == "partial"]
    assert found == [("partial", "Maria Lindqvist")]


def test_partial_quote_without_a_cue_belongs_to_the_current_speaker() -> None:
    text = ("“We will not sign,” Maria Lindqvist said. "
            "“Nobody in this government will sign a deal that cuts” pensions.")
    assert summary(text)[1] == (
        "partial", "Nobody in this government will sign a deal that cuts", "Maria Lindqvist",
        "said",
    )


def test_partial_quote_without_a_cue_or_earlier_speaker_has_none() -> None:
    text = "Tariffs are rising. “Nobody in this government will sign a deal that cuts” pensions."
    assert summary(text) == [
        ("partial", "Nobody in this government will sign a deal that cuts", None, None)
    ]


def test_subject_outside_the_quote_beats_one_inside_it() -> None:
    text = "“My reaction, that was wrong,” Carney's former campaign manager said in an interview."
    assert summary(text) == [
        ("direct", "My reaction, that was wrong", "Carney's former campaign manager",
         "said in an interview")
    ]


def test_description_between_commas_stands_for_the_name_before_it() -> None:
    text = ("“That is wrong. There is a gap between this government and frankly the minister and "
            "our navy,” Lindqvist, a senior adviser, said Thursday.")
    assert [s for _, _, s, _ in summary(text)] == ["Lindqvist"]


def test_clause_between_commas_before_the_cue_is_skipped() -> None:
    text = ("Ottawa Says It Will Act on 'Housing Costs.'\n\nOTTAWA -- Prime Minister Mark Carney, "
            "opening the Canadian Museum of Nature and Science on Monday, said it would "
            "''change how we see the north.''")
    assert summary(text)[-1] == (
        "partial", "change how we see the north.", "Prime Minister Mark Carney", "said"
    )


def test_a_description_stands_for_the_person_named_before_only_if_it_fits() -> None:
    text = ("Deputy police chief Abdul Qaderi said one suspect had been arrested. The Nato "
            "spokesman said a car had been driven into the wall. Former Kenyan President Uhuru "
            "Kenyatta met the rebels in Goma. \"We are here to listen,\" the former Kenyan "
            "president said.")
    doc = parse(text)
    speakers = [(q.speaker.text, q.speaker.actor) for q in find_quotes(doc, resolve_actors(doc, "2023-07-13"))
                if q.speaker is not None]
    assert ("The Nato spokesman", "NATO") in speakers  # not the police chief named before
    assert ("Uhuru Kenyatta", "person:uhuru-kenyatta") in speakers  # a Kenyan named before


def test_a_date_or_a_quantifier_before_the_name_is_no_part_of_the_speaker() -> None:
    speakers = [s for _, _, s, _ in summary(
        'At the assembly in September Bolton declared: "We are not going." '
        "Both Kotey and Elsheikh said they were innocent.")]
    assert speakers == ["Bolton", "Kotey"]
