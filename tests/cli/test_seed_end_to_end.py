"""`tripwire analyze` on the raw seed article: what the cleaning must take out and keep."""

import json
from pathlib import Path

import pytest

from tripwire.schema import validate_document

pytestmark = pytest.mark.slow


def test_seed_article_document(run_cli, seed_path: Path) -> None:
    result = run_cli("analyze", str(seed_path), "--published", "2022-01-07", "--format", "json",
                     "--quiet")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert validate_document(doc) == []
    assert doc["published"] == "2022-01-07"
    assert doc["kicker"] == "crisis ukraine"
    assert doc["text"].startswith("NATO continues")
    assert [s["text"] for s in doc["subheads"]] == ["sphere of influence", "sideways"]
    for subhead in doc["subheads"]:  # a subhead marks where its section's first paragraph starts
        assert doc["text"][subhead["start"] - 2:subhead["start"]] == "\n\n"
        assert subhead["text"] not in doc["text"].split("\n\n")
    assert {"text": "Ukrainian soldiers at the heavily guarded border with Russia",
            "credit": "AP"} in doc["captions"]
    assert {"kind": "cta", "text": "Watch our news videos in the playlist below:"} in doc["removed"]
    assert "Watch our news videos" not in doc["text"]
    assert "© AP" not in doc["text"]
    assert "\n\n\n" not in doc["text"]
