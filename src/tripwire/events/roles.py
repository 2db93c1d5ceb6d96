"""Source and target of an event from the roles of its clause, resolved to actors.

The parse gives the role heads (subject, passive agent, object, the objects of the type's target
prepositions); the actors stage says who each noun phrase is. Coordinated heads ("Jordan and
Britain") and coordinated modifiers ("Hungarian and Romanian officials") give several actors.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from pydantic import field_validator
from spacy.tokens import Span, Token

from tripwire.actors import ActorResolution, resolve_phrase
from tripwire.actors.reference import (
    SENTENCES_BACK,
    ArticleContext,
    cannot_act,
    described,
    gathering,
    is_title,
    not_agent,
    other_party,
    parties,
    refer,
    window_start,
    with_reasons,
)
from tripwire.actors.registry import registry
from tripwire.actors.words import phrase_words, reference_words
from tripwire.document import ActorRef, Quote
from tripwire.events.lexicon import EventLexicon, EventType
from tripwire.events.matching import (
    OBJECT_DEPS,
    TriggerMatch,
    gerund_head,
    is_passive,
    nominal_participants,
    object_lemmas,
    presupposed,
    verb_objects,
)
from tripwire.events.places import is_locative, locate, lookup_place, names_town
from tripwire.lang import WordFile, Words, load_words, word_file
from tripwire.nlp.syntax import DOER_SUBJECTS as SUBJECT_DEPS
from tripwire.nlp.syntax import Control, complement_subject, doer_of, entities_in
from tripwire.nlp.syntax import first_child as _first_child
from tripwire.nlp.syntax import passive_agent as _agent
from tripwire.nlp.syntax import prep_object as _prep_object
from tripwire.ontology import ontology

PRE_MODIFIERS = {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "case"}
ACTOR_MODIFIERS = {"amod", "compound", "poss", "nmod"}
ENTITY_LABELS = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"}
Heads = tuple[list[Token], list[Token]]  # the source and the target heads of a trigger
TIME_ENTITIES = ("DATE", "TIME")
NOT_ACTORS = {*TIME_ENTITIES, "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}


class _Prepositions(WordFile):
    origin: Words
    clause_origin: Words
    adversative: Words
    identity: Words
    theme: Words
    agent: Words
    undergone_agent: Words
    locative: Words
    inner: Words
    complement: Words
    motion: Words
    parties: Words
    noun_targets: Words
    addressee: Words
    object_gerund: Words
    circumstance: Words
    reporting: Words
    topic: Words


class RoleWords(WordFile):
    """lang/<language>/roles.yaml: the words that say who acts and who undergoes."""

    pronouns: Words
    reciprocals: Words
    conditions: Words
    answering: frozenset[str]  # event type names
    answered_acts: dict[str, str]
    object_control: Words
    control_prepositions: Words
    patient_nouns: Words
    deed_nouns: Words
    state_sectors: Words
    doer_of_nouns: Words
    ethnic_modifiers: Words
    stance_suffixes: Words
    prepositions: _Prepositions

    @field_validator("answering")
    @classmethod
    def _known_types(cls, names: frozenset[str]) -> frozenset[str]:
        unknown = sorted(names - set(ontology().type_names))
        if unknown:
            raise ValueError(f"not event types: {', '.join(unknown)}")
        return names


@functools.cache
def role_words() -> RoleWords:
    """The words of `lang/en/roles.yaml`, loaded once per process."""
    return load_words(word_file("roles"), RoleWords)


def _preps() -> _Prepositions:
    return role_words().prepositions


@functools.cache
def _control() -> Control:
    words = role_words()
    return Control(words.object_control, words.control_prepositions,
                   words.prepositions.addressee, words.prepositions.object_gerund,
                   words.prepositions.agent)


def _doer(verb: Token) -> Token | None:
    """Who does a clause (`doer_of` with this language's control words); a conjunct whose
    borrowed subject cannot act is the reporter's ("the WHO said the situation was critical and
    called on all parties ...": the WHO calls)."""
    doer = doer_of(verb, _control())
    head = verb.head
    if doer is not None and verb.dep_ == "conj" and head.dep_ == "ccomp" and \
            head.lemma_ == "be" and doer.head.i == head.i and not_agent(doer) is not None:
        # joined to a reported state ("... was critical"), not to a deed ("a bombing killed
        # one and wounded two")
        return doer_of(head.head, _control()) or doer
    return doer


@dataclass
class Roles:
    source: list[ActorRef]
    target: list[ActorRef]
    mode: str | None = None  # the type's joint mode when the roles are a joint act's parties
    doers: list[Token] = field(default_factory=list)  # the source heads the parse gave


class ActorLookup:
    """Asks the actors stage who a noun phrase is (the article's mentions first, then the
    phrase resolver for generic agents like "Russian troops"); keeps unresolved phrases as text."""

    def __init__(self, actors: ActorResolution, published: str | None,
                 dateline: str | None = None, quotes: Sequence[Quote] = ()) -> None:
        self.actors = actors
        self.quotes = quotes
        self.published = published
        self.context = ArticleContext(actors, dateline, published)
        self.reasons: dict[int, str] = {}  # role head -> how it was resolved, for `explain`
        self._near: dict[int, frozenset[str]] = {}
        self._resolved: dict[int, ActorRef] = {}

    def near(self, sentence: Span) -> frozenset[str]:
        """Countries a sentence's actors belong to: which of two places of one name it means
        ("Tripoli ... the north Lebanese port")."""
        if sentence.start_char not in self._near:
            refs = (self._at(e) for e in entities_in(sentence) if e.label_ in ("NORP", "GPE"))
            self._near[sentence.start_char] = frozenset(r.country for r in refs
                                                         if r is not None and r.country)
        return self._near[sentence.start_char]

    def _at(self, span: Span) -> ActorRef | None:
        return self.actors.actor_at(span.start_char, span.end_char)

    def resolve(self, head: Token) -> ActorRef:
        """The actor a role head stands for: what a pronoun, a relative pronoun or a definite
        description refers to, else what the head names (`_named_by`)."""
        if head.i not in self._resolved:
            self._resolved[head.i] = ActorRef(None, head.text)  # a cycle finds nothing
            referred = refer(head, self.resolve, self.actors, self.quotes)
            if referred is None:
                named = self._named_by(head)
                referred = (described(head, named, self.actors)
                            or gathering(head, named, self.resolve)
                            or cannot_act(head, named) or (named, ""))
            self._resolved[head.i] = referred[0]
            if referred[1]:
                self.reasons[head.i] = referred[1]
        return self._resolved[head.i]

    def parties(self, head: Token) -> list[ActorRef] | None:
        """The actors a pair phrase stands for ("both sides", "the two leaders"), if any."""
        found = parties(head, self.resolve)
        if found is None:
            return None
        self.reasons[head.i] = found[1]
        return found[0]

    def _named_by(self, head: Token) -> ActorRef:
        """The actor a role head names: the core phrase, then named entities inside it or in its
    "of" phrase, then the phrase resolver."""
        core = core_phrase(head)
        plain, stances = _stanceless(core)
        ref = self._at(core)
        if ref is not None and any(_same_actor(ref, self._at(e)) for e in stances):
            ref = None
        if ref is None:
            for phrase in (core, *(core_phrase(t) for t in _of_objects(head))):
                for ent in entities_in(phrase):
                    if ent.label_ in ENTITY_LABELS and _stance_tokens(ent) is None:
                        ref = self._at(ent)
                        if ref is not None:
                            return ref
        # generic agents ("Russian troops", "the police", "The Prosecutor's Office": a
        # capitalised one gives its sector only, a name the actors stage could not resolve in
        # the article is not retried)
        if ref is None and head.pos_ in ("NOUN", "ADJ", "PROPN") and \
                head.ent_type_ not in NOT_ACTORS:
            found = _resolve_phrase(plain, self.published)
            if found is not None and not _common_words_naming(found, core) and \
                    not self.context.foreign_body(found) and \
                    (head.pos_ != "PROPN" or found.actor is None):
                ref = ActorRef(found.actor, core.text, found.country, found.sector)
        if ref is None or (ref.actor is None and ref.country is None):
            near = self.near(head.sent)
            country = _located_in(head, near, ref is not None and ref.sector is not None) \
                or _place_country(head, near)
            if country is not None:
                sector = ref.sector if ref is not None else None
                ref = ActorRef(None, core.text, country, sector)
        return ref or ActorRef(actor=None, text=core.text)


def _same_actor(ref: ActorRef, other: ActorRef | None) -> bool:
    return other is not None and (ref.actor or ref.country) == (other.actor or other.country)


def _stance_tokens(ent: Span) -> range | None:
    """The tokens of a name with the stance word joined to it by a hyphen, when the name says
    whom someone is for, against or backed by rather than who they are: "an anti-Syria
    journalist", "Rwanda-backed rebels"."""
    doc, start, end = ent.doc, ent.start, ent.end
    words, prefixes = role_words(), phrase_words().stance_prefixes
    if end - start > 2 and doc[start + 1].text == "-" and doc[start].lower_ in prefixes:
        return range(start, end)  # the tagger took "Anti-Israel" for one name
    if start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ in prefixes:
        return range(start - 2, end)
    if start > 0 and doc[start - 1].lower_.rstrip("-") in prefixes and \
            doc[start - 1].lower_.endswith("-"):
        return range(start - 1, end)
    if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in words.stance_suffixes:
        return range(start, end + 2)
    return None


def _stanceless(core: Span) -> tuple[str, list[Span]]:
    """A phrase without the names it is for, against or backed by ("the Rwanda-backed rebels"
    are rebels, of no country yet), and those names."""
    stances = [(ent, found) for ent in entities_in(core)
               if (found := _stance_tokens(ent)) is not None]
    if not stances:
        return core.text, []
    dropped = {i for _, found in stances for i in found}
    text = "".join(t.text_with_ws for t in core if t.i not in dropped).strip()
    return text, [ent for ent, _ in stances]


def _common_words_naming(found: ActorRef, core: Span) -> bool:
    """A phrase of common words read as a person or a named group: "electric power" is not
    Samantha Power, "the labour market" not the Labour party."""
    named = found.actor is not None and ":" in found.actor
    return named and not any(t.pos_ == "PROPN" or (t.is_title and t.i != t.sent.start)
                             for t in core)


def _place_country(head: Token, near: frozenset[str]) -> str | None:
    """A place named as a role ("the curfew in Abidjan" names Abidjan): its country."""
    if head.ent_type_ not in ("GPE", "LOC"):
        return None
    location = lookup_place(core_phrase(head).text, near)
    return location.country if location is not None else None


def _located_in(head: Token, near: frozenset[str] = frozenset(),
                agent: bool = False) -> str | None:
    """The country of a place that qualifies a generic agent: "demonstrators in Baghdad", or,
    for an `agent` (a phrase of a sector: a thing signed in a city is not of it), that its own
    participle or relative clause puts it in: "militias fighting the army in the Syrian north",
    "rebels who operate near Goma"."""
    preps = [(p, _preps().origin) for p in head.children]
    preps += [(p, _preps().clause_origin) for clause in head.children
              if agent and clause.dep_ in ("acl", "relcl") for p in clause.children]
    for prep, allowed in preps:
        if prep.dep_ == "prep" and prep.lower_ in allowed:
            country = _place_in(prep, near)
            if country is not None:
                return country
    return None


def _place_in(prep: Token, near: frozenset[str]) -> str | None:
    """The country of the place a prepositional phrase puts someone in: a place name as its
    object ("in Baghdad", "in the province of Kivu"), else a nationality qualifying the object
    itself ("in the Syrian north"); never a place a clause on the object names ("in a province
    bordering Rwanda" is not in Rwanda) nor one qualifying a word under the object ("in front
    of the Turkish embassy" is not in Turkey)."""
    objects = {o.i for o in prep.children if o.dep_ == "pobj"}
    places = [e for e in entities_in(prep.doc[prep.i + 1: prep.right_edge.i + 1])
              if _names_object(e.root, objects)]
    for place in places:
        if place.label_ in ("GPE", "LOC"):
            location = lookup_place(place.text, near)
            if location is not None and location.country:
                return location.country
    for place in places:
        if place.label_ == "NORP" and place.root.dep_ == "amod" and place.root.head.i in objects:
            found = _resolve_phrase(place.text, None)
            if found is not None and found.country:
                return found.country
    return None


def _names_object(token: Token, objects: set[int]) -> bool:
    """Whether a word is (part of) one of the `objects` noun phrases: the object itself, a
    word qualifying or in apposition to it, or its "of" phrase ("the enclave of X")."""
    while token.i not in objects:
        if token.dep_ in ("compound", "amod", "nmod", "appos", "conj") and token.head.i != token.i:
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ in _preps().theme:
            token = token.head.head
        else:
            return False
    return True


def _allegiance(sentence: Span) -> set[int]:
    """The words that say whom someone is against ("fighting against X") or backed by ("backed
    by an X-led coalition"): the adversary and the sponsor, never where the act's unplaced
    doer belongs or acts."""
    words = role_words()
    found: set[int] = set()
    for token in sentence:
        if token.dep_ == "prep" and token.lower_ in _preps().adversative:
            found |= {t.i for t in token.subtree}
        elif token.lower_ in words.stance_suffixes and token.tag_ == "VBN" and (
                token.dep_ == "acl" or (token.dep_ == "conj" and token.head.dep_ == "acl")):
            # "trained and funded by X": the "by" of either participle
            for verb in (token, *token.conjuncts):
                sponsor = _agent(verb)
                found |= {t.i for t in sponsor.subtree} if sponsor is not None else set()
    return found


@functools.lru_cache(maxsize=20_000)
def _resolve_phrase(text: str, published: str | None) -> ActorRef | None:
    """The phrase resolver's reading of a generic phrase, cached: news repeats its phrases; a
    phrase that was only a stance ("the anti-X", with the name it is against dropped) is
    no one yet."""
    if not text.strip():
        return None
    reading = resolve_phrase(text, published)
    return None if reading.empty else ActorRef(reading.actor, text, reading.country,
                                               reading.sector)


def _of_objects(head: Token) -> list[Token]:
    """Who a generic head is: "leaders of the opposition coalition", "Kenzo Oshima, the UN
    relief coordinator" (appositions), "the group, Human Rights Watch"."""
    out = [c for c in head.children if c.dep_ in ("appos", "poss")]
    out += [c for p in head.children if p.dep_ in ("prep", "agent")
            and p.lower_ in _preps().identity
            for c in p.children if c.dep_ == "pobj"]
    out += [c for p in head.children if p.dep_ == "prep" and p.lower_ in _preps().locative
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


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the token's prepositions in `preps` (dates and amounts are never actors)."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "dative", "prt") and child.lower_ in preps:
            out.extend(c for c in child.children
                       if c.dep_ == "pobj" and c.ent_type_ not in NOT_ACTORS)
        elif child.lower_ in _preps().motion and "from" in preps:
            out.extend(c for p in child.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
                       for c in p.children if c.dep_ == "pobj" and c.ent_type_ not in NOT_ACTORS)
        elif child.dep_ == "dative" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append(child)
    return out


def _following_prep_objects(verb: Token, preps: frozenset[str]) -> list[Token]:
    """Targets a verb's prepositions name: after the verb ("With the signing of a deal, X
    agreed ..." names no partner), and under "in" only a name ("in Bosnia", not "in a move")."""
    return [t for t in _prep_objects(verb, preps)
            if t.i > verb.i and (t.head.lower_ not in _preps().locative or t.ent_type_)]


def _with_conjuncts(heads: list[Token]) -> list[Token]:
    out: list[Token] = []
    for head in heads:
        for token in (head, *head.conjuncts):
            if token not in out and token.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"):
                out.append(token)
    return out


def complement_targets(verb: Token, depth: int = 4) -> Iterator[list[Token]]:
    """Who the complement clause acts on, clause by clause down the chain of complements:
    "threatened to cut off power to X", "refused to meet X", "offered to negotiate with X", "is
    willing to send material to help defend X": the target of a pledge, threat, refusal or
    demand."""
    if depth == 0:
        return
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp") or (child.dep_ == "advcl" and depth < 4
                                                and not _condition(child)):
            yield from _clause_targets(child, depth)


def _condition(clause: Token) -> bool:
    """A clause a condition marker opens ("once Congo disbands the group"): what the other
    side must do, not what the act is done to (`ultimatum_condition` reads it)."""
    return any(c.dep_ == "mark" and c.lower_ in role_words().conditions for c in clause.children)


def _clause_targets(clause: Token, depth: int = 4) -> Iterator[list[Token]]:
    """Who one complement clause acts on (its objects and target prepositions), then its own
    complements (`complement_targets`)."""
    found = [c for c in clause.children if c.dep_ in ("dobj", "obj", "dative")]
    # "refused to meet X in Tel Aviv": with an object, "in" says where, not to whom
    preps = _preps().complement
    found += _following_prep_objects(clause, preps - _preps().locative if found else preps)
    for obj in list(found):
        found += _prep_objects(obj, preps - _preps().locative)
    if found:
        yield found
    yield from complement_targets(clause, depth - 1)


def _shared_objects(verb: Token) -> list[Token]:
    """The object a coordinated verb shares with the next: "killing or wounding 50"."""
    if any(c.dep_ not in ("cc", "conj", "aux", "neg", "punct") for c in verb.children):
        return []
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB":
            return [c for c in conj.children if c.dep_ in OBJECT_DEPS]
    return []


def _verb_roles(match: TriggerMatch, event_type: EventType) -> Heads:
    verb = match.token
    pattern = match.pattern
    if is_passive(verb):
        agent = _agent(verb)
        sources = [agent] if agent is not None else []
        targets = verb_objects(verb)
    else:
        subject = _doer(verb)
        sources = [subject] if subject is not None else []
        objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS] or _shared_objects(verb)
        targets = []
        if pattern.particles:
            found = _prep_object(verb, pattern.particles)
            targets = [found] if found is not None else []
        instruments = bool(pattern.objects and object_lemmas(objects) & pattern.objects)
        if not targets and objects and not instruments:
            targets = objects
        if not targets and instruments:
            # a double object read as two objects: "offered Chile help", "sent Kyiv arms": the
            # one before what is given is who receives it
            given = [o for o in objects if object_lemmas([o]) & pattern.objects]
            targets = [o for o in objects if o not in given and o.i < given[0].i]
        if not targets and instruments:
            targets = _prep_objects(objects[0], event_type.targets)
        if not targets:
            targets = _following_prep_objects(verb, event_type.targets)
        if not targets and instruments:
            # "withdrew its troops", "recalled its envoy in X": the doer's own, not a target
            owners = [t for t in _actor_modifiers(objects[0]) if not _bound(t, subject)]
            targets = (owners or _makers(objects[0])
                       or _prep_objects(objects[0], _preps().inner))
        if not targets and event_type.quad.startswith("verbal"):
            found = _content_subject(verb)
            targets = [found] if found is not None else []
        if not targets and _stranded(verb, event_type.targets):
            # "the officials Tebboune consulted with": the noun the clause describes
            targets = [verb.head]
    return sources, targets


