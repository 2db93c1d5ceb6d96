"""One loader for the word files of every language: a mistake names the file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripwire.errors import TripwireError
from tripwire.lang import LANG_DIR, WordFile, Words, languages, load_words, word_file


class _Sample(WordFile):
    verbs: Words
    nouns: Words


def test_english_is_a_folder_of_word_files() -> None:
    assert "en" in languages()
    assert {p.name for p in (LANG_DIR / "en").glob("*.yaml")} >= {
        "quotes.yaml", "time.yaml", "places.yaml", "phrases.yaml", "roles.yaml"}
    assert word_file("time") == LANG_DIR / "en" / "time.yaml"


def test_words_are_lower_cased_sets(tmp_path: Path) -> None:
    path = tmp_path / "words.yaml"
    path.write_text("verbs: [Say, tell]\nnouns: [claim]\n", encoding="utf-8")
    assert load_words(path, _Sample) == _Sample(verbs=frozenset({"say", "tell"}),
                                                nouns=frozenset({"claim"}))


@pytest.mark.parametrize(("text", "line", "message"), [
    ("verbs: [say, tell, say]\nnouns: [claim]\n", 1, "verbs: lists 'say' twice"),
    ("verbs: [say]\nnouns: [claim, no]\n", 2, "nouns: False is not a word (quote yes/no/on/off)"),
    ("verbs: [say]\n", 1, "lacks nouns"),
    ("verbs: [say]\nnouns: [claim]\nadverbs: [now]\n", 3, "unknown key 'adverbs'"),
    ("verbs: []\nnouns: [claim]\n", 1, "verbs: must be a non-empty list of words"),
])
def test_a_mistake_names_file_line_and_key(tmp_path: Path, text: str, line: int,
                                           message: str) -> None:
    path = tmp_path / "words.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TripwireError) as caught:
        load_words(path, _Sample)
    assert (caught.value.code, caught.value.where, caught.value.message) == (
        "E009", f"{path}:{line}", message)


def test_the_role_words_load_with_on_quoted() -> None:
    from tripwire.events.roles import role_words

    words = role_words()
    assert "urge" in words.object_control
    assert "on" in words.control_prepositions and "on" in words.prepositions.noun_targets


def test_the_answering_types_must_be_event_types(tmp_path: Path) -> None:
    from tripwire.events.roles import RoleWords

    text = (word_file("roles")).read_text(encoding="utf-8").replace(
        "answering: [REJECT]", "answering: [REFUSE]")
    path = tmp_path / "roles.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TripwireError) as caught:
        load_words(path, RoleWords)
    assert caught.value.message == "answering: not event types: REFUSE"


def test_phrase_words_load_as_sets() -> None:
    from tripwire.actors.words import phrase_words

    words = phrase_words()
    assert "'s" in words.function_words and "," in words.conjunctions
    assert words.stance_prefixes == frozenset({"pro", "anti"})
