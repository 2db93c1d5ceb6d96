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

PARAGRAPH_BREAK = re.compile(r"\s*\n\s*")
MAX_DEPTH = 4


@dataclass(frozen=True)
class QuotedPassage:
    """Text between quote marks: `start`/`end` bound the words, `open_at`/`close_at` the marks.

    `close_end` is where the closing mark ends (the paragraph end when there is none); `close_at`
    is None when the paragraph ended before a closing mark; `continues` is True when
    the passage carries on a quote left open at the end of the previous paragraph.
    """

    start: int
    end: int
    open_at: int
    close_at: int | None
    close_end: int
    paragraph: int
    continues: bool = False


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph: runs of text between line breaks.

    The clean stage joins paragraphs with a blank line and leaves no line break inside one; raw
    texts that break paragraphs with a single newline read the same way.
    """
    start = 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        if brk.start() > start:
            yield start, brk.start()
        start = brk.end()
    if start < len(text):
        yield start, len(text)


def _is_punct(ch: str) -> bool:
    return not ch.isalnum() and not ch.isspace()


def _flanking(text: str, mark: re.Match[str], lo: int, hi: int) -> tuple[bool, bool]:
    """(can open, can close) for a mark, as CommonMark reads delimiter runs.

    A mark between two letters or digits (an apostrophe, an inch sign) can do neither.
    """
    prev = text[mark.start() - 1] if mark.start() > lo else " "
    nxt = text[mark.end()] if mark.end() < hi else " "
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


@dataclass(frozen=True)
class _Span:
    """Raw marks of one quote: the opening mark, where the words run, the closing mark."""

    open_at: int
    start: int
    end: int
    close_at: int | None
    close_end: int


def _scan_double(text: str, lo: int, hi: int, lexicon: QuoteLexicon) -> tuple[list[_Span], bool]:
    """Outermost double-family quotes in text[lo:hi], and whether one is left open at the end."""
    found: list[_Span] = []
    stack: list[tuple[QuoteMark, re.Match[str]]] = []

    def close(opening: re.Match[str], closing: re.Match[str]) -> None:
        if not stack:
            found.append(_Span(opening.start(), opening.end(), closing.start(), closing.start(),
                               closing.end()))

    for mark in lexicon.double_pattern.finditer(text, lo, hi):
        glyph = mark.group()
        can_open, can_close = _flanking(text, mark, lo, hi)
        if stack and glyph in stack[-1][0].close and (can_close or not can_open):
            close(stack.pop()[1], mark)
            continue
        opener = lexicon.opening.get(glyph)
        if opener is not None and opener.family == "double" and can_open:
            if len(stack) < MAX_DEPTH:
                stack.append((opener, mark))
            continue
        if can_close:
            depth = next((d for d in range(len(stack) - 1, -1, -1) if glyph in stack[d][0].close),
                         None)
            if depth is not None:
                opening = stack[depth][1]
                del stack[depth:]
                close(opening, mark)
    if stack:
        opening = stack[0][1]
        found.append(_Span(opening.start(), opening.end(), hi, None, hi))
    return found, bool(stack)


def _scan_single(text: str, lo: int, hi: int, lexicon: QuoteLexicon) -> list[_Span]:
    """Single-quoted passages in text[lo:hi] (a stretch outside double quotes), never nested."""
    found: list[_Span] = []
    opened: tuple[QuoteMark, re.Match[str]] | None = None
    for mark in lexicon.single_pattern.finditer(text, lo, hi):
        glyph = mark.group()
        can_open, can_close = _flanking(text, mark, lo, hi)
        if opened is not None and glyph in opened[0].close and can_close:
            opening = opened[1]
            found.append(_Span(opening.start(), opening.end(), mark.start(), mark.start(),
                               mark.end()))
            opened = None
            continue
        opener = lexicon.opening.get(glyph)
        if opened is None and opener is not None and opener.family == "single" and can_open:
            opened = (opener, mark)
    return found


def scan_paragraph(text: str, lo: int, hi: int, lexicon: QuoteLexicon) -> tuple[list[_Span], bool]:
    """Outermost quotes in one paragraph, in order, and whether a quote runs past its end."""
    doubles, left_open = _scan_double(text, lo, hi, lexicon)
    found: list[_Span] = []
    gap = lo
    for span in doubles:
        found.extend(_scan_single(text, gap, span.open_at, lexicon))
        found.append(span)
        gap = span.close_end
    found.extend(_scan_single(text, gap, hi, lexicon))
    return found, left_open


def find_passages(text: str, lexicon: QuoteLexicon) -> list[QuotedPassage]:
    """Every outermost quoted passage with words in it, in text order."""
    passages: list[QuotedPassage] = []
    left_open = False
    for number, (lo, hi) in enumerate(paragraphs(text)):
        found, still_open = scan_paragraph(text, lo, hi, lexicon)
        for index, span in enumerate(found):
            start, end = _trim(text, span.start, span.end)
            if not _has_words(text, start, end):
                continue
            continues = left_open and index == 0 and not text[lo : span.open_at].strip()
            passages.append(
                QuotedPassage(start, end, span.open_at, span.close_at, span.close_end, number,
                              continues)
            )
        left_open = still_open
    return passages
