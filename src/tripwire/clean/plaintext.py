"""Plain text -> clean body: lines are classified, furniture is moved out, paragraphs are rebuilt.

Every line that leaves the body is recorded (`removed`, `captions`, `kicker`, `subheads`) and
every character change is a `Repair`, so the clean `text` can always be explained.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tripwire.clean.artefacts import join_wrapped_lines, repair_doubled_words, split_kicker
from tripwire.clean.boilerplate import (
    line_features,
    looks_like_page_dump,
    score_lines,
    select_body_lines,
)
from tripwire.clean.dates import iso_date, parse_date
from tripwire.clean.encoding import repair_text
from tripwire.clean.patterns import Patterns, ScorerWeights
from tripwire.clean.result import CleanedArticle
from tripwire.document import Caption, Removed, Repair, Subhead

SUBHEAD_MAX_CHARS = 70
SUBHEAD_MAX_WORDS = 9
SUBHEAD_NEXT_MIN_CHARS = 80
CAPTION_MAX_CHARS = 300
STORY_DATE_MAX_CHARS = 80
DATELINE_REACH = 3
SOURCE_MAX_WORDS = 4
DATE_LINE_REACH = 6
DATE_LINE_MAX_CHARS = 80
_SUBHEAD_BAD_END = re.compile(r"[.,;:!\"”’)\]…]$")
_CAPTION_TRIM = " |-–—:·•,"
_SENTENCE_ENDS = frozenset(".!?\"”’)")
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·:-]+\s+|\s*::\s*")
TITLE_PART_MIN_WORDS = 3


@dataclass
class _Line:
    """A non-empty line and the blank-separated block it belongs to."""

    index: int
    block: int
    text: str


@dataclass
class _State:
    """What the passes have found so far."""

    kept: list[_Line]
    published: str | None
    title: str | None
    kicker: str | None = None
    removed: list[Removed] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)


def _split_lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


def _blocks(lines: list[str]) -> list[_Line]:
    block, out = 0, []
    for index, line in enumerate(lines):
        if line:
            out.append(_Line(index, block, line))
        else:
            block += 1
    return out


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def title_variants(title: str | None) -> set[str]:
    """A page title and its parts ("Opinion | Talks resume - Daily" -> "talks resume" ...).

    Parts of fewer than `TITLE_PART_MIN_WORDS` words (section and site names) do not count.
    """
    if not title:
        return set()
    parts = [p for p in _TITLE_SEPARATORS.split(title) if len(p.split()) >= TITLE_PART_MIN_WORDS]
    return {_normal(title), *(_normal(p) for p in parts)}


def _take_story_date(line: str, patterns: Patterns) -> str | None:
    """The date text of a "This story is from <date>" line, else None."""
    if len(line) > STORY_DATE_MAX_CHARS:
        return None
    for pattern in patterns.story_date:
        match = pattern.fullmatch(line.rstrip(". "))
        if match:
            return match["date"]
    return None


def _caption(line: str, patterns: Patterns) -> Caption | None:
    """A short line ending in a photo credit ("... © AP", "Photo: Reuters")."""
    if len(line) > CAPTION_MAX_CHARS:
        return None
    for pattern in patterns.credits:
        match = pattern.search(line)
        if match:
            text = line[: match.start()].rstrip(_CAPTION_TRIM) or line
            return Caption(text, match["credit"].strip(_CAPTION_TRIM) or None)
    return None


@dataclass
class LineVerdict:
    """Why a line leaves the body: a story date, a caption, or a pattern kind (`cta`, `share` ...)."""

    kind: str
    caption: Caption | None = None
    date: str | None = None


def classify_line(line: str, patterns: Patterns) -> LineVerdict | None:
    """The verdict on one line by the patterns alone (None: the line may stay)."""
    date_text = _take_story_date(line, patterns)
    if date_text is not None:
        return LineVerdict("story-date", date=date_text)
    for rule in patterns.line_rules:
        if rule.pattern.match(line):
            return LineVerdict(rule.kind)
    caption = _caption(line, patterns)
    return LineVerdict("caption", caption=caption) if caption else None


def _cut_label(line: _Line, state: _State, patterns: Patterns) -> None:
    """A page label glued before the text of a line ("Story highlights ...") is cut off."""
    for pattern in patterns.labels:
        match = pattern.match(line.text)
        if match and match.end() < len(line.text):
            state.removed.append(Removed("label", match.group(0).strip()))
            line.text = line.text[match.end():]


def _classify_lines(state: _State, patterns: Patterns) -> dict[int, str]:
    """Move story dates, captions and pattern-matched furniture out; return their lines' kinds."""
    kept: list[_Line] = []
    matched: dict[int, str] = {}
    titles = title_variants(state.title)
    for line in state.kept:
        _cut_label(line, state, patterns)
        verdict = classify_line(line.text, patterns)
        if verdict is None:
            if _normal(line.text) not in titles:
                kept.append(line)
                continue
            verdict = LineVerdict("title")
        if verdict.caption:
            state.captions.append(verdict.caption)
        else:
            state.removed.append(Removed(verdict.kind, line.text))
        if verdict.date:
            state.published = state.published or parse_date(verdict.date, patterns.months)
        matched[line.index] = verdict.kind
    state.kept = kept
    return matched


