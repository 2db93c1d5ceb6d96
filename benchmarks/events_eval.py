"""Score the event coder on the dev sets in ../shared/data (definitions: tripwire.eval.events).

    python benchmarks/events_eval.py [--data DIR] [--limit N] [--errors] [--only SET]
                                     [--half even|odd] [--docs even|odd]

Prints PLOVER type and country accuracy, per-type P/R/F1 and triple F1 on
events/plover_gsr.jsonl; quad-class macro-F1 and the no-event false rate on events/quad_dev.tsv;
police-event sentence F1 on news/india_police_events_sents.jsonl (`--docs even` or `odd` keeps
the stories of that doc_id parity: develop on one half, check on the other).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from tripwire.eval.events import (
    code_texts,
    load_plover_gold,
    load_quad,
    main_event,
    police_labels,
    quad_label,
    read_jsonl,
    score_plover,
    score_police,
    score_quad,
)

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def every_nth(rows: list, limit: int | None) -> list:
    """A deterministic, evenly spread subsample of at most `limit` rows."""
    if not limit or len(rows) <= limit:
        return rows
    step = len(rows) / limit
    return [rows[int(i * step)] for i in range(limit)]


def half_of(rows: list, half: str | None) -> list:
    """The even (0th, 2nd, ...) or odd lines of a file, to develop on one half and check on the
    other; None keeps all."""
    return rows if half is None else rows[("even", "odd").index(half)::2]


def evaluate_plover(data: Path, limit: int | None = None, errors: bool = False,
                    half: str | None = None) -> dict:
    gold = every_nth(half_of(load_plover_gold(data / "events" / "plover_gsr.jsonl"), half), limit)
    documents = list(code_texts(s.text for s in gold))
    if errors:
        for sentence, document in zip(gold, documents, strict=True):
            main = main_event(document.events)
            types = {e.type for e in sentence.events}
            if main is None or main.type not in types:
                coded = [(e.type, e.modality, e.trigger.text) for e in document.events]
                print(f"  {sorted(types)} <- {coded} | {sentence.text[:140]}")
    return score_plover(gold, documents)


def evaluate_quad(data: Path, limit: int | None = None, errors: bool = False) -> dict:
    rows = every_nth(load_quad(data / "events" / "quad_dev.tsv"), limit)
    documents = list(code_texts(text for text, _ in rows))
    if errors:
        for (text, label), document in zip(rows, documents, strict=True):
            coded = quad_label(document.events)
            if coded != label:
                events = [(e.type, e.modality, e.trigger.text) for e in document.events]
                print(f"  {label} <- {coded} {events} | {text[:140]}")
    return score_quad(rows, documents)


def evaluate_police(data: Path, limit: int | None = None, errors: bool = False,
                    docs: str | None = None) -> dict:
    rows = [r for _, r in read_jsonl(data / "news" / "india_police_events_sents.jsonl")]
    if docs is not None:
        rows = [r for r in rows if int(r["doc_id"]) % 2 == (docs == "odd")]
    rows = every_nth(rows, limit)
    documents = list(code_texts(r["text"] for r in rows))
    if errors:
        for row, document in zip(rows, documents, strict=True):
            gold = "ANY_ACTION" in (row.get("labels") or [])
            coded = "ANY_ACTION" in police_labels(document)
            if gold != coded:
                events = [(e.type, e.mode, e.modality, e.trigger.text, [s.text for s in e.source])
                          for e in document.events]
                print(f"  gold={gold} {events} | {row['text'][:140]}")
    return score_police(rows, documents)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None, help="rows per set (even subsample)")
    parser.add_argument("--errors", action="store_true", help="print the sentences coded wrong")
    parser.add_argument("--only", choices=("plover", "quad", "police"), default=None)
    parser.add_argument("--half", choices=("even", "odd"), default=None,
                        help="PLOVER: only the even or the odd lines of the gold file")
    parser.add_argument("--docs", choices=("even", "odd"), default=None,
                        help="police: only the stories of this doc_id parity")
    args = parser.parse_args()
    runs = {"plover": evaluate_plover, "quad": evaluate_quad, "police": evaluate_police}
    for name, run in runs.items():
        if args.only and name != args.only:
            continue
        started = time.perf_counter()
        if name == "plover":
            scores = evaluate_plover(args.data, args.limit, args.errors, args.half)
        elif name == "police":
            scores = evaluate_police(args.data, args.limit, args.errors, args.docs)
        else:
            scores = run(args.data, args.limit, args.errors)
        scores["seconds"] = round(time.perf_counter() - started, 1)
        print(f"== {name}")
        print(json.dumps(scores, indent=1))


if __name__ == "__main__":
    main()
