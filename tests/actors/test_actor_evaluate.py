"""The scorer's conventions: expected-value forms and organisation country codes."""

from __future__ import annotations

from tripwire.eval.actors import matches, score_cases


def case(text: str, expected: dict | None, kind: str = "agent_to_code", **args) -> dict:
    return {"id": text, "kind": kind, "text": text, "args": args, "expected": expected}


def test_expected_value_forms() -> None:
    assert matches("MIL", "MIL")
    assert matches({"in": ["MIL", "SPY"]}, "SPY")
    assert matches({"not": "GOV"}, "MIL")
    assert not matches({"not": "GOV"}, "GOV")


def test_scores_count_country_and_sector_separately() -> None:
    cases = [
        case("Russian troops", {"country": "RUS", "code_1": "MIL"}),
        case("the European Union", {"country": "EUR"}),
        case("the World Health Organization", {"country": "IGO"}),
        case("police", {"country": "", "code_1": "COP"}),
        case("puppies", None),
        case("Mars", {"country": "XMA"}),
        case("Mars", {"title": "Mars"}, kind="query_wiki"),
    ]
    scores = score_cases(cases)
    assert (scores.country_right, scores.country_total) == (5, 6)
    assert (scores.sector_right, scores.sector_total) == (3, 3)
    assert [m["text"] for m in scores.misses] == ["Mars"]


def test_query_date_decides_the_office() -> None:
    early = case("Vladimir Putin", {"code_1": "SPY"}, query_date="1 January 1999")
    late = case("Vladimir Putin", {"code_1": "GOV"}, query_date="2010-01-01")
    assert score_cases([early, late]).sector_right == 2


def test_today_can_be_fixed() -> None:
    import datetime as dt

    cases = [case("Tony Blair", {"code_1": "GOV"}, query_date="today")]
    assert score_cases(cases, today=dt.date(2005, 1, 1)).sector_right == 1
    assert score_cases(cases, today=dt.date(2015, 1, 1)).sector_right == 0
