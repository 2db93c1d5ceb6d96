"""Subjects of cue verbs on parses built by hand, so that a parser's slip is reproduced exactly."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from tripwire.nlp.syntax import subject_of


def test_a_dash_taken_for_a_subject_is_passed_over() -> None:
    # "... made public ― Carney boasted": the parser made the dash a second subject.
    doc = Doc(
        Vocab(),
        words=["public", "―", "Carney", "boasted", "."],
        heads=[1, 3, 3, 3, 3],
        deps=["amod", "nsubj", "nsubj", "ROOT", "punct"],
        pos=["ADJ", "NOUN", "PROPN", "VERB", "PUNCT"],
    )
    subject = subject_of(doc[3])
    assert subject is not None and subject.text == "Carney"


def test_a_verb_with_only_a_dash_for_subject_borrows_none() -> None:
    doc = Doc(
        Vocab(),
        words=["―", "boasted", "."],
        heads=[1, 1, 1],
        deps=["nsubj", "ROOT", "punct"],
        pos=["NOUN", "VERB", "PUNCT"],
    )
    assert subject_of(doc[1]) is None
