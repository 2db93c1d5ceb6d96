"""Who is speaking: the subject of a cue verb, the object of "according to", and what a pronoun
or a description ("the NATO boss") stands for.

A speaker is first found as a *mention*, the words in the attribution that name the speaker
("he", "Stoltenberg", "the NATO boss"). Pronouns and definite descriptions of a person are then
resolved to the most recent named person the article quoted or mentioned, and every speaker asks
the actors stage for its actor id.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tripwire.actors import ActorResolution
from tripwire.document import Speaker
from tripwire.nlp.syntax import NOUN_PHRASE_DEPS, SUBJECTS
from tripwire.quotes.lexicon import QuoteLexicon, default_lexicon

MAX_MENTION_TOKENS = 8
LOOKBACK = 12  # person mentions searched back for a subject; bounds the work per pronoun


@dataclass(frozen=True)
class Mention:
    """Words of the text that name a speaker."""

    start: int
    end: int
    text: str


def named_by(token: Token, relative_pronouns: frozenset[str]) -> Token:
    """The word that names whom a speaker token stands for: "who" in "a spokesman who said"
    stands for "spokesman"; a dateline ("WASHINGTON -- President Obama said") for the person."""
    if token.lower_ in relative_pronouns and token.head.dep_ == "relcl":
        token = token.head.head
    if token.ent_type_ != "PERSON":
        person = next((c for c in token.children
                       if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        if person is not None:
            return person
    return token


def mention_of(token: Token) -> Mention:
    """The noun phrase a speaker token heads, without clauses hanging on it."""
    doc = token.doc
    if token.dep_ == "appos" and token.head.pos_ == "PROPN" and token.ent_type_ != "PERSON":
        token = token.head  # "McConnell, now the majority leader, who said": the name
    if token.pos_ == "PRON":
        return Mention(token.idx, token.idx + len(token), token.text)
    first = token.i
    for child in token.lefts:
        if child.dep_ in NOUN_PHRASE_DEPS and token.i - child.left_edge.i < MAX_MENTION_TOKENS:
            first = min(first, child.left_edge.i)
    last = token.i
    for child in token.rights:
        if child.dep_ in ("flat", "compound") and child.i == last + 1:
            last = child.i
    while first < token.i and (not doc[first].is_alpha or _not_of_the_name(doc[first])):
        first += 1
    while last > token.i and not doc[last].is_alpha:
        last -= 1
    span = doc[first : last + 1]
    return Mention(span.start_char, span.end_char, span.text)


# Entity types of words before a speaker's name that are no part of it ("in September Bolton
# declared"); a quantifier over conjoined speakers is none either ("Both Kotey and Elsheikh").
_NOT_OF_THE_NAME = frozenset({"DATE", "TIME"})


def _not_of_the_name(token: Token) -> bool:
    return token.ent_type_ in _NOT_OF_THE_NAME or token.lower_ in default_lexicon().name_quantifiers


class SpeakerResolver:
    """Turns mentions into speakers, remembering the article's named people as it reads on.

    Mentions must be resolved in text order: a pronoun stands for a person named before it.
    """

    def __init__(self, doc: Doc, actors: ActorResolution, lexicon: QuoteLexicon) -> None:
        self.doc = doc
        self.actors = actors
        self.lexicon = lexicon
        self.people = sorted(
            (Mention(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ == "PERSON"),
            key=lambda m: m.start,
        )
        self.person_starts = [m.start for m in self.people]
        self.surnames: dict[str, int] = {}  # last word of a person's name -> where first named
        for person in self.people:
            self.surnames.setdefault(person.text.split()[-1], person.start)
        self.last_named: Speaker | None = None
        self._kinds = {a.id: a.kind for a in actors.actors}
        self._belongs = {a.id: {a.country, a.affiliation} - {None} for a in actors.actors}

    def resolve(self, mention: Mention) -> Speaker:
        """A speaker for the mention: itself when it names someone, else its antecedent."""
        actor = self._actor_at(mention.start, mention.end)
        if self._stands_for_person(mention):
            antecedent = self._antecedent(mention.start)
            if antecedent is not None and (self._is_pronoun(mention)
                                           or self._may_be(antecedent, actor)):
                # the speaker is the person named before, whose actor goes with the name
                return Speaker(
                    antecedent.actor or actor, antecedent.text, antecedent.start, antecedent.end
                )
            return Speaker(actor, mention.text, mention.start, mention.end)
        speaker = Speaker(actor, mention.text, mention.start, mention.end)
        if self._names_person(mention):
            self.last_named = speaker
        return speaker

    def _may_be(self, antecedent: Speaker, actor: str | None) -> bool:
        """A description that names its own actor ("the Nato spokesman", "the Irish prime
        minister") stands for the person named before only when that person is the actor or
        belongs to it (the former Kenyan president: a Kenyan named before)."""
        if actor is None or antecedent.actor is None or actor == antecedent.actor:
            return True
        if self._kinds.get(actor) == "person":
            return False  # the description names someone else: an office holder on the day
        return actor in self._belongs.get(antecedent.actor, ())

    def _is_pronoun(self, mention: Mention) -> bool:
        words = mention.text.lower().split()
        return len(words) == 1 and words[0] in self.lexicon.person_pronouns

    def _actor_at(self, start: int, end: int) -> str | None:
        ref = self.actors.actor_at(start, end)
        return ref.actor if ref is not None else None

    def _stands_for_person(self, mention: Mention) -> bool:
        """A personal pronoun, or a definite description headed by a person title."""
        if self._is_pronoun(mention):
            return True
        words = mention.text.lower().split()
        return len(words) >= 2 and words[0] == "the" and words[-1] in self.lexicon.person_titles

    def _names_person(self, mention: Mention) -> bool:
        """The mention holds a PERSON entity, or a name the article gave a person before."""
        i = bisect_left(self.person_starts, mention.start)
        if i < len(self.people) and self.people[i].start < mention.end:
            return True
        first_named = self.surnames.get(mention.text.split()[-1])
        return first_named is not None and first_named < mention.start

    def _antecedent(self, offset: int) -> Speaker | None:
        """The most recent named person before offset.

        The later of the last named speaker and the last person named as a subject wins; failing
        both, the last person named at all.
        """
        before = bisect_left(self.person_starts, offset)
        recent = self.people[max(0, before - LOOKBACK) : before]
        subject = next((p for p in reversed(recent) if self._is_subject(p)), None)
        last = self.last_named
        if last is not None and (subject is None or subject.end <= last.end):
            return last
        person = subject or (recent[-1] if recent else None)
        if person is None:
            return None
        actor = self._actor_at(person.start, person.end)
        return Speaker(actor, person.text, person.start, person.end)

    def _is_subject(self, person: Mention) -> bool:
        span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in SUBJECTS
