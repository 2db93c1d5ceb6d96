"""Run `analyze` over a stream of read records, in one process or a pool, keeping input order."""

from __future__ import annotations

import multiprocessing as mp
import multiprocessing.pool
import os
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from multiprocessing.pool import AsyncResult

from tripwire.analyze import analyze_many, warm_up
from tripwire.document import Article, Document
from tripwire.errors import BadRecord
from tripwire.ingest.readers import ReadItem
from tripwire.nlp import BATCH_SIZE

ResultItem = Document | BadRecord
CHUNK = 8  # articles a worker takes at a time: small, so the workers share the tail evenly
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def _analyze_chunk(items: list[ReadItem]) -> list[ResultItem]:
    """Analyse a chunk; if the batch fails, retry one by one so only the bad article is skipped."""
    articles = [item for item in items if isinstance(item, Article)]
    documents: Iterator[ResultItem]
    try:
        documents = iter(list(analyze_many(articles)))
    except Exception:  # noqa: BLE001 - isolate the failing article below
        documents = iter([_analyze_one(a) for a in articles])
    return [item if isinstance(item, BadRecord) else next(documents) for item in items]


def _analyze_one(article: Article) -> ResultItem:
    try:
        return next(analyze_many([article]))
    except BadRecord as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - reported as a skipped record
        return BadRecord("E011", f"analysis failed: {type(exc).__name__}: {exc}", article.origin)


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


def _warm_worker() -> None:
    warm_up()


def _start_pool(workers: int) -> mp.pool.Pool:
    """A pool of warm workers: forked from this warmed-up process where the platform allows.

    Forking shares the loaded model, registry and lexicons with the workers copy-on-write, so
    they start at once instead of each loading everything again (seconds apiece, which on a
    short run is most of the gain from a second worker; the model's matrix maths runs on blis,
    single-threaded, so inherited BLAS threads do not multiply). Elsewhere workers are spawned
    with one-thread maths libraries and warm up in their initializer.
    """
    if "fork" in mp.get_all_start_methods():
        warm_up()
        return mp.get_context("fork").Pool(workers)
    with _one_thread_each():
        return mp.get_context("spawn").Pool(workers, initializer=_warm_worker)


def analyze_stream(items: Iterable[ReadItem], workers: int = 1) -> Iterator[ResultItem]:
    """Documents (and passed-through bad records) in input order; `workers` processes."""
    if workers <= 1:
        # one process parses in the model's full batches (no tail to share)
        for chunk in _chunks(items, BATCH_SIZE):
            yield from _analyze_chunk(chunk)
        return
    pool = _start_pool(workers)
    in_flight: deque[AsyncResult[list[ResultItem]]] = deque()
    with pool:
        # Bounded look-ahead (Pool.imap would read the whole input into memory).
        for chunk in _chunks(items, CHUNK):
            in_flight.append(pool.apply_async(_analyze_chunk, (chunk,)))
            if len(in_flight) >= 2 * workers:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()
