"""The TimeML factuality benchmark reads its gold as its docstring's table says, on a small
TimeML document written for this test, and names a file it cannot read."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench_module import load_benchmark

REPO = Path(__file__).resolve().parents[2]

DOCUMENT = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<TEXT>The mayor <EVENT eid="e1" class="REPORTING">said</EVENT> the council <EVENT eid="e2"
class="OCCURRENCE">approved</EVENT> the budget. The guards did not <EVENT eid="e3"
class="OCCURRENCE">open</EVENT> the gate. The union <EVENT eid="e4" class="I_ACTION">urged</EVENT>
the workers to <EVENT eid="e5" class="OCCURRENCE">strike</EVENT>. The firm <EVENT eid="e6"
class="I_ACTION">tried</EVENT> to <EVENT eid="e7" class="OCCURRENCE">sell</EVENT> the mill. The
court <EVENT eid="e8" class="I_ACTION">refused</EVENT> to <EVENT eid="e9"
class="OCCURRENCE">hear</EVENT> the case. The rebels could <EVENT eid="e10"
class="OCCURRENCE">attack</EVENT>.</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e3" eiid="ei3" tense="PAST" aspect="NONE" polarity="NEG" pos="VERB"/>
<MAKEINSTANCE eventID="e4" eiid="ei4" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e5" eiid="ei5" tense="INFINITIVE" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e6" eiid="ei6" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e7" eiid="ei7" tense="INFINITIVE" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e8" eiid="ei8" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e9" eiid="ei9" tense="INFINITIVE" aspect="NONE" polarity="POS" pos="VERB"/>
<MAKEINSTANCE eventID="e10" eiid="ei10" tense="NONE" aspect="NONE" polarity="POS" pos="VERB"
modality="could"/>
<SLINK lid="l1" relType="EVIDENTIAL" eventInstanceID="ei1" subordinatedEventInstance="ei2"/>
<SLINK lid="l2" relType="MODAL" eventInstanceID="ei4" subordinatedEventInstance="ei5"/>
<SLINK lid="l3" relType="MODAL" eventInstanceID="ei6" subordinatedEventInstance="ei7"/>
<SLINK lid="l4" relType="MODAL" eventInstanceID="ei8" subordinatedEventInstance="ei9"/>
</TimeML>
"""


@pytest.fixture(scope="module")
def benchmark():
    return load_benchmark("modality_eval")


def test_gold_follows_the_table(benchmark, tmp_path: Path) -> None:
    folder = tmp_path / "time" / "TimeBank"
    folder.mkdir(parents=True)
    (folder / "t1.tml").write_text(DOCUMENT, encoding="utf-8")
    scores = benchmark.evaluate(tmp_path, half=None)
    by_class: dict[str, int] = {}
    for (gold, _), n in scores.confusion.items():
        by_class[gold] = by_class.get(gold, 0) + n
    # said, approved, urged, tried, refused: asserted; open, hear: negated; strike: demanded;
    # sell, attack: hypothetical
    assert by_class == {"asserted": 5, "negated": 2, "demanded": 1, "hypothetical": 2}
    assert scores.unaligned == 0


def test_a_malformed_file_is_named(benchmark, tmp_path: Path) -> None:
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML><TEXT>unclosed</TimeML>", encoding="utf-8")
    with pytest.raises(SystemExit, match="bad.tml"):
        benchmark.read_timeml(bad)
