"""What a role mention that names no one refers to (tripwire.actors.reference): pronouns,
relative pronouns, definite descriptions, generic agents placed by the article or its dateline,
mentions that cannot act, and the reason an unknown role carries."""

from __future__ import annotations

import pytest
from coding import Coding, keys

from tripwire.actors.reference import not_agent
from tripwire.actors.words import ReferenceWords
from tripwire.analyze import analyze
from tripwire.document import Document
from tripwire.errors import TripwireError
from tripwire.lang import load_words, word_file
from tripwire.nlp import parse
from tripwire.schema import validate_document

events = Coding("2023-03-06").events


event_of = Coding("2023-03-06").event_of


def test_it_takes_up_the_subject_of_the_reporting_clause() -> None:
    event = event_of("The Israeli army said it arrested four men near the border.", "COERCE")
    assert "ISR" in keys(event.source)
    assert event.source[0].text == "it"


def test_he_takes_up_the_person_named_before() -> None:
    text = ("Kenyan President Uhuru Kenyatta arrived in Addis Ababa on Monday. "
            "He condemned the attack on the border post.")
    event = event_of(text, "ACCUSE")
    assert "person:uhuru-kenyatta" in keys(event.source)


def test_a_relative_pronoun_is_the_noun_its_clause_hangs_on() -> None:
    event = event_of("Police detained a Sudanese activist who criticised the government.",
                     "ACCUSE")
    assert [(r.text, r.country) for r in event.source] == [("who", "SDN")]


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause() -> None:
    text = "Tanzanian activist Amani Mollel spoke on Friday. Police confiscated his phone and took him away."
    event = next(e for e in events(text) if e.trigger.text == "took")
    assert [r.actor for r in event.target] == ["person:amani-mollel"]
    assert [r.sector for r in event.source] == ["COP"]


def test_the_group_takes_up_the_organisation_named_before() -> None:
    text = ("Human Rights Watch published a report on Monday. "
            "The group accused the army of killing civilians.")
    event = event_of(text, "ACCUSE")
    assert "org:human-rights-watch" in keys(event.source) or any(
        (r.actor or "").startswith("org:") for r in event.source)


def test_generic_agents_take_the_country_the_article_is_about() -> None:
    text = ("Zambia's election commission announced the results on Monday. "
            "Police arrested forty people after the announcement.")
    event = event_of(text, "COERCE")
    assert [(r.country, r.sector) for r in event.source] == [("ZMB", "COP")]


def test_generic_agents_take_the_dateline_country_when_nothing_else_places_them() -> None:
    event = event_of("NAIROBI (Reuters) - Police arrested 12 protesters on Monday.", "COERCE")
    assert [r.country for r in event.source] == ["KEN"]


def test_an_unknown_role_says_why() -> None:
    event = event_of("They attacked the village at dawn.", "ASSAULT")
    [source] = event.source
    assert source.actor is None and source.country is None
    assert source.unresolved is not None and "pronoun" in source.unresolved


def test_days_quantities_weapons_and_abstractions_cannot_act() -> None:
    doc = parse("On Friday 300 bullets and his resignation reached the capital.")
    by_word = {t.text: t for t in doc}
    assert not_agent(by_word["Friday"]) is not None
    assert not_agent(by_word["300"]) is not None
    assert not_agent(by_word["bullets"]) is not None
    assert not_agent(by_word["resignation"]) is not None
    assert not_agent(by_word["capital"]) is None


def test_every_role_is_an_actor_a_country_or_a_reasoned_unknown() -> None:
    text = ("Gunmen attacked a bus on Tuesday. The ministry said it would investigate. "
            "Someone threw stones at the convoy.")
    for event in events(text):
        for ref in (*event.source, *event.target):
            assert ref.actor or ref.country or ref.unresolved, ref


def test_documents_without_the_unresolved_field_stay_valid() -> None:
    document = analyze("They attacked the village at dawn.", published="2023-03-06")
    data = document.to_dict()
    for event in data["events"]:
        for ref in (*event["source"], *event["target"]):
            ref.pop("unresolved")
    assert validate_document(data) == []
    assert Document.from_dict(data).events[0].source[0].unresolved is None


