"""What a signals query is about: actors and dyads as users type them, and date bounds."""

from __future__ import annotations

import datetime as dt

import duckdb

from tripwire.dates import parse_date
from tripwire.errors import TripwireError

DYAD_SEPARATORS = ("->", ",", "-")


def resolve_actor(cur: duckdb.DuckDBPyConnection, text: str) -> str:
    """A stored actor id from an id or a name, in any case ("tur", "Turkey" -> "TUR")."""
    wanted = text.strip()
    if not wanted:
        raise TripwireError("E008", "empty actor")
    row = cur.execute(
        """
        WITH known AS (
            SELECT id, name FROM actors
            UNION ALL SELECT DISTINCT source_actor, NULL FROM events WHERE source_actor = $1
            UNION ALL SELECT DISTINCT target_actor, NULL FROM events WHERE target_actor = $1)
        SELECT id FROM known
        WHERE id = $1 OR lower(id) = lower($1) OR lower(name) = lower($1)
        ORDER BY id = $1 DESC, lower(id) = lower($1) DESC, id LIMIT 1
        """, [wanted]).fetchone()
    if row is None:
        raise TripwireError("E008", f"unknown actor {wanted!r}: no stored actor has that id or name")
    return str(row[0])


def parse_dyad(cur: duckdb.DuckDBPyConnection, text: str) -> tuple[str, str]:
    """(source, target) from "A-B", "A->B" or "A,B"; ids may hold hyphens (person:jens-x)."""
    for separator in DYAD_SEPARATORS[:2]:
        if separator in text:
            left, _, right = text.partition(separator)
            return resolve_actor(cur, left), resolve_actor(cur, right)
    splits = [(text[:i], text[i + 1:]) for i, char in enumerate(text) if char == "-"]
    resolved = []
    for left, right in splits:
        try:
            resolved.append((resolve_actor(cur, left), resolve_actor(cur, right)))
        except TripwireError:
            continue
    if len(resolved) == 1:
        return resolved[0]
    if not splits:
        raise TripwireError("E008", f"bad dyad {text!r}: write SOURCE-TARGET, e.g. TUR-SYR")
    if not resolved:
        raise TripwireError("E008", f"bad dyad {text!r}: no split names two stored actors")
    raise TripwireError("E008", f"ambiguous dyad {text!r}: write SOURCE->TARGET")


def parse_day(value: str | dt.date | None, where: str) -> dt.date | None:
    """A date bound from a date or a string in any format `tripwire.dates` accepts."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(parse_date(value, where))


def parse_range(start: str | dt.date | None,
                end: str | dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    first, last = parse_day(start, "--from"), parse_day(end, "--to")
    if first and last and first > last:
        raise TripwireError("E006", f"--from {first} is after --to {last}")
    return first, last
