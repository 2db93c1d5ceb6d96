"""The seed article (machine-translated, with a glued tag, subheads, a caption and a CTA)."""

from __future__ import annotations

import json

import pytest

from tripwire.clean import clean_article
from tripwire.document import Article, Removed

pytestmark = pytest.mark.slow


def test_seed_article_is_cleaned_like_an_editor_would(seed_path):
    cleaned = clean_article(Article(text=seed_path.read_text(encoding="utf-8")))
    assert cleaned.kicker == "crisis ukraine"
    assert cleaned.text.startswith("NATO continues")
    assert [s.text for s in cleaned.subheads] == ["sphere of influence", "sideways"]
    for subhead in cleaned.subheads:
        assert cleaned.text[subhead.start - 2 : subhead.start] == "\n\n"
    assert len(cleaned.captions) == 1 and cleaned.captions[0].credit == "AP"
    assert cleaned.captions[0].text not in cleaned.text
    assert Removed("cta", "Watch our news videos in the playlist below:") in cleaned.removed
    assert "Watch our news videos" not in cleaned.text
    assert "said this afternoon" in cleaned.text and "this this" not in cleaned.text
    assert any(r.kind == "doubled-word" and r.before == "this this" for r in cleaned.repairs)
    assert "\n\n\n" not in cleaned.text
    assert cleaned.text.count("\n\n") == 7


def test_tripwire_analyze_on_the_seed_prints_the_cleaned_document(run_cli, seed_path):
    result = run_cli(
        "analyze", str(seed_path), "--published", "2022-01-07", "--format", "json", "--quiet"
    )
    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert document["schema"] == "tripwire/1"
    assert document["published"] == "2022-01-07"
    assert document["kicker"] == "crisis ukraine"
    assert [s["text"] for s in document["subheads"]] == ["sphere of influence", "sideways"]
    assert [c["credit"] for c in document["captions"]] == ["AP"]
    assert {"kind": "cta", "text": "Watch our news videos in the playlist below:"} in document[
        "removed"
    ]
    for subhead in document["subheads"]:
        assert document["text"][subhead["start"] :].startswith(
            ("The alliance", "The consultations")
        )
