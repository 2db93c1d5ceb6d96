"""Which way a bare "Wednesday" or "March" points: read off the verb that governs it.

A past-tense governor ("said Wednesday", "had been scheduled for Friday") means the last one,
a future one ("will meet Wednesday", "plans to visit in March") the next one; present tense
and deadlines ("until Nov. 16", "by May") leave it open: the nearest one.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tripwire.nlp.syntax import auxiliaries, governing_verb
from tripwire.timex.vocab import vocab

PAST = -1
OPEN = 0
FUTURE = 1

_MAX_HOPS = 4


def _governor(token: Token) -> Token | None:
    """The verb an infinitive hangs from: "plans to meet", "due to expire", "is likely to go"."""
    head = token.head
    for _ in range(_MAX_HOPS):
        if head is token:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head.pos_ != "ADJ":
            return None
        aux = [c for c in head.children if c.dep_ in ("cop", "aux")]
        if aux:
            return aux[0]
        token, head = head, head.head
    return None


def _verb_direction(verb: Token, hops: int = _MAX_HOPS) -> int:
    lex = vocab()
    auxes = auxiliaries(verb)
    if any(a.lower_ in lex.future_auxiliaries for a in auxes):
        return FUTURE
    if any(a.lower_ in lex.past_perfect_auxiliaries for a in (*auxes, verb)):
        return PAST  # past perfect: over before the report, whatever was planned
    if verb.lemma_.lower() in lex.future_verbs or verb.lower_ in lex.future_forms:
        return FUTURE
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if verb.tag_ == "VBN" and any(a.lemma_.lower() in lex.perfect_auxiliaries for a in auxes):
        return PAST
    if any(a.tag_ == "TO" for a in auxes):
        governor = _governor(verb)
        if governor is None or hops == 0:
            return OPEN
        if governor.lemma_ == "be" and governor.tag_ in ("VBZ", "VBP"):  # "is to resume"
            return FUTURE
        return _verb_direction(governor, hops - 1)
    if verb.tag_ == "VBN" and verb.dep_ == "ROOT" and not auxes:
        return PAST
    return OPEN


def direction(span: Span) -> int:
    """PAST, FUTURE or OPEN for the clause a time expression sits in."""
    doc = span.doc
    lex = vocab()
    before = [t.lower_ for t in doc[max(0, span.start - 3) : span.start]]
    if before[-1:] and before[-1] in lex.deadline_words:
        return FUTURE
    if " ".join(before[-2:]) in lex.ahead_phrases:  # "as soon as Tuesday"
        return FUTURE
    if before[-1:] and before[-1] in lex.span_end_words:
        return OPEN
    verb = governing_verb(span.root, _MAX_HOPS)
    return OPEN if verb is None else _verb_direction(verb)
