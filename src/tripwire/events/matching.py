"""Find event triggers in a parsed sentence: a lemma look-up first, dependency checks after.

Each token costs one dictionary look-up; only tokens whose lemma is in the lexicon get the
structural checks (objects, particles, light verbs, passive voice, coordination).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from tripwire.events.lexicon import EventLexicon, TriggerPattern

VERB_POS = {"VERB", "AUX"}
NOUN_POS = {"NOUN", "PROPN"}
OBJECT_DEPS = {"dobj", "obj"}
NOMINAL_DEPS = {"dobj", "obj", "nsubj", "nsubjpass", "attr", "pobj", "oprd", "conj", "appos",
                "ROOT", "npadvmod", "dative"}
LIGHT_DEPS = {"dobj", "obj", "nsubjpass", "nsubj", "attr", "oprd"}
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "nummod"}
SUFFIXES = ("ed", "d", "ing", "es", "s")
# "injured in the firing", "killed during the raid", "after the bombing": these take the
# event as having happened
PRESUPPOSING_PREPS = {"in", "during", "after", "following", "since", "amid", "amidst"}


@dataclass
class TriggerMatch:
    """A lexicon pattern that matched at a token, with the clause the event lives in."""

    pattern: TriggerPattern
    token: Token
    clause: Token  # the verb heading the event's clause (the light verb for "hold talks")
    light: Token | None = None

    @property
    def start(self) -> int:
        return self.token.idx

    @property
    def end(self) -> int:
        return self.token.idx + len(self.token.text)


def is_passive(verb: Token) -> bool:
    """A passive clause ("was arrested") or a passive participle ("troops sent to ...")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def verb_objects(verb: Token) -> list[Token]:
    """The object heads of a verb: direct objects, or the patient of a passive, with conjuncts."""
    heads = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if not heads and is_passive(verb):
        heads = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not heads and verb.dep_ == "acl":
            heads = [verb.head]
        if not heads and verb.dep_ == "conj":
            heads = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    out: list[Token] = []
    for head in heads:
        out.append(head)
        out.extend(head.conjuncts)
    return out


def entities_in(span: Span) -> list[Span]:
    """Named entities inside a span, read from the tokens (cheaper than `Span.ents`)."""
    found: list[Span] = []
    start = None
    for token in span:
        if token.ent_iob_ == "B" or (token.ent_iob_ == "I" and start is None):
            if start is not None:
                found.append(Span(span.doc, start, token.i, label=span.doc[start].ent_type_))
            start = token.i
        elif token.ent_iob_ != "I" and start is not None:
            found.append(Span(span.doc, start, token.i, label=span.doc[start].ent_type_))
            start = None
    if start is not None:
        found.append(Span(span.doc, start, span.end, label=span.doc[start].ent_type_))
    return found


def lemma_forms(token: Token) -> Iterator[str]:
    """The lemma, then the lower-cased form, then its suffix-stripped stems: where the
    lemmatizer left the word as it was, as it does on noisy lower-case text, or where it
    strayed to another word ("staged" -> "stag")."""
    lemma = token.lemma_.lower()
    yield lemma
    lower = token.lower_
    if lower != lemma:
        yield lower
        if not lower.startswith(lemma) or len(lower) - len(lemma) < 2:
            return
    for suffix in SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            yield lower[: -len(suffix)]


def object_lemmas(tokens: list[Token]) -> set[str]:
    """Lemmas an object constraint may meet: the head, its compounds, and the noun of a
    quantity or part ("tons of food aid", "part of a stronghold", "state of emergency")."""
    lemmas: set[str] = set()
    for token in tokens:
        lemmas.update(lemma_forms(token))
        for child in token.children:
            if child.dep_ == "compound":
                lemmas.add(child.lemma_.lower())
            elif child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        lemmas.update(lemma_forms(pobj))
                        lemmas.update(c.lemma_.lower() for c in pobj.children
                                      if c.dep_ == "compound")
    return lemmas


def _verb_fits(pattern: TriggerPattern, verb: Token) -> bool:
    if pattern.except_particles and any(
        c.dep_ in ("prep", "prt") and c.lower_ in pattern.except_particles for c in verb.children
    ) and not any(c.dep_ == "xcomp" for c in verb.children):
        return False
    if pattern.except_objects and object_lemmas(verb_objects(verb)) & pattern.except_objects:
        return False
    if pattern.particles and not any(
        c.dep_ in ("prt", "prep", "agent", "advmod") and c.lower_ in pattern.particles
        for c in verb.children
    ):
        return False
    if pattern.intransitive and any(c.dep_ in OBJECT_DEPS or c.dep_ == "ccomp"
                                    for c in verb.children):
        return False
    return not pattern.objects or bool(object_lemmas(verb_objects(verb)) & pattern.objects)


def light_verb(noun: Token) -> Token | None:
    """The verb that governs a noun as its object or subject ("hold talks", "went on strike")."""
    # a participle after the noun: "the arrests made by the police", "talks held in Geneva"
    participle = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    if participle is not None:
        return participle
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    # a quantity or part of it: "launched ten days of war games", "staged a series of strikes"
    while (noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN"
           and noun.head.head.dep_ in LIGHT_DEPS):
        noun = noun.head.head
    if noun.dep_ in LIGHT_DEPS:
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ in ("prep", "agent"):
        return noun.head.head
    return None


