"""HTML -> main text, title and date with trafilatura (and htmldate inside it), then plain cleaning."""

from __future__ import annotations

import trafilatura

from tripwire.clean.patterns import Patterns, ScorerWeights
from tripwire.clean.plaintext import clean_plain_text
from tripwire.clean.result import CleanedArticle

# Measured on the article-extraction benchmark (benchmarks/html_eval.py): precision mode without
# comments keeps the body and drops most teasers and reader comments.
DATE_OPTIONS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%d"}


def clean_html(
    html: str,
    patterns: Patterns,
    scorer: ScorerWeights,
    *,
    url: str | None = None,
    title: str | None = None,
    published: str | None = None,
) -> CleanedArticle:
    """Extract the main text of a page; fall back to the page's whole text and the block scorer."""
    extracted = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        date_extraction_params=DATE_OPTIONS,
        favor_precision=True,
        include_comments=False,
    )
    body = getattr(extracted, "text", None) if extracted is not None else None
    title = title or getattr(extracted, "title", None)
    published = published or getattr(extracted, "date", None)
    if body:
        # trafilatura puts one paragraph (or heading, or list item) on each line
        body = body.replace("\n", "\n\n")
        return clean_plain_text(
            body, patterns, scorer, title=title, published=published, from_html=True
        )
    page_text = trafilatura.html2txt(html) or ""
    return clean_plain_text(page_text, patterns, scorer, title=title, published=published)
