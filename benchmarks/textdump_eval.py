"""Main-text F1 of the plain-text cleaner on whole-page dumps (../shared/data/textdump).

    python benchmarks/textdump_eval.py [--data DIR] [--examples N]   # scores + what slips through
    python benchmarks/textdump_eval.py --fit                          # refit the scorer's weights

A line "belongs" to the article when most of its 4-token shingles are in the ground truth. The
report sorts the lines the cleaner kept but should not have (and the ones it lost) into kinds.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from tripwire.clean import clean_article
from tripwire.clean.boilerplate import feature_names, line_features
from tripwire.clean.patterns import ScorerWeights, default_patterns, default_scorer
from tripwire.clean.plaintext import classify_line, clean_plain_text
from tripwire.eval.clean import (
    aggregate,
    evaluate_textdump,
    load_ground_truth,
    score_page,
    textdump_articles,
)

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
_WORD = re.compile(r"\w+")


def _shingles(text: str) -> set[tuple[str, ...]]:
    tokens = _WORD.findall(text)
    return {tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3))} if tokens else set()


def in_truth(line: str, truth: set[tuple[str, ...]], truth_text: str) -> bool:
    """Whether a line is part of the article body (by shingles, or verbatim for short lines)."""
    shingles = _shingles(line)
    if len(_WORD.findall(line)) >= 4:
        return len(shingles & truth) / len(shingles) > 0.5
    return bool(line.strip()) and line.strip() in truth_text


def line_kind(line: str) -> str:
    """A rough, readable kind for a line (for the slip report only)."""
    words = _WORD.findall(line)
    capitalised = sum(1 for w in words if w[:1].isupper()) / max(1, len(words))
    if len(line) < 30:
        return "short line (menu, label, widget)"
    if re.search(r"\b(19|20)\d\d\b|\d{1,2}:\d\d", line) and len(line) < 80:
        return "date / time / meta line"
    if capitalised > 0.6 and not re.search(r"[.!?]$", line):
        return "title-case headline (teaser, related link)"
    if len(line) < 100 and not re.search(r"[.!?\"”]$", line):
        return "short unpunctuated line (caption, label)"
    return "prose outside the body (teaser, bio, comment, notice)"


def report(data: Path, examples: int) -> None:
    """Kinds of lines kept wrongly (precision) and lost (recall), with examples."""
    truth = load_ground_truth(data)
    slipped: dict[str, list[str]] = defaultdict(list)
    lost: dict[str, list[str]] = defaultdict(list)
    for page_id, article in textdump_articles(data):
        truth_shingles = _shingles(truth[page_id])
        cleaned = clean_article(article)
        kept = {line for line in cleaned.body_with_subheads().split("\n") if line.strip()}
        for line in kept:
            if not in_truth(line, truth_shingles, truth[page_id]):
                slipped[line_kind(line)].append(line)
        removed = [line for r in cleaned.removed for line in r.text.split("\n")]
        removed += [c.text for c in cleaned.captions]
        for line in removed:
            if len(_WORD.findall(line)) >= 4 and in_truth(line, truth_shingles, truth[page_id]):
                lost[line_kind(line)].append(line)
    for title, table in (
        ("kept but not article (slips through)", slipped),
        ("article but removed", lost),
    ):
        print(f"\n{title}:")
        for kind, lines in sorted(table.items(), key=lambda kv: -len(kv[1])):
            print(f"  {len(lines):5d}  {kind}")
            for line in lines[:examples]:
                print(f"           {line[:100]!r}")


def _labelled_features(data: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """One row of scorer features per non-empty dump line, its label and its page number."""
    truth = load_ground_truth(data)
    patterns = default_patterns()
    names = feature_names()
    rows, labels, pages = [], [], []
    for number, (page_id, article) in enumerate(textdump_articles(data)):
        lines = [" ".join(line.split()) for line in (article.text or "").splitlines()]
        verdicts = {i: classify_line(line, patterns) for i, line in enumerate(lines) if line}
        matched = {i: v.kind for i, v in verdicts.items() if v}
        truth_shingles = _shingles(truth[page_id])
        for scored in line_features(lines, patterns, matched):
            rows.append([scored.features[name] for name in names])
            labels.append(in_truth(scored.text, truth_shingles, truth[page_id]))
            pages.append(number)
    return np.array(rows), np.array(labels, dtype=float), np.array(pages), names


def _fit_logistic(
    x: np.ndarray, y: np.ndarray, steps: int = 4000, rate: float = 2.0, l2: float = 1e-3
) -> np.ndarray:
    """Plain L2-regularised logistic regression by gradient descent (weights, then bias)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-xb @ w))
        w -= rate * (xb.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0.0])
    return w


def _weights(w: np.ndarray, names: list[str]) -> ScorerWeights:
    """Fitted weights with the packaged selection settings."""
    current = default_scorer()
    fitted = {name: round(float(v), 2) for name, v in zip(names, w[:-1], strict=True)}
    return current.model_copy(update={"weights": fitted, "bias": round(float(w[-1]), 2)})


def fit(data: Path) -> None:
    """Fit the scorer on the dumps, report 2-fold held-out F1 by page, print scorer.yaml."""
    x, y, pages, names = _labelled_features(data)
    truth, patterns = load_ground_truth(data), default_patterns()
    articles = list(textdump_articles(data))
    for fold in (0, 1):
        train = pages % 2 != fold
        weights = _weights(_fit_logistic(x[train], y[train]), names)
        held_out = [a for number, a in enumerate(articles) if number % 2 == fold]
        scores = aggregate(
            [
                score_page(
                    pid,
                    truth[pid],
                    clean_plain_text(a.text or "", patterns, weights).body_with_subheads(),
                )
                for pid, a in held_out
            ]
        )
        print(f"# fold {fold}: fitted on the other half, held-out F1 {scores.f1:.4f}")
    weights = _weights(_fit_logistic(x, y), names)
    print(f"bias: {weights.bias}")
    for name in ("threshold", "fallback_margin", "min_body_words", "gap_tolerance", "max_gap"):
        print(f"{name}: {getattr(weights, name)}")
    print("weights:")
    for name, value in weights.weights.items():
        print(f"  {name}: {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--examples", type=int, default=3, help="example lines per kind")
    parser.add_argument(
        "--fit", action="store_true", help="refit the block scorer and print its YAML"
    )
    args = parser.parse_args()
    if args.fit:
        fit(args.data)
        return
    truth = load_ground_truth(args.data)
    raw = aggregate(
        [score_page(pid, truth[pid], a.text or "") for pid, a in textdump_articles(args.data)]
    )
    started = time.perf_counter()
    scores = evaluate_textdump(args.data)
    elapsed = time.perf_counter() - started
    print(
        f"uncleaned dumps:  precision={raw.precision:.4f} recall={raw.recall:.4f} F1={raw.f1:.4f}"
    )
    print(
        f"cleaned dumps:    precision={scores.precision:.4f} recall={scores.recall:.4f} F1={scores.f1:.4f}"
    )
    print(f"{len(scores.pages)} pages in {elapsed:.1f}s")
    report(args.data, args.examples)


if __name__ == "__main__":
    main()
