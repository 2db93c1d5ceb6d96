"""Artefacts of scraping and machine translation: glued topic tags, doubled words, broken lines."""

from __future__ import annotations

import re

from tripwire.document import Repair

# A lower-case topic tag glued to the capitalised first word: "crisis ukraineNATO continues".
_GLUED_KICKER = re.compile(
    r"^(?P<kicker>(?:[a-z][a-z'’-]*\s){0,4}(?P<last>[a-z][a-z'’-]{2,}))(?P<first>[A-Z][\w'’-]*)"
)
_DOUBLED = re.compile(r"\b(?P<word>[^\W\d_]+)(?P<space>[ \t]+)(?P=word)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]…]$")


def split_kicker(first_line: str, exceptions: frozenset[str]) -> tuple[str | None, str]:
    """Split a glued lower-case topic tag off the first line: (kicker, rest of the line)."""
    match = _GLUED_KICKER.match(first_line)
    if not match or len(match["kicker"]) > 40:
        return None, first_line
    glued = (match["last"] + match["first"]).lower()
    if glued in exceptions or match["last"].lower() in exceptions:
        return None, first_line
    return match["kicker"], first_line[match.start("first") :]


def repair_doubled_words(text: str, allowed: frozenset[str]) -> tuple[str, list[Repair]]:
    """ "said this this afternoon" -> "said this afternoon"; names ("Walla Walla") are left alone."""
    repairs: list[Repair] = []

    def fix(match: re.Match[str]) -> str:
        word, whole = match["word"], match.group(0)
        second = whole[len(word) + len(match["space"]) :]
        if word.lower() in allowed or second[:1].isupper():
            return whole
        repairs.append(Repair("doubled-word", whole, word))
        return word

    return _DOUBLED.sub(fix, text), repairs


def join_wrapped_lines(lines: list[str]) -> tuple[list[str], list[Repair]]:
    """Rejoin paragraphs broken over several lines, and words hyphenated across a line break.

    A line continues the previous one when it starts in lower case, or when the previous line is
    long and does not end a sentence (hard-wrapped text). Other lines stay paragraphs of their own.
    """
    paragraphs: list[str] = []
    repairs: list[Repair] = []
    for line in lines:
        if paragraphs and _continues(paragraphs[-1], line):
            previous = paragraphs[-1]
            if re.search(r"[^\W\d_]-$", previous) and line[:1].islower():
                head, _, tail = previous.rpartition(" ")
                word_end = line.split(" ", 1)[0]
                repairs.append(Repair("hyphenation", f"{tail}\n{word_end}", tail[:-1] + word_end))
                paragraphs[-1] = previous[:-1] + line
            else:
                paragraphs[-1] = f"{previous} {line}"
        else:
            paragraphs.append(line)
    return paragraphs, repairs


def _continues(previous: str, line: str) -> bool:
    if line[:1].islower() and not _SENTENCE_END.search(previous):
        return True
    return len(previous) >= 50 and not _SENTENCE_END.search(previous) and len(line) >= 20
