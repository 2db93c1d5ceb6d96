"""Find candidate time expressions: spaCy's DATE/TIME entities plus patterns for what it misses
("now", "currently", "the past", "every month", numeric dates), merged into one span each."""

from __future__ import annotations

import functools
import re

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab as SpacyVocab

from tripwire.timex.vocab import vocab

LABELS = ("DATE", "TIME")
_NUMERIC_DATE = re.compile(r"\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b")
_JOINERS = {"", " ", ", ", " on ", " of "}
_PERIOD_ENDS = {"ended", "ending", "ends", "through"}


@functools.cache
def _matchers(spacy_vocab: SpacyVocab) -> tuple[PhraseMatcher, Matcher]:
    """Pattern matchers for one spaCy vocabulary, built once."""
    lex = vocab()
    phrases = PhraseMatcher(spacy_vocab, attr="LOWER")
    phrases.add("TIME", [Doc(spacy_vocab, words=p.split()) for p in sorted(lex.search_phrases)])
    repeated = sorted(set(lex.units) | set(lex.weekdays) | set(lex.months) | set(lex.parts_of_day))
    plural_days = sorted(f"{w}s" for w in lex.weekdays if len(w) > 3)
    matcher = Matcher(spacy_vocab)
    days = sorted(w for w in lex.weekdays if len(w) > 3) + sorted(lex.relative_days)
    months = sorted(w for w in lex.months if len(w) > 3 or w == "may")
    matcher.add(
        "DATE",
        [
            [{"LOWER": {"IN": days}}],
            [
                {"LOWER": {"IN": months}, "IS_TITLE": True},
                {"TEXT": ".", "OP": "?"},
                {"SHAPE": {"IN": ["d", "dd"]}},
            ],
        ],
    )
    matcher.add(
        "SET",
        [
            [
                {"LOWER": {"IN": sorted(lex.set_quantifiers)}},
                {"LIKE_NUM": True, "OP": "?"},
                {"LOWER": {"IN": repeated}},
            ],
            [{"LOWER": {"IN": plural_days}}],
        ],
    )
    return phrases, matcher


def _pattern_spans(doc: Doc) -> list[Span]:
    phrases, matcher = _matchers(doc.vocab)
    spans = [Span(doc, s, e, label="DATE") for _, s, e in phrases(doc)]
    spans += [Span(doc, s, e, label=doc.vocab.strings[k]) for k, s, e in matcher(doc)]
    for m in _NUMERIC_DATE.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), label="DATE", alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


def _joinable(left: Span, right: Span, doc: Doc) -> bool:
    """ "10 p.m. Wednesday", "Wednesday night", "5 p.m. EST, Nov. 6": a TIME beside a DATE."""
    gap = doc.text[left.end_char : right.start_char]
    return gap in _JOINERS and "TIME" in (left.label_, right.label_) and left.label_ != right.label_


def _split_periods(span: Span) -> list[Span]:
    """ "the quarter ended Sept. 30" is two expressions: the period and the day it ended."""
    for token in span:
        if token.lower_ in _PERIOD_ENDS and span.start < token.i < span.end - 1:
            doc = span.doc
            return [
                Span(doc, span.start, token.i, label=span.label_),
                Span(doc, token.i + 1, span.end, label=span.label_),
            ]
    return [span]


def candidate_spans(doc: Doc) -> list[Span]:
    """Non-overlapping candidate spans in text order; overlapping finds are merged."""
    entities = [e for e in doc.ents if e.label_ in LABELS]
    found = [part for e in entities for part in _split_periods(e)] + _pattern_spans(doc)
    found.sort(key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in found:
        if merged and (span.start < merged[-1].end or _joinable(merged[-1], span, doc)):
            last = merged[-1]
            label = last.label_ if last.label_ in LABELS else span.label_
            merged[-1] = Span(doc, last.start, max(last.end, span.end), label=label)
        else:
            merged.append(span)
    return merged
