"""A self-contained HTML report: the top dyads, their detectors, alerts and their evidence.

One file with plotly.js inlined (never a CDN), so it opens offline and can be mailed around.
Every alert lists the incidents that drove it and the sentences they were read from.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import math
from pathlib import Path

import duckdb
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from tripwire.errors import TripwireError
from tripwire.ontology import ontology
from tripwire.render import counted
from tripwire.signals.alerts import Alert, detector_frame, find_alerts, judged_dyads
from tripwire.signals.detectors import DETECTORS
from tripwire.signals.incidents import ensure_incidents
from tripwire.signals.series import series
from tripwire.signals.settings import CONFLICT_QUADS, LEVELS, QUADS, AlertSettings
from tripwire.signals.window import signal_window
from tripwire.store import Store

QUAD_COLOURS = {quad.name: quad.colour for quad in ontology().quads.values()}
MAX_ALERTS = 12
SENTENCES_PER_INCIDENT = 3

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; }
h1 { margin-bottom: .2rem; } .muted { color: #666; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; width: 100%; font-size: .9rem; }
th, td { border-bottom: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: top; }
.alert { border-left: 4px solid #b30000; padding: .2rem 1rem; margin: 1rem 0; background: #fff7f5; }
.alert.watch { border-color: #e6a100; background: #fffbef; }
.alert.warning { border-color: #e65c00; }
.level { text-transform: uppercase; font-weight: bold; }
blockquote { margin: .2rem 0; color: #444; font-style: italic; }
"""


def write_report(store: Store, out: str | Path, settings: AlertSettings | None = None,
                 top: int = 6, by: str = "day") -> Path:
    """Render the report and write it; returns the path."""
    path = Path(out)
    page = render_report(store, settings, top, by)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise TripwireError("E040", f"cannot write the report: {exc.strerror}", str(path)) from exc
    return path


def render_report(store: Store, settings: AlertSettings | None = None, top: int = 6,
                  by: str = "day") -> str:
    """The report as one HTML string."""
    settings = settings or AlertSettings()
    ensure_incidents(store)
    cur = store.cursor()
    names = _actor_names(cur)
    found = find_alerts(store, settings)
    dyads = _top_dyads(cur, top)
    figures: list[str] = []
    if not dyads.empty:
        figures.append(_plot(_dyads_figure(dyads, names), first=True))
        undirected = dataclasses.replace(settings, directed=False)
        judged = judged_dyads(store, undirected)
        for source, target in dyads[["a", "b"]].itertuples(index=False):
            figures.append(_dyad_section(store, (source, target), names, undirected, judged,
                                         found, by))
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<title>tripwire signals report</title>", f"<style>{_STYLE}</style></head><body>",
        "<h1>tripwire signals report</h1>", _overview(cur, store.path, len(found)),
        "<h2>Alerts</h2>", _alerts_html(cur, found[:MAX_ALERTS], names),
        "<h2>Most active dyads</h2>",
        *(figures or ["<p>No incidents between two known actors yet.</p>"]),
        "</body></html>",
    ]
    return "\n".join(parts)


def _overview(cur: duckdb.DuckDBPyConnection, path: str, alerts: int) -> str:
    articles, first, last = cur.execute(
        "SELECT count(*), min(published), max(published) FROM articles").fetchone() or (0, None, None)
    events, incidents, happened = cur.execute(
        "SELECT (SELECT count(*) FROM events), count(*), count(*) FILTER (WHERE happened) "
        "FROM incidents").fetchone() or (0, 0, 0)
    return (f"<p class='muted'>{_e(path)} &middot; {counted(articles, 'article')} published "
            f"{first or '-'} to {last or '-'} &middot; {counted(events, 'event')} in "
            f"{counted(incidents, 'incident')} ({happened} that happened) &middot; "
            f"{counted(alerts, 'alert')} &middot; generated {dt.date.today()}</p>")


def _top_dyads(cur: duckdb.DuckDBPyConnection, top: int) -> pd.DataFrame:
    """Undirected pairs with the most incidents that happened in the articles' window, with
    counts per quad."""
    quads = ", ".join(f"count(*) FILTER (WHERE quad = '{q}') AS {q}" for q in QUADS)
    window = signal_window(cur)
    if window is None:
        return pd.DataFrame(columns=["a", "b", "incidents", *QUADS])
    return cur.execute(
        f"""
        SELECT least(source_actor, target_actor) AS a, greatest(source_actor, target_actor) AS b,
               count(*) AS incidents, {quads}
        FROM incidents
        WHERE happened AND source_actor IS NOT NULL AND target_actor IS NOT NULL
          AND source_actor <> target_actor AND date BETWEEN $start AND $end
        GROUP BY ALL ORDER BY incidents DESC, a, b LIMIT $top
        """, {"top": top, "start": window[0], "end": window[1]}).df()


def _dyads_figure(dyads: pd.DataFrame, names: dict[str, str]) -> go.Figure:
    labels = [f"{names.get(a, a)} - {names.get(b, b)}" for a, b in zip(dyads["a"], dyads["b"], strict=True)]
    figure = go.Figure([go.Bar(name=ontology().quads[q].label, x=labels, y=dyads[q],
                               marker_color=QUAD_COLOURS[q]) for q in QUADS])
    figure.update_layout(barmode="stack", title="Incidents by dyad and PLOVER quad",
                         height=380, margin={"t": 50, "b": 40})
    return figure


