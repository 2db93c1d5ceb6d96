"""Read raw reports from files, folders, stdin and other sources into `Article`s."""

from tripwire.ingest import warc as _warc  # noqa: F401 - registers the .warc/.warc.gz readers
from tripwire.ingest.readers import MAX_ARTICLE_CHARS, iter_articles, register_reader

__all__ = ["MAX_ARTICLE_CHARS", "iter_articles", "register_reader"]
