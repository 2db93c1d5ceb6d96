"""Tokens and keys for name look-ups: the same rules for registry names, phrases and article text.

Keys fold case and accents ("Orbán" = "Orban"), drop the dots of abbreviations ("U.S." = "US")
and treat hyphens as spaces ("Jean-Yves" = "Jean Yves"), so one dict look-up per n-gram finds a
name however the article spells it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"            # U.S. / U.N. / U.K.
    r"|\w+(?:['’](?!s\b)\w+)*"        # words, O'Brien, d'Ivoire (not the possessive)
    r"|['’]s\b"                       # possessive 's
    r"|[^\w\s]"                       # any other single character
)
# Characters that never separate a name: dropped from the matching stream.
_SKIP = frozenset({".", "-", "‐", "‑", "–"})


# Letters NFKD does not decompose into a base letter and a mark.
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                               "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "ð": "d",
                               "þ": "th", "’": "'", "‘": "'"})


def fold(text: str) -> str:
    """Strip accents (NFKD without combining marks) and unify apostrophes."""
    if text.isascii():  # the common case, and nothing to fold
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=100_000)
def key_of(token: str) -> str:
    """The look-up key of one token: folded, lower case, abbreviation dots removed."""
    return fold(token).replace(".", "").casefold()


class Token(NamedTuple):
    """A word of a name or article (a named tuple: articles make tens of thousands of them)."""

    text: str
    start: int
    end: int
    key: str

    @property
    def is_acronym_form(self) -> bool:
        """Spelled as an acronym can be in running text: "NATO", "U.N.", or "Nato" (4+ letters)."""
        letters = self.text.replace(".", "")
        return letters.isupper() or (letters.istitle() and len(letters) >= 4)

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of `text` with character offsets (plus `offset`), hyphens and dots left out."""
    tokens = []
    for match in _TOKEN.finditer(text):
        piece = match.group()
        if piece in _SKIP:
            continue
        tokens.append(Token(piece, match.start() + offset, match.end() + offset, key_of(piece)))
    return tokens


def name_key(name: str) -> tuple[str, ...]:
    """The key tuple of a registry name or phrase."""
    return tuple(t.key for t in tokenize(name))


def is_acronym(name: str) -> bool:
    """A registry name such as "US", "UN" or "NATO" that must not match the ordinary word "us"."""
    letters = name.replace(".", "").replace(" ", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 8
