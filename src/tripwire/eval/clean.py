"""Main-text scoring as the article-extraction benchmark does it: F1 over word 4-gram shingles.

Per page, shingle counts give true/false positives and false negatives, normalised so that long
pages do not weigh more; precision and recall are averaged over pages and F1 is taken from the
two means. The gate tests and both benchmarks import these functions.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from trafilatura.utils import decode_file

from tripwire.clean import clean_article
from tripwire.document import Article

_WORD = re.compile(r"\w+")


@dataclass
class PageScore:
    """Normalised shingle counts of one page."""

    id: str
    tp: float
    fp: float
    fn: float


@dataclass
class Scores:
    precision: float
    recall: float
    f1: float
    pages: list[PageScore]


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def score_page(page_id: str, truth: str, predicted: str, n: int = 4) -> PageScore:
    """Shingle overlap of one prediction with its ground truth, normalised to sum to 1."""
    true_counts, pred_counts = _shingles(truth, n), _shingles(predicted, n)
    tp = sum((true_counts & pred_counts).values())
    fp = sum((pred_counts - true_counts).values())
    fn = sum((true_counts - pred_counts).values())
    total = tp + fp + fn
    if total:
        return PageScore(page_id, tp / total, fp / total, fn / total)
    return PageScore(page_id, 0.0, 0.0, 0.0)


def _precision(page: PageScore) -> float:
    if page.fp == page.fn == 0:
        return 1.0
    return page.tp / (page.tp + page.fp) if page.tp + page.fp else 0.0


def _recall(page: PageScore) -> float:
    if page.fp == page.fn == 0:
        return 1.0
    return page.tp / (page.tp + page.fn) if page.tp + page.fn else 0.0


def aggregate(pages: list[PageScore]) -> Scores:
    """Mean precision and recall over pages, F1 of the two means."""
    precision = statistics.mean(_precision(p) for p in pages if p.tp + p.fp > 0)
    recall = statistics.mean(_recall(p) for p in pages if p.tp + p.fn > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, pages)


def load_ground_truth(data: Path) -> dict[str, str]:
    """`{page id: article body}` from the benchmark's ground-truth.json."""
    truth = json.loads((data / "html" / "ground-truth.json").read_text(encoding="utf-8"))
    return {key: value.get("articleBody", "") for key, value in truth.items()}


def html_articles(data: Path, ids: Iterable[str]) -> Iterable[tuple[str, Article]]:
    """The benchmark pages as HTML Articles."""
    for page_id in ids:
        raw = gzip.decompress((data / "html" / "html" / f"{page_id}.html.gz").read_bytes())
        yield page_id, Article(html=decode_file(raw), id=page_id)


def textdump_articles(data: Path) -> Iterable[tuple[str, Article]]:
    """The whole-page text dumps as plain-text Articles."""
    with (data / "textdump" / "dumps.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            yield record["id"], Article(text=record["text"], id=record["id"])


def score_articles(
    truth: dict[str, str],
    articles: Iterable[tuple[str, Article]],
    extract: Callable[[Article], str],
) -> Scores:
    """Score `extract` on each (id, article) against the ground truth."""
    return aggregate([score_page(pid, truth[pid], extract(art)) for pid, art in articles])


def cleaned_body(article: Article) -> str:
    """What the cleaner keeps of a page as a reader sees it: the text with its subheads."""
    return clean_article(article).body_with_subheads()


def evaluate_html(data: Path) -> Scores:
    """Main-text scores of the HTML path on the benchmark pages."""
    truth = load_ground_truth(data)
    return score_articles(truth, html_articles(data, sorted(truth)), cleaned_body)


def evaluate_textdump(data: Path) -> Scores:
    """Main-text scores of the plain-text path on the whole-page dumps."""
    return score_articles(load_ground_truth(data), textdump_articles(data), cleaned_body)
