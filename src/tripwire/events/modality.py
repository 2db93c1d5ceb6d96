"""Modality: did the event happen, or is it negated, future, hypothetical, demanded or historical?

The coder reads cues on the trigger's own clause (negation, auxiliaries, conditional markers),
then walks up through the clauses that govern it until a cue decides: "refused to meet" makes the
meeting negated, "threatened to impose sanctions" makes the sanctions hypothetical, "Russia
demands guarantees that ..." makes the guaranteed event demanded. A clause reported by a speaker
("..., Stoltenberg said") keeps its own modality; the reporting verb does not change it.

Three structural readings besides the cue words: a purpose clause ("opened fire to disperse the
crowd") is hypothetical, being intended; the content of an accusation, report or possibility
("rejected accusations that it armed the rebels") is hypothetical, being alleged; and a past
event told in a relative clause or a participle after a noun ("farmers who were killed", "the
curfew imposed after the coup") is historical: background that happened on its own date, unless
the relative clause goes on with the story (`continuative`: "briefed the reporters, who then
left"); so is a clause under "after" with a doer of its own, while a subjectless gerund there
("after meeting the envoy, she said") is its main clause doer's previous step. The
coder then reads the event's own clause's date (not the sentence's): one well before
publication makes any asserted event historical, one within the news period makes background
asserted again ("who was shot earlier this month").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from tripwire.events.lexicon import EventLexicon, ModalityCues
from tripwire.events.matching import (
    WH_TAGS,
    TriggerMatch,
    gerund_head,
    is_passive,
    lemma_forms,
    presupposed,
)
from tripwire.events.roles import reporter_of
from tripwire.nlp.syntax import (
    AUXILIARIES,
    OBJECTS,
    SUBJECTS,
    first_conjunct,
    governing_verb,
    mandative_subjunctive,
)

MAX_DEPTH = 8
FINITE_TAGS = ("VBD", "VBZ", "VBP")
GOVERNED_DEPS = {"xcomp", "ccomp"}


@dataclass
class ModalityReading:
    """The modality of one event, the word that decided it, and whether a governing event did."""

    modality: str = "asserted"
    cue: str | None = None
    governed: bool = False

    def describe(self) -> str:
        if self.cue is None:
            return f"{self.modality} (no cue)"
        by = "governing trigger" if self.governed else "cue"
        return f"{self.modality} ({by} {self.cue!r})"


def _negated_by(token: Token, cues: ModalityCues) -> Token | None:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ in ("det", "advmod")
                                   and child.lower_ in cues.negation_words):
            return child
    return None


PARTICIPANT_DEPS = SUBJECTS | OBJECTS


def _no_participant(clause: Token, cues: ModalityCues) -> Token | None:
    """A subject or object that is no one says the act did not happen: "no one was killed",
    "none of the protesters were arrested", "the police arrested nobody"."""
    for child in clause.children:
        if child.dep_ not in PARTICIPANT_DEPS:
            continue
        if child.lower_ in cues.negation_words:
            return child
        determiner = _negated_by(child, cues)
        if determiner is not None and determiner.dep_ == "det":
            return determiner
    return None


def _auxiliary_cue(clause: Token, cues: ModalityCues, reported: bool) -> ModalityReading | None:
    for child in clause.children:
        if child.dep_ not in ("aux", "auxpass"):
            continue
        word = child.lower_
        lemma = child.lemma_.lower()
        if word in cues.future_auxiliaries or lemma in cues.future_auxiliaries:
            return ModalityReading("future", word)
        if word in cues.reported_auxiliaries:
            return ModalityReading("future" if reported else "hypothetical", word)
        if word in cues.hypothetical_auxiliaries or lemma in cues.hypothetical_auxiliaries:
            return ModalityReading("hypothetical", word)
        if word in cues.demanded_auxiliaries:
            return ModalityReading("demanded", word)
    return None


OWN_CLAUSE_DEPS = {"advcl", "ccomp", "csubj", "parataxis", "conj"}


def _marks(clause: Token) -> Iterator[Token]:
    """The clause's subordinating markers, also one the parser hung on a word before the verb
    ("as if we countries withdraw": "if" under "countries"); not the marker of a clause of its
    own before the verb, which scopes over that clause only: the "if" of "if the talks fail,
    the army will attack" makes the failure a condition, and the attack a future."""
    for child in clause.children:
        if child.dep_ == "mark":
            yield child
        elif child.i < clause.i and child.dep_ not in OWN_CLAUSE_DEPS:
            yield from (m for m in child.children if m.dep_ == "mark")


