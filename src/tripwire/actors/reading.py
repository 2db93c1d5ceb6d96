"""What one noun phrase says about an actor: "four Saudi men" -> SAU, "the Pentagon" -> USA MIL,
"NATO chief Jens Stoltenberg" -> person:jens-stoltenberg (NATO, GOV), "police" -> COP.

The phrase's registry matches are read in a fixed order: a named person, then an office held on
the date ("the NATO boss", "Russia's foreign minister"), then the owner (the first state or
organisation before the head word, else the first one), with the sector of the head word.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import asdict, dataclass
from typing import Any

from tripwire.actors.entries import ActorEntry, Office, slug
from tripwire.actors.lexicon import load_lexicon
from tripwire.actors.registry import Hit, Match, Registry
from tripwire.actors.text import Token, tokenize
from tripwire.actors.words import phrase_words

OWNER_ROLES = ("name", "adjective", "metonym", "context", "place")

@dataclass
class Reading:
    """The actor a phrase refers to, with the sector it acts in (`actor` null when unnamed)."""

    text: str
    actor: str | None = None
    name: str | None = None
    kind: str | None = None
    country: str | None = None
    sector: str | None = None
    secondary: str | None = None
    office: str | None = None
    affiliation: str | None = None

    @property
    def empty(self) -> bool:
        return self.actor is None and self.country is None and self.sector is None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def as_day(value: str | dt.date | None) -> dt.date | None:
    """The reference date: a date, an ISO date string (its first 10 characters), else None: an
    undated text names no office holder by title and holds no office on a day never assumed."""
    if isinstance(value, dt.date):
        return value
    if value:
        try:
            return dt.date.fromisoformat(str(value)[:10])
        except ValueError:
            pass
    return None


def current_office(reg: Registry, entry: ActorEntry, day: dt.date | None,
                   hint: str | None = None) -> Office | None:
    """The office `entry` held on `day`: the one the text names if held, else the most senior."""
    held = entry.offices_on(day)
    if hint is not None:
        # The title the text gives wins: "Foreign Minister Park Jin" is read as foreign minister.
        named = [o for o in held if reg.lexicon.canonical_office(o.title) == hint] or [
            o for o in entry.offices if reg.lexicon.canonical_office(o.title) == hint]
        if named:
            return max(named, key=lambda o: o.start or dt.date.min)
    if not held:
        return None
    order = list(reg.lexicon.offices)

    def rank(office: Office) -> int:
        title = reg.lexicon.canonical_office(office.title)
        return order.index(title) if title in order else len(order)

    return min(held, key=rank)


def root_organisation(reg: Registry, actor_id: str | None) -> str | None:
    """The top organisation of a body (EU-COMMISSION -> EU); None for states."""
    entry = reg.get(actor_id)
    seen = set()
    while entry is not None and entry.parent and entry.parent not in seen:
        seen.add(entry.id)
        parent = reg.get(entry.parent)
        if parent is None:
            break
        entry = parent
    return entry.id if entry is not None and entry.kind != "state" else None


def read_person(reg: Registry, entry: ActorEntry, day: dt.date | None, text: str,
                hint: str | None = None, former: bool = False) -> Reading:
    """A person on `day`: the sector of the office held, ELI once every office has ended."""
    office = current_office(reg, entry, day, hint)
    reading = Reading(text, entry.id, entry.name, "person", entry.country, entry.sector)
    if office is not None:
        spec = reg.office_spec(office.title)
        reading.sector, reading.secondary = spec.sector, spec.secondary
        reading.office = reg.lexicon.canonical_office(office.title)
        reading.affiliation = root_organisation(reg, office.of)
        owner = reg.get(office.of)
        if reading.country is None and owner is not None and owner.kind == "state":
            reading.country = office.of
    elif day is not None and any(o.end is not None and o.end <= day for o in entry.offices):
        reading.sector, reading.secondary = "ELI", None
    if former:
        reading.sector, reading.secondary = "ELI", None
    if reading.affiliation is None:
        reading.affiliation = entry.affiliation
    return reading


def pick_person(reg: Registry, hits: list[Hit], day: dt.date | None, country: str | None) -> ActorEntry:
    """Among people sharing a name: the one in office on the day, then of the phrase's country,
    then the one whose last office is most recent."""

    def score(hit: Hit) -> tuple[int, int, dt.date]:
        entry = reg.entries[hit.target]
        ends = [o.end or dt.date.max for o in entry.offices
                if day is None or (o.start or dt.date.min) <= day]
        return (int(bool(entry.offices_on(day))), int(entry.country == country and country is not None),
                max(ends, default=dt.date.min))

    return reg.entries[max(hits, key=score).target]


def person_hits(reg: Registry, match: Match) -> list[Hit]:
    return [h for h in match.roles("name", "surname")
            if h.target in reg.entries and reg.entries[h.target].kind == "person"]


def owner_hits(reg: Registry, match: Match, context: Collection[str]) -> list[Hit]:
    """Hits that name a state or organisation (not a person); context names only when allowed."""
    found = []
    for hit in match.roles(*OWNER_ROLES):
        entry = reg.get(hit.target)
        named = entry is not None and entry.kind != "person"
        if hit.role == "place" or (named and (hit.role != "context" or hit.target in context)):
            found.append(hit)
    # A registry name beats an adjective or metonym of the same words ("Brussels" -> EU); of
    # two states one adjective names ("Congolese"), the one the article named before.
    found.sort(key=lambda h: (OWNER_ROLES.index(h.role), h.target not in context))
    return found


def _body_words(tokens: list[Token], matches: list[Match], owner: Match) -> bool:
    """Words no match explains between an owner and the leader word after it: "the UN human
    rights chief" leads a body of the UN ("the NATO boss" leads NATO)."""
    leader = next((m for m in matches if m.roles("leader") and m.first >= owner.last), None)
    if leader is None:
        return False
    covered = {i for m in matches for i in range(m.first, m.last)}
    return any(i not in covered and tokens[i].text[:1].isalnum()
               for i in range(owner.last, leader.first))


