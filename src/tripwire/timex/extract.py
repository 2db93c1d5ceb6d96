"""Find candidate time expressions: spaCy's DATE/TIME entities plus patterns for what it misses
("now", "currently", "the past", "every month", numeric dates), merged into one span each."""

from __future__ import annotations

import functools

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab as SpacyVocab

from tripwire.nlp import doc_text
from tripwire.timex.absolute import ISO_DATE, NUMERIC_DATE
from tripwire.timex.vocab import vocab

LABELS = ("DATE", "TIME")


def _holiday_words(name: str) -> list[str]:
    """Holiday names as spaCy splits them: "new year's day" -> new, year, 's, day."""
    return name.replace("'s", " 's").split()


@functools.cache
def _joiners() -> frozenset[str]:
    """The text between a date and a time that makes them one expression: nothing, a space, a
    comma, or a joining word ("10 am on Monday")."""
    return frozenset({"", " ", ", ", *(f" {word} " for word in vocab().date_time_joiners)})


@functools.cache
def _matchers(spacy_vocab: SpacyVocab) -> tuple[PhraseMatcher, Matcher]:
    """Pattern matchers for one spaCy vocabulary, built once."""
    lex = vocab()
    phrases = PhraseMatcher(spacy_vocab, attr="LOWER")
    phrases.add("TIME", [Doc(spacy_vocab, words=p.split()) for p in sorted(lex.search_phrases)])
    holidays = [Doc(spacy_vocab, words=_holiday_words(name)) for name in sorted(lex.holidays)]
    phrases.add("HOLIDAY", holidays)
    repeated = sorted(set(lex.units) | set(lex.weekdays) | set(lex.months) | set(lex.parts_of_day))
    plural_days = sorted(f"{w}s" for w in lex.weekdays if len(w) > 3)
    matcher = Matcher(spacy_vocab)
    days = sorted(w for w in lex.weekdays if len(w) > 3) + sorted(lex.relative_days)
    months = sorted(
        {w for w in lex.months if len(w) > 3 or w in lex.capitalised_months} | {f"{w}." for w in lex.months}
    )
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


def _pattern_spans(doc: Doc, text: str) -> list[Span]:
    phrases, matcher = _matchers(doc.vocab)
    spans = [Span(doc, s, e, label="DATE") for _, s, e in phrases(doc)]
    spans += [Span(doc, s, e, label=doc.vocab.strings[k]) for k, s, e in matcher(doc)]
    dates = [m for pattern in (ISO_DATE, NUMERIC_DATE) for m in pattern.finditer(text)]
    for m in dates:
        span = doc.char_span(m.start(), m.end(), label="DATE", alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


def _joinable(left: Span, right: Span, text: str) -> bool:
    """ "10 p.m. Wednesday", "Wednesday night", "5 p.m. EST, Nov. 6": a TIME beside a DATE."""
    gap = text[left.end_char : right.start_char]
    if gap not in _joiners() or {left.label_, right.label_} != {"TIME", "DATE"}:
        return False
    day = left if left.label_ == "DATE" else right
    lex = vocab()
    return any(
        t.lower_.rstrip(".") in lex.months
        or t.lower_ in lex.weekdays
        or t.lower_ in lex.relative_days
        for t in day
    )


def _names_date(tokens: Span) -> bool:
    lex = vocab()
    return any(
        t.lower_.rstrip(".") in lex.months
        or t.lower_ in lex.weekdays
        or (t.shape_ == "dddd" and t.text[:1] in "12")
        for t in tokens
    )


def _split_span(span: Span) -> list[Span]:
    """Two expressions in one entity: "the quarter ended Sept. 30" (a period and the day it
    ended), "between 1985 and 1987", "Sept. 14 to Thursday" (the two ends of a range)."""
    doc = span.doc
    lex = vocab()
    for token in span:
        if not span.start < token.i < span.end - 1:
            continue
        left = Span(doc, span.start, token.i, label=span.label_)
        right = Span(doc, token.i + 1, span.end, label=span.label_)
        if token.lower_ in lex.period_end_words:  # the head is a length: "the year ended June 30"
            return [Span(doc, left.start, left.end, label="DURATION"), right]
        if token.lower_ in lex.direction_words and doc[token.i - 1].lower_ in lex.units:
            # "three days last week": a length, then when
            return [left, Span(doc, token.i, span.end, label=span.label_)]
        if token.lower_ in lex.range_joiners and _names_date(left) and _names_date(right):
            if left[0].lower_ in lex.range_openers and len(left) > 1:
                left = Span(doc, left.start + 1, left.end, label=span.label_)
            return [left, right]
    return [span]


def candidate_spans(doc: Doc) -> list[Span]:
    """Non-overlapping candidate spans in text order; overlapping finds are merged."""
    text = doc_text(doc)
    entities = [e for e in doc.ents if e.label_ in LABELS]
    found = [part for e in entities for part in _split_span(e)] + _pattern_spans(doc, text)
    found.sort(key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in found:
        if merged and (span.start < merged[-1].end or _joinable(merged[-1], span, text)):
            last = merged[-1]
            label = last.label_ if last.label_ in LABELS else span.label_
            merged[-1] = Span(doc, last.start, max(last.end, span.end), label=label)
        else:
            merged.append(span)
    return merged
