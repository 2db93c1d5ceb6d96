"""The benchmark's shingle measure, on texts small enough to count by hand."""

from __future__ import annotations

import pytest

from tripwire.eval.clean import aggregate, score_page


def test_identical_texts_score_one():
    page = score_page("a", "one two three four five", "one two three four five")
    assert (page.tp, page.fp, page.fn) == (1.0, 0.0, 0.0)
    assert aggregate([page]).f1 == 1.0


def test_extra_text_costs_precision_only():
    # truth: 2 shingles; prediction: the same 2 plus 2 more
    page = score_page("a", "one two three four five", "one two three four five six seven")
    assert (page.tp, page.fp, page.fn) == pytest.approx((0.5, 0.5, 0.0))
    scores = aggregate([page])
    assert (scores.precision, scores.recall) == pytest.approx((0.5, 1.0))
    assert scores.f1 == pytest.approx(2 / 3)


def test_precision_and_recall_are_averaged_over_pages():
    full = score_page("a", "a b c d e", "a b c d e")
    empty = score_page("b", "a b c d e", "")
    scores = aggregate([full, empty])
    assert scores.recall == pytest.approx(0.5)
    assert scores.precision == pytest.approx(1.0)
