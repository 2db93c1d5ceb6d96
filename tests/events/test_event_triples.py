"""Who did what to whom: the (type, source country, target country) triples of sentences written
for these tests, one rule of the coder each (reciprocal sources, targets in prepositional
phrases, promises coded once, domestic targets, background clauses, reporting frames)."""

from __future__ import annotations

from coding import Coding, countries

from tripwire.document import Event
from tripwire.eval.events import plover_roles

code = Coding("2023-03-06").events


def triples(events: list[Event]) -> set[tuple[str, frozenset[str], frozenset[str]]]:
    """The triples the PLOVER scorer compares: asserted and future events."""
    return {(e.type, frozenset(countries(e.source)), frozenset(countries(e.target)))
            for e in events if e.modality in ("asserted", "future")}


def test_joint_agreement_is_a_dyad_read_as_joint_sources() -> None:
    [agreed] = code("Japan and South Korea agreed to resume talks.")
    assert (agreed.type, agreed.mode) == ("AGREE", "joint")
    assert (countries(agreed.source), countries(agreed.target)) == ({"JPN"}, {"KOR"})
    assert plover_roles(agreed) == (frozenset({"JPN", "KOR"}), frozenset())


def test_joint_agreement_of_leaders_named_by_their_countries() -> None:
    [agreed] = code("The leaders of Chile and Peru agreed on Friday to reopen the border.")
    assert agreed.mode == "joint"
    assert countries(agreed.source) | countries(agreed.target) == {"CHL", "PER"}
    assert countries(agreed.source) & countries(agreed.target) == set()


def test_agreement_by_one_party_is_not_joint() -> None:
    [agreed] = code("Ghana agreed to Togo's request for talks.")
    assert agreed.mode is None
    assert countries(agreed.source) == {"GHA"}


def test_coordinated_nationality_adjectives_agree_with_each_other() -> None:
    events = code("Senior Danish and Swedish officials agreed that their countries should "
                  "share fishing data.")
    assert [plover_roles(e) for e in events if e.type == "AGREE"] == [
        (frozenset({"DNK", "SWE"}), frozenset())]


def test_sanctions_imposed_on_a_country_target_it() -> None:
    assert triples(code("France imposed sanctions on Iran.")) == {
        ("SANCTION", frozenset({"FRA"}), frozenset({"IRN"}))}


def test_nationality_adjective_names_the_source() -> None:
    events = code("Hungarian officials accused Romania of violating the treaty.")
    assert triples(events) == {("ACCUSE", frozenset({"HUN"}), frozenset({"ROU"}))}


def test_agreed_content_is_not_coded_again() -> None:
    [event] = code("Chile agreed to send food aid to Peru.")
    assert (event.type, event.modality) == ("AGREE", "asserted")
    assert (countries(event.source), countries(event.target)) == ({"CHL"}, {"PER"})


def test_ultimatum_is_a_threat_aimed_at_the_other_side() -> None:
    [event] = code("Chad will withdraw its troops from Mali unless the junta holds elections.")
    assert (event.type, event.modality) == ("THREATEN", "asserted")
    assert (countries(event.source), countries(event.target)) == ({"TCD"}, {"MLI"})


def test_threat_with_a_condition_targets_who_must_act() -> None:
    events = code("Farmers in Ghana threatened to strike unless Togo reopened the border.")
    threat = next(e for e in events if e.type == "THREATEN")
    assert countries(threat.target) == {"TGO"}


def test_object_that_names_no_one_gives_way_to_its_preposition() -> None:
    events = code("Benin was refusing admittance to Ghanaians.")
    assert triples(events) == {("REJECT", frozenset({"BEN"}), frozenset({"GHA"}))}


def test_every_actor_of_an_of_phrase_is_a_target() -> None:
    events = code("Guinean soldiers have tortured scores of Malian and Liberian refugees.")
    assert triples(events) == {("ASSAULT", frozenset({"GIN"}), frozenset({"MLI", "LBR"}))}


def test_demand_noun_targets_the_subject_of_its_content() -> None:
    events = code("The union reiterated its demand that Kenya lift the ban on imports.")
    demand = next(e for e in events if e.type == "REQUEST")
    assert countries(demand.target) == {"KEN"}
    assert [e.modality for e in events if e.type == "CONCEDE"] == ["demanded"]


def test_untargeted_domestic_act_is_aimed_at_home() -> None:
    [event] = code("Algerian farmers began a hunger strike on Monday.")
    assert event.type == "PROTEST"
    assert countries(event.source) == {"DZA"}
    assert [(r.text, r.country) for r in event.target] == [("", "DZA")]


def test_unplaced_people_are_the_sources_own() -> None:
    events = code("Egyptian police opened fire on Monday, killing one person.")
    assert triples(events) == {("ASSAULT", frozenset({"EGY"}), frozenset({"EGY"}))}


def test_ethnic_group_belongs_to_where_it_lives() -> None:
    events = code("Serb forces killed three ethnic Albanians in southern Serbia.")
    assert triples(events) == {("ASSAULT", frozenset({"SRB"}), frozenset({"SRB"}))}


