"""Find event triggers in a parsed sentence: a lemma look-up first, dependency checks after.

Each token costs one dictionary look-up; only tokens whose lemma is in the lexicon get the
structural checks (objects, particles, light verbs, passive voice, coordination).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from tripwire.actors import resolve_phrase
from tripwire.actors.reference import not_agent
from tripwire.actors.words import reference_words
from tripwire.events.lexicon import EventLexicon, ModalityCues, TriggerPattern
from tripwire.lang import WordFile, WordList, Words, load_words, word_file
from tripwire.nlp.syntax import OBJECTS as OBJECT_DEPS
from tripwire.nlp.syntax import (
    SUBJECTS,
    first_conjunct,
    gerund_head,
    hyphen_prefix,
    is_passive,
    mandative_subjunctive,
    owner_of_gerund,
)

VERB_POS = {"VERB", "AUX"}
NOUN_POS = {"NOUN", "PROPN"}
LIGHT_DEPS = OBJECT_DEPS | SUBJECTS | {"attr", "oprd"}  # a noun a light verb governs
NOMINAL_DEPS = LIGHT_DEPS | {"pobj", "conj", "appos", "ROOT", "npadvmod", "dative"}
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "nummod"}


class TriggerWords(WordFile):
    """lang/<language>/triggers.yaml: inflection endings, presupposing prepositions, reactions
    and frames, the doers that are no one and the people who comment on the news."""

    inflections: WordList
    presupposing_prepositions: Words
    reaction_nouns: Words
    cause_prepositions: Words
    frame_nouns: Words
    frame_prepositions: Words
    natural_doers: Words
    commentators: Words


@functools.cache
def trigger_words() -> TriggerWords:
    """The words of `lang/en/triggers.yaml`, loaded once per process."""
    return load_words(word_file("triggers"), TriggerWords)


@dataclass
class TriggerMatch:
    """A lexicon pattern that matched at a token, with the clause the event lives in."""

    pattern: TriggerPattern
    token: Token
    clause: Token  # the verb heading the event's clause (the light verb for "hold talks")
    light: Token | None = None
    # the word whose referent undergoes a predicated noun: "came" of "came under attack"
    host: Token | None = None
    # a noun coded only because its phrase names its participants (a pattern's `arguments`),
    # which then must resolve to someone
    framed: bool = False

    @property
    def start(self) -> int:
        return self.token.idx

    @property
    def end(self) -> int:
        return self.token.idx + len(self.token.text)


def verb_objects(verb: Token) -> list[Token]:
    """The object heads of a verb: direct objects, or the patient of a passive, with conjuncts."""
    heads = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if not heads and is_passive(verb):
        heads = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not heads and verb.dep_ == "acl":
            heads = [verb.head]
        if not heads and verb.dep_ == "conj":
            heads = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
            if not heads and verb.head.dep_ == "acl":
                # "the Kurds, armed and supported by X": the noun both participles describe
                heads = [verb.head.head]
        if not heads and verb.dep_ == "xcomp":
            # "forces continue to be deployed": the patient is the governing verb's subject
            heads = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    out: list[Token] = []
    for head in heads:
        out.append(head)
        out.extend(head.conjuncts)
    return out


def verb_subjects(verb: Token) -> list[Token]:
    """Who does a verb's act: its subject, the agent of a passive, or the subject of the clause
    a conjunct or complement hangs from ("police rushed in and dispersed the mob")."""
    agents = [c for a in verb.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
    if agents or is_passive(verb):
        return agents
    for clause in (verb, verb.head):
        found = [c for c in clause.children if c.dep_ == "nsubj"]
        if found or verb.dep_ not in ("conj", "xcomp"):
            return found
    if verb.dep_ == "xcomp":
        # the passive of object control: "the police were asked to keep watch"
        return [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    return []


def lemma_forms(token: Token) -> tuple[str, ...]:
    """The hyphenated lemma ("lathi-charge" for "lathi-charged", split by the tokenizer), the
    lemma, then the lower-cased form, then its suffix-stripped stems where the lemmatizer left
    the word as it was or cut too much (on noisy lower-case text: "staged" to "stag"), that is,
    stems longer than the lemma."""
    prefix = hyphen_prefix(token)
    return _forms(token.lemma_.lower(), token.lower_, prefix.lower_ if prefix is not None else None)


@functools.lru_cache(maxsize=65536)
def _forms(lemma: str, lower: str, prefix: str | None) -> tuple[str, ...]:
    """`lemma_forms` of a word, kept: every token of an article asks for them, most of them
    more than once."""
    forms = [f"{prefix}-{lemma}"] if prefix is not None else []
    forms.append(lemma)
    if lower != lemma:
        forms.append(lower)
    for suffix in trigger_words().inflections:
        stem = lower[: -len(suffix)]
        if lower.endswith(suffix) and len(stem) > 2 and (lower == lemma or len(stem) > len(lemma)):
            forms.append(stem)
    return tuple(forms)


def object_lemmas(tokens: list[Token]) -> set[str]:
    """Lemmas an object constraint may meet: the head, its compounds, and the noun of a
    quantity or part ("tons of food aid", "part of a stronghold", "state of emergency"), or of
    a sum, which news measures with "in" ("$50 million in food aid", "2bn euros in loans")."""
    lemmas: set[str] = set()
    for token in tokens:
        lemmas.update(lemma_forms(token))
        measure = {"of", "in"} if token.ent_type_ == "MONEY" else {"of"}
        for child in token.children:
            if child.dep_ == "compound":
                lemmas.add(child.lemma_.lower())
            elif child.dep_ == "prep" and child.lower_ in measure:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        lemmas.update(lemma_forms(pobj))
                        lemmas.update(c.lemma_.lower() for c in pobj.children
                                      if c.dep_ == "compound")
    return lemmas


def verb_labels(verb: Token) -> list[Token]:
    """What a verb of naming calls its object: "called the raid a crime" (a predicate), "branded
    them as traitors", "describing it as rigged", "labelled the protesters terrorists" (a second
    object); what a copula says its subject is ("the raid was a crime")."""
    labels: list[Token] = []
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    for child in (*verb.children, *(c for o in objects for c in o.children)):
        if child.dep_ in ("oprd", "acomp", "attr") and child.head.i == verb.i:
            labels.append(child)
        elif child.dep_ == "prep" and child.lower_ == "as":
            labels.extend(c for c in child.children if c.dep_ in ("pobj", "amod", "acomp"))
        elif child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as"
                                           for m in child.children):
            labels.append(child)
    # two objects, or a predicate and an object the parser swapped or hung on the predicate
    # ("called the air strike a crime"), are the named and its name
    if any(label.dep_ == "oprd" for label in labels):
        labels.extend(objects)
        labels.extend(c for label in labels if label.dep_ == "oprd" for c in label.children
                      if c.dep_ in OBJECT_DEPS)
    else:
        labels.extend(objects[1:])
    # an indefinite noun set beside the object is the name it is given ("called the leader a
    # dictator"); a definite or bare one names who the object is ("called the leader, Mr Arce")
    labels.extend(c for o in objects for c in o.children if c.dep_ == "appos"
                  and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children))
    return labels + [c for label in labels for c in label.conjuncts]


def _verb_fits(pattern: TriggerPattern, verb: Token) -> bool:
    if pattern.except_particles and any(
        c.dep_ in ("prep", "prt") and c.lower_ in pattern.except_particles for c in verb.children
    ) and not any(c.dep_ == "xcomp" for c in verb.children):
        return False
    if pattern.except_objects and object_lemmas(verb_objects(verb)) & pattern.except_objects:
        return False
    if pattern.particles and not any(
        (c.dep_ in ("prt", "prep", "agent", "advmod", "oprd", "acomp")
         or (c.dep_ == "ccomp" and c.pos_ == "ADJ")) and c.lower_ in pattern.particles
        for c in verb.children
    ):
        return False
    if pattern.intransitive and any(c.dep_ in OBJECT_DEPS or c.dep_ == "ccomp"
                                    for c in verb.children):
        return False
    if pattern.no_clause and any(c.dep_ in ("xcomp", "ccomp") and any(
            s.dep_ in SUBJECTS for s in c.children) for c in verb.children):
        return False  # "helped them learn a trade" enables their act; "helped rebuild" aids
    if pattern.infinitive and not any(
            (c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"))
            or (c.dep_ == "ccomp" and mandative_subjunctive(c)) for c in verb.children):
        return False  # "asked X to leave", "asked that X leave"
    if pattern.subjects and not object_lemmas(verb_subjects(verb)) & pattern.subjects:
        return False
    if pattern.except_subjects and object_lemmas(doers(verb)) & pattern.except_subjects:
        return False
    if natural_doer(verb):
        return False
    if pattern.labels and not object_lemmas(verb_labels(verb)) & pattern.labels:
        return False
    if not pattern.objects:
        return True
    # what a verb of naming names may stand as its predicate ("called the accusations baseless",
    # parsed as two predicates)
    named = verb_objects(verb) + (verb_labels(verb) if pattern.labels else [])
    return bool(object_lemmas(named) & pattern.objects)


def counted_head(noun: Token) -> Token:
    """The phrase a noun heads in its clause: its first conjunct, the quantity or part of it
    ("launched ten days of war games", "staged a series of strikes", "there have been hundreds
    of lawsuits") and the noun that frames it ("set a date for the trial")."""
    words = trigger_words()
    noun = first_conjunct(noun)
    while noun.dep_ == "pobj" and noun.head.head.pos_ == "NOUN" and (
            (noun.head.lower_ == "of" and noun.head.head.dep_ in LIGHT_DEPS)
            or (noun.head.lower_ in words.frame_prepositions
                and not words.frame_nouns.isdisjoint(lemma_forms(noun.head.head)))):
        noun = noun.head.head
    return noun


def doers(verb: Token) -> list[Token]:
    """Who or what does a verb's act: its subjects (`verb_subjects`), or the noun an active
    participle describes ("legislation targeting the ministry", "a storm hitting the coast")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return [verb.head]
    return verb_subjects(verb)


def natural_doer(verb: Token) -> bool:
    """Whether a force of nature or a thing that gives way does the verb's act ("the storm
    cut off the road"): a disaster, no one's act."""
    return bool(object_lemmas(doers(verb)) & trigger_words().natural_doers)


def commentator(head: Token) -> bool:
    """Whether a role head names someone who comments on the news (an analyst, an expert),
    by its own noun or a title beside a name ("analyst Mark Dorsey", "Dorsey, an economist")."""
    words = trigger_words().commentators
    return head.lemma_.lower() in words or any(
        c.dep_ in ("compound", "appos") and c.lemma_.lower() in words for c in head.children)


def light_verb(noun: Token) -> Token | None:
    """The verb that governs a noun as its object or subject ("hold talks", "went on strike")."""
    # a participle after the noun: "the arrests made by the police", "talks held in Geneva"
    participle = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    if participle is not None:
        return participle
    noun = counted_head(noun)
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


def _noun_fits(pattern: TriggerPattern, noun: Token, modifiers: frozenset[str],
               demands: Demands) -> tuple[bool, Token | None]:
    if pattern.objects and not noun_modifiers(noun) & pattern.objects:
        return False, None
    if pattern.except_objects and noun_modifiers(noun) & pattern.except_objects:
        return False, None
    if pattern.particles and not any(c.dep_ == "prep" and c.lower_ in pattern.particles
                                     for c in noun.children):
        return False, None
    if pattern.arguments:
        # an event noun that names its own participants is an event wherever its phrase sits
        # ("condemned Turkey's shelling of the town", "reports of the arrest of two
        # activists"); one that names none ("a debate on sanctions", "the arrest warrant
        # system") only refers to a kind of act
        agents, patients = nominal_participants(noun, pattern.arguments)
        return noun.dep_ != "compound" and bool(
            agents or (patients and _individuated(noun))), None
    if demanded_content(noun, demands):
        return True, None
    if pattern.light:
        if pattern.existential and _existential(counted_head(noun)):
            # "there have been dozens of lawsuits against ...": said to exist, no one's doing
            return True, None
        verb = light_verb(noun)
        if verb is None or verb.i == noun.i:
            return False, None
        if pattern.subjects and not object_lemmas(verb_subjects(verb)) & pattern.subjects:
            return False, None
        if any(form in pattern.light for form in lemma_forms(verb)):
            return True, verb
        return False, None
    return _nominal_event(noun, modifiers), None


# Entity labels of a name that can act: a modifier with one of these ("Israeli raids", "US
# strikes", "Hamas attacks") names the doer of the act its noun names.
ACTOR_ENTITIES = {"NORP", "GPE", "ORG", "PERSON"}
# a time or a place before an event noun says when or where, not who: "Tuesday's attack",
# "last year's strikes", "the Manchester Arena bombing"
NOT_DOERS = {"DATE", "TIME", "FAC", "LOC"}


def nominal_participants(noun: Token, arguments: frozenset[str]) -> tuple[list[Token],
                                                                          list[Token]]:
    """The agents and patients an event noun names inside its own phrase, as NomBank reads a
    nominalisation's arguments off its dependents: the agent is a possessor ("Turkey's
    shelling"), a name or a noun before it ("Israeli raids", "police arrests") or its "by"
    phrase ("the arrest of three men by the police"); the patient is the object of one of the
    noun's `arguments` prepositions, which the lexicon gives per noun ("the shelling of the
    town", "raids on the camp", "talks with Iran"). Conjoined nouns share what one of them
    names: an agent is written before the first ("Syria's arrest and torture of ..."), a
    patient after the last ("the arrest, torture and murder of activists"; the parser may hang
    it on any conjunct). A noun that takes "with" names a reciprocal act, whose partner it
    must name."""
    members = _coordination(noun)
    agents = _nominal_agents(noun) or _nominal_agents(members[0])
    patients = next((found for member in (noun, *reversed(members)) if member.i >= noun.i
                     for found in [_argument_objects(member, arguments)] if found), [])
    if "with" in arguments and not patients:
        # a reciprocal act is one with a partner: "the committee meeting" is one body's
        # session, "a meeting with the envoy" a consultation
        return [], []
    if not agents:
        # the parser hangs the "by" phrase on another conjunct or on the patient right before
        # it: "the arrest and torture of students by soldiers", "the shelling of the town by
        # the army" (a town does nothing "by" anyone)
        agents = [c for t in (*members, *patients) for p in t.children if p.dep_ == "prep"
                  and p.lower_ == "by" for c in p.children if c.dep_ == "pobj"]
    return agents, patients


def _coordination(noun: Token) -> list[Token]:
    """The nouns coordinated with a noun, itself included, in text order."""
    first = first_conjunct(noun)
    return sorted([first, *first.conjuncts], key=lambda t: t.i)


def _individuated(noun: Token) -> bool:
    """Whether a determiner or a number makes an event noun one act or a few ("the arrest of
    three activists", "two attacks on the base"): a bare noun with a patient and no agent names
    a kind of act ("talks shy away from meetings with him", "crackdowns on migrants",
    "decades of fighting with rebels"), not an event."""
    return any(c.dep_ in ("det", "nummod", "poss") for c in _coordination(noun)[0].children)


def _nominal_agents(noun: Token) -> list[Token]:
    agents = [c for p in noun.children if p.dep_ in ("prep", "agent") and p.lower_ == "by"
              for c in p.children if c.dep_ == "pobj"]
    owner = gerund_head(noun)
    if owner is not None:
        agents.append(owner)  # "police firing" parsed as "police" + a participle
    agents.extend(c for c in noun.lefts if c.ent_type_ not in NOT_DOERS and (
        c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and (
            c.pos_ == "PROPN" or c.ent_type_ in ACTOR_ENTITIES
            or (c.pos_ == "NOUN" and _doer_noun(c.lemma_.lower()))))))
    return agents


