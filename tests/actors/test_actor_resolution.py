"""resolve_actors on parsed articles: mentions, office titles, coreference and entities."""

from __future__ import annotations

import pytest

from tripwire.actors import resolve_actors
from tripwire.analyze import analyze
from tripwire.nlp import parse

ARTICLE = (
    "NATO Secretary General Mark Rutte met Russian Foreign Minister Sergey Lavrov in Vienna on "
    "Tuesday. The alliance said the talks were useful. Rutte said the Kremlin must pull back its "
    "troops. Moscow rejected the demand, and Ukrainian soldiers stayed on alert. Later the NATO "
    "chief told reporters he was hopeful."
)


@pytest.fixture(scope="module")
def resolution():
    doc = parse(ARTICLE)
    return doc, resolve_actors(doc, "2025-03-04")


def mentions_of(resolution, actor_id: str) -> list[str]:
    actor = next(a for a in resolution.actors if a.id == actor_id)
    return [m.text for m in actor.mentions]


def test_actors_and_their_mentions(resolution) -> None:
    _, res = resolution
    ids = {a.id for a in res.actors}
    assert {"NATO", "RUS", "UKR", "person:mark-rutte", "person:sergey-lavrov"} <= ids
    assert mentions_of(res, "person:mark-rutte") == ["Mark Rutte", "Rutte", "the NATO chief", "he"]
    assert "The alliance" in mentions_of(res, "NATO")
    assert mentions_of(res, "RUS") == ["Russian", "Kremlin", "Moscow"]


def test_people_carry_office_and_affiliation(resolution) -> None:
    _, res = resolution
    rutte = next(a for a in res.actors if a.id == "person:mark-rutte")
    assert (rutte.country, rutte.affiliation, rutte.office, rutte.sector) == (
        "NLD", "NATO", "Secretary General", "GOV")


def test_actor_at_gives_country_and_sector(resolution) -> None:
    _, res = resolution
    start = ARTICLE.index("Ukrainian soldiers")
    ref = res.actor_at(start, start + len("Ukrainian soldiers"))
    assert (ref.actor, ref.country, ref.sector) == ("UKR", "UKR", "MIL")
    start = ARTICLE.index("Vienna")
    assert res.actor_at(start, start + len("Vienna")) is None  # a place, not an actor


def test_people_before_for_pronouns(resolution) -> None:
    _, res = resolution
    offset = ARTICLE.index("he was hopeful")
    assert res.people_before(offset)[0].actor == "person:mark-rutte"


def test_entities_carry_actor_ids(resolution) -> None:
    _, res = resolution
    by_text = {e.text: e.actor for e in res.entities}
    assert by_text["Sergey Lavrov"] == "person:sergey-lavrov"
    assert by_text.get("Vienna") is None


def test_unknown_person_and_surname_coreference() -> None:
    text = ("Ruritanian opposition leader Tomas Vell was arrested on Monday. "
            "Vell had called for protests.")
    res = resolve_actors(parse(text), "2024-01-01")
    vell = next(a for a in res.actors if a.id == "person:tomas-vell")
    assert [m.text for m in vell.mentions] == ["Tomas Vell", "Vell"]


def test_alliance_needs_nato_in_the_article() -> None:
    res = resolve_actors(parse("The alliance between the two farmers lasted a decade."), None)
    assert all(a.id != "NATO" for a in res.actors)


def ids_in(text: str, published: str | None = "2024-06-01") -> set[str]:
    return {a.id for a in resolve_actors(parse(text), published).actors}


def test_bare_surname_needs_a_reason() -> None:
    # "May" opens a sentence as a verb, not as the former British prime minister.
    assert "person:theresa-may" not in ids_in("May the farmers have a good harvest this year.")
    assert "person:theresa-may" in ids_in("Prime Minister May spoke to reporters.", "2018-01-01")


