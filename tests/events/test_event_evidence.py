"""The coder records why it coded an event only when asked (`tripwire explain`), and a
Document carries that evidence within the schema."""

from __future__ import annotations

from tripwire.analyze import analyze, analyze_explained
from tripwire.document import Article, Document
from tripwire.schema import validate_document

TEXT = "Peru will not make any concessions to Chile."


def test_documents_carry_no_evidence_unless_asked() -> None:
    data = analyze(TEXT, published="2023-05-02").to_dict()
    assert data["events"]
    assert all("evidence" not in event for event in data["events"])


def test_explained_events_carry_pattern_cue_and_role_heads() -> None:
    document, doc = analyze_explained(Article(text=TEXT, published="2023-05-02"))
    assert doc.text == document.text
    concede, reject = document.events
    assert concede.evidence is not None and reject.evidence is not None
    assert concede.evidence.pattern.startswith("CONCEDE noun light=")
    assert "(triggers.yaml:" in concede.evidence.pattern
    assert (concede.evidence.light, concede.evidence.modality) == ("make", "negated (cue 'not')")
    assert (concede.evidence.source_heads, concede.evidence.target_heads) == (["Peru"], ["Chile"])
    assert (reject.type, reject.evidence.derived_from) == ("REJECT", "CONCEDE")
    data = document.to_dict()
    assert validate_document(data) == []
    assert Document.from_dict(data).events[1].evidence == reject.evidence
