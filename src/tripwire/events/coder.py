"""Code the PLOVER events of one sentence: triggers, roles, modality, codes, date, place.

Confidence of an event (0..1) is the product of four factors:
  strength   how surely the trigger pattern signals the event (lexicon `strength`, default 0.8)
  roles      0.6, plus 0.25 when a source actor is resolved, plus 0.15 when a target is
  modality   1.0 for asserted, 0.9 for any other modality (the reading is itself a judgement)
  depth      0.95 per clause between the event's clause and the sentence root, a relative
             clause counting as six (main-clause events are what a sentence reports; relative
             clauses give background)
and 0.9 again for an event derived from another (a pledge or a refusal, below).

Derived events follow CAMEO's "express intent to" and "refuse to": a future material event that
its own source announces ("Finland will give Tanzania a grant") is coded as an asserted AGREE (or
THREATEN for conflictual acts, and for an ultimatum: "will withdraw unless ..."), in its place: a
promise is one event, not also the act it promises. A negated concession ("will not make any
concessions") is also an asserted REJECT; types.yaml says which type derives which. Events whose
modality came from a governing trigger are not derived again: the governing event is coded, and
the promised content of a pledge ("agreed to withdraw") is not coded beside it.

Not coded at all: what the teller of the news is ("a member of the team trying to broker a pact
said"), and the words that go with a deed ("protesters blocked roads demanding ...").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from tripwire.actors.reference import mute
from tripwire.actors.words import reference_words
from tripwire.document import ActorRef, Event, Evidence, Quote, Sentence, TimeExpr, Trigger
from tripwire.events.lexicon import EventLexicon, ModalityCues
from tripwire.events.matching import TriggerMatch, commentator, find_triggers
from tripwire.events.modality import ModalityReading, continuative, read_modality
from tripwire.events.places import locate
from tripwire.events.roles import (
    ActorLookup,
    Roles,
    reporter_of,
    reporter_subject,
    resolve_roles,
    role_heads,
    ultimatum_condition,
)
from tripwire.nlp.syntax import governing_verb
from tripwire.timex import date_for_clause

BACKGROUND_DEPTH = 6


@dataclass(frozen=True)
class ConfidenceFactors:
    """The factors of an event's confidence (see the module docstring)."""

    roles_base: float = 0.6  # the roles factor with no actor resolved ...
    source_resolved: float = 0.25  # ... plus this when a source actor is resolved
    target_resolved: float = 0.15  # ... plus this when a target actor is resolved
    not_asserted: float = 0.9  # the modality factor of every modality but asserted
    per_clause: float = 0.95  # the depth factor, per clause below the sentence root ...
    max_depth: float = 12  # ... counting at most this many
    derived: float = 0.9  # for a pledge or refusal derived from another event


CONFIDENCE = ConfidenceFactors()


@dataclass
class CodedEvent:
    """An event with the evidence that produced it (what `tripwire explain` prints)."""

    event: Event
    match: TriggerMatch
    reading: ModalityReading
    derived_from: str | None = None


@dataclass
class SentenceCoding:
    sentence: Span
    coded: list[CodedEvent] = field(default_factory=list)
    matches: list[TriggerMatch] = field(default_factory=list)


def clause_depth(token: Token) -> float:
    """How many clauses lie between a token's clause and the sentence root; a relative clause
    ("farmers who were killed") counts as BACKGROUND_DEPTH, being background to the sentence."""
    depth = 0.0
    while token.head.i != token.i:
        if token.dep_ in ("relcl", "acl"):
            depth += BACKGROUND_DEPTH
        elif token.dep_ in ("ccomp", "xcomp", "advcl", "conj", "pcomp", "csubj"):
            depth += 1
        token = token.head
    return depth


def _sentence_contexts(sentence: Span, lexicon: EventLexicon) -> list[str]:
    """Contexts whose keywords occur in the sentence."""
    found: list[str] = []
    for token in sentence:
        for context in lexicon.context_words.get(token.lemma_.lower(), ()):
            if context not in found:
                found.append(context)
    lowered = sentence.text.lower()
    for phrase, context in lexicon.context_phrases:
        if context not in found and phrase in lowered:
            found.append(context)
    return found


def _attribution(match: TriggerMatch, quotes: list[Quote], lexicon: EventLexicon,
                 lookup: ActorLookup) -> str | None:
    """The speaker who reports the event: a quote around the trigger, else a reporting verb."""
    for quote in quotes:
        if quote.start <= match.start < quote.end and quote.speaker is not None:
            return quote.speaker.actor
    reporter = reporter_of(match.clause, lexicon.cues.reporting_verbs)
    if reporter is None:
        return None
    speaker = reporter_subject(reporter)
    return lookup.resolve(speaker).actor if speaker is not None else None


