"""Mojibake, stray entities and stray markup are repaired and recorded."""

from __future__ import annotations

from tripwire.clean import clean_article
from tripwire.clean.encoding import repair_markup, repair_mojibake
from tripwire.document import Article, Repair


def test_mojibake_is_repaired_and_recorded():
    text, repairs = repair_mojibake("The ministerâ€™s office said â€œnoâ€\ufffd today.")
    assert text == "The minister’s office said “no” today."
    assert repairs == [
        Repair("mojibake", "ministerâ€™s", "minister’s"),
        Repair("mojibake", "â€œnoâ€\ufffd", "“no”"),
    ]


def test_clean_text_is_left_alone():
    text = "“Diplomacy can fail,” she said — the café stayed open."
    assert repair_mojibake(text) == (text, [])
    assert repair_mojibake("plain ascii") == ("plain ascii", [])


def test_entities_and_stray_tags_are_removed():
    text, repairs = repair_markup("Eastmark &amp; Westvale<br>agreed <b>today</b>.")
    assert text == "Eastmark & Westvale\nagreed today."
    assert Repair("entity", "&amp;", "&") in repairs
    assert Repair("markup", "<br>", "\n") in repairs
    assert Repair("markup", "<b>", "") in repairs


def test_clean_article_records_encoding_repairs():
    cleaned = clean_article(Article(text="Itâ€™s over, the mayor said."))
    assert cleaned.text == "It’s over, the mayor said."
    assert cleaned.repairs == [Repair("mojibake", "Itâ€™s", "It’s")]


def test_control_characters_are_dropped_and_recorded():
    cleaned = clean_article(Article(text="Talks\x00 resumed\x07 today."))
    assert cleaned.text == "Talks resumed today."
    assert cleaned.repairs == [
        Repair("control-character", "'\\x00'", ""),
        Repair("control-character", "'\\x07'", ""),
    ]