def head_match(matches: list[Match]) -> Match | None:
    """The sector word the phrase turns on: the longest, and the last of equals."""
    sectors = [m for m in matches if m.roles("sector", "office")]
    if not sectors:
        return None
    return max(sectors, key=lambda m: (m.last - m.first, m.first))


def _phrase_part(text: str, tokens: list[Token], match: Match) -> str:
    return text[match.start - tokens[0].start:match.end - tokens[0].start]


def _sector_of(match: Match) -> tuple[str | None, str | None]:
    hit = (match.roles("office") or match.roles("sector"))[0]
    return hit.sector, hit.secondary


def owner_reading(reg: Registry, hit: Hit, text: str) -> Reading:
    if hit.role == "place":
        return Reading(text, None, None, None, hit.target)
    entry = reg.entries[hit.target]
    country = entry.country or (entry.id if entry.kind == "state" else None)
    reading = Reading(text, entry.id, entry.name, entry.kind, country, entry.sector)
    if hit.role == "metonym":
        reading.sector = hit.sector
    return reading


def unknown_person(tokens: list[Token], matches: list[Match], text: str,
                   is_name: Callable[[int, int], bool] | None = None) -> tuple[str, str] | None:
    """A run of capitalised words no match covers ("Feliciano Valencia"): (name, person id).
    `is_name(start, end)`, where given, must confirm the run (an article's PERSON entities)."""
    covered = {i for m in matches for i in range(m.first, m.last)}
    runs: list[list[Token]] = [[]]
    for i, token in enumerate(tokens):
        if i not in covered and token.is_capitalised and token.text.isalpha():
            if runs[-1] or token.key not in phrase_words().function_words:  # not "The" of "The Kurdish community"
                runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    runs = [r for r in runs if len(r) >= 2 and (is_name is None or is_name(r[0].start, r[-1].end))]
    if not runs:
        return None
    best = max(runs, key=len)
    name = text[best[0].start - tokens[0].start:best[-1].end - tokens[0].start]
    return name, f"person:{slug(name)}"


def has_loose_content(tokens: list[Token], matches: list[Match]) -> bool:
    """Words outside every match that are not function words: "regions across Indonesia"."""
    covered = {i for m in matches for i in range(m.first, m.last)}
    return any(i not in covered and t.text.isalpha() and t.key not in phrase_words().function_words
               for i, t in enumerate(tokens))


