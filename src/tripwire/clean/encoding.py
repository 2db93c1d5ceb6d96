"""Broken encodings, stray entities and stray markup in plain text, each repair recorded."""

from __future__ import annotations

import difflib
import html
import re

import ftfy

from tripwire.document import Repair

# ftfy settings: repair mojibake and control characters, but leave typography (curly quotes,
# ligatures, full-width forms) as the author wrote it.
_FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    unescape_html=False,
    explain=False,
)

# In cp1252 the byte 0x9D is undefined, so the mojibake of "”" (UTF-8 E2 80 9D) often reaches us
# as "â€" plus U+FFFD; put the byte back so ftfy can decode the whole sequence.
_LOST_9D = re.compile("â€\ufffd")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_BREAK_TAG = re.compile(r"<(?:br|p|/p|div|/div|li|/li)\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,10}(?:\s[^<>\n]{0,300})?/?>")


def _token_repairs(kind: str, before: str, after: str) -> list[Repair]:
    """The distinct word-level changes between two versions of a text."""
    old, new = before.split(), after.split()
    if len(old) == len(new):
        changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    else:
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        changed = [
            (" ".join(old[i1:i2]), " ".join(new[j1:j2]))
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()
            if tag != "equal"
        ]
    if not changed:
        return [Repair(kind, "(whitespace)", "(whitespace)")]
    return [Repair(kind, a, b) for a, b in dict.fromkeys(changed)]


def repair_mojibake(text: str) -> tuple[str, list[Repair]]:
    """Fix text decoded with the wrong codec ("â€™" for "’") with ftfy."""
    if text.isascii():
        return text, []
    fixed = ftfy.fix_text(_LOST_9D.sub("â€\x9d", text), _FTFY_CONFIG)
    if fixed == text:
        return text, []
    return fixed, _token_repairs("mojibake", text, fixed)


def repair_markup(text: str) -> tuple[str, list[Repair]]:
    """Decode stray HTML entities and drop stray tags left in a plain text."""
    repairs: list[Repair] = []
    if "<" in text:
        stripped = _TAG.sub("", _BREAK_TAG.sub("\n", text))
        if stripped != text:
            repairs.extend(
                Repair("markup", tag, "\n") for tag in sorted(set(_BREAK_TAG.findall(text)))
            )
            repairs.extend(Repair("markup", tag, "") for tag in sorted(set(_TAG.findall(text))))
            text = stripped
    if "&" in text and _ENTITY.search(text):
        entities = sorted(set(_ENTITY.findall(text)))
        decoded = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
        repairs.extend(
            Repair("entity", e, html.unescape(e)) for e in entities if html.unescape(e) != e
        )
        text = decoded
    return text, repairs


def remove_control_characters(text: str) -> tuple[str, list[Repair]]:
    """Drop C0 control characters (NUL, BEL ...) that copy-paste and bad exports leave behind."""
    found = sorted(set(_CONTROL.findall(text)))
    if not found:
        return text, []
    return _CONTROL.sub("", text), [Repair("control-character", repr(c), "") for c in found]


def repair_text(text: str) -> tuple[str, list[Repair]]:
    """All character-level repairs of a plain text, in a safe order."""
    text, control = remove_control_characters(text)
    text, markup = repair_markup(text)
    text, mojibake = repair_mojibake(text)
    return text, control + markup + mojibake
