"""One event per happening: the same event restated in an article becomes one event with
several mentions."""

from __future__ import annotations

from tripwire.document import ActorRef, Event

# modalities that tell an act as done: its purpose, plan or demand in another clause does not undo it
FACTUAL = ("asserted", "historical")


def restatement_key(event: Event) -> tuple[object, ...]:
    """What two statements of one event share besides their parties (`same_parties`) and
    their day (`_same_day`). Without any party, only the same sentence merges."""
    anchor = None if (event.source or event.target) else event.sentence.start
    return (event.type, event.mode, event.modality, anchor)


def same_parties(a: Event, b: Event) -> bool:
    """Whether two statements of an act name the same parties: one role in the same words or
    actors, the other at least by the most general key both phrases have (`_same_ref`), as a
    restatement names a party more or less closely ("visited Paris" and "the visit to
    France"). Both roles loosened would join acts of one country's different parties."""
    return ((_same_role(a.source, b.source, loose=False)
             and _same_role(a.target, b.target, loose=True))
            or (_same_role(a.target, b.target, loose=False)
                and _same_role(a.source, b.source, loose=True)))


def _same_role(a: list[ActorRef], b: list[ActorRef], *, loose: bool) -> bool:
    """Each phrase of one role has its match in the other."""
    return len(a) == len(b) and all(any(_same_ref(x, y, loose) for y in b) for x in a) and \
        all(any(_same_ref(x, y, loose) for x in a) for y in b)


def _same_ref(x: ActorRef, y: ActorRef, loose: bool) -> bool:
    """The same actor, or the same words where either names none; `loose`, also a phrase
    that names no actor and no kind of agent (a place, or a party the text leaves implicit)
    and a country named as the actor, when the phrase lies in that country. A person, a body
    or an agent of the country is not loosened: "spoke with Macron" and "visited France", or
    "the police arrested" and "India arrested", may be two acts."""
    if (x.actor or x.text.lower()) == (y.actor or y.text.lower()):
        return True
    return loose and x.country is not None and x.country == y.country and \
        (_in_country(x, y) or _in_country(y, x))


def _in_country(phrase: ActorRef, country: ActorRef) -> bool:
    return bool(phrase.text) and phrase.actor is None and phrase.sector is None and \
        country.actor == country.country


def _same_day(a: Event, b: Event, published: str | None) -> bool:
    """The same date, or one statement dated only by the publication day: a restatement
    ("during his recent visit") often gives no date of its own."""
    return a.date == b.date or (published is not None and published in (a.date, b.date))


def merge_restatements(events: list[Event], published: str | None = None) -> list[Event]:
    """Keep the first statement of each event; later ones add their trigger to its mentions,
    and their date where the first had only the publication day (`published`, ISO)."""
    merged: list[Event] = []
    by_key: dict[tuple[object, ...], list[Event]] = {}
    for event in events:
        alike = by_key.setdefault(restatement_key(event), [])
        kept = next((k for k in alike
                     if same_parties(k, event) and _same_day(k, event, published)), None)
        if kept is None:
            alike.append(event)
            merged.append(event)
            continue
        kept.mentions.extend(m for m in event.mentions if m not in kept.mentions)
        kept.confidence = max(kept.confidence, event.confidence)
        kept.attributed_to = kept.attributed_to or event.attributed_to
        if kept.date == published:
            kept.date, kept.date_precision = event.date, event.date_precision
    return merged


def _named(refs: list[ActorRef]) -> set[str]:
    """Who a role names: actor ids or countries of the phrases the text gives (an implicit
    target, with no text, names no one)."""
    return {name for r in refs if r.text and (name := r.actor or r.country)}


def merge_clauses(events: list[Event]) -> list[Event]:
    """One sentence's events of one type whose parties agree are one happening told clause by
    clause or restated in a clause of its own ("a bombing killed one soldier and wounded two
    others", "opened fire, killing two", "met in Paris, where they discussed trade", "will meet
    on Friday to discuss the border"), whatever modality each clause gives it: the more
    confident event keeps the others' triggers as mentions, and their source or target where
    words name it and its own named none ("injured in police firing": the police fired); the
    act is done, and dated, as a clause that tells it as done says ("telephoned X to discuss").
    Parties agree when either side names none or they share one (a clause's "they" may be both
    parties of a meeting), so that two doers ("troops shelled ..., rebels attacked ...") or two
    targets ("accused X ... and accused Y ...") stay two events."""
    merged: list[Event] = []
    for event in sorted(events, key=lambda e: -e.confidence):
        kept = next((k for k in merged if _one_happening(k, event)), None)
        if kept is None:
            merged.append(event)
            continue
        kept.mentions.extend(m for m in event.mentions if m not in kept.mentions)
        if not _named(kept.source) and _named(event.source):
            kept.source = event.source
        if not _named(kept.target):
            kept.target = event.target
        if event.modality in FACTUAL and kept.modality not in FACTUAL:
            kept.modality, kept.date, kept.date_precision = (event.modality, event.date,
                                                             event.date_precision)
    return sorted(merged, key=lambda e: e.trigger.start)


def _one_happening(kept: Event, event: Event) -> bool:
    if kept.type != event.type or kept.sentence != event.sentence:
        return False
    if _parties(event.source) and not _parties(kept.source):
        return False  # the act told with its doer keeps it
    return (_agree(event.source, kept.source, kept.target)
            and _agree(event.target, kept.target, kept.source))


def _agree(mine: list[ActorRef], theirs: list[ActorRef], their_others: list[ActorRef]) -> bool:
    """Whether a role of one clause fits the same role of another: either names no one, they
    share a party, or it names exactly a party of the other's other role (a clause's "they"
    may be both parties of a meeting)."""
    mine, theirs = _parties(mine), _parties(theirs)
    return (not mine or not theirs or any(_same_party(a, b) for a in mine for b in theirs)
            or any((a.actor, a.country, a.sector) == (b.actor, b.country, b.sector)
                   for a in mine for b in _parties(their_others)))


def _parties(refs: list[ActorRef]) -> list[ActorRef]:
    return [r for r in refs if r.actor or r.country or r.sector]


def _same_party(a: ActorRef, b: ActorRef) -> bool:
    """Two named actors are one party when they are the same actor; otherwise one country's
    people of one sector ("Chadian troops" and "Chadian rebels" are two parties; "Chadian
    troops" and Chad, or "the border" placed in Chad, may be one), or, where a country is
    not known, one sector ("the police")."""
    if a.actor and b.actor:
        return a.actor == b.actor
    if a.country and b.country:
        return a.country == b.country and (a.sector == b.sector or not (a.sector and b.sector))
    return bool(a.sector) and a.sector == b.sector


def has_party(event: Event) -> bool:
    """Whether an event has anyone in it: an actor, a country or a kind of agent ("the army"),
    or at least words for one ("both sides"), in its source or target. A talk, a pledge or a
    retreat with none ("restated her resolve", "would appear if asked") tells no dyad
    anything; a clause that tells the same act with a party has already taken it up as a
    mention (`merge_clauses`)."""
    return any(r.actor or r.country or r.sector or r.text for r in (*event.source, *event.target))
