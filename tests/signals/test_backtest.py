"""`tripwire backtest`: timelines are read strictly, and alerts are scored against milestones."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from signal_reports import Ev, day, report

from tripwire.errors import TripwireError
from tripwire.signals.backtest import Reach, match_alerts, run_backtest
from tripwire.signals.timeline import Milestone, read_timeline
from tripwire.store import Store

HEADER = "date,a,b,what,source,url\n"


def _timeline(tmp_path: Path, text: str, name: str = "timeline.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# reading timelines


def test_csv_timeline_with_comments_and_optional_url(tmp_path: Path) -> None:
    path = _timeline(tmp_path, "# invented\n\n" + HEADER
                     + '2026-09-05,MAR,VAL,"Troops cross, towns shelled",Wire 5 Sep,\n'
                     + "2026-09-10,VAL,OST,Talks fail,Herald,https://herald.example/x\n")
    first, second = read_timeline(path)
    assert first == Milestone(dt.date(2026, 9, 5), "MAR", "VAL", "Troops cross, towns shelled",
                              "Wire 5 Sep", None, f"{path}:4")
    assert first.pair == ("MAR", "VAL") and second.pair == ("OST", "VAL")
    assert second.url == "https://herald.example/x" and second.where == f"{path}:5"


def test_json_timeline_as_list_or_object(tmp_path: Path) -> None:
    record = {"date": "2026-09-05", "a": "org:ypg", "b": "TUR", "what": "x", "source": "Wire"}
    listed = read_timeline(_timeline(tmp_path, json.dumps([record]), "a.json"))
    wrapped = read_timeline(_timeline(tmp_path, json.dumps({"milestones": [record]}), "b.json"))
    assert [m.pair for m in listed] == [m.pair for m in wrapped] == [("TUR", "org:ypg")]
    assert wrapped[0].where.endswith("b.json: milestone 1")


@pytest.mark.parametrize(("text", "message"), [
    (HEADER + "2026-13-01,MAR,VAL,x,Wire,\n", r"timeline.csv:2: bad date '2026-13-01'"),
    (HEADER + "5 Sep 2026,MAR,VAL,x,Wire,\n", r"timeline.csv:2: bad date '5 Sep 2026'"),
    (HEADER + "2026-09-05,,VAL,x,Wire,\n", r"timeline.csv:2: a is empty"),
    (HEADER + "2026-09-05,MAR,VAL,x,,\n", r"timeline.csv:2: source is empty"),
    (HEADER + "2026-09-05,MAR,MAR,x,Wire,\n", r"timeline.csv:2: a and b are the same actor"),
    (HEADER + "2026-09-05,MAR,VAL,x\n", r"timeline.csv:2: expected 6 fields"),
    ("date,a,b,what,source,outlet\n", r"timeline.csv:1: unknown column 'outlet'"),
    ("date,a,what,source\n", r"timeline.csv:1: missing column 'b'"),
    ("# only a comment\n", r"timeline.csv: the timeline holds no milestones"),
])
def test_bad_csv_names_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(TripwireError, match=message):
        read_timeline(_timeline(tmp_path, text))


@pytest.mark.parametrize(("text", "message"), [
    ('[{"date": "2026-09-05", "a": "MAR", "what": "x", "source": "W"}]',
     r"t.json: milestone 1: missing field 'b'"),
    ('[{"date": "2026-09-05", "a": "MAR", "b": "VAL", "what": "x", "source": "W", "level": 1}]',
     r"t.json: milestone 1: unknown field 'level'"),
    ('[{"date": 20260905, "a": "MAR", "b": "VAL", "what": "x", "source": "W"}]',
     r"t.json: milestone 1: date must be text"),
    ('["2026-09-05"]', r"t.json: milestone 1: a milestone is an object"),
    ('{"events": []}', r"t.json: a JSON timeline is a list"),
    ('[{"date": "2026-09-05",\n "a": }]', r"t.json:2: not valid JSON"),
])
def test_bad_json_names_file_and_record(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(TripwireError, match=message):
        read_timeline(_timeline(tmp_path, text, "t.json"))


def test_missing_file_and_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(TripwireError, match="timeline file does not exist"):
        read_timeline(tmp_path / "absent.csv")
    with pytest.raises(TripwireError, match="unknown timeline format '.txt'"):
        read_timeline(_timeline(tmp_path, HEADER, "t.txt"))


# scoring alerts against milestones (alerts written by hand)


@dataclass
class _Alert:
    id: str
    source: str
    target: str
    level: str
    first_at_level: dict[str, dt.date]


def _alert(id: str, source: str, target: str, raised: str, level: str = "watch") -> _Alert:
    """An alert that reached `level` on the day it was raised."""
    return _Alert(id, source, target, level, {level: dt.date.fromisoformat(raised)})


def _m(date: str, a: str, b: str) -> Milestone:
    return Milestone(dt.date.fromisoformat(date), a, b, "x", "Wire")


SPAN = (dt.date(2026, 6, 1), dt.date(2026, 12, 31))


def test_leads_misses_and_false_alarms() -> None:
    alerts = [
        _alert("a1", "VAL", "MAR", "2026-09-01", "warning"),
        _alert("a2", "MAR", "VAL", "2026-09-10", "alarm"),
        _alert("a3", "MAR", "VAL", "2026-12-01"),
        _alert("f1", "OST", "VAL", "2026-08-01"),
        _alert("f2", "VAL", "OST", "2026-10-01", "alarm"),
        _alert("o1", "KOR", "MAR", "2026-07-25"),
        _alert("o2", "OST", "VAL", "2026-08-05"),
    ]
    milestones = [
        _m("2026-09-15", "MAR", "VAL"),  # a1 first in reach: 14 days ahead
        _m("2026-08-25", "VAL", "MAR"),  # a1 raised 7 days after it: late
        _m("2026-07-01", "MAR", "ISL"),  # no alert on the pair
        _m("2027-02-01", "MAR", "VAL"),  # after the last article
        _m("2026-07-20", "MAR", "KOR"),  # o1 five days late
    ]
    result = match_alerts(milestones, alerts, SPAN, Reach(lookback_days=60, grace_days=30))
    rows = [(r.status, r.alert_id, r.lead_days, r.level) for r in result.milestones]
    assert rows == [("early", "a1", 14, "warning"), ("late", "a1", -7, "warning"),
                    ("missed", None, None, None), ("outside", None, None, None),
                    ("late", "o1", -5, "watch")]
    assert [(p.pair, p.alert_ids, p.first_alerted, p.levels) for p in result.false_alarms] == [
        (("OST", "VAL"), ["f1", "o2", "f2"], dt.date(2026, 8, 1), ["watch", "watch", "alarm"])]
    assert [(p.pair, p.alert_ids) for p in result.unmatched] == [(("MAR", "VAL"), ["a3"])]
    assert result.summary == {
        "milestones": 4, "milestones_outside": 1, "milestones_early": 1, "milestones_late": 2,
        "milestones_missed": 1, "pairs": 3, "pairs_hit": 1, "pairs_late": 1, "pairs_missed": 1,
        "median_lead_days": -5, "alerts": 7, "false_alarm_pairs": 1, "false_alarm_alerts": 3,
        "alerts_far_from_milestones": 1}


def test_lead_to_each_level_and_the_level_on_the_day() -> None:
    reached = {"alarm": dt.date(2026, 9, 10), "watch": dt.date(2026, 9, 1),
               "warning": dt.date(2026, 9, 4)}
    alert = _Alert("a", "MAR", "VAL", "alarm", reached)
    milestones = [_m("2026-09-08", "MAR", "VAL"), _m("2026-08-30", "MAR", "VAL"),
                  _m("2026-09-12", "VAL", "MAR")]
    result = match_alerts(milestones, [alert], SPAN, Reach())
    rows = [(r.status, r.alerted, r.lead_days, r.level, r.level_leads) for r in result.milestones]
    assert rows == [
        ("early", dt.date(2026, 9, 1), 7, "warning", {"watch": 7, "warning": 4, "alarm": -2}),
        ("late", dt.date(2026, 9, 1), -2, "watch", {"watch": -2, "warning": -5, "alarm": -11}),
        ("early", dt.date(2026, 9, 1), 11, "alarm", {"watch": 11, "warning": 8, "alarm": 2})]


def test_a_late_alert_shows_the_level_it_was_raised_at() -> None:
    day = dt.date(2026, 9, 5)
    alert = _Alert("a", "MAR", "VAL", "alarm", {"watch": day, "warning": day, "alarm": day})
    (row,) = match_alerts([_m("2026-09-01", "MAR", "VAL")], [alert], SPAN, Reach()).milestones
    assert (row.status, row.lead_days, row.level) == ("late", -4, "alarm")


def test_reach_bounds_are_inclusive_and_settable() -> None:
    alerts = [_alert("a", "MAR", "VAL", "2026-09-01")]
    at_edges = [_m("2026-10-31", "MAR", "VAL"), _m("2026-08-02", "MAR", "VAL")]
    result = match_alerts(at_edges, alerts, SPAN, Reach(lookback_days=60, grace_days=30))
    assert [(r.status, r.lead_days) for r in result.milestones] == [("early", 60), ("late", -30)]
    narrow = match_alerts(at_edges, alerts, SPAN, Reach(lookback_days=59, grace_days=29))
    assert [r.status for r in narrow.milestones] == ["missed", "missed"]
    assert narrow.unmatched[0].alert_ids == ["a"]
    with pytest.raises(TripwireError, match="must not be negative"):
        Reach(lookback_days=-1)


def test_an_empty_store_leaves_every_milestone_outside() -> None:
    result = match_alerts([_m("2026-09-15", "MAR", "VAL")], [], None, Reach())
    assert [r.status for r in result.milestones] == ["outside"]
    assert result.summary["milestones"] == 0 and result.summary["median_lead_days"] is None


# the whole backtest on a store: find_alerts, then matching


@pytest.fixture
def escalating(store: Store) -> Store:
    """Thirty cooperative days, then ten days of attacks, for two pairs of invented states;
    a few cooperative reports between Marovia and Ostland."""
    docs = []
    for d in range(40):
        kinds = ["CONSULT", "AGREE"] if d < 30 else ["ASSAULT", "MOBILIZE"]
        for source, target in (("MAR", "VAL"), ("OST", "VAL")):
            docs.append(report(f"{source}{d}", day("2026-08-01", d),
                               [Ev(k, source, target, date=day("2026-08-01", d),
                                   location=f"town{d % 3}") for k in kinds]))
    docs += [report(f"mo{d}", day("2026-08-01", d), [Ev("CONSULT", "MAR", "OST",
                                                        date=day("2026-08-01", d))])
             for d in range(0, 40, 10)]
    store.ingest(docs)
    return store


def test_backtest_on_a_store(escalating: Store) -> None:
    """The escalating pair is first alerted (watch and warning) on its third day of attacks
    (2 September), when the evidence gate first holds, and reaches an alarm on 3 September (the
    store judges two dyads, so each fires at half the store's `p_fire`): a milestone before
    that sees the warning, one after it the alarm."""
    milestones = [_m("2026-09-05", "VAL", "MAR"), _m("2026-08-20", "Marovia", "Valdoria"),
                  _m("2026-09-05", "MAR", "OST"), _m("2027-01-01", "MAR", "VAL")]
    result = run_backtest(escalating, milestones)
    assert result.span == (dt.date(2026, 8, 1), dt.date(2026, 9, 9))
    rows = [(r.milestone.pair, r.status, r.alerted, r.lead_days, r.level)
            for r in result.milestones]
    assert rows == [(("MAR", "VAL"), "early", dt.date(2026, 9, 2), 3, "alarm"),
                    (("MAR", "VAL"), "late", dt.date(2026, 9, 2), -13, "warning"),
                    (("MAR", "OST"), "missed", None, None, None),
                    (("MAR", "VAL"), "outside", None, None, None)]
    assert result.milestones[0].level_leads == {"watch": 3, "warning": 3, "alarm": 2}
    assert [(p.pair, p.first_alerted, p.levels) for p in result.false_alarms] == [
        (("OST", "VAL"), dt.date(2026, 9, 2), ["alarm"])]
    assert result.summary["pairs_hit"] == 1 and result.summary["pairs_missed"] == 1


def test_unknown_actor_names_the_milestone(escalating: Store) -> None:
    bad = Milestone(dt.date(2026, 9, 5), "MAR", "Atlantis", "x", "Wire", where="t.csv:7")
    with pytest.raises(TripwireError, match=r"t.csv:7: unknown actor 'Atlantis'"):
        run_backtest(escalating, [bad])
    same = Milestone(dt.date(2026, 9, 5), "MAR", "Marovia", "x", "Wire", where="t.csv:8")
    with pytest.raises(TripwireError, match=r"t.csv:8: a and b name the same actor 'MAR'"):
        run_backtest(escalating, [same])


# the command


def test_backtest_command_json_and_table(escalating: Store, tmp_path: Path, run_cli) -> None:
    db = escalating.path
    escalating.close()
    path = _timeline(tmp_path, HEADER + "2026-09-05,VAL,MAR,[bold]Invasion[/bold],Wire,\n"
                                        "2026-09-05,MAR,OST,Talks,Herald,\n")
    found = run_cli("backtest", "--timeline", str(path), "--db", db, "--format", "json")
    assert found.code == 0, found.err
    data = json.loads(found.out)
    assert [(m["pair"], m["status"], m["lead_days"]) for m in data["milestones"]] == [
        (["MAR", "VAL"], "early", 3), (["MAR", "OST"], "missed", None)]
    assert [p["pair"] for p in data["false_alarms"]] == [["OST", "VAL"]]
    assert data["summary"]["median_lead_days"] == 3
    assert (data["lookback_days"], data["grace_days"]) == (60, 30)
    table = run_cli("backtest", "--timeline", str(path), "--db", db, "--grace-days", "0")
    assert table.code == 0, table.err
    assert "[bold]Invasion[/bold]" in table.out  # data is shown as written, never as markup
    assert "OST-VAL" in table.out and "false alarm pairs" in table.out


def test_backtest_command_stops_on_a_bad_timeline(escalating: Store, tmp_path: Path,
                                                  run_cli) -> None:
    db = escalating.path
    escalating.close()
    path = _timeline(tmp_path, HEADER + "2026-09-05,VAL,MAR,x,Wire,\n2026-02-30,VAL,MAR,x,W,\n")
    found = run_cli("backtest", "--timeline", str(path), "--db", db)
    assert found.code == 1 and found.out == ""
    assert f"{path}:3: bad date '2026-02-30'" in found.err
