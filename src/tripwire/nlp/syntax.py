"""Reading a dependency parse, one way for every stage: subjects (`subject_of`: who speaks;
`doer_of`: who acts, through control and coordination), passive agents, objects of prepositions,
gerunds, and the dependency-label sets they rest on. Words a helper needs (control verbs) come
from the caller's language file, so the helpers hold labels only.

The labels are those of spaCy's English models (ClearNLP style). Each helper is tested on parses
built by hand (`tests/nlp/test_syntax.py`), so a new model changes what the parser says, never
what these functions make of it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from tripwire.nlp import doc_text

# A clause's subject, active or passive ("police arrested", "he was arrested").
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Who acts: subjects that are not the patient of a passive ("police", "what they did").
DOER_SUBJECTS = ("nsubj", "csubj")
OBJECTS = frozenset({"dobj", "obj"})
AUXILIARIES = frozenset({"aux", "auxpass"})
# Clauses that take the subject of the verb they hang on when they have none ("He added ...
# and praised ...", "said ..., adding ...").
INHERITS_SUBJECT = ("conj", "advcl", "xcomp", "ccomp")
# Words that belong to a noun's own phrase ("the NATO boss", "Russia's foreign minister").
NOUN_PHRASE_DEPS = frozenset({"compound", "det", "amod", "poss", "nmod", "flat", "nummod", "case"})
NAMES_AND_PRONOUNS = ("PROPN", "PRON")


def first_child(token: Token, deps: Collection[str]) -> Token | None:
    """The token's first child with one of these labels."""
    return next((c for c in token.children if c.dep_ in deps), None)


def own_subject(verb: Token) -> Token | None:
    """The verb's first subject that is a word: the parser can make a dash a subject."""
    return next((c for c in verb.children
                 if c.dep_ in SUBJECTS and any(ch.isalnum() for ch in c.text)), None)


def subject_of(verb: Token, steps: int = 4) -> Token | None:
    """The subject of a verb, borrowed from the verbs it hangs on when it has none of its own.

    "He added ... and praised ..." gives "praised" the subject "He"; "Sanders said the process
    could be messy, adding ..." gives "adding" "Sanders": a borrowed subject that is a name or a
    pronoun beats a nearer one that is a common noun. A participle on a noun ("footage of
    Clinton asking") is the noun's, unless the noun is what someone issued ("she issued a
    statement saying"): then the issuer's.
    """
    own = own_subject(verb)
    if own is not None:
        return own
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        noun = verb.head
        if noun.pos_ == "NOUN" and noun.head.pos_ == "VERB":
            issuer = own_subject(noun.head)
            if issuer is not None and issuer.pos_ in NAMES_AND_PRONOUNS:
                return issuer
        return noun
    borrowed: Token | None = None
    for _ in range(steps):
        if verb.dep_ not in INHERITS_SUBJECT or verb.head is verb:
            break
        verb = verb.head
        subject = own_subject(verb)
        if subject is None:
            continue
        if subject.pos_ in NAMES_AND_PRONOUNS:
            return subject
        borrowed = borrowed or subject
    return borrowed


@dataclass(frozen=True)
class Control:
    """The words that hand a verb's infinitive to someone other than its subject (lower case):
    object-control verbs ("urged X to withdraw"), the prepositions that name their object
    ("called on X to"), those that name whom a noun is addressed to ("its request to X to
    withdraw"), and those whose gerund the verb's object does."""

    verbs: Collection[str]
    prepositions: Collection[str]
    addressee: Collection[str]
    # prepositions whose gerund the verb's object does: "accused X of harbouring", "arrested X
    # for attacking", "barred X from contesting" (not "punished X by cutting aid")
    object_gerunds: Collection[str] = ()
    # prepositions that name who makes what a noun names: "an offer by Turkey to host talks"
    makers: Collection[str] = ()


def doer_of(verb: Token, control: Control, depth: int = 0) -> Token | None:
    """Who does a clause: its active subject, else up the parse through control, coordination,
    participles, purpose infinitives and a noun's infinitive.

    `subject_of` asks who speaks (a borrowed name beats a nearer common noun); this asks who
    acts, and so knows that "urged Iran to withdraw" makes Iran the one withdrawing and that
    "was indicted and will resign" is resigned by the one indicted.
    """
    if depth > 6:
        return None
    subject = hyphen_subject(verb, first_child(verb, DOER_SUBJECTS))
    if subject is not None:
        return subject
    head = verb.head
    if head.i == verb.i:
        return None
    dep = verb.dep_
    if dep == "xcomp":
        if head.lemma_.lower() in control.verbs:
            # "urged X to", "called on X to", and the passive "the police were told to patrol"
            doer = (first_child(head, OBJECTS) or prep_object(head, control.prepositions)
                    or first_child(head, ("nsubjpass",)))
            if doer is not None:
                return doer
        return doer_of(head.head if head.dep_ in ("acomp", "amod") else head, control,
                       depth + 1)
    if dep == "conj" and is_passive(head):
        # "was indicted and will resign": the patient of the first verb does the second
        return None if is_passive(verb) else first_child(head, ("nsubjpass",))
    if dep == "advcl" and verb.tag_ == "VBG" and is_passive(head):
        # a participle beside a passive is done by its patient: "was arrested while trying to
        # flee", "has been told to leave, while asking to return"
        return first_child(head, ("nsubjpass",))
    if dep == "conj" or (dep == "advcl" and (verb.tag_ == "VBG" or is_infinitive(verb))):
        # a participle or a purpose infinitive is done by its clause's doer: "travelled to
        # Accra to discuss the crisis"
        return None if is_passive(head) else doer_of(head, control, depth + 1)
    if dep == "pcomp":
        obj = first_child(head.head, OBJECTS) if head.lower_ in control.object_gerunds else None
        return obj if obj is not None else doer_of(head.head, control, depth + 1)
    if dep == "acl" and head.pos_ == "NOUN" and is_infinitive(verb):
        # a noun's infinitive is done by whom the noun is addressed to, else by its maker:
        # "its request to Rwanda to withdraw", "Uganda's decision to withdraw troops", "an
        # offer by Turkey to host talks"
        doer = (prep_object(head, control.addressee) or first_child(head, ("poss",))
                or prep_object(head, control.makers))
        if doer is not None and doer.i < verb.i:
            return doer
    if dep == "relcl" or (dep == "acl" and verb.tag_ != "VBN"):
        # "issued a declaration demanding ...": the declaration speaks for its issuer
        if dep == "acl" and head.dep_ in OBJECTS and head.pos_ == "NOUN":
            return doer_of(head.head, control, depth + 1) or head
        return head
    if dep in ("acomp", "amod"):
        return doer_of(head, control, depth + 1)
    return None


