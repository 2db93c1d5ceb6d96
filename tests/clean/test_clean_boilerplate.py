"""The block scorer keeps the article of a whole-page dump and drops the furniture."""

from __future__ import annotations

from tripwire.clean import clean_article
from tripwire.clean.boilerplate import (
    ScoredLine,
    explain_line,
    line_features,
    looks_like_page_dump,
    score_lines,
    select_body_lines,
)
from tripwire.clean.patterns import default_patterns, default_scorer
from tripwire.document import Article, Removed

MENU = ["Home", "World", "Politics", "Business", "Sport", "Culture", "Opinion", "Weather"]
BODY = [
    "The foreign ministers of Eastmark and Westvale met in Port Ellis on Thursday, the first "
    "meeting between the two governments since the border was closed in the spring.",
    "Officials on both sides said the talks, which lasted more than six hours, had been frank "
    "but useful, and that a second round would follow before the end of the month.",
    "The alliance that both countries belong to has urged them to settle the dispute over the "
    "harbour, which has disrupted shipping and trade across the region for months.",
    "Eastmark's minister told reporters that his government wanted guarantees on fishing rights "
    "before it would reopen the crossing, a demand Westvale has rejected in the past.",
]
FOOTER = ["Most read", "Storm hits coast", "Markets fall again", "About us", "Contact", "Jobs"]
DUMP = "\n".join(
    ["Talks resume in Port Ellis | Eastmark Daily", ""]
    + MENU
    + ["", "Talks resume in Port Ellis", ""]
    + [p + "\n" for p in BODY]
    + ["Share this article", ""]
    + FOOTER
    + ["", "© 2024 Eastmark Daily"]
)


def test_dump_detection():
    assert looks_like_page_dump(DUMP.splitlines())
    assert not looks_like_page_dump("\n\n".join(BODY).splitlines())


def test_dump_keeps_the_article_and_records_the_rest():
    cleaned = clean_article(Article(text=DUMP))
    assert cleaned.text == "\n\n".join(BODY)
    assert cleaned.title == "Talks resume in Port Ellis | Eastmark Daily"
    kinds = {r.kind for r in cleaned.removed}
    assert {"boilerplate", "share", "copyright", "navigation"} <= kinds
    dropped = "\n".join(r.text for r in cleaned.removed)
    assert "Markets fall again" in dropped


def test_prose_scores_above_menu_lines_and_scores_can_be_explained():
    lines = DUMP.splitlines()
    scored = line_features(lines, default_patterns(), {})
    score_lines(scored, default_scorer())
    by_text = {s.text: s for s in scored}
    assert by_text[BODY[0]].score > default_scorer().threshold > by_text["Politics"].score
    reasons = explain_line(by_text["Politics"], default_scorer())
    assert len(reasons) == len(by_text["Politics"].features)
    assert abs(reasons[0][1]) >= abs(reasons[-1][1])


def scored_lines(scores: list[float], words: int = 40) -> list[ScoredLine]:
    return [ScoredLine(i, " ".join(["word"] * words), {}, score) for i, score in enumerate(scores)]


def test_short_runs_of_close_lines_between_kept_ones_are_kept():
    weights = default_scorer().model_copy(update=dict(
        threshold=0.0, gap_tolerance=1.5, max_gap=2, min_body_words=0
    ))
    lines = scored_lines([1.0, -1.0, -1.0, 1.0, -5.0, 1.0, -1.0, -1.0, -1.0, 1.0])
    assert select_body_lines(lines, weights, {}) == {0, 1, 2, 3, 5, 9}


def test_a_gap_holding_a_pattern_matched_line_stays_open():
    weights = default_scorer().model_copy(update=dict(
        threshold=0.0, gap_tolerance=1.5, max_gap=2, min_body_words=0
    ))
    lines = scored_lines([1.0, -1.0, 1.0])
    assert select_body_lines(lines, weights, {1: "share"}) == {0, 2}


def test_a_page_where_nothing_passes_keeps_the_lines_near_its_best():
    weights = default_scorer().model_copy(update=dict(
        threshold=0.0, fallback_margin=1.0, min_body_words=60, max_gap=0
    ))
    lines = scored_lines([-3.0, -0.5, -1.2, -0.9, -4.0], words=10)
    assert select_body_lines(lines, weights, {}) == {1, 2, 3}


def test_a_dated_line_just_above_the_article_gives_the_date():
    text = DUMP.replace(
        "Talks resume in Port Ellis\n\n", "Talks resume in Port Ellis\n\nMarch 3, 2024 09:15\n\n", 1
    )
    cleaned = clean_article(Article(text=text))
    assert cleaned.published == "2024-03-03"
    assert Removed("date", "March 3, 2024 09:15") in cleaned.removed
    assert cleaned.text == "\n\n".join(BODY)
    given = clean_article(Article(text=text, published="2024-03-04"))
    assert given.published == "2024-03-04"
