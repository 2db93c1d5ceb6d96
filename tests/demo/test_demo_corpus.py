"""Integrity of the bundled demo corpus: the demo run and the signal tests rely on it."""

from __future__ import annotations

import csv
import datetime as dt
import html
import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow

DEMO = Path(__file__).resolve().parents[2] / "demo"
DEMO_TIMELINE = DEMO.parent / "benchmarks" / "timelines" / "demo.csv"
MATERIAL_CONFLICT = {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
PLOVER_TYPES = MATERIAL_CONFLICT | {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN",
}  # fmt: skip
EXTERNAL_ACTORS = {"UN"}  # real organisations the invented actors hold offices in


class _PageDates(HTMLParser):
    """Collects the publication metadata and headline of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta_published: str | None = None
        self.time_datetime: str | None = None
        self.h1 = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and found.get("property") == "article:published_time":
            self.meta_published = found.get("content")
        elif tag == "time" and self.time_datetime is None:
            self.time_datetime = found.get("datetime")
        elif tag == "h1":
            self.h1 += 1


def _page(path: Path) -> _PageDates:
    parser = _PageDates()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _published_rows() -> list[dict[str, str]]:
    with (DEMO / "published.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _jsonl_records() -> list[dict[str, object]]:
    lines = (DEMO / "feed.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _scenario() -> dict:
    return yaml.safe_load((DEMO / "scenario.yaml").read_text(encoding="utf-8"))


def _reports() -> dict[str, tuple[dt.date, str]]:
    """Every report as `file` (as scenario.yaml names it) -> (publication date, raw text)."""
    reports = {
        row["file"]: (
            dt.date.fromisoformat(row["published"]),
            (DEMO / row["file"]).read_text(encoding="utf-8"),
        )
        for row in _published_rows()
    }
    for path in sorted((DEMO / "html").glob("*.html")):
        published = _page(path).meta_published
        assert published, path
        text = html.unescape(path.read_text(encoding="utf-8"))
        reports[f"html/{path.name}"] = (dt.datetime.fromisoformat(published).date(), text)
    for rec in _jsonl_records():
        published = dt.datetime.fromisoformat(str(rec["published"])).date()
        reports[f"feed.jsonl#{rec['id']}"] = (published, str(rec["text"]))
    return reports


def test_corpus_has_enough_reports_in_every_format() -> None:
    txt = list((DEMO / "txt").glob("*.txt"))
    pages = list((DEMO / "html").glob("*.html"))
    records = _jsonl_records()
    assert len(txt) >= 15 and len(pages) >= 8 and len(records) >= 10
    assert len(txt) + len(pages) + len(records) >= 30


def test_every_txt_file_has_one_published_row_with_a_valid_date() -> None:
    rows = _published_rows()
    assert list(rows[0]) == ["file", "published", "source", "url", "title"]
    files = [row["file"] for row in rows]
    assert len(files) == len(set(files))
    on_disk = {f"txt/{p.name}" for p in (DEMO / "txt").glob("*.txt")}
    assert set(files) == on_disk
    for row in rows:
        dt.date.fromisoformat(row["published"])
        assert row["source"] and row["title"] and row["url"].startswith("https://")


def test_jsonl_lines_parse_with_required_fields() -> None:
    records = _jsonl_records()
    for rec in records:
        for key in ("id", "text", "published", "url", "source", "title"):
            assert isinstance(rec.get(key), str) and rec[key], (rec.get("id"), key)
        dt.datetime.fromisoformat(str(rec["published"]))
    assert len({rec["id"] for rec in records}) == len(records)


def test_html_pages_carry_one_headline_and_matching_dates() -> None:
    for path in sorted((DEMO / "html").glob("*.html")):
        page = _page(path)
        assert page.h1 == 1, path.name
        assert page.meta_published and page.meta_published == page.time_datetime, path.name


def test_txt_files_carry_the_scraped_news_artefacts() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((DEMO / "txt").glob("*.txt"))]
    glued_tag = re.compile(r"^(?:This story is from [^\n]+\n+)?[a-z][a-z ]*[a-z][A-Z]")
    assert all(glued_tag.match(text) for text in texts)
    artefacts = {
        "blank-line run": re.compile(r"\n{4,}"),
        "caption credit": re.compile(r"(© [A-Z]|Photo: [A-Z])"),
        "watch videos": re.compile(r"^Watch our news videos", re.M),
        "read also": re.compile(r"^Read also: ", re.M),
        "share": re.compile(r"^Share this article$", re.M),
        "dateline": re.compile(r"^[A-Z/]+, [A-Z][a-z]+ \d{1,2} \([A-Za-z ]+\) - ", re.M),
        "story from": re.compile(r"^This story is from "),
        "subhead": re.compile(r"\n\n[a-z][a-z ]{2,40}\n\n"),
    }
    for kind, pattern in artefacts.items():
        assert sum(1 for text in texts if pattern.search(text)) >= 3, kind


def test_reports_cover_every_week_and_the_hollin_weeks_several_times() -> None:
    dates = [date for date, _ in _reports().values()]
    scenario = _scenario()
    corpus, calm = scenario["corpus"], scenario["calm"]
    assert min(dates) == corpus["from"] and max(dates) == corpus["to"]
    weeks = Counter((d - min(dates)).days // 7 for d in dates)
    assert sorted(weeks) == list(range((max(dates) - min(dates)).days // 7 + 1))
    hollin = Counter((d - calm["from"]).days // 7 for d in dates if d >= calm["from"])
    assert sorted(hollin) == list(range(8))
    assert min(hollin.values()) >= 3


def _mentioning(*names: str) -> list[dt.date]:
    """Publication dates of the reports that name every one of `names`."""
    return sorted(date for date, text in _reports().values() if all(n in text for n in names))


def test_hostile_pair_is_at_odds_for_months_then_at_war() -> None:
    scenario = _scenario()
    hostile, corpus = scenario["hostile_pair"], scenario["corpus"]
    assert hostile["dyad"] == {"source": "XIS", "target": "XSO"}
    assert (corpus["from"] <= hostile["hostile_from"] < hostile["buildup_start"]
            < hostile["war_start"] < hostile["peak"] <= corpus["to"])
    dates = _mentioning("Istran", "Sorvia")
    before = [d for d in dates if d < hostile["buildup_start"]]
    assert before[0] == hostile["hostile_from"] and len(before) >= 15
    assert max(b - a for a, b in zip(before, before[1:], strict=False)).days <= 10
    war = [d for d in dates if hostile["war_start"] <= d <= hostile["peak"]]
    assert len(war) >= 2 * (hostile["peak"] - hostile["war_start"]).days
    assert Counter(dates).most_common(1)[0][0] == hostile["peak"]
    months = [e for e in scenario["key_events"] if {e["source"], e.get("target")} == {"XIS", "XSO"}]
    calm_months = [e["type"] for e in months if e["date"] < hostile["buildup_start"]]
    assert calm_months and set(calm_months) <= {"ACCUSE", "THREATEN", "SANCTION", "COERCE"}
    assert set(calm_months) & MATERIAL_CONFLICT


def test_summit_pair_coverage_spikes_in_a_few_days() -> None:
    scenario = _scenario()
    summit = scenario["summit_pair"]
    spike = summit["spike"]
    assert summit["dyad"] == {"source": "XCS", "target": "XMI"}
    assert (spike["to"] - spike["from"]).days <= 4
    dates = _mentioning("Corsenia", "Mirecia")
    inside = [d for d in dates if spike["from"] <= d <= spike["to"]]
    outside = [d for d in dates if not spike["from"] <= d <= spike["to"]]
    assert len(inside) >= 8 and len(outside) <= len(inside) // 2
    assert outside and min(outside) < spike["from"] < spike["to"] < max(outside)


def test_timeline_names_the_escalating_pairs_and_not_the_summit() -> None:
    from tripwire.signals.timeline import read_timeline

    scenario = _scenario()
    milestones = read_timeline(DEMO_TIMELINE)
    pairs = {m.pair for m in milestones}
    assert pairs >= {("XMR", "XVA"), ("XIS", "XSO")}
    assert ("XCS", "XMI") not in pairs
    corpus = scenario["corpus"]
    assert all(corpus["from"] <= m.date <= corpus["to"] for m in milestones)


def test_actors_file_has_the_agreed_shape() -> None:
    actors = yaml.safe_load((DEMO / "actors.yaml").read_text(encoding="utf-8"))["actors"]
    ids = [actor["id"] for actor in actors]
    assert len(ids) == len(set(ids))
    assert {"XVA", "XMR", "NCO"} <= set(ids)
    corpus_text = "\n".join(text for _, text in _reports().values())
    for actor in actors:
        assert {"id", "name", "kind"} <= set(actor), actor
        if actor["kind"] == "state":
            assert re.fullmatch(r"X[A-Z]{2}", actor["id"]) and actor["country"] == actor["id"]
            assert actor["names"] and actor["adjectives"] and actor["metonyms"]
        elif actor["kind"] == "igo":
            assert actor["names"]
        else:
            assert actor["kind"] == "person" and actor["id"].startswith("person:")
            assert "country" in actor and actor["sector"]
            for office in actor["offices"]:
                assert office["of"] in set(ids) | EXTERNAL_ACTORS
                assert isinstance(office["start"], dt.date)
                assert office["end"] is None or office["end"] > office["start"]
        assert actor["name"] in corpus_text, actor["name"]


def test_scenario_dates_lie_inside_the_corpus() -> None:
    scenario = _scenario()
    corpus, calm = scenario["corpus"], scenario["calm"]
    assert scenario["dyad"] == {"source": "XMR", "target": "XVA"}
    assert corpus["from"] <= calm["from"] < calm["to"] < scenario["escalation_start"]
    assert scenario["escalation_start"] < scenario["escalation_end"] <= corpus["to"]


def test_key_events_are_found_in_their_reports() -> None:
    scenario = _scenario()
    reports = _reports()
    actor_ids = {
        a["id"]
        for a in yaml.safe_load((DEMO / "actors.yaml").read_text(encoding="utf-8"))["actors"]
    }
    for event in scenario["key_events"] + scenario["non_asserted"]:
        published, text = reports[event["file"]]
        assert event["evidence"] in text, event
        assert event["type"] in PLOVER_TYPES
        assert event["source"] in actor_ids and event.get("target", "XVA") in actor_ids
        if "date" in event:
            assert 0 <= (published - event["date"]).days <= 3, event


def test_material_conflict_of_the_dyad_starts_with_the_escalation() -> None:
    scenario = _scenario()
    dyad = scenario["dyad"]
    dates = [
        event["date"]
        for event in scenario["key_events"]
        if event["type"] in MATERIAL_CONFLICT
        and (event["source"], event["target"]) == (dyad["source"], dyad["target"])
    ]
    assert min(dates) == scenario["escalation_start"]
    assert max(dates) <= scenario["escalation_end"]
    calm_reports = [
        file for file, (published, _) in _reports().items() if published <= scenario["calm"]["to"]
    ]
    assert len(calm_reports) >= 12


def test_no_seed_sentence_is_copied(seed_path: Path) -> None:
    def shingles(text: str) -> set[tuple[str, ...]]:
        # The call-to-action line is boilerplate the corpus imitates on purpose, not article text.
        text = re.sub(r"Watch our news videos in the playlist below:", " ", text)
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i : i + 7]) for i in range(len(words) - 6)}

    seed = shingles(seed_path.read_text(encoding="utf-8"))
    for name, (_, text) in _reports().items():
        assert not seed & shingles(text), name


@pytest.mark.parametrize("name", ["README.md", "actors.yaml", "scenario.yaml"])
def test_documentation_files_exist(name: str) -> None:
    assert (DEMO / name).stat().st_size > 0