def _confidence(strength: float, roles: Roles, modality: str, depth: float) -> float:
    factors = CONFIDENCE
    roles_factor = (factors.roles_base
                    + factors.source_resolved * any(r.actor for r in roles.source)
                    + factors.target_resolved * any(r.actor for r in roles.target))
    modality_factor = 1.0 if modality == "asserted" else factors.not_asserted
    depth_factor = factors.per_clause ** min(depth, factors.max_depth)
    return round(strength * roles_factor * modality_factor * depth_factor, 3)


def _is_historical(date: str | None, precision: str | None, published: str | None,
                   days: int) -> bool:
    """Whether a date lies more than `days` before publication; a month named without a day
    counts from its middle ("in May" in a mid-July story is some nine weeks back, "in June"
    five), as the act may have happened on any of its days."""
    if not date or not published:
        return False
    try:
        when = dt.date.fromisoformat(date[:10])
        then = dt.date.fromisoformat(published[:10])
    except ValueError:
        return False
    if precision == "month":
        when = when.replace(day=15)
    return (then - when).days > days


# Dependents that head a clause of their own (or a parenthesis): a time expression inside one
# dates that clause, not the clause it hangs on.
EMBEDDED_CLAUSES = {"relcl", "acl", "advcl", "ccomp", "parataxis", "conj", "appos", "csubj",
                    "xcomp"}


def own_times(times: list[TimeExpr], clause: Token, trigger: Token) -> list[TimeExpr]:
    """The time expressions of the event's own clause: not those of a clause embedded in it
    ("requested 13 years for X, who is the daughter of Y (1990-1997)", "are demanding talks, a
    group that has seized territory since last year") unless the trigger is inside that clause.
    A clause with none takes the time of the clause it is conjoined to ("in 1998 the guard
    detained a crew and seized its boat")."""
    while True:
        skipped = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge))
                   for t in clause.subtree
                   if t.i != clause.i and t.dep_ in EMBEDDED_CLAUSES
                   and (t.pos_ in ("VERB", "AUX") or t.dep_ == "appos")
                   and not (t.left_edge.i <= trigger.i <= t.right_edge.i)]
        start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
        own = [t for t in times if start <= t.start and t.end <= end
               and not any(s <= t.start < e for s, e in skipped)]
        if own or clause.dep_ != "conj" or clause.head.i == clause.i:
            return own
        trigger, clause = clause, clause.head


def borrowed_times(times: list[TimeExpr], clause: Token, trigger: Token,
                   reading: ModalityReading, cues: ModalityCues) -> list[TimeExpr]:
    """The times of what an undated clause hangs on, when its marker ties the two in time: what
    came just before an act ("were detained earlier today after they marched") or at the same
    time ("In 2014, when the army took the port, ...") is dated by that act's clause, and a
    relative clause of a time ("last April, when the navy fired ...") by that time, and a relative
    clause that goes on with the story (`continuative`) or an absolute phrase ("..., with dozens
    arrested") by its main clause, and a participle after its clause ("..., hitting targets") by
    that clause."""
    if clause.dep_ == "advcl" and (
            reading.cue in cues.historical_markers
            or any(c.lower_ in cues.simultaneous_markers for c in clause.children
                   if c.dep_ in ("advmod", "mark"))):
        return own_times(times, clause.head, trigger)
    if clause.dep_ == "advcl" and clause.tag_ == "VBG" and not any(
            c.dep_ == "mark" for c in clause.children):
        # "in December, forces carried out airstrikes, hitting targets": a participle after its
        # clause tells a part of the same act, at its time
        return own_times(times, clause.head, trigger)
    if (clause.dep_ == "pcomp"
            and clause.head.lower_ in cues.historical_markers | cues.simultaneous_markers
            and clause.head.head.pos_ in ("VERB", "AUX")):
        # "in 2012, after accusing the rebels, the army announced ...": the same doer's step
        return own_times(times, clause.head.head, trigger)
    attended = _attended(clause, cues)
    if attended is not None:
        return own_times(times, attended, trigger)
    if continuative(clause):
        # "held talks on Monday, after which he announced ...": the story's next step, on
        # the main clause's day
        verb = governing_verb(clause, len(clause.sent)) or clause.sent.root
        return own_times(times, verb, trigger)
    if clause.dep_ in ("relcl", "acl") and clause.head.i != clause.i:
        at = clause.head.idx
        return [t for t in times if t.start <= at < t.end]
    return []


