"""Cues: the words that attribute a quote ("said", "told", "according to", "in a statement").

A direct quote's cue stands in the stretch of its sentence just after the closing mark
(", he said.") or just before the opening one ("Stoltenberg said:"); a quote inside a sentence
hangs on its cue through the parse ("Cruz called Trump a "liar"").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tripwire.nlp import doc_text
from tripwire.nlp.syntax import SUBJECTS, noun_phrase_head, preposition_objects, subject_of
from tripwire.quotes.lexicon import CuePhrase, QuoteLexicon
from tripwire.quotes.speakers import named_by

SENTENCE_END = re.compile(r"[.!?]+")
DOTTED = re.compile(r"[A-Za-z](?:\.[A-Za-z])*")
CLOSERS = "\"”’'»)]"
OPENERS = "\"“‘'(["
CREDIT_BREAKS = frozenset({"-", "—", "–", "―", ".", ":"})
SPEAKER_POS = ("PROPN", "PRON", "NOUN")
WINDOW = 400  # characters searched for a cue on each side of a quote: bounds the work per quote
STRONG_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
MODIFIER_CLAUSES = frozenset({"advcl", "prep", "npadvmod"})  # "X, speaking on Fox, said"
COMMAS = frozenset({",", "--", "—", "–"})
NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
ANCESTOR_STEPS = 12


@dataclass(frozen=True)
class Cue:
    """A cue and the token that heads its speaker (None when the cue names nobody)."""

    text: str
    start: int
    end: int
    speaker: Token | None


def _ends_sentence(text: str, match: re.Match[str], abbreviations: frozenset[str]) -> bool:
    """A run of . ! ? that ends a sentence: not an abbreviation such as "Mr.", "U.S." or "W.",
    and followed by a break and a word that does not start in lower case."""
    after = match.end()
    while after < len(text) and text[after] in CLOSERS:
        after += 1
    if after < len(text) and not text[after].isspace():
        return False
    rest = text[after : after + 3].lstrip()
    if rest[:1].islower():
        return False
    if match.group() != ".":
        return True
    word = text[max(0, match.start() - 12) : match.start()].split()
    word_text = word[-1].lstrip(OPENERS) if word else ""
    return not (word_text.lower() in abbreviations or DOTTED.fullmatch(word_text))


def sentence_end(text: str, lo: int, hi: int, abbreviations: frozenset[str]) -> int:
    """The end of the sentence running from lo, but not past hi nor past the search window."""
    hi = min(hi, lo + WINDOW)
    for match in SENTENCE_END.finditer(text, lo, hi):
        if _ends_sentence(text, match, abbreviations):
            return match.end()
    return hi


def sentence_start(text: str, lo: int, hi: int, abbreviations: frozenset[str]) -> int:
    """The start of the sentence that is running at hi, but not before lo nor the window."""
    start = lo = max(lo, hi - WINDOW)
    for match in SENTENCE_END.finditer(text, lo, hi):
        if match.end() < hi and _ends_sentence(text, match, abbreviations):
            start = match.end()
    return start


class CueFinder:
    """Looks up cue verbs and phrases in one parsed article."""

    def __init__(
        self, doc: Doc, lexicon: QuoteLexicon, quoted: list[bool], bounds: list[tuple[int, int]]
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.bounds = bounds  # (start, end) of each paragraph
        self.paragraph_starts = [lo for lo, _ in bounds]
        self.lexicon = lexicon
        self.quoted = quoted  # quoted[i]: token i lies inside a quoted passage
        self.starts: list[int] = doc.to_array("IDX").tolist()  # one array, not a Token each
        self.quoted_before = [0]  # quoted_before[i]: how many of the first i tokens are quoted
        for flag in quoted:
            self.quoted_before.append(self.quoted_before[-1] + flag)
        lowered = self.text.lower()
        found = sorted((
            (m.start(), m.end(), phrase)
            for phrase in lexicon.cue_phrases
            for m in re.finditer(rf"\b{re.escape(phrase.text)}\b", lowered)
        ), key=lambda p: (p[0], p[1]))
        self.phrases: list[tuple[int, int, CuePhrase]] = [
            p for p in found if not any(self.quoted[t.i] for t in self.tokens(p[0], p[1]))
        ]
        self.phrase_starts = [p[0] for p in self.phrases]

    def tokens(self, lo: int, hi: int) -> list[Token]:
        """Tokens that start in text[lo:hi]."""
        return list(self.doc[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)])

    def is_cue_verb(self, token: Token) -> bool:
        return (
            token.pos_ in ("VERB", "AUX")
            and token.lemma_.lower() in self.lexicon.speech_verbs
            and not self.quoted[token.i]
        )

    def in_zone(self, lo: int, hi: int, from_end: bool) -> Cue | None:
        """The cue in text[lo:hi] nearest the quote (the zone's end when from_end), preferring
        cues whose speaker names someone."""
        tokens = self.tokens(lo, hi)
        verbs = [t for t in tokens if self.is_cue_verb(t)]
        phrases = []
        for i in range(bisect_left(self.phrase_starts, lo), len(self.phrases)):
            if self.phrases[i][0] >= hi:
                break
            if self.phrases[i][1] <= hi:
                phrases.append(self.phrases[i])
        candidates: list[tuple[int, Cue]] = [(v.idx, self.verb_cue(v)) for v in verbs]
        candidates += [(s, self.phrase_cue(s, e, p)) for s, e, p in phrases]
        if not candidates:
            return None
        candidates.sort(key=lambda c: -c[0] if from_end else c[0])
        candidates.sort(key=lambda c: not self.is_strong(c[1].speaker))
        return candidates[0][1]

    def after_dash(self, lo: int, hi: int) -> Cue | None:
        """A credit line right after a quote: a dash, then the speaker's name."""
        hi = min(hi, lo + 8)
        head = self.text[lo:hi].lstrip()
        if not head or head[0] not in self.lexicon.attribution_dashes:
            return None
        dash = hi - len(head)
        hi = min(self.bounds[self.paragraph_of(dash)][1], dash + WINDOW)
        words = [t for t in self.tokens(dash + 1, hi)[:4] if not (t.is_punct or t.is_space)]
        if words and words[0].pos_ in ("PROPN", "NOUN"):
            return Cue(head[0], dash, dash + 1, noun_phrase_head(words[0]))
        return None

    def colon_cue(self, lo: int, hi: int) -> Cue | None:
        """A lead-in ending in a colon without a cue verb: "The piece ran a headline:", "WALLACE:".

        The speaker is the subject of the lead-in's verb, else the last name before the colon.
        """
        if not self.text[lo:hi].rstrip().endswith(":"):
            return None
        tokens = [t for t in self.tokens(lo, hi) if not self.quoted[t.i]]
        for token in tokens:
            subject = self._subject_here(token) if token.pos_ in ("VERB", "AUX") else None
            if subject is not None and subject.pos_ in SPEAKER_POS:
                return Cue(token.text, token.idx, token.idx + len(token), subject)
        names = [t for t in tokens if t.pos_ in ("PROPN", "NOUN")]
        if names and len(tokens) <= 4:
            colon = self.text.rindex(":", lo, hi)
            return Cue(":", colon, colon + 1, noun_phrase_head(names[-1]))
        return None

    def person_subject(self, lo: int, hi: int) -> Cue | None:
        """The first verb in text[lo:hi] whose subject is a named person."""
        for token in self.tokens(lo, hi):
            if token.pos_ not in ("VERB", "AUX") or self.quoted[token.i]:
                continue
            subject = self._subject_here(token)
            if subject is not None and named_by(subject, self.lexicon.relative_pronouns).ent_type_ == "PERSON":
                return Cue(token.text, token.idx, token.idx + len(token), subject)
        return None

    def governing(self, lo: int, hi: int, strong: bool) -> Cue | None:
        """The cue a quote inside a sentence hangs on through the parse.

        Of several cues up the parse ("Ditto said she expects ... “...”") the outermost wins, as
        news attribution credits the reporting clause. With `strong`, only cues whose speaker is
        a name, a personal pronoun or a person's title count ("a majority ... believe" does not).
        """
        found: Cue | None = None
        previous: Token | None = None
        for node in self._ancestors(lo, hi):
            sibling = previous is not None and previous.dep_ == "conj"
            previous = node
            if found is not None and sibling:
                continue  # "Ryan saying ... and Trump calling it “...”": not an outer clause
            cue = None
            if self.is_cue_verb(node):
                cue = self.verb_cue(node)
            elif self.is_cue_noun(node):
                owner = next(c for c in node.children if c.dep_ == "poss")
                cue = Cue(node.text, node.idx, node.idx + len(node), owner)
            if cue is not None and (not strong or self.is_strong(cue.speaker)):
                found = cue
        return found

    def is_strong(self, token: Token | None) -> bool:
        """A speaker token that names someone rather than something."""
        if token is None:
            return False
        token = named_by(token, self.lexicon.relative_pronouns)
        return (
            token.pos_ == "PROPN"
            or token.ent_type_ in STRONG_ENTITIES
            or token.lower_ in self.lexicon.person_pronouns
            or token.lower_ in self.lexicon.group_pronouns
            or token.lemma_.lower() in self.lexicon.person_titles
        )

    def clause_subject(self, lo: int, hi: int) -> Cue | None:
        """The subject of the nearest verb above a quote that has one: without a cue, the
        quote's words are those of whoever the clause is about ("NATO wants to “listen”")."""
        for node in self._ancestors(lo, hi):
            if node.pos_ in ("VERB", "AUX"):
                subject = self._subject_here(node)
                if subject is not None and subject.pos_ in SPEAKER_POS:
                    return Cue(node.text, node.idx, node.idx + len(node), subject)
        return None

    def _ancestors(self, lo: int, hi: int) -> list[Token]:
        """The words a quote in text[lo:hi] hangs on, upwards, within its paragraph."""
        outside = [t for t in self.tokens(lo, hi) if not lo <= t.head.idx < hi]
        if not outside:
            return []
        paragraph = self.paragraph_of(lo)
        chain: list[Token] = []
        node = outside[0].head
        for _ in range(ANCESTOR_STEPS):
            if self.paragraph_of(node.idx) != paragraph or self.quoted[node.i]:
                break
            chain.append(node)
            if node.head is node:
                break
            node = node.head
        return chain

    def name_before_colon(self, lo: int, hi: int) -> Cue | None:
        """A credit such as "... - Jane Doe:" or "Pew Research:" just before a quote."""
        if not self.text[lo:hi].rstrip().endswith(":"):
            return None
        tokens = [t for t in self.tokens(lo, hi) if not t.is_space]
        if len(tokens) < 2:
            return None
        names = tokens[:-1]
        first = len(names)
        while first > 0 and (names[first - 1].pos_ == "PROPN" or names[first - 1].lower_ == "and"):
            first -= 1
        if first == len(names) or first > 0 and names[first - 1].text not in CREDIT_BREAKS:
            return None
        colon = tokens[-1]
        return Cue(":", colon.idx, colon.idx + 1, noun_phrase_head(names[-1]))

    def is_cue_noun(self, token: Token) -> bool:
        """A speech noun with an owner: "Trump's claim", "her statement"."""
        return (
            token.pos_ == "NOUN"
            and token.lemma_.lower() in self.lexicon.speech_nouns
            and not self.quoted[token.i]
            and any(c.dep_ == "poss" for c in token.children)
        )

    def paragraph_of(self, offset: int) -> int:
        return bisect_right(self.paragraph_starts, offset) - 1

    def _subject_here(self, verb: Token) -> Token | None:
        """The verb's subject when it stands outside quotes and in the verb's paragraph (the
        parser can take a quote for the subject, or run a sentence across paragraphs); of two
        subjects ("“My view is ...,” the aide said"), the one outside the quote."""
        subject = subject_of(verb)
        if subject is not None and self.quoted[subject.i]:
            subject = next((c for c in verb.children
                            if c.dep_ in SUBJECTS and not self.quoted[c.i]), None)
        if subject is None:
            return None
        if self.paragraph_of(subject.idx) != self.paragraph_of(verb.idx):
            return None
        return subject

    def verb_cue(self, verb: Token) -> Cue:
        """A verb cue, with a particle ("pointed out") or a phrase ("said in a statement")."""
        end = verb.idx + len(verb)
        for child in verb.rights:
            if child.dep_ == "prt" and child.i == verb.i + 1:
                end = child.idx + len(child)
        i = bisect_left(self.phrase_starts, end + 1)
        if i < len(self.phrases) and self.phrases[i][0] == end + 1:
            end = self.phrases[i][1]
        speaker = self._subject_here(verb) or self._nearest_speaker(verb)
        return Cue(self.text[verb.idx : end], verb.idx, end, speaker)

    def _nearest_speaker(self, verb: Token) -> Token | None:
        """A name or pronoun beside a verb the parser left without a subject: after the verb when
        it opens its clause (", said Jane Doe"), else before it. Words of a clause hanging on
        the verb between commas ("Obama, dedicating the museum, said") are skipped, and a description set off
        by commas ("Flynn, a top surrogate, said") stands for the name it describes."""
        lo, hi = self.sentence_around(verb.idx, verb.idx + len(verb))
        doc = verb.doc
        clauses = [(c.left_edge.i, c.right_edge.i) for c in verb.lefts
                   if c.dep_ in MODIFIER_CLAUSES and c.left_edge.i > 0
                   and doc[c.left_edge.i - 1].text in COMMAS and doc[c.right_edge.i + 1].text in COMMAS]
        before = [self._described(t) for t in self.tokens(lo, verb.idx)
                  if self._may_speak(t) and not any(a <= t.i <= b for a, b in clauses)]
        after = [t for t in self.tokens(verb.idx + len(verb), hi) if self._may_speak(t)][:4]
        words_before = any(t.is_alpha for t in before)
        for token in (*reversed(before[-4:]), *after) if words_before else (*after, *before):
            if token.pos_ in ("PROPN", "PRON"):
                return noun_phrase_head(token)
        return None

    def _described(self, token: Token) -> Token:
        """The name a comma-set description stands for: "surrogate" in "Flynn, a surrogate,"."""
        while (token.dep_ == "appos" and token.head.i < token.i
               and token.head.pos_ in ("PROPN", "PRON") and not self.quoted[token.head.i]):
            token = token.head
        return token

    def sentence_around(self, start: int, end: int) -> tuple[int, int]:
        """The sentence holding text[start:end], within its paragraph and the search window."""
        lo, hi = self.bounds[self.paragraph_of(start)]
        abbreviations = self.lexicon.abbreviations
        return (sentence_start(self.text, lo, start, abbreviations),
                sentence_end(self.text, end, hi, abbreviations))

    def any_quoted(self, first: int, last: int) -> bool:
        """Whether any token from first to last (inclusive) lies inside a quote."""
        return self.quoted_before[last + 1] > self.quoted_before[first]

    def _may_speak(self, token: Token) -> bool:
        return not self.quoted[token.i] and token.ent_type_ not in NOT_SPEAKERS

    def phrase_cue(self, start: int, end: int, phrase: CuePhrase) -> Cue:
        """'according to X' names its speaker after it; 'in a statement' the verb's subject."""
        speaker = None
        if phrase.speaker == "object":
            for token in self.tokens(end, end + 200)[:8]:
                if token.pos_ in SPEAKER_POS and not self.quoted[token.i]:
                    speaker = _author_of(noun_phrase_head(token),
                                         self.lexicon.author_prepositions)
                    break
        else:
            first = self.tokens(start, end)
            if first:
                speaker = self._subject_here(first[0].head)
        return Cue(self.text[start:end], start, end, speaker)


def _author_of(token: Token, prepositions: frozenset[str]) -> Token:
    """The person behind a work: "according to calculations by Jane Doe" -> "Doe"."""
    if token.pos_ != "NOUN":
        return token
    return next((named for named in preposition_objects(token, prepositions)
                 if named.ent_type_ == "PERSON"), token)
