import json

from tripwire.document import ActorRef, Document, Event, Sentence, Trigger
from tripwire.schema import SCHEMA_FILE, build_schema, document_schema, validate_document


def test_committed_schema_matches_the_document_types() -> None:
    assert document_schema() == json.loads(json.dumps(build_schema())), (
        f"regenerate src/tripwire/schema/{SCHEMA_FILE} with build_schema()")


def sample() -> dict:
    text = "Marovia shelled Tessel."
    doc = Document(id="d", content_hash="h", text=text, sentences=[Sentence(0, len(text))],
                   events=[Event(id="d:0", type="ASSAULT", sentence=Sentence(0, len(text)),
                                 trigger=Trigger("shelled", 8, 15),
                                 source=[ActorRef("XMR", "Marovia")])])
    return doc.to_dict()


def test_valid_document_has_no_errors() -> None:
    assert validate_document(sample()) == []


def test_closed_vocabularies_and_offsets_are_enforced() -> None:
    bad_type = sample()
    bad_type["events"][0]["type"] = "ATTACK"
    assert any("events/0/type" in e for e in validate_document(bad_type))
    bad_trigger = sample()
    bad_trigger["events"][0]["trigger"]["start"] = 9
    assert validate_document(bad_trigger) == [
        "events[0].trigger: text 'shelled' != 'helled'"]
    missing = sample()
    del missing["kicker"]
    assert any("'kicker' is a required property" in e for e in validate_document(missing))