def _bound(owner: Token, subject: Token | None) -> bool:
    """A possessive pronoun that agrees in number with its clause's subject stands for it:
    "Somalia withdrew its troops" (but "Kenya expelled their diplomats": someone else's)."""
    return subject is not None and owner.pos_ == "PRON" and owner.dep_ == "poss" and \
        owner.morph.get("Number", []) == subject.morph.get("Number", [])


def _stranded(verb: Token, preps: frozenset[str]) -> bool:
    """A relative clause whose target preposition lost its object to the noun it describes."""
    return verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and any(
        c.dep_ == "prep" and c.lower_ in preps and not any(g.dep_ == "pobj" for g in c.children)
        for c in verb.children)


def _noun_roles(match: TriggerMatch, event_type: EventType) -> Heads:
    """Roles of a nominal trigger: from the light verb that carries it ("launched an attack"),
    from the noun itself when it names the doer ("protesters"), else from its owners ("Israel's
    strikes", "strikes by Israel"); its own prepositions say whom it is aimed at."""
    noun, verb = match.token, match.light
    if match.host is not None:
        return _undergone_roles(match, match.host)
    targets = _prep_objects(noun, event_type.targets | _preps().noun_targets)
    participle = verb is not None and verb.head.i == noun.i
    if verb is not None and not match.pattern.agentive and (noun.dep_ != "nsubj" or participle):
        sources, targets = _light_verb_roles(noun, verb, participle, event_type, targets)
    elif match.pattern.arguments:
        sources, targets = _argument_roles(match, targets)
    elif match.pattern.agentive:
        sources = [noun]
        if verb is not None and not targets:
            targets = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
            targets = targets or _prep_objects(verb, event_type.targets)
    else:
        sources, targets = _owner_roles(match, targets)
    if not targets:
        targets = _noun_content_targets(noun, verb, event_type)
    between = _prep_objects(noun, _preps().parties)
    if between and match.pattern.mode == "third-party":
        targets = between
    elif between:
        sources = between
    return sources, targets


