"""Command-line commands of the events stage; `tripwire.cli` calls `register`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer

from tripwire.errors import TripwireError


def _eval_group(app: typer.Typer) -> typer.Typer:
    """The shared `tripwire eval` group: reuse it if another stage added it first."""
    for group in app.registered_groups:
        if group.name == "eval" and group.typer_instance is not None:
            return group.typer_instance
    group = typer.Typer(help="Score a stage against gold data.", no_args_is_help=True)
    app.add_typer(group, name="eval")
    return group


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise TripwireError("E006", f"--published {value!r} is not a date (YYYY-MM-DD)") from exc


def _fail(error: TripwireError) -> typer.Exit:
    typer.echo(f"error: {error.render()}", err=True)
    return typer.Exit(code=2)


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""

    @app.command("explain")
    def explain(
        sentence: Annotated[str, typer.Argument(help="the sentence (or short text) to code")],
        published: Annotated[str | None, typer.Option("--published",
                                                      help="publication date")] = None,
    ) -> None:
        """Show the parse, matched patterns, modality cues and why each event was coded."""
        from tripwire.events.explain import explain_sentence

        try:
            lines = explain_sentence(sentence, _check_date(published))
        except TripwireError as error:
            raise _fail(error) from error
        typer.echo("\n".join(lines))

    evaluate = _eval_group(app)

    @evaluate.command("events")
    def eval_events(
        gold: Annotated[Path, typer.Argument(help="PLOVER-format gold JSONL")],
        published: Annotated[str | None, typer.Option("--published",
                                                      help="date for all records")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
    ) -> None:
        """Type accuracy, country accuracy, per-type P/R/F1 and false events against gold."""
        from tripwire.events.evaluate import code_texts, load_plover_gold, score_plover

        try:
            records = load_plover_gold(gold)
            documents = list(code_texts((r.text for r in records), _check_date(published)))
        except TripwireError as error:
            raise _fail(error) from error
        scores = score_plover(records, documents)
        if as_json:
            typer.echo(json.dumps(scores, indent=1))
            return
        for key in ("sentences", "gold_events", "type_accuracy", "matched_events",
                    "source_country_accuracy", "target_country_accuracy", "triple_f1",
                    "no_event_sentences", "false_event_rate"):
            if key in scores:
                typer.echo(f"{key:<26} {scores[key]}")
        typer.echo(f"{'type':<12} {'P':>6} {'R':>6} {'F1':>6}")
        for name, row in scores["per_type"].items():
            typer.echo(f"{name:<12} {row['precision']:>6.3f} {row['recall']:>6.3f} "
                       f"{row['f1']:>6.3f}")