def _marked_condition(clause: Token, cues: ModalityCues) -> ModalityReading | None:
    """A clause under "if", "unless" or "whether"."""
    for mark in _marks(clause):
        if mark.lower_ in cues.hypothetical_markers:
            return ModalityReading("hypothetical", mark.lower_)
    return None


def _condition_cue(clause: Token, cues: ModalityCues) -> ModalityReading | None:
    """A clause that states a condition of its own: "will attack if they come"."""
    for child in clause.children:
        if child.dep_ == "advcl":
            reading = _marked_condition(child, cues)
            if reading is not None:
                return reading
    return None


def _own_cue(clause: Token, cues: ModalityCues, reported: bool) -> ModalityReading | None:
    negation = _negated_by(clause, cues) or _no_participant(clause, cues)
    if negation is not None:
        return ModalityReading("negated", negation.lower_)
    if clause.dep_ == "pcomp" and clause.head.lower_ in cues.negation_prepositions:
        return ModalityReading("negated", clause.head.lower_)
    if clause.dep_ == "pcomp" and clause.head.lower_ in cues.hypothetical_prepositions:
        return ModalityReading("hypothetical", clause.head.lower_)
    if _imperative(clause):
        return ModalityReading("demanded", "imperative")
    # the clause's own "if" or "whether" decides over its auxiliary: "asked whether they would
    # meet" puts a question, under a reporting verb as elsewhere, and announces no meeting
    return (_marked_condition(clause, cues) or _auxiliary_cue(clause, cues, reported)
            or _condition_cue(clause, cues))


IMPERATIVE_DEPS = ("ROOT", "ccomp", "parataxis")
NOT_IMPERATIVE_CHILDREN = SUBJECTS | AUXILIARIES | {"csubj", "expl"}


def _imperative(clause: Token) -> bool:
    """A command: a base-form verb heading its sentence or a quoted clause with no subject and no
    auxiliary ("Release the prisoners," she said; "please let them back")."""
    if clause.tag_ != "VB":
        return False
    if clause.dep_ == "conj":
        return clause.head.i != clause.i and _imperative(clause.head)
    return clause.dep_ in IMPERATIVE_DEPS and not any(
        c.dep_ in NOT_IMPERATIVE_CHILDREN for c in clause.children)


