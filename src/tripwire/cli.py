"""The `tripwire` command: a thin layer that parses options and calls the library."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from tripwire import __version__
from tripwire.actors import cli as actors_cli
from tripwire.clean import cli as clean_cli
from tripwire.document import SCHEMA, Document
from tripwire.errors import TripwireError
from tripwire.eval import cli as eval_cli
from tripwire.events import cli as events_cli
from tripwire.options import ActorsOption, DbOption, Paths, PublishedOption, use_actor_files
from tripwire.quotes import cli as quotes_cli
from tripwire.render import counted, document_text, literal_console
from tripwire.runs import RunReport, show_notes, stderr
from tripwire.scale import cli as scale_cli
from tripwire.server import cli as server_cli
from tripwire.signals import cli as signals_cli
from tripwire.signals.incidents import build_incidents
from tripwire.store import IngestResult, Store, default_db_path, interrupted
from tripwire.timex import cli as timex_cli

INGEST_BATCH = 64

app = typer.Typer(
    name="tripwire",
    help="Sourced political event data and escalation alerts from raw news reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class DocFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    text = "text"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    plover = "plover"
    gdelt = "gdelt"


StrictOption = Annotated[bool, typer.Option("--strict", help="Stop at the first bad record.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")]
WorkersOption = Annotated[int, typer.Option("--workers", min=1, help="Worker processes.")]


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"tripwire {__version__} (schema {SCHEMA})")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[bool, typer.Option(
        "--version", callback=_show_version, is_eager=True, help="Print the version and exit.")]
    = False,
) -> None:
    """Options of `tripwire` itself, before any command."""


@app.command()
def analyze(
    paths: Paths,
    published: PublishedOption = None,
    fmt: Annotated[DocFormat, typer.Option("--format", help="Output format.")] = DocFormat.jsonl,
    actors: ActorsOption = None,
    strict: StrictOption = False,
    quiet: QuietOption = False,
    workers: WorkersOption = 1,
) -> None:
    """Analyse reports and print tripwire/1 Documents (nothing is stored)."""
    use_actor_files(actors)
    report = RunReport(strict, quiet)
    out = sys.stdout
    try:
        for doc in report.documents(paths, published, workers):
            if fmt is DocFormat.jsonl:
                out.write(doc.to_json() + "\n")
            elif fmt is DocFormat.json:
                out.write(doc.to_json(indent=2) + "\n")
            else:
                out.write(document_text(doc) + "\n")
            out.flush()
    except KeyboardInterrupt:
        _interrupted(f"{counted(report.articles, 'article')} analysed and written")
    report.finish("analysed")


@app.command()
def ingest(
    paths: Paths,
    db: DbOption = None,
    published: PublishedOption = None,
    actors: ActorsOption = None,
    strict: StrictOption = False,
    quiet: QuietOption = False,
    workers: WorkersOption = 1,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Articles per transaction.")
    ] = INGEST_BATCH,
) -> None:
    """Analyse reports and store them; each batch is one transaction, duplicates are skipped."""
    use_actor_files(actors)
    report = RunReport(strict, quiet)
    with Store(db or default_db_path()) as store:
        writer = _BatchWriter(store)
        try:
            # Analysis is the bottleneck; DuckDB on one thread keeps its memory flat over a long
            # run (more threads each keep their own allocator arena and buffers, which grow).
            store.cursor().execute("SET threads = 1")
            for doc in report.documents(paths, published, workers, store.content_hashes()):
                writer.add(doc, batch_size)
            writer.flush()
            if writer.total.added:
                build_incidents(store)  # (rebuilt when signals are read, if cut short here)
        except BaseException as exc:  # a Ctrl-C inside a DuckDB query arrives as its error
            if not interrupted(exc):
                raise
            writer.flush()  # what was analysed before Ctrl-C is kept
            _interrupted(f"{counted(writer.total.added, 'article')} stored, rerun to continue")
    report.finish("ingested")
    if not quiet:
        already = writer.total.duplicates + report.already_stored
        stderr.print(f"stored {counted(writer.total.added, 'new article')}, {already} already "
                     f"stored, in {store.path}")


class _BatchWriter:
    """Stores Documents a batch (one transaction) at a time and adds up what was stored."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.batch: list[Document] = []
        self.total = IngestResult()

    def add(self, doc: Document, batch_size: int) -> None:
        self.batch.append(doc)
        if len(self.batch) >= batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        result = self.store.ingest(self.batch)
        self.batch = []
        self.total.added += result.added
        self.total.duplicates += result.duplicates
        self.total.events += result.events
        self.total.renamed += result.renamed
        for given, stored_as in result.renamed:
            stderr.print(f"note: id {given} already used by a different article; stored as "
                         f"{stored_as}")


def _interrupted(done: str) -> None:
    """Ctrl-C: say what was done and that a rerun continues; exit 130 as a shell expects."""
    stderr.print(f"interrupted: {done}")
    raise SystemExit(130)


@app.command()
def stats(
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Say what the database holds."""
    with Store(db or default_db_path(), read_only=True) as store:
        summary = store.stats()
    if fmt == "json":
        print(json.dumps(summary, indent=2))
        return
    if fmt != "table":
        raise TripwireError("E008", f"unknown --format {fmt!r} (use table or json)")
    from tripwire.render import stats_tables

    literal_console().print(*stats_tables(summary))


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", help="Output format.")],
    db: DbOption = None,
    out: Annotated[str | None, typer.Option("--out", help="File or folder (parquet).")] = None,
) -> None:
    """Export stored data: Documents as JSONL, events as CSV or date-partitioned Parquet."""
    from tripwire.signals.store import open_signals_store
    from tripwire.store.export import export_store

    path = db or default_db_path()
    # GDELT rows are incidents: opened writable only if they must be brought up to date
    opened = (open_signals_store(path) if fmt is ExportFormat.gdelt
              else Store(path, read_only=True))
    with opened as store:
        written = export_store(store, fmt.value, out)
    if written:
        stderr.print(f"wrote {written}")


for stage in (actors_cli, clean_cli, quotes_cli, timex_cli, events_cli, eval_cli, signals_cli,
              server_cli, scale_cli):
    stage.register(app)


def main() -> None:
    """Entry point: user errors become one line on stderr and a non-zero exit."""
    show_notes()
    try:
        app()
    except TripwireError as exc:
        stderr.print(f"error: {exc.render()}")
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except RuntimeError as exc:
        if interrupted(exc):
            raise SystemExit(130) from None
        raise
    except BrokenPipeError:
        raise SystemExit(0) from None