def _argument_roles(match: TriggerMatch, targets: list[Token]) -> Heads:
    """Roles of a noun that names its own participants (`nominal_participants`): its agent
    acts and its patient undergoes, as the subject and object of its verb would ("Turkey's
    shelling of the town"); the possessor of a patient noun with no patient phrase undergoes
    it ("the activist's arrest", as "arrested the activist")."""
    agents, patients = nominal_participants(match.token, match.pattern.arguments)
    # a town's name before the noun is where, not who: "the Kabul attack"
    agents = [t for t in agents if t.dep_ != "compound" or not names_town(t.text)]
    possessors = [t for t in agents if t.dep_ == "poss"]
    if not patients and possessors and match.token.lemma_.lower() in role_words().patient_nouns:
        return [t for t in agents if t.dep_ != "poss"], possessors
    return agents, patients or targets


def _light_verb_roles(noun: Token, verb: Token, participle: bool, event_type: EventType,
                      targets: list[Token]) -> Heads:
    """Roles a light verb gives its noun: "police opened fire on ...", "a US national was put
    under investigation" (the patient of the passive light verb is the target)."""
    if is_passive(verb) or participle:
        agent = _agent(verb)
        sources = [agent] if agent is not None else []
        patient = _first_child(verb, ("nsubjpass",))
        if patient is not None and patient.i != noun.i:
            targets = [patient]
    else:
        subject = _doer(verb)
        sources = [subject] if subject is not None else []
    if presupposed(noun):
        # "hurt in police firing": the firing's doer is its own modifier, not whoever hurt; but
        # "killed two during a raid": the clause's doer raids
        modifiers = _actor_modifiers(noun)
        named = any(t.ent_type_ not in NOT_ACTORS and (t.ent_type_ or t.pos_ != "ADJ")
                    for t in modifiers)  # "police firing", not "an overnight raid"
        if named or noun.head.lower_ not in _preps().circumstance or is_passive(verb):
            sources = modifiers
    # a spoken act is aimed at whom it is addressed to: "sent a protest note to Chile"
    preps = event_type.targets | (_preps().addressee if event_type.quad.startswith("verbal")
                                  else frozenset())
    return sources, targets or _prep_objects(verb, preps)