def _drop_page_furniture(
    state: _State,
    lines: list[str],
    matched: dict[int, str],
    patterns: Patterns,
    scorer: ScorerWeights,
) -> None:
    """Score every line of a page dump; drop runs of low scorers as `boilerplate`.

    A short dated line just above the article ("Jane Roe, March 3, 2024") is the page's date
    line: it is recorded as `date` and fills `published` when none is given.
    """
    scored = line_features(lines, patterns, matched)
    score_lines(scored, scorer)
    good = select_body_lines(scored, scorer, matched)
    date_line = _date_line_above_body(state.kept, good, patterns)
    if date_line is not None:
        state.published = state.published or parse_date(date_line.text, patterns.months)
    run: list[str] = []
    kept = []
    for line in state.kept:
        if line.index in good:
            kept.append(line)
            if run:
                state.removed.append(Removed("boilerplate", "\n".join(run)))
                run = []
        elif line is date_line:
            state.removed.append(Removed("date", line.text))
        else:
            run.append(line.text)
    if run:
        state.removed.append(Removed("boilerplate", "\n".join(run)))
    state.kept = kept


def _date_line_above_body(kept: list[_Line], good: set[int], patterns: Patterns) -> _Line | None:
    """The nearest short line with a full date among the few lines above the first body line."""
    first = next((n for n, line in enumerate(kept) if line.index in good), None)
    if first is None:
        return None
    for line in reversed(kept[max(0, first - DATE_LINE_REACH) : first]):
        if len(line.text) <= DATE_LINE_MAX_CHARS and parse_date(line.text, patterns.months):
            return line
    return None


def _take_kicker_and_dateline(state: _State, patterns: Patterns) -> None:
    """A glued tag on the first line; a wire dateline opening one of the first paragraphs. Lines
    above a dateline that end no sentence are the page's highlights: the story starts at its
    dateline (a lead paragraph above it stays)."""
    if not state.kept:
        return
    first = state.kept[0]
    kicker, rest = split_kicker(first.text, patterns.glued_exceptions)
    if kicker:
        state.kicker = kicker
        first.text = rest
    for n, line in enumerate(state.kept[:DATELINE_REACH]):
        for pattern in patterns.datelines:
            match = pattern.match(line.text)
            if match and match.end() < len(line.text):
                above = state.kept[:n]
                if any(a.text.rstrip()[-1:] in _SENTENCE_ENDS for a in above):
                    above = []
                state.removed.extend(Removed("highlights", a.text) for a in above)
                state.removed.append(Removed("dateline", match.group(0).strip()))
                line.text = line.text[match.end() :]
                state.published = state.published or _dateline_date(match, patterns)
                del state.kept[: len(above)]
                return


