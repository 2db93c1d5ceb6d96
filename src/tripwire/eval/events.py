"""Score the event coder against public gold data (PLOVER records, CAMEO quad classes, police events).

Definitions (the same in `tripwire eval events` and benchmarks/events_eval.py):
- The *main event* of a sentence is its asserted event with the highest confidence (ties: the
  first); a sentence without asserted events falls back to its future events (CAMEO codes an
  announced act as a statement of intent), and otherwise has none.
- PLOVER type accuracy: sentences with gold events whose main event's type is one of the gold
  types; false event rate: sentences without gold events that get a main event.
- Source (target) country accuracy, on matched events: for each gold event whose type is among
  the sentence's coded types, the coded event of that type (asserted first) is right when its
  countries are a non-empty subset of the gold countries, or both are empty.
- Per-type precision/recall/F1 and triple F1 compare, per sentence, the set of gold types
  (triples of type, source country, target country) with the coded asserted and future events'.
  The records code the parties of a reciprocal act all as sources ("Israel and Lebanon renewed
  negotiations"); the coder names such an act's dyad as source and target, and both are
  compared as the records' sources.
- Quad classes follow the gold file's labels (CAMEO's QuadClass): 0 no PLOVER type, or a
  statement or appeal (CAMEO 01, 02: "urged X to", "denied the charges", "expressed
  condolences", which PLOVER codes as REQUEST, REJECT or SUPPORT), 1 AGREE/CONSULT/SUPPORT,
  2 COOPERATE/AID/RETREAT/CONCEDE (CAMEO 08 is material here), 3 REQUEST/ACCUSE/REJECT/THREATEN
  and SANCTION (CAMEO 16 is verbal here), 4 PROTEST/MOBILIZE/COERCE/ASSAULT. A sentence's label is
  its main event's; a "false event" is a main event on a label-0 sentence.
- Police events (IndiaPoliceEvents sentence labels, each a "yes" to "did the police ...?").
  An event is *done* when it is asserted or historical (background told as fact). The police
  are an actor with sector COP or MIL (the corpus counts army columns and para-military flag
  marches), or an unresolved phrase headed by one of the `words` of data/police.yaml or
  naming one of its `names` ("police officials"); a source is *unstated* when
  the parse found none (agentless passives: "were arrested", "a ban was ordered").
  ARREST <- a done COERCE in arrest mode by the police, by no stated source or by a source
  nobody could place (no actor, no sector: a name, a pronoun, a law: "arrests under the act"): in police news
  the state arrests. FORCE <- a done ASSAULT or crowd-control COERCE by the police, or a done
  crowd-control ASSAULT with no stated source (shootings with no stated source are not: in
  this news criminals shoot too). ANY_ACTION <- ARREST or FORCE, or:
  * any event whose source is the police and that is not negated (the corpus counts police
    acts under way or intended: "police were told to patrol the area");
  * an asserted or future MOBILIZE, whoever orders it (deployments of police, para-military
    forces and army columns are the state's security forces at work);
  * a done event whose target is the police ("the mob stoned the police": the police were on
    duty there; the corpus counts about half of these, more than the F1 break-even);
  * a done event in one of UNSTATED_POLICE_MODES with no stated source (cases booked, FIRs
    lodged, agentless arrests and police deployments);
  * a statement by the police: a quote or reported statement whose speaker names the police
    ("police said", "according to police sources", "the commissioner of police said"), since
    the corpus answers "did the police do anything?" with yes for a police statement.
  Curfews, bans and seizures with no stated source are not police acts: magistrates and
  governments order them and the corpus does not count them.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from tripwire.analyze import analyze_many
from tripwire.document import ActorRef, Article, Document, Event, Quote
from tripwire.errors import TripwireError
from tripwire.events.lexicon import default_lexicon
from tripwire.lang import WordFile, Words, load_words
from tripwire.ontology import ontology

# The gold file's quad class of a type is the ontology's quad code, except these two: CAMEO 08
# (CONCEDE) counts as material cooperation there and CAMEO 16 (SANCTION) as verbal conflict.
GOLD_QUAD_EXCEPTIONS = {"CONCEDE": 2, "SANCTION": 3}
# Non-ISO codes used by older PLOVER/CAMEO coding, mapped to ISO 3166-1 alpha-3.
LEGACY_COUNTRIES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "UAE": "ARE", "PAL": "PSE"}
# Done events with no stated source that are police work: arrests, police deployments,
# cases registered (legal accusations).
UNSTATED_POLICE_MODES = {("COERCE", "arrest"), ("MOBILIZE", "police"), ("ACCUSE", "legal")}
# Modes of a done ASSAULT with no stated source that are police force: crowd control
# ("tear gas shells were burst", "a lathi-charge"); shootings are not (criminals shoot too).
UNSTATED_FORCE_MODES = {"crowd-control"}
DONE = ontology().happened_modalities
NEWS = ("asserted", "future")
STATE_SECTORS = {"COP", "MIL"}


class PoliceWords(WordFile):
    """data/police.yaml: the words that make a source the police in the police-events corpus."""

    words: Words
    names: Words


@functools.cache
def police_words() -> PoliceWords:
    return load_words(Path(__file__).parent / "data" / "police.yaml", PoliceWords)


# How far around a speaker mention its title and qualifiers are read, and where they stop.
SPEAKER_WINDOW = 80
SPEAKER_BOUNDS = (",", ";", ":", ".", '"', "\u201c", "\u201d")
MAIN_MODALITIES = ("asserted", "future")


@dataclass
class GoldEvent:
    type: str
    source: frozenset[str]
    target: frozenset[str]


@dataclass
class GoldSentence:
    id: str
    text: str
    events: list[GoldEvent] = field(default_factory=list)


def _country(code: str | None) -> str | None:
    if not code:
        return None
    code = code.upper()
    return LEGACY_COUNTRIES.get(code, code)


def _is_iso3(code: str) -> bool:
    return len(code) == 3 and code.isalpha() and pycountry.countries.get(alpha_3=code) is not None


def ref_country(ref: ActorRef) -> str | None:
    """The country code a coded actor counts as: its country, its own ISO id, or IGO."""
    if ref.country:
        return ref.country
    actor = ref.actor or ""
    if _is_iso3(actor):
        return actor
    if actor and actor.isupper() and ":" not in actor:
        return "IGO"
    return None


def _countries(refs: Iterable[ActorRef]) -> frozenset[str]:
    return frozenset(c for c in (ref_country(r) for r in refs) if c)


def read_jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    try:
                        yield number, json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise TripwireError("E005", f"invalid JSON: {exc.msg}",
                                            f"{path}:{number}") from exc
    except OSError as exc:
        raise TripwireError("E002", f"cannot read {path}: {exc.strerror}", str(path)) from exc


def load_plover_gold(path: Path) -> list[GoldSentence]:
    """PLOVER-format gold records: {"id", "text", "events": [{"type", "source", "target"}]}."""
    sentences = []
    for number, record in read_jsonl(path):
        if not isinstance(record.get("text"), str) or not isinstance(record.get("events"), list):
            raise TripwireError("E005", "a gold record needs `text` and `events`",
                                f"{path}:{number}")
        events = [
            GoldEvent(
                type=str(e.get("type")),
                source=frozenset(c for c in (_country(a.get("country")) for a in e.get("source") or []) if c),
                target=frozenset(c for c in (_country(a.get("country")) for a in e.get("target") or []) if c),
            )
            for e in record["events"]
        ]
        sentences.append(GoldSentence(str(record.get("id", number)), record["text"], events))
    return sentences


def code_texts(texts: Iterable[str], published: str | None = None) -> Iterator[Document]:
    """Run the whole pipeline on plain texts, in order."""
    return analyze_many(Article(text=t, published=published, id=str(i))
                        for i, t in enumerate(texts))


def main_event(events: list[Event]) -> Event | None:
    """The event a sentence reports (module docstring)."""
    for modality in MAIN_MODALITIES:
        candidates = [e for e in events if e.modality == modality]
        if candidates:
            return max(candidates, key=lambda e: (e.confidence, -e.trigger.start))
    return None


def _coded(events: list[Event]) -> list[Event]:
    return [e for e in events if e.modality in MAIN_MODALITIES]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def plover_roles(event: Event) -> tuple[frozenset[str], frozenset[str]]:
    """Source and target countries as the PLOVER records code them: the parties of a reciprocal
    act (talks, cooperation outside a visit or a mediation) or of a joint one ("A and B agreed
    to ...") are all sources there, where the coder names the dyad as source and target."""
    source, target = _countries(event.source), _countries(event.target)
    event_type = default_lexicon().types.get(event.type)
    if event_type is not None and ((event_type.reciprocal
                                    and event.mode not in event_type.directed_modes)
                                   or (event.mode is not None and event.mode == event_type.joint)):
        return source | target, frozenset()
    return source, target


def _country_right(coded: frozenset[str], gold: frozenset[str]) -> bool:
    return (not coded and not gold) or (bool(coded) and coded <= gold)


def score_plover(gold: list[GoldSentence], documents: list[Document]) -> dict:
    """Type accuracy, country accuracy on matched events, per-type P/R/F1, triple F1."""
    type_hits = source_hits = target_hits = matched = false_events = 0
    counts: dict[str, Counter] = {}
    triple: Counter[str] = Counter()
    for sentence, document in zip(gold, documents, strict=True):
        coded = _coded(document.events)
        gold_types = {e.type for e in sentence.events}
        main = main_event(document.events)
        if not sentence.events:
            false_events += main is not None
            continue
        type_hits += main is not None and main.type in gold_types
        for event in sentence.events:
            same = sorted((e for e in coded if e.type == event.type),
                          key=lambda e: (e.modality != "asserted", -e.confidence))
            if same:
                matched += 1
                source, target = plover_roles(same[0])
                source_hits += _country_right(source, event.source)
                target_hits += _country_right(target, event.target)
        coded_types = {e.type for e in coded}
        for name in gold_types | coded_types:
            row = counts.setdefault(name, Counter())
            row["tp"] += name in gold_types and name in coded_types
            row["fp"] += name not in gold_types
            row["fn"] += name not in coded_types
        gold_triples = {(e.type, e.source, e.target) for e in sentence.events}
        coded_triples = {(e.type, *plover_roles(e)) for e in coded}
        triple["tp"] += len(gold_triples & coded_triples)
        triple["fp"] += len(coded_triples - gold_triples)
        triple["fn"] += len(gold_triples - coded_triples)
    empty = sum(not s.events for s in gold)
    n = len(gold) - empty
    return {
        "sentences": len(gold),
        "gold_events": sum(len(s.events) for s in gold),
        "type_accuracy": round(type_hits / n, 4) if n else 0.0,
        "no_event_sentences": empty,
        "false_event_rate": round(false_events / empty, 4) if empty else 0.0,
        "matched_events": matched,
        "source_country_accuracy": round(source_hits / matched, 4) if matched else 0.0,
        "target_country_accuracy": round(target_hits / matched, 4) if matched else 0.0,
        "triple_f1": _prf(triple["tp"], triple["fp"], triple["fn"])["f1"],
        "per_type": {k: _prf(v["tp"], v["fp"], v["fn"]) for k, v in sorted(counts.items())},
    }


def load_quad(path: Path) -> list[tuple[str, int]]:
    """The CAMEO quad-class TSV: header `text<TAB>label`, split on the last TAB."""
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise TripwireError("E002", f"cannot read {path}: {exc.strerror}", str(path)) from exc
    for number, line in enumerate(lines[1:], start=2):
        text, _, label = line.rpartition("\t")
        if not label.strip().isdigit():
            raise TripwireError("E005", "expected text<TAB>label", f"{path}:{number}")
        rows.append((text, int(label)))
    return rows


NEUTRAL_CAMEO_ROOTS = ("01", "02")


def quad_label(events: list[Event]) -> int:
    main = main_event(events)
    if main is None or (main.cameo or "").startswith(NEUTRAL_CAMEO_ROOTS):
        return 0
    return GOLD_QUAD_EXCEPTIONS.get(main.type) or ontology().quad_code(main.type)


def score_quad(rows: list[tuple[str, int]], documents: list[Document]) -> dict:
    """Quad-class macro-F1 and the share of no-event (label 0) sentences given an event."""
    confusion: Counter[tuple[int, int]] = Counter()
    for (_, gold), document in zip(rows, documents, strict=True):
        confusion[(gold, quad_label(document.events))] += 1
    labels = range(5)
    per_label = {}
    for label in labels:
        tp = confusion[(label, label)]
        fp = sum(confusion[(g, label)] for g in labels if g != label)
        fn = sum(confusion[(label, p)] for p in labels if p != label)
        per_label[label] = _prf(tp, fp, fn)
    zero = sum(confusion[(0, p)] for p in labels)
    false_events = sum(confusion[(0, p)] for p in labels if p != 0)
    return {
        "sentences": len(rows),
        "macro_f1": round(sum(v["f1"] for v in per_label.values()) / 5, 4),
        "accuracy": round(sum(confusion[(k, k)] for k in labels) / len(rows), 4) if rows else 0.0,
        "no_event_false_rate": round(false_events / zero, 4) if zero else 0.0,
        "per_label": per_label,
    }


def _words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).split()


