"""Human-readable views of Documents and store summaries for the terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tripwire.document import Document


def literal_console(stderr: bool = False, **options: Any) -> Console:
    """A console that prints strings as written: brackets, `:name:` and numbers in data or paths
    are never read as markup, emoji codes or highlighting (a quote's "[not]" stays in)."""
    return Console(stderr=stderr, markup=False, emoji=False, highlight=False, **options)


def cell(value: object) -> Text:
    """A table cell or title shown exactly as written, whichever console prints the table."""
    return Text("" if value is None else str(value))


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """'1 alert', '2 alerts', '0 alerts': counts in messages read as English."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def document_text(doc: Document) -> str:
    """A short plain-text digest of a Document: what an analyst reads first."""
    lines = [f"# {doc.title or doc.id}  ({doc.published or 'undated'})"]
    if doc.kicker:
        lines.append(f"kicker: {doc.kicker}")
    if doc.actors:
        lines.append("actors: " + ", ".join(f"{a.id} ({len(a.mentions)})" for a in doc.actors))
    for quote in doc.quotes:
        speaker = quote.speaker.actor or quote.speaker.text if quote.speaker else "?"
        lines.append(f"quote [{quote.kind}] {speaker}: {quote.text}")
    for time in doc.times:
        lines.append(f"time {time.text!r} -> {time.value}")
    for event in doc.events:
        source = "+".join(r.actor or r.text for r in event.source) or "?"
        target = "+".join(r.actor or r.text for r in event.target) or "?"
        lines.append(f"event {event.type} {source} -> {target} [{event.modality}] "
                     f"{event.date or ''} «{event.trigger.text}»")
    return "\n".join(lines) + "\n"


def stats_tables(summary: dict[str, Any]) -> list[Table]:
    counts = Table(title="stored")
    counts.add_column("table")
    counts.add_column("rows", justify="right")
    for table, n in summary["counts"].items():
        counts.add_row(cell(table), cell(n))
    first, last = summary["published"]
    counts.caption = cell(f"published {first} .. {last}")
    types = Table(title="events by type")
    for column in ("type", "modality", "count"):
        types.add_column(column)
    for row in summary["events_by_type"]:
        types.add_row(cell(row["type"]), cell(row["modality"]), cell(row["count"]))
    dyads = Table(title="top dyads (asserted)")
    for column in ("source", "target", "count"):
        dyads.add_column(column)
    for row in summary["top_dyads"]:
        dyads.add_row(cell(row["source"]), cell(row["target"]), cell(row["count"]))
    return [counts, types, dyads]
