"""Signals at scale: 10 million synthetic events in one DuckDB file, then series, detector and alert timings.

    python benchmarks/signals.py [--events 10000000] [--db /tmp/tripwire-signals-bench.duckdb]

Events are generated in SQL with range(): 200 invented state actors, drawn with a skew so that a
few are busy (the busiest in about a quarter of all articles, as a superpower is in world news), three years of days, the 16 PLOVER types, one
article for every five events and two actor mentions an article. Each happening is reported by
one to three articles, so incident clustering has real work to do. Prints the time to build the
file, to cluster incidents, to compute series, the share index and all the escalation detectors
of the busiest dyad (cold and warm), and all alerts (every detector over the 200 busiest dyads,
the evidence gate and the alerts' evidence).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
# Clustering ten million events into incidents needs more than the store's default memory
# limit (TRIPWIRE_DB_MEMORY, 512MB); the benchmark gives it 4GB unless told otherwise.
os.environ.setdefault("TRIPWIRE_DB_MEMORY", "4GB")

from tripwire.signals.alerts import detector_frame, find_alerts  # noqa: E402
from tripwire.signals.incidents import build_incidents  # noqa: E402
from tripwire.signals.index import escalation_index  # noqa: E402
from tripwire.signals.series import series  # noqa: E402
from tripwire.store import Store  # noqa: E402

TYPES = [("AGREE", "verbal_cooperation", 4.0), ("CONSULT", "verbal_cooperation", 2.5),
         ("SUPPORT", "verbal_cooperation", 3.0), ("CONCEDE", "verbal_cooperation", 5.0),
         ("COOPERATE", "material_cooperation", 9.5), ("AID", "material_cooperation", 10.0),
         ("RETREAT", "material_cooperation", 6.0), ("REQUEST", "verbal_conflict", 0.0),
         ("ACCUSE", "verbal_conflict", -2.0), ("REJECT", "verbal_conflict", -4.0),
         ("THREATEN", "verbal_conflict", -3.5), ("PROTEST", "material_conflict", -4.5),
         ("SANCTION", "material_conflict", -6.0), ("MOBILIZE", "material_conflict", -5.5),
         ("COERCE", "material_conflict", -7.0), ("ASSAULT", "material_conflict", -9.0)]

# The store's secondary indexes are dropped for the bulk load and rebuilt after it: maintaining
# them row by row is what makes a bulk insert slow, not the data.
_INDEXES = {"events_date": "events (date)", "events_dyad": "events (source_actor, target_actor)",
            "mentions_article": "mentions (article_id)"}

_GENERATE = """
CREATE TEMP TABLE kinds AS SELECT * FROM (VALUES {kinds}) t(k, type, quad, intensity);

INSERT INTO articles (id, content_hash, source, published, text, document)
SELECT 'a' || i, 'h' || i, 'outlet' || (i % 40),
       DATE '2023-01-01' + CAST(i % {days} AS INTEGER), '', '{{}}'
FROM range({articles}) r(i);

-- a happening: a skewed dyad (low actor numbers are busy), a day, a type, reported 1-3 times
CREATE TEMP TABLE happenings AS
SELECT h,
       'S' || lpad(CAST(CAST(floor(pow(random(), 1.5) * 200) AS INTEGER) AS VARCHAR), 3, '0') AS s,
       'S' || lpad(CAST(CAST(floor(pow(random(), 1.5) * 200) AS INTEGER) AS VARCHAR), 3, '0') AS t,
       DATE '2023-01-01' + CAST(floor(random() * {days}) AS INTEGER) AS day,
       CAST(floor(random() * 16) AS INTEGER) AS k,
       1 + CAST(floor(random() * 3) AS INTEGER) AS reports
FROM range({happenings}) r(h);

INSERT INTO events (id, article_id, published, type, quad, intensity, date, date_precision,
                    modality, source_actor, source_country, target_actor, target_country,
                    trigger_text, confidence, mention_count)
