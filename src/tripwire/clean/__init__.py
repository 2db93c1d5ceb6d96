"""Clean a raw article into a body text plus what was taken out of it, and why."""

from __future__ import annotations

from dataclasses import dataclass, field

from tripwire.document import Article, Caption, Removed, Repair, Subhead


@dataclass
class CleanedArticle:
    """The clean body and everything that was moved out of it."""

    text: str
    title: str | None = None
    published: str | None = None
    kicker: str | None = None
    subheads: list[Subhead] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)


def clean_article(article: Article) -> CleanedArticle:
    """Plain-text or HTML body -> clean text (paragraphs joined by a blank line)."""
    raw = article.text or ""
    paragraphs = [" ".join(p.split()) for p in raw.split("\n\n")]
    text = "\n\n".join(p for p in paragraphs if p)
    return CleanedArticle(text=text, title=article.title, published=article.published)