def is_police(ref: ActorRef) -> bool:
    """A police actor: sector COP/MIL, or an unresolved phrase headed by a police word or
    naming the police in a modifier ("police officials", "the police department")."""
    if ref.sector in STATE_SECTORS:
        return True
    if ref.actor is None:
        words = _words(ref.text)
        return bool(words) and (words[-1] in police_words().words or bool(police_words().names & set(words)))
    return False


def _names_police(text: str) -> bool:
    """A speaker phrase that names the police anywhere: "police sources", "commissioner of
    police X", "a senior police officer"."""
    return bool(police_words().words & set(_words(text)))


def speaker_phrase(document: Document, quote: Quote) -> str:
    """The speaker mention with its title before it and what qualifies it up to the cue: "additional
    director general of police X said", "a spokesman of the city police, asked about it,
    said", "X, deputy commissioner of police, said" (the quotes stage keeps only the head)."""
    speaker = quote.speaker
    if speaker is None:
        return ""
    text = document.text
    before = text[max(0, speaker.start - SPEAKER_WINDOW):speaker.start]
    for mark in SPEAKER_BOUNDS:
        before = before.rpartition(mark)[2]
    after = ""
    cue = text.find(quote.cue, speaker.end, speaker.end + SPEAKER_WINDOW) if quote.cue else -1
    if cue >= 0:
        after = text[speaker.end:cue]
    return f"{before} {speaker.text} {after}"


