"""Property tests: every reader turns any bytes into Articles or BadRecords, never an exception."""

import gzip
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tripwire.document import Article
from tripwire.errors import BadRecord
from tripwire.ingest import iter_articles
from tripwire.ingest.readers import READERS

pytestmark = pytest.mark.slow

SUFFIXES = sorted(READERS)


def read_bytes_as(data: bytes, suffix: str) -> list[Article | BadRecord]:
    with TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        items = list(iter_articles([str(path)]))
    for item in items:
        assert isinstance(item, Article | BadRecord)
        if isinstance(item, BadRecord):
            assert str(path) in (item.where or "")
    return items


@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_under_any_reader(data: bytes, suffix: str) -> None:
    read_bytes_as(data, suffix)


@given(lines=st.lists(st.text(max_size=80), max_size=20))
def test_random_text_lines_named_jsonl(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    items = read_bytes_as(data, ".jsonl")
    assert len(items) <= max(1, len(data.splitlines()))


@given(cut=st.integers(min_value=0, max_value=400))
def test_truncated_gzip_files(cut: int) -> None:
    payload = gzip.compress(b'{"id": "a", "text": "Talks resumed."}\n' * 20)
    for suffix in [s for s in SUFFIXES if s.endswith(".gz")]:
        read_bytes_as(payload[:cut], suffix)