@functools.cache
def _doer_noun(lemma: str) -> bool:
    """Whether a common noun before an event noun names its doer, a generic agent of the
    actors' sector words ("police arrests", "army raids"), rather than the kind of act ("peace
    negotiations", "air strikes")."""
    return resolve_phrase(lemma).sector is not None


def _argument_objects(noun: Token, arguments: frozenset[str]) -> list[Token]:
    return [c for p in noun.children if p.dep_ == "prep" and p.lower_ in arguments
            for c in p.children if c.dep_ == "pobj"]


@dataclass(frozen=True)
class Demands:
    """The verbs of demanding (those whose complement the lexicon makes `demanded`) and the
    prepositions that name what they ask for ("called for")."""

    verbs: frozenset[str]
    prepositions: frozenset[str]


def demanded_content(noun: Token, demands: Demands) -> bool:
    """A noun that names what a demand asks for: "demanded the withdrawal of the troops",
    "pushed for the release of the fighters", "demanding the disarmament of its
    militia". A verb of naming demands nothing ("called the
    raid a crime")."""
    noun = first_conjunct(noun)
    if noun.dep_ in ("dobj", "obj"):
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ in demands.prepositions:
        verb = noun.head.head
    else:
        return False
    return (verb.pos_ in VERB_POS and verb.lemma_.lower() in demands.verbs
            and not verb_labels(verb))