def is_infinitive(verb: Token) -> bool:
    """A "to" infinitive: "to withdraw"."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def hyphen_subject(verb: Token, subject: Token | None) -> Token | None:
    """The subject of a hyphenated verb the tokenizer split: the parser takes the first word for
    the subject ("police lathi-charged ..." parses "lathi" as subject, "police" under it)."""
    prefix = hyphen_prefix(verb)
    if prefix is None or (subject is not None and subject.i != prefix.i):
        return subject
    return next((c for c in prefix.children if c.dep_ in ("compound", "nsubj", "amod")
                 and c.pos_ in ("NOUN", "PROPN")), None)


def complement_subject(token: Token) -> Token | None:
    """The subject of a clause a word takes as its content: "accused X of ...", "the demand
    that X withdraw"."""
    for child in token.children:
        if child.dep_ in ("ccomp", "xcomp") or (child.dep_ == "acl" and token.pos_ == "NOUN"):
            subject = first_child(child, SUBJECTS)
            if subject is not None:
                return subject
    return None


def is_passive(verb: Token) -> bool:
    """A passive clause ("was arrested") or a passive participle ("troops sent to ...")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.i != verb.i and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        # a bare participle joined to a passive shares its voice ("were held and tortured",
        # "a force armed and supported by X"); one with an auxiliary of its own may not ("was
        # accused and has denied it")
        return verb.head.dep_ == "acl" or is_passive(verb.head)
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def passive_agent(verb: Token) -> Token | None:
    """Who does a passive: the object of its "by" ("was arrested by the police")."""
    agent = first_child(verb, ("agent",))
    return first_child(agent, ("pobj",)) if agent is not None else None


def preposition_objects(token: Token, preps: Collection[str],
                        deps: Collection[str] = ("prep",)) -> Iterator[Token]:
    """The objects of the token's prepositions among `preps` (lower case), in text order."""
    for child in token.children:
        if child.dep_ in deps and child.lower_ in preps:
            yield from (c for c in child.children if c.dep_ == "pobj")


def prep_object(token: Token, preps: Collection[str]) -> Token | None:
    """The first object of one of the token's prepositions (or its passive "by", or a
    preposition the parser took for a particle: "called on [prt] his supporters")."""
    return next(preposition_objects(token, preps, ("prep", "agent", "prt")), None)


def governing_verb(token: Token, hops: int = 4) -> Token | None:
    """The nearest verb above a token in the parse, within a few steps up."""
    for _ in range(hops):
        if token.head is token:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in AUXILIARIES]


def gerund_head(token: Token) -> Token | None:
    """The noun right before a gerund that the parser made the gerund's head: it reads "hurt in
    police firing" as "police" with a participle "firing" after it."""
    head = token.head
    if token.tag_ == "VBG" and token.dep_ == "acl" and head.i == token.i - 1:
        return head
    return None


def owner_of_gerund(token: Token, owners: Collection[str]) -> Token | None:
    """The owner word a gerund was hung on ("police firing" is the police's firing)."""
    head = gerund_head(token)
    return head if head is not None and head.lower_ in owners else None


def hyphen_prefix(token: Token) -> Token | None:
    """The first word of a hyphenated word the tokenizer split ("lathi" of "lathi-charged")."""
    if token.i < 2 or doc_text(token.doc)[token.idx - 1] != "-":  # asked of every word: cheap first
        return None
    hyphen, prefix = token.doc[token.i - 1], token.doc[token.i - 2]
    if hyphen.text != "-" or hyphen.whitespace_ or prefix.whitespace_ or not prefix.is_alpha:
        return None
    return prefix


def first_conjunct(token: Token) -> Token:
    """The first of the words coordinated with a word, where their shared role is attached
    ("demanded the arrest and trial of X": "arrest" is the object)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def noun_phrase_head(token: Token) -> Token:
    """Climb from a word to the head of its noun phrase ("NATO" in "the NATO boss" -> "boss")."""
    while token.dep_ in ("compound", "flat", "amod", "nmod") and token.head.i > token.i:
        token = token.head
    return token


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


def mandative_subjunctive(clause: Token) -> bool:
    """A that-clause in the mandative subjunctive: its verb in the bare form (tag VB) with a
    subject and no auxiliary ("that Somalia withdraw its troops"), or a passive with a bare
    "be" ("that he be released")."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if clause.tag_ == "VB":
        return not auxiliaries
    return [(a.lemma_, a.tag_) for a in auxiliaries] == [("be", "VB")]
