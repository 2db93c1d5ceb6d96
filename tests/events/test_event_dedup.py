"""One sentence's clauses of one act are one event: events built by hand for these tests."""

from __future__ import annotations

from tripwire.document import ActorRef, Event, Sentence, Trigger
from tripwire.events.dedup import merge_clauses, merge_restatements

FIRST = Sentence(0, 80)


def event(trigger: str, start: int, source: list[ActorRef], target: list[ActorRef],
          sentence: Sentence = FIRST, confidence: float = 0.5) -> Event:
    return Event(id="", type="ASSAULT", sentence=sentence, trigger=Trigger(trigger, start,
                                                                           start + len(trigger)),
                 source=source, target=target, confidence=confidence,
                 mentions=[Trigger(trigger, start, start + len(trigger))])


TROOPS = [ActorRef(None, "Chadian troops", "TCD", "MIL")]
FIGHTERS = [ActorRef(None, "four fighters", "TCD")]


def test_act_whose_doer_is_untold_joins_the_told_act_of_its_sentence() -> None:
    # "Chadian troops killed four fighters during a night raid": the raid has no doer of its own
    killed = event("killed", 15, TROOPS, FIGHTERS, confidence=0.6)
    raid = event("raid", 50, [ActorRef(None, "", None, unresolved="no doer")], [])
    [merged] = merge_clauses([killed, raid])
    assert merged.trigger.text == "killed"
    assert [m.text for m in merged.mentions] == ["killed", "raid"]


def test_untold_doer_in_another_sentence_or_two_doers_stay_apart() -> None:
    killed = event("killed", 15, TROOPS, FIGHTERS)
    elsewhere = event("raid", 95, [], [], sentence=Sentence(81, 160))
    assert len(merge_clauses([killed, elsewhere])) == 2
    rebels = [ActorRef(None, "rebels", "TCD", "REB")]
    other = event("shelled", 50, [ActorRef("org:x", "the group", None)] + rebels, [])
    assert len(merge_clauses([killed, other])) == 2


def test_act_restated_in_a_clause_of_another_modality_is_one_event() -> None:
    # "Chadian troops raided the camp, where they killed four fighters": the relative clause
    # restates the raid (historical by its cue), it is not a second act
    raid = event("raided", 15, TROOPS, [], confidence=0.6)
    restated = event("killed", 50, [ActorRef(None, "they", "TCD", "MIL")], FIGHTERS)
    restated.modality = "historical"
    [merged] = merge_clauses([raid, restated])
    assert merged.modality == "asserted"
    assert merged.source == TROOPS
    assert [m.text for m in merged.mentions] == ["raided", "killed"]
    assert merged.target == FIGHTERS


def test_same_type_acts_aimed_at_two_parties_stay_two_events() -> None:
    # "the minister accused Russia of lying and accused Ukraine of stalling"
    minister = [ActorRef(None, "the minister", "POL", "GOV")]
    first = event("accused", 13, minister, [ActorRef("RUS", "Russia", "RUS")], confidence=0.6)
    second = event("accused", 50, minister, [ActorRef("UKR", "Ukraine", "UKR")])
    assert len(merge_clauses([first, second])) == 2


def test_a_deed_told_with_its_purpose_is_done_and_its_doer_comes_from_the_words() -> None:
    # "two men were hurt in police firing to break up the march": the purpose clause is
    # the more confident reading here, yet the act was done, and by whom the words say
    injured = event("injured", 30, [ActorRef(None, "", "IND")], [], confidence=0.6)
    injured.modality = "hypothetical"
    firing = event("firing", 50, [ActorRef(None, "police", "IND", "COP")], [])
    [merged] = merge_clauses([injured, firing])
    assert merged.modality == "asserted"
    assert [r.text for r in merged.source] == ["police"]


PUBLISHED = "2024-05-10"
SISI = [ActorRef("person:sisi", "Sisi", "EGY", "GOV")]
FRANCE = [ActorRef("FRA", "France", "FRA")]
PARIS = [ActorRef(None, "Paris", "FRA")]


def visit(start: int, source: list[ActorRef], target: list[ActorRef], date: str) -> Event:
    told = event("visited", start, source, target, sentence=Sentence(start, start + 40))
    told.type, told.date, told.date_precision = "CONSULT", date, "day"
    return told


def test_restatement_naming_the_place_or_its_country_is_one_event_dated_by_either() -> None:
    # "Sisi visited Paris on Monday ... during Sisi's recent visit to France"
    first = visit(0, SISI, PARIS, "2024-05-06")
    again = visit(100, SISI, FRANCE, PUBLISHED)
    [merged] = merge_restatements([first, again], PUBLISHED)
    assert [m.start for m in merged.mentions] == [0, 100]
    assert merged.date == "2024-05-06"
    # told undated first, the dated restatement gives the date
    [merged] = merge_restatements([visit(0, SISI, FRANCE, PUBLISHED),
                                   visit(100, SISI, PARIS, "2024-05-06")], PUBLISHED)
    assert merged.date == "2024-05-06"


def test_restatement_loosens_one_role_only_and_keeps_distinct_days_and_parties_apart() -> None:
    lyon = [ActorRef(None, "Lyon", "FRA")]
    macron = [ActorRef("person:macron", "Macron", "FRA", "GOV")]
    police = [ActorRef(None, "the police", "FRA", "COP")]
    egypt = [ActorRef("EGY", "Egypt", "EGY")]
    apart = [
        (visit(0, SISI, PARIS, PUBLISHED), visit(100, SISI, lyon, PUBLISHED)),  # two places
        (visit(0, SISI, macron, PUBLISHED), visit(100, SISI, FRANCE, PUBLISHED)),  # a person
        (visit(0, SISI, police, PUBLISHED), visit(100, SISI, FRANCE, PUBLISHED)),  # an agent
        (visit(0, egypt, PARIS, PUBLISHED), visit(100, [ActorRef(None, "Cairo", "EGY")],
                                                  FRANCE, PUBLISHED)),  # both roles loose
        (visit(0, SISI, PARIS, "2024-05-06"), visit(100, SISI, FRANCE, "2024-03-01")),
    ]
    for first, second in apart:
        assert len(merge_restatements([first, second], PUBLISHED)) == 2
    # with no publication day known, only equal dates merge
    assert len(merge_restatements([visit(0, SISI, PARIS, "2024-05-06"),
                                   visit(100, SISI, FRANCE, PUBLISHED)])) == 2
