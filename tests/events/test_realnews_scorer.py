"""The real-news scorer's matching rules, on acts and events the team wrote."""

from __future__ import annotations

from bench_module import load_benchmark

from tripwire.document import ActorRef, Event, Sentence, Trigger

bench = load_benchmark("realnews_eval")


def _act(type_: str, source: set[str], target: set[str], symmetric: bool = False,
         alt: list[str] | None = None) -> object:
    return bench.GoldAct(id="a", type=type_, alt_types=alt or [], source=source, target=target,
                         modality="asserted", sentences=[(10, 50)], symmetric=symmetric)


def _coded(type_: str, source: set[str], target: set[str], span: tuple[int, int] = (20, 40)):
    event = Event(id="e", type=type_, sentence=Sentence(0, 1), trigger=Trigger("x", 0, 1))
    return bench.CodedEvent(event=event, span=span, source=source, target=target)


def test_types_sentences_and_roles_must_agree() -> None:
    act = _act("ACCUSE", {"RUS"}, {"UKR"})
    assert bench.triple_match(act, _coded("ACCUSE", {"RUS", "person:x"}, {"UKR"}))
    assert not bench.triple_match(act, _coded("ACCUSE", {"UKR"}, {"RUS"}))
    assert not bench.triple_match(act, _coded("REJECT", {"RUS"}, {"UKR"}))
    assert not bench.triple_match(act, _coded("ACCUSE", {"RUS"}, {"UKR"}, span=(50, 60)))
    assert bench.type_match(act, _coded("ACCUSE", set(), set()))


def test_symmetric_acts_match_either_way_and_alt_types_count() -> None:
    act = _act("CONSULT", {"JPN"}, {"IRL"}, symmetric=True, alt=["AGREE"])
    assert bench.triple_match(act, _coded("CONSULT", {"IRL"}, {"JPN"}))
    assert bench.triple_match(act, _coded("AGREE", {"JPN"}, {"IRL"}))


def test_an_empty_gold_role_asks_nothing() -> None:
    assert bench.triple_match(_act("COERCE", {"GNQ"}, set()), _coded("COERCE", {"GNQ"}, {"X"}))


def test_matching_is_one_to_one_and_maximal() -> None:
    acts = [_act("ASSAULT", {"A"}, set()), _act("ASSAULT", {"A", "B"}, set())]
    events = [_coded("ASSAULT", {"A"}, set()), _coded("ASSAULT", {"B"}, set())]
    pairs = bench.match(acts, events, bench.triple_match)
    assert sorted(pairs) == [(0, 0), (1, 1)]


def test_clean_offsets_map_back_to_the_raw_text() -> None:
    raw = "By A Reporter\n\nPhoto: AFP\n\nTroops shelled the town. Talks stopped."
    clean = "Troops shelled the town. Talks stopped."
    to_raw = bench.offset_map(clean, raw)
    start = clean.index("Talks")
    assert raw[to_raw(start):to_raw(start) + 5] == "Talks"


def test_role_keys_take_the_actors_country_and_affiliation() -> None:
    from tripwire.document import Actor, Document
    document = Document(id="d", content_hash="h", text="", actors=[
        Actor(id="person:x-y", name="X Y", kind="person", country="KEN", affiliation="AU")])
    keys = bench.role_keys([ActorRef(actor="person:x-y", text="Y")], document)
    assert keys == {"person:x-y", "KEN", "AU"}
