"""Bytes -> text: BOMs, UTF-8, UTF-16 and legacy 8-bit encodings, and a refusal for binary files.

Text that is not UTF-8 is decoded with the encoding detected, and a note naming the file and the
encoding guessed goes to the `tripwire.ingest.decode` logger (the CLI prints it on stderr).
"""

from __future__ import annotations

import codecs
import logging

from charset_normalizer import from_bytes

from tripwire.errors import BadRecord

# What news text that is not UTF-8 is most often in: Windows-1252, which the WHATWG Encoding
# Standard also uses for pages labelled latin-1 or not labelled at all.
COMMON_LEGACY = "cp1252"
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}
notes = logging.getLogger(__name__)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 4 KB mean a binary file, not text."""
    head = data[:4096]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.05


def guess_encoding(data: bytes) -> str:
    """The legacy encoding charset-normalizer finds most likely; among candidates it scores the
    same (it often cannot tell Windows-1250 from 1252 on French or Spanish), the common one."""
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return COMMON_LEGACY
    tied = (m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence))
    if any(COMMON_LEGACY in m.could_be_from_charset for m in tied):
        return COMMON_LEGACY
    return best.encoding


def decode_bytes(data: bytes, where: str) -> str:
    """Decode a file's bytes, detecting the encoding; never raises UnicodeDecodeError."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if looks_binary(data):
        raise BadRecord("E004", "binary file, not text", where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    encoding = guess_encoding(data)
    notes.info("%s: not valid UTF-8 (at byte offset %d); decoded as %s, the encoding guessed",
               where, first_bad, encoding)
    return data.decode(encoding, errors="replace")
