"""The seed article (../shared/seed, read at test time, never copied): what an analyst reads in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripwire.analyze import analyze
from tripwire.document import Article, Event

pytestmark = pytest.mark.slow


def _events(seed_path: Path) -> list[Event]:
    article = Article(text=seed_path.read_text(encoding="utf-8"), published="2022-01-07")
    return analyze(article).events


def _with_source(events: list[Event], type_: str, actor: str) -> list[Event]:
    return [e for e in events if e.type == type_ and actor in {r.actor for r in e.source}]


def test_seed_article_events(seed_path: Path) -> None:
    events = _events(seed_path)
    # the talks next Wednesday: planned, dated by the time stage
    talks = [e for e in events if e.type == "CONSULT" and e.modality == "future"
             and e.date == "2022-01-12"]
    assert talks, [(e.type, e.modality, e.date, e.trigger.text) for e in events]
    # artillery and combat groups to the border, reported by Stoltenberg (one act with the
    # "continued troop build-up" told before it: "sending" is one of its mentions)
    [mobilize] = [e for e in events if e.type == "MOBILIZE" and e.modality == "asserted"
                  and "sending" in {m.text for m in e.mentions}]
    assert [r.actor for r in mobilize.source] == ["RUS"]
    assert mobilize.attributed_to == "person:jens-stoltenberg"
    # Russia's demand and NATO's refusal
    assert _with_source(events, "REQUEST", "RUS")
    assert [e.modality for e in _with_source(events, "REJECT", "NATO")][:1] == ["asserted"]
    # no phantom concession, no phantom threat
    assert not [e for e in events if e.type in ("CONCEDE", "THREATEN") and e.modality == "asserted"]
    # the photo caption and the call to watch videos are not in the text, so never coded
    assert all(e.sentence.end <= len(analyze(Article(
        text=seed_path.read_text(encoding="utf-8"), published="2022-01-07")).text)
        for e in events)
