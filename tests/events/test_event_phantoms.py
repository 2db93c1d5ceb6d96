"""Acts an analyst would not code, or would code once: sentences written for these tests."""

from __future__ import annotations

from tripwire.analyze import analyze
from tripwire.document import Event


def code(text: str, published: str = "2024-05-01") -> list[Event]:
    return analyze(text, published=published).events


def test_meeting_and_its_purpose_are_one_consultation() -> None:
    [consult] = [e for e in code("Kenya will meet Uganda on Friday to discuss the border.")
                 if e.type == "CONSULT"]
    assert consult.modality == "future"
    assert [m.text for m in consult.mentions] == ["meet", "discuss"]
