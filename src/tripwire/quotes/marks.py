"""Find quoted passages by their quote marks, in one linear pass over the text.

Marks are read by their shape and by what stands beside them (an opening mark is followed by a
word, a closing one follows a word), so straight quotes, curly quotes, guillemets and German
„low-high“ quotes all pair up. Nested quotes stay inside the outer passage. A paragraph that
ends inside a quote ends the passage there; when the next paragraph opens with a quote mark, that
passage continues the same quote (news style).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tripwire.quotes.lexicon import QuoteLexicon, QuoteMark

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
MAX_DEPTH = 4


@dataclass(frozen=True)
class QuotedPassage:
    """Text between quote marks: `start`/`end` bound the words, `open_at`/`close_at` the marks.

    `close_at` is None when the paragraph ended before a closing mark; `continues` is True when
    the passage carries on a quote left open at the end of the previous paragraph.
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    paragraph: int
    continues: bool = False


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph: runs of text between blank lines."""
    start = 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        if brk.start() > start:
            yield start, brk.start()
        start = brk.end()
    if start < len(text):
        yield start, len(text)


def _is_punct(ch: str) -> bool:
    return not ch.isalnum() and not ch.isspace()


def _flanking(text: str, i: int, lo: int, hi: int) -> tuple[bool, bool]:
    """(can open, can close) for the mark at text[i], as CommonMark reads delimiter runs.

    A mark between two letters or digits (an apostrophe, an inch sign) can do neither.
    """
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if prev.isalnum() and nxt.isalnum():
        return False, False
    can_open = not nxt.isspace() and (not _is_punct(nxt) or prev.isspace() or _is_punct(prev))
    can_close = not prev.isspace() and (not _is_punct(prev) or nxt.isspace() or _is_punct(nxt))
    return can_open, can_close


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _has_words(text: str, start: int, end: int) -> bool:
    return any(ch.isalnum() for ch in text[start:end])


Span = tuple[int, int, int | None]  # (opening mark, end of the words, closing mark or None)


def _scan_double(text: str, lo: int, hi: int, lexicon: QuoteLexicon) -> tuple[list[Span], bool]:
    """Outermost double-family quotes in text[lo:hi], and whether one is left open at the end."""
    found: list[Span] = []
    stack: list[tuple[QuoteMark, int]] = []
    for i in range(lo, hi):
        ch = text[i]
        if ch not in lexicon.double_chars:
            continue
        can_open, can_close = _flanking(text, i, lo, hi)
        if stack and ch in stack[-1][0].close and (can_close or not can_open):
            _, at = stack.pop()
            if not stack:
                found.append((at, i, i))
            continue
        opener = lexicon.opening.get(ch)
        if opener is not None and opener.family == "double" and can_open:
            if len(stack) < MAX_DEPTH:
                stack.append((opener, i))
            continue
        if can_close:
            depth = next((d for d in range(len(stack) - 1, -1, -1) if ch in stack[d][0].close), None)
            if depth is not None:
                at = stack[depth][1]
                del stack[depth:]
                if not stack:
                    found.append((at, i, i))
    if stack:
        found.append((stack[0][1], hi, None))
    return found, bool(stack)


def _scan_single(text: str, lo: int, hi: int, lexicon: QuoteLexicon) -> list[Span]:
    """Single-quoted passages in text[lo:hi] (a stretch outside double quotes), never nested."""
    found: list[Span] = []
    opened: tuple[QuoteMark, int] | None = None
    for i in range(lo, hi):
        ch = text[i]
        if ch not in lexicon.single_chars:
            continue
        can_open, can_close = _flanking(text, i, lo, hi)
        if opened is not None and ch in opened[0].close and can_close:
            found.append((opened[1], i, i))
            opened = None
            continue
        opener = lexicon.opening.get(ch)
        if opened is None and opener is not None and opener.family == "single" and can_open:
            opened = (opener, i)
    return found


def scan_paragraph(text: str, lo: int, hi: int, lexicon: QuoteLexicon) -> tuple[list[Span], bool]:
    """Outermost quotes in one paragraph, in order, and whether a quote runs past its end."""
    doubles, left_open = _scan_double(text, lo, hi, lexicon)
    found: list[Span] = []
    gap = lo
    for span in doubles:
        found.extend(_scan_single(text, gap, span[0], lexicon))
        found.append(span)
        gap = (span[2] + 1) if span[2] is not None else hi
    found.extend(_scan_single(text, gap, hi, lexicon))
    return found, left_open


def find_passages(text: str, lexicon: QuoteLexicon) -> list[QuotedPassage]:
    """Every outermost quoted passage with words in it, in text order."""
    passages: list[QuotedPassage] = []
    left_open = False
    for number, (lo, hi) in enumerate(paragraphs(text)):
        found, still_open = scan_paragraph(text, lo, hi, lexicon)
        for index, (open_at, content_end, close_at) in enumerate(found):
            start, end = _trim(text, open_at + 1, content_end)
            if not _has_words(text, start, end):
                continue
            continues = left_open and index == 0 and not text[lo:open_at].strip()
            passages.append(QuotedPassage(start, end, open_at, close_at, number, continues))
        left_open = still_open
    return passages
