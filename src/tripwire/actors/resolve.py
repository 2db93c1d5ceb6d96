"""Resolve every actor mention in a parsed article (DESIGN.md, Actors).

Registry names are found with one pass of dict look-ups over the text; each noun phrase (spaCy
noun chunk) that holds a match is read as a whole, so "NATO chief Jens Stoltenberg" is the
person, "Russian troops" is RUS acting as MIL and "the NATO boss" is whoever led NATO on the
publication date. Names spaCy finds that the registry lacks become `person:<slug>` actors, and a
later bare surname refers back to the full name.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span
from spacy.tokens import Token as SpacyToken

from tripwire.actors.entries import slug
from tripwire.actors.reading import Reading, read_person, read_phrase, resolve_text
from tripwire.actors.registry import Hit, Match, Registry, registry, surname_of
from tripwire.actors.text import Token, fold, tokenize
from tripwire.actors.words import is_place_name, phrase_words, reference_words
from tripwire.document import Actor, ActorRef, Entity, Mention
from tripwire.nlp import doc_text
from tripwire.nlp.syntax import SUBJECTS

PRONOUN_LABEL = "PRON"  # a pronoun's mention: not an entity
ENTITY_LABELS = frozenset({"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"})
WORD = re.compile(r"[^\W\d_]+")  # a run of letters
KIND_LABEL = {"state": "GPE", "person": "PERSON", "igo": "ORG", "org": "ORG", "group": "ORG"}


@dataclass
class _Mention:
    start: int
    end: int
    ref: ActorRef
    head: bool  # the actor the whole noun phrase refers to, not a modifier inside it
    label: str = "ORG"  # entity label when spaCy has no entity here


@dataclass
class ActorResolution:
    """The actors of one article and a way for later stages to ask who a span refers to."""

    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    mentions: list[_Mention] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)  # the states the article names

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self.mentions]
        self._kinds = {a.id: a.kind for a in self.actors}

    def actor_at(self, start: int, end: int) -> ActorRef | None:
        """The actor mentioned in text[start:end]: the phrase's head actor first, then the
        mention overlapping most."""
        right = bisect.bisect_left(self._starts, end)
        overlapping = [m for m in self.mentions[:right] if m.end > start and m.start < end]
        if not overlapping:
            return None

        def score(m: _Mention) -> tuple[int, int]:
            return (int(m.head), min(end, m.end) - max(start, m.start))

        return max(overlapping, key=score).ref

    def people_before(self, offset: int) -> list[ActorRef]:
        """People named before `offset`, the most recent first: who "he" or "she" may be."""
        right = bisect.bisect_left(self._starts, offset)
        seen: list[str] = []
        found: list[ActorRef] = []
        for mention in reversed(self.mentions[:right]):
            actor = mention.ref.actor
            if actor and self._kinds.get(actor) == "person" and actor not in seen:
                seen.append(actor)
                found.append(mention.ref)
        return found


def _ref(reading: Reading, text: str) -> ActorRef:
    return ActorRef(actor=reading.actor, text=text, country=reading.country, sector=reading.sector)


class _ArticleResolver:
    """One article's state while its phrases are read in order."""

    def __init__(self, doc: Doc, reg: Registry, day: dt.date | None) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.reg = reg
        self.day = day
        self.mentions: list[_Mention] = []
        self.readings: dict[str, Reading] = {}
        self.names: dict[str, str] = {}       # surname key -> person id named in this article
        self.named: set[str] = set()
        self.countries: set[str] = set()  # states the article names (`run` fills it)
        self.in_full: set[str] = set()  # people the article names in full (`run` fills it)
        self.place_names: set[str] = set()  # names the article gives places (`run` fills it)
        self._ents = list(doc.ents)
        self._ent_starts = [e.start_char for e in self._ents]
        self._ent_ends = [e.end_char for e in self._ents]

    def run(self) -> ActorResolution:
        tokens = tokenize(self.text)
        matches = list(self.reg.match(tokens, cased=True))
        starts = [t.start for t in tokens]
        people_spans = [(e.start_char, e.end_char) for e in self._ents if e.label_ == "PERSON"]
        covered = {i for m in matches for i in range(m.first, m.last)}
        self.countries = self._named_countries(matches)
        self.in_full = self._named_in_full(matches)
        self.place_names = self._place_names()
        match_starts = [m.start for m in matches]
        for chunk_start, chunk_end in self._phrases(matches, people_spans):
            first = bisect.bisect_left(starts, chunk_start)
            last = bisect.bisect_left(starts, chunk_end)
            for part in _conjuncts(tokens, first, last, covered):
                low = bisect.bisect_left(match_starts, part[0].start)
                high = bisect.bisect_left(match_starts, part[-1].end)
                inside = [m for m in matches[low:high] if m.end <= part[-1].end]
                self._read(part, inside, part[0].start, part[-1].end)
        self._acronyms()
        self._later_surnames(tokens)
        self._pronouns(tokens)
        return self._result()

    def _acronyms(self) -> None:
        """An acronym the registry lacks, defined where the article uses it by a parenthesis
        or an apposition ("the FAR (the armed forces of Ruritania)", "the armed forces of
        Ruritania (FAR)", "the FAR, Ruritania's army,"), is what its definition names, at every
        use in the article."""
        defined: dict[str, Reading] = {}
        # found in the text, not by a pass over the tokens: few words have an acronym's shape
        candidates = [m.span() for m in WORD.finditer(self.text) if _acronym_shape(m.group())]
        for start, end in candidates:
            word = self.text[start:end]
            span = self.doc.char_span(start, end)
            if word in defined or span is None or len(span) != 1 or self._covered(start, end):
                continue
            definition = _definition(span[0])
            if definition is None:
                continue
            reading = resolve_text(self.reg, definition, self.day)
            if reading.actor is not None and reading.kind != "person":
                defined[word] = dataclasses.replace(reading, text=word)
        for start, end in candidates:
            found = defined.get(self.text[start:end])
            if found is not None and not self._covered(start, end):
                self._add(found, (start, end), head=True, label="ORG")

    def _covered(self, start: int, end: int) -> bool:
        return any(m.start < end and start < m.end for m in self.mentions)

    def _pronouns(self, tokens: list[Token]) -> None:
        """"He" or "she" as a subject, in the sentence of a named person or the next, refers to
        the last person named."""
        if not self.doc.has_annotation("SENT_START") or not self.doc.has_annotation("DEP"):
            return
        sentence_starts = [s.start_char for s in self.doc.sents]
        people = sorted((m for m in self.mentions if m.ref.actor in self.readings
                         and self.readings[m.ref.actor].kind == "person"), key=lambda m: m.start)
        starts = [m.start for m in people]
        pronouns = phrase_words().person_pronouns
        for token in tokens:
            if token.key not in pronouns:
                continue
            index = bisect.bisect_left(starts, token.start) - 1
            if index < 0:
                continue
            here = bisect.bisect_right(sentence_starts, token.start)
            there = bisect.bisect_right(sentence_starts, people[index].start)
            span = self.doc.char_span(token.start, token.end)
            if here - there > 1 or span is None or span[0].dep_ not in SUBJECTS:
                continue
            reading = self.readings[people[index].ref.actor or ""]
            self._add(reading, (token.start, token.end), head=True, label=PRONOUN_LABEL)

    def _later_surnames(self, tokens: list[Token]) -> None:
        """A bare surname spaCy missed, after the full name of a person new to the registry."""
        first_seen: dict[str, int] = {}
        for mention in self.mentions:
            first_seen.setdefault(mention.ref.actor or "", mention.start)
        taken = [(m.start, m.end) for m in self.mentions]
        for token in tokens:
            actor = self.names.get(token.text.casefold()) if token.is_capitalised else None
            if actor is None or self.reg.get(actor) is not None or token.start <= first_seen[actor]:
                continue
            if any(s < token.end and token.start < e for s, e in taken):
                continue
            self._add(self.readings[actor], (token.start, token.end), head=True, label="PERSON")

    def _phrases(self, matches: list[Match], people: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Noun chunks that hold a match or a person, plus bare matches and persons outside chunks."""
        chunks = _noun_chunks(self.doc)
        items = sorted([(m.start, m.end) for m in matches] + people)
        item_starts = [i[0] for i in items]
        chunk_starts = [c[0] for c in chunks]
        spans: list[tuple[int, int]] = []
        for start, end in chunks:
            index = bisect.bisect_left(item_starts, start)
            while index < len(items) and items[index][0] < end:
                if items[index][1] <= end:
                    spans.append((start, end))
                    break
                index += 1
        for item in items:
            index = bisect.bisect_right(chunk_starts, item[0]) - 1
            if index < 0 or chunks[index][1] < item[1]:
                spans.append(item)
        spans.sort()
        merged: list[tuple[int, int]] = []
        for span in spans:
            # Overlapping spans, or adjacent ones with only a space between ("the US woman" +
            # "Hoda Muthana"), are one phrase.
            if merged and (span[0] < merged[-1][1] or not self.text[merged[-1][1]:span[0]].strip(" ")):
                merged[-1] = (merged[-1][0], max(merged[-1][1], span[1]))
            else:
                merged.append(span)
        return merged

    def _read(self, tokens: list[Token], matches: list[Match], start: int, end: int) -> None:
        if not tokens:
            return
        text = self.text[start:end]
        matches = [kept for m in matches if (kept := self._keep(m, tokens, matches)) is not None]
        local = [Match(_index(tokens, m), _index(tokens, m) + m.last - m.first, m.start, m.end, m.hits)
                 for m in matches]
        reading = read_phrase(self.reg, tokens, local, self.day, text, self.named, self.named,
                              loose_unk=False, is_name=self._is_person_span)
        reading = self._coref(reading, tokens, text)
        head_span = self._head_span(reading, matches, start, end)
        if reading.actor is not None and head_span is not None:
            self._add(reading, head_span, head=True, label=self._label(reading, matches))
        for match in matches:  # every other named actor in the phrase is mentioned too
            if any(h.target == reading.actor for h in match.hits):
                continue
            for hit in match.roles("name", "adjective", "metonym", "context"):
                entry = self.reg.get(hit.target)
                if entry is None or entry.id == reading.actor:
                    continue
                if hit.role == "context" and entry.id not in self.named:
                    continue
                if entry.kind == "person":
                    sub = read_person(self.reg, entry, self.day, self.text[match.start:match.end])
                else:
                    country = entry.country or (entry.id if entry.kind == "state" else None)
                    sub = Reading(self.text[match.start:match.end], entry.id, entry.name, entry.kind,
                                  country, hit.sector if hit.role == "metonym" else entry.sector)
                label = "NORP" if hit.role == "adjective" else KIND_LABEL[entry.kind]
                self._add(sub, (match.start, match.end), head=False, label=label)
                break

    def _keep(self, match: Match, tokens: list[Token], phrase: list[Match]) -> Match | None:
        """Drop the readings of a match that the article's context rules out."""
        hits = tuple(h for h in match.hits if self._hit_holds(h, match, tokens, phrase))
        return Match(match.first, match.last, match.start, match.end, hits) if hits else None

    def _named_countries(self, matches: list[Match]) -> set[str]:
        """The states the article names anywhere (by name, adjective, seat of power, a longer
        name of one of their bodies, or a person's full name or title and surname)."""
        found: set[str] = set()
        for index, match in enumerate(matches):
            titled = index > 0 and bool(matches[index - 1].roles("office", "leader")) and \
                not self.text[matches[index - 1].end:match.start].strip()
            for hit in match.roles("name", "adjective", "metonym", *(("surname",) if titled else ())):
                entry = self.reg.get(hit.target)
                if entry is None or (entry.kind not in ("state", "person")
                                     and match.last - match.first < 2):
                    continue
                country = entry.country or (entry.id if entry.kind == "state" else None)
                if entry.kind == "person":
                    country = self._person_country(entry.id)
                if country:
                    found.add(country)
        return found

    def _named_in_full(self, matches: list[Match]) -> set[str]:
        """The registry's people the article names by a full name or an alias."""
        return {hit.target for match in matches for hit in match.roles("name")
                if (entry := self.reg.get(hit.target)) is not None and entry.kind == "person"}

    def _place_names(self) -> set[str]:
        """Names the article uses for a place: in a place's position ("in al-Hol", "the town of
        X") or before a place noun ("al-Hol camp"). Such a name is no person anywhere in it."""
        nouns = reference_words().place_nouns
        found = set()
        for ent in self._ents:
            if len(ent) > 1 and ent[-1].lemma_.lower() in nouns:
                found.add(_place_key(ent[:-1].text))
            elif (ent.end < len(self.doc) and self.doc[ent.end].lemma_.lower() in nouns) \
                    or is_place_name(ent):
                found.add(_place_key(ent.text))
        return found

    def _person_country(self, actor: str) -> str | None:
        entry = self.reg.get(actor)
        return read_person(self.reg, entry, self.day, entry.name).country if entry else None

    def _generic_name(self, hit: Hit, match: Match) -> bool:
        return hit.role == "name" and match.last - match.first == 1 and generic_body_name(
            self.reg, hit.target, self.text[match.start:match.end], self.countries)

    def _hit_holds(self, hit: Hit, match: Match, tokens: list[Token], phrase: list[Match]) -> bool:
        if self._generic_name(hit, match):
            return False
        if hit.role == "surname":
            # "May" alone is a person only after her full name or with a title (a title after
            # it is the office of a place: "Montenegro's prime minister"); "Johnson" alone is
            # the famous namesake only when the article names that person in full (a headline
            # may use the surname before the body gives the name), never after another
            # Johnson's full name.
            titled = any(m.roles("office", "leader") and m.start < match.start for m in phrase)
            if hit.target in self.named or titled:
                return True
            other = self.names.get(self.text[match.start:match.end].casefold())
            return other in (None, hit.target) and hit.target in self.in_full
        if hit.role not in ("metonym", "place"):
            return True
        index = _index(tokens, match)
        previous = tokens[index - 1].key if index > 0 else self._previous_word(match.start)
        if previous in phrase_words().place_prepositions or self._inside_larger_name(match):
            return False
        span = self.doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None:
            return True
        dep = span[-1].dep_
        if dep in ("dobj", "pobj", "attr", "npadvmod"):
            return False  # "bombers attacked Paris": the place, not the government
        has_sector = any(m.roles("sector", "office", "leader") for m in phrase)
        return not (dep == "compound" and not has_sector)  # "Brussels airport"

    def _is_person_span(self, start: int, end: int) -> bool:
        """spaCy saw a person's name overlapping text[start:end], one the article does not
        give a place."""
        return any(e.label_ == "PERSON" and e.start_char < end and start < e.end_char
                   and _place_key(e.text) not in self.place_names for e in self._ents_near(end))

    def _inside_larger_name(self, match: Match) -> bool:
        """Part of a longer name spaCy found ("King's College London"); an article spaCy took
        into the name ("The White House") makes it no longer."""
        for e in self._ents_near(match.start):
            start = e[1].idx if len(e) > 1 and e[0].lower_ == "the" else e.start_char
            if (e.start_char <= match.start and match.end <= e.end_char
                    and (e.end_char - start) > (match.end - match.start)
                    and e.label_ in ("ORG", "FAC")):
                return True
        return False

    def _ents_near(self, offset: int) -> list[Span]:
        index = bisect.bisect_right(self._ent_starts, offset)
        return self._ents[max(0, index - 3):index]

    def _previous_word(self, offset: int) -> str:
        words = self.text[max(0, offset - 30):offset].split()
        return words[-1].lower() if words else ""

    def _coref(self, reading: Reading, tokens: list[Token], text: str) -> Reading:
        """A bare name spaCy calls a person: an earlier full name with that surname, else new."""
        if reading.actor is not None or reading.kind == "person":
            return reading
        start, end = tokens[0].start, tokens[-1].end
        first = bisect.bisect_left(self._ent_ends, start + 1)
        persons = []
        for ent in self._ents[first:]:
            if ent.start_char >= end:
                break
            if ent.label_ == "PERSON":
                persons.append(ent)
        if not persons:
            return reading
        name = person_name(persons[0].text)
        if name is None or is_place_name(persons[0]) or _place_key(name) in self.place_names:
            return reading
        known = self.names.get(name.split()[-1].casefold())
        if known is not None:
            earlier = self.readings[known]
            # "Keller" or "Maria Keller" again is the same person; "Thomas Keller" is not.
            if len(name.split()) == 1 or fold(earlier.name or "").endswith(fold(name)):
                return dataclasses.replace(earlier, text=text)
        if (len(name.split()) < 2 and reading.sector is None) or \
                (reading.sector is not None and persons[0].end_char < end):
            # a lone unknown word: too little to name a person; before the phrase's head a
            # name describes the head ("Hutu rebels", "Ansar al-Tawhid fighters", "Muthana's
            # lawyer")
            return reading
        reading.actor, reading.name, reading.kind = f"person:{slug(name)}", name, "person"
        return reading

    def _head_span(self, reading: Reading, matches: list[Match], start: int,
                   end: int) -> tuple[int, int] | None:
        for match in matches:
            if any(h.target == reading.actor for h in match.hits):
                return match.start, match.end
        if reading.kind == "person" and reading.name:
            # The name as written here: in full, else its last word ("Bolton’s added condition").
            for part in (reading.name, reading.name.split()[-1]):
                found = self.text.find(part, start, end)
                if found >= 0:
                    return found, found + len(part)
        if matches:  # an office holder: the phrase up to the words of the office, never words
            return start, max(m.end for m in matches)  # a misparse adds after them
        return start, end

    @staticmethod
    def _label(reading: Reading, matches: list[Match]) -> str:
        for match in matches:
            if any(h.target == reading.actor and h.role == "adjective" for h in match.hits):
                return "NORP"
        return KIND_LABEL.get(reading.kind or "", "ORG")

    def _add(self, reading: Reading, span: tuple[int, int], head: bool, label: str) -> None:
        actor = reading.actor
        if actor is None:
            return
        ref = _ref(reading, self.text[span[0]:span[1]])
        self.mentions.append(_Mention(span[0], span[1], ref, head, label))
        self.named.add(actor)
        entry = self.reg.get(actor)
        if actor not in self.readings or (self.readings[actor].sector is None and reading.sector):
            self.readings[actor] = reading
        if reading.kind == "person" and reading.name:
            surname = surname_of(reading.name) if entry is None else surname_of(entry.name)
            keys = [(surname or reading.name).split()[-1], reading.name.split()[-1]]
            if entry is None:
                # "Cristiana Chamorro Barrios" is "Chamorro" again: a first of two surnames
                keys += [w for w in reading.name.split()[1:] if w.casefold() not in phrase_words().name_particles]
            for key in keys:
                self.names.setdefault(key.casefold(), actor)
        if entry is not None and entry.parent:
            self.named.add(entry.parent)

    def _result(self) -> ActorResolution:
        actors: dict[str, Actor] = {}
        for mention in sorted(self.mentions, key=lambda m: m.start):
            actor_id = mention.ref.actor or ""
            if actor_id not in actors:
                actors[actor_id] = self._actor(actor_id)
            actors[actor_id].mentions.append(Mention(mention.start, mention.end, mention.ref.text))
        return ActorResolution(self._entities(), list(actors.values()), self.mentions,
                               self.countries)

    def _actor(self, actor_id: str) -> Actor:
        entry = self.reg.get(actor_id)
        reading = self.readings[actor_id]
        if entry is None:
            return Actor(actor_id, reading.name or actor_id, "person", reading.country, reading.sector,
                         reading.affiliation, reading.office)
        if entry.kind == "person":
            person = read_person(self.reg, entry, self.day, entry.name)
            return Actor(entry.id, entry.name, "person", person.country, person.sector,
                         person.affiliation, person.office)
        country = entry.country or (entry.id if entry.kind == "state" else None)
        return Actor(entry.id, entry.name, entry.kind, country, entry.sector, entry.parent)

    def _entities(self) -> list[Entity]:
        entities = []
        for ent in self._ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            overlapping = [m for m in self.mentions if m.start < ent.end_char and ent.start_char < m.end]
            best = max(overlapping, default=None,
                       key=lambda m: (min(m.end, ent.end_char) - max(m.start, ent.start_char), m.head))
            entities.append(Entity(ent.text, ent.label_, ent.start_char, ent.end_char,
                                   best.ref.actor if best else None))
        spans = [(e.start, e.end) for e in entities]
        for mention in self.mentions:
            if mention.label == PRONOUN_LABEL or any(s < mention.end and mention.start < e
                                                     for s, e in spans):
                continue
            entities.append(Entity(mention.ref.text, mention.label, mention.start, mention.end,
                                   mention.ref.actor))
            spans.append((mention.start, mention.end))
        entities.sort(key=lambda e: (e.start, e.end))
        return entities


def generic_body_name(reg: Registry, actor: str, word: str, countries: set[str]) -> bool:
    """A one-word name that is also a sector word ("Congress", "Parliament") names a body of
    some state; it is that state's only in an article that names the state."""
    entry = reg.get(actor)
    return (entry is not None and entry.kind in ("org", "group") and entry.country is not None
            and entry.country not in countries and word.casefold() in reg.lexicon.sector_words)


def _noun_chunks(doc: Doc) -> list[tuple[int, int]]:
    """Noun chunk character spans; none without a dependency parse (then matches stand alone)."""
    try:
        return [(c.start_char, c.end_char) for c in doc.noun_chunks]
    except ValueError:
        return []


def person_name(text: str) -> str | None:
    """A person's name as spaCy found it, without a possessive; None unless every word is
    capitalised (name particles aside): "Shamima Begum's" -> "Shamima Begum", "the Kurdish" -> None."""
    name = text.strip()
    for suffix in ("'s", "’s", "'", "’"):
        name = name.removesuffix(suffix)
    words = name.split()
    if not words or not all(_name_word(w) for w in words) or words[-1].lower().endswith("ism"):
        return None  # "Bin Ladenism" is a doctrine
    return name


def _place_key(name: str) -> str:
    """A place name as compared across the article: folded, lower case, no article or
    possessive."""
    key = fold(name).casefold().strip()
    for suffix in ("'s", "'"):
        key = key.removesuffix(suffix)
    return key.removeprefix("the ").strip()


def _name_word(word: str) -> bool:
    return word[:1].isupper() or word.lower() in phrase_words().name_particles or word.lower().startswith(("al-", "el-"))


def _conjuncts(tokens: list[Token], first: int, last: int, covered: set[int]) -> list[list[Token]]:
    """Split "President Macron and Commission President von der Leyen" into its two people;
    a conjunction inside a registry name ("Trinidad and Tobago") does not split."""
    parts: list[list[Token]] = [[]]
    conjunctions = phrase_words().conjunctions
    for i in range(first, last):
        if tokens[i].key in conjunctions and i not in covered:
            parts.append([])
        else:
            parts[-1].append(tokens[i])
    return [p for p in parts if p]


def _acronym_shape(word: str) -> bool:
    """"FARDC", "MONUSCO": two to eight capital letters."""
    return 2 <= len(word) <= 8 and word.isalpha() and word.isupper()


def _definition(token: SpacyToken) -> str | None:
    """The words an acronym is defined by: a parenthesis after it ("FAR (the armed forces of
    Ruritania)"), the phrase before the parenthesis it stands in ("the armed forces of
    Ruritania (FAR)"), or its apposition ("the FAR, Ruritania's army,")."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.text == "(":
        close = next((t.i for t in doc[after.i + 1:min(after.i + 12, len(doc))]
                      if t.text == ")"), None)
        return doc[after.i + 1:close].text if close is not None and close > after.i + 1 else None
    before = doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.text == "(" and token.i + 1 < len(doc) and \
            doc[token.i + 1].text == ")" and before.i > 0:
        phrase = doc[before.i - 1]
        while phrase.dep_ in ("pobj", "prep") and phrase.head.i < phrase.i:
            phrase = phrase.head  # "the armed forces of Ruritania": up to "forces"
        return doc[phrase.left_edge.i:before.i].text
    appositive = next((c for c in token.children if c.dep_ == "appos"), None)
    if appositive is not None:
        return doc[appositive.left_edge.i:appositive.right_edge.i + 1].text
    return None


def _index(tokens: list[Token], match: Match) -> int:
    """Position of the match's first token within `tokens` (the phrase)."""
    for i, token in enumerate(tokens):
        if token.start == match.start:
            return i
    return 0


def resolve_actors(doc: Doc, published: str | None = None) -> ActorResolution:
    """Resolve every actor mention of a parsed article, office holders as of `published`."""
    from tripwire.actors.reading import as_day

    return _ArticleResolver(doc, registry(), as_day(published)).run()
