"""Command-line commands of the quotes stage; `tripwire.cli` calls `register`.

`tripwire quotes PATH...` runs the whole analysis on each article and lists who said what.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from tripwire.document import Document, Quote
from tripwire.options import Paths, PublishedOption
from tripwire.render import cell, literal_console
from tripwire.runs import RunReport

MAX_QUOTE_CHARS = 160


class QuoteFormat(StrEnum):
    table = "table"
    json = "json"


def quote_record(document: Document, quote: Quote) -> dict[str, object]:
    """One quote as a flat JSON object, with the article it comes from."""
    speaker = quote.speaker
    return {
        "article": document.id,
        "kind": quote.kind,
        "speaker": speaker.text if speaker else None,
        "actor": speaker.actor if speaker else None,
        "cue": quote.cue,
        "quote": quote.text,
        "start": quote.start,
        "end": quote.end,
    }


def quote_table(rows: Iterable[dict[str, object]]) -> Table:
    """Speaker, quote and article in a table; long quotes are shortened."""
    table = Table("speaker", "actor", "kind", "quote", "article")
    for row in rows:
        text = str(row["quote"])
        if len(text) > MAX_QUOTE_CHARS:
            text = text[: MAX_QUOTE_CHARS - 1] + "…"
        table.add_row(cell(row["speaker"] or "?"), cell(row["actor"]), cell(row["kind"]),
                      cell(text), cell(row["article"]))
    return table


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""

    @app.command("quotes")
    def quotes_command(
        paths: Paths,
        published: PublishedOption = None,
        fmt: Annotated[QuoteFormat, typer.Option("--format", help="Output format.")] = (
            QuoteFormat.table
        ),
    ) -> None:
        """List the quotes of each article: speaker, actor id, kind, the words, the article."""
        report = RunReport(quiet=True)
        rows = [quote_record(d, q) for d in report.documents(paths, published) for q in d.quotes]
        report.finish("quotes")
        if fmt is QuoteFormat.json:
            sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
            return
        literal_console(soft_wrap=False).print(quote_table(rows))