def test_capital_as_place_or_government() -> None:
    assert "RUS" in ids_in("Moscow rejected the proposal on Monday.")
    assert "RUS" not in ids_in("The delegates met in Moscow on Monday.")
    assert "FRA" not in ids_in("Storms hit Paris on Monday.")
    assert "EU" not in ids_in("Flights were cancelled at Brussels airport.")


def test_same_surname_other_first_name_is_another_person() -> None:
    text = ("Police questioned Maria Keller on Monday. Keller denied wrongdoing. "
            "Her brother, Thomas Keller, was not charged.")
    res = resolve_actors(parse(text), "2024-06-01")
    names = {a.id: [m.text for m in a.mentions] for a in res.actors if a.kind == "person"}
    assert names == {"person:maria-keller": ["Maria Keller", "Keller"],
                     "person:thomas-keller": ["Thomas Keller"]}


def test_possessive_is_not_part_of_the_name() -> None:
    text = "Officials reviewed Maria Keller's passport. Keller's lawyers objected."
    res = resolve_actors(parse(text), "2024-06-01")
    keller = next(a for a in res.actors if a.id == "person:maria-keller")
    assert [m.text for m in keller.mentions] == ["Maria Keller", "Keller"]


def test_capitalised_words_are_not_a_person_without_a_name() -> None:
    res = resolve_actors(parse("“The Kurdish community is in shock,” a spokesman said."), None)
    assert all(a.kind != "person" for a in res.actors)


def test_works_without_a_parse_and_on_empty_text() -> None:
    import spacy

    nlp = spacy.blank("en")
    res = resolve_actors(nlp("Russian troops crossed into Ukraine, NATO said."), "2022-02-24")
    assert [a.id for a in res.actors] == ["RUS", "UKR", "NATO"]
    assert res.actor_at(0, 14).sector == "MIL"
    empty = resolve_actors(nlp(""), None)
    assert (empty.actors, empty.entities, empty.actor_at(0, 1)) == ([], [], None)


def test_subject_pronoun_refers_to_the_last_named_person_nearby() -> None:
    text = ("Foreign Minister Penny Wong visited Jakarta on Monday. She said the talks went well. "
            "The weather was warm. Traffic was heavy. She left later.")
    res = resolve_actors(parse(text), "2023-05-01")
    wong = next(a for a in res.actors if a.id == "person:penny-wong")
    assert [(m.text, m.start) for m in wong.mentions] == [
        ("Penny Wong", 17), ("She", text.index("She said"))]
    assert all(e.text != "She" for e in res.entities)


def test_lone_name_word_before_a_group_noun_is_not_a_person() -> None:
    doc = parse("The Karen rebels attacked a camp on Monday.")
    assert not [a for a in resolve_actors(doc, "2023-01-01").actors if a.kind == "person"]


def test_lone_name_after_a_title_is_a_person() -> None:
    doc = parse("President Mobutu demanded more seats.")
    assert [a.id for a in resolve_actors(doc, "2023-01-01").actors] == ["person:mobutu"]


def test_an_adjective_two_states_share_goes_to_the_state_the_article_named() -> None:
    document = analyze("Fighting flared in the DRC on Monday. Congolese troops shelled the rebels.",
                       published="2023-03-06")
    event = next(e for e in document.events if e.trigger.text == "shelled")
    assert [r.country for r in event.source] == ["COD"]


def test_a_one_word_body_name_needs_its_state_in_the_article() -> None:
    abroad = analyze("At least 50 Congress MPs were detained in New Delhi.", published="2023-03-06")
    assert "org:us-congress" not in {a.id for a in abroad.actors}
    at_home = analyze("Congress passed the bill, and President Biden signed it.",
                      published="2023-03-06")
    assert "org:us-congress" in {a.id for a in at_home.actors}