def _governor_cue(governor: Token, lexicon: EventLexicon, triggers: set[int],
                  complement: Token | None = None) -> ModalityReading | None:
    """The reading a governing word gives the `complement` clause it takes."""
    cues = lexicon.cues
    lemma = governor.lemma_.lower()
    if governor.i in triggers and lemma in lexicon.complements:
        return ModalityReading(lexicon.complements[lemma], governor.lower_, governed=True)
    if lemma in cues.implicative_governors and is_passive(governor):
        return ModalityReading("asserted", governor.lower_, governed=True)
    if (lemma in cues.necessity_governors and complement is not None
            and complement.dep_ == "xcomp" and _infinitival(complement)):
        return _necessity(governor, cues)
    if lemma in cues.progressive_governors and not _progressive(governor):
        return None  # "going to fight for a group" is a journey, "is going to fight" the future
    adjective = governor.pos_ == "ADJ"
    tables = (
        ("negated", cues.negation_governors),
        ("hypothetical", cues.hypothetical_adjectives if adjective
         else cues.hypothetical_governors | cues.permission_governors),
        ("demanded", cues.demanded_adjectives if adjective else cues.demanded_governors),
        ("future", cues.future_adjectives if adjective else cues.future_governors),
    )
    # a phrasal governor is listed with its particle: "ruled out" negates, "ruled that" does not;
    # the governor is looked up by every form a trigger is (`lemma_forms`), as the lemmatizer
    # errs on some verbs ("hopes", "hoped" taken for forms of "hop"); an adverb the parser takes
    # for the particle ("looks forward to") adds its phrase
    forms = set(lemma_forms(governor))
    particles = [c.lower_ for c in governor.children if c.dep_ == "prt"]
    keys = {f"{form} {p}" for form in forms for p in particles} if particles else forms
    keys |= {f"{form} {c.lower_}" for form in forms for c in governor.children
             if c.dep_ == "advmod"}
    for modality, words in tables:
        if not keys.isdisjoint(words):
            if (modality == "demanded" and complement is not None and complement.dep_ == "xcomp"
                    and not keys.isdisjoint(cues.future_governors)):
                # a wish whose complement has no doer of its own is its subject's own intention,
                # announced as a plan is ("Ruritania wants to join the talks": future); with a
                # doer of its own it asks that doer to act ("wants the envoy to leave": demanded)
                modality = "future"
            if modality == "negated" and _negated_by(governor, cues) is not None:
                # a negated negation affirms, in the governor's own tense: "will not hesitate
                # to provide" (future), "did not fail to respond" (asserted)
                return _auxiliary_cue(governor, cues, False) or ModalityReading(
                    "asserted", governor.lower_)
            if _negated_by(governor, cues) is not None:
                # what is not planned, wanted or considered is not announced: "did not plan
                # to invade"
                return ModalityReading("negated", governor.lower_)
            return ModalityReading(modality, governor.lower_)
    return None


def _necessity(governor: Token, cues: ModalityCues) -> ModalityReading:
    """What "have to" gives its act: a denied necessity ("did not have to pay") leaves it
    undone, a past one ("had to flee", no auxiliary) entails that it was done, a present or
    future one ("has to leave", "will have to pay") calls for it."""
    if _negated_by(governor, cues) is not None:
        return ModalityReading("negated", governor.lower_, governed=True)
    if governor.tag_ == "VBD":
        return ModalityReading("asserted", governor.lower_, governed=True)
    return ModalityReading("demanded", governor.lower_, governed=True)


def _progressive(verb: Token) -> bool:
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def _object_trigger(verb: Token, lexicon: EventLexicon,
                    triggers: set[int]) -> ModalityReading | None:
    """The modality a nominal trigger in the verb's object gives its content clause."""
    for child in verb.children:
        lemma = child.lemma_.lower()
        if child.dep_ in ("dobj", "obj") and child.i in triggers and lemma in lexicon.complements:
            return ModalityReading(lexicon.complements[lemma], child.lower_, governed=True)
    return None


def _nominal_cue(noun: Token, cues: ModalityCues) -> ModalityReading | None:
    negation = _negated_by(noun, cues)
    if negation is not None:
        return ModalityReading("negated", negation.lower_)
    if noun.dep_ == "pobj" and noun.head.lower_ in cues.historical_markers:
        return ModalityReading("historical", noun.head.lower_)
    for child in noun.children:
        if child.dep_ == "amod" and child.lemma_.lower() in cues.historical_modifiers:
            return ModalityReading("historical", child.lower_)
    return None


def _presupposing_verb(noun: Token) -> Token | None:
    """The verb whose clause a presupposed nominal event shares: "farmers who were killed in
    police firing" tells the firing as background, as it tells the killing."""
    if not presupposed(noun):
        return None
    verb = (gerund_head(noun) or noun).head.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _existential_verb(noun: Token) -> Token | None:
    """The verb that says a nominal event exists: "there will be an arrest" (its auxiliary tells
    the event's modality, as a light verb's does)."""
    head = noun.head
    if noun.dep_ == "attr" and head.lemma_ == "be" and any(c.dep_ == "expl" for c in head.children):
        return head
    return None


