"""Source and target of an event from the roles of its clause, resolved to actors.

The parse gives the role heads (subject, passive agent, object, the objects of the type's target
prepositions); the actors stage says who each noun phrase is. Coordinated heads ("Jordan and
Britain") and coordinated modifiers ("Hungarian and Romanian officials") give several actors.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Span, Token

from tripwire.actors import ActorResolution, resolve_phrase
from tripwire.document import ActorRef
from tripwire.events.lexicon import EventLexicon, EventType
from tripwire.events.matching import (
    OBJECT_DEPS,
    TriggerMatch,
    entities_in,
    gerund_head,
    hyphen_prefix,
    is_passive,
    object_lemmas,
    presupposed,
    verb_objects,
)
from tripwire.events.places import lookup_place

SUBJECT_DEPS = ("nsubj", "csubj")
PRE_MODIFIERS = {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "case"}
ACTOR_MODIFIERS = {"amod", "compound", "poss", "nmod"}
ENTITY_LABELS = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"}
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "its", "their", "his", "her", "our"}
# Verbs whose object is the doer of their infinitive: "urged X to withdraw", "forced X to leave".
OBJECT_CONTROL = {"urge", "ask", "call", "force", "order", "tell", "allow", "permit", "persuade",
                  "invite", "press", "pressure", "push", "help", "enable", "compel", "instruct",
                  "demand", "encourage", "appeal", "implore", "prompt"}


@dataclass
class Roles:
    source: list[ActorRef]
    target: list[ActorRef]


class ActorLookup:
    """Asks the actors stage who a noun phrase is (the article's mentions first, then the
    phrase resolver for generic agents like "Russian troops"); keeps unresolved phrases as text."""

    def __init__(self, actors: ActorResolution, published: str | None) -> None:
        self.actors = actors
        self.published = published

    def _at(self, span: Span) -> ActorRef | None:
        return self.actors.actor_at(span.start_char, span.end_char)

    def resolve(self, head: Token) -> ActorRef:
        """The actor a role head names: the core phrase, then named entities inside it or in its
    "of" phrase, then the phrase resolver."""
        core = core_phrase(head)
        ref = self._at(core)
        if ref is None:
            for phrase in (core, *(core_phrase(t) for t in _of_objects(head))):
                for ent in entities_in(phrase):
                    if ent.label_ in ENTITY_LABELS:
                        ref = self._at(ent)
                        if ref is not None:
                            return ref
        # generic agents ("Russian troops", "the police"); a name the actors stage could not
        # resolve in the article is not retried
        if ref is None and head.pos_ in ("NOUN", "ADJ") and head.ent_type_ not in NOT_ACTORS:
            found = _resolve_phrase(core.text, self.published)
            if found is not None:
                ref = ActorRef(found.actor, core.text, found.country, found.sector)
        if ref is None or (ref.actor is None and ref.country is None):
            country = _located_in(head) or _place_country(head)
            if country is not None:
                sector = ref.sector if ref is not None else None
                ref = ActorRef(None, core.text, country, sector)
        return ref or ActorRef(actor=None, text=core.text)


def _place_country(head: Token) -> str | None:
    """A place named as a role ("the curfew in Abidjan" names Abidjan): its country."""
    if head.ent_type_ not in ("GPE", "LOC"):
        return None
    location = lookup_place(core_phrase(head).text)
    return location.country if location is not None else None


def _located_in(head: Token) -> str | None:
    """The country of a place that qualifies a generic agent: "demonstrators in Baghdad"."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "from"):
            for place in entities_in(prep.doc[prep.i + 1: prep.right_edge.i + 1]):
                if place.label_ in ("GPE", "LOC"):
                    location = lookup_place(place.text)
                    if location is not None and location.country:
                        return location.country
    return None


@functools.lru_cache(maxsize=20_000)
def _resolve_phrase(text: str, published: str | None) -> ActorRef | None:
    """The phrase resolver's reading of a generic phrase, cached: news repeats its phrases."""
    reading = resolve_phrase(text, published)
    return None if reading.empty else ActorRef(reading.actor, text, reading.country,
                                               reading.sector)