def _nominal_event(noun: Token, modifiers: frozenset[str]) -> bool:
    """A noun on its own names a happening when it acts in its clause ("the shelling killed
    ten"), is presupposed ("injured in the firing"), or says whose or when it is ("Russia's
    invasion", "attacks by the rebels", "police firing", "previous aggression"; `modifiers` are
    the historical and owner words of modality.yaml); "asked for deployment" only refers to one."""
    if noun.dep_ == "compound":
        return False
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return True
    if presupposed(noun) or _existential(counted_head(noun)):
        return True
    return _owned(noun, modifiers) or any(
        child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "by")
        for child in noun.children)


def _existential(noun: Token) -> bool:
    """"there was firing", "there will be a big deployment": the noun is said to happen."""
    head = noun.head
    return noun.dep_ == "attr" and head.lemma_ == "be" and any(
        c.dep_ == "expl" for c in head.children)


def _adjective_fits(pattern: TriggerPattern, adjective: Token) -> Token | None:
    """An adjective trigger needs a complement ("willing to", "opposed to"), one of its
    `particles` where it has them ("concerned about"); returns its clause."""
    if not any(c.dep_ in ("xcomp", "prep", "ccomp") for c in adjective.children):
        return None
    if pattern.particles and not any(c.dep_ == "prep" and c.lower_ in pattern.particles
                                     for c in adjective.children):
        return None
    return adjective.head if adjective.dep_ in ("acomp", "amod", "oprd") else adjective


