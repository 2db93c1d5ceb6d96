"""resolve_phrase: what a noun phrase on its own says about an actor."""

from __future__ import annotations

import pytest

from tripwire.actors import resolve_phrase
from tripwire.errors import TripwireError


@pytest.mark.parametrize(("text", "actor", "country", "sector"), [
    ("Russian troops", "RUS", "RUS", "MIL"),
    ("four Saudi men", "SAU", "SAU", "UNK"),
    ("an American destroyer", "USA", "USA", "MIL"),
    ("the Pentagon", "org:pentagon", "USA", "MIL"),
    ("police", None, None, "COP"),
    ("the Kremlin", "RUS", "RUS", "GOV"),
    ("Downing Street", "GBR", "GBR", "GOV"),
    ("Kiev", "UKR", "UKR", "GOV"),
    ("Britain", "GBR", "GBR", None),
    ("the U.S.", "USA", "USA", None),
    ("South Korean lawmakers", "KOR", "KOR", "LEG"),
    ("Ukrainian farmers", "UKR", "UKR", "AGR"),
    ("striking dockworkers", None, None, "LAB"),
    ("Kyiv police", "UKR", "UKR", "COP"),
    ("Boko Haram", "org:boko-haram", "NGA", "REB"),
    ("the CIA", "org:cia", "USA", "SPY"),
    ("a former CIA official", "org:cia", "USA", "ELI"),
    ("Germany's defence ministry", "DEU", "DEU", "GOV"),
    ("Canadian ambassador to the United Nations", "CAN", "CAN", "GOV"),
    ("the European Union", "EU", None, None),
    ("puppies", None, None, None),
    ("the pro-Iranian Hezbollah group", "org:hezbollah", "LBN", "REB"),
    ("anti-Russian protesters", None, None, "CVL"),
    ("Russia's Gazprom", "org:gazprom", "RUS", "BUS"),
    ("European Community ministers", "EU", None, "GOV"),
    ("Bosnian Serbs", "BIH", "BIH", None),
    ("the International Labour Office", "ILO", None, None),
])
def test_phrases(text: str, actor: str | None, country: str | None, sector: str | None) -> None:
    reading = resolve_phrase(text, "2022-01-07")
    assert (reading.actor, reading.country, reading.sector) == (actor, country, sector)


@pytest.mark.parametrize(("text", "date", "actor", "sector", "office"), [
    ("Vladimir Putin", "2009-06-01", "person:vladimir-putin", "GOV", "Prime Minister"),
    ("Vladimir Putin", "2015-06-01", "person:vladimir-putin", "GOV", "President"),
    ("Putin", "1999-01-01", "person:vladimir-putin", "SPY", "Intelligence Director"),
    ("Tony Blair", "2003-01-01", "person:tony-blair", "GOV", "Prime Minister"),
    ("Tony Blair", "2015-01-01", "person:tony-blair", "ELI", None),
    ("the NATO boss", "2012-03-01", "person:anders-fogh-rasmussen", "GOV", "Secretary General"),
    ("Russia's foreign minister", "2020-01-01", "person:sergey-lavrov", "GOV", "Foreign Minister"),
    ("the French defence minister", "2014-01-01", "person:jean-yves-le-drian", "GOV", "Defence Minister"),
])
def test_office_holder_on_the_date(text: str, date: str, actor: str, sector: str, office: str | None) -> None:
    reading = resolve_phrase(text, date)
    assert (reading.actor, reading.sector, reading.office) == (actor, sector, office)


def test_titles_give_affiliation() -> None:
    borrell = resolve_phrase("EU foreign policy chief Josep Borrell", "2022-01-07")
    assert (borrell.actor, borrell.affiliation, borrell.country) == ("person:josep-borrell", "EU", "ESP")
    vdl = resolve_phrase("Commission President von der Leyen", "2022-01-07")
    assert (vdl.actor, vdl.affiliation) == ("person:ursula-von-der-leyen", "EU")


def test_unknown_person_with_title_is_kept() -> None:
    reading = resolve_phrase("Ruritanian-born Senator Alma Tessaly", "2022-01-07")
    assert (reading.actor, reading.sector) == ("person:alma-tessaly", "LEG")