def _of_objects(head: Token) -> list[Token]:
    """Who a generic head is: "leaders of the opposition coalition", "Kenzo Oshima, the UN
    relief coordinator" (appositions), "the group, Human Rights Watch"."""
    out = [c for c in head.children if c.dep_ in ("appos", "poss")]
    out += [c for p in head.children if p.dep_ in ("prep", "agent")
            and p.lower_ in ("of", "from", "by")
            for c in p.children if c.dep_ == "pobj"]
    out += [c for p in head.children if p.dep_ == "prep" and p.lower_ == "in"
            for c in p.children if c.dep_ == "pobj" and c.ent_type_ in ("GPE", "LOC")]
    return out


def core_phrase(head: Token) -> Span:
    """The head noun with its pre-modifiers, without relative clauses or conjuncts."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in PRE_MODIFIERS or child.dep_ == "cc":
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "appos") and child.i == end:
            end = child.right_edge.i + 1
    return head.doc[start:end]


def _first_child(token: Token, deps: tuple[str, ...]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The doer of a clause, following control, coordination and participles upwards."""
    if depth > 6:
        return None
    subject = _hyphen_subject(verb, _first_child(verb, SUBJECT_DEPS))
    if subject is not None:
        return subject
    head = verb.head
    if head.i == verb.i:
        return None
    dep = verb.dep_
    if dep == "xcomp":
        obj = _first_child(head, ("dobj", "obj"))
        if obj is not None and head.lemma_.lower() in OBJECT_CONTROL:
            return obj
        prep_obj = _prep_object(head, ("on", "upon"))
        if prep_obj is not None and head.lemma_.lower() in OBJECT_CONTROL:
            return prep_obj
        patient = _first_child(head, ("nsubjpass",))
        if patient is not None and head.lemma_.lower() in OBJECT_CONTROL:
            # the passive of object control: "the police were told to patrol the area"
            return patient
        return subject_of(head.head if head.dep_ in ("acomp", "amod") else head, depth + 1)
    if dep == "conj" or (dep == "advcl" and verb.tag_ == "VBG"):
        return None if is_passive(head) else subject_of(head, depth + 1)
    if dep == "pcomp":
        return subject_of(head.head, depth + 1)
    if dep == "relcl" or (dep == "acl" and verb.tag_ != "VBN"):
        # "issued a declaration demanding ...": the declaration speaks for its issuer
        if dep == "acl" and head.dep_ in ("dobj", "obj") and head.pos_ == "NOUN":
            return subject_of(head.head, depth + 1) or head
        return head
    if dep in ("acomp", "amod"):
        return subject_of(head, depth + 1)
    return None


def _hyphen_subject(verb: Token, subject: Token | None) -> Token | None:
    """The subject of a hyphenated verb the tokenizer split: the parser takes the first word for
    the subject ("police lathi-charged ..." parses "lathi" as subject, "police" under it)."""
    prefix = hyphen_prefix(verb)
    if prefix is None or (subject is not None and subject.i != prefix.i):
        return subject
    return next((c for c in prefix.children if c.dep_ in ("compound", "nsubj", "amod")
                 and c.pos_ in ("NOUN", "PROPN")), None)


def _prep_object(token: Token, preps: tuple[str, ...] | frozenset[str]) -> Token | None:
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in preps:
            obj = _first_child(child, ("pobj",))
            if obj is not None:
                return obj
    return None


NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the token's prepositions in `preps` (dates and amounts are never actors)."""
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            out.extend(c for c in child.children
                       if c.dep_ == "pobj" and c.ent_type_ not in NOT_ACTORS)
        elif child.dep_ == "dative" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append(child)
    return out


def _agent(verb: Token) -> Token | None:
    agent = _first_child(verb, ("agent",))
    return _first_child(agent, ("pobj",)) if agent is not None else None


def _with_conjuncts(heads: list[Token]) -> list[Token]:
    out: list[Token] = []
    for head in heads:
        for token in (head, *head.conjuncts):
            if token not in out and token.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"):
                out.append(token)
    return out


def _complement_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp"):
            subject = _first_child(child, ("nsubj", "nsubjpass"))
            if subject is not None:
                return subject
    return None


COMPLEMENT_PREPS = frozenset({"to", "with", "from", "against", "on", "into", "in", "for"})