def _modal_fits(pattern: TriggerPattern, modal: Token) -> bool:
    """"X said Y must hand over the suspects": an obligation the speaker puts on someone else;
    not one the speaker's side takes on ("we must protect our borders") nor one laid on a thing
    or an abstraction ("diplomacy must work together")."""
    verb = modal.head
    if not (modal.dep_ == "aux" and verb.dep_ == "ccomp"
            and verb.head.lemma_.lower() in pattern.under):
        return False
    obliged = [c for c in verb.children if c.dep_ == "nsubj"]
    first = reference_words().pronouns.first
    return not any((s.pos_ == "PRON" and s.lower_ in first) or not_agent(s) is not None
                   for s in obliged)


def predicated_host(noun: Token, prepositions: frozenset[str]) -> Token | None:
    """The word a noun is predicated of through one of `prepositions`: "came" of "came under
    attack", "placed" of "placed under house arrest", "lived" of "lived under a string of
    curfews", "journalist" of "a journalist under house arrest". Who that word's clause is about
    undergoes the noun's act; a definite noun takes up an act told before."""
    noun = first_conjunct(noun)
    # a quantity of it: "under a string of curfews"
    while (noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "pobj"
           and noun.head.head.pos_ == "NOUN"):
        noun = noun.head.head
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.dep_ != "prep" or preposition.lower_ not in prepositions:
        return None
    if any(c.dep_ == "det" and "Def" in c.morph.get("Definite", []) for c in noun.children):
        return None  # "commented on the sanctions"
    host = preposition.head
    return host if host.pos_ in VERB_POS | NOUN_POS else None


