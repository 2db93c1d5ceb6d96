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

@dataclass(frozen=True)
class FeatureScales:
    """Where the line features saturate or switch; the scorer's weights were fitted with these
    (`benchmarks/textdump_eval.py --fit`), so change them together."""

    max_chars: int = 400  # `length` is the share of this many characters
    log_chars: float = 6.0  # `log_length` is log(1 + characters) over this
    short_chars: int = 30  # a line under this many characters is `short`
    max_words: int = 60  # `words` is the share of this many words
    page_top: float = 0.1  # lines in the first tenth of the page are at its edge ...
    page_bottom: float = 0.85  # ... and those past this share of it


@dataclass(frozen=True)
class PageDumpTest:
    """A text with at least `min_lines` lines, `short_share` of them shorter than `short_chars`
    characters, is a whole page copied (menus, link lists), not just an article."""

    min_lines: int = 20
    short_chars: int = 40
    short_share: float = 0.4


SCALES = FeatureScales()
PAGE_DUMP = PageDumpTest()

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
# A line this long that ends a sentence is article-like prose (before it, markers mean little).
PROSE_MIN_WORDS = 25


def _line_features(text: str, patterns: Patterns, matched: str | None) -> dict[str, float]:
    """What a line looks like on its own."""
    words = _WORD.findall(text)
    count = max(1, len(words))
    alphabetic = [w for w in words if w[:1].isalpha()]
    capitalised = sum(1 for w in alphabetic if w[:1].isupper())
    chars = len(text)
    return {
        "length": min(chars, SCALES.max_chars) / SCALES.max_chars,
        "log_length": math.log1p(chars) / SCALES.log_chars,
        "short": float(chars < SCALES.short_chars),
        "words": min(len(words), SCALES.max_words) / SCALES.max_words,
        "sentence_end": float(bool(_SENTENCE_END.search(text))),
        "punctuation": min(len(_PUNCT.findall(text)) / count, 1.0),
        "stopwords": sum(1 for w in words if w.lower() in patterns.stopwords) / count,
        "title_case": capitalised / len(alphabetic) if alphabetic else 0.0,
        "link_like": float(bool(_LINK_LIKE.search(text))),
        "digits": sum(c.isdigit() for c in text) / max(1, chars),
        "boilerplate_pattern": float(matched is not None),
        "boilerplate_hint": float(any(h.search(text) for h in patterns.hints)),
    }


PAGE_FEATURES = (
    "repeated",
    "position",
    "page_edge",
    "alone",
    "after_section_end",
    "after_comments",
)


def line_features(
    lines: list[str], patterns: Patterns, matched: dict[int, str]
) -> list[ScoredLine]:
    """Features of every non-empty line; `matched` maps lines the patterns removed to their kind.

    Besides what a line looks like, its place on the page counts: repeated lines, the page's
    edges, lines shortly after a "related"/"share" marker, and everything after a comments
    marker that follows article prose.
    """
    normalised = [line.strip().lower() for line in lines]
    counts = Counter(n for n in normalised if n)
    indices = [i for i, n in enumerate(normalised) if n]
    total = max(1, len(indices))
    scored = []
    last_section_end = -SECTION_END_REACH - 1
    seen_prose = in_comments = False
    for rank, i in enumerate(indices):
        text = lines[i].strip()
        features = _line_features(text, patterns, matched.get(i))
        position = rank / total
        features["repeated"] = float(counts[normalised[i]] > 1)
        features["position"] = position
        features["page_edge"] = float(position < SCALES.page_top or position > SCALES.page_bottom)
        features["alone"] = float(
            (i == 0 or not normalised[i - 1]) and (i + 1 >= len(lines) or not normalised[i + 1])
        )
        features["after_section_end"] = float(rank - last_section_end <= SECTION_END_REACH)
        features["after_comments"] = float(in_comments)
        scored.append(ScoredLine(i, text, features))
        kind = matched.get(i)
        if kind in SECTION_END_KINDS:
            last_section_end = rank
        if kind == "comments" and seen_prose:
            in_comments = True
        if len(_WORD.findall(text)) >= PROSE_MIN_WORDS and features["sentence_end"]:
            seen_prose = True
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
    base = list(_line_features("x", Patterns(), None)) + list(PAGE_FEATURES)
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
    line. Short runs of lower lines between kept ones stay when none is far below the threshold
    (one-sentence paragraphs, list items, table rows).
    """
    candidates = [line for line in lines if line.index not in matched]
    keep = {line.index for line in candidates if line.score >= weights.threshold}
    words = sum(len(_WORD.findall(line.text)) for line in candidates if line.index in keep)
    if candidates and words < weights.min_body_words:
        best = max(line.score for line in candidates)
        floor = min(weights.threshold, best - weights.fallback_margin)
        keep = {line.index for line in candidates if line.score >= floor}
    return keep | _gaps_to_fill(lines, keep, matched, weights)


def _gaps_to_fill(
    lines: list[ScoredLine], keep: set[int], matched: dict[int, str], weights: ScorerWeights
) -> set[int]:
    """Runs of up to `max_gap` lines between kept lines, none of them far below the threshold."""
    filled: set[int] = set()
    floor = weights.threshold - weights.gap_tolerance
    kept_positions = [n for n, line in enumerate(lines) if line.index in keep]
    for start, end in zip(kept_positions, kept_positions[1:], strict=False):
        gap = lines[start + 1 : end]
        if 0 < len(gap) <= weights.max_gap and all(
            line.score >= floor and line.index not in matched for line in gap
        ):
            filled.update(line.index for line in gap)
    return filled


def explain_line(line: ScoredLine, weights: ScorerWeights) -> list[tuple[str, float]]:
    """Each feature's contribution to a line's score, largest first."""
    parts = [(k, weights.weights.get(k, 0.0) * v) for k, v in line.features.items()]
    return sorted(parts, key=lambda kv: -abs(kv[1]))


def looks_like_page_dump(lines: list[str]) -> bool:
    """Many short lines (menus, link lists) mean a whole page was copied, not just an article."""
    texts = [line.strip() for line in lines if line.strip()]
    if len(texts) < PAGE_DUMP.min_lines:
        return False
    short = sum(1 for t in texts if len(t) < PAGE_DUMP.short_chars)
    return short / len(texts) >= PAGE_DUMP.short_share