def complement_targets(verb: Token) -> list[Token]:
    """Who the complement clause acts on: "threatened to cut off power to X", "refused to meet
    X", "offered to negotiate with X": the target of a pledge, threat, refusal or demand."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp"):
            found = [c for c in child.children if c.dep_ in ("dobj", "obj", "dative")]
            found += _prep_objects(child, COMPLEMENT_PREPS)
            for obj in list(found):
                found += _prep_objects(obj, COMPLEMENT_PREPS)
            return found or complement_targets(child)
    return []


def _verb_roles(match: TriggerMatch, event_type: EventType) -> tuple[list[Token], list[Token]]:
    verb = match.token
    pattern = match.pattern
    if is_passive(verb):
        agent = _agent(verb)
        sources = [agent] if agent is not None else []
        targets = verb_objects(verb)
    else:
        subject = subject_of(verb)
        sources = [subject] if subject is not None else []
        objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
        targets = []
        if pattern.particles:
            found = _prep_object(verb, pattern.particles)
            targets = [found] if found is not None else []
        instruments = bool(pattern.objects and object_lemmas(objects) & pattern.objects)
        if not targets and objects and not instruments:
            targets = objects
        if not targets and instruments:
            targets = _prep_objects(objects[0], event_type.targets)
        if not targets:
            targets = _prep_objects(verb, event_type.targets)
        if not targets and instruments:
            targets = _actor_modifiers(objects[0])
        if not targets and event_type.quad.startswith("verbal"):
            found = _complement_subject(verb)
            targets = [found] if found is not None else []
    return sources, targets


def _noun_roles(match: TriggerMatch, event_type: EventType) -> tuple[list[Token], list[Token]]:
    noun, verb = match.token, match.light
    between = _prep_objects(noun, frozenset({"between", "among"}))
    targets = _prep_objects(noun, event_type.targets | {"against", "on", "with"})
    participle = verb is not None and verb.head.i == noun.i
    if verb is not None and not match.pattern.agentive and (noun.dep_ != "nsubj" or participle):
        if is_passive(verb) or participle:
            agent = _agent(verb)
            sources = [agent] if agent is not None else []
        else:
            subject = subject_of(verb)
            sources = [subject] if subject is not None else []
        if presupposed(noun):
            # "hurt in police firing": the firing's doer is its own modifier, not whoever hurt
            sources = _actor_modifiers(noun)
        if not targets:
            targets = _prep_objects(verb, event_type.targets)
    elif match.pattern.agentive:
        sources = [noun]
        if verb is not None and not targets:
            targets = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
            targets = targets or _prep_objects(verb, event_type.targets)
    else:
        by = _prep_object(noun, ("by",))
        sources = [by] if by is not None else _actor_modifiers(noun)
        if not targets and verb is not None:
            targets = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if between and match.pattern.mode == "third-party":
        targets = between
    elif between:
        sources = between
    return sources, targets


def _actor_modifiers(noun: Token) -> list[Token]:
    """Modifiers that may name the doer of a nominal event: "Russia's", "Russian", "US"."""
    owner = gerund_head(noun)
    if owner is not None:
        return [owner]  # "police firing" parsed as "police" + participle "firing"
    out = []
    for child in noun.lefts:
        if child.dep_ in ACTOR_MODIFIERS and (child.pos_ in ("PROPN", "ADJ", "NOUN")
                                              or child.dep_ == "poss"):
            out.append(child)
        elif child.dep_ == "compound":
            out.extend(_actor_modifiers(child))
    return out


def _modal_roles(match: TriggerMatch) -> tuple[list[Token], list[Token]]:
    verb = match.token.head
    speaker = subject_of(verb.head)
    subject = _first_child(verb, ("nsubj", "nsubjpass"))
    return ([speaker] if speaker else []), ([subject] if subject else [])


def _adjective_roles(match: TriggerMatch, event_type: EventType) -> tuple[list[Token], list[Token]]:
    clause = match.clause
    subject = (_first_child(clause, ("nsubj", "nsubjpass", "csubj")) or subject_of(clause))
    targets = _prep_objects(match.token, frozenset({"to"}) | event_type.targets)
    return ([subject] if subject else []), targets


def role_heads(match: TriggerMatch, lexicon: EventLexicon) -> tuple[list[Token], list[Token]]:
    """The head tokens of the source and target phrases of a matched trigger."""
    event_type = lexicon.types[match.pattern.type]
    kind = match.pattern.kind
    if kind == "noun":
        sources, targets = _noun_roles(match, event_type)
    elif kind == "modal":
        sources, targets = _modal_roles(match)
    elif kind == "adjective":
        sources, targets = _adjective_roles(match, event_type)
    else:
        sources, targets = _verb_roles(match, event_type)
    sources = _with_conjuncts(sources)
    targets = [t for t in _with_conjuncts(targets) if t not in sources]
    return sources, targets


def reporter_of(token: Token, reporting: frozenset[str]) -> Token | None:
    """The reporting verb a clause is said under ("X said ...", "according to X"), if any."""
    clause = token
    for _ in range(8):
        head = clause.head
        if head.i == clause.i:
            break
        if clause.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in reporting:
            return head
        clause = head
    root = clause
    for child in root.children:
        if child.dep_ in ("prep", "advcl") and child.lower_ == "according":
            return child
    if root.lemma_.lower() in reporting and root.i > token.i:
        return root
    return None


def reporter_subject(reporter: Token) -> Token | None:
    if reporter.lower_ == "according":
        return _prep_object(reporter, ("to",))
    return subject_of(reporter)


def _resolve_heads(heads: list[Token], lookup: ActorLookup,
                   fallback: Token | None) -> list[ActorRef]:
    refs: list[ActorRef] = []
    for head in heads:
        candidates = [lookup.resolve(head)]
        modifiers = [c for c in head.lefts if c.dep_ in ("amod", "compound") and c.conjuncts]
        if modifiers:
            resolved = [lookup.resolve(t) for m in modifiers for t in (m, *m.conjuncts)]
            resolved = [r for r in resolved if r.actor]
            if len(resolved) > 1:
                candidates = resolved
        pronominal = head.lower_ in PRONOUNS or any(
            c.dep_ == "poss" and c.lower_ in PRONOUNS for c in head.children)
        if candidates[0].actor is None and pronominal and fallback is not None:
            candidates = [lookup.resolve(fallback)]
        for ref in candidates:
            if all(ref.actor != r.actor or (ref.actor is None and ref.text != r.text)
                   for r in refs):
                refs.append(ref)
    return refs


def resolve_roles(match: TriggerMatch, lexicon: EventLexicon, lookup: ActorLookup) -> Roles:
    """Source and target actor references of a matched trigger."""
    sources, targets = role_heads(match, lexicon)
    reporter = reporter_of(match.clause, lexicon.cues.reporting_verbs)
    speaker = reporter_subject(reporter) if reporter is not None else None
    source = _resolve_heads(sources, lookup, speaker)
    target = _resolve_heads(targets, lookup, None)
    if match.pattern.complement and not any(r.actor or r.country for r in target):
        embedded = _resolve_heads([t for t in complement_targets(match.token) if t not in sources],
                                  lookup, None)
        target = [r for r in embedded if r.actor or r.country] or target
    sentence = match.clause.sent
    source = _at_home(source, target, sentence, lookup, False)
    target = _at_home(target, source, sentence, lookup, True)
    return Roles(source=source, target=target)


def _at_home(refs: list[ActorRef], others: list[ActorRef], sentence: Span,
             lookup: ActorLookup, anyone: bool) -> list[ActorRef]:
    """A person or group the registry cannot place ("President Dos Santos", "ethnic leaders")
    acts in the country the sentence is about: the first state it names that is not the
    other role's actor ("... in Luanda" places the president in Angola; "... welcomed the
    South African leader" does not make the host South African)."""
    if all(r.country or not _placeable(r, anyone) for r in refs):
        return refs
    taken = {r.country for r in others if r.country and r.actor}
    home = next((c for c in _sentence_countries(sentence, lookup) if c not in taken), None)
    if home is None:
        return refs
    return [ActorRef(r.actor, r.text, home, r.sector) if not r.country and _placeable(r, anyone) else r
            for r in refs]


def _placeable(ref: ActorRef, anyone: bool) -> bool:
    """Who takes the sentence's country: a person, a generic agent (a sector without a
    country: "prisoners", "leaders"), or, as a target, any actor without a country."""
    return anyone or (ref.actor or "").startswith("person:") or (ref.actor is None
                                                                 and ref.sector is not None)


def _sentence_countries(sentence: Span, lookup: ActorLookup) -> list[str]:
    """States a sentence names, in order: actors with a country, then places in the gazetteer."""
    countries: list[str] = []
    for ent in entities_in(sentence):
        if ent.label_ not in ("GPE", "NORP", "LOC"):
            continue
        ref = lookup._at(ent) or _resolve_phrase(ent.text, lookup.published)
        country = ref.country if ref is not None else None
        if country is None and ent.label_ != "NORP":
            place = lookup_place(ent.text)
            country = place.country if place is not None else None
        if country is not None and country not in countries:
            countries.append(country)
    return countries
