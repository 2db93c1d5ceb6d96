"""An undated text never takes today's office holders: a title alone names no person, and a
named person holds no office on a day nobody gave."""

from __future__ import annotations

import datetime as dt

from tripwire.actors import resolve_actors, resolve_phrase
from tripwire.actors.reading import as_day
from tripwire.nlp import parse


def test_no_date_is_no_day() -> None:
    assert as_day(None) is None
    assert as_day("not a date") is None
    assert as_day("2022-01-07T10:00:00Z") == dt.date(2022, 1, 7)


def test_a_title_names_its_holder_only_on_a_given_day() -> None:
    dated = resolve_phrase("the NATO secretary general", "2022-01-07")
    assert dated.actor == "person:jens-stoltenberg"
    undated = resolve_phrase("the NATO secretary general")
    assert undated.actor != "person:jens-stoltenberg"
    assert undated.kind != "person"


def test_an_undated_article_holds_no_office_for_a_named_person() -> None:
    doc = parse("Jens Stoltenberg met the Russian foreign minister.")
    dated = {a.id: a for a in resolve_actors(doc, "2022-01-07").actors}
    undated = {a.id: a for a in resolve_actors(doc, None).actors}
    assert dated["person:jens-stoltenberg"].affiliation == "NATO"
    assert "person:sergey-lavrov" in dated
    assert "person:sergey-lavrov" not in undated
    assert undated["person:jens-stoltenberg"].affiliation is None
