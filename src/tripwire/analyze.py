"""`analyze(article) -> Document`: the one function every way of running tripwire calls."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from tripwire.actors import resolve_actors
from tripwire.actors.reference import dateline, gender_detector
from tripwire.clean import CleanedArticle, clean_article
from tripwire.dates import check_published, is_plausible_published
from tripwire.document import Article, Document, Sentence, content_hash
from tripwire.errors import BadRecord
from tripwire.events import code_events
from tripwire.nlp import parse, parse_many
from tripwire.quotes import find_quotes
from tripwire.timex import find_times
from tripwire.timex.absolute import parse_absolute

MAX_PARSE_CHARS = 300_000
MAX_PARSE_ENV = "TRIPWIRE_MAX_PARSE_CHARS"


def max_parse_chars() -> int:
    """Longest clean text that is parsed; longer ones are refused rather than stall a batch."""
    value = os.environ.get(MAX_PARSE_ENV, "")
    return int(value) if value.isdigit() else MAX_PARSE_CHARS


def _start_document(article: Article, cleaned: CleanedArticle) -> Document:
    limit = max_parse_chars()
    if len(cleaned.text) > limit:
        raise BadRecord(
            "E012",
            f"article too long to analyse: {len(cleaned.text):,} characters after cleaning "
            f"(limit {limit:,}; set {MAX_PARSE_ENV} to raise it)",
            article.origin,
        )
    digest = content_hash(cleaned.text)
    return Document(
        id=article.id or digest,
        content_hash=digest,
        text=cleaned.text,
        url=article.url,
        source=article.source,
        published=_published(article, cleaned),
        title=cleaned.title or article.title,
        kicker=cleaned.kicker,
        subheads=cleaned.subheads,
        captions=cleaned.captions,
        removed=cleaned.removed,
        repairs=cleaned.repairs,
    )


def _published(article: Article, cleaned: CleanedArticle) -> str | None:
    """The date the record gives, refused if it cannot be a publication date (E013); a date the
    cleaner found in the page itself that cannot be right is left out instead."""
    if article.published:
        return check_published(article.published, article.origin)
    found = cleaned.published
    return found if found and is_plausible_published(found) else None


def _finish_document(document: Document, doc: Doc, evidence: bool = False) -> Document:
    """Run the stages that need the parse, each reading the Document built so far."""
    document.sentences = [Sentence(s.start_char, s.end_char) for s in doc.sents]
    resolution = resolve_actors(doc, document.published)
    document.entities = resolution.entities
    document.actors = resolution.actors
    document.quotes = find_quotes(doc, resolution)
    document.times = find_times(doc, document.published)
    document.events = code_events(doc, resolution, quotes=document.quotes, times=document.times,
                                  published=document.published, doc_id=document.id,
                                  dateline=dateline(document.removed), evidence=evidence)
    return document


def start_document(article: Article) -> Document:
    """Everything before the parse: clean the article, hash its text, check its date and size.

    The content hash is known here, so a run can leave out stored articles before parsing them.
    """
    return _start_document(article, clean_article(article))


def finish_many(documents: Iterable[Document]) -> Iterator[Document]:
    """Parse started Documents in batches with `nlp.pipe` and run the stages that need the parse."""
    pending: deque[Document] = deque()

    def texts() -> Iterator[str]:
        for document in documents:
            pending.append(document)
            yield document.text

    for doc in parse_many(texts()):
        yield _finish_document(pending.popleft(), doc)


def analyze_many(articles: Iterable[Article]) -> Iterator[Document]:
    """Analyse articles in input order, parsing them in batches with `nlp.pipe`."""
    return finish_many(start_document(a) for a in articles)


def analyze_explained(article: Article) -> tuple[Document, Doc]:
    """One article's Document, each event with the coder's evidence, and the parse it was
    coded from (for `tripwire explain`)."""
    document = start_document(article)
    doc = parse(document.text)
    return _finish_document(document, doc, evidence=True), doc


def analyze(article: Article | str, published: str | None = None) -> Document:
    """Analyse one article (or a plain text) into a `tripwire/1` Document."""
    if isinstance(article, str):
        article = Article(text=article, published=published)
    elif published is not None:
        article.published = published
    return next(analyze_many([article]))


def warm_up() -> None:
    """Load every resource (model, registry, lexicons, gazetteer, dateparser's tables, names) now
    rather than on first use."""
    analyze(Article(text="NATO and Russia held talks in Geneva on Monday, officials said.",
                    published="2022-01-07"))
    parse_absolute("7 Jan 2022")  # dateparser reads its language tables on its first date
    gender_detector()  # the given-name list of pronoun resolution
