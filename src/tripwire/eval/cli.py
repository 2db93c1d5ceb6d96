"""`tripwire eval`: score a stage against gold data; `tripwire.cli` calls `register`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from tripwire.errors import TripwireError
from tripwire.events.cli import check_date, fail


def register(app: typer.Typer) -> None:
    """Add the `eval` group to the main app."""
    evaluate = typer.Typer(help="Score a stage against gold data.", no_args_is_help=True)
    app.add_typer(evaluate, name="eval")

    @evaluate.command("events")
    def eval_events(
        gold: Annotated[Path, typer.Argument(help="PLOVER-format gold JSONL")],
        published: Annotated[str | None, typer.Option("--published",
                                                      help="date for all records")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
    ) -> None:
        """Type accuracy, country accuracy, per-type P/R/F1 and false events against gold."""
        from tripwire.eval.events import code_texts, load_plover_gold, score_plover

        try:
            records = load_plover_gold(gold)
            documents = list(code_texts((r.text for r in records), check_date(published)))
        except TripwireError as error:
            raise fail(error) from error
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
