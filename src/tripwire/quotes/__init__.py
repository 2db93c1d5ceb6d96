"""Find direct, partial and reported quotes and their speakers.

Quoted passages come from the quote marks (`marks`), their cues from the sentence around them
(`cues`), speakers from the cue's subject or object, resolved through the actors stage
(`speakers`); reported speech comes from the parse (`reported`). Everything is read in one
pass in text order, so that a quote without a cue belongs to the speaker of the quote before.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from tripwire.actors import ActorResolution
from tripwire.document import Quote, Speaker
from tripwire.nlp import doc_text
from tripwire.quotes.cues import Cue, CueFinder, sentence_end, sentence_start
from tripwire.quotes.lexicon import QuoteLexicon, default_lexicon
from tripwire.quotes.marks import QuotedPassage, find_passages, paragraphs
from tripwire.quotes.reported import ReportedSpeech, find_reported
from tripwire.quotes.speakers import Mention, SpeakerResolver, mention_of, named_by

__all__ = ["Attribution", "attribute", "find_quotes"]

CLAUSE_BREAKS = ":,.!?;—–-"
UTTERANCE_ENDS = ".,!?…:;—–-"
SCARE_QUOTE_WORDS = 2  # so few quoted words with no cue are a scare quote or a name
TITLE_WORDS = 6  # a capitalised run this short with no cue is a title


@dataclass
class Attribution:
    """A quote with how it was attributed: `mention` is where the cue names the speaker ("he"),
    `speaker` who that is ("Stoltenberg")."""

    start: int
    end: int
    kind: str
    cue: str | None = None
    mention: Mention | None = None
    speaker: Speaker | None = None

    def to_quote(self, text: str) -> Quote:
        return Quote(text[self.start : self.end], self.start, self.end, self.kind,
                     self.speaker, self.cue)


def find_quotes(doc: Doc, actors: ActorResolution) -> list[Quote]:
    """Every direct, partial and indirect quote of the article, in text order."""
    text = doc_text(doc)
    return [a.to_quote(text) for a in attribute(doc, actors)]


def attribute(
    doc: Doc, actors: ActorResolution, lexicon: QuoteLexicon | None = None
) -> list[Attribution]:
    """Quotes with their cue mentions and resolved speakers (the scorer reads the mentions)."""
    return _Attributor(doc, actors, lexicon or default_lexicon()).run()


class _Attributor:
    """The state of one pass over an article: who spoke last, which tokens are quoted."""

    def __init__(self, doc: Doc, actors: ActorResolution, lexicon: QuoteLexicon) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lexicon = lexicon
        self.bounds = list(paragraphs(self.text))
        self.passages = find_passages(self.text, lexicon)
        self.cues = CueFinder(doc, lexicon, self._quoted_tokens(), self.bounds)
        self.resolver = SpeakerResolver(doc, actors, lexicon)
        self.current: Attribution | None = None

    def _quoted_tokens(self) -> list[bool]:
        quoted = [False] * len(self.doc)
        starts = iter(self.passages)
        passage = next(starts, None)
        for i, idx in enumerate(self.doc.to_array("IDX").tolist()):
            while passage is not None and idx >= passage.end:
                passage = next(starts, None)
            quoted[i] = passage is not None and passage.open_at <= idx < passage.end
        return quoted

    def run(self) -> list[Attribution]:
        reported = find_reported(self.doc, self.cues)
        items: list[tuple[int, int, QuotedPassage | ReportedSpeech]] = [
            (p.open_at, i, p) for i, p in enumerate(self.passages)
        ]
        items += [(min(r.start, r.cue.start), len(items) + i, r) for i, r in enumerate(reported)]
        items.sort(key=lambda item: (item[0], item[1]))
        found: list[Attribution] = []
        for _, index, item in items:
            if isinstance(item, QuotedPassage):
                quote = self._quote(index, item)
                if quote is not None:
                    found.append(quote)
            else:
                found.append(self._attributed(item.start, item.end, "indirect", item.cue))
        found.sort(key=lambda a: a.start)
        return found

    def _attributed(self, start: int, end: int, kind: str, cue: Cue | None) -> Attribution:
        attribution = Attribution(start, end, kind, cue.text if cue else None)
        if cue is not None and cue.speaker is not None:
            attribution.mention = mention_of(cue.speaker)
            named = named_by(cue.speaker, self.lexicon.relative_pronouns)
            if named is not cue.speaker:
                attribution.speaker = self.resolver.resolve(mention_of(named))
            else:
                attribution.speaker = self.resolver.resolve(attribution.mention)
            self.current = attribution
        return attribution

    def _inherited(self, passage: QuotedPassage, kind: str) -> Attribution:
        """A quote without a cue of its own speaks for the current speaker."""
        previous = self.current
        if previous is None:
            return Attribution(passage.start, passage.end, kind)
        return Attribution(passage.start, passage.end, kind, previous.cue, previous.mention,
                           previous.speaker)

    def _quote(self, index: int, passage: QuotedPassage) -> Attribution | None:
        lo, hi = self.bounds[passage.paragraph]
        before = self.passages[index - 1] if index > 0 else None
        after = self.passages[index + 1] if index + 1 < len(self.passages) else None
        left = before.close_end if before and before.paragraph == passage.paragraph else lo
        right = after.open_at if after and after.paragraph == passage.paragraph else hi
        if passage.continues:
            return self._inherited(passage, "direct")
        kind = "direct" if self._is_utterance(passage, left, right) else "partial"
        cue = None
        if kind == "partial":
            cue = self.cues.governing(passage.start, passage.end, strong=True)
        if kind == "partial":
            left, right = lo, hi  # words quoted inside a sentence: their cue may be anywhere in it
        if cue is None and passage.close_at is not None:
            cue = self.cues.after_dash(passage.close_end, right)
        if cue is None and passage.close_at is not None and self._cue_may_follow(passage):
            stop = sentence_end(self.text, passage.close_end, right, self.lexicon.abbreviations)
            cue = self.cues.in_zone(passage.close_end, stop, from_end=False)
        if cue is None:
            begin, end = self._lead_in(passage, left)
            cue = (self.cues.name_before_colon(begin, end)
                   or self.cues.in_zone(begin, end, from_end=True)
                   or self.cues.colon_cue(begin, end))
        if cue is None and kind == "partial":
            if self._names_something(passage):
                return None
            cue = (self.cues.governing(passage.start, passage.end, strong=False)
                   or self.cues.clause_subject(passage.start, passage.end))
        if cue is None and kind == "direct":
            cue = self._introduced(passage, lo)
        if cue is None:
            return self._inherited(passage, kind)
        return self._attributed(passage.start, passage.end, kind, cue)

    def _introduced(self, passage: QuotedPassage, lo: int) -> Cue | None:
        """A person named as the subject of the sentence just before a quote without a cue, in
        its paragraph and after the current speaker's cue ("Sen. Smith identified ... . “...”")."""
        abbreviations = self.lexicon.abbreviations
        begin = sentence_start(self.text, lo, passage.open_at, abbreviations)
        if begin <= lo:
            return None
        previous = sentence_start(self.text, lo, begin - 1, abbreviations)
        current = self.current
        if current is not None and current.mention is not None and current.mention.end > previous:
            return None
        return self.cues.person_subject(previous, begin)

    def _names_something(self, passage: QuotedPassage) -> bool:
        """Quote marks around a title, a nickname or a scare-quoted word rather than speech
        (NBC's "Nightly News", a "Grand Bargain", ''smart''), or around a markup value."""
        if self.text[passage.open_at - 1 : passage.open_at] == "=":
            return True
        words = [w for w in self.text[passage.start : passage.end].split() if w[:1].isalnum()]
        if len(words) <= SCARE_QUOTE_WORDS:
            return True
        return len(words) <= TITLE_WORDS and all(
            w[0].isupper() or w[0].isdigit() or w.lower() in self.lexicon.title_words
            for w in words
        )

    def _lead_in(self, passage: QuotedPassage, left: int) -> tuple[int, int]:
        """The stretch before a quote where its cue may stand: its sentence so far, or the end
        of the previous paragraph when that ends in a colon ("He said:")."""
        abbreviations = self.lexicon.abbreviations
        begin = sentence_start(self.text, left, passage.open_at, abbreviations)
        if self.text[begin : passage.open_at].strip() or passage.paragraph == 0:
            return begin, passage.open_at
        lo, hi = self.bounds[passage.paragraph - 1]
        if self.text[hi - 1 : hi] != ":":
            return begin, passage.open_at
        return sentence_start(self.text, lo, hi, abbreviations), hi

    def _is_utterance(self, passage: QuotedPassage, left: int, right: int) -> bool:
        """A whole utterance rather than words quoted inside someone else's sentence."""
        lead = self.text[left : passage.open_at].rstrip()
        first = self.text[passage.start]
        if lead and lead[-1] not in CLAUSE_BREAKS:
            return False
        if (first.islower() or lead.endswith(",") and not first.isupper()) and not (
            lead.endswith(",") and self._continues_split(left, passage.open_at)
        ):
            return False
        if passage.close_at is None:
            return True
        inside = self.text[passage.start : passage.close_at].rstrip()
        trail = self.text[passage.close_end : right].lstrip()
        return not trail or inside[-1:] in UTTERANCE_ENDS or trail[0] in UTTERANCE_ENDS

    def _continues_split(self, left: int, open_at: int) -> bool:
        """After “We are ready,” she said, “but ...”: the quote before ends in a comma and no
        sentence ends between the two."""
        if "," not in self.text[max(0, left - 3) : left]:  # the comma, then a mark of 1-2 chars
            return False
        return sentence_start(self.text, left, open_at, self.lexicon.abbreviations) == left

    def _cue_may_follow(self, passage: QuotedPassage) -> bool:
        """False when the quote ends its sentence and a new one starts after it."""
        assert passage.close_at is not None
        inside = self.text[passage.start : passage.close_at].rstrip()
        trail = self.text[passage.close_end : passage.close_end + 2].lstrip()
        return not (inside.endswith(".") and trail[:1].isupper())
