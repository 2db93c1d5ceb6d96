"""Evaluation gate: main-text F1 on the shared dev sets must not fall below the stored floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tripwire.clean import clean_article
from tripwire.document import Article
from tripwire.eval.clean import evaluate_html, evaluate_textdump

pytestmark = pytest.mark.slow

FLOORS = yaml.safe_load((Path(__file__).resolve().parents[1] / "floors" / "clean.yaml").read_text())


def test_html_main_text_f1_holds_its_floor(shared_data):
    assert evaluate_html(shared_data).f1 >= FLOORS["html_f1"]


def test_textdump_main_text_f1_holds_its_floor(shared_data):
    assert evaluate_textdump(shared_data).f1 >= FLOORS["textdump_f1"]


def test_news_docs_lose_mojibake_and_story_date_lines(shared_data):
    path = shared_data / "news" / "india_police_events_docs.jsonl"
    if not path.is_file():
        pytest.skip("news/india_police_events_docs.jsonl is absent")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for record in records:
        cleaned = clean_article(Article(text=record["text"]))
        assert "â€" not in cleaned.text, record["id"]
        assert not cleaned.text.startswith("This story is from"), record["id"]
        if record["text"].startswith("This story is from"):
            assert cleaned.published == record["published"], record["id"]
