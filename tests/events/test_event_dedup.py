"""One sentence's clauses of one act are one event: events built by hand for these tests."""

from __future__ import annotations

from tripwire.document import ActorRef, Event, Sentence, Trigger
from tripwire.events.dedup import merge_clauses

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
    # "three people were injured in police firing to disperse the crowd": the purpose clause is
    # the more confident reading here, yet the act was done, and by whom the words say
    injured = event("injured", 30, [ActorRef(None, "", "IND")], [], confidence=0.6)
    injured.modality = "hypothetical"
    firing = event("firing", 50, [ActorRef(None, "police", "IND", "COP")], [])
    [merged] = merge_clauses([injured, firing])
    assert merged.modality == "asserted"
    assert [r.text for r in merged.source] == ["police"]