def _undergone_roles(match: TriggerMatch, host: Token) -> Heads:
    """Roles of a noun predicated of a clause ("came under attack", "placed under house arrest",
    "was put under curfew", "a journalist under house arrest"): who the clause is
    about undergoes it; its own agent does it ("under fire from militants", "under Israeli
    fire"), else the doer of a clause that acts on someone ("the police placed him under
    arrest", "was put under curfew by the army")."""
    # a name, not a common noun, says who: "under Israeli fire", not "under house arrest"
    own = _prep_objects(match.token, _preps().undergone_agent) or [
        t for t in _owner_roles(match, [])[0]
        if t.dep_ == "poss" or t.pos_ == "PROPN" or t.ent_type_ not in ("", *NOT_ACTORS)]
    if host.pos_ not in ("VERB", "AUX"):
        # "a journalist under house arrest"; of an act, whom it acts on: "his detention
        # under emergency laws", "the detention of two activists under ..."
        patients = ([c for c in host.children if c.dep_ == "poss"]
                    or _prep_objects(host, _preps().theme))
        doers = _prep_objects(host, _preps().agent) if patients else []
        return own or doers, patients or [host]
    if is_passive(host):
        doer = _agent(host)
        patients = [c for c in host.children if c.dep_ == "nsubjpass"] or verb_objects(host)
    else:
        # "placed him under arrest": the object; "came under attack", and a phrase before the
        # verb ("Iran, under US sanctions, opened talks"): the subject undergoes it
        patients = [c for c in host.children if c.dep_ in OBJECT_DEPS
                    and match.token.head.i > host.i]
        doer = _doer(host) if patients else None
        if not patients:
            subject = _doer(host)
            patients = [subject] if subject is not None else []
    return own or ([doer] if doer is not None else []), patients


def _owner_roles(match: TriggerMatch, targets: list[Token]) -> Heads:
    """Roles of a noun no verb carries: its "by" phrase or its owners act ("Russia's invasion"),
    except that the owner of a patient noun undergoes it ("Brunson's detention"); the modifiers
    that qualify the event ("air strikes") say how, not who."""
    noun, verb = match.token, match.light
    by = _prep_object(noun, _preps().agent)
    owners = [t for t in _actor_modifiers(noun) if t.lemma_.lower() not in match.pattern.objects]
    possessors = [t for t in owners if t.dep_ == "poss"]
    themes = _prep_objects(noun, _preps().theme)
    if noun.lemma_.lower() in role_words().patient_nouns and possessors and not themes:
        # but with an "of" phrase the owner does it and the "of" phrase undergoes it: "Turkey's
        # detention of a US pastor"
        targets = possessors
        owners = [t for t in owners if t.dep_ != "poss"]
    elif noun.lemma_.lower() in role_words().patient_nouns and possessors:
        targets = targets or themes
    sources = [by] if by is not None else owners
    if not sources and noun.lemma_.lower() in role_words().doer_of_nouns:
        # "the withdrawal of M23 troops": who withdraws
        sources = _prep_objects(noun, _preps().theme)
    if not targets and verb is not None:
        targets = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    return sources, targets


def _noun_content_targets(noun: Token, verb: Token | None, event_type: EventType) -> list[Token]:
    """A target inside what the noun is about: "the release of prisoners to Egypt", and for a
    verbal act the subject of its content ("the demand that Rwanda withdraw")."""
    themes = _prep_objects(noun, _preps().theme)
    targets = [t for theme in themes for t in _prep_objects(theme, event_type.targets)]
    if not targets and event_type.quad.startswith("verbal"):
        found = _content_subject(noun) or (_content_subject(verb) if verb is not None else None)
        targets = [found] if found is not None else []
    return targets


def _content_subject(token: Token) -> Token | None:
    """The subject of the clause a verbal act says ("demanded that X withdraw"); when the parser
    glued a that-clause into one noun phrase ("that NATO halt expansion" read as a compound
    noun), the name that opens it."""
    found = complement_subject(token)
    if found is not None:
        return found
    for clause in token.children:
        if clause.dep_ == "ccomp" and clause.pos_ in ("NOUN", "PROPN") and \
                any(c.dep_ == "mark" for c in clause.children):
            names = [c for c in clause.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if names:
                return names[0]
    return None


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


def _modal_roles(match: TriggerMatch) -> Heads:
    verb = match.token.head
    speaker = _doer(verb.head)
    subject = _first_child(verb, ("nsubj", "nsubjpass"))
    return ([speaker] if speaker else []), ([subject] if subject else [])


def _alleged_roles(match: TriggerMatch) -> Heads:
    """Roles of a wrongdoing told as someone's words ("the union says the mayor abused his
    office"): the speaker accuses the doer, a passive's "by" agent included ("said voters
    were intimidated by the militia"); a passive with no agent names no one. A judgement
    ("said the raid was a crime") accuses whom it judges, or the doer of the act it judges
    ("the army's raid", "the Israeli raid", "the raid by the army")."""
    speaker = _doer(match.clause)
    verb = match.token
    doer = _agent(verb) if is_passive(verb) else _doer(verb)
    doers = [doer] if doer else []
    if doer is not None and match.pattern.labels and doer.pos_ == "NOUN":
        doers = _makers(doer) + _actor_modifiers(doer) or doers
    return ([speaker] if speaker else []), doers


def _adjective_roles(match: TriggerMatch, event_type: EventType) -> Heads:
    clause = match.clause
    subject = (_first_child(clause, ("nsubj", "nsubjpass", "csubj")) or _doer(clause))
    targets = _prep_objects(match.token, _preps().addressee | event_type.targets)
    return ([subject] if subject else []), targets


def role_heads(match: TriggerMatch, lexicon: EventLexicon) -> Heads:
    """The head tokens of the source and target phrases of a matched trigger."""
    event_type = lexicon.types[match.pattern.type]
    kind = match.pattern.kind
    if kind == "noun":
        sources, targets = _noun_roles(match, event_type)
    elif kind == "modal":
        sources, targets = _modal_roles(match)
    elif kind == "verb" and match.pattern.under:
        sources, targets = _alleged_roles(match)
    elif kind == "adjective":
        sources, targets = _adjective_roles(match, event_type)
    else:
        sources, targets = _verb_roles(match, event_type)
    sources = _with_conjuncts(sources)
    targets = [t for t in _with_conjuncts(targets) if t not in sources]
    return sources, targets


def ultimatum_condition(clause: Token, markers: frozenset[str], depth: int = 3) -> Token | None:
    """The clause a condition marker ("unless") puts on a clause or its complements."""
    for child in clause.children:
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in markers
                                         for c in child.children):
            return child
    for child in clause.children:
        if child.dep_ in ("xcomp", "ccomp") and depth > 0:
            found = ultimatum_condition(child, markers, depth - 1)
            if found is not None:
                return found
    return None


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
        if child.dep_ in ("prep", "advcl") and child.lower_ in _preps().reporting:
            return child
    if root.lemma_.lower() in reporting and root.i > token.i:
        return root
    return None