def test_stance_prefix_does_not_name_the_actor() -> None:
    [event] = code("An anti-Syria journalist was killed in Beirut.")
    assert event.type == "ASSAULT"
    assert countries(event.target) == {"LBN"}


def test_event_after_the_news_is_background() -> None:
    events = code("Italy suspended flights to Serbia a day after a Serbian jet shot down a "
                  "helicopter.")
    assert triples(events) == {("SANCTION", frozenset({"ITA"}), frozenset({"SRB"}))}
    assert [e.modality for e in events if e.type == "ASSAULT"] == ["historical"]


def test_who_tells_the_news_is_no_event() -> None:
    events = code("A member of the team trying to broker a truce said Chad had shelled the "
                  "town.")
    assert [e.type for e in events] == ["ASSAULT"]


def test_ruled_that_does_not_negate_but_ruled_out_does() -> None:
    [told] = code("The court ruled that Kenya had expelled the diplomats.")
    assert (told.type, told.modality) == ("SANCTION", "asserted")
    [excluded] = code("Kenya ruled out expelling the diplomats.")
    assert (excluded.type, excluded.modality) == ("SANCTION", "negated")


def test_words_that_go_with_a_deed_are_part_of_it() -> None:
    events = code("Protesters in Algiers blocked the main road, demanding new elections.")
    assert triples(events) == {("PROTEST", frozenset({"DZA"}), frozenset({"DZA"}))}


def test_possessive_country_before_an_office_is_the_country() -> None:
    [event] = code("Montenegro's prime minister resigned on Sunday.")
    assert (event.type, event.mode) == ("RETREAT", "resign")
    assert countries(event.source) == {"MNE"}


def test_common_words_do_not_name_a_person() -> None:
    [event] = code("Rebels blew up electric power lines near Kabul.")
    assert all(not (r.actor or "").startswith("person:") for r in event.target)


def test_talks_are_a_dyad_and_a_visit_has_a_host() -> None:
    assert triples(code("France held talks with Romania on Tuesday.")) == {
        ("CONSULT", frozenset({"FRA"}), frozenset({"ROU"}))}
    assert triples(code("Talks between Sudan and Chad resumed on Monday.")) == {
        ("CONSULT", frozenset({"SDN"}), frozenset({"TCD"}))}
    assert triples(code("The Russian president hosted the Japanese prime minister.")) == {
        ("CONSULT", frozenset({"RUS"}), frozenset({"JPN"}))}


def test_place_of_two_countries_is_the_one_the_sentence_points_to() -> None:
    events = code("Syrian officers ended their mediation between militias in Tripoli, the "
                  "Lebanese port.")
    assert triples(events) == {("SANCTION", frozenset({"SYR"}), frozenset({"LBN"}))}


def test_places_the_gazetteer_lacks_come_from_the_registry() -> None:
    [event] = code("Israeli troops remained on alert in the occupied West Bank.")
    assert event.type == "MOBILIZE"
    assert countries(event.target) == {"PSE"}


def test_plover_records_read_a_reciprocal_dyad_as_joint_sources() -> None:

    [talks] = code("Israel and Lebanon renewed negotiations in Naqoura.")
    assert plover_roles(talks) == (frozenset({"ISR", "LBN"}), frozenset())
    [visit] = code("The Russian president hosted the Japanese prime minister.")
    assert plover_roles(visit) == (frozenset({"RUS"}), frozenset({"JPN"}))


def test_namesake_town_outside_a_locative_phrase_does_not_place_the_act() -> None:
    lead = "Egyptian courts have tightened their grip on dissent. "
    [arrest] = code(lead + "Police arrested dozens of supporters of the Balad movement on Sunday.")
    assert (countries(arrest.source), countries(arrest.target)) == ({"EGY"}, {"EGY"})
    [jailing] = code(lead + "Dozens of supporters of the Karama movement were jailed on Sunday.")
    assert countries(jailing.source) == {"EGY"}
    # under a locative preposition the gazetteer's town still places the act
    [there] = code("Police arrested dozens of protesters in Balad on Sunday.")
    assert countries(there.source) == {"IRQ"}


def test_purpose_infinitive_is_done_by_its_clauses_doer() -> None:
    [talks] = [e for e in code("Chilean diplomats travelled to Lima to discuss the dispute with "
                               "Peruvian officials.") if e.type == "CONSULT"]
    assert countries(talks.source) == {"CHL"}
    assert countries(talks.target) == {"PER"}
    # the patient of a passive does not borrow a doer for it: no one the sentence names
    [arrest] = [e for e in code("He was arrested to stop Kenyan protesters.")
                if e.type == "COERCE"]
    assert all(not r.text for r in arrest.source)


def test_agentless_passive_is_done_in_the_country_the_story_is_about() -> None:
    events = code("Belarus has tightened its grip on dissent. Five opposition leaders were "
                  "accused of treason on Monday.")
    [accused] = [e for e in events if e.type == "ACCUSE"]
    assert countries(accused.source) == {"BLR"}
    assert all(not r.text for r in accused.source)