def noun_modifiers(noun: Token) -> set[str]:
    """Lemmas that qualify a nominal trigger: its modifiers and its "of" phrase ("troop
    deployment", "hunger strike", "deployment of the army")."""
    lemmas = {c.lemma_.lower() for c in noun.children if c.dep_ in MODIFIER_DEPS}
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            lemmas |= object_lemmas([c for c in child.children if c.dep_ == "pobj"])
    return lemmas


def _noun_fits(pattern: TriggerPattern, noun: Token,
               historical: frozenset[str]) -> tuple[bool, Token | None]:
    if pattern.objects and not noun_modifiers(noun) & pattern.objects:
        return False, None
    if pattern.light:
        verb = light_verb(noun)
        if verb is None or verb.i == noun.i:
            return False, None
        if any(form in pattern.light for form in lemma_forms(verb)):
            return True, verb
        return False, None
    return _nominal_event(noun, historical), None


def _nominal_event(noun: Token, historical: frozenset[str]) -> bool:
    """A noun on its own names a happening when it acts in its clause ("the shelling killed
    ten"), is presupposed ("injured in the firing"), or says whose it is ("Russia's invasion",
    "attacks by the rebels", "previous aggression"); "asked for deployment" only refers to one."""
    if noun.dep_ == "compound":
        return False
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ in PRESUPPOSING_PREPS:
        return True
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "by"):
            return True
        if child.dep_ in ("amod", "compound") and (
                child.pos_ == "PROPN" or child.ent_type_ or child.lower_ in historical):
            return True
    return False


def _adjective_fits(adjective: Token) -> Token | None:
    """An adjective trigger needs a complement ("willing to", "opposed to"); returns its clause."""
    if not any(c.dep_ in ("xcomp", "prep", "ccomp") for c in adjective.children):
        return None
    return adjective.head if adjective.dep_ in ("acomp", "amod", "oprd") else adjective


def _modal_fits(pattern: TriggerPattern, modal: Token) -> bool:
    verb = modal.head
    return (modal.dep_ == "aux" and verb.dep_ == "ccomp"
            and verb.head.lemma_.lower() in pattern.under)


def _try(patterns: list[TriggerPattern], token: Token,
         historical: frozenset[str]) -> TriggerMatch | None:
    for pattern in patterns:
        if pattern.kind == "verb" and _verb_fits(pattern, token):
            return TriggerMatch(pattern, token, token)
        if pattern.kind == "noun":
            fits, verb = _noun_fits(pattern, token, historical)
            if fits:
                return TriggerMatch(pattern, token, verb or token, verb)
        if pattern.kind == "adjective":
            clause = _adjective_fits(token)
            if clause is not None:
                return TriggerMatch(pattern, token, clause)
        if pattern.kind == "modal" and _modal_fits(pattern, token):
            return TriggerMatch(pattern, token, token.head.head)
    return None


def lookup_tables(token: Token, lexicon: EventLexicon) -> list[dict[str, list[TriggerPattern]]]:
    """Which indexes a token may be looked up in, most likely first (taggers err on noisy text)."""
    pos, tag = token.pos_, token.tag_
    if token.dep_ == "amod" and pos != "NOUN":
        # an attributive participle ("the banned party", "striking miners") names a state
        return [lexicon.adjectives]
    if pos == "AUX" and token.dep_ == "aux":
        return [lexicon.modals]
    if tag == "VBN" and token.lower_ in lexicon.adjectives:
        # an adjectival passive: "is opposed to", "is committed to", "is prepared to"
        return [lexicon.adjectives, lexicon.verbs]
    if tag in ("VBN", "VBG") and any(c.dep_ == "det" for c in token.children):
        # "evacuated the wounded", "the killing of ...": a noun phrase, not a clause
        return [lexicon.nouns]
    if pos in VERB_POS or tag.startswith("VB"):
        tables = [lexicon.verbs]
        if token.dep_ in NOMINAL_DEPS:
            tables.append(lexicon.nouns)
        if tag == "VBN":
            tables.append(lexicon.adjectives)
        return tables
    if pos in NOUN_POS:
        return [lexicon.nouns, lexicon.verbs] if token.dep_ == "ROOT" else [lexicon.nouns]
    if pos == "ADJ":
        return [lexicon.adjectives, lexicon.verbs]
    return []


def find_triggers(sentence: Span, lexicon: EventLexicon) -> list[TriggerMatch]:
    """All trigger matches in a sentence, one per token at most, in text order."""
    matches: list[TriggerMatch] = []
    for token in sentence:
        for table in lookup_tables(token, lexicon):
            match = None
            for form in lemma_forms(token):
                patterns = table.get(form)
                if patterns:
                    match = _try(patterns, token, lexicon.cues.historical_modifiers)
                    break
            if match is not None:
                matches.append(match)
                break
    # a noun whose light verb is itself a trigger is what that event acts on: "called off a
    # strike", "offered concessions", "rejected the invitation" are one event, the verb's
    verbs = {m.token.i for m in matches if m.pattern.kind != "noun"}
    return [m for m in matches
            if (m.light is None or m.light.i not in verbs)
            and not _about_comment(m, lexicon)]


def _about_comment(match: TriggerMatch, lexicon: EventLexicon) -> bool:
    """"declined to comment", "refused to say": a statement about speaking, not an event."""
    if match.pattern.complement is None:
        return False
    speech = lexicon.cues.comment_verbs | lexicon.cues.reporting_verbs
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in speech for c in match.token.children)

