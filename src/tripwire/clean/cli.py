"""Command-line commands of the clean stage; `tripwire.cli` calls `register`.

`tripwire clean PATH...` shows what the cleaner keeps of each article and what it moved out and
why, without running the NLP stages: the quickest way to check a new source.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

from tripwire.clean import CleanedArticle, clean_article
from tripwire.document import Article
from tripwire.options import Paths, PublishedOption
from tripwire.runs import RunReport


class CleanFormat(StrEnum):
    jsonl = "jsonl"
    text = "text"


def cleaned_record(article: Article, cleaned: CleanedArticle) -> dict[str, object]:
    """One JSON line: the input's id and origin, then the cleaned fields."""
    return {"id": article.id, "origin": article.origin, **dataclasses.asdict(cleaned)}


def render_cleaned(article: Article, cleaned: CleanedArticle) -> str:
    """A human-readable view: the metadata, the body, then every removal and repair."""
    lines = [f"== {article.origin}"]
    for name in ("title", "published", "kicker"):
        value = getattr(cleaned, name)
        if value:
            lines.append(f"{name}: {value}")
    lines += ["", cleaned.text, ""]
    lines += [f"[subhead @{s.start}] {s.text}" for s in cleaned.subheads]
    lines += [f"[caption, credit {c.credit}] {c.text}" for c in cleaned.captions]
    lines += [f"[removed: {r.kind}] {r.text}" for r in cleaned.removed]
    lines += [f"[repair: {r.kind}] {r.before!r} -> {r.after!r}" for r in cleaned.repairs]
    return "\n".join(lines) + "\n"


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""

    @app.command("clean")
    def clean_command(
        paths: Paths,
        published: PublishedOption = None,
        fmt: Annotated[
            CleanFormat, typer.Option("--format", help="Output format.")
        ] = CleanFormat.text,
    ) -> None:
        """Clean articles (no NLP): the body kept, and what was removed or repaired and why."""
        report = RunReport(quiet=True)
        for item in report.articles_read(paths, published):
            cleaned = clean_article(item)
            if fmt is CleanFormat.jsonl:
                sys.stdout.write(
                    json.dumps(cleaned_record(item, cleaned), ensure_ascii=False) + "\n"
                )
            else:
                sys.stdout.write(render_cleaned(item, cleaned))
        report.finish("cleaned")