# The links from a clause to the clause it is told in: a complement ("said that ..."), a
# conjunct of one ("... and the machinery was used"), a control or purpose infinitive ("use the
# law to silence critics"), a participle.
TOLD_IN = ("ccomp", "xcomp", "advcl", "conj", "parataxis")
WH_TAGS = ("WDT", "WP", "WP$", "WRB")
ALLEGATION_DEPTH = 4


def alleged_under(verb: Token, saying: frozenset[str]) -> Token | None:
    """The verb of saying (among `saying`) that a wrongdoing is told under, when the speaker is
    not its doer: "rebels say the president violated the constitution" (say), "'The count was
    rigged,' she said". A wrongdoing the clause denies ("said the police did not intimidate
    anyone") is no allegation, nor one the speaker owns ("we breached the rules"), nor one
    said of no one in particular ("whatever the provocation may be")."""
    if any(c.dep_ == "neg" or c.tag_ in WH_TAGS for c in verb.children):
        return None
    clause = verb
    for _ in range(ALLEGATION_DEPTH):
        head = clause.head
        if head.i == clause.i or clause.dep_ not in TOLD_IN:
            break
        if clause.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in saying:
            return head if _not_own_doing(verb, head) else None
        clause = head
    # the frame after the words, hung on them: "the vote was rigged, the party said"
    reporter = next((c for c in clause.children if c.dep_ == "parataxis"
                     and c.lemma_.lower() in saying and c.i > verb.i), None)
    return reporter if reporter is not None and _not_own_doing(verb, reporter) else None


