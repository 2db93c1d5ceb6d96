"""Reported speech: "X said (that) ...", "..., he added", "according to X, ..." (kind indirect).

The content is the clause a reporting verb governs (its `ccomp`), or the rest of the sentence
around "according to X". Clauses that hold a quoted passage are left to the quote they hold.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tripwire.quotes.cues import Cue, CueFinder

MIN_CONTENT_TOKENS = 3
EDGE_PUNCT = frozenset(",;:—–-")


@dataclass(frozen=True)
class ReportedSpeech:
    start: int
    end: int
    cue: Cue


def _trimmed(doc: Doc, first: int, last: int) -> Span | None:
    """doc[first:last+1] without punctuation at its edges, or None when too short to report."""
    while first <= last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_space or doc[last].text in EDGE_PUNCT):
        last -= 1
    if last - first + 1 < MIN_CONTENT_TOKENS:
        return None
    return doc[first : last + 1]


def _clause_of(verb: Token) -> Span | None:
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    return _trimmed(verb.doc, clause.left_edge.i, clause.right_edge.i)


def _around_phrase(doc: Doc, cue: Cue, cues: CueFinder) -> Span | None:
    """The sentence around "according to X", less that phrase."""
    phrase = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    lo, hi = cues.sentence_around(cue.start, cue.end)
    sentence = doc.char_span(lo, hi, alignment_mode="contract")
    if phrase is None or sentence is None or not len(sentence):
        return None
    if phrase.start > sentence.start:
        before = _trimmed(doc, sentence.start, phrase.start - 1)
        if before is not None:
            return before
    if cue.speaker is None:
        return None
    return _trimmed(doc, cue.speaker.right_edge.i + 1, sentence.end - 1)


def find_reported(doc: Doc, cues: CueFinder) -> list[ReportedSpeech]:
    """Reported speech outside quotes, in text order of its content."""
    found: list[ReportedSpeech] = []
    for token in doc:
        if not cues.is_cue_verb(token) or token.lemma_.lower() not in cues.lexicon.reporting_verbs:
            continue
        clause = _clause_of(token)
        if clause is None or cues.any_quoted(clause.start, clause.end - 1):
            continue
        cue = cues.verb_cue(token)
        found.append(ReportedSpeech(clause.start_char, clause.end_char, cue))
    for start, end, phrase in cues.phrases:
        if phrase.speaker != "object":
            continue
        cue = cues.phrase_cue(start, end, phrase)
        content = _around_phrase(doc, cue, cues)
        if content is None or cues.any_quoted(content.start, content.end - 1):
            continue
        found.append(ReportedSpeech(content.start_char, content.end_char, cue))
    found.sort(key=lambda r: r.start)
    return found