def test_bad_reference_words_are_reported_with_the_file(tmp_path) -> None:
    path = tmp_path / "reference.yaml"
    path.write_text(word_file("reference").read_text(encoding="utf-8").replace(
        "relative: [who, whom, which, that]", "relative: [who, whom, who]"), encoding="utf-8")
    with pytest.raises(TripwireError, match="relative: lists 'who' twice"):
        load_words(path, ReferenceWords)


def test_a_named_actor_inside_a_phrase_that_cannot_act_still_counts() -> None:
    event = event_of("Ethnic Albanians are demanding a U.N. military presence in the valley.",
                     "REQUEST")
    assert "UN" in keys(event.target) or any(r.actor and r.actor.startswith("UN")
                                             for r in event.target)



def test_a_definite_title_takes_up_the_person_of_its_country_named_before() -> None:
    text = ("Former Kenyan President Uhuru Kenyatta arrived in Goma on Wednesday. "
            "Congolese officials met him at the airport. "
            "The former Kenyan president condemned the attack on the camp.")
    event = event_of(text, "ACCUSE")
    assert "person:uhuru-kenyatta" in keys(event.source)


def test_a_quantity_stands_for_the_people_it_counts() -> None:
    event = event_of("Police in Lagos arrested dozens of Nigerian students.", "COERCE")
    assert "NGA" in keys(event.target)
    assert event.target[0].sector is not None


def test_an_unnamed_doer_of_a_deed_belongs_to_the_country_the_article_is_about() -> None:
    text = ("Mozambique's election commission confirmed the results on Monday. "
            "Dozens of people have been killed in the unrest since then.")
    event = event_of(text, "ASSAULT")
    assert keys(event.source) == {"MOZ"}


def test_we_in_a_direct_quote_is_its_speaker() -> None:
    text = ('"We condemn the shelling of the camp," said Kenyan President Uhuru Kenyatta on '
            "Monday.")
    event = event_of(text, "ACCUSE")
    assert "person:uhuru-kenyatta" in keys(event.source)
    assert event.source[0].text == "We"


def test_he_in_a_direct_quote_is_not_its_speaker() -> None:
    text = ("Analyst Mark Dorsey says the sanctions could embolden President Vladimir Putin. "
            '"Encouraged by weak measures, he may defy the alliance again," Dorsey said.')
    event = event_of(text, "REJECT")
    assert keys(event.source) >= {"person:vladimir-putin"}
    assert "person:mark-dorsey" not in keys(event.source)


def test_a_dummy_it_refers_to_no_one() -> None:
    text = "The army was deployed on the border. It is not possible to withdraw it now."
    event = next(e for e in events(text) if e.trigger.text == "withdraw")
    [source] = event.source
    assert source.actor is None and source.unresolved and "dummy" in source.unresolved


def test_an_unplaced_deed_belongs_to_where_the_story_is_not_to_the_first_country() -> None:
    text = ("Ghana sent an envoy to Togo on Monday. Ghana's president and Ghana's foreign "
            "minister praised the Ghanaian envoy. Protests continued in Togo after the vote. "
            "Dozens of people have been killed since the vote.")
    event = next(e for e in events(text) if e.trigger.text == "killed")
    assert keys(event.source) == {"TGO"}


def test_every_conjunct_of_an_owner_phrase_is_a_source() -> None:
    event = event_of("The foreign ministers of Chile and Peru condemned the attack.", "ACCUSE")
    assert keys(event.source) >= {"CHL", "PER"}


def test_a_bare_title_is_not_the_person_it_happens_to_follow() -> None:
    # "minister" near the president's mention is the title's own mention, not his introduction
    text = ("Somali officials met Kenyan President William Ruto in Nairobi on Monday. "
            "The minister later condemned the attack on the border town.")
    event = event_of(text, "ACCUSE")
    assert "person:william-ruto" not in keys(event.source)


def test_a_bare_title_answering_a_state_is_not_of_that_state() -> None:
    text = "Kenya accused Somalia of harbouring militants. The minister rejected the accusation."
    event = event_of(text, "REJECT")
    assert keys(event.target) == {"KEN"}
    assert keys(event.source) == {"SOM"}