def reporter_subject(reporter: Token) -> Token | None:
    if reporter.lower_ in _preps().reporting:
        return _prep_object(reporter, _preps().addressee)
    return _doer(reporter)


def _ethnic(head: Token) -> bool:
    """An ethnic group ("ethnic Albanians in Serbia") is people of the country they live in,
    not the state their name recalls."""
    return any(c.dep_ == "amod" and c.lower_ in role_words().ethnic_modifiers for c in head.children)


def _resolve_heads(heads: list[Token], lookup: ActorLookup,
                   fallback: Token | None) -> list[ActorRef]:
    refs: list[ActorRef] = []
    for head in heads:
        candidates = lookup.parties(head) or [lookup.resolve(head)]
        if _ethnic(head):
            # "ethnic Turks ... against Sweden's decision": the state the sentence names that
            # is not the one their name recalls
            own = candidates[0].country
            place = _located_in(head) or locate(head.sent, head.head).country or next(
                (c for c in _sentence_countries(head.sent, lookup, set()) if c != own), None)
            candidates = [ActorRef(None, candidates[0].text, place, candidates[0].sector)]
        modifiers = [c for c in head.lefts if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts]
        if head.pos_ == "NOUN":  # "the leaders of Japan and Ireland"
            modifiers += [o for p in head.children if p.dep_ == "prep" and p.lower_ in _preps().theme
                          for o in p.children if o.dep_ == "pobj" and o.conjuncts]
        if modifiers:
            resolved = [lookup.resolve(t) for m in modifiers for t in (m, *m.conjuncts)]
            resolved = [r for r in resolved if r.actor]
            if len(resolved) > 1:
                candidates = resolved
        pronouns = role_words().pronouns
        pronominal = head.lower_ in pronouns or any(
            c.dep_ == "poss" and c.lower_ in pronouns for c in head.children)
        if candidates[0].actor is None and pronominal and fallback is not None:
            candidates = [lookup.resolve(fallback)]
        for ref in candidates:
            if all(ref.actor != r.actor or (ref.actor is None and ref.text != r.text)
                   for r in refs):
                refs.append(ref)
    if any(_named(r) for r in refs):
        # a word beside a named role that names no one is no party of its own ("Ukraine halt
        # attacks" parsed as one noun phrase)
        refs = [r for r in refs if _named(r) or r.sector is not None]
    return refs


def _named(ref: ActorRef) -> bool:
    return bool(ref.actor or ref.country)


def _someone(ref: ActorRef) -> bool:
    """A reference to an actor, or to a generic agent that context will place ("protesters")."""
    return _named(ref) or (ref.sector is not None and not ref.unresolved)


def _inner_refs(head: Token, lookup: ActorLookup, depth: int = 3,
                theme_only: bool = False) -> list[ActorRef]:
    """Who an object that names no actor is about, from its prepositional phrases (only its
    "of" phrase when `theme_only`): "refused admittance to Ghanaians", "demanded a truce with
    the forces in Bosnia"."""
    if depth == 0:
        return []
    inner = _prep_objects(head, _preps().theme if theme_only else _preps().inner)
    for clause in () if theme_only else head.children:
        # "an invitation to attend a meeting of X", not "an admission that Y killed X"
        if clause.dep_ in ("acl", "xcomp") and _first_child(clause, SUBJECT_DEPS) is None:
            inner += [c for c in clause.children if c.dep_ in OBJECT_DEPS]
            inner += _prep_objects(clause, _preps().inner)
    inner = _with_conjuncts(inner)
    found = [ref for ref in _resolve_heads(inner, lookup, None) if _named(ref)]
    if found:
        return found
    for token in inner:
        found = _inner_refs(token, lookup, depth - 1)
        if found:
            return found
    return []


def _makers(noun: Token) -> list[Token]:
    """Who made or did what a noun names: its owner ("the government's demands"), its "by"
    phrase, or the agent of a participle on it."""
    found = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    found += _prep_objects(noun, _preps().agent)
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN":
            agent = _agent(clause)
            found += [agent] if agent is not None else []
    return found


def _resolve_targets(heads: list[Token], lookup: ActorLookup) -> list[ActorRef]:
    """Target references; an object that names no actor gives way to the actors inside it."""
    refs: list[ActorRef] = []
    for head in heads:
        found = _resolve_heads([head], lookup, None)
        if found and found[0].text not in core_phrase(head).text:
            # named through its "of" phrase: all of them ("scores of Sierra Leonean and
            # Liberian refugees")
            found = _inner_refs(head, lookup, 1, theme_only=True) or found
        refs += [r for r in found if r not in refs]
    if any(_named(r) for r in refs):
        return [r for r in refs if _named(r)]
    for head in heads:
        inner = _inner_refs(head, lookup)
        if inner:
            return inner
    if not any(_someone(r) for r in refs):
        # "demanded talks with the government": the generic agent a noun's act is aimed at,
        # placed later (not any inside it: "the suspension of the policemen" is no act on them)
        inner_heads = _with_conjuncts([t for head in heads
                                       for t in _prep_objects(head, _preps().noun_targets)])
        generic = [r for r in _resolve_heads(inner_heads, lookup, None) if _someone(r)]
        if generic:
            return generic
    return refs


def _not_times(heads: list[Token]) -> list[Token]:
    """A day or an hour is when, not who: "insisted on Wednesday that ..."."""
    return [h for h in heads if h.ent_type_ not in TIME_ENTITIES]


