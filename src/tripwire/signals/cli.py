"""Command-line commands of the signals stage; `tripwire.cli` calls `register`."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.table import Table

from tripwire.ontology import ontology
from tripwire.options import DbOption
from tripwire.render import cell, counted, literal_console
from tripwire.signals.alerts import Alert, find_alerts
from tripwire.signals.backtest import BacktestResult, Reach, run_backtest
from tripwire.signals.incidents import build_incidents
from tripwire.signals.report import write_report
from tripwire.signals.selection import parse_dyad, resolve_actor
from tripwire.signals.series import series
from tripwire.signals.settings import (
    LEVELS,
    AlertSettings,
    IncidentSettings,
    Period,
    setting_help,
)
from tripwire.signals.store import open_signals_store
from tripwire.signals.timeline import read_timeline
from tripwire.store import default_db_path

_ALERT = AlertSettings()


class SeriesFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class AlertFormat(StrEnum):
    table = "table"
    json = "json"


_DEFAULT_REPORT = Path("report.html")


def _help(name: str) -> str:
    return setting_help(AlertSettings, name)


def signals(
    dyad: Annotated[str | None, typer.Option(
        "--dyad", help="SOURCE-TARGET actor ids or names (also SOURCE->TARGET, SOURCE,TARGET).")] = None,
    actor: Annotated[str | None, typer.Option(
        "--actor", help="One actor: incidents where it is source or target.")] = None,
    start: Annotated[str | None, typer.Option("--from", help="First day (YYYY-MM-DD).")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last day (YYYY-MM-DD).")] = None,
    by: Annotated[Period, typer.Option("--by", help="Period.")] = Period.day,
    undirected: Annotated[bool, typer.Option(
        "--undirected", help="With --dyad: count both directions.")] = False,
    fmt: Annotated[SeriesFormat, typer.Option("--format", help="Output format.")] = SeriesFormat.table,
    db: DbOption = None,
) -> None:
    """Incidents per day or week by PLOVER quad and type, with coverage-normalised rates."""
    with open_signals_store(db or default_db_path()) as store:
        cur = store.cursor()
        pair = parse_dyad(cur, dyad) if dyad else None
        who = resolve_actor(cur, actor) if actor else None
        frame = series(store, dyad=pair, actor=who, start=start, end=end, by=by.value,
                       directed=not undirected)
    frame["period"] = frame["period"].astype(str)
    if fmt is SeriesFormat.csv:
        frame.to_csv(sys.stdout, index=False)
    elif fmt is SeriesFormat.json:
        print(frame.to_json(orient="records", indent=2))
    else:
        console = literal_console()
        console.width = max(console.width, 110)
        console.print(_series_table(frame, pair, who))


class Level(StrEnum):
    watch = "watch"
    warning = "warning"
    alarm = "alarm"


def alerts(
    fmt: Annotated[AlertFormat, typer.Option("--format", help="Output format.")] = AlertFormat.table,
    min_level: Annotated[Level, typer.Option(
        "--min-level", help="Show alerts at this level or above.")] = Level.watch,
    directed: Annotated[bool, typer.Option("--directed", help=_help("directed"))] = _ALERT.directed,
    recent_days: Annotated[int, typer.Option(
        "--recent-days", help=_help("recent_days"))] = _ALERT.recent_days,
    baseline_days: Annotated[int, typer.Option(
        "--baseline-days", help=_help("baseline_days"))] = _ALERT.baseline_days,
    p_fire: Annotated[float, typer.Option("--p-fire", help=_help("p_fire"))] = _ALERT.p_fire,
    min_incidents: Annotated[int, typer.Option(
        "--min-incidents", help=_help("min_incidents"))] = _ALERT.min_incidents,
    min_articles: Annotated[int, typer.Option(
        "--min-articles", help=_help("min_articles"))] = _ALERT.min_articles,
    min_sources: Annotated[int, typer.Option(
        "--min-sources", help=_help("min_sources"))] = _ALERT.min_sources,
    cooldown_days: Annotated[int, typer.Option(
        "--cooldown-days", help=_help("cooldown_days"))] = _ALERT.cooldown_days,
    db: DbOption = None,
) -> None:
    """Dyads getting worse against their own baseline: level, detectors, numbers and evidence."""
    settings = AlertSettings(
        directed=directed, recent_days=recent_days, baseline_days=baseline_days,
        min_baseline_days=min(_ALERT.min_baseline_days, baseline_days),
        p_fire=p_fire, p_strong=min(_ALERT.p_strong, p_fire), min_incidents=min_incidents,
        min_articles=min_articles, min_sources=min_sources, cooldown_days=cooldown_days)
    with open_signals_store(db or default_db_path()) as store:
        found = find_alerts(store, settings)
    found = [a for a in found if LEVELS.index(a.level) >= LEVELS.index(min_level.value)]
    if fmt is AlertFormat.json:
        print(json.dumps([a.to_dict() for a in found], indent=2, ensure_ascii=False))
        return
    console = literal_console()
    console.width = max(console.width, 120)
    console.print(_alerts_table(found))
    for n, alert in enumerate(found, 1):
        console.print(f"{n}. {alert.summary}", soft_wrap=True)
        for line in alert.evidence:
            console.print(f"   {line['date']} {line['type']} {line['source']}->{line['target']}: "
                          f"\"{line['sentence']}\" ({line['outlet'] or line['title'] or 'article'}, "
                          f"{line['published']})", soft_wrap=True)


def report(
    out: Annotated[Path, typer.Option("--out", help="HTML file to write.")] = _DEFAULT_REPORT,
    top: Annotated[int, typer.Option("--top", min=1, max=50, help="Dyads to plot.")] = 6,
    by: Annotated[Period, typer.Option("--by", help="Period of the charted incidents.")]
    = Period.day,
    db: DbOption = None,
) -> None:
    """Write a self-contained HTML report: top dyads, their detectors, alerts and evidence."""
    with open_signals_store(db or default_db_path()) as store:
        written = write_report(store, out, top=top, by=by.value)
    literal_console(stderr=True).print(f"wrote {written}")


def incidents(
    window_days: Annotated[int, typer.Option(
        "--window-days", help=setting_help(IncidentSettings, "window_days"))] = 1,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Re-cluster every event.")] = False,
    db: DbOption = None,
) -> None:
    """Cluster stored events into incidents (done automatically when signals are read)."""
    with open_signals_store(db or default_db_path(), writable=True) as store:
        count = build_incidents(store, IncidentSettings(window_days=window_days), rebuild=rebuild)
    literal_console(stderr=True).print(counted(count, "incident"))


_SHOWN = [("period", "period"), ("incidents", "inc"), ("mentions", "ment"),
          *((quad.name, quad.short) for quad in ontology().quads.values()),
          ("intensity", "intens"), ("coverage", "articles"),
          ("incidents_per_article", "inc/art"), ("conflict_share", "c.share")]


def _series_table(frame: pd.DataFrame, dyad: tuple[str, str] | None, actor: str | None) -> Table:
    title = f"{dyad[0]} -> {dyad[1]}" if dyad else actor or "all incidents"
    table = Table(title=cell(f"signals: {title}"))
    for _, header in _SHOWN:
        if header == "period":
            table.add_column(header, no_wrap=True, min_width=10)
        else:
            table.add_column(header, justify="right")
    for row in frame.itertuples(index=False):
        table.add_row(*(cell(_number(getattr(row, column))) for column, _ in _SHOWN))
    return table


def _alerts_table(found: list[Alert]) -> Table:
    table = Table(title=counted(len(found), "alert"))
    for header in ("#", "level", "dyad", "start", "end", "first alerted", "detectors",
                   "events"):
        table.add_column(header, no_wrap=header != "detectors",
                         min_width=24 if header == "detectors" else None)
    for n, a in enumerate(found, 1):
        arrow = "->" if a.directed else "<->"
        table.add_row(cell(n), cell(a.level), cell(f"{a.source}{arrow}{a.target}"),
                      cell(a.start), cell(a.end), cell(a.first_alerted),
                      cell(", ".join(a.detectors)), cell(len(a.event_ids)))
    return table


def _number(value: object) -> object:
    if isinstance(value, float):
        return "" if pd.isna(value) else f"{value:.3g}"
    return value


def backtest(
    timeline: Annotated[Path, typer.Option(
        "--timeline", help="CSV or JSON of dated milestones: date,a,b,what,source[,url].")],
    fmt: Annotated[AlertFormat, typer.Option("--format", help="Output format.")] = AlertFormat.table,
    lookback_days: Annotated[int, typer.Option(
        "--lookback-days", min=0, help="An alert counts for a milestone from this many days "
                                       "before it ...")] = Reach.lookback_days,
    grace_days: Annotated[int, typer.Option(
        "--grace-days", min=0, help="... to this many days after it (late).")] = Reach.grace_days,
    db: DbOption = None,
) -> None:
    """Score the alerts against a timeline: lead per milestone, misses and false alarms."""
    milestones = read_timeline(timeline)
    with open_signals_store(db or default_db_path()) as store:
        result = run_backtest(store, milestones, reach=Reach(lookback_days, grace_days))
    if fmt is AlertFormat.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return
    console = literal_console()
    console.width = max(console.width, 120)
    for table in _backtest_tables(result):
        console.print(table)


def _backtest_tables(result: BacktestResult) -> list[Table]:
    """Milestones, false alarms and the summary; every cell shown as written."""
    milestones = Table(title=f"{len(result.milestones)} milestones")
    for header in ("date", "pair", "what", "status", "alerted", "level then", "lead (days)",
                   "lead by level"):
        milestones.add_column(header, overflow="fold")
    for r in result.milestones:
        m = r.milestone
        milestones.add_row(cell(m.date), cell(f"{m.a}-{m.b}"), cell(m.what), cell(r.status),
                           cell(r.alerted or ""), cell(r.level or ""),
                           cell("" if r.lead_days is None else r.lead_days),
                           cell(", ".join(f"{k} {v}" for k, v in r.level_leads.items())))
    alarms = Table(title=f"{len(result.false_alarms)} pairs alerted but not in the timeline")
    for header in ("pair", "alerts", "first alerted", "levels"):
        alarms.add_column(header)
    for p in result.false_alarms:
        alarms.add_row(cell(f"{p.pair[0]}-{p.pair[1]}"), cell(len(p.alert_ids)),
                       cell(p.first_alerted), cell(", ".join(p.levels)))
    summary = Table(title="summary", show_header=False)
    for key, value in result.summary.items():
        summary.add_row(cell(key.replace("_", " ")), cell(value))
    return [milestones, alarms, summary]


def register(app: typer.Typer) -> None:
    """Add this stage's commands to the main app."""
    for command in (signals, alerts, report, incidents, backtest):
        app.command()(command)