def _not_own_doing(verb: Token, reporter: Token) -> bool:
    """Whether the wrongdoing's doer differs from its teller: not the same word, not "we"."""
    doers = verb_subjects(verb)
    speakers = [c for c in reporter.children if c.dep_ in SUBJECTS]
    first = reference_words().pronouns.first
    return not any((d.pos_ == "PRON" and d.lower_ in first)
                   or (d.pos_ == "PRON" and any(d.lower_ == s.lower_ for s in speakers))
                   or any(d.i == s.i for s in speakers) for d in doers)


def _try(patterns: list[TriggerPattern], token: Token, modifiers: frozenset[str],
         demands: Demands) -> TriggerMatch | None:
    for pattern in patterns:
        if pattern.kind == "verb" and pattern.under:
            # an act told as someone's allegation: the saying is the event (its clause)
            reporter = alleged_under(token, pattern.under) if _verb_fits(pattern, token) else None
            if reporter is not None:
                return TriggerMatch(pattern, token, reporter)
            continue
        if pattern.kind == "verb" and _verb_fits(pattern, token):
            return TriggerMatch(pattern, token, token)
        if pattern.kind == "noun" and pattern.predicative:
            host = predicated_host(token, pattern.predicative)
            if host is not None:
                return TriggerMatch(pattern, token, host if host.pos_ in VERB_POS else token,
                                    host=host)
            continue
        if pattern.kind == "noun":
            fits, verb = _noun_fits(pattern, token, modifiers, demands)
            if fits:
                framed = bool(pattern.arguments) and not any(
                    _noun_fits(other, token, modifiers, demands)[0] for other in patterns
                    if other.kind == "noun" and not (other.arguments or other.predicative))
                return TriggerMatch(pattern, token, verb or token, verb, framed=framed)
        if pattern.kind == "adjective":
            clause = _adjective_fits(pattern, token)
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
    if tag == "VBN" and token.dep_ in NOMINAL_DEPS and any(
            c.dep_ == "det" for c in token.children):
        # a participle used as a noun: "the accused were released"
        return [lexicon.nouns]
    if owner_of_gerund(token, lexicon.cues.owner_modifiers) is not None:
        return [lexicon.nouns]
    if tag == "VBN" and token.lower_ in lexicon.adjectives:
        # an adjectival passive: "is opposed to", "is committed to", "is prepared to"
        return [lexicon.adjectives, lexicon.verbs]
    if (tag in ("VBN", "VBG") or (pos == "ADJ" and token.dep_ in NOMINAL_DEPS)) and any(
            c.dep_ == "det" for c in token.children):
        # "evacuated the wounded", "to receive the injured" (tagged an adjective), "the killing
        # of ...": a noun phrase, not a clause
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
    modifiers = lexicon.cues.historical_modifiers | lexicon.cues.owner_modifiers
    demands = Demands(frozenset(verb for verb, modality in lexicon.complements.items()
                                if modality == "demanded" and verb in lexicon.verbs),
                      lexicon.cues.demand_prepositions)
    for token in sentence:
        forms = lemma_forms(token)
        if lexicon.lemmas.isdisjoint(forms):
            continue  # no pattern of any kind: the structural checks can be skipped
        for table in lookup_tables(token, lexicon):
            match = None
            for form in forms:
                patterns = table.get(form)
                if patterns:
                    match = _try(patterns, token, modifiers, demands)
                    if match is not None:
                        break
            if match is not None:
                matches.append(match)
                break
    # a noun whose light verb is itself a trigger is what that event acts on: "called off a
    # strike", "offered concessions", "rejected the invitation" are one event, the verb's
    verbs = {m.token.i for m in matches if m.pattern.kind != "noun"}
    return [m for m in matches
            if (m.light is None or m.light.i not in verbs
                or (presupposed(m.token) and _owned(m.token, modifiers)))
            and not _about_comment(m, lexicon)]