def police_speaks(document: Document) -> bool:
    """Whether a quote or reported statement of the document has the police as its speaker."""
    return any(q.speaker is not None and (_names_police(speaker_phrase(document, q)) or any(
        a.id == q.speaker.actor and a.sector in STATE_SECTORS for a in document.actors))
        for q in document.quotes)


def _unstated_police_work(event: Event) -> bool:
    kind = "legal" if event.type == "ACCUSE" and "legal" in event.context else event.mode
    return (event.type, kind) in UNSTATED_POLICE_MODES


def police_labels(document: Document) -> set[str]:
    """IndiaPoliceEvents labels a coded sentence answers "yes" to (module docstring)."""
    labels: set[str] = set()
    for event in document.events:
        police = any(is_police(r) for r in event.source)
        unstated = not event.source
        unplaced = all(r.actor is None and r.sector is None for r in event.source)
        if police and event.modality != "negated":
            labels.add("ANY_ACTION")
        if event.type == "MOBILIZE" and event.modality in NEWS:
            labels.add("ANY_ACTION")
        if event.modality not in DONE:
            continue
        if event.type == "COERCE" and event.mode == "arrest" and (police or unplaced):
            labels.add("ARREST")
        if police and (event.type == "ASSAULT" or event.mode == "crowd-control"):
            labels.add("FORCE")
        if unstated and event.type == "ASSAULT" and event.mode in UNSTATED_FORCE_MODES:
            labels.add("FORCE")
        if unstated and _unstated_police_work(event):
            labels.add("ANY_ACTION")
        if any(is_police(r) for r in event.target):
            labels.add("ANY_ACTION")
    if labels or police_speaks(document):
        labels.add("ANY_ACTION")
    return labels


def score_police(rows: list[dict], documents: list[Document]) -> dict:
    """Sentence-level P/R/F1 per label, ANY_ACTION ("police did something") first."""
    counts: dict[str, Counter[str]] = {label: Counter() for label in ("ANY_ACTION", "ARREST",
                                                                      "FORCE")}
    for row, document in zip(rows, documents, strict=True):
        gold = set(row.get("labels") or [])
        coded = police_labels(document)
        for label, count in counts.items():
            count["tp"] += label in gold and label in coded
            count["fp"] += label not in gold and label in coded
            count["fn"] += label in gold and label not in coded
    return {"sentences": len(rows),
            **{label.lower(): _prf(c["tp"], c["fp"], c["fn"]) for label, c in counts.items()}}