def _demanded_object(token: Token, lexicon: EventLexicon) -> ModalityReading | None:
    """An event named as what is demanded: "demanded the arrest of X", "called for his arrest",
    "demanded the disarmament of its militia"."""
    token = first_conjunct(token)
    if token.dep_ in ("dobj", "obj"):
        governor = token.head
    elif token.dep_ == "pobj" and token.head.lower_ in lexicon.cues.demand_prepositions:
        governor = token.head.head
    else:
        return None
    lemma = governor.lemma_.lower()
    if lemma in lexicon.cues.demanded_governors or lexicon.complements.get(lemma) == "demanded":
        return ModalityReading("demanded", governor.lower_, governed=True)
    return None


def _background(clause: Token) -> bool:
    """Background, not news: a past event told in a relative clause or a participle that
    describes a noun ("farmers who were killed", "the curfew imposed after the coup", "a law
    preventing survivors from speaking"); not a relative clause that goes on with the story
    (`continuative`)."""
    if clause.dep_ == "acl":
        return clause.tag_ in ("VBN", "VBG")
    if clause.dep_ != "relcl" or continuative(clause):
        return False
    return clause.tag_ in ("VBD", "VBN") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in clause.children)


def continuative(clause: Token) -> bool:
    """A relative clause that tells what happened next, not who or what a noun is: set off by a
    comma, closing its sentence, in the simple past active ("briefed the reporters, who then
    left", "chaired a summit on Monday, after which she announced ..."). Such a clause advances
    the narrative of the clause it hangs on and shares its time (`coder.borrowed_times`); one
    inside the sentence ("the mayor, who resigned in 2019, said"), with a perfect ("the party,
    which has been banned") or a passive ("named the victim, who was shot twice") describes its
    noun."""
    if clause.dep_ != "relcl":
        return False
    start = _relative_phrase(clause)
    if start.i == clause.sent.start or clause.doc[start.i - 1].text != ",":
        return False
    if any(not (t.is_punct or t.is_space or t.is_quote)
           for t in clause.doc[clause.right_edge.i + 1:clause.sent.end]):
        return False
    return clause.tag_ == "VBD" and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)


def _relative_phrase(clause: Token) -> Token:
    """The first word of a relative clause with its relative phrase, also a noun that the
    relative pronoun drags along ("at the end of which", "most of whom"): the parser hangs
    the clause on that noun, outside it, and the "of which" on the clause or on the noun."""
    start, noun = clause.left_edge, clause.head
    after = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
    if (after is not None and noun.i < clause.i and after.i <= start.i and after.dep_ == "prep"
            and after.head.i in (noun.i, clause.i)
            and any(c.tag_ in WH_TAGS for c in after.children)):
        return (noun.head if noun.dep_ == "pobj" else noun).left_edge
    return start


def _in_background(noun: Token) -> ModalityReading | None:
    """A nominal event told inside background ("a guard involved in a shooting")."""
    verb = governing_verb(noun, len(noun.sent))
    if verb is not None and verb.i != noun.i and _background(verb):
        return ModalityReading("historical", verb.lower_)
    return None


def _infinitival(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)


def _prior(clause: Token, cues: ModalityCues) -> str | None:
    """The marker of a clause that tells what came before: "a day after a jet shot down ...".
    A gerund with no subject of its own ("after meeting the envoy, she said ...") is not one:
    its doer is the main clause's, and it tells that doer's previous step in the same story,
    told as the main clause tells its act."""
    if clause.tag_ == "VBG" and not any(c.dep_ in SUBJECTS for c in clause.children):
        return None
    if clause.dep_ == "advcl":
        return next((c.lower_ for c in clause.children
                     if c.dep_ == "mark" and c.lower_ in cues.historical_markers), None)
    if clause.dep_ == "pcomp" and clause.head.lower_ in cues.historical_markers:
        return clause.head.lower_
    return None


