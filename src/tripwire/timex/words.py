"""Turn the text of a time expression into lower-case words and read the numbers in them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from tripwire.timex.vocab import vocab

MAX_DIGITS = 9  # longer digit runs are never a time quantity (and would be slow to convert)

_CLOCK_SUFFIX = re.compile(r"(\d)\s*([ap])\.?\s?m\b\.?")
_WORD = re.compile(r"\b[qh][1-4]\b|\d+/\d+|\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s|am|pm)?|'\d\ds?|[a-z]+")
_PLAIN_NUMBER = re.compile(r"^\d{1,9}(?:,\d{3})*(?:\.\d+)?$")
_FRACTION = re.compile(r"^(\d{1,3})/(\d{1,3})$")
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")


def split_words(text: str) -> list[str]:
    """Lower-case words of an expression; "7 p.m." becomes "7pm", hyphens split words."""
    lowered = text.lower().replace("’", "'").replace("`", "'")
    lowered = _CLOCK_SUFFIX.sub(r"\1\2m", lowered)
    lowered = lowered.replace("a.m.", "am").replace("p.m.", "pm")
    return _WORD.findall(lowered)


def opens_with(words: list[str], phrases: Iterable[str]) -> bool:
    """Whether `words` begin with one of `phrases` (of one word or more)."""
    return any(words[: len(split)] == split for split in (p.split() for p in phrases))


def digit_number(word: str) -> float | None:
    """A plain numeral ("24", "2.5", "1,000"), or None (too long, or not a number)."""
    if len(word) > MAX_DIGITS + 6 or not _PLAIN_NUMBER.match(word):
        return None
    return float(word.replace(",", ""))


def fraction(word: str) -> float | None:
    m = _FRACTION.match(word)
    if not m or int(m[2]) == 0:
        return None
    return int(m[1]) / int(m[2])


def ordinal(word: str) -> int | None:
    """1 for "first" or "1st" ... ; -1 for "last"/"final"; None otherwise."""
    if m := _ORDINAL.match(word):
        return int(m[1])
    return vocab().ordinals.get(word)


def _number_words(
    words: list[str], i: int, after_article: bool = False
) -> tuple[float, int] | None:
    """A number spelled out from words[i]: "twenty four", "two hundred and fifty", "dozen";
    after "a" a multiplier may come first ("a hundred")."""
    lex = vocab()
    total = 0.0
    current = 0.0
    j = i
    while j < len(words):
        w = words[j]
        if w in lex.numbers and w not in lex.indefinite_articles:
            current += lex.numbers[w]
        elif w in lex.multipliers and (j > i or after_article):
            total += max(current, 1.0) * lex.multipliers[w]
            current = 0.0
        elif not (w in lex.number_joiners and j > i and j + 1 < len(words) and words[j + 1] in lex.numbers):
            break
        j += 1
    return None if j == i else (total + current, j)


def read_number(words: list[str], i: int) -> tuple[float, int] | None:
    """The number starting at words[i] and the index after it: "24", "2 1/2", "twenty four",
    "a couple of", "half a", "a hundred"."""
    if i >= len(words):
        return None
    word = words[i]
    value = digit_number(word)
    if value is not None:
        if i + 1 < len(words) and (part := fraction(words[i + 1])) is not None:
            return value + part, i + 2
        return value, i + 1
    if (part := fraction(word)) is not None:
        return part, i + 1
    if word in vocab().indefinite_articles:
        if i + 1 < len(words) and words[i + 1] in vocab().vague_quantities:
            return None  # "a few days"
        spelled = _number_words(words, i + 1, after_article=True)
        found: tuple[float, int] | None = spelled if spelled else (1.0, i + 1)
    else:
        found = _number_words(words, i)
    if found is None:
        return None
    value, j = found
    if j < len(words) and words[j] == "of":  # "a couple of"
        j += 1
    if j < len(words) and words[j] in vocab().indefinite_articles and value < 1:  # "half a year"
        j += 1
    return value, j