def _attended(clause: Token, cues: ModalityCues) -> Token | None:
    """The verb whose act an absolute phrase tells a circumstance of: "..., with dozens of
    students arrested and two killed" (the parser makes the participle the preposition's clause,
    a conjunct of one, or a clause of a noun in it). The comma sets the phrase off: "attacked
    the town with weapons supplied by X" tells an instrument and its own background."""
    token = clause
    while token.dep_ in ABSOLUTE_PARTS and token.head.i != token.i:
        token = token.head
        if token.dep_ == "prep" and token.lower_ in cues.attendant_prepositions:
            verb = token.head
            set_off = token.i > 0 and token.doc[token.i - 1].text == ","
            return verb if set_off and verb.pos_ in ("VERB", "AUX") else None
    return None


# the links inside an absolute phrase, from its participle up to its preposition
ABSOLUTE_PARTS = {"pcomp", "conj", "acl", "pobj", "prep"}


def _dating(times: list[TimeExpr]) -> bool:
    """Whether the times put a date on a clause (a duration or a frequency does not)."""
    return any(t.type not in ("DURATION", "SET") for t in times)


def _dated(reading: ModalityReading, date: str | None, precision: str | None,
           published: str | None, days: int) -> ModalityReading:
    """The clause's own date decides between news and background: an act dated well before
    publication is historical, and one told as background (a relative clause, "after ...")
    but dated within the news period is asserted."""
    if date is None or reading.modality not in ("asserted", "historical"):
        return reading
    if _is_historical(date, precision, published, days):
        return ModalityReading("historical", f"date {date}")
    if reading.modality == "historical":
        return ModalityReading("asserted", f"date {date}")
    return reading


DURATION_DAYS = {"Y": 365, "M": 30, "W": 7, "D": 1}


def _summed_up(reading: ModalityReading, times: list[TimeExpr],
               cues: ModalityCues) -> ModalityReading:
    """An act told over a stretch that reaches back from the news, longer than the news
    period ("in the past two years, journalists were detained", "1,250 were killed over the last
    15 months") is a tally of background: historical."""
    for time in times:
        words = {w.lower() for w in time.text.split()}
        if time.type != "DURATION" or not time.value or words.isdisjoint(cues.lookback_words):
            continue
        found = re.fullmatch(r"P(\d+(?:\.\d+)?)([YMWD])", time.value)
        if found and float(found[1]) * DURATION_DAYS[found[2]] > cues.historical_days:
            return ModalityReading("historical", time.text)
    return reading


def _copy_refs(refs: list[ActorRef]) -> list[ActorRef]:
    return [dataclasses.replace(r) for r in refs]


def _derive(coded: CodedEvent, lexicon: EventLexicon) -> CodedEvent | None:
    """The pledge or refusal an announced future or a negated event also is (module docstring)."""
    event = coded.event
    if coded.reading.governed or not any(r.text for r in event.source):
        return None  # only a source the text names announces its own act
    if coded.reading.cue in lexicon.cues.prediction_words:
        return None  # a forecast ("is likely to attack") is no one's pledge or threat
    event_type = lexicon.types[event.type]
    derived_type = {"future": event_type.pledge, "negated": event_type.refusal}.get(event.modality)
    if derived_type is None:
        return None
    if event.modality == "future" and ultimatum_condition(coded.match.clause,
                                                          lexicon.cues.ultimatum_markers):
        derived_type = "THREATEN"
    row = lexicon.types[derived_type]
    derived = Event(
        id="", type=derived_type, sentence=event.sentence, trigger=event.trigger,
        context=list(event.context), quad=row.quad, cameo=row.cameo, intensity=row.intensity,
        source=_copy_refs(event.source), target=_copy_refs(event.target), date=event.date,
        date_precision=event.date_precision, location=event.location, modality="asserted",
        attributed_to=event.attributed_to,
        confidence=round(event.confidence * CONFIDENCE.derived, 3),
        mentions=[event.trigger],
    )
    reading = ModalityReading("asserted", coded.reading.cue)
    return CodedEvent(derived, coded.match, reading, derived_from=event.type)


