"""`code_events` reads only what it is given: the parse, the actors, the quotes and times, the
publication day and the document id."""

from __future__ import annotations

from tripwire.actors import resolve_actors
from tripwire.document import Quote, Speaker
from tripwire.events import code_events
from tripwire.nlp import parse
from tripwire.timex import find_times

TEXT = "Chile and Peru held talks in Lima on Monday."
PUBLISHED = "2023-05-04"


def test_times_given_date_the_event_and_none_leave_the_publication_day() -> None:
    doc = parse(TEXT)
    actors = resolve_actors(doc, PUBLISHED)
    dated = code_events(doc, actors, quotes=[], times=find_times(doc, PUBLISHED),
                        published=PUBLISHED, doc_id="talks")
    undated = code_events(doc, actors, quotes=[], times=[], published=PUBLISHED, doc_id="talks")
    assert [(e.id, e.type, e.date) for e in dated] == [("talks:1", "CONSULT", "2023-05-01")]
    assert [(e.id, e.date) for e in undated] == [("talks:1", PUBLISHED)]


def test_a_quote_given_attributes_the_events_inside_it() -> None:
    doc = parse(TEXT)
    actors = resolve_actors(doc, PUBLISHED)
    quote = Quote(text=TEXT, start=0, end=len(TEXT), kind="direct",
                  speaker=Speaker(actor="BOL", text="Bolivia", start=0, end=0))
    (event,) = code_events(doc, actors, quotes=[quote], times=[], published=PUBLISHED,
                           doc_id="talks")
    assert event.attributed_to == "BOL"
