"""The quotes lexicon loads from its YAML file and rejects bad edits, naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripwire.errors import TripwireError
from tripwire.quotes.lexicon import DEFAULT_PATH, default_lexicon, load_lexicon


def test_packaged_lexicon_loads() -> None:
    lexicon = default_lexicon()
    assert "say" in lexicon.speech_verbs
    assert {"“", "„", "«", "‹", "\"", "''"} <= set(lexicon.opening)
    assert any(p.text == "according to" and p.speaker == "object" for p in lexicon.cue_phrases)


def edited(tmp_path: Path, old: str, new: str) -> Path:
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "quotes.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_unknown_family_names_its_line(tmp_path: Path) -> None:
    path = edited(tmp_path, "family: single}", "family: triple}")
    with pytest.raises(TripwireError) as caught:
        load_lexicon(path)
    assert caught.value.code == "E009"
    assert caught.value.where == f"{path}:{line_of(path, 'triple')}"


def test_duplicate_word_is_rejected(tmp_path: Path) -> None:
    path = edited(tmp_path, "speech_verbs: [\n  say,", "speech_verbs: [\n  say, say,")
    with pytest.raises(TripwireError, match="lists 'say' twice"):
        load_lexicon(path)


def test_missing_section_is_rejected(tmp_path: Path) -> None:
    path = edited(tmp_path, "person_pronouns:", "person_pronoun_list:")
    with pytest.raises(TripwireError, match="lacks person_pronouns"):
        load_lexicon(path)


def test_bad_cue_phrase_speaker(tmp_path: Path) -> None:
    path = edited(tmp_path, "{text: according to, speaker: object}",
                  "{text: according to, speaker: nobody}")
    with pytest.raises(TripwireError, match="speaker must be one of"):
        load_lexicon(path)


def test_long_mark_is_rejected(tmp_path: Path) -> None:
    path = edited(tmp_path, '{open: "«"', '{open: "<<<"')
    with pytest.raises(TripwireError, match="one or two characters"):
        load_lexicon(path)


def test_broken_yaml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "quotes.yaml"
    path.write_text("quote_marks: [\n", encoding="utf-8")
    with pytest.raises(TripwireError) as caught:
        load_lexicon(path)
    assert caught.value.where is not None and caught.value.where.startswith(str(path))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TripwireError, match="cannot read"):
        load_lexicon(tmp_path / "absent.yaml")
