"""Which lines of a whole-page text dump are the article: an explainable linear block scorer.

Each line gets a few named features (length, sentence punctuation, stop words, title case,
link-like separators, repetition, position, what its neighbours look like); a weighted sum of
them (weights in `patterns/scorer.yaml`, fitted by `benchmarks/textdump_eval.py --fit`) says how
much it reads like article prose. Lines scoring below the threshold are page furniture. The
weights are few and named, so `explain_line` can show why any line was kept or dropped.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from tripwire.clean.patterns import Patterns, ScorerWeights

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?。！？…\"”’»)]$")
_PUNCT = re.compile(r"[,.;:!?，。、]")
_LINK_LIKE = re.compile(r"[|»›•·→]|https?://|www\.|\S@\S|\{\*|\.\.$|…$")

# Features whose mean over the neighbouring lines is a feature of its own.
CONTEXT_FEATURES = ("length", "words", "sentence_end", "punctuation", "short", "stopwords")
CONTEXT_WINDOW = 2


@dataclass
class ScoredLine:
    """One non-empty line of a dump with its features and score."""

    index: int
    text: str
    features: dict[str, float]
    score: float = 0.0


# Kinds of removed lines after which a page usually lists other stories, not the article.
SECTION_END_KINDS = frozenset({"related", "comments", "tags", "share", "newsletter"})
SECTION_END_REACH = 8


def _base_features(
    text: str,
    repeated: bool,
    position: float,
    alone: bool,
    patterns: Patterns,
    matched: str | None,
    after_section_end: bool,
) -> dict[str, float]:
    words = _WORD.findall(text)
    count = max(1, len(words))
    alphabetic = [w for w in words if w[:1].isalpha()]
    capitalised = sum(1 for w in alphabetic if w[:1].isupper())
    chars = len(text)
    return {
        "length": min(chars, 400) / 400,
        "log_length": math.log1p(chars) / 6,
        "short": float(chars < 30),
        "words": min(len(words), 60) / 60,
        "sentence_end": float(bool(_SENTENCE_END.search(text))),
        "punctuation": min(len(_PUNCT.findall(text)) / count, 1.0),
        "stopwords": sum(1 for w in words if w.lower() in patterns.stopwords) / count,
        "title_case": capitalised / len(alphabetic) if alphabetic else 0.0,
        "repeated": float(repeated),
        "link_like": float(bool(_LINK_LIKE.search(text))),
        "digits": sum(c.isdigit() for c in text) / max(1, chars),
        "position": position,
        "page_edge": float(position < 0.1 or position > 0.85),
        "alone": float(alone),
        "boilerplate_pattern": float(matched is not None),
        "boilerplate_hint": float(any(h.search(text) for h in patterns.hints)),
        "after_section_end": float(after_section_end),
    }


def line_features(
    lines: list[str], patterns: Patterns, matched: dict[int, str]
) -> list[ScoredLine]:
    """Features of every non-empty line; `matched` maps lines the patterns removed to their kind."""
    normalised = [line.strip().lower() for line in lines]
    counts = Counter(n for n in normalised if n)
    indices = [i for i, n in enumerate(normalised) if n]
    total = max(1, len(indices))
    scored = []
    last_section_end = -SECTION_END_REACH - 1
    for rank, i in enumerate(indices):
        alone = (i == 0 or not normalised[i - 1]) and (i + 1 >= len(lines) or not normalised[i + 1])
        after_end = rank - last_section_end <= SECTION_END_REACH
        features = _base_features(
            lines[i].strip(),
            counts[normalised[i]] > 1,
            rank / total,
            alone,
            patterns,
            matched.get(i),
            after_end,
        )
        scored.append(ScoredLine(i, lines[i].strip(), features))
        if matched.get(i) in SECTION_END_KINDS:
            last_section_end = rank
    for rank, line in enumerate(scored):
        neighbours = [
            scored[j]
            for j in range(rank - CONTEXT_WINDOW, rank + CONTEXT_WINDOW + 1)
            if j != rank and 0 <= j < len(scored)
        ]
        for name in CONTEXT_FEATURES:
            line.features[f"context_{name}"] = sum(n.features[name] for n in neighbours) / (
                2 * CONTEXT_WINDOW
            )
    return scored


def feature_names() -> list[str]:
    """All feature names in a stable order (what `scorer.yaml` may weigh)."""
    base = list(_base_features("x", False, 0.0, False, Patterns(), None, False))
    return base + [f"context_{name}" for name in CONTEXT_FEATURES]


def score_lines(lines: list[ScoredLine], weights: ScorerWeights) -> None:
    """Set each line's score: bias plus the weighted sum of its features."""
    for line in lines:
        line.score = weights.bias + sum(
            weights.weights.get(k, 0.0) * v for k, v in line.features.items()
        )


def select_body_lines(
    lines: list[ScoredLine], weights: ScorerWeights, matched: dict[int, str]
) -> set[int]:
    """Indices of the lines that make the article.

    Lines at or above the threshold are kept. A page where that leaves almost nothing (a short
    article among heavy furniture) keeps instead the lines within `fallback_margin` of its best
    line. A low line between two kept ones is kept when close enough (list items, table rows).
    """
    candidates = [line for line in lines if line.index not in matched]
    keep = {line.index for line in candidates if line.score >= weights.threshold}
    words = sum(len(_WORD.findall(line.text)) for line in candidates if line.index in keep)
    if candidates and words < weights.min_body_words:
        best = max(line.score for line in candidates)
        floor = min(weights.threshold, best - weights.fallback_margin)
        keep = {line.index for line in candidates if line.score >= floor}
    for before, line, after in zip(lines, lines[1:], lines[2:], strict=False):
        if (
            line.index not in keep
            and line.index not in matched
            and before.index in keep
            and after.index in keep
            and line.score >= weights.threshold - weights.gap_tolerance
        ):
            keep.add(line.index)
    return keep


def explain_line(line: ScoredLine, weights: ScorerWeights) -> list[tuple[str, float]]:
    """Each feature's contribution to a line's score, largest first."""
    parts = [(k, weights.weights.get(k, 0.0) * v) for k, v in line.features.items()]
    return sorted(parts, key=lambda kv: -abs(kv[1]))


def looks_like_page_dump(lines: list[str]) -> bool:
    """Many short lines (menus, link lists) mean a whole page was copied, not just an article."""
    texts = [line.strip() for line in lines if line.strip()]
    if len(texts) < 20:
        return False
    short = sum(1 for t in texts if len(t) < 40)
    return short / len(texts) >= 0.4
