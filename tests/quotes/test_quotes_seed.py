"""The seed article through the real `analyze`: all nine quoted passages, each with its speaker."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripwire.analyze import analyze
from tripwire.document import Article

pytestmark = pytest.mark.slow

STOLTENBERG = "person:jens-stoltenberg"
BORRELL = "person:josep-borrell"


def test_seed_quotes_and_speakers(seed_path: Path) -> None:
    article = Article(text=seed_path.read_text(encoding="utf-8"), published="2022-01-07")
    document = analyze(article)
    quoted = [q for q in document.quotes if q.kind in ("direct", "partial")]
    assert len(quoted) == 9
    for quote in document.quotes:
        assert document.text[quote.start : quote.end] == quote.text
        assert quote.speaker is not None
        speaker = quote.speaker
        assert document.text[speaker.start : speaker.end] == speaker.text
    actors = [q.speaker.actor for q in quoted if q.speaker]
    yalta = next(i for i, q in enumerate(quoted) if "Yalta" in q.text)
    partial = [i for i, q in enumerate(quoted) if q.kind == "partial"]
    assert actors[yalta] == BORRELL
    # the alliance "wants to" listen: the words are NATO's, voiced by its chief
    for i, actor in enumerate(actors):
        if i == yalta:
            continue
        allowed = {STOLTENBERG, "NATO"} if i in partial else {STOLTENBERG}
        assert actor in allowed, (quoted[i].text, actor)
    assert sum(actor == STOLTENBERG for actor in actors) >= 7
    reported = [q for q in document.quotes if q.kind == "indirect"]
    assert any(q.cue == "according to" and q.speaker and q.speaker.actor == STOLTENBERG
               for q in reported)