def resolve_roles(match: TriggerMatch, lexicon: EventLexicon, lookup: ActorLookup) -> Roles:
    """Source and target actor references of a matched trigger."""
    event_type = lexicon.types[match.pattern.type]
    sources, targets = (_not_times(heads) for heads in role_heads(match, lexicon))
    reporter = reporter_of(match.clause, lexicon.cues.reporting_verbs)
    speaker = reporter_subject(reporter) if reporter is not None else None
    source = _resolve_heads(sources, lookup, speaker)
    answered = _answered_act(match) if event_type.name in role_words().answering else None
    maker = _maker_answered(answered, lookup) if answered is not None else None
    target = maker if maker is not None else _fallback_targets(
        match, lexicon, lookup, sources,
        _beyond_own_doing(targets, _resolve_targets(targets, lookup), source, lookup, sources))
    implied = match.pattern.implied_doer if not sources else None
    if implied is not None:
        source = _implied_doer(implied, target, lookup)
    sentence = match.clause.sent
    frame = _frame(match.clause, reporter)
    # an unplaced doer is not of the country it is against or backed by
    placing = frame | _allegiance(sentence)
    if maker is None:
        target = _deed_target(match, lexicon, targets, target, source, lookup)
    source = _at_home(source, target, sentence, lookup, False, placing)
    # an untold maker of what is answered is placed by the sentence, but never in a country
    # the answered act is about ("NATO rejected the demands on Ukraine": Ukraine made none)
    untold_maker = maker is not None and all(r.unresolved for r in maker)
    topic = _topic_tokens(answered) if untold_maker and answered is not None else set()
    target = _at_home(target, source, sentence, lookup, True, frame | topic)
    source = _done_where(source, target, match, event_type,
                         lambda: _sentence_countries(sentence, lookup, placing)
                         or [c for c in (lookup.context.recent(sentence),) if c])
    # a generic doer no sentence placed is of where the story is, before its target is placed
    source = with_reasons(source, lookup.context, target, sentence)
    target = _aimed_at_home(target, source, match, event_type)
    if (event_type.reciprocal and match.pattern.mode not in event_type.directed_modes) or \
            _reciprocal(targets):
        # "Serbia and Kosovo accused each other": the parties act on one another
        source, target = _each_other(source, [] if _reciprocal(targets) else target)
    target = _not_among(target, source)
    mode = None
    if event_type.joint is not None and match.pattern.mode is None:
        joint = _each_other(source, target)
        if joint != (source, target):
            (source, target), mode = joint, event_type.joint
    target = with_reasons(target, lookup.context, source, sentence)
    if implied is not None and not any(r.country for r in source):
        # the target placed by the story only now: "lawsuits against activists"
        source = _implied_doer(implied, target, lookup)
    return Roles(source=with_reasons(source, lookup.context, target, sentence), target=target,
                 mode=mode, doers=sources)


def _implied_doer(phrase: str, target: list[ActorRef], lookup: ActorLookup) -> list[ActorRef]:
    """The doer an act names no one for but implies (the lexicon's `implied_doer`, a generic
    agent of the actors' sector words): a case, a trial or charges against someone are the
    courts' of that person's state ("there have been lawsuits against Algerian activists"). A
    state proceeded against is not its own judge: the sentence places the doer then."""
    generic = _resolve_phrase(phrase, lookup.published)
    homes = {r.country for r in target
             if r.country and not (r.actor == r.country and r.sector is None)}
    country = next(iter(homes)) if len(homes) == 1 else None
    return [ActorRef(None, "", country, generic.sector if generic is not None else None)]


def _deed_target(match: TriggerMatch, lexicon: EventLexicon, heads: list[Token],
                 target: list[ActorRef], source: list[ActorRef],
                 lookup: ActorLookup) -> list[ActorRef]:
    """An act aimed at a deed or an event that names no one ("condemned the coup", "denied
    the raid") is aimed at who did it: named on the noun ("the army's raid", "the
    strike by the rebels"), as the doer of the clause it is the object of ("launched a coup"),
    or so on an earlier mention of the same noun (anywhere before for a definite one: "the
    coup" is the story's coup; within a few sentences for another); never the act's own
    source or a generic agent of its country (who denies a deed denies doing it). Else at the
    country that earlier mention says it happened in (a deed done in a state is done to it);
    the act's own sentence places the deed later, as it places any target."""
    if len(heads) != 1 or any(_someone(r) or other_party(r) for r in target):
        return target
    head = heads[0]
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or (lemma not in lexicon.nouns and lemma not in role_words().deed_nouns):
        return target
    definite = any(c.dep_ == "det" and c.lower_ in reference_words().definite
                   for c in head.children)
    window = 0 if definite else window_start(head)
    mentions = [head, *(t for t in reversed(head.doc[:head.i]) if t.idx >= window
                        and t.pos_ == "NOUN" and t.lemma_.lower() == lemma)]
    homes = {r.country for r in source if r.country}
    for mention in mentions if lemma not in role_words().patient_nouns else ():
        found = [r for r in _resolve_heads(_deed_doers(mention, match.token), lookup, None)
                 if _named(r) and not _is_source([r], source)
                 and not (r.actor is None and r.country in homes)]
        if found:
            lookup.reasons[head.i] = f"doer of the deed: {found[0].text!r}"
            return found
    for mention in mentions[1:]:  # its own sentence places it later, as any target
        place = locate(mention.sent, mention).country
        if place is not None:
            lookup.reasons[head.i] = f"where the deed happened: {place}"
            return [ActorRef(None, core_phrase(head).text, place)]
    return target


def _deed_doers(noun: Token, trigger: Token) -> list[Token]:
    """Who did the deed a noun names: its makers (`_makers`, of the whole phrase for a noun
    that qualifies another: "a coup attempt"), or the doer of the clause whose object it is
    ("Turkey carried out a strike") or whose circumstance it is ("killed two during a raid"),
    unless that clause is the act itself."""
    if noun.dep_ == "compound":
        noun = noun.head
    found = _makers(noun)
    verb = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ in _preps().circumstance:
        verb = noun.head.head  # "killed two during a raid": the killer raided
    elif noun.dep_ != "dobj":
        return found
    if verb.pos_ == "VERB" and verb.i != trigger.i and not is_passive(verb):
        doer = _doer(verb)
        found += [doer] if doer is not None else []
    return found


def _answered_act(match: TriggerMatch) -> Token | None:
    """The object of a rejection that names someone's act ("rejected the demands"), if any."""
    head = _first_child(match.token, OBJECT_DEPS) if match.pattern.kind == "verb" else None
    if head is None or head.lemma_.lower() not in role_words().answered_acts:
        return None
    return head


def _maker_answered(head: Token, lookup: ActorLookup) -> list[ActorRef]:
    """Who made the demand, claim or offer `head` (what a rejection answers) names ("NATO
    rejected Moscow's demands on Kyiv" answers Moscow): named in the phrase ("Moscow's demands",
    "the proposal made by Egypt"), else, for "the demands", whoever made them in the sentences
    before ("Moscow demands that ..."); else an explicit unknown, never whom the demand is
    about."""
    verb = role_words().answered_acts[head.lemma_.lower()]
    # a generic maker ("the government's demands") is someone, placed by the context later
    named = [r for r in _resolve_heads(_with_conjuncts([head, *_makers(head)]), lookup, None)
             if _named(r) or (r.sector is not None and not r.unresolved)]
    if named:
        return named
    if any(c.dep_ == "det" and c.lower_ in reference_words().definite for c in head.children):
        for earlier in _earlier_acts(head, verb):
            found = [r for r in _resolve_heads([earlier], lookup, None) if _named(r)]
            if found:
                return found
    reason = f"not named who made the {head.lemma_.lower()}: {head.text!r}"
    return [ActorRef(None, core_phrase(head).text, unresolved=reason)]