def _evidence(coded: CodedEvent, lexicon: EventLexicon, lookup: ActorLookup) -> Evidence:
    match = coded.match
    sources, targets = role_heads(match, lexicon)
    pattern = match.pattern.describe()
    if coded.event.type != match.pattern.type and not coded.derived_from:
        pattern += (f" (a pledge of a conflictual act: coded {coded.event.type}, "
                    f"not {match.pattern.type})")
    return Evidence(pattern=pattern, modality=coded.reading.describe(),
                    light=match.light.text if match.light is not None else None,
                    derived_from=coded.derived_from, source_heads=[t.text for t in sources],
                    target_heads=[t.text for t in targets],
                    resolutions=[f"{t.text!r} resolved as {lookup.reasons[t.i]}"
                                 for t in (*sources, *targets) if t.i in lookup.reasons])


def code_sentence(sentence: Span, lexicon: EventLexicon, lookup: ActorLookup, *,
                  quotes: list[Quote], times: list[TimeExpr], published: str | None,
                  evidence: bool = False) -> SentenceCoding:
    """All events of one parsed sentence, attributed to the `quotes` around them and dated by
    `times` against `published`; with `evidence`, each records why it was coded."""
    coding = SentenceCoding(sentence)
    coding.matches = find_triggers(sentence, lexicon)
    if not coding.matches:
        return coding
    triggers = {m.token.i for m in coding.matches}
    span = Sentence(sentence.start_char, sentence.end_char)
    sentence_contexts = _sentence_contexts(sentence, lexicon)
    acts = {m.clause.i for m in coding.matches
            if lexicon.types[m.pattern.type].quad.startswith("material")}
    tellers = _teller_tokens(sentence, lexicon.cues)
    for match in coding.matches:
        event_type = lexicon.types[_pledged_type(match, coding.matches, lexicon)]
        if _said_while_acting(match, event_type.quad, acts) or match.token.i in tellers:
            continue
        reading = read_modality(match, lexicon, triggers)
        roles = resolve_roles(match, lexicon, lookup)
        if match.pattern.actor_doer and _thing_doer(roles):
            continue
        if match.framed and not _participant_named(roles):
            continue
        if event_type.quad.startswith("verbal") and (
                _said_by_no_one(roles.source) or _commented(roles, sentence, lookup)):
            continue
        clause = match.clause
        clause_times = stretches = own_times(times, clause, match.token)
        if not _dating(clause_times):
            clause_times = borrowed_times(times, clause, match.token, reading, lexicon.cues)
        date, precision = date_for_clause(clause_times, sentence.start_char, sentence.end_char,
                                          match.start, published)
        reading = _dated(reading, date if _dating(clause_times) else None, precision,
                         published, lexicon.cues.historical_days)
        if reading.modality == "asserted" and not _dating(clause_times):
            reading = _summed_up(reading, stretches, lexicon.cues)
        modality = reading.modality
        trigger = Trigger(match.token.text, match.start, match.end)
        mode = match.pattern.mode or (roles.mode if roles.mode in event_type.modes else None)
        event = Event(
            id="", type=event_type.name, sentence=span, trigger=trigger,
            mode=mode,
            context=list(dict.fromkeys((*match.pattern.context, *sentence_contexts))),
            quad=event_type.quad,
            cameo=match.pattern.cameo or event_type.cameo_for(mode),
            intensity=event_type.intensity, source=roles.source, target=roles.target,
            date=date, date_precision=precision, location=locate(sentence, clause),
            modality=modality, attributed_to=_attribution(match, quotes, lexicon, lookup),
            confidence=_confidence(match.pattern.strength, roles, modality, clause_depth(clause)),
            mentions=[trigger],
        )
        coded = CodedEvent(event, match, reading)
        if _promised(coded):
            continue
        derived = _derive(coded, lexicon)
        if derived is None or event.modality == "negated":
            coding.coded.append(coded)
        if derived is not None:
            coding.coded.append(derived)
    if evidence:
        for coded in coding.coded:
            coded.event.evidence = _evidence(coded, lexicon, lookup)
    return coding


def _pledged_type(match: TriggerMatch, matches: list[TriggerMatch], lexicon: EventLexicon) -> str:
    """A pledge of a conflictual act is a threat: "vowed to retaliate", "promised to impose
    sanctions" (the promised act's type derives THREATEN, types.yaml `pledge`), not an AGREE."""
    name = match.pattern.type
    if match.pattern.complement != "future" or lexicon.types[name].quad != "verbal_cooperation":
        return name
    contents = {c.i for c in match.token.children if c.dep_ == "xcomp"}
    contents |= {t.i for i in contents for t in match.token.doc[i].conjuncts}
    for other in matches:
        if other.clause.i in contents and lexicon.types[other.pattern.type].pledge == "THREATEN":
            return "THREATEN"
    return name


