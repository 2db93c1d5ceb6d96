"""Member nouns owned by an actor ("his backers", "the movement's fighters") are that actor's
people; relational nouns ("its neighbours", "her rival") are someone else and never take the
owner's country."""

from __future__ import annotations

import pytest
from coding import Coding, keys

from tripwire.actors.words import ReferenceWords
from tripwire.errors import TripwireError
from tripwire.lang import load_words, word_file

event_of = Coding("2021-09-14").event_of


def test_a_persons_followers_take_the_persons_country() -> None:
    text = ("Bobi Wine crossed into Kenya on Monday. "
            "Kenyan police dispersed his followers outside the hotel.")
    event = event_of(text, "COERCE")
    assert [(r.text, r.country) for r in event.target] == [("his followers", "UGA")]


def test_an_organisations_fighters_act_as_the_organisation() -> None:
    event = event_of("Hamas said its fighters attacked an Israeli patrol near Gaza.", "ASSAULT")
    assert "org:hamas" in keys(event.source)


def test_a_states_troops_keep_their_state_and_sector() -> None:
    event = event_of("Peru's soldiers detained two smugglers on the river.", "COERCE")
    assert [(r.actor, r.country, r.sector) for r in event.source] == [("PER", "PER", "MIL")]


def test_a_relational_noun_is_not_of_its_owners_country() -> None:
    event = event_of("Chile accused its neighbours of stealing water.", "ACCUSE")
    assert "CHL" not in keys(event.target)
    assert all(r.unresolved and "relational noun" in r.unresolved for r in event.target)


def test_a_named_owner_does_not_make_its_rival_its_own() -> None:
    event = event_of("Bolivia's rival threatened to close the border.", "THREATEN")
    assert "BOL" not in keys(event.source)


def test_a_relational_noun_with_a_name_is_that_name() -> None:
    event = event_of("Estonia and its ally Latvia condemned the airspace violation.", "ACCUSE")
    assert {"EST", "LVA"} <= keys(event.source)


def test_a_noun_in_both_classes_is_refused(tmp_path) -> None:
    path = tmp_path / "reference.yaml"
    text = word_file("reference").read_text(encoding="utf-8")
    path.write_text(text.replace("relational_nouns: [neighbour,", "relational_nouns: [lawyer, neighbour,"),
                    encoding="utf-8")
    with pytest.raises(TripwireError, match="both member_nouns and relational_nouns"):
        load_words(path, ReferenceWords)


def test_an_unknown_person_is_placed_where_the_story_is_when_named() -> None:
    text = ("Kenya and Kenyan banks reported strong growth in Kenya this year. "
            "In Tanzania, the electoral commission announced the presidential result on Sunday. "
            "The runner-up, Halima Mrisho, rejected the result as rigged.")
    event = event_of(text, "REJECT")
    assert [(r.actor, r.country) for r in event.source] == [("person:halima-mrisho", "TZA")]


def test_a_relational_noun_with_a_nationality_is_of_that_nation() -> None:
    event = event_of("Norway's foreign minister met his Danish counterpart in Oslo.", "CONSULT")
    assert "DNK" in keys(event.target)
    assert "NOR" not in keys(event.target)


def test_a_unit_or_post_owned_by_a_pronoun_is_the_owners() -> None:
    # "its" cannot stand for the plural "gunboats": it is the navy that speaks
    event = event_of("The Ghanaian navy said Togolese gunboats had fired on its patrol.",
                     "ASSAULT")
    assert "TGO" in keys(event.source)
    assert "GHA" in keys(event.target)
    event = event_of("Togo said Ghanaian drones had bombed its base near the lake.", "ASSAULT")
    assert "TGO" in keys(event.target)