def _cut_footer_notes(state: _State, patterns: Patterns) -> None:
    """Notes run on after the story's last sentence, set off by a bullet ("... no threat to
    us.” • This article was amended on ...", "• Jane Roe is a fellow at ..."): a bullet after a
    sentence end, or before furniture the patterns know, starts them."""
    if not state.kept:
        return
    last = state.kept[-1]
    for pattern in patterns.footer_marks:
        for mark in pattern.finditer(last.text):
            before = last.text[: mark.start()].rstrip()
            note = pattern.split(last.text[mark.end() :], maxsplit=1)[0]
            if before and (before[-1] in _SENTENCE_ENDS or classify_line(note, patterns)):
                state.removed.append(Removed("footer", last.text[mark.end() :].strip()))
                last.text = before
                return


def _dateline_date(match: re.Match[str], patterns: Patterns) -> str | None:
    """Only a dateline that prints its year fills `published`."""
    parts = match.groupdict()
    if not (parts.get("year") and parts.get("month") and parts.get("day")):
        return None
    month = patterns.months.get(parts["month"].lower())
    return iso_date(int(parts["year"]), month, int(parts["day"])) if month else None


def _is_subhead(block: list[str], following: list[str] | None) -> bool:
    if len(block) != 1 or not following:
        return False
    text = block[0]
    return (
        len(text) <= SUBHEAD_MAX_CHARS
        and len(text.split()) <= SUBHEAD_MAX_WORDS
        and not _SUBHEAD_BAD_END.search(text)
        and len(following[0]) >= SUBHEAD_NEXT_MIN_CHARS
    )


def _is_source_line(text: str) -> bool:
    """A short title-case name set between the lead and the body ("Eastmark Herald") names the source."""
    words = text.split()
    return 2 <= len(words) <= SOURCE_MAX_WORDS and all(
        w[:1].isupper() and w.isalpha() for w in words
    )


def _assemble(state: _State, patterns: Patterns, from_html: bool) -> tuple[str, list[Subhead]]:
    """Rebuild paragraphs block by block; short standalone lines before a paragraph are subheads."""
    blocks: list[list[str]] = []
    previous_block = None
    for line in state.kept:
        if line.block != previous_block:
            blocks.append([])
            previous_block = line.block
        blocks[-1].append(line.text)
    paragraphs: list[str] = []
    pending: list[str] = []
    subheads: list[Subhead] = []
    offset = 0
    for number, block in enumerate(blocks):
        following = blocks[number + 1] if number + 1 < len(blocks) else None
        if paragraphs and _is_subhead(block, following):
            if not from_html and len(paragraphs) == 1 and not pending and _is_source_line(block[0]):
                state.removed.append(Removed("byline", block[0]))
            else:
                pending.append(block[0])
            continue
        joined, repairs = join_wrapped_lines(block)
        state.repairs.extend(repairs)
        for paragraph in joined:
            fixed, doubled = repair_doubled_words(paragraph, patterns.doubled_words_allowed)
            state.repairs.extend(doubled)
            if paragraphs:
                offset += 2
            subheads.extend(Subhead(text, offset) for text in pending)
            pending = []
            paragraphs.append(fixed)
            offset += len(fixed)
    return "\n\n".join(paragraphs), subheads


def clean_plain_text(
    text: str,
    patterns: Patterns,
    scorer: ScorerWeights,
    *,
    title: str | None = None,
    published: str | None = None,
    from_html: bool = False,
) -> CleanedArticle:
    """Clean one plain text; a whole-page dump also goes through the block scorer.

    `from_html` marks text trafilatura already extracted from a page: no dump detection, and
    headings are taken for subheads, never for source lines.
    """
    text, repairs = repair_text(text)
    lines = _split_lines(text)
    state = _State(kept=_blocks(lines), published=published, title=title, repairs=repairs)
    dump = not from_html and looks_like_page_dump(lines)
    if dump and state.kept and not title:
        state.title = state.kept[0].text
    matched = _classify_lines(state, patterns)
    if dump:
        _drop_page_furniture(state, lines, matched, patterns, scorer)
    _take_kicker_and_dateline(state, patterns)
    _cut_footer_notes(state, patterns)
    body, subheads = _assemble(state, patterns, from_html)
    return CleanedArticle(
        text=body,
        title=state.title,
        published=state.published,
        kicker=state.kicker,
        subheads=subheads,
        captions=state.captions,
        removed=state.removed,
        repairs=state.repairs,
    )
