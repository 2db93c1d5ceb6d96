from tripwire.document import Document, content_hash


def test_content_hash_ignores_whitespace_layout() -> None:
    assert content_hash("NATO  warns\n\nRussia") == content_hash("NATO warns Russia")
    assert content_hash("NATO warns Russia") != content_hash("NATO warns Ukraine")
    assert len(content_hash("x")) == 16


def test_document_dict_starts_with_schema_and_has_every_field() -> None:
    doc = Document(id="a", content_hash="b", text="t")
    data = doc.to_dict()
    assert next(iter(data)) == "schema"
    assert data["schema"] == "tripwire/1"
    for key in ("kicker", "subheads", "captions", "removed", "sentences", "entities",
                "actors", "quotes", "times", "events"):
        assert key in data


def test_document_round_trips_through_dict() -> None:
    from tripwire.document import ActorRef, Event, Quote, Sentence, Speaker, Trigger

    doc = Document(
        id="a", content_hash="b", text="NATO met Russia.",
        events=[Event(id="a:0", type="CONSULT", sentence=Sentence(0, 16),
                      trigger=Trigger("met", 5, 8), source=[ActorRef("NATO", "NATO")])],
        quotes=[Quote("x", 0, 1, "direct", Speaker(None, "he", 0, 1))],
    )
    rebuilt = Document.from_dict(doc.to_dict())
    assert rebuilt == doc
    assert isinstance(rebuilt.events[0].trigger, Trigger)
