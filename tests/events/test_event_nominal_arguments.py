"""Event nouns that name their own participants (a possessor, a name before them or a "by"
phrase for the doer; "of", "on", "against" or "with" for whom they act on) are events wherever
their phrase sits: sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from coding import Coding

from tripwire.errors import TripwireError
from tripwire.events.lexicon import load_triggers, load_types

coding = Coding("2024-05-10")


@pytest.mark.parametrize(("text", "event_type", "source", "target"), [
    # a possessor does the act, the "of" phrase of a transitive act undergoes it
    ("Ethiopia's shelling of the Eritrean town of Tesseney angered residents.", "ASSAULT",
     {"ETH"}, {"ERI"}),
    # a "by" phrase does it, the object of a report's verb being the noun
    ("Lawyers described the detention of four Tunisian journalists by Algerian border guards.",
     "COERCE", {"DZA"}, {"TUN"}),
    # a nationality before a noun of aiming does it; "on" names whom it is aimed at
    ("The governor condemned Rwandan raids on Congolese border posts.", "ASSAULT", {"RWA"},
     {"COD"}),
    # a reciprocal act names its partner with "with"
    ("The Chadian minister's talks with Sudanese envoys ended without a deal.", "CONSULT",
     {"TCD"}, {"SDN"}),
    # a determiner makes a noun with only its patient one act; its untold doer is placed
    # where it was done, as for any act at home
    ("The Senegalese opposition condemned the suspension of three Senegalese deputies.",
     "SANCTION", {"SEN"}, {"SEN"}),
    ("Zambia condemned the expulsion of two Zambian diplomats by Malawi.", "SANCTION", {"MWI"},
     {"ZMB"}),
])
def test_a_noun_names_its_doer_and_whom_it_acts_on(text: str, event_type: str,
                                                   source: set[str], target: set[str]) -> None:
    assert ("asserted", source, target) in coding.coded(text, event_type)


def test_conjoined_nouns_share_the_patient_written_after_the_last() -> None:
    text = "Witnesses reported the arrest, torture and murder of Guinean traders by Malian police."
    assert ("asserted", {"MLI"}, {"GIN"}) in coding.coded(text, "COERCE")
    assert ("asserted", {"MLI"}, {"GIN"}) in coding.coded(text, "ASSAULT")


@pytest.mark.parametrize(("text", "event_type", "modality"), [
    # the noun's governor tells it, as a verb's tells its complement
    ("Egypt denied the shelling of a Libyan border post by its army.", "ASSAULT", "negated"),
    ("Officials in Niamey feared an attack on the Nigerien capital by Malian militants.",
     "ASSAULT", "hypothetical"),
    ("The Botswana opposition condemned the detention of two Zimbabwean pastors.", "COERCE",
     "asserted"),
    ("Guinea demanded the expulsion of two Malian diplomats.", "SANCTION", "demanded"),
    # what is averted did not happen; the threat of an act is no report of it
    ("Nigerien soldiers averted an attack on the Malian border post by jihadists.", "ASSAULT",
     "negated"),
    ("The Chadian villagers live under the threat of a Sudanese attack.", "ASSAULT",
     "hypothetical"),
    # only up to the first verb: the verb's own mood is its act's, not the noun's
    ("Kenya will investigate the killing of two Ugandan traders.", "ASSAULT", "asserted"),
])
def test_the_governor_gives_the_modality(text: str, event_type: str, modality: str) -> None:
    assert [m for m, _, _ in coding.coded(text, event_type)] == [modality]


@pytest.mark.parametrize(("text", "event_type"), [
    # a noun that only names a topic or a kind of act
    ("The senators held a debate on sanctions policy.", "SANCTION"),
    ("Lawyers in Nairobi criticised the arrest warrant system.", "COERCE"),
    # a bare noun with a patient and no doer names a kind of act, not one
    ("The Kenyan minister avoided meetings with Somali officials.", "CONSULT"),
    # a reciprocal act needs its partner: one body's own session is no consultation
    ("The Zambian party's committee meeting ended early.", "CONSULT"),
    # a time before the noun says when, not who; a town's name where, not who
    ("Tuesday's attack shocked residents.", "ASSAULT"),
    ("The Bouna attack shocked residents.", "ASSAULT"),
    # a participant that is no one: a place
    ("Witnesses described the shelling of the area.", "ASSAULT"),
])
def test_a_noun_that_names_no_participant_is_not_coded(text: str, event_type: str) -> None:
    assert not coding.coded(text, event_type)


@pytest.mark.parametrize(("entry", "message"), [
    ("  - verbs: [shell]\n    arguments: [of]\n", "`arguments` is for noun entries"),
    ("  - nouns: [shelling]\n    arguments: [of]\n    light: [carry]\n", "not with `light`"),
])
def test_the_arguments_key_is_checked(tmp_path: Path, entry: str, message: str) -> None:
    path = tmp_path / "triggers.yaml"
    path.write_text("ASSAULT:\n" + entry, encoding="utf-8")
    with pytest.raises(TripwireError, match=message) as caught:
        load_triggers(path, load_types())
    assert "triggers.yaml" in str(caught.value)