@dataclass
class _Phrase:
    """One noun phrase while it is read: its words, registry matches and what they say."""

    reg: Registry
    tokens: list[Token]
    matches: list[Match]
    day: dt.date | None
    text: str
    is_name: Callable[[int, int], bool] | None
    former: bool  # "former", "ex-": the actor acts as an elite, not in office
    head: Match | None  # the sector or office word the phrase turns on
    hint: str | None  # the canonical office the head word names
    owners: list[tuple[Match, Hit]]  # states and organisations named, one hit each

    def unknown_person(self) -> tuple[str, str] | None:
        return unknown_person(self.tokens, self.matches, self.text, self.is_name)


def read_phrase(reg: Registry, tokens: list[Token], matches: list[Match], day: dt.date | None,
                text: str, context: Collection[str] = (), people: Collection[str] = (),
                loose_unk: bool = True, is_name: Callable[[int, int], bool] | None = None) -> Reading:
    """Read one noun phrase. `context` holds actor ids already named in the article (for "the
    alliance"); `people` person ids already named (a bare surname refers to them first);
    `loose_unk` marks a state with unexplained words ("regions across Indonesia") as UNK;
    `is_name(start, end)` confirms a run of capitalised words as a person's name.

    The readings are tried in order: a named person, an office held on the day, an unknown
    person with a title, the owner acting through the head word's sector, a generic agent."""
    if len(tokens) == 1 and matches and matches[0].roles("pronoun"):
        return Reading(text, sector="UNK")  # "he": someone, not yet known who
    matches = _without_name_words(tokens, matches, people)
    phrase = _phrase(reg, tokens, matches, day, text, context, is_name)
    person = _named_person(phrase, people)
    if person is not None:
        return person
    owner = _owner(phrase)
    reading = _office_holder(phrase, owner) or _titled_person(phrase, owner)
    if reading is None:
        reading = _owner_or_agent(phrase, owner, loose_unk)
        if phrase.former and (reading.actor is not None or reading.sector is not None):
            reading.sector, reading.secondary = "ELI", None
    return reading


def _without_name_words(tokens: list[Token], matches: list[Match],
                        people: Collection[str]) -> list[Match]:
    """Matches that are words of an unknown person's name are no match: a bare surname next to
    other capitalised words ("opposition leader Nelson Chamisa"), a capitalised sector word
    after one ("Taliban spokesman Zabihullah Mujahid"). A title before a name stays a title."""
    covered = {i for m in matches for i in range(m.first, m.last)}

    def name_word(i: int) -> bool:
        return (0 <= i < len(tokens) and i not in covered and tokens[i].is_capitalised
                and tokens[i].text.isalpha() and tokens[i].key not in phrase_words().function_words)

    def part_of_name(m: Match) -> bool:
        roles = {h.role for h in m.hits}
        if roles == {"surname"} and not any(h.target in people for h in m.hits):
            return name_word(m.first - 1) or name_word(m.last)
        return roles == {"sector"} and name_word(m.first - 1) and all(
            t.is_capitalised for t in tokens[m.first:m.last])

    return [m for m in matches if not part_of_name(m)]


def _phrase(reg: Registry, tokens: list[Token], matches: list[Match], day: dt.date | None,
            text: str, context: Collection[str],
            is_name: Callable[[int, int], bool] | None) -> _Phrase:
    head = head_match(matches)
    hint = head.roles("office")[0].target if head is not None and head.roles("office") else None
    owners = [(m, _as_place(reg, m, h, tokens)) for m in matches
              for h in owner_hits(reg, m, context)[:1]
              if (h.role != "place" or not _inside_name(m, tokens, matches))
              and not _stance(m, tokens)]
    return _Phrase(reg, tokens, matches, day, text, is_name,
                   any(m.roles("modifier") for m in matches), head, hint, owners)


