"""Score the coder on whole real articles: ../shared/data/realnews (every act coded by hand).

    python benchmarks/realnews_eval.py [--data DIR] [--docs even|odd] [--errors] [--json]

Each article is analysed as a whole (page junk and all) and its events are matched one-to-one
to the gold acts (a maximum bipartite matching). An event and an act can match when
- the types agree, or the event's type is one of the act's `alt_types`;
- the event's sentence overlaps one of the act's mention sentences (offsets are mapped from the
  Document's clean text back to the article's raw text, since cleaning removes page junk);
- each non-empty gold role shares a key with the event's role: the actor id, its country or its
  affiliation (either way round for a `symmetric` act). An empty gold role asks nothing.

Reported:
- asserted triple F1: gold acts and events that are both `asserted`;
- triple F1 over all modalities;
- type F1: type and sentence only (roles ignored), all modalities;
- modality accuracy: on the type matches, the share whose modality agrees;
- role coverage: the share of asserted events whose source (target) is a resolved actor.

`--docs even|odd` keeps the articles whose number (rnNN) has that parity: develop on the even
ones, only score the odd ones.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching

from tripwire.analyze import analyze_many
from tripwire.document import ActorRef, Article, Document, Event

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@dataclass
class GoldAct:
    """One hand-coded act of a real article."""

    id: str
    type: str
    alt_types: list[str]
    source: set[str]
    target: set[str]
    modality: str
    sentences: list[tuple[int, int]]
    symmetric: bool = False
    evidence: str = ""


@dataclass
class CodedEvent:
    """One coded event, its sentence mapped to raw-text offsets and its roles as key sets."""

    event: Event
    span: tuple[int, int]
    source: set[str] = field(default_factory=set)
    target: set[str] = field(default_factory=set)


@dataclass
class GoldArticle:
    id: str
    number: int
    published: str | None
    title: str | None
    source: str | None
    text: str
    acts: list[GoldAct]


def load_gold(path: Path) -> list[GoldArticle]:
    articles = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        number = re.match(r"rn(\d+)", row["id"])
        if number is None:
            raise ValueError(f"{path}:{line_no}: id {row['id']!r} is not rnNN_...")
        acts = [GoldAct(id=e["event_id"], type=e["type"], alt_types=list(e.get("alt_types") or []),
                        source=set(e.get("source") or []), target=set(e.get("target") or []),
                        modality=e["modality"], sentences=[tuple(s) for s in e["sentences"]],
                        symmetric=bool(e.get("symmetric")), evidence=e.get("evidence", ""))
                for e in row["events"]]
        articles.append(GoldArticle(id=row["id"], number=int(number.group(1)),
                                    published=row.get("published"), title=row.get("title"),
                                    source=row.get("source"), text=row["text"], acts=acts))
    return articles


def offset_map(clean: str, raw: str) -> Callable[[int], int]:
    """A function from offsets in the clean text to offsets in the raw text it came from."""
    blocks = [b for b in difflib.SequenceMatcher(None, clean, raw, autojunk=False)
              .get_matching_blocks() if b.size]
    starts = [b.a for b in blocks]

    def to_raw(offset: int) -> int:
        i = bisect_right(starts, offset) - 1
        if i < 0:
            return blocks[0].b if blocks else 0
        block = blocks[i]
        return block.b + min(offset - block.a, block.size)

    return to_raw


def role_keys(refs: list[ActorRef], document: Document) -> set[str]:
    """The keys an event role can be matched on: actor ids, their countries, affiliations."""
    actors = {a.id: a for a in document.actors}
    keys: set[str] = set()
    for ref in refs:
        for key in (ref.actor, ref.country):
            if key:
                keys.add(key)
        actor = actors.get(ref.actor or "")
        if actor is not None:
            keys.update(k for k in (actor.country, actor.affiliation) if k)
    return keys


def coded_events(document: Document, raw: str) -> list[CodedEvent]:
    to_raw = offset_map(document.text, raw)
    return [CodedEvent(event=e, span=(to_raw(e.sentence.start), to_raw(max(e.sentence.end - 1,
                                                                              e.sentence.start)) + 1),
                       source=role_keys(e.source, document), target=role_keys(e.target, document))
            for e in document.events]


def _overlaps(span: tuple[int, int], sentences: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in sentences)


def type_match(act: GoldAct, coded: CodedEvent) -> bool:
    return (coded.event.type == act.type or coded.event.type in act.alt_types) and _overlaps(
        coded.span, act.sentences)


def _role_ok(gold: set[str], keys: set[str]) -> bool:
    return not gold or bool(gold & keys)


def triple_match(act: GoldAct, coded: CodedEvent) -> bool:
    if not type_match(act, coded):
        return False
    if _role_ok(act.source, coded.source) and _role_ok(act.target, coded.target):
        return True
    return act.symmetric and _role_ok(act.source, coded.target) and _role_ok(act.target,
                                                                             coded.source)


def match(acts: list[GoldAct], events: list[CodedEvent],
          compatible: Callable[[GoldAct, CodedEvent], bool]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of acts to events (pairs of indices)."""
    if not acts or not events:
        return []
    rows, cols = [], []
    for i, act in enumerate(acts):
        for j, coded in enumerate(events):
            if compatible(act, coded):
                rows.append(i)
                cols.append(j)
    if not rows:
        return []
    graph = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(acts), len(events)))
    assignment = maximum_bipartite_matching(graph, perm_type="column")
    return [(i, int(j)) for i, j in enumerate(assignment) if j >= 0]


