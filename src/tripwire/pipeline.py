"""Run `analyze` over a stream of read records, in one process or a pool, keeping input order."""

from __future__ import annotations

import multiprocessing as mp
import multiprocessing.pool
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Set
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from multiprocessing.pool import AsyncResult
from typing import overload

from tripwire.analyze import finish_many, start_document, warm_up
from tripwire.document import Article, Document
from tripwire.errors import BadRecord
from tripwire.ingest.readers import ReadItem
from tripwire.nlp import BATCH_SIZE


@dataclass(frozen=True)
class AlreadyStored:
    """An article whose text is already stored: found once cleaned and hashed, never parsed."""

    id: str
    content_hash: str
    origin: str


ResultItem = Document | BadRecord | AlreadyStored
CHUNK = 8  # articles a worker takes at a time: small, so the workers share the tail evenly
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
# Content hashes a pool worker leaves out, set once per worker by `_init_worker`.
_worker_stored: Set[str] = frozenset()


def _failed(article: Article, exc: Exception) -> BadRecord:
    return BadRecord("E011", f"analysis failed: {type(exc).__name__}: {exc}", article.origin)


def _start(item: ReadItem, stored: Set[str]) -> Document | BadRecord | AlreadyStored:
    """Clean and hash one read item; a stored text goes no further."""
    if isinstance(item, BadRecord):
        return item
    try:
        document = start_document(item)
    except BadRecord as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - reported as a skipped record
        return _failed(item, exc)
    if document.content_hash in stored:
        return AlreadyStored(document.id, document.content_hash, item.origin)
    return document


def _finish_one(document: Document, article: Article) -> Document | BadRecord:
    try:
        return next(finish_many([document]))
    except BadRecord as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - reported as a skipped record
        return _failed(article, exc)


def _analyze_chunk(items: list[ReadItem], stored: Set[str] | None = None) -> list[ResultItem]:
    """Analyse a chunk, leaving out `stored` texts (a pool worker's own set when None); if the
    batch fails, retry one by one so only the bad article is skipped."""
    started = [_start(item, _worker_stored if stored is None else stored) for item in items]
    pairs = [(s, i) for s, i in zip(started, items, strict=True)
             if isinstance(s, Document) and isinstance(i, Article)]
    if not pairs:  # nothing to parse: the model is not even loaded
        return list(started)
    finished: Iterator[Document | BadRecord]
    try:
        finished = iter(list(finish_many(document for document, _ in pairs)))
    except Exception:  # noqa: BLE001 - isolate the failing article below
        finished = iter([_finish_one(document, article) for document, article in pairs])
    return [next(finished) if isinstance(s, Document) else s for s in started]


def _chunks(items: Iterable[ReadItem], size: int) -> Iterator[list[ReadItem]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


@contextmanager
def _one_thread_each() -> Iterator[None]:
    """Workers inherit one-thread maths libraries: N processes on N cores, not N x threads."""
    saved = {name: os.environ.get(name) for name in THREAD_VARIABLES}
    os.environ.update(dict.fromkeys(THREAD_VARIABLES, "1"))
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _init_worker(stored: Set[str], warm: bool) -> None:
    """Ctrl-C is the parent's to handle (it stops the pool), not every worker's traceback."""
    global _worker_stored
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_stored = stored
    if warm:
        warm_up()


def _start_pool(workers: int, stored: Set[str]) -> mp.pool.Pool:
    """A pool of warm workers: forked from this warmed-up process where the platform allows.

    Forking shares the loaded model, registry and lexicons (and the stored hashes) with the
    workers copy-on-write, so they start at once instead of each loading everything again
    (seconds apiece, which on a short run is most of the gain from a second worker; the model's
    matrix maths runs on blis, single-threaded, so inherited BLAS threads do not multiply).
    Elsewhere workers are spawned with one-thread maths libraries and warm up in their
    initializer.
    """
    if "fork" in mp.get_all_start_methods():
        warm_up()
        return mp.get_context("fork").Pool(workers, _init_worker, (stored, False))
    with _one_thread_each():
        return mp.get_context("spawn").Pool(workers, _init_worker, (stored, True))


@overload
def analyze_stream(items: Iterable[ReadItem], workers: int = 1) -> Iterator[Document | BadRecord]:
    ...


@overload
def analyze_stream(items: Iterable[ReadItem], workers: int, stored: Set[str]) -> Iterator[ResultItem]:
    ...


def analyze_stream(items: Iterable[ReadItem], workers: int = 1,
                   stored: Set[str] = frozenset()) -> Iterator[ResultItem]:
    """Documents (and passed-through bad records) in input order; `workers` processes.

    An article whose content hash is in `stored` comes back as `AlreadyStored`, unparsed.
    """
    if workers <= 1:
        # one process parses in the model's full batches (no tail to share)
        for chunk in _chunks(items, BATCH_SIZE):
            yield from _analyze_chunk(chunk, stored)
        return
    pool = _start_pool(workers, stored)
    in_flight: deque[AsyncResult[list[ResultItem]]] = deque()
    with pool:
        # Bounded look-ahead (Pool.imap would read the whole input into memory).
        for chunk in _chunks(items, CHUNK):
            in_flight.append(pool.apply_async(_analyze_chunk, (chunk,)))
            if len(in_flight) >= 2 * workers:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()