def _teller_tokens(sentence: Span, cues: ModalityCues) -> set[int]:
    """The words that say who tells the news ("a member of the team trying to broker a pact
    said", "according to a report by a group sent to Israel"): who they are is no event."""
    found: set[int] = set()
    for token in sentence:
        frames = any(c.dep_ in ("ccomp", "parataxis") for c in token.children) or (
            token.dep_ in ("ccomp", "parataxis") and token.i > token.head.i)
        if token.lemma_.lower() in cues.reporting_verbs and token.pos_ in ("VERB", "AUX") and frames:
            tellers = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
        elif token.lower_ in cues.attribution_words and token.dep_ in ("prep", "advcl"):
            tellers = [token]
        else:
            continue
        for teller in tellers:
            found.update(t.i for t in teller.subtree)
    return found


def _said_while_acting(match: TriggerMatch, quad: str, acts: set[int]) -> bool:
    """Words that go with a deed ("protesters blocked roads demanding his return", "rioted,
    calling for a referendum"): the claim of the material event, not an event of its own."""
    clause = match.clause
    if not quad.startswith("verbal") or clause.tag_ != "VBG":
        return False
    # up through participles and "in/by ...ing": "rioted, joining crowds in demanding ..."
    while clause.dep_ in ("advcl", "pcomp", "prep") and clause.head.i != clause.i:
        clause = clause.head
        if clause.i in acts:
            return True
    return False


def _participant_named(roles: Roles) -> bool:
    """Whether a noun coded only by its own participants (`TriggerMatch.framed`) names one who
    can act or undergo: a named actor or a generic one the actors stage knows ("Turkey's
    shelling", "the arrest of three activists"); "the shelling of the area" names a place
    only, and no event is coded for it."""
    return any(r.text and (r.actor or r.sector) for r in (*roles.source, *roles.target))


def _said_by_no_one(source: list[ActorRef]) -> bool:
    """A verbal act needs someone to make it: "the plan offers a chance", "the evidence
    demands an answer" are figures of speech, their doer a thing or an abstraction (a statement
    or report that speaks for its author is not one of these)."""
    return bool(source) and all(mute(r) for r in source)


def _commented(roles: Roles, sentence: Span, lookup: ActorLookup) -> bool:
    """A verbal act whose every doer comments on the news (`matching.commentator`) and speaks
    for no state or organisation: an analyst's warning or appeal reads the events, it is not
    one ("a UN expert urged" speaks for the UN, and is coded). A person the article presents as
    a commentator once ("Dorsey, an analyst at ..., said") still is one where only the name
    comes back ("Dorsey warns")."""
    if not roles.doers or not all(r.actor is None or r.actor.startswith("person:")
                                  for r in roles.source):
        return False
    return all(commentator(head) for head in roles.doers) or (
        bool(roles.source) and all(r.actor is not None and _presented_as_commentator(
            r.actor, sentence.doc, lookup) for r in roles.source))


def _presented_as_commentator(actor: str, doc: Doc, lookup: ActorLookup) -> bool:
    """Whether a mention of the person in the article names them a commentator."""
    for mention in lookup.actors.mentions:
        if mention.ref.actor == actor:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and commentator(span.root):
                return True
    return False


def _thing_doer(roles: Roles) -> bool:
    """Whether the doers the text names are all things, for a pattern whose verb takes things
    as often as actors for subjects ("the new funding would allow a faster return", "the
    structures help protect them"): common nouns that are no actor, office or sector word nor a
    noun of a country or organisation (being placed in the sentence's country does not make a
    thing an actor). A passive with no doer ("would not be allowed") has none; a relative
    pronoun stands for the noun its clause tells of ("in a manner that would allow ...")."""
    heads = [h.head.head if h.tag_ == "WDT" and h.head.dep_ == "relcl" else h
             for h in roles.doers]
    words = reference_words()
    actors = words.organisation_nouns | words.country_nouns
    return bool(heads) and not any(r.actor or r.sector for r in roles.source) and all(
        h.pos_ == "NOUN" and not h.ent_type_ and h.lemma_.lower() not in actors for h in heads)


def _promised(coded: CodedEvent) -> bool:
    """The content of a pledge ("agreed to provide aid", "is willing to withdraw"): the
    governing AGREE is the event, with its target; the promised act is not coded again."""
    return coded.reading.governed and coded.event.modality == "future"