@dataclass
class Tally:
    gold: int = 0
    coded: int = 0
    matched: int = 0

    def add(self, gold: int, coded: int, matched: int) -> None:
        self.gold, self.coded, self.matched = (self.gold + gold, self.coded + coded,
                                               self.matched + matched)

    def scores(self) -> dict[str, float]:
        p = self.matched / self.coded if self.coded else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "gold": self.gold, "coded": self.coded, "matched": self.matched}


def analyse(articles: list[GoldArticle]) -> Iterable[tuple[GoldArticle, Document]]:
    inputs = [Article(text=a.text, id=a.id, published=a.published, source=a.source,
                      origin=f"realnews:{a.id}") for a in articles]
    return zip(articles, analyze_many(inputs), strict=True)


def score(pairs: Iterable[tuple[GoldArticle, Document]], errors: bool = False) -> dict:
    asserted, everything, types = Tally(), Tally(), Tally()
    modality_right = modality_total = 0
    with_source = with_target = asserted_events = 0
    for article, document in pairs:
        events = coded_events(document, article.text)
        gold_asserted = [a for a in article.acts if a.modality == "asserted"]
        coded_asserted = [e for e in events if e.event.modality == "asserted"]
        hits = match(gold_asserted, coded_asserted, triple_match)
        asserted.add(len(gold_asserted), len(coded_asserted), len(hits))
        everything.add(len(article.acts), len(events),
                       len(match(article.acts, events, triple_match)))
        typed = match(article.acts, events, type_match)
        types.add(len(article.acts), len(events), len(typed))
        modality_total += len(typed)
        modality_right += sum(article.acts[i].modality == events[j].event.modality
                              for i, j in typed)
        asserted_events += len(coded_asserted)
        with_source += sum(any(r.actor for r in e.event.source) for e in coded_asserted)
        with_target += sum(any(r.actor for r in e.event.target) for e in coded_asserted)
        if errors:
            print_errors(article, document, gold_asserted, coded_asserted, hits)
    return {
        "asserted_triple": asserted.scores(),
        "triple": everything.scores(),
        "type": types.scores(),
        "modality_accuracy": round(modality_right / modality_total, 4) if modality_total else 0.0,
        "source_resolved": round(with_source / asserted_events, 4) if asserted_events else 0.0,
        "target_resolved": round(with_target / asserted_events, 4) if asserted_events else 0.0,
    }


def print_errors(article: GoldArticle, document: Document, gold: list[GoldAct],
                 coded: list[CodedEvent], hits: list[tuple[int, int]]) -> None:
    """The asserted acts missed and the asserted events that match no act, for one article."""
    found, used = {i for i, _ in hits}, {j for _, j in hits}
    print(f"== {article.id}")
    for i, act in enumerate(gold):
        if i not in found:
            print(f"  MISS {act.type:9} {sorted(act.source)} -> {sorted(act.target)} "
                  f"| {act.evidence[:100]}")
    for j, c in enumerate(coded):
        if j not in used:
            src = [r.actor or f"?{r.text}" for r in c.event.source]
            tgt = [r.actor or f"?{r.text}" for r in c.event.target]
            print(f"  FALSE {c.event.type:9} {src} -> {tgt} [{c.event.trigger.text}] "
                  f"| {article.text[c.span[0]:c.span[1]][:120]!r}")


def evaluate(data: Path = DATA, docs: str | None = None, errors: bool = False) -> dict:
    articles = load_gold(data / "realnews" / "realnews.jsonl")
    if docs is not None:
        articles = [a for a in articles if a.number % 2 == (docs == "odd")]
    return score(analyse(articles), errors=errors)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--docs", choices=("even", "odd"))
    parser.add_argument("--errors", action="store_true", help="print misses and false events")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not (args.data / "realnews" / "realnews.jsonl").is_file():
        print(f"no realnews set under {args.data}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    scores = evaluate(args.data, args.docs, args.errors)
    if args.json:
        print(json.dumps(scores, indent=2))
    else:
        for name in ("asserted_triple", "triple", "type"):
            s = scores[name]
            print(f"{name:16} F1 {s['f1']:.3f}  P {s['precision']:.3f}  R {s['recall']:.3f}  "
                  f"(gold {s['gold']}, coded {s['coded']}, matched {s['matched']})")
        print(f"modality accuracy {scores['modality_accuracy']:.3f}; asserted events with a "
              f"resolved source {scores['source_resolved']:.3f}, target "
              f"{scores['target_resolved']:.3f}")
    print(f"({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
