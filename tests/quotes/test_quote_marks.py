"""Quote-mark scanning: every mark style, nesting, apostrophes, run-on paragraphs, odd input."""

from __future__ import annotations

import pytest

from tripwire.quotes.lexicon import default_lexicon
from tripwire.quotes.marks import find_passages, paragraphs


def quoted(text: str) -> list[str]:
    return [text[p.start : p.end] for p in find_passages(text, default_lexicon())]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("“Talks can fail,” the envoy said.", "Talks can fail"),
        ('"Talks can fail," the envoy said.', "Talks can fail"),
        ("‘Talks can fail,’ the envoy said.", "Talks can fail"),
        ("'Talks can fail,' the envoy said.", "Talks can fail"),
        ("«Talks can fail», the envoy said.", "Talks can fail"),
        ("„Talks can fail“, the envoy said.", "Talks can fail"),
        ("‹Talks can fail›, the envoy said.", "Talks can fail"),
        ("''Talks can fail,'' the envoy said.", "Talks can fail"),
        ("”Talks can fail,” the envoy said.", "Talks can fail"),
    ],
)
def test_every_mark_style_pairs_up(text: str, words: str) -> None:
    assert quoted(text) == [words]


def test_nested_quotes_stay_inside_the_outer_passage() -> None:
    text = "“They told us ‘wait’ and we waited,” she said."
    assert quoted(text) == ["They told us ‘wait’ and we waited"]


def test_nested_curly_inside_straight_quotes() -> None:
    text = 'He read: "The form asks “Are you sure?” and I was." Then he left.'
    assert quoted(text) == ["The form asks “Are you sure?” and I was."]


def test_apostrophes_are_not_quote_marks() -> None:
    text = "The ministers’ meeting didn’t end. The '90s were calm, the envoy's aide said."
    assert quoted(text) == []


def test_partial_quote_inside_a_sentence() -> None:
    text = "The bloc wants to “hear every side” before it votes."
    assert quoted(text) == ["hear every side"]


def test_split_quote_gives_two_passages() -> None:
    text = "“We are ready,” the minister said, “but not at any price.”"
    assert quoted(text) == ["We are ready", "but not at any price."]


def test_unclosed_quote_ends_with_its_paragraph_and_runs_on() -> None:
    text = (
        "“The first part of the statement goes on.\n\n"
        "“And the second part ends here,” the spokesman said.\n\n"
        "A plain paragraph follows."
    )
    passages = find_passages(text, default_lexicon())
    assert [text[p.start : p.end] for p in passages] == [
        "The first part of the statement goes on.",
        "And the second part ends here",
    ]
    assert passages[0].close_at is None
    assert [p.continues for p in passages] == [False, True]


def test_unclosed_quote_without_a_following_quote_does_not_run_on() -> None:
    text = "“A quote that never closes.\n\nA plain paragraph."
    passages = find_passages(text, default_lexicon())
    assert [text[p.start : p.end] for p in passages] == ["A quote that never closes."]


def test_single_newlines_separate_paragraphs() -> None:
    assert list(paragraphs("One.\nTwo.\n\n\nThree.")) == [(0, 4), (5, 9), (12, 18)]


@pytest.mark.parametrize(
    "text",
    ["“", '"', "'", "”", "«", "“ ”", '""', "“...”", "“!?”", "'' ''", "  \n\n  ", ""],
)
def test_lone_marks_and_quotes_without_words_give_nothing(text: str) -> None:
    assert quoted(text) == []


@pytest.mark.parametrize("mark", ['"', "“", "”", "'", "''", "«"])
def test_ten_thousand_quote_marks(mark: str) -> None:
    text = mark * 10_000
    assert quoted(text) == []
    around = quoted(f"{text} a word {text}")
    assert len(around) <= 1
    assert all("a word" in words for words in around)