def test_a_first_surname_of_two_refers_back_to_the_full_name() -> None:
    document = analyze("Opposition leader Marisol Quintana Ferrer was convicted on Friday. "
                       "Quintana said she would appeal.", published="2023-03-06")
    [person] = [a for a in document.actors if a.id.startswith("person:marisol")]
    assert [m.text for m in person.mentions][:2] == ["Marisol Quintana Ferrer", "Quintana"]


def test_a_bare_surname_is_not_the_famous_namesake_without_support() -> None:
    alone = analyze("Johnson condemned the raid on the village.", published="2021-05-06")
    assert not any(a.id == "person:boris-johnson" for a in alone.actors)
    local = analyze("Local farmer Peter Johnson saw the raid. Johnson condemned it.",
                    published="2021-05-06")
    assert {a.id for a in local.actors if a.kind == "person"} == {"person:peter-johnson"}
    titled = analyze("Prime Minister Johnson condemned the raid.", published="2021-05-06")
    assert any(a.id == "person:boris-johnson" for a in titled.actors)


def test_a_leader_word_after_a_body_of_an_organisation_stays_a_title() -> None:
    body = analyze("The UN human rights chief condemned the raid.", published="2021-05-06")
    assert not any(a.kind == "person" for a in body.actors)
    top = analyze("The NATO chief condemned the raid.", published="2021-05-06")
    assert any(a.id == "person:jens-stoltenberg" for a in top.actors)


def test_a_name_in_a_place_position_is_not_a_person() -> None:
    document = analyze("A camp was planned at Awinat, between Qasr Dallah and Sinjar, officials "
                       "said. The battle for the town of Qasr Dallah was won by Iraqi forces.",
                       published="2019-04-10")
    assert not any(a.id.startswith("person:qasr") for a in document.actors)


def test_a_doctrine_is_not_a_person() -> None:
    document = analyze("Scholars say Bin Ladenism helped the movement recruit.",
                       published="2019-04-10")
    assert not any(a.id.endswith("ism") for a in document.actors)


def test_a_bare_surname_in_the_namesake_country_still_needs_the_full_name() -> None:
    british = analyze("British officials met in London on Monday. Johnson condemned the raid.",
                      published="2021-05-06")
    assert not any(a.id == "person:boris-johnson" for a in british.actors)
    named_later = analyze("Johnson condemns the raid. Prime Minister Boris Johnson said on Monday "
                          "the raid was wrong.", published="2021-05-06")
    johnson = next(a for a in named_later.actors if a.id == "person:boris-johnson")
    assert johnson.mentions[0].text == "Johnson"


def test_an_acronym_is_never_a_surname_even_after_the_full_name() -> None:
    document = analyze("North Korean leader Kim Jong-un met envoys. The UN said the talks were "
                       "useful.", published="2019-04-25")
    kim = next(a for a in document.actors if a.id == "person:kim-jong-un")
    assert [m.text for m in kim.mentions] == ["Kim Jong-un"]
    assert any(a.id == "UN" for a in document.actors)


def test_a_name_the_article_gives_a_place_is_no_person() -> None:
    document = analyze("Qasr Tibah’s population has tripled. The situation at Qasr Tibah camp was "
                       "critical, aid workers said.", published="2019-04-25")
    assert not any(a.kind == "person" for a in document.actors)


def test_a_name_before_the_head_noun_describes_the_head() -> None:
    document = analyze("Ansar al-Tawhid fighters attacked the post. Hoda Muthana's lawyer "
                       "condemned the raid.", published="2019-04-25")
    assert not any(a.kind == "person" for a in document.actors)


def test_an_office_holder_is_mentioned_by_the_phrase_up_to_the_office() -> None:
    # the parser makes "urged" a modifier of "restraint" and one noun chunk of it all
    document = analyze("The UN secretary-general urged restraint.", published="2022-06-01")
    guterres = next(a for a in document.actors if a.id == "person:antonio-guterres")
    assert [m.text for m in guterres.mentions] == ["The UN secretary-general"]