def test_the_country_takes_up_the_state_named_in_the_sentences_before() -> None:
    text = ("Protests erupted in Mozambique after the vote. South Africa urged the country to "
            "hold talks.")
    event = event_of(text, "REQUEST")
    assert [(r.text, r.actor) for r in event.target] == [("the country", "MOZ")]


def test_a_title_keeps_its_qualifiers_and_is_not_the_person_it_acts_on() -> None:
    # "the foreign minister" is not the prime minister named before, nor of his country
    text = ("Kenya hosted talks with Ethiopia on Monday. Ethiopian Prime Minister Abiy Ahmed "
            "arrived in Nairobi. The foreign minister criticised Abiy Ahmed.")
    event = event_of(text, "ACCUSE")
    assert "person:abiy-ahmed" not in keys(event.source)
    assert keys(event.source) == {"KEN"}


def test_a_title_with_the_same_qualifiers_takes_up_its_holder() -> None:
    text = ("Ethiopian Prime Minister Abiy Ahmed arrived in Nairobi on Monday. "
            "The prime minister criticised Kenya.")
    event = event_of(text, "ACCUSE")
    assert "person:abiy-ahmed" in keys(event.source)


def test_a_nation_is_no_abstraction_and_a_relative_is_a_person() -> None:
    doc = parse("Neither nation would help them.")
    assert not_agent(next(t for t in doc if t.text == "nation")) is None
    event = event_of("Her father, speaking from Sylhet in Bangladesh, accused the British "
                     "authorities of neglect.", "ACCUSE")
    assert keys(event.source) == {"BGD"}


def test_a_seat_of_government_keeps_its_state_when_the_article_opens_its_name() -> None:
    # spaCy takes "The" into the entity; the metonym is not part of a longer name for that
    event = event_of("The White House agreed to talks with Iran on Monday.", "AGREE")
    assert "USA" in keys(event.source)
    event = event_of("The Home Office has agreed to talks with the union.", "AGREE")
    assert "GBR" in keys(event.source)


def test_a_demonstrative_standing_alone_is_a_situation_not_an_actor() -> None:
    head = parse("He denied that.")[2]
    assert head.lower_ == "that"
    assert not_agent(head) == "not an agent: a demonstrative, which stands for a situation"
    assert not_agent(parse("Police arrested those men.")[2]) is None  # a determiner


def test_a_gendered_pronoun_skips_a_person_of_the_other_gender() -> None:
    # the subject of the sentence before is the nearest person, but "she" cannot be a Pavel
    text = ("Trade Minister Pavel Korda met the union leader Helena Marsh in Prague on Monday. "
            "She condemned the new tax on fuel.")
    source = keys(event_of(text, "ACCUSE").source)
    assert "person:helena-marsh" in source and "person:pavel-korda" not in source
    swapped = keys(event_of(text.replace("She", "He"), "ACCUSE").source)
    assert "person:pavel-korda" in swapped and "person:helena-marsh" not in swapped


def test_a_given_names_gender_is_a_preference_not_a_bar() -> None:
    # name lists miss how some languages use a name: the only person named is still taken
    text = ("Trade Minister Helena Marsh met farmers in Prague on Monday. "
            "He condemned the new tax on fuel.")
    assert "person:helena-marsh" in keys(event_of(text, "ACCUSE").source)


def test_he_after_a_quote_takes_up_its_speaker() -> None:
    # the speaker is named three sentences back, reached through the quote's "I"
    text = ("\u201cI will not step down,\u201d Mayor Daniel Okafor told reporters on Tuesday. "
            "\u201cThe accounts are clean. Nobody stole anything.\u201d "
            "He accused the auditors of lying.")
    assert "person:daniel-okafor" in keys(event_of(text, "ACCUSE").source)


def test_she_takes_up_a_post_holder_named_by_their_title() -> None:
    # "the agency's director" is a person, though the phrase names only the agency
    text = ("The UNICEF director visited a clinic in Juba on Monday. "
            "She condemned the attack on the convoy.")
    assert "UNICEF" in keys(event_of(text, "ACCUSE").source)
