"""Code PLOVER events from parsed sentences (DESIGN.md: who did what to whom, when, where,
according to whom, and whether it happened at all)."""

from __future__ import annotations

from spacy.tokens import Doc

from tripwire.actors import ActorResolution
from tripwire.document import Event, Quote, TimeExpr
from tripwire.events.coder import code_sentence
from tripwire.events.dedup import has_party, merge_clauses, merge_restatements
from tripwire.events.lexicon import EventLexicon, default_lexicon
from tripwire.events.roles import ActorLookup
from tripwire.timex.calendar import parse_anchor

__all__ = ["MAX_SENTENCE_TOKENS", "code_events"]

# A "sentence" longer than this is run-on text (a table, a list, an unpunctuated dump), not a
# clause a reporter wrote; coding it costs time quadratic in its length and finds nothing sound.
MAX_SENTENCE_TOKENS = 250


def code_events(doc: Doc, actors: ActorResolution, *, quotes: list[Quote],
                times: list[TimeExpr], published: str | None, doc_id: str,
                dateline: str | None = None, lexicon: EventLexicon | None = None,
                evidence: bool = False) -> list[Event]:
    """The events of an article, numbered `<doc_id>:<n>` in text order, restatements merged;
    a cooperative act or a retreat that no words give a party is not coded (`has_party`: such
    acts are between parties; a deed by no one named still happened where it is told, `at_home`,
    and what a demand asks for is the demand's content).

    `doc` is the parse of the article's clean text (captions, subheads and removed lines are not
    in it, so they are never coded); `quotes` attribute events to speakers and `times` date them
    against the publication day; `dateline` (the one the cleaner removed) places generic
    agents nothing else places. With `evidence`, each event records why it was coded.
    """
    lexicon = lexicon or default_lexicon()
    lookup = ActorLookup(actors, published, dateline, quotes)
    events: list[Event] = []
    for sentence in doc.sents:
        if len(sentence) > MAX_SENTENCE_TOKENS:
            continue
        coding = code_sentence(sentence, lexicon, lookup, quotes=quotes, times=times,
                               published=published, evidence=evidence)
        events.extend(e for e in merge_clauses([c.event for c in coding.coded])
                      if has_party(e) or lexicon.types[e.type].at_home
                      or e.modality == "demanded")
    day = parse_anchor(published)
    events = merge_restatements(events, day.isoformat() if day else None)
    for number, event in enumerate(events, start=1):
        event.id = f"{doc_id}:{number}"
    return events
