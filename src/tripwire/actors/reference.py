"""Who a role mention refers to when it names no one: pronouns, relative pronouns, definite
descriptions ("the group"), generic agents placed by the article, and mentions that cannot act.

The event coder picks which mention fills a role; this module says what that mention resolves
to. `refer(head, resolve)` answers for the mentions that need the article around them (None
for a mention that names its actor itself); `ArticleContext` holds the article's countries and
dateline, the last resort for a generic agent's country; `unresolved_reason` says why a role
stays unknown. Word lists live in lang/en/reference.yaml.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from tripwire.actors.lexicon import load_lexicon
from tripwire.actors.reading import resolve_text
from tripwire.actors.registry import registry
from tripwire.actors.resolve import ActorResolution, generic_body_name
from tripwire.actors.words import ReferenceWords, agentless_words, reference_words
from tripwire.document import ActorRef, Quote, Removed
from tripwire.nlp import doc_text
from tripwire.nlp.syntax import SUBJECTS, passive_agent

NOMINALS = (*SUBJECTS, "dobj", "pobj", "appos", "attr", "conj")
PLURAL_TAGS = ("NNS", "NNPS")
NOT_ACTOR_ENTITIES = ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL")
SENTENCES_BACK = 3  # how far back a pronoun or a definite description looks for its actor
SITUATION = "not an agent: a demonstrative, which stands for a situation"  # "this shows ..."
RELATIONAL = "relational noun"  # the reason that starts an other party's unknown ("its rival")


class ArticleContext:
    """The countries an article is about (its state mentions, most often named first) and its
    dateline's: where a generic agent no sentence places belongs."""

    def __init__(self, actors: ActorResolution, dateline: str | None = None,
                 published: str | None = None) -> None:
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for mention in actors.mentions:
            country = mention.ref.country
            if country:
                counts[country] += 1
                first.setdefault(country, mention.start)
        self.countries = sorted(counts, key=lambda c: (-counts[c], first[c]))
        self._told = sorted((m.start, m.ref.country) for m in actors.mentions if m.ref.country)
        self.dateline = _dateline_country(dateline, published)
        self.named = actors.countries

    def foreign_body(self, ref: ActorRef) -> bool:
        """A phrase read alone as a state's body through a one-word name that is also a sector
        word ("50 Congress MPs"), in an article that never names that state."""
        return bool(ref.actor) and any(generic_body_name(registry(), ref.actor or "", word,
                                                         self.named) for word in ref.text.split())

    def recent(self, sentence: Span, taken: set[str] | frozenset[str] = frozenset()) -> str | None:
        """The country named last in the few sentences before `sentence`, else the article's:
        where the story is when a deed names no place ("dozens have been killed since"); never
        one of `taken`, the states the act's other role names ("Kenya accused Somalia ... The
        minister rejected the accusation": the minister answers Kenya, so is not Kenyan)."""
        window = window_start(sentence[0])
        before = [c for start, c in self._told if window <= start < sentence.start_char
                  and c not in taken]
        return before[-1] if before else self.home(taken)

    def home(self, taken: set[str] | frozenset[str] = frozenset()) -> str | None:
        """The article's country (named most, first), else its dateline's; None when the other
        role's actor holds it (`taken`): a guess further down the list is no guess."""
        found = self.countries[0] if self.countries else self.dateline
        return None if found in taken else found


def dateline(removed: list[Removed]) -> str | None:
    """The dateline the cleaner took off the article's first lines, if any."""
    return next((r.text for r in removed if r.kind == "dateline"), None)