def _content_of_noun(clause: Token) -> bool:
    """A finite clause that says what a noun is: "the demand that Israel ease ...", "an
    admission that the forces killed ..."."""
    return (clause.dep_ in ("acl", "ccomp") and clause.head.pos_ == "NOUN"
            and not _infinitival(clause) and clause.tag_ not in ("VBN", "VBG"))


def _question(token: Token) -> bool:
    """A question asks, it does not tell: "Who is going to fire on an old man?"."""
    last = next((t for t in reversed(token.sent)
                 if not (t.is_space or t.is_quote or t.text in ")]")), None)
    return last is not None and last.text == "?"


def read_modality(match: TriggerMatch, lexicon: EventLexicon, triggers: set[int]) -> ModalityReading:
    """The modality of a matched event; `triggers` are the token indices of all matches.

    A question or a demanded object decides at once; a nominal trigger reads its own cues, then
    the clause of its light or presupposing verb; from the trigger's clause the reading walks up
    the clauses that govern it until a cue or a link decides (`_clause_reading`, `_link_reading`).
    """
    at_once = _sentence_reading(match.token, lexicon)
    if at_once is not None:
        return at_once
    start = match.clause
    if match.pattern.kind == "noun":
        nominal = _nominal_cue(match.token, lexicon.cues) or _in_background(match.token)
        anchor = match.light or _presupposing_verb(match.token) or _existential_verb(match.token)
        if match.host is not None:
            # "came under attack", "was placed under house arrest": the host clause's reading
            anchor = match.clause if match.clause.i != match.token.i else None
        if nominal is None and anchor is None and match.pattern.arguments:
            return _governed_noun(match.token, lexicon, triggers)
        if nominal is not None or anchor is None:
            return nominal or ModalityReading()
        start = anchor
    verbal = lexicon.types[match.pattern.type].quad.startswith("verbal")
    return _walk_up(start, match.clause, lexicon, triggers, verbal)


def read_verb_modality(verb: Token, lexicon: EventLexicon, triggers: set[int],
                       verbal: bool = False) -> ModalityReading:
    """The modality of an event told by a verb, read as `read_modality` reads a verb trigger,
    for a verb the lexicon need not match (a `verbal` one is a saying, which a journey can
    carry): what a factuality benchmark scores on every verbal event of a corpus."""
    return _sentence_reading(verb, lexicon) or _walk_up(verb, verb, lexicon, triggers, verbal)


def _sentence_reading(token: Token, lexicon: EventLexicon) -> ModalityReading | None:
    """A reading that decides at once: a question, or an event named as what is demanded."""
    if _question(token):
        return ModalityReading("hypothetical", "?")
    return _demanded_object(token, lexicon)


def _walk_up(start: Token, trigger_clause: Token, lexicon: EventLexicon, triggers: set[int],
             verbal: bool) -> ModalityReading:
    """The first reading met walking up from the event's clause (`_readings`)."""
    if verbal:
        start = _journey(start, lexicon.cues) or start
    start = _adjunct_host(start)
    reported = reporter_of(start, lexicon.cues.reporting_verbs) is not None
    walk = _readings(start, trigger_clause, lexicon, triggers, reported)
    reading = next(walk, ModalityReading())
    if reading.modality == "future":
        # a future is itself told by what governs it: a denial ("denied it planned to
        # invade") announces nothing (the governing verb's own negation is read with it, in
        # `_governor_cue`)
        outer = next(walk, ModalityReading())
        if outer.modality == "negated" and outer.governed:
            return outer
    return reading