def _topic_tokens(head: Token) -> set[int]:
    """The words of what an answered act (`head`) is about ("rejected the demands on Kyiv")."""
    return {t.i for c in head.children if c.dep_ == "prep" and c.lower_ in _preps().topic
            for t in c.subtree}


def _earlier_acts(head: Token, verb: str) -> Iterator[Token]:
    """The doers of the clauses that made what a definite noun takes up ("Moscow demands that
    ... NATO rejected the demands"), nearest first, within a few sentences."""
    doc = head.doc
    sentence = head.sent
    for _ in range(SENTENCES_BACK + 1):
        for token in reversed(doc[sentence.start:min(sentence.end, head.i)]):
            if token.pos_ == "VERB" and token.lemma_.lower() == verb and not is_passive(token):
                doer = _doer(token)
                if doer is not None:
                    yield doer
        if sentence.start == 0:
            return
        sentence = doc[sentence.start - 1].sent


def _fallback_targets(match: TriggerMatch, lexicon: EventLexicon, lookup: ActorLookup,
                      sources: list[Token], target: list[ActorRef]) -> list[ActorRef]:
    """Where to look for a target the clause's own roles do not name: down the complements,
    at the side an ultimatum binds, after the verb."""
    event_type = lexicon.types[match.pattern.type]
    if match.pattern.complement and not any(_named(r) for r in target):
        first: list[ActorRef] = []
        for level in complement_targets(match.token):
            embedded = _resolve_targets(
                [t for t in _with_conjuncts(level) if t not in sources
                 and not _own_people(t, sources, lookup)], lookup)
            first = first or embedded
            if any(_named(r) for r in embedded):
                target = [r for r in embedded if _named(r)]
                break
        else:
            # "prepared to lift the ban on the FIS": unnamed, yet someone, placed below
            target = target or [r for r in first if not r.unresolved]
    if not any(_named(r) for r in target):
        # "threatened to strike unless Israel rescinds ...", "warned of consequences if Israel
        # attacked": aimed at who must act
        condition = ultimatum_condition(match.token, lexicon.cues.ultimatum_markers
                                        | role_words().conditions)
        bound = _first_child(condition, SUBJECT_DEPS) if condition is not None else None
        if bound is not None:
            target = [r for r in _resolve_heads([bound], lookup, None) if _named(r)] or target
    verb = match.token
    if match.pattern.kind == "verb" and not any(_named(r) for r in target) and \
            not is_passive(verb) and _first_child(verb, OBJECT_DEPS) is not None:
        # "condemn the attacks by Russia against Ukraine": the parser hangs the object's "by"
        # on the active verb; it names who did what the object names
        doers = [t for t in _prep_objects(verb, _preps().agent) if t not in sources]
        target = [r for r in _resolve_heads(doers, lookup, None) if _named(r)] or target
    if match.pattern.kind == "verb" and not any(_named(r) for r in target):
        # "refused entry to Nigerians": the object names no one, the preposition does;
        # but where it happened is no target when the object is someone ("protesters were
        # arrested in Harare": the protesters, placed below)
        preps = event_type.targets
        if any(_someone(r) for r in target):
            preps = preps - _preps().locative
        later = [t for t in _following_prep_objects(match.token, preps) if t not in sources]
        target = [r for r in _resolve_heads(later, lookup, None) if _named(r)] or target
    return target


def _own_people(head: Token, sources: list[Token], lookup: ActorLookup) -> bool:
    """An object owned by the doer itself ("agreed to pull back his soldiers"): the doer's own
    people, on whom its act is no act aimed at another side."""
    owners = [c for c in head.children if c.dep_ == "poss" and c.lower_ in role_words().pronouns]
    doers = [lookup.resolve(s) for s in sources]
    return any(_same_actor(lookup.resolve(o), d) for o in owners for d in doers if _named(d))


def _beyond_own_doing(heads: list[Token], target: list[ActorRef], source: list[ActorRef],
                      lookup: ActorLookup, sources: list[Token]) -> list[ActorRef]:
    """A verbal act whose content the source does itself ("Russia warned it would strike
    Ukraine", "said his army would attack the rebels") is aimed at whom the content acts on:
    the subject of the content is the source (itself, a pronoun for it or its own people),
    never the target."""
    if len(heads) != 1 or heads[0].dep_ not in SUBJECT_DEPS or \
            heads[0].head.dep_ not in ("ccomp", "xcomp", "acl"):
        return target
    subject = heads[0]
    pronouns = role_words().pronouns
    owners = [c for c in subject.children if c.dep_ == "poss" and c.lower_ in pronouns]
    homes = {s.country for s in source if s.country}
    if owners:
        # "his army", "its troops": the source's own people
        own = {r.country for r in target} <= homes if any(_named(r) for r in target) else True
    else:
        # a pronoun for the source, or for the state it speaks for ("Iran's minister warned
        # it would ...")
        own = _is_source(target, source) or (subject.lower_ in pronouns and all(
            (r.actor is not None and r.actor == r.country and r.country in homes)
            or not _named(r) for r in target))
    if not own:
        return target
    for level in _clause_targets(subject.head):
        found = _resolve_targets([t for t in _with_conjuncts(level)
                                  if t not in sources and t.i != subject.i], lookup)
        if any(_named(r) for r in found):
            return [r for r in found if _named(r)]
    return []


def _is_source(refs: list[ActorRef], source: list[ActorRef]) -> bool:
    """Whether a reference stands for the source itself: the same actor, or the same phrase
    of an actor the registry lacks."""
    return any((r.actor is not None and r.actor == s.actor)
               or (r.actor is None and _named(r) and r.text == s.text)
               for r in refs for s in source)


def _reciprocal(heads: list[Token]) -> bool:
    """A target that is a reciprocal pronoun: "each other", "one another"."""
    if len(heads) != 1:
        return False
    head, doc = heads[0], heads[0].doc
    pairs = (doc[max(head.i - 1, 0):head.i + 1], doc[head.i:head.i + 2])
    return any(pair.text.lower() in role_words().reciprocals for pair in pairs)


def _each_other(source: list[ActorRef], target: list[ActorRef]) -> tuple[list[ActorRef],
                                                                         list[ActorRef]]:
    """Parties of a reciprocal or joint act are a dyad: "A met B" is A -> B as written, and "A
    and B held talks", "talks between A and B", "A and B agreed to ..." (all parties named as
    doers) are the first party -> the others; which way round carries no meaning (the act is
    symmetric)."""
    if any(_named(r) and r.text for r in target):
        return source, target
    parties = [r for r in source if _named(r)]
    if len(parties) > 1:
        return parties[:1], parties[1:]
    return source, target


