"""`tripwire explain`: why each event of a sentence was, or was not, coded.

Shows the parse, and for each event the evidence the coder recorded when it coded it (the
lexicon pattern, the roles and the modality cue); for words that are in the lexicon but coded
nothing, which condition failed. The text is parsed and coded once, as `analyze` does.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tripwire.analyze import analyze_explained
from tripwire.document import ActorRef, Article, Event
from tripwire.events.lexicon import EventLexicon, TriggerPattern, default_lexicon
from tripwire.events.matching import (
    doers,
    find_triggers,
    lemma_forms,
    light_verb,
    lookup_tables,
    natural_doer,
    object_lemmas,
    verb_objects,
)


def _refs(refs: list[ActorRef]) -> str:
    if not refs:
        return "-"
    return ", ".join(f"{r.text!r}->{r.actor or '?'}" + (f"/{r.sector}" if r.sector else "")
                     + (f" ({r.country})" if r.country and not r.actor else "")
                     + (f" [unresolved: {r.unresolved}]" if r.unresolved else "")
                     for r in refs)


def _parse_table(sentence: Span) -> list[str]:
    return [f"    {t.i - sentence.start:>3} {t.text:<16} {t.lemma_:<14} {t.pos_:<6} "
            f"{t.dep_:<10} -> {t.head.i - sentence.start}" for t in sentence]


def why_not(pattern: TriggerPattern, token: Token, matched: set[int]) -> str:
    """The condition of a pattern that a token does not meet."""
    if pattern.kind == "noun":
        if pattern.predicative:
            return (f"not said of anyone through {sorted(pattern.predicative)} (or a definite "
                    f"noun, or what a verb of speaking is about)")
        if pattern.arguments:
            return (f"names none of its participants (a doer, or whom it acts on after "
                    f"{sorted(pattern.arguments)}; a bare noun needs its doer)")
        if pattern.light:
            verb = light_verb(token)
            if verb is None or verb.i == token.i:
                return "no governing verb for the noun"
            if verb.i in matched:
                return f"its verb {verb.text!r} already codes the event"
            return f"governing verb {verb.lemma_!r} is not a light verb of this pattern"
        return ("a noun used as a modifier, or one that only refers to an event (no doer, "
                "not the subject of its clause)")
    if pattern.kind == "verb":
        if natural_doer(token):
            return "its doer is a force of nature or a thing, not an actor"
        if pattern.except_subjects and object_lemmas(doers(token)) & pattern.except_subjects:
            return "its doer is a measure, not an actor (a figure of speech)"
        if pattern.particles and not any(c.lower_ in pattern.particles for c in token.children):
            return f"no particle among {sorted(pattern.particles)}"
        if pattern.objects:
            found = sorted(object_lemmas(verb_objects(token)))
            return f"object {found or 'none'} not among the pattern's objects"
        if pattern.intransitive:
            return "has an object or clause, pattern is intransitive"
        if pattern.no_clause:
            return "has a clause complement: it enables that act rather than doing one"
    if pattern.kind == "adjective":
        return "no complement (to ..., that ...)"
    return "structure does not fit"


def _near_misses(sentence: Span, lexicon: EventLexicon) -> list[str]:
    matched = {m.token.i for m in find_triggers(sentence, lexicon)}
    lines = []
    for token in sentence:
        if token.i in matched:
            continue
        for table in lookup_tables(token, lexicon):
            patterns = next((table[f] for f in lemma_forms(token) if f in table), None)
            if patterns:
                reasons = sorted({f"{p.type}: {why_not(p, token, matched)}" for p in patterns})
                lines.append(f"  not coded: {token.text!r} ({token.pos_}) - " + "; ".join(reasons))
                break
    return lines


def _event_lines(event: Event) -> list[str]:
    lines = [f"  EVENT {event.type}" + (f"/{event.mode}" if event.mode else "")
             + f" [{event.modality}] trigger {event.trigger.text!r}"
             + f" confidence {event.confidence}"]
    evidence = event.evidence
    if evidence is not None:
        if evidence.derived_from:
            lines.append(f"    derived from the {event.modality} reading of a "
                         f"{evidence.derived_from} event (pledge/refusal rule)")
        lines.append(f"    pattern: {evidence.pattern}")
        if evidence.light is not None:
            lines.append(f"    light verb: {evidence.light!r}")
        lines.append(f"    modality: {evidence.modality}")
        lines.append(f"    role heads: source {evidence.source_heads}, "
                     f"target {evidence.target_heads}")
    lines.append(f"    source: {_refs(event.source)}  target: {_refs(event.target)}")
    if evidence is not None:
        lines.extend(f"    {line}" for line in evidence.resolutions)
    lines.append(f"    date: {event.date or '-'} ({event.date_precision or '-'})  "
                 f"place: {event.location.name or '-'}  "
                 f"attributed to: {event.attributed_to or '-'}")
    lines.append(f"    codes: quad {event.quad}, CAMEO {event.cameo}, "
                 f"intensity {event.intensity}, context {event.context}")
    return lines


def explain_sentence(text: str, published: str | None = None) -> list[str]:
    """The explanation of how `text` is coded, as printable lines."""
    document, doc = analyze_explained(Article(text=text, published=published))
    lexicon = default_lexicon()
    lines = [f"published: {document.published or '-'}"]
    for sentence in doc.sents:
        events = [e for e in document.events if e.sentence.start == sentence.start_char]
        lines.append(f"sentence: {sentence.text}")
        lines.append("  parse:")
        lines.extend(_parse_table(sentence))
        for event in events:
            lines.extend(_event_lines(event))
        lines.extend(_near_misses(sentence, lexicon))
        lines.extend(_uncoded_matches(sentence, lexicon, events))
        if not events and not find_triggers(sentence, lexicon):
            lines.append("  no event: no trigger pattern matched")
    return lines


def _uncoded_matches(sentence: Span, lexicon: EventLexicon, events: list[Event]) -> list[str]:
    """Triggers that matched but are neither an event nor a mention of one."""
    told = {m.start for e in events for m in (e.trigger, *e.mentions)}
    return [f"  not coded: {m.token.text!r} matched {m.pattern.type}, but its event names no "
            "party (no actor, country or kind of agent), its doer is a thing (an enabling "
            "verb's `actor_doer`), or it is the content of another event, the words of a deed, "
            "or who tells the news"
            for m in find_triggers(sentence, lexicon) if m.start not in told]