def _named_person(phrase: _Phrase, people: Collection[str]) -> Reading | None:
    """1. A person the registry knows, named in the phrase; of namesakes, one the article named.
    A person named before the phrase's sector word qualifies it: "the Biden administration",
    "Assad regime forces" are the person's state acting through that sector."""
    reg = phrase.reg
    country = next((owner_reading(reg, h, phrase.text).country for _, h in phrase.owners), None)
    qualifier = None
    for match in phrase.matches:
        hits = person_hits(reg, match)
        if hits and _person_hit_valid(reg, match, phrase.tokens, phrase.matches, people, hits):
            known = [h for h in hits if h.target in people]
            entry = pick_person(reg, known or hits, phrase.day, country)
            head = phrase.head
            if head is not None and not head.roles("office") and head.first >= match.last:
                qualifier = qualifier or entry
                continue
            return read_person(reg, entry, phrase.day, phrase.text, phrase.hint, phrase.former)
    if qualifier is None or qualifier.country is None or phrase.unknown_person() is not None:
        return None
    state = reg.get(qualifier.country)
    sector, secondary = _sector_of(phrase.head) if phrase.head is not None else (None, None)
    return Reading(phrase.text, qualifier.country, state.name if state else None, "state",
                   qualifier.country, sector, secondary)


def _owner(phrase: _Phrase) -> tuple[Match, Hit] | None:
    """The state or organisation that owns the phrase: the first before the head word; without
    a head word the last name ("NATO member Norway" is Norway); else the first named (of
    nationality words the first is the state: "Bosnian Serbs" live in Bosnia)."""
    if not phrase.owners:
        return None
    head = phrase.head
    before = [o for o in phrase.owners if head is not None and o[0].first < head.first]
    named = [o for o in phrase.owners if o[1].role == "name"] if head is None else []
    return before[0] if before else named[-1] if named else phrase.owners[0]


def _subordinate(phrase: _Phrase) -> bool:
    """A lower rank before the office ("the deputy secretary-general", "an under-secretary
    general"): another office than the one its words name, whose holder the registry lacks."""
    head = phrase.head
    return head is not None and head.first > 0 and \
        phrase.tokens[head.first - 1].key in load_lexicon().subordinate_ranks


def _office_holder(phrase: _Phrase, owner: tuple[Match, Hit] | None) -> Reading | None:
    """2. An office or leader of a named state or organisation, held on the day."""
    if owner is None or owner[1].role == "place" or phrase.former:
        return None
    leader = any(m.roles("leader") for m in phrase.matches)
    if leader and not phrase.hint and _body_words(phrase.tokens, phrase.matches, owner[0]):
        leader = False  # "the UN human rights chief" heads a body, not the UN: a title
    if not (phrase.hint or leader) or _subordinate(phrase):
        return None
    reg, owner_id = phrase.reg, owner[1].target
    holder = (reg.holder(owner_id, phrase.hint, phrase.day) if phrase.hint
              else reg.top_holder(owner_id, phrase.day))
    if holder is None or phrase.unknown_person() is not None:
        return None
    return read_person(reg, holder, phrase.day, phrase.text, phrase.hint)


def _titled_person(phrase: _Phrase, owner: tuple[Match, Hit] | None) -> Reading | None:
    """3. An unknown person with a title ("Governor Vadim Shumkov"); capitalised words before a
    plural group noun describe the group instead ("Armed Hutu militias"), and a name before its
    head word owns the head ("Hoda Muthana's lawyer" is the lawyer)."""
    head, hint, reg = phrase.head, phrase.hint, phrase.reg
    group = (head is not None and hint is None and not head.roles("office")
             and _phrase_part(phrase.text, phrase.tokens, head).lower() in reg.lexicon.group_words)
    name = phrase.unknown_person() if (hint or head is not None) and not group else None
    if name is None:
        return None
    if head is not None and phrase.text.find(name[0]) < head.start - phrase.tokens[0].start \
            and _possessive_after(phrase, name[0]):
        return None
    reading = Reading(phrase.text, name[1], name[0], "person")
    reading.sector, reading.secondary = _sector_of(head) if head is not None else (None, None)
    if owner is not None:
        body = owner_reading(reg, owner[1], phrase.text)
        reading.country = body.country
        reading.affiliation = root_organisation(reg, owner[1].target) if owner[1].role != "place" else None
        if body.kind in ("org", "group") and body.sector and not hint:
            # a spokesman or official of a group acts in the group's sector, as the group's
            # unnamed spokesman does ("Taliban spokesman Zabihullah Mujahid" is REB)
            reading.sector, reading.secondary = body.sector, None
    if phrase.former:
        reading.sector, reading.secondary = "ELI", None
    reading.office = hint
    return reading