def _done_where(source: list[ActorRef], target: list[ActorRef], match: TriggerMatch,
                event_type: EventType, named: Callable[[], list[str]]) -> list[ActorRef]:
    """An `at_home` act by no one the sentence names or places is coded to the country it
    happened in ("a roadside bombing near Samarra killed ..."; `named`: the countries the
    sentence names, else the article's, the first standing in for an unnamed place), and an
    unplaced doer to the country the act is aimed at: "tribal elders demanded that the Nigerian ministry ..." are
    Nigerians."""
    if not event_type.at_home or any(r.country for r in source):
        return source
    if not any(r.actor for r in source):
        # where it happened, else (for a deed: a bombing, a killing, or an act told in the
        # passive with no agent: "were accused of treason", or one its patient undergoes:
        # "put under curfew") the country the sentence is about; a statement by no
        # one named has no such anchor
        place = locate(match.clause.sent, match.clause).country
        if place is None and (event_type.quad == "material_conflict"
                              or (match.pattern.kind == "verb" and is_passive(match.token))
                              or match.host is not None):
            place = next(iter(named()), None)
        if place is not None:
            return ([ActorRef(None, r.text, place, r.sector) for r in source]
                    or [ActorRef(None, "", place)])
    aimed = {r.country for r in target if r.country}
    if len(aimed) != 1:
        return source
    [home] = aimed
    # but a state's own body or official named by a title alone ("the minister", "officials")
    # acting on a state is not of that state ("Kenya accused Somalia ... the minister rejected
    # the accusation"), nor a title acting on a named person of that state
    state = any(r.actor is not None and r.actor == r.country for r in target)
    person = any(r.actor is not None for r in target)
    return [ActorRef(r.actor, r.text, home, r.sector)
            if _placeable(r, False) and not (r.actor is None and _state_side(r) and (
                state or (person and is_title(r)))) else r for r in source]


def _aimed_at_home(target: list[ActorRef], source: list[ActorRef], match: TriggerMatch,
                   event_type: EventType) -> list[ActorRef]:
    """People the sentence does not place ("killing one person", "arresting 12") are the
    source's own people; an act of an `at_home` type aimed at no one ("landowners began a hunger
    strike") is aimed at the source's own country, or at the country the sentence puts it in
    ("troops remained on alert in the West Bank"). The implicit target has no text."""
    homes = {r.country for r in source if r.country}
    if len(homes) != 1:
        return target
    [home] = homes
    if target:
        return [ActorRef(r.actor, r.text, home, r.sector) if not r.country and _placeable(r, True)
                else r for r in target]
    if not event_type.at_home or len(source) != 1:
        return target
    place = locate(match.clause.sent, match.clause).country
    return [ActorRef(None, "", place or home)]


def _not_among(target: list[ActorRef], source: list[ActorRef]) -> list[ActorRef]:
    """Several sources acting together ("Jordan and Britain agreed to ...", "Hungarian and
    Romanian officials agreed that their countries ...") act on each other: a target that is
    one of them (or one of their states' own people) is no target of its own; a group of one of
    their countries ("condemned the attack by the RSF") is."""
    countries = {r.country or r.actor for r in source if _named(r)}
    if len(countries) < 2:
        return target
    actors = {r.actor for r in source if r.actor}
    return [r for r in target if r.actor not in actors and not (
        r.actor in (None, r.country) and r.country in countries)]


def _frame(clause: Token, reporter: Token | None) -> set[int]:
    """The tokens of the reporting frame around an event's clause ("..., a spokeswoman for the
    U.S. embassy said", "according to Pentagon sources"): who tells, not where it happened."""
    if reporter is None:
        return set()
    told = clause
    while told.head.i not in (told.i, reporter.i):
        told = told.head
    frame = {t.i for t in reporter.subtree}
    if told.head.i == reporter.i and told.i != reporter.i:
        frame -= {t.i for t in told.subtree}
    return frame


def _at_home(refs: list[ActorRef], others: list[ActorRef], sentence: Span,
             lookup: ActorLookup, anyone: bool, frame: set[int]) -> list[ActorRef]:
    """A person or group the registry cannot place ("President Dos Santos", "ethnic leaders")
    acts in the country the sentence is about: the first state it names that is not the
    other role's actor ("... in Luanda" places the president in Angola; "... welcomed the
    South African leader" does not make the host South African)."""
    if all(r.country or not _placeable(r, anyone) for r in refs):
        return refs
    taken = {r.country for r in others if r.country and r.actor and _state_side(r)}
    home = next((c for c in _sentence_countries(sentence, lookup, frame) if c not in taken),
                None)
    if home is None:
        return refs
    return [ActorRef(r.actor, r.text, home, r.sector) if not r.country and _placeable(r, anyone) else r
            for r in refs]


def _state_side(ref: ActorRef) -> bool:
    """A state or one of its bodies or officials, whose country a generic counterpart does not
    share ("welcomed the South African leader"); a rebel group or a party acts among its own
    people ("the M23 demanded talks with the government")."""
    entry = registry().get(ref.actor) if ref.actor else None
    if entry is not None and entry.kind == "state":
        return True  # "Afghan rebels" read as Afghanistan's are the state's, as written
    sector = (entry.sector if entry is not None else None) or ref.sector
    return sector is None or sector.lower() in role_words().state_sectors


def _placeable(ref: ActorRef, anyone: bool) -> bool:
    """Who takes the sentence's country: a person, a generic agent (a sector without a
    country: "prisoners", "ethnic leaders"), a name the registry lacks ("Vice-President Moody
    Awori"), or, as a target, any phrase the registry does not know; an organisation the
    registry knows (the UN, NATO) belongs to no country, and a thing that acts ("a roadside
    bombing") is no one."""
    if (ref.actor or "").startswith("person:"):
        return True
    if other_party(ref):
        return False
    named = any(word[:1].isupper() for word in ref.text.split()[1:])
    if ref.unresolved and not anyone:
        return False  # a doer that cannot act ("a bullet", "1,320") is no one of the country
    return ref.actor is None and (anyone or ref.sector is not None or named)


def _told_of(country: str | None, near: frozenset[str], lookup: ActorLookup) -> bool:
    """A name outside a locative phrase that only the gazetteer knows ("the X movement") is a
    place of a country the sentence or the article names, not a namesake town elsewhere."""
    return country is not None and (country in near or country in lookup.context.countries)


def _sentence_countries(sentence: Span, lookup: ActorLookup, frame: set[int]) -> list[str]:
    """States a sentence names outside its reporting frame, in order: actors with a country,
    then places in the gazetteer."""
    found: list[tuple[Span, str | None]] = []
    for ent in entities_in(sentence):
        if ent.label_ not in ("GPE", "NORP", "LOC") or ent.root.i in frame or _stance_tokens(ent) is not None:
            continue
        ref = lookup._at(ent) or _resolve_phrase(ent.text, lookup.published)
        found.append((ent, ref.country if ref is not None else None))
    countries: list[str] = []
    for ent, country in found:
        if ent.label_ != "NORP" and (country is None or is_locative(ent)):
            # "in Tripoli" is the city the rest of the sentence points to, not a metonym
            near = lookup.near(sentence)
            place = lookup_place(ent.text, near)
            if place is not None and (is_locative(ent) or _told_of(place.country, near, lookup)):
                country = place.country
        if country is not None and country not in countries:
            countries.append(country)
    return countries