SELECT 'e' || h || '-' || n, 'a' || ((h * 7 + n) % {articles}), day + CAST(n - 1 AS INTEGER), kinds.type,
       kinds.quad, kinds.intensity, day, 'day',
       CASE WHEN (h + n) % 10 = 0 THEN 'future' ELSE 'asserted' END,
       s, s, t, t, lower(kinds.type), 0.8, 1
FROM happenings JOIN kinds USING (k), range(1, 4) n(n)
WHERE n <= reports
LIMIT {events};

INSERT INTO mentions (article_id, actor_id, start, "end", text)
SELECT DISTINCT article_id, actor, 0, 4, actor
FROM (SELECT article_id, source_actor AS actor FROM events
      UNION ALL SELECT article_id, target_actor FROM events);
"""


def build(path: Path, events: int) -> None:
    if path.exists():
        path.unlink()
    kinds = ", ".join(f"({k}, '{t}', '{q}', {i})" for k, (t, q, i) in enumerate(TYPES))
    with Store(path) as store:
        for name in _INDEXES:
            store.con.execute(f"DROP INDEX {name}")
        store.con.execute(_GENERATE.format(kinds=kinds, days=3 * 365, articles=events // 5,
                                           happenings=events // 2 + 1, events=events))
        for name, target in _INDEXES.items():
            store.con.execute(f"CREATE INDEX {name} ON {target}")


def timed(label: str, work, repeat: int = 1):  # type: ignore[no-untyped-def]
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    print(f"{label:<48} {best:8.3f} s", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/tripwire-signals-bench.duckdb"))
    parser.add_argument("--keep", action="store_true", help="keep the database file")
    parser.add_argument("--reuse", action="store_true",
                        help="time the signals on the database an earlier --keep run left")
    args = parser.parse_args()
    print(f"{args.events:,} synthetic events in {args.db} on {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}")
    if not args.reuse:
        timed("generate events, articles, mentions (SQL)", lambda: build(args.db, args.events))
    with Store(args.db) as store:
        if not args.reuse:
            count = timed("cluster incidents (full build)", lambda: build_incidents(store))
            print(f"  -> {count:,} incidents")
        timed("incidents already current (no-op build)", lambda: build_incidents(store))
        dyad_row = store.con.execute(
            "SELECT source_actor, target_actor, count(*) FROM incidents "
            "WHERE happened AND source_actor <> target_actor "
            "GROUP BY ALL ORDER BY 3 DESC LIMIT 1").fetchone()
        assert dyad_row is not None
        dyad = (dyad_row[0], dyad_row[1])
        print(f"busiest dyad {dyad[0]}->{dyad[1]}: {dyad_row[2]:,} incidents")
        daily = timed("series, one dyad, by day (cold)", lambda: series(store, dyad=dyad))
        timed("series, one dyad, by day (warm, best of 5)", lambda: series(store, dyad=dyad), 5)
        timed("series, one dyad, by week (best of 5)",
              lambda: series(store, dyad=dyad, by="week"), 5)
        timed("series, one actor, by day (best of 5)", lambda: series(store, actor=dyad[0]), 5)
        quiet = ("S150", "S151")
        timed("series, a quiet dyad, by day (best of 5)", lambda: series(store, dyad=quiet), 5)
        indexed = timed("series + escalation index, one dyad (best of 5)",
                        lambda: escalation_index(store, dyad), 5)
        print(f"  -> {len(daily)} days, index max {indexed['index'].max():.2f}")
        detectors = timed("all detectors, busiest dyad (cold)", lambda: detector_frame(store, dyad))
        timed("all detectors, busiest dyad (warm, best of 5)",
              lambda: detector_frame(store, dyad), 5)
        timed("all detectors, a quiet dyad (best of 5)", lambda: detector_frame(store, quiet), 5)
        print(f"  -> {len(detectors)} days, highest level {int(detectors['level'].max())}")
        alerts = timed("alerts over the 200 busiest dyads", lambda: find_alerts(store))
        print(f"  -> {len(alerts)} alerts; load average now {os.getloadavg()[0]:.1f}")
    if not (args.keep or args.reuse):
        args.db.unlink()


if __name__ == "__main__":
    main()