def _possessive_after(phrase: _Phrase, name: str) -> bool:
    """The name is followed by a possessive: "Hoda Muthana's lawyer"."""
    end = phrase.text.find(name) + len(name)
    return phrase.text[end:end + 2].replace("’", "'") == "'s"


def _owner_or_agent(phrase: _Phrase, owner: tuple[Match, Hit] | None, loose_unk: bool) -> Reading:
    """4. A state or organisation, acting through the head word's sector; 5. else a generic
    agent: only a sector."""
    head, reg = phrase.head, phrase.reg
    if owner is None:
        reading = Reading(phrase.text)
        if head is not None:
            reading.sector, reading.secondary = _sector_of(head)
        return reading
    reading = owner_reading(reg, owner[1], phrase.text)
    if head is not None and (reading.sector is None or reading.kind == "state"):
        reading.sector, reading.secondary = _sector_of(head)
        reading.office = phrase.hint
        if reading.actor is None and reading.country is not None:
            reading.actor, reading.kind = reading.country, "state"
            reading.name = reg.entries[reading.country].name if reading.country in reg.entries else None
    elif (loose_unk and reading.sector is None and reading.kind == "state"
          and has_loose_content(phrase.tokens, phrase.matches)):
        reading.sector = "UNK"
    return reading


def _stance(match: Match, tokens: list[Token]) -> bool:
    """"pro-Iranian", "anti-Western": a side taken, not who owns the phrase."""
    return match.first > 0 and tokens[match.first - 1].key in phrase_words().stance_prefixes


def _as_place(reg: Registry, match: Match, hit: Hit, tokens: list[Token]) -> Hit:
    """A capital after "in", "from" ... is where something is, not who acts."""
    if hit.role == "metonym" and match.first > 0 and tokens[match.first - 1].key in phrase_words().place_prepositions:
        entry = reg.entries[hit.target]
        return Hit("place", entry.country or entry.id)
    return hit


def _inside_name(match: Match, tokens: list[Token], matches: list[Match]) -> bool:
    """True when capitalised words no match explains stand next to `match`: it is part of an
    unknown name ("Leon Bobb", "Richard Doug"), not a place or a known surname."""
    covered = {i for m in matches for i in range(m.first, m.last)}
    for i in (match.first - 1, match.last):
        if 0 <= i < len(tokens) and i not in covered:
            token = tokens[i]
            if token.is_capitalised and token.text.isalpha() and token.key not in phrase_words().function_words:
                return True
    return False


def _person_hit_valid(reg: Registry, match: Match, tokens: list[Token], matches: list[Match],
                      people: Collection[str], hits: list[Hit]) -> bool:
    """A full name always counts, and so does the surname of someone the text named. A bare
    surname does not when other name words stand around it ("Leon Bobb"), when the same words
    name a state, an organisation or a place ("UN" is not Kim Jong Un, "Lagos" the city), or
    after a preposition of place ("police in Lagos")."""
    if any(h.role == "name" for h in hits) or any(h.target in people for h in hits):
        return True
    if _inside_name(match, tokens, matches) or match.roles("place"):
        return False
    if any(entry is not None and entry.kind != "person"
           for entry in (reg.get(h.target) for h in match.roles("name"))):
        return False
    return not (match.first > 0 and tokens[match.first - 1].key in phrase_words().place_prepositions)


def resolve_text(reg: Registry, text: str, day: dt.date | None) -> Reading:
    """Read a phrase given as plain text (the CLI's `actors resolve`, the evaluation)."""
    tokens = tokenize(text)
    cased = text != text.lower()
    matches = list(reg.match(tokens, cased=cased))
    if not matches and len(tokens) == 1 and tokens[0].text.isalpha():
        # One unknown word: try the registry word it is most likely a misspelling of.
        key = reg.closest(tokens[0].key)
        if key is not None:
            hits = tuple(h for h in reg.index[key] if h.role != "surname")
            matches = [Match(0, 1, tokens[0].start, tokens[0].end, hits)]
    return read_phrase(reg, tokens, matches, day, text)
