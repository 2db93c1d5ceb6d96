"""Score the modality reader on the factuality of every verbal event in TempEval-3 (TimeML).

    python benchmarks/modality_eval.py [--data DIR] [--half dev|test] [--limit N] [--errors N]

TimeBank and AQUAINT (../shared/data/time/*/*.tml) annotate each event instance with its
`polarity`, `tense` and `modality` (the modal auxiliary), and SLINKs from an embedding event
("tried", "said", "denied", "if") to the event it subordinates. No annotator tagged tripwire's
classes; this benchmark derives them, for each event whose MAKEINSTANCE says pos="VERB", by
the first row of this table that applies (`gold_modality`):

    1  polarity NEG                                          negated
    2  modal will, shall                                     future
       modal must, should, ought, have to (any form)         demanded
       modal would, 'd, under an EVIDENTIAL SLINK            future (the future seen from the
                                                             past: "said it would sell")
       any other modal (would, could, may, might, can ...)   hypothetical
    3  tense FUTURE                                          future
    4  subordinated by NEG_EVIDENTIAL or COUNTER_FACTIVE     negated ("denied that X",
                                                             "prevented X")
       subordinated by CONDITIONAL (either end of the link)  hypothetical
       subordinated by MODAL from a negated embedding event  negated ("did not try to X";
                                                             tripwire: what is not wanted,
                                                             planned or tried is not announced)
       subordinated by MODAL from a refusal verb             negated ("refused to X", as
                                                             COUNTER_FACTIVE; REFUSAL_VERBS)
       subordinated by MODAL from a request verb, or from    demanded ("urged them to X",
       a wish verb with an object                            "wants them to X": the act is
                                                             called for; REQUEST_VERBS)
       subordinated by MODAL from an intention,              future ("plans to X", "agreed to
       commitment or expectation                             X", "is expected to X": the act
                                                             is announced; COMMITMENT_VERBS)
       subordinated by MODAL from a belief verb              asserted by attribution ("thinks
                                                             X happened", as "said that X";
                                                             BELIEF_VERBS)
       subordinated by any other MODAL                       hypothetical ("tried to X",
                                                             "is able to X", "helps X")
    5  otherwise (EVIDENTIAL "said that X", FACTIVE, none)   asserted

tripwire's `historical` is a dating distinction (background told in the past), not a
factuality: it is counted as asserted here. Besides the six-way accuracy the benchmark reports
a three-way one (asserted / negated / irrealis = future, hypothetical, demanded), which does
not hang on the finer lines above.

Limits, honestly: the derivation is ours, not the annotators'. TimeML marks the modal on the
event but not the modal's force, so "can" (ability) and "may" (permission) both count as
hypothetical, and "could" of past ability ("could see the smoke") too; a MODAL SLINK does not
say what kind of intention it is, so the verb tables decide, and they are short; SLINKs are
sparse in places: an "if" clause, a purpose infinitive ("met to finish the talks") or a verb
under "planned to" without a link reads asserted, and so does a present-tense clause of time
under a future ("will open talks once it submits details"), which tripwire rightly reads as
future; most of the remaining disagreements on the dev half are of these kinds, so the
benchmark is a floor for mechanisms, not a ceiling. The verb tables are the benchmark's own
(the intention/request/refusal split follows tripwire's classes, so they agree on
definitions, not on which event is embedded under which). Events under an EVIDENTIAL from a
negated or modal saying ("did not say that X") keep their own reading; "helps X" and "chose to
X" (which entail X) count as hypothetical. 25 AQUAINT documents mark nearly every event NEG (a
known annotation defect of TBAQ-cleaned): a document where more than half the instances are
NEG is left out and counted in the report.

The documents are taken in sorted path order; `--half dev` scores the even positions (0, 2,
...), `--half test` the odd ones. Develop on dev; read test as a number only.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Token

from tripwire.events.lexicon import EventLexicon, default_lexicon
from tripwire.events.matching import find_triggers
from tripwire.events.modality import read_modality, read_verb_modality
from tripwire.nlp import parse_many

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CLASSES = ("asserted", "negated", "future", "hypothetical", "demanded")
IRREALIS = {"future": "irrealis", "hypothetical": "irrealis", "demanded": "irrealis"}
DEFECTIVE_NEG_SHARE = 0.5

FUTURE_MODALS = {"will", "shall", "'ll"}
DEMANDED_MODALS = {"must", "should", "ought", "have to", "has to", "had to", "should have to",
                   "would have to", "have_to"}
REPORTED_MODALS = {"would", "'d"}
# The embedding words whose MODAL complement is called for from someone ("asked them to leave")
REQUEST_VERBS = {"ask", "urge", "demand", "order", "call", "request", "press", "appeal", "tell",
                 "instruct", "require", "insist", "encourage", "invite", "command", "petition",
                 "need"}
# ... whose complement is announced as what will be done: an intention, a commitment or an
# expectation ("plans to buy", "agreed to sell", "is expected to rise"); an intention for
# someone else is a request ("wants Iraq to withdraw": the embedding verb has an object)
COMMITMENT_VERBS = {"plan", "intend", "promise", "pledge", "vow", "agree", "schedule", "decide",
                    "expect", "prepare", "offer", "resolve", "set", "commit", "go", "want",
                    "hope", "wish", "seek", "willing", "mean", "due", "likely", "ready"}
WISH_VERBS = {"want", "wish", "like", "prefer"}
# ... whose complement is refused or kept from happening (annotated MODAL as often as
# COUNTER_FACTIVE: "refused to sign", "declined to comment")
REFUSAL_VERBS = {"refuse", "decline", "reject", "fail", "avoid", "forbid", "prohibit", "bar",
                 "prevent"}
# ... whose complement is the holder's belief, attributed like a report ("believes X did")
BELIEF_VERBS = {"think", "believe", "say", "consider", "feel", "know", "suspect", "assume",
                "conclude", "understand", "find"}


@dataclass
class GoldEvent:
    """One verbal event instance of a TimeML document and the factuality derived for it."""

    eid: str
    start: int
    end: int
    text: str
    modality: str
    why: str


@dataclass
class TimeMLDoc:
    path: Path
    text: str
    events: list[GoldEvent]


@dataclass
class Instance:
    eid: str
    polarity: str
    tense: str
    modal: str
    pos: str


@dataclass
class Link:
    rel: str
    embedding: str  # eid of the embedding event
    embedded: str


@dataclass
class Scores:
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, read)
    unaligned: int = 0
    defective: list[str] = field(default_factory=list)
    documents: int = 0

    def accuracy(self, fold: dict[str, str] | None = None) -> float:
        fold = fold or {}
        total = sum(self.confusion.values())
        right = sum(n for (g, r), n in self.confusion.items()
                    if fold.get(g, g) == fold.get(r, r))
        return right / total if total else 0.0

    def per_class(self) -> dict[str, tuple[float, float, int]]:
        """Precision, recall and gold count of each class."""
        out = {}
        for name in CLASSES:
            gold = sum(n for (g, _), n in self.confusion.items() if g == name)
            read = sum(n for (_, r), n in self.confusion.items() if r == name)
            right = self.confusion[(name, name)]
            out[name] = (right / read if read else 0.0, right / gold if gold else 0.0, gold)
        return out


def _text_and_events(text_element: ET.Element) -> tuple[str, dict[str, tuple[int, int, str]]]:
    """The plain text of <TEXT> and each EVENT's character span in it."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int, str]] = {}
    length = 0

    def walk(element: ET.Element) -> None:
        nonlocal length
        start = length
        if element.text:
            parts.append(element.text)
            length += len(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if element.tag == "EVENT":
            spans[element.attrib["eid"]] = (start, length, "".join(parts)[start:length])

    walk(text_element)
    return "".join(parts), spans


def read_timeml(path: Path) -> tuple[str, dict[str, tuple[int, int, str]], dict[str, Instance],
                                      list[Link]] | None:
    """Text, event spans, instances by eid and SLINKs (between eids) of one .tml file."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise SystemExit(f"{path}: not well-formed TimeML: {exc}") from exc
    text_element = root.find("TEXT")
    if text_element is None:
        raise SystemExit(f"{path}: no <TEXT> element")
    text, spans = _text_and_events(text_element)
    instances: dict[str, Instance] = {}
    by_eiid: dict[str, str] = {}
    for node in root.iter("MAKEINSTANCE"):
        a = node.attrib
        by_eiid[a["eiid"]] = a["eventID"]
        instances.setdefault(a["eventID"], Instance(
            a["eventID"], a.get("polarity", "POS").upper(), a.get("tense", "NONE").upper(),
            a.get("modality", "").strip().lower(), a.get("pos", "").upper()))
    links = []
    for node in root.iter("SLINK"):
        a = node.attrib
        embedding, embedded = by_eiid.get(a.get("eventInstanceID", "")), by_eiid.get(
            a.get("subordinatedEventInstance", ""))
        if embedding and embedded:
            links.append(Link(a["relType"], embedding, embedded))
    return text, spans, instances, links


def _lemmas(token: Token | None) -> set[str]:
    """The lemma and the word with a verbal ending taken off: the small model's lemmatizer errs
    on some verbs ("hopes" as a form of "hop")."""
    if token is None:
        return set()
    word = token.lower_
    forms = {token.lemma_.lower(), word}
    for ending, restore in (("s", ""), ("es", ""), ("d", ""), ("ed", ""), ("ing", ""),
                            ("ing", "e")):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            forms.add(word[: -len(ending)] + restore)
    return forms


def _has_object(token: Token | None) -> bool:
    return token is not None and any(c.dep_ in ("dobj", "obj") for c in token.children)


def gold_modality(instance: Instance, links: list[Link], instances: dict[str, Instance],
                  tokens: dict[str, Token | None]) -> tuple[str, str]:
    """The factuality tripwire should read for an event, with the row of the table that gave it
    (see the module docstring); `tokens` gives each event's token in the parse."""
    under = [link for link in links if link.embedded == instance.eid]
    rels = {link.rel for link in under}
    modal = instance.modal
    if instance.polarity == "NEG":
        return "negated", "polarity NEG"
    if modal and modal != "none":
        if modal in FUTURE_MODALS:
            return "future", f"modal {modal}"
        if modal in DEMANDED_MODALS:
            return "demanded", f"modal {modal}"
        if modal in REPORTED_MODALS and "EVIDENTIAL" in rels:
            return "future", f"modal {modal} reported"
        return "hypothetical", f"modal {modal}"
    if instance.tense == "FUTURE":
        return "future", "tense FUTURE"
    if rels & {"NEG_EVIDENTIAL", "COUNTER_FACTIVE"}:
        return "negated", "/".join(sorted(rels & {"NEG_EVIDENTIAL", "COUNTER_FACTIVE"}))
    if "CONDITIONAL" in rels or any(link.rel == "CONDITIONAL" and link.embedding == instance.eid
                                    for link in links):
        return "hypothetical", "CONDITIONAL"
    for link in under:
        if link.rel != "MODAL":
            continue
        embedding = instances.get(link.embedding)
        token = tokens.get(link.embedding)
        lemmas = _lemmas(token)
        lemma = token.lemma_.lower() if token is not None else ""
        if embedding is not None and embedding.polarity == "NEG":
            return "negated", f"MODAL under negated {lemma!r}"
        if not lemmas.isdisjoint(REFUSAL_VERBS):
            return "negated", f"MODAL refusal {lemma!r}"
        wish = not lemmas.isdisjoint(WISH_VERBS) and _has_object(tokens.get(link.embedding))
        if wish or not lemmas.isdisjoint(REQUEST_VERBS):
            return "demanded", f"MODAL request {lemma!r}"
        if not lemmas.isdisjoint(COMMITMENT_VERBS):
            return "future", f"MODAL commitment {lemma!r}"
        if not lemmas.isdisjoint(BELIEF_VERBS):
            return "asserted", f"MODAL belief {lemma!r}"
        return "hypothetical", f"MODAL {lemma!r}"
    return "asserted", "/".join(sorted(rels)) or "no cue"


def _token_at(doc: Doc, start: int, end: int) -> Token | None:
    """The token of an event span: the span's syntactic root (most events are one word)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def documents(data: Path, half: str | None) -> list[Path]:
    paths = sorted((data / "time").glob("*/*.tml"))
    if not paths:
        raise SystemExit(f"no TimeML files under {data / 'time'}")
    if half is None:
        return paths
    return paths[0 if half == "dev" else 1::2]


@dataclass
class Reading:
    """One scored event: gold and read modality, with what decided each."""

    path: Path
    token: Token
    gold: str
    why: str
    read: str
    cue: str


def read_events(paths: Iterable[Path], lexicon: EventLexicon,
                scores: Scores) -> Iterator[Reading]:
    """Parse each document with tripwire's pipeline and read the modality of its verbal events
    (the coder's own match where the lexicon matches the verb, else `read_verb_modality`)."""
    loaded = []
    for path in paths:
        text, spans, instances, links = read_timeml(path)
        share = sum(i.polarity == "NEG" for i in instances.values()) / max(len(instances), 1)
        if share > DEFECTIVE_NEG_SHARE:
            scores.defective.append(path.name)
            continue
        loaded.append((path, text, spans, instances, links))
    docs = parse_many(text for _, text, *_ in loaded)
    for (path, _, spans, instances, links), doc in zip(loaded, docs, strict=True):
        scores.documents += 1
        tokens = {eid: _token_at(doc, s, e) for eid, (s, e, _) in spans.items()}
        matches = {}
        for sentence in doc.sents:
            matches.update({m.token.i: m for m in find_triggers(sentence, lexicon)})
        for eid, instance in instances.items():
            if instance.pos != "VERB" or eid not in spans:
                continue
            token = tokens[eid]
            if token is None or token.pos_ not in ("VERB", "AUX"):
                scores.unaligned += 1
                continue
            gold, why = gold_modality(instance, links, instances, tokens)
            triggers = {i for i in matches if token.sent.start <= i < token.sent.end}
            match = matches.get(token.i)
            reading = (read_modality(match, lexicon, triggers) if match is not None
                       and match.pattern.kind == "verb" else read_verb_modality(
                           token, lexicon, triggers))
            read = "asserted" if reading.modality == "historical" else reading.modality
            scores.confusion[(gold, read)] += 1
            yield Reading(path, token, gold, why, read, reading.describe())


def evaluate(data: Path = DATA, half: str | None = "dev", limit: int | None = None,
             errors: list[Reading] | None = None) -> Scores:
    """Score the first `limit` documents of a half; collect the wrong readings in `errors`."""
    scores = Scores()
    paths = documents(data, half)[:limit]
    for reading in read_events(paths, default_lexicon(), scores):
        if errors is not None and reading.gold != reading.read:
            errors.append(reading)
    return scores


def report(scores: Scores) -> None:
    total = sum(scores.confusion.values())
    print(f"documents {scores.documents} (left out as defective: {len(scores.defective)}), "
          f"verbal events {total}, unaligned {scores.unaligned}")
    print(f"accuracy            {scores.accuracy():.3f}")
    print(f"3-way accuracy      {scores.accuracy(IRREALIS):.3f}  (asserted/negated/irrealis)")
    print(f"{'class':14s} {'prec':>6s} {'rec':>6s} {'gold':>6s}")
    for name, (precision, recall, gold) in scores.per_class().items():
        print(f"{name:14s} {precision:6.3f} {recall:6.3f} {gold:6d}")
    print("confusion (rows gold, columns read):")
    print(" " * 14 + "".join(f"{name[:8]:>9s}" for name in CLASSES))
    for gold in CLASSES:
        print(f"{gold:14s}" + "".join(f"{scores.confusion[(gold, r)]:9d}" for r in CLASSES))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--half", choices=("dev", "test"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="score the first n documents")
    parser.add_argument("--errors", type=int, default=0,
                        help="print up to n wrong readings (dev half only)")
    args = parser.parse_args()
    if args.errors and args.half != "dev":
        parser.error("--errors reads the dev half only; the test half is a number")
    errors: list[Reading] | None = [] if args.errors else None
    scores = evaluate(args.data, args.half, args.limit, errors)
    report(scores)
    for reading in (errors or [])[:args.errors]:
        token = reading.token
        sentence = token.sent.text.replace("\n", " ")
        print(f"gold={reading.gold:12s} read={reading.read:12s} [{reading.why}; {reading.cue}] "
              f"{token.text!r} | {sentence}")


if __name__ == "__main__":
    sys.exit(main())