def _governed_noun(noun: Token, lexicon: EventLexicon, triggers: set[int]) -> ModalityReading:
    """The reading of a noun coded by its own participants: what its phrase hangs on tells it,
    as a verb tells its complement: "denied the shelling of" (negated), "feared an attack on"
    (hypothetical), "reports of the arrest of" (hypothetical). Only up to the first verb: the
    verb's own tense or mood is its act's, not the noun's ("will investigate the killing of"
    does not make the killing future; "defend it from the incursion" demands no incursion)."""
    clause = noun
    for _ in range(MAX_DEPTH):
        if clause.head.i == clause.i or (clause.i != noun.i and clause.pos_ in ("VERB", "AUX")):
            break
        # the root stands for the trigger's clause: the noun itself is no clause of its own
        link = _link_reading(clause, noun.sent.root, lexicon, triggers)
        if link is not None:
            return link
        clause = clause.head
    return ModalityReading()


def _readings(start: Token, trigger_clause: Token, lexicon: EventLexicon, triggers: set[int],
              reported: bool) -> Iterator[ModalityReading]:
    """The readings met walking up from the trigger's clause, nearest first: each clause's own
    cues, then its link to its head; the first decides the event's modality."""
    clause = start
    for _ in range(MAX_DEPTH):
        own = _clause_reading(clause, start, lexicon.cues, reported)
        if own is not None:
            yield own
        link = _link_reading(clause, trigger_clause, lexicon, triggers)
        if link is not None:
            yield link
        if clause.head.i == clause.i:
            return
        clause = clause.head


def _journey(clause: Token, cues: ModalityCues) -> Token | None:
    """The journey a verbal act is the purpose of ("travelled to Paris to sign the deal", "sent
    an envoy to meet the president"): the act is told with it and takes its modality."""
    if not _infinitival(clause):
        return None
    head = clause.head
    if clause.dep_ == "relcl" and head.dep_ in ("dobj", "obj"):
        head = head.head
    elif clause.dep_ != "advcl":
        return None
    return head if head.lemma_.lower() in cues.journey_verbs else None


def _adjunct_host(clause: Token) -> Token:
    """The clause a free participle tells an act alongside: the parser hangs "describing it as
    rigged" in "refused to accept the outcome, describing it as rigged" on "accept", but it is
    done with the refusal, not refused; so "tried to disperse the crowd, firing tear gas"."""
    while (clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.head.dep_ == "xcomp"
           and not any(c.dep_ == "mark" for c in clause.children)):
        clause = clause.head.head
    return clause


def _clause_reading(clause: Token, start: Token, cues: ModalityCues,
                    reported: bool) -> ModalityReading | None:
    """What a clause on the way up says of itself: its own cues, background told in the
    trigger's own clause, a marker of what came before."""
    own = _own_cue(clause, cues, reported)
    if own is not None:
        return own
    habitual = next((c for c in clause.children
                     if c.dep_ == "advmod" and c.lower_ in cues.habitual_adverbs), None)
    if habitual is not None:
        return ModalityReading("historical", habitual.lower_)
    if clause.i == start.i and _background(clause) and not (
            clause.tag_ == "VBG" and clause.head.lemma_.lower() in cues.statement_nouns):
        return ModalityReading("historical", clause.lower_)
    prior = _prior(clause, cues)
    return ModalityReading("historical", prior) if prior is not None else None


def _finite(clause: Token) -> bool:
    """A clause with a tense of its own: a finite verb, or a finite auxiliary ("were deported")."""
    return clause.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in (*FINITE_TAGS, "MD") for c in clause.children)