def _dateline_country(dateline: str | None, published: str | None) -> str | None:
    """"TEHRAN —", "NAIROBI, Kenya (AP) —": the state the dateline's place names."""
    if not dateline:
        return None
    words = dateline.strip(" -—–:,").split("(")[0].replace(",", " ").split()
    for size in range(min(len(words), 4), 0, -1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(w.capitalize() if w.isupper() else w for w in words[start:start + size])
            reading = resolve_text(registry(), phrase, _day(published))
            if reading.country:
                return reading.country
    return None


def _day(published: str | None) -> Any:
    from tripwire.actors.reading import as_day

    return as_day(published)


Resolve = Callable[[Token], ActorRef]


def refer(head: Token, resolve: Resolve, actors: ActorResolution,
          quotes: Sequence[Quote] = ()) -> tuple[ActorRef, str] | None:
    """What a role head that names no actor of its own stands for, with why; None for a
    mention that names its actor (the caller resolves it)."""
    words = reference_words()
    lowered = head.lower_
    if lowered in words.pronouns.first and head.pos_ == "PRON":
        return _first_person(head, resolve, actors, quotes)
    if lowered in words.relative and head.dep_ in (*SUBJECTS, "dobj") and \
            head.head.dep_ in ("relcl", "acl") and head.head.head.i != head.head.i:
        antecedent = head.head.head
        ref = resolve(antecedent)
        return replace(ref, text=head.text), f"relative pronoun: {antecedent.text!r}"
    if lowered in words.personal and head.pos_ == "PRON":
        return _pronoun(head, resolve, words, actors, quotes)
    owned = _owned(head, resolve, words)
    if owned is not None:
        return owned
    counted = _counted(head, words)
    if counted is not None:
        ref = resolve(counted)
        return replace(ref, text=_phrase_text(head)), f"quantity of: {counted.text!r}"
    if _definite_bare(head, words) and head.lemma_.lower() in words.organisation_nouns:
        found = _last_organisation(head, actors)
        if found is not None:
            return replace(found, text=head.text), f"definite description: {found.text!r}"
    if head.lemma_.lower() in words.country_nouns and _definite_unnamed(head, words):
        found = _last_state(head, actors)
        if found is not None:
            return replace(found, text=_phrase_text(head)), f"definite description: {found.text!r}"
    return None


def parties(head: Token, resolve: Resolve) -> tuple[list[ActorRef], str] | None:
    """The parties "both sides", "the two leaders" or "the two" stand for: the pair of actors
    named together last before them (coordinated: "Japan and Ireland", "Kishida and Martin"),
    within a few sentences; None for any other head or when no such pair is named."""
    if not _pair(head):
        return None
    doc = head.doc
    sentence = head.sent
    for _ in range(SENTENCES_BACK + 1):
        tokens = [t for t in doc[sentence.start:sentence.end] if t.i < head.i]
        for token in reversed(tokens):
            group = _coordinated(token)
            if len(group) < 2:
                continue
            refs: list[ActorRef] = []
            for member in group:
                ref = resolve(member)
                if (ref.actor or ref.country) and not any(
                        (ref.actor or ref.country) == (r.actor or r.country) for r in refs):
                    refs.append(ref)
            if len(refs) >= 2:
                names = " and ".join(r.text for r in refs)
                return [replace(r, text=head.text) for r in refs], f"the parties: {names!r}"
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
    return None


def _pair(head: Token) -> bool:
    """"both sides", "the two sides", "the two" (but not "two soldiers", "both Russian and
    Ukrainian forces")."""
    words = reference_words()
    if head.lower_ in words.pair_numbers and head.pos_ in ("NUM", "PRON"):
        return any(c.dep_ == "det" and c.lower_ in words.definite for c in head.children)
    if head.pos_ != "NOUN" or head.tag_ not in PLURAL_TAGS:
        return False
    if any(c.dep_ == "det" and c.lower_ in words.pair_determiners for c in head.children):
        return True
    return any(c.dep_ == "nummod" and c.lower_ in words.pair_numbers for c in head.children) and \
        any(c.dep_ == "det" and c.lower_ in words.definite for c in head.children)


def _coordinated(token: Token) -> list[Token]:
    """The members of a coordination that ends at `token` ("Japan and Ireland" at "Ireland"),
    also when the parser made them sibling objects of one preposition ("representatives from
    Congo and the M23")."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return []
    if token.conjuncts and token.i > min(t.i for t in token.conjuncts):
        return sorted((token, *token.conjuncts), key=lambda t: t.i)
    if token.dep_ == "pobj":
        siblings = [c for c in token.head.children if c.dep_ == "pobj"]
        joined = any(c.dep_ == "cc" for t in (token.head, *siblings) for c in t.children)
        if len(siblings) > 1 and joined and token.i == siblings[-1].i:
            return siblings
    return []


def _quote_speaker(head: Token, resolve: Resolve, actors: ActorResolution,
                   quotes: Sequence[Quote]) -> tuple[ActorRef, Quote] | None:
    """The speaker of the direct quote `head` lies in, when the speaker is named in the same
    paragraph and resolves to someone."""
    text = doc_text(head.doc)
    for quote in quotes:
        speaker = quote.speaker
        if speaker is None or quote.kind != "direct" or not quote.start <= head.idx < quote.end:
            continue
        if "\n" in text[min(speaker.start, head.idx):max(speaker.end, head.idx)]:
            continue
        ref = _speaker_ref(quote, head.doc, resolve, actors)
        if ref is not None:
            return ref, quote
    return None


def _last_speaker(head: Token, resolve: Resolve, actors: ActorResolution,
                  quotes: Sequence[Quote]) -> ActorRef | None:
    """The speaker of the last direct quote that ends before the pronoun's sentence and
    reaches into the sentences it looks back over: when the narration resumes after a quote,
    "he" or "she" most often takes its speaker up again ("'...,' the mayor said. 'The books
    are clean ...' He accused ..."), however many sentences the quote ran."""
    window = window_start(head)
    before = [q for q in quotes if q.kind == "direct" and q.speaker is not None
              and window <= q.end <= head.sent.start_char]
    for quote in sorted(before, key=lambda q: q.end, reverse=True):
        ref = _speaker_ref(quote, head.doc, resolve, actors)
        if ref is not None:
            return ref
    return None


def _speaker_ref(quote: Quote, doc: Doc, resolve: Resolve,
                 actors: ActorResolution) -> ActorRef | None:
    """Who a quote's named speaker resolves to, if anyone."""
    speaker = quote.speaker
    assert speaker is not None
    ref = actors.actor_at(speaker.start, speaker.end)
    if ref is None:
        span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        ref = resolve(span.root) if span is not None else None
    return ref if ref is not None and (ref.actor or ref.country) else None


def _first_person(head: Token, resolve: Resolve, actors: ActorResolution,
                  quotes: Sequence[Quote]) -> tuple[ActorRef, str]:
    """"We", "I" inside a direct quote: its speaker, named in the same paragraph ("we have
    visited those camps", said the director of a rights group)."""
    spoken = _quote_speaker(head, resolve, actors, quotes)
    if spoken is not None:
        ref, quote = spoken
        assert quote.speaker is not None
        return replace(ref, text=head.text), f"first person in a quote of {quote.speaker.text!r}"
    reason = f"pronoun {head.text!r}: not inside a quote with a known speaker"
    return ActorRef(None, head.text, unresolved=reason), reason


def _owned(head: Token, resolve: Resolve, words: ReferenceWords) -> tuple[ActorRef, str] | None:
    """A member noun with an owner that is no name ("his supporters", "the party's fighters")
    stands for the owner's people: the owner's country, and the owner itself when it is an
    organisation or a state (its members act for it; a person's followers are not that
    person); a named owner's phrase names them itself ("Peru's soldiers"). Kin ("his wife",
    "Cantlie's sister") are another person of the owner's country. A relational
    noun with an owner ("its neighbours", "Kenya's rival") is someone else than the owner: who
    the phrase names ("its ally Ukraine", "his Chinese counterpart"), else an explicit
    unknown."""
    lemma, word = head.lemma_.lower(), head.lower_
    member = lemma in words.member_nouns or word in words.member_nouns
    relational = lemma in words.relational_nouns or word in words.relational_nouns
    kin = lemma in words.kin_nouns or word in words.kin_nouns
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if head.pos_ != "NOUN" or owner is None or not (member or relational or kin):
        return None
    if kin:
        # "Cantlie's sister appealed": not Cantlie, but of his country; "his parents, John and
        # Sally Lane": the persons the apposition names
        found = resolve(owner)
        if found.country is None and owner.pos_ == "PRON":
            return None  # "my mother", "her father": placed as any unnamed person
        # (a full name: a lone first name is too little to name a person)
        named = next((resolve(c) for c in head.children if c.dep_ == "appos"
                      and len(_phrase_text(c).split()) > 1), None)
        if named is not None and named.actor:
            return (replace(named, text=_phrase_text(head), country=named.country or found.country),
                    f"kin named: {named.text!r}")
        return (ActorRef(None, _phrase_text(head), found.country),
                f"kin of: {found.text!r}")
    if relational:
        # "its ally Ukraine", "his Chinese counterpart": the phrase names the other party
        naming = next((c for c in head.children if c.dep_ == "appos" or (
            c.dep_ in ("amod", "compound") and c.ent_type_ and c.i < head.i)), None)
        if naming is not None:
            return replace(resolve(naming), text=_phrase_text(head)), f"named: {naming.text!r}"
        reason = f"{RELATIONAL}: someone other than its owner {owner.text!r}"
        return ActorRef(None, _phrase_text(head), unresolved=reason), reason
    if owner.ent_type_:
        return None  # "Kenya's troops", "Peru's prime minister": the phrase names them itself
    found = resolve(owner)
    actor = found.actor if _kind(found) in ("org", "group", "igo", "state") else None
    if actor is None and found.country is None:
        return None
    spec = load_lexicon().sector_words.get(word) or load_lexicon().sector_words.get(lemma)
    sector = spec.sector if spec is not None else found.sector
    return (ActorRef(actor, _phrase_text(head), found.country, sector),
            f"members of: {found.text!r}")


def other_party(ref: ActorRef) -> bool:
    """A relational noun left unknown ("its neighbours"): no context places it, least of all in
    its owner's country."""
    return (ref.unresolved or "").startswith(RELATIONAL)


def _counted(head: Token, words: ReferenceWords) -> Token | None:
    """The people a quantity head counts: "dozens of people", "two of the suspects"."""
    if head.lower_ not in words.quantities and head.lemma_.lower() not in words.quantities \
            and head.ent_type_ != "CARDINAL":
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((c for c in prep.children if c.dep_ == "pobj"
                         and c.pos_ in ("NOUN", "PROPN")), None)
    return None


def _phrase_text(head: Token) -> str:
    """The words of a mention up to where a clause about it begins ("one of the officials",
    not "... the officials Tebboune consulted with")."""
    end = head.right_edge.i + 1
    for token in head.subtree:
        if token.dep_ in ("relcl", "acl") and token.i > head.i:
            end = min(end, token.left_edge.i)
    return head.doc[head.left_edge.i:max(end, head.i + 1)].text.strip(" ,")


def described(head: Token, named: ActorRef, actors: ActorResolution) -> tuple[ActorRef, str] | None:
    """A definite title that names no person ("the former Kenyan president", "the minister"):
    the person named last before it, within a few sentences, of the title's country when the
    phrase names one, else one named or introduced with that title (named by it: also from
    further back)."""
    if _is_person(named) or head.pos_ != "NOUN" or head.tag_ in PLURAL_TAGS:
        return None
    lemma = head.lemma_.lower()
    lexicon = load_lexicon()
    if lemma not in lexicon.office_words or not any(
            c.dep_ == "det" and c.lower_ in reference_words().definite for c in head.lefts):
        return None
    # the title with its own qualifiers: "the foreign minister" is not the prime minister
    title = " ".join([*(c.lower_ for c in head.lefts if c.dep_ in ("amod", "compound")
                        and not c.ent_type_), lemma])
    window = window_start(head)
    text = doc_text(head.doc)
    earlier = [m for m in reversed(actors.mentions)
               if m.start < head.idx and m.head and _is_person(m.ref)]
    near = [m for m in earlier if m.start >= window]
    if named.country:
        found = next((m for m in near if m.ref.country == named.country), None)
    else:
        # a person named by this very title ("Turkey's foreign minister", within a few sentences
        # or further back), else one introduced with it nearby ("Sergei Lavrov, the foreign
        # minister, ..."), never one merely followed by this mention of it
        pattern = re.compile(rf"\b{re.escape(title)}\b")
        titled = [m for m in earlier if pattern.search(m.ref.text.lower())]
        found = next((m for m in titled if m.start >= window), None) or next(
            (m for m in near if title in text[max(0, m.start - 80):
                                             min(m.end + 80, head.idx)].lower()), None) or next(
            iter(titled), None)
    if found is None:
        return None
    return replace(found.ref, text=_phrase_text(head)), f"definite description: {found.ref.text!r}"


def gathering(head: Token, named: ActorRef, resolve: Resolve) -> tuple[ActorRef, str] | None:
    """A gathering that names no one ("the summit condemned the coup") speaks for whom the
    article says hosted it, else for the state it sat in, else for who attended it: told of
    this mention or, when definite, of an earlier one of the same noun within a few sentences
    ("a summit in Accra ... the summit"); an explicit unknown when the article names none."""
    words = reference_words()
    lemma = head.lemma_.lower()
    if named.actor or named.country or head.pos_ != "NOUN" or lemma not in words.gathering_nouns:
        return None
    mentions = [head]
    if any(c.dep_ == "det" and c.lower_ in words.definite for c in head.lefts):
        window = window_start(head)
        mentions += [t for t in reversed(head.doc[:head.i]) if t.idx >= window
                     and t.pos_ == "NOUN" and t.lemma_.lower() == lemma]
    finders = (("hosted by", _hosts, False), ("held in", _venues, True),
               ("attended by", _attendees, False))
    for how, find, place in finders:
        for mention in mentions:
            for token in find(mention, words):
                ref = resolve(token)
                if place and ref.country:
                    return ActorRef(None, _phrase_text(head), ref.country), \
                        f"gathering {how} {token.text!r}"
                if not place and (ref.actor or ref.country):
                    return replace(ref, text=_phrase_text(head)), f"gathering {how} {token.text!r}"
    reason = f"gathering {head.text!r}: the article names no host, place or participant"
    return ActorRef(None, _phrase_text(head), unresolved=reason), reason


def _takers(noun: Token, verbs: frozenset[str]) -> Iterator[Token]:
    """Who does one of `verbs` to a gathering: the agent of a participle on it ("a summit
    hosted by Ghana"), the subject of a clause on it ("a meeting the envoy attended") or of the
    verb it is the object of ("Ghana convened the meeting")."""
    for clause in noun.children:
        if clause.dep_ in ("acl", "relcl") and clause.lemma_.lower() in verbs:
            agent = passive_agent(clause)
            if agent is not None:
                yield agent
            yield from (c for c in clause.children if c.dep_ == "nsubj")
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in verbs:
        yield from (c for c in verb.children if c.dep_ == "nsubj")


def _hosts(noun: Token, words: ReferenceWords) -> Iterator[Token]:
    return _takers(noun, words.gathering_hosts)


def _attendees(noun: Token, words: ReferenceWords) -> Iterator[Token]:
    return _takers(noun, words.gathering_attendance)


def _venues(noun: Token, words: ReferenceWords) -> Iterator[Token]:
    """The places in a gathering's phrase or its clause ("a summit in Accra", "a meeting they
    held at Nairobi"), or of the verb it hangs on ("met at a summit in Accra")."""
    tokens = list(noun.subtree)
    verb = noun.head.head if noun.dep_ == "pobj" else None
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        tokens += [c for p in verb.children if p.dep_ == "prep" for c in p.children]
    for token in tokens:
        if token.dep_ == "pobj" and token.head.lower_ in words.place_prepositions and \
                token.pos_ == "PROPN":
            yield token  # whatever the tagger calls it: a name in a place's position


def window_start(head: Token) -> int:
    """Where the few sentences before `head` begin."""
    doc = head.doc
    sentence = head.sent
    for _ in range(SENTENCES_BACK):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
    return sentence.start_char


def _pronoun(head: Token, resolve: Resolve, words: ReferenceWords, actors: ActorResolution,
             quotes: Sequence[Quote]) -> tuple[ActorRef, str]:
    """A third-person pronoun's antecedent, nearest first; inside a direct quote never its
    speaker, who would say "I" or "we" ("Encouraged, he may go further," the analyst said:
    "he" is someone the analyst talks about). A quote's "I" is its speaker, whom the narrator
    takes up again as "he" or "she" once the quote ends ("'I am not worried,' the minister
    said. He dismissed ..."), as after a longer quote (`_last_speaker`). A given name's
    gender (`_name_gender`) is a preference, not a bar: name lists are wrong for some names
    of some languages, so a clashing person is taken when no one else fits."""
    lowered = head.lower_
    if _dummy(head):
        reason = f"pronoun {head.text!r}: a dummy subject, no one"
        return ActorRef(None, head.text, unresolved=reason), reason
    pronouns = words.pronouns
    kind = ("person" if lowered in pronouns.person else
            "singular" if lowered in pronouns.singular else "plural")
    gender = ("male" if lowered in pronouns.masculine else
              "female" if lowered in pronouns.feminine else None)

    def speaker_of(token: Token) -> ActorRef | None:
        spoken = _quote_speaker(token, resolve, actors, quotes)
        return spoken[0] if spoken else None

    speaker = speaker_of(head)

    def fits(ref: ActorRef | None, candidate: Token | None, by_name: bool) -> bool:
        if ref is None or (speaker is not None and ref.actor is not None
                           and ref.actor == speaker.actor):
            return False
        return not (by_name and _name_gender(ref, candidate) not in (None, gender))

    for by_name in (gender is not None, False):
        for candidate in _candidates(head):
            if candidate.lower_ in pronouns.first_singular and candidate.pos_ == "PRON":
                ref = speaker_of(candidate)
                if kind == "person" and ref is not None and _is_person(ref) and \
                        fits(ref, candidate, by_name):
                    return replace(ref, text=head.text), \
                        f"pronoun: the speaker of {candidate.text!r}"
                continue
            ref = resolve(candidate)
            if _agrees(ref, candidate, kind, gender) and fits(ref, candidate, by_name):
                return replace(ref, text=head.text), f"pronoun: {candidate.text!r}"
        if by_name and speaker is None:
            # reaching past the nearer sentences is weaker evidence: only a speaker whose
            # given name is of the pronoun's gender
            ref = _last_speaker(head, resolve, actors, quotes)
            if ref is not None and _is_person(ref) and fits(ref, None, False) and \
                    _name_gender(ref, None) == gender:
                return replace(ref, text=head.text), "pronoun: the speaker of the quote before"
        if gender is None:
            break
    reason = f"pronoun {head.text!r}: no {kind} antecedent"
    return ActorRef(None, head.text, unresolved=reason), reason


def _name_gender(ref: ActorRef, candidate: Token | None) -> str | None:
    """The gender a person's given name is used for: the first name of the registry's full
    name or of the phrase the text names the person with ("President Ada Obi": the first
    word the name list knows)."""
    if not _is_person(ref) and (candidate is None or candidate.ent_type_ != "PERSON"):
        return None
    entry = registry().get(ref.actor) if ref.actor else None
    if entry is not None:
        names = entry.name.split()
    elif (ref.actor or "").startswith("person:"):
        names = (ref.actor or "").removeprefix("person:").split("-")
    elif candidate is not None:
        names = [t.text for t in candidate.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
        names.append(candidate.text)
    else:
        return None
    for name in names[:-1]:  # a surname says nothing ("Scott" in "Ali Scott", "Lockyear")
        found = _given_name_gender(name)
        if found is not None:
            return found
    return None


@functools.lru_cache(maxsize=4096)
def _given_name_gender(name: str) -> str | None:
    """"male", "female" or None from the given-name list of the gender-guesser package
    (tens of thousands of first names from many countries, shipped with the package)."""
    found = gender_detector().get_gender(name)
    return {"male": "male", "mostly_male": "male", "female": "female",
            "mostly_female": "female"}.get(found)


@functools.cache
def gender_detector() -> Any:
    """gender-guesser's detector; its name list loads on first use (0.5 s, `warm_up`)."""
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)


def _dummy(head: Token) -> bool:
    """"It is not possible to ...", "it seems that ...": an "it" that stands for a clause."""
    if head.dep_ == "expl":
        return True
    verb = head.head
    return (head.lower_ == "it" and head.dep_ in SUBJECTS
            and any(c.dep_ in ("acomp", "attr") for c in verb.children)
            and any(c.dep_ in ("xcomp", "ccomp", "csubj") for c in verb.children))


def _candidates(head: Token) -> Iterator[Token]:
    """Antecedent candidates, nearest first: the subjects of the clauses above the pronoun
    ("the army said it ..."), then subjects and other nominal heads of the sentence before it
    and of the sentences before that."""
    seen: set[int] = {head.i, *_own_subjects(head)}
    clause = head.head
    for _ in range(8):
        for child in clause.children:
            if child.dep_ in SUBJECTS and child.i not in seen and child.i < head.i:
                seen.add(child.i)
                yield child
        if clause.head.i == clause.i:
            break
        clause = clause.head
    doc = head.doc
    sentence = head.sent
    for _ in range(SENTENCES_BACK):
        tokens = [t for t in doc[sentence.start:sentence.end] if t.i < head.i and t.i not in seen]
        for deps in (SUBJECTS, NOMINALS):
            for token in reversed(tokens):
                if token.dep_ in deps and token.i not in seen and token.pos_ in (
                        "NOUN", "PROPN", "PRON"):
                    seen.add(token.i)
                    yield token
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent


def _own_subjects(head: Token) -> list[int]:
    """The subject of the clause whose object is, or is owned by, the pronoun: "police took
    his phone", "the officers ended their mediation" (but "Russia faces sanctions for its
    invasion": an owner further down may be the subject)."""
    phrase = head.head if head.dep_ == "poss" else head
    if phrase.dep_ not in ("dobj", "dative") and head.dep_ not in ("dobj", "dative"):
        return []
    clause = phrase.head if phrase.dep_ in ("dobj", "dative") else head.head
    return [t.i for c in clause.children if c.dep_ in SUBJECTS for t in (c, *c.conjuncts)]


def _is_person(ref: ActorRef) -> bool:
    actor = ref.actor or ""
    if actor.startswith("person:"):
        return True
    entry = registry().get(actor) if actor else None
    return entry is not None and entry.kind == "person"


def _agrees(ref: ActorRef, candidate: Token, kind: str, gender: str | None = None) -> bool:
    """Number, person and gender agreement of a pronoun with a candidate antecedent that
    names someone (gender only with an antecedent pronoun: "she" never takes up a "he")."""
    if not (ref.actor or ref.country or ref.sector) or ref.unresolved:
        return False
    if candidate.pos_ == "PRON":
        pronouns = reference_words().pronouns
        same = {"person": pronouns.person, "singular": pronouns.singular,
                "plural": pronouns.plural}[kind]
        if gender is not None:
            same = pronouns.masculine if gender == "male" else pronouns.feminine
        return candidate.lower_ in same
    # the registry's kind over the tagger's label: "Togo said ..." tagged PERSON is a state;
    # a title heads a person also when the phrase names the body they serve ("the UNICEF
    # director ... she": the director speaks for the organisation, and is a "she")
    known = _kind(ref) in ("state", "org", "group", "igo")
    lemma = candidate.lemma_.lower()
    person = _is_person(ref) or (candidate.ent_type_ == "PERSON" and not known) or (
        (lemma in load_lexicon().office_words or lemma in reference_words().person_nouns)
        and candidate.tag_ not in PLURAL_TAGS)
    if kind == "person":
        return person
    if person:
        return False
    plural = candidate.tag_ in PLURAL_TAGS or bool(candidate.conjuncts)
    if kind == "plural":
        return plural or _kind(ref) in ("org", "group")
    return not plural and candidate.ent_type_ not in ("LOC", "FAC")


def _kind(ref: ActorRef) -> str | None:
    entry = registry().get(ref.actor) if ref.actor else None
    return entry.kind if entry is not None else None


def cannot_act(head: Token, named: ActorRef) -> tuple[ActorRef, str] | None:
    """A role head that names no actor and cannot be anyone, as an explicit unknown with why
    ("a U.N. military presence" names the UN, so it stays what it names)."""
    if named.actor or named.country:
        return None
    reason = not_agent(head)
    if reason is None:
        return None
    return ActorRef(None, named.text, unresolved=f"{reason}: {head.text!r}"), reason


def not_agent(head: Token) -> str | None:
    """Why a role head cannot be anyone (a day, a quantity, a weapon, an abstraction), or None."""
    if head.ent_type_ in NOT_ACTOR_ENTITIES or (head.pos_ == "NUM" and not head.ent_type_):
        return "not an agent: a time or quantity"
    words = reference_words()
    if head.pos_ == "PRON" and head.lower_ in words.situations:
        return SITUATION
    if head.pos_ != "NOUN" or head.ent_type_:
        return None
    lemma = head.lemma_.lower()
    cls = agentless_words().get(head.lower_) or agentless_words().get(lemma)
    if cls is not None:
        return _not_agent_reason(cls)
    if lemma.endswith(tuple(words.abstract_endings)) and lemma not in words.organisation_nouns and \
            lemma not in words.country_nouns and not _names_actor(lemma, head.lower_):
        return _not_agent_reason("abstraction")
    return None


def _not_agent_reason(cls: str) -> str:
    return f"not an agent: {'an' if cls[0] in 'aeiou' else 'a'} {cls}"


MUTE = tuple(f"{reason}: " for reason in (  # as `cannot_act` writes them
    _not_agent_reason("thing"), _not_agent_reason("abstraction"), SITUATION))


def mute(ref: ActorRef) -> bool:
    """A role filled by a thing, an abstraction or a situation (`not_agent`): it can cause or
    undergo an act, never say anything ("the plan offers a chance", "this does not offer
    guarantees"). Reports and sources speak for their authors, so they are not mute."""
    return (ref.unresolved or "").startswith(MUTE)


@functools.lru_cache(maxsize=4096)
def _names_actor(lemma: str, word: str) -> bool:
    """The sector words, offices or registry know the noun ("the administration", "king")."""
    lexicon = load_lexicon()
    if lemma in lexicon.sector_words or lemma in lexicon.office_words or \
            word in lexicon.sector_words:
        return True
    return not resolve_text(registry(), word, _day(None)).empty


def _definite_bare(head: Token, words: ReferenceWords) -> bool:
    """"the group", "this alliance": a definite noun with no modifier that could name it."""
    determiners = [c for c in head.lefts if c.dep_ == "det"]
    others = [c for c in head.lefts if c.dep_ not in ("det", "punct")]
    return (head.pos_ == "NOUN" and not others and len(determiners) == 1
            and determiners[0].lower_ in words.definite
            and not any(c.dep_ in ("prep", "appos", "acl", "relcl") for c in head.rights))


def _definite_unnamed(head: Token, words: ReferenceWords) -> bool:
    """"the country", "the neighbouring country": a definite noun that names no one itself
    (no name, possessive or "of" phrase in it)."""
    return head.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in words.definite for c in head.lefts) and not any(
        c.dep_ in ("compound", "poss", "nmod") or c.ent_type_ for c in head.lefts) and not any(
        c.dep_ in ("prep", "appos") for c in head.rights)


def _last_state(head: Token, actors: ActorResolution) -> ActorRef | None:
    """The state named last in the few sentences before the one of `head` ("Protests erupted
    in Mozambique. South Africa urged the country to ...": a sentence's own states are its
    other parties)."""
    window = window_start(head)
    for mention in reversed(actors.mentions):
        if window <= mention.start < head.sent.start_char and mention.ref.actor and \
                mention.ref.actor == mention.ref.country and _kind(mention.ref) == "state":
            return mention.ref
    return None


def _last_organisation(head: Token, actors: ActorResolution) -> ActorRef | None:
    """The organisation or armed group named last before `head`, within a few sentences."""
    window = window_start(head)
    for mention in reversed(actors.mentions):
        if mention.start >= head.idx or mention.start < window:
            continue
        if mention.head and _kind(mention.ref) in ("org", "group", "igo"):
            return mention.ref
    return None


def unresolved_reason(ref: ActorRef) -> str | None:
    """Why a role reference names no actor and no country (None when it does)."""
    if ref.actor or ref.country:
        return None
    if ref.unresolved:
        return ref.unresolved
    if not ref.text:
        return "no one named"
    if ref.sector:
        return f"generic {ref.sector} agent: no country in the sentence or the article"
    return f"not a known actor: {ref.text!r}"


def with_reasons(refs: list[ActorRef], context: ArticleContext | None = None,
                 others: list[ActorRef] | None = None,
                 sentence: Span | None = None) -> list[ActorRef]:
    """Every role reference an actor, a country, or an explicit unknown with its reason. A
    generic agent no sentence placed belongs to where the story is (`ArticleContext.recent`),
    and so does a person or a name the registry lacks ("In Tanzania ... The runner-up, X,
    rejected the result": Tanzanian, in an article named for Kenya), unless the other role's
    actor holds that country (the host who "welcomed the Kenyan leader" is not Kenyan)."""
    taken = {r.country for r in others or [] if r.country and r.actor}
    states = {r.country for r in others or [] if r.country and r.actor == r.country}
    out = []
    for ref in refs:
        if context is not None and not ref.country and _placeable(ref):
            held = taken
            if ref.actor is None and ref.sector and not is_title(ref):
                # a title alone ("the foreign minister") is not of the other role's actor's
                # country; other generic agents ("police") only not of the other role's state
                held = states
            home = context.recent(sentence, held) if sentence is not None else context.home(held)
            ref = replace(ref, country=home)
        out.append(replace(ref, unresolved=unresolved_reason(ref)))
    return out


def is_title(ref: ActorRef) -> bool:
    """A phrase whose last word is an office ("the foreign minister", "the envoy")."""
    words = ref.text.split()
    lexicon = load_lexicon()
    return bool(words) and (words[-1].lower() in lexicon.office_words
                            or words[-1].lower() in lexicon.plural_office_words)


def _placeable(ref: ActorRef) -> bool:
    """A generic agent ("police", "the ministry": a phrase whose last word is a sector word or
    a title, not "joint military exercises"), or a person or a name the registry lacks."""
    if ref.actor:
        return ref.actor.startswith("person:")
    words = ref.text.split()
    if not words or ref.unresolved:
        return False
    lexicon = load_lexicon()
    last = words[-1].lower().rpartition("-")[2]  # "ex-premier"
    pronoun = last in reference_words().personal or last in reference_words().relative
    generic = ref.sector is not None and (pronoun or last in lexicon.sector_words
                                          or last in lexicon.office_words
                                          or last in lexicon.plural_office_words)
    return generic or any(word[:1].isupper() for word in words[1:])
