"""Police arrests and use of force in lower-case regional news: coding and the police labels."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripwire.document import ActorRef, Document, Event, Quote, Sentence, Speaker, Trigger
from tripwire.errors import TripwireError
from tripwire.eval.events import (
    code_texts,
    is_police,
    police_labels,
    police_speaks,
    speaker_phrase,
)
from tripwire.events.lexicon import default_lexicon, load_triggers, load_types
from tripwire.events.matching import hyphen_prefix, lemma_forms
from tripwire.nlp import parse

# (sentence, labels, (type, mode) of the event that answers) -- invented sentences in the style
# of lower-cased regional police news
CASES = [
    ("the accused were arrested by the police on sunday.", {"ANY_ACTION", "ARREST"},
     ("COERCE", "arrest")),
    ("police lathi-charged the mob near the bus stand.", {"ANY_ACTION", "FORCE"},
     ("ASSAULT", "crowd-control")),
    ("the police cane-charged the protesters outside the office.", {"ANY_ACTION", "FORCE"},
     ("ASSAULT", "crowd-control")),
    ("police burst tear gas shells to disperse the stone-pelting mob.", {"ANY_ACTION", "FORCE"},
     ("ASSAULT", "crowd-control")),
    ("the police opened fire to disperse the crowd.", {"ANY_ACTION", "FORCE"},
     ("ASSAULT", "firearms")),
    ("the police was forced to lathicharge the mob.", {"ANY_ACTION", "FORCE"},
     ("ASSAULT", "crowd-control")),
    ("the police nabbed two youths from the market area.", {"ANY_ACTION", "ARREST"},
     ("COERCE", "arrest")),
    ("the police rounded up about 40 people after the clash.", {"ANY_ACTION", "ARREST"},
     ("COERCE", "arrest")),
    ("five persons were detained for questioning.", {"ANY_ACTION", "ARREST"},
     ("COERCE", "arrest")),
    ("the two brothers were taken into custody on monday.", {"ANY_ACTION", "ARREST"},
     ("COERCE", "arrest")),
    ("the leader was picked up by police from his residence late on friday.",
     {"ANY_ACTION", "ARREST"}, ("COERCE", "arrest")),
    ("the arrest of the local leader sparked protests.", {"ANY_ACTION", "ARREST"},
     ("COERCE", "arrest")),
    ("over 100 arrests were made in the district.", {"ANY_ACTION", "ARREST"},
     ("COERCE", "arrest")),
    ("a case has been registered against the shop owner.", {"ANY_ACTION"}, ("ACCUSE", "allege")),
    ("additional police force has been deployed in the area.", {"ANY_ACTION"},
     ("MOBILIZE", None)),
    ("the army staged a flag march in the town.", {"ANY_ACTION"}, ("MOBILIZE", "police")),
    ("security arrangements have been made in the city.", {"ANY_ACTION"}, ("MOBILIZE", "police")),
    ("the police were asked to keep a close watch on the area.", {"ANY_ACTION"},
     ("MOBILIZE", "police")),
    ("the police rushed to the spot and brought the crowd under control.", {"ANY_ACTION"},
     ("MOBILIZE", "police")),
    ("a man was hurt in police firing near the market.", {"ANY_ACTION", "FORCE"},
     ("ASSAULT", "firearms")),
]

# sentences that do not say the police did anything
NOTHING = [
    "a curfew was clamped on the old quarter on tuesday.",
    "the victims were shot dead by unidentified men.",
    "the opposition criticised the government over the riots.",
    "the minister said the party would contest the election.",
]


@pytest.fixture(scope="module")
def coded() -> dict[str, Document]:
    texts = [text for text, _, _ in CASES] + NOTHING
    return dict(zip(texts, code_texts(texts), strict=True))


@pytest.mark.parametrize(("text", "labels", "event"), CASES)
def test_police_acts_are_coded(coded: dict[str, Document], text: str, labels: set[str],
                               event: tuple[str, str | None]) -> None:
    document = coded[text]
    assert police_labels(document) == labels
    assert event in {(e.type, e.mode) for e in document.events} or (
        event[1] is None and event[0] in {e.type for e in document.events})


@pytest.mark.parametrize("text", NOTHING)
def test_other_acts_are_not_police_acts(coded: dict[str, Document], text: str) -> None:
    assert police_labels(coded[text]) == set()


def test_lower_case_police_source_counts_as_police(coded: dict[str, Document]) -> None:
    document = coded["the police nabbed two youths from the market area."]
    [arrest] = [e for e in document.events if e.type == "COERCE"]
    assert [r.text for r in arrest.source] == ["the police"]
    assert is_police(arrest.source[0])
    assert [r.text for r in arrest.target] == ["two youths"]


def test_hyphenated_verb_keeps_its_doer(coded: dict[str, Document]) -> None:
    document = coded["police lathi-charged the mob near the bus stand."]
    [charge] = [e for e in document.events if e.type == "ASSAULT"]
    assert [r.text for r in charge.source] == ["police"]
    assert [r.text for r in charge.target] == ["the mob"]


def test_is_police_reads_unresolved_phrases() -> None:
    assert is_police(ActorRef(None, "senior police officials"))
    assert is_police(ActorRef(None, "the constables"))
    assert is_police(ActorRef(None, "protesters", sector="COP")) is True
    assert not is_police(ActorRef(None, "the district administration"))
    assert not is_police(ActorRef("person:someone", "the police"))


def _document(speaker: str) -> Document:
    text = f"{speaker} said the situation was calm."
    quote = Quote(text="the situation was calm", start=len(speaker) + 6, end=len(text) - 1,
                  kind="indirect", speaker=Speaker(None, speaker, 0, len(speaker)), cue="said")
    return Document(id="d", content_hash="h", text=text, quotes=[quote],
                    sentences=[Sentence(0, len(text))])


def test_a_police_statement_is_a_police_act() -> None:
    assert police_speaks(_document("police sources"))
    assert police_labels(_document("the commissioner of police")) == {"ANY_ACTION"}
    assert not police_speaks(_document("the party spokesman"))
    assert police_labels(_document("the party spokesman")) == set()


def test_negated_police_act_is_not_an_act() -> None:
    event = Event(id="e", type="COERCE", sentence=Sentence(0, 10), trigger=Trigger("arrest", 0, 6),
                  mode="arrest", source=[ActorRef(None, "police")], modality="negated")
    document = Document(id="d", content_hash="h", text="x", events=[event])
    assert police_labels(document) == set()
    event.modality = "future"
    assert police_labels(document) == {"ANY_ACTION"}
    event.modality = "asserted"
    assert police_labels(document) == {"ANY_ACTION", "ARREST"}


def test_hyphen_prefix_and_stems_on_noisy_text() -> None:
    doc = parse("police lathi-charged the mob and staged a march.")
    charged = next(t for t in doc if t.lower_ == "charged")
    assert hyphen_prefix(charged).lower_ == "lathi"
    assert lemma_forms(charged)[0] == "lathi-charge"
    assert hyphen_prefix(doc[0]) is None
    staged = next(t for t in doc if t.lower_ == "staged")
    assert "stage" in set(lemma_forms(staged))


def test_subject_constraint_is_read_and_checked(tmp_path: Path) -> None:
    lexicon = default_lexicon()
    rush = [p for p in lexicon.verbs["rush"] if p.subjects]
    assert rush and "police" in rush[0].subjects and rush[0].mode == "police"
    bad = tmp_path / "mine.yaml"
    bad.write_text("MOBILIZE:\n  - verbs: [rush]\n    subjects: police\n")
    with pytest.raises(TripwireError, match="subjects: must be a non-empty list") as caught:
        load_triggers(bad, load_types())
    assert caught.value.where == f"{bad}:3"


def test_generic_verb_codes_only_with_a_police_subject() -> None:
    police, crowd = code_texts(["the police rushed to the spot.", "the crowd rushed to the spot."])
    assert [(e.type, e.mode) for e in police.events] == [("MOBILIZE", "police")]
    assert crowd.events == []


def _quoted(text: str, speaker: str, cue: str) -> Document:
    start = text.index(speaker)
    quote = Quote(text="...", start=0, end=1, kind="indirect", cue=cue,
                  speaker=Speaker(None, speaker, start, start + len(speaker)))
    return Document(id="d", content_hash="h", text=text, quotes=[quote])


def test_speaker_title_and_qualifiers_name_the_police() -> None:
    titled = _quoted("the town was calm, inspector general of police r k rao said.",
                     "r k rao", "said")
    assert speaker_phrase(titled, titled.quotes[0]).split() == [
        "inspector", "general", "of", "police", "r", "k", "rao"]
    assert police_labels(titled) == {"ANY_ACTION"}
    apposed = _quoted("all is calm, ravi kumar, deputy commissioner of police, said on monday.",
                      "ravi kumar", "said")
    assert police_speaks(apposed)
    qualified = _quoted("a spokesman of the city police, asked about it, said so.",
                        "a spokesman", "said")
    assert police_speaks(qualified)
    # the police before the clause boundary are not the speaker's title
    other = _quoted("after a complaint to the police, the shopkeeper said he saw nothing.",
                    "the shopkeeper", "said")
    assert not police_speaks(other)