def _dyad_section(store: Store, dyad: tuple[str, str], names: dict[str, str],
                  settings: AlertSettings, judged: int, found: list[Alert], by: str) -> str:
    """One dyad's chart: its incidents by quad and its detectors (`settings` undirected, among
    `judged` dyads)."""
    counts = series(store, dyad=dyad, by=by, directed=False)
    detectors = detector_frame(store, dyad, settings, judged=judged)
    title = f"{names.get(dyad[0], dyad[0])} ({dyad[0]}) - {names.get(dyad[1], dyad[1])} ({dyad[1]})"
    figure = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.08,
                           row_heights=[0.5, 0.5],
                           subplot_titles=(f"incidents per {by} by quad",
                                           "detectors: surprise, -log10 p (dotted: fires)"))
    periods = pd.to_datetime(counts["period"]) if not counts.empty else []
    for quad in QUADS:
        sign = 1 if quad in CONFLICT_QUADS else -1  # cooperation below the axis
        figure.add_bar(x=periods, y=sign * counts[quad] if not counts.empty else [],
                       name=ontology().quads[quad].label, marker_color=QUAD_COLOURS[quad],
                       row=1, col=1)
    days = pd.to_datetime(detectors["period"]) if not detectors.empty else []
    for name in DETECTORS:
        if not detectors.empty and detectors[name].max() > 0:
            figure.add_scatter(x=days, y=detectors[name], name=name, mode="lines", row=2, col=1)
    fires_at = (detectors["fires_at"].iloc[0] if not detectors.empty
                else -math.log10(settings.p_fire))
    figure.add_hline(y=fires_at, line_dash="dot", line_color="#b30000",
                     row=2, col=1)
    pair = {dyad[0], dyad[1]}
    for alert in (a for a in found if {a.source, a.target} == pair):
        figure.add_vrect(x0=alert.start, x1=alert.end + dt.timedelta(days=1), fillcolor="#b30000",
                         opacity=0.1 + 0.05 * LEVELS.index(alert.level), line_width=0,
                         row="all", col=1)
    figure.update_layout(barmode="relative", height=560, title=title, margin={"t": 80, "b": 40})
    return _plot(figure, first=False)


def _alerts_html(cur: duckdb.DuckDBPyConnection, alerts: list[Alert],
                 names: dict[str, str]) -> str:
    if not alerts:
        return ("<p>No alerts: no dyad's conflict rose clearly above its own baseline on enough "
                "evidence.</p>")
    blocks = []
    for alert in alerts:
        arrow = "&rarr;" if alert.directed else "&harr;"
        reached = ", ".join(f"{level} {day}" for level, day in alert.first_at_level.items())
        findings = "".join(f"<li>{_e(f.text)}</li>" for f in alert.findings)
        head = (f"<h3><span class='level'>{_e(alert.level)}</span> "
                f"{_e(names.get(alert.source, alert.source))} {arrow} "
                f"{_e(names.get(alert.target, alert.target))}: {alert.start} to {alert.end}</h3>"
                f"<p class='muted'>first reached: {_e(reached)}</p><ul>{findings}</ul>"
                f"<p>Driven by {_e(alert.breakdown)}.</p>")
        blocks.append(f"<div class='alert {_e(alert.level)}'>{head}"
                      f"{_evidence_table(cur, alert)}</div>")
    return "\n".join(blocks)


def _evidence_table(cur: duckdb.DuckDBPyConnection, alert: Alert) -> str:
    rows = cur.execute(
        """
        SELECT i.id, i.date, i.type, i.source_actor, i.target_actor, i.num_articles,
               i.num_sources, i.num_mentions,
               list({'text': e.sentence_text, 'source': a.source, 'title': a.title, 'url': a.url,
                     'published': CAST(e.published AS VARCHAR)}
                    ORDER BY e.published, e.id)[1:$n] AS sentences
        FROM incidents i
        JOIN incident_events ie ON ie.incident_id = i.id
        JOIN events e ON e.id = ie.event_id
        LEFT JOIN articles a ON a.id = e.article_id
        WHERE list_contains($ids, i.id)
        GROUP BY ALL ORDER BY i.date, i.id
        """, {"ids": alert.incident_ids, "n": SENTENCES_PER_INCIDENT}).fetchall()
    body = []
    for _id, day, kind, source, target, articles, sources, mentions, sentences in rows:
        quotes = "".join(
            f"<blockquote>{_e(s['text'] or '')}</blockquote><span class='muted'>"
            f"{_link(s)} {_e(s['published'] or '')}</span>" for s in sentences)
        body.append(f"<tr><td>{day}</td><td>{_e(kind)}</td><td>{_e(source or '?')} &rarr; "
                    f"{_e(target or '?')}</td><td>{counted(articles, 'article')}, "
                    f"{counted(sources, 'source')}, {counted(mentions, 'mention')}</td>"
                    f"<td>{quotes}</td></tr>")
    return ("<table><tr><th>date</th><th>type</th><th>who</th><th>reported by</th>"
            "<th>source sentences</th></tr>" + "".join(body) + "</table>")


def _link(sentence: dict[str, str | None]) -> str:
    label = _e(sentence["source"] or sentence["title"] or "article")
    url = sentence["url"]
    if url and url.startswith(("http://", "https://")):
        return f"<a href='{_e(url)}'>{label}</a>"
    return label


def _actor_names(cur: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return {i: n for i, n in cur.execute("SELECT id, name FROM actors").fetchall() if n}


def _plot(figure: go.Figure, first: bool) -> str:
    """A figure as a div; the first one carries plotly.js itself, inline."""
    return str(figure.to_html(full_html=False, include_plotlyjs=first))


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)