def _link_reading(clause: Token, trigger_clause: Token, lexicon: EventLexicon,
                  triggers: set[int]) -> ModalityReading | None:
    """What the link from a clause to its head says: a reading (the plain asserted one where
    the walk stops with no cue), or None to go on up to the head."""
    cues = lexicon.cues
    head, dep = clause.head, clause.dep_
    if dep == "conj" and clause.tag_ in FINITE_TAGS:
        # a conjoined clause with a tense of its own has its own auxiliaries: "the guards
        # did not answer and opened fire" (the firing is asserted); it shares the background
        # of a relative clause it continues ("police who used teargas and tortured ...")
        return ModalityReading("historical", head.lower_) if _background(head) else ModalityReading()
    if dep == "conj" and _background(head) and (
            _finite(clause) or _own_cue(head, cues, False) is None):
        # so does one with an auxiliary of its own ("traders who were detained and were later
        # deported") or one that shares the relative clause's ("who were detained and
        # deported"; but "who were not detained and deported" is read up in the relative
        # clause, whose negation it shares)
        return ModalityReading("historical", head.lower_)
    if dep == "relcl" and _infinitival(clause):
        # "the first delegation to visit Bucharest", "a force to protect them": what the
        # noun is for, not news
        return ModalityReading("hypothetical", "to", governed=True)
    if head.i == clause.i or dep == "relcl":
        return ModalityReading()
    if head.pos_ == "NOUN" and head.lemma_.lower() in cues.hypothetical_nouns and dep in (
            "acl", "ccomp", "prep"):
        if _negated_by(head, cues) is not None:
            # a plan or a chance there is none of announces nothing: "has no plans to recall
            # the envoy", as "did not plan to"; a doubt there is none of affirms: "there is no
            # doubt that the militia fired"
            if head.lemma_.lower() in cues.doubt_nouns:
                return ModalityReading("asserted", head.lower_)
            return ModalityReading("negated", head.lower_)
        return ModalityReading("hypothetical", head.lower_)
    if dep in ("dobj", "obj") and clause.pos_ == "NOUN" and clause.i != trigger_clause.i:
        # the noun's own governor decides: "demanded an admission that X killed ..."
        return _governor_cue(head, lexicon, triggers) or ModalityReading()
    if dep == "prep" and head.pos_ in ("VERB", "AUX", "ADJ") and clause.lower_ not in (
            cues.historical_markers | cues.simultaneous_markers):
        # "suspected of blowing up", "aimed at establishing", "arrested for collaborating"
        # (a time adjunct completes no verb: "told the press after meeting them")
        governed = _governor_cue(head, lexicon, triggers)
        if governed is not None:
            return governed
    if dep in ("csubj", "csubjpass") and (clause.tag_ == "VBG" or _infinitival(clause)) and not any(
            c.dep_ in ("nsubj", "nsubjpass", "poss") for c in clause.children):
        # a doerless gerund or infinitive that a predicate judges is an activity in general,
        # not an act: "boycotting the talks is not enough", "negotiating with armed groups is
        # considered a crime", "to collaborate with them makes you a traitor"
        return ModalityReading("hypothetical", "generic")
    if dep in GOVERNED_DEPS and head.lemma_.lower() in cues.permission_governors:
        # the bare verb after "let" is what is permitted, not a mandate: "let them pass"
        return _governor_cue(head, lexicon, triggers, clause)
    if (dep == "ccomp" and mandative_subjunctive(clause)
            and head.lemma_.lower() not in cues.perception_verbs
            and (_bare_form_shows(clause) or head.lemma_.lower() in cues.demanded_governors)):
        # a bare verb with a subject of its own is a mandate, whatever verb tells it: "insisted
        # that Somalia withdraw", "recommended that the army release them"
        return ModalityReading("demanded", "subjunctive", governed=True)
    if (dep in GOVERNED_DEPS and _indirect_question(clause)
            and head.lemma_.lower() not in cues.demanded_governors):
        # what an indirect question is about is taken as having happened, whatever the polarity
        # of the verb it hangs on: "it was not known how many were killed", "unclear who fired"
        # (a question put to someone asks it: "asked why the forces were allowed")
        return ModalityReading()
    if dep in GOVERNED_DEPS or (dep == "acomp" and head.pos_ == "ADJ") or _content_of_noun(
            clause):
        reading = _complement_reading(head, lexicon, triggers, clause)
        if reading is None and dep in GOVERNED_DEPS and _infinitival(clause) and _extraposing(
                head, cues):
            # a doerless activity put after a judgement its "it" stands for, which no judging
            # word above decides ("it is necessary to", "not possible to"): "it was a mistake
            # to support them", "it makes sense to assist workers abroad"
            return ModalityReading("hypothetical", "generic")
        if reading is None and dep in GOVERNED_DEPS and _background(head):
            # what a background clause saw or made happen is background with it: "a crisis
            # which has seen troops clash with rebels"
            return ModalityReading("historical", head.lower_)
        return reading
    if dep == "acl" and head.i in triggers and head.lemma_.lower() in lexicon.complements:
        # the content of a nominal trigger: "its request to Rwanda to withdraw" (demanded)
        return ModalityReading(lexicon.complements[head.lemma_.lower()], head.lower_,
                               governed=True)
    if dep == "advcl" and _infinitival(clause) and any(
            c.dep_ == "mark" and c.lower_ in cues.demand_prepositions for c in clause.children):
        # an infinitive with its own doer after "for" completes the verb it hangs on, as its
        # object would: "called for the police to release them" is demanded, as "called for
        # their release" is; the parser takes it for a purpose clause
        governed = _governor_cue(head, lexicon, triggers, clause)
        if governed is not None:
            return governed
    if dep in ("acl", "advcl") and _infinitival(clause):
        return ModalityReading("hypothetical", "to", governed=True)
    if dep not in ("conj", "advcl", "pcomp", "prep", "pobj", "acomp"):
        return ModalityReading()
    return None


