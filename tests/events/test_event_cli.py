"""`tripwire explain` and `tripwire eval events` on inputs written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tripwire.cli import app

runner = CliRunner()


def test_explain_shows_pattern_modality_and_misses() -> None:
    result = runner.invoke(app, ["explain", "Peru will not make any concessions to Chile.",
                                 "--published", "2023-05-02"])
    assert result.exit_code == 0, result.output
    assert "EVENT CONCEDE [negated] trigger 'concessions'" in result.output
    assert "modality: negated (cue 'not')" in result.output
    assert "EVENT REJECT [asserted]" in result.output
    assert "derived from the asserted reading of a CONCEDE event" in result.output
    assert "light verb: 'make'" in result.output


def test_explain_says_why_a_lexicon_word_coded_nothing() -> None:
    result = runner.invoke(app, ["explain", "The talk was long."])
    assert result.exit_code == 0, result.output
    assert "not coded: 'talk' (NOUN) - CONSULT: governing verb 'be' is not a light verb" \
        in result.output
    assert "no event: no trigger pattern matched" in result.output


def test_explain_rejects_a_bad_date() -> None:
    result = runner.invoke(app, ["explain", "Peru met Chile.", "--published", "May 2"])
    assert result.exit_code == 2
    assert "[E006]" in result.output


def test_eval_events_scores_gold_records(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    records = [
        {"id": "a", "text": "Canada imposed sanctions on Iran.", "events": [
            {"type": "SANCTION", "source": [{"text": "Canada", "country": "CAN"}],
             "target": [{"text": "Iran", "country": "IRN"}]}]},
        {"id": "b", "text": "Chile and Peru held talks in Lima.", "events": [
            {"type": "CONSULT", "source": [{"text": "Chile", "country": "CHL"},
                                           {"text": "Peru", "country": "PER"}], "target": []}]},
        {"id": "c", "text": "The weather in Lima was mild.", "events": []},
    ]
    gold.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    result = runner.invoke(app, ["eval", "events", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["type_accuracy"] == 1.0
    assert scores["source_country_accuracy"] == 1.0
    assert scores["target_country_accuracy"] == 1.0
    assert scores["no_event_sentences"] == 1
    assert scores["false_event_rate"] == 0.0
    assert scores["per_type"]["SANCTION"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_eval_events_bad_gold_is_a_clear_error(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "x"}\n')
    result = runner.invoke(app, ["eval", "events", str(gold)])
    assert result.exit_code == 2
    assert "gold.jsonl:1" in result.output
