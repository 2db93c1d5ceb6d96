"""The registry loads, validates users' files with file:line errors, and merges them over the data."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripwire.actors import registry, resolve_phrase, use_actor_files
from tripwire.actors.entries import read_actor_file
from tripwire.actors.registry import ENV_VAR, load_registry, surname_of
from tripwire.errors import TripwireError

VALDORIA = """\
actors:
  - id: XVA
    name: Valdoria
    kind: state
    country: XVA
    names: [Valdoria, Republic of Valdoria]
    adjectives: [Valdorian]
    metonyms: [Corvo, the Palace of Lanterns]
  - id: person:mira-okonde
    name: Mira Okonde
    kind: person
    country: XVA
    offices:
      - {title: President, of: XVA, start: 2019-03-01, end: null}
"""


@pytest.fixture
def user_files():
    """Reset the configured user files after each test."""
    yield use_actor_files
    use_actor_files([])


def write(tmp_path: Path, text: str, name: str = "extra.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_packaged_registry_has_states_igos_and_people() -> None:
    reg = registry()
    kinds = {e.kind for e in reg.entries.values()}
    assert {"state", "igo", "person", "group", "org"} <= kinds
    assert reg.entries["RUS"].name == "Russia"
    assert sum(e.kind == "igo" for e in reg.entries.values()) >= 60
    assert reg.entries["EU-COMMISSION"].parent == "EU"


def test_office_holder_on_a_date() -> None:
    import datetime as dt

    reg = registry()
    assert reg.holder("NATO", "Secretary General", dt.date(2022, 1, 7)).name == "Jens Stoltenberg"
    assert reg.holder("NATO", "Secretary General", dt.date(2025, 1, 7)).name == "Mark Rutte"
    assert reg.holder("USA", "Foreign Minister", dt.date(2006, 5, 1)).name == "Condoleezza Rice"
    assert reg.holder("FRA", "President", dt.date(1990, 1, 1)) is None


def test_users_file_adds_an_invented_state(tmp_path: Path, user_files) -> None:
    user_files([write(tmp_path, VALDORIA)])
    assert resolve_phrase("Valdorian soldiers").actor == "XVA"
    palace = resolve_phrase("the Palace of Lanterns")
    assert (palace.actor, palace.sector) == ("XVA", "GOV")
    president = resolve_phrase("President Okonde", "2021-05-05")
    assert (president.actor, president.country, president.sector) == ("person:mira-okonde", "XVA", "GOV")


def test_users_file_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(write(tmp_path, VALDORIA)))
    assert resolve_phrase("Corvo").actor == "XVA"


def test_users_file_overrides_a_packaged_entry(tmp_path: Path, user_files) -> None:
    override = "actors:\n  - {id: FRA, name: France, kind: state, adjectives: [Gallic]}\n"
    user_files([write(tmp_path, override)])
    assert resolve_phrase("Gallic troops").actor == "FRA"
    assert resolve_phrase("French troops").actor == "FRA"  # packaged names stay


@pytest.mark.parametrize(("text", "line", "words"), [
    ("actors:\n  - {id: X, name: Y, kind: planet}\n", 2, "kind must be one of: 'state'"),
    ("actors:\n  - id: X\n    kind: state\n", 2, "actors.0: lacks name"),
    ("actors:\n  - {id: X, name: '', kind: state}\n", 2, "actors.0.name: is required"),
    ("actors:\n  - {id: X, name: Y, kind: state, sector: ARMY}\n", 2, "'ARMY' is not a sector"),
    ("actors:\n  - {id: X, name: Y, kind: state, colour: red}\n", 2, "unknown key 'colour'"),
    ("actors:\n  - id: p\n    name: P\n    kind: person\n    offices:\n"
     "      - {title: President, start: 2020-31-01}\n", 6, "'2020-31-01' is not a date"),
    ("actors: [\n", 2, "invalid YAML"),
    ("people: []\n", 1, "lacks actors"),
    ("- {id: X}\n", 1, "'actors:' list"),
])
def test_bad_files_name_file_and_line(tmp_path: Path, text: str, line: int | None, words: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(TripwireError) as caught:
        read_actor_file(path)
    assert caught.value.code == "E009"
    assert words in caught.value.message
    assert caught.value.where == (f"{path}:{line}" if line else str(path))


def test_bad_people_csv(tmp_path: Path) -> None:
    path = write(tmp_path, "name,country\nA,B\n", "people.csv")
    with pytest.raises(TripwireError, match="header must be"):
        read_actor_file(path)
    path = write(tmp_path, "name,country,office,of,start,end,aliases\nA B,XVA,President,,2020,,\n",
                 "people.csv")
    with pytest.raises(TripwireError) as caught:
        read_actor_file(path)
    assert caught.value.where == f"{path}:2"


def test_missing_user_file_is_a_clear_error(tmp_path: Path, user_files) -> None:
    with pytest.raises(TripwireError) as caught:
        user_files([tmp_path / "nope.yaml"])
    assert caught.value.code == "E002"


def test_registry_is_built_once_per_set_of_files() -> None:
    assert load_registry(()) is load_registry(())


@pytest.mark.parametrize(("name", "surname"), [
    ("Ursula von der Leyen", "von der Leyen"), ("Jean-Yves Le Drian", "Le Drian"),
    ("Vladimir Putin", "Putin"), ("Madonna", None),
])
def test_surnames(name: str, surname: str | None) -> None:
    assert surname_of(name) == surname