def test_capitalised_words_before_a_group_noun_are_no_person() -> None:
    group = resolve_phrase("Armed Tessalian militias", "2022-01-07")
    assert (group.actor, group.kind, group.sector) == (None, None, "UAF")
    commander = resolve_phrase("rebel commander Alma Tessaly", "2022-01-07")
    assert (commander.actor, commander.sector) == ("person:alma-tessaly", "REB")


def test_unknown_name_resolves_to_nothing() -> None:
    reading = resolve_phrase("Adam Curtis Brown")
    assert reading.empty


def test_defence_minister_without_country() -> None:
    reading = resolve_phrase("Defense Minister")
    assert (reading.actor, reading.country, reading.sector, reading.secondary) == (None, None, "GOV", "MIL")


def test_acronym_needs_capitals() -> None:
    assert resolve_phrase("the US").actor == "USA"
    assert resolve_phrase("all of us").empty


def test_empty_phrase_is_a_clear_error() -> None:
    with pytest.raises(TripwireError) as caught:
        resolve_phrase("   ")
    assert caught.value.code == "E004"


def test_misspelt_single_word() -> None:
    assert resolve_phrase("Ukranians").country == "UKR"


def test_pronoun_alone_is_someone_unknown() -> None:
    reading = resolve_phrase("She")
    assert (reading.actor, reading.country, reading.sector) == (None, None, "UNK")


def test_capital_after_place_preposition_is_only_a_country() -> None:
    reading = resolve_phrase("a market in Kabul")
    assert (reading.actor, reading.country, reading.sector) == (None, "AFG", None)


@pytest.mark.parametrize(("text", "actor", "country", "sector"), [
    ("UN Secretary-General", "person:antonio-guterres", "PRT", "GOV"),  # "UN" is no surname "Un"
    ("police in Lagos", "NGA", "NGA", "COP"),  # a city after "in", not a namesake
    ("Lagos", None, "NGA", None),
])
def test_a_bare_surname_yields_to_an_organisation_or_a_place(text: str, actor: str | None,
                                                             country: str, sector: str | None) -> None:
    reading = resolve_phrase(text, "2022-06-01")
    assert (reading.actor, reading.country, reading.sector) == (actor, country, sector)


@pytest.mark.parametrize(("text", "actor", "sector", "affiliation"), [
    # "Nelson" is some registry person's surname, "Mujahid" a sector word: here name words
    ("opposition leader Nelson Chamisa", "person:nelson-chamisa", "PTY", None),
    ("Taliban spokesman Zabihullah Mujahid", "person:zabihullah-mujahid", "REB", "org:taliban"),
    ("a Taliban spokesman", "org:taliban", "REB", None),  # named or not, in the group's sector
    ("Judge Ana Quiroz", "person:ana-quiroz", "JUD", None),  # a title before a name stays a title
])
def test_words_of_an_unknown_name_and_the_sector_of_a_groups_spokesman(
        text: str, actor: str, sector: str, affiliation: str | None) -> None:
    reading = resolve_phrase(text, "2022-06-01")
    assert (reading.actor, reading.sector, reading.affiliation) == (actor, sector, affiliation)


@pytest.mark.parametrize(("text", "actor", "sector"), [
    ("the Biden administration", "USA", "GOV"),  # the state, in office or not on the day
    ("Assad regime forces", "SYR", "MIL"),
    ("President Biden", "person:joe-biden", "GOV"),  # a title before the name: the person
])
def test_a_person_before_the_sector_word_is_the_persons_state(text: str, actor: str,
                                                              sector: str) -> None:
    reading = resolve_phrase(text, "2022-06-01")
    assert (reading.actor, reading.sector) == (actor, sector)



@pytest.mark.parametrize(("lower", "office"), [
    ("the UN deputy secretary-general", "the UN secretary-general"),
    ("a UN under-secretary general", "the UN secretary general"),
    ("the US assistant secretary of state", "the US secretary of state"),
])
def test_a_lower_rank_before_an_office_is_not_its_holder(lower: str, office: str) -> None:
    assert (resolve_phrase(office, "2023-03-06").actor or "").startswith("person:")
    reading = resolve_phrase(lower, "2023-03-06")
    assert reading.actor is not None and not reading.actor.startswith("person:")
