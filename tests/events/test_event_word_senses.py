"""Trigger words in a sense that is no act between actors, or an act of another type than their
most common sense: sentences written for these tests."""

from __future__ import annotations

from coding import Coding

code = Coding("2024-05-01").events


def types(text: str) -> list[str]:
    return [e.type for e in code(text)]


def test_naming_a_claim_false_is_a_denial() -> None:
    assert types('The Kenyan foreign ministry on Tuesday called Uganda\'s claims "baseless."') == [
        "REJECT"]
    assert types("Chile dismissed the reports as fabrications.") == ["REJECT"]
    # a word of blame for an act or an actor stays an accusation
    called = types("Kenya called the Ugandan raid a crime.")
    assert "ACCUSE" in called and "REJECT" not in called


def test_a_name_given_to_a_leader_is_no_phone_call() -> None:
    assert types("Peru's president called Bolivia's leader a dictator.") == ["ACCUSE"]
    assert types('The opposition leader calls President Ruto a "trusted friend".') == ["SUPPORT"]
    assert types("The Brazilian president called the Argentine leader, Javier Milei, on Friday.") \
        == ["CONSULT"]


def test_an_honour_conferred_is_praise_not_a_consultation() -> None:
    assert types("Ghana conferred its highest national award on the Indian prime minister.") == [
        "SUPPORT"]
    assert types("The Ghanaian and Indian ministers conferred in Accra on Monday.") == ["CONSULT"]


def test_helping_someone_do_something_is_no_aid() -> None:
    assert "AID" not in types("Their friendship helped the Serbian leader escape his isolation.")
    assert "AID" not in types("The Dutch minister helps farmers learn new methods.")
    assert types("Turkey assisted Syrian refugees on Monday.") == ["AID"]
    # taking part in the act helped is aid: "helped rebuild", "helping to resettle"
    assert "AID" in types("Norway helped rebuild the schools of Gaza.")


def test_a_thing_allows_nothing() -> None:
    # a thing placed in the sentence's country is still a thing
    assert not code("The new funding would allow a faster return of refugees, officials in "
                    "Kenya said.")
    assert not code("The software permits voters in Ghana to check their registration.")
    [concession] = code("Israel allowed aid trucks to enter Gaza on Sunday.")
    assert (concession.type, concession.modality) == ("CONCEDE", "asserted")
    # a passive names no doer, and keeps its event
    [refusal] = code("Pillion riders will not be allowed into the city, the Kenyan police said.")
    assert (refusal.type, refusal.modality) == ("CONCEDE", "negated")



def test_a_sum_or_a_level_hit_is_no_attack() -> None:
    assert not code("Trade between Peru and Chile hit $2 billion last year.")
    assert not code("Inflation in Peru hit a record high in March.")
    assert types("Peruvian jets hit a rebel camp on Monday.") == ["ASSAULT"]


def test_the_injured_are_people_not_an_injuring() -> None:
    assert "ASSAULT" not in types("Doctors at the hospital in Cusco waited to receive the injured.")



def test_a_search_by_rescuers_is_no_investigation() -> None:
    assert not code("Rescue teams in Chile were still looking for three fishermen on Tuesday.")
    assert not code("Divers searched for survivors of the ferry in Tanzania.")
    assert types("Chilean police are looking for the gunmen.") == ["ACCUSE"]


def test_a_visit_to_a_place_of_service_is_no_consultation() -> None:
    assert not code("In Thailand, foreigners visit hospitals for full check-ups.")
    assert types("The Greek prime minister visited Ankara on Monday.") == ["CONSULT"]


def test_a_warning_of_a_hazard_threatens_no_one() -> None:
    assert not code("Health warnings have been issued in Athens, Greek officials said.")
    assert types("Turkey issued a warning to Greece over the islands.") == ["THREATEN"]


def test_a_commentator_named_once_stays_one() -> None:
    text = ("Mark Dorsey, an analyst at a think tank in Nairobi, said the truce was fragile. "
            "Dorsey warns that Kenya could attack Somalia.")
    assert "THREATEN" not in types(text)
    text = ("Mark Dorsey, the Kenyan foreign minister, said the truce was fragile. Dorsey warned "
            "Somalia against an attack.")
    assert "THREATEN" in types(text)