def _extraposing(head: Token, cues: ModalityCues) -> bool:
    """A verb of judging whose subject is an "it" that stands for an infinitive after it."""
    return head.lemma_.lower() in cues.judging_verbs and any(
        c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children)


def _bare_form_shows(clause: Token) -> bool:
    """Whether a bare verb is told apart from the present by its form: with a third person
    singular subject ("that the envoy leave") or a bare "be" ("that they be freed"). With any
    other subject the bare form is the present's ("says the villagers fear reprisals"): only a
    verb that demands makes it a mandate, and the tagger's VB there says nothing."""
    if clause.tag_ != "VB":
        return True
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(
        s.tag_ in ("NN", "NNP") and not any(c.dep_ == "conj" for c in s.children)
        or (s.pos_ == "PRON" and s.morph.get("Number", []) == ["Sing"]
            and s.morph.get("Person", []) == ["3"]) for s in subjects)


def _indirect_question(clause: Token) -> bool:
    """A clause opened by a wh-word: "how many were killed", "who carried out the attack"."""
    return clause.left_edge.tag_ in WH_TAGS


def _complement_reading(head: Token, lexicon: EventLexicon, triggers: set[int],
                        complement: Token) -> ModalityReading | None:
    """The reading of a complement clause from the word it completes: "reiterated its demand
    that X ..." (the content of the object noun), "refused to ...", "said that ..." (the
    reporting verb leaves it as it is)."""
    demand = _object_trigger(head, lexicon, triggers)
    if demand is not None:
        return demand
    if head.lemma_.lower() in lexicon.cues.reporting_verbs and head.i not in triggers:
        return ModalityReading()
    judge = _judgement(head)
    reading = _governor_cue(judge, lexicon, triggers, complement)
    if reading is not None and judge.i != head.i and _negated_by(head, lexicon.cues) is not None:
        # "it is not possible to withdraw it": what is judged not possible or not needed is
        # not done
        return ModalityReading("negated", judge.lower_)
    return reading


def _judgement(head: Token) -> Token:
    """The adjective a copula judges its complement with: the parser hangs "to condemn" in "it
    is hard to condemn" and "that they withdraw" in "it is important that they withdraw" on
    "is", but "hard" and "important" tell whether the act is done."""
    if head.lemma_ != "be":
        return head
    return next((c for c in head.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), head)
