"""Clean a raw article into a body text plus what was taken out of it, and why.

Plain text goes through `plaintext.clean_plain_text` (with the block scorer of `boilerplate`
for whole-page dumps); HTML goes through trafilatura first (`html.clean_html`). The knowledge
(patterns, credits, scorer weights) is data in `patterns/`.
"""

from __future__ import annotations

from tripwire.clean.html import clean_html
from tripwire.clean.patterns import default_patterns, default_scorer
from tripwire.clean.plaintext import clean_plain_text
from tripwire.clean.result import CleanedArticle
from tripwire.document import Article

__all__ = ["CleanedArticle", "clean_article"]


def clean_article(article: Article) -> CleanedArticle:
    """Plain-text or HTML body -> clean text (paragraphs joined by a blank line) and provenance."""
    patterns, scorer = default_patterns(), default_scorer()
    if article.html and not article.text:
        return clean_html(
            article.html,
            patterns,
            scorer,
            url=article.url,
            title=article.title,
            published=article.published,
        )
    return clean_plain_text(
        article.text or "", patterns, scorer, title=article.title, published=article.published
    )