def presupposed(noun: Token) -> bool:
    """A nominal event taken as having happened: "hurt in the firing", and the cause of a
    reaction, a quantity of it included ("protests over the second round of questioning"; the
    parser may hang the cause on what the reaction is a part of: "a wave of protests over")."""
    words = trigger_words()
    noun = gerund_head(noun) or noun
    if noun.dep_ != "pobj":
        return False
    if noun.head.lower_ in words.presupposing_prepositions:
        return True
    while noun.head.lower_ == "of" and noun.head.head.dep_ == "pobj":
        noun = noun.head.head
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ not in words.cause_prepositions:
        return False
    reacting = preposition.head
    parts = [c for p in reacting.children if p.dep_ == "prep" and p.lower_ == "of"
             for c in p.children if c.dep_ == "pobj"]
    return any(t.lemma_.lower() in words.reaction_nouns for t in (reacting, *parts))


def _owned(noun: Token, modifiers: frozenset[str]) -> bool:
    """A modifier says whose or when the nominal event is: "police firing", "Russian attack",
    "previous aggression". "Hurt in police firing" then reports the firing as an event of its
    own, besides the hurting."""
    return owner_of_gerund(noun, modifiers) is not None or any(
        child.dep_ in ("amod", "compound") and (
            child.pos_ == "PROPN" or child.ent_type_ or child.lower_ in modifiers)
        for child in noun.children)


def _about_comment(match: TriggerMatch, lexicon: EventLexicon) -> bool:
    """"declined to comment", "refused to say", "an email requesting comment": a statement
    about speaking, not an event; and what a verb of speaking is about is no act on its speaker
    ("commented on the sanctions")."""
    cues = lexicon.cues
    speech = cues.comment_verbs | cues.reporting_verbs
    if match.host is not None:
        return match.host.lemma_.lower() in speech
    if match.pattern.complement is None:
        return False
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in speech for c in match.token.children):
        return True
    return match.pattern.complement == "demanded" and any(
        thing.lemma_.lower() in cues.comment_nouns for thing in _demanded_things(match.token, cues))


def _demanded_things(token: Token, cues: ModalityCues) -> Iterator[Token]:
    """What a demand names as demanded: its object, or what it is "for" ("asked for comment")."""
    for child in token.children:
        if child.dep_ in OBJECT_DEPS:
            yield child
        elif child.dep_ in ("prep", "prt") and child.lower_ in cues.demand_prepositions:
            yield from (c for c in child.children if c.dep_ == "pobj")

