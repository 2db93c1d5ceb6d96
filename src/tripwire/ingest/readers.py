"""Read articles from files, folders and stdin, one reader per format.

Readers yield `Article`s and, for records that cannot be used, `BadRecord` errors as values, so a
batch can skip and report them (or stop on the first one with --strict).
"""

from __future__ import annotations

import csv
import io
import json
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from tripwire.dates import parse_published
from tripwire.document import Article
from tripwire.errors import BadRecord
from tripwire.ingest.decode import decode_bytes
from tripwire.ingest.records import article_from_record

MAX_ARTICLE_CHARS = 5_000_000
# A character takes at most 4 bytes (UTF-32), so a one-article file larger than 4 bytes a
# character of the cap is over it in any encoding: refused from its size, without reading it.
MAX_BYTES_PER_CHAR = 4
SIDECAR_COLUMN = "file"
# Files that are not regular would block (a FIFO waits for a writer) or never end (a device).
_SPECIAL_FILES = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                  (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))

ReadItem = Article | BadRecord
Reader = Callable[[Path, dict[str, str | None]], Iterator[ReadItem]]


def _read_text(path: Path, meta: dict[str, str | None]) -> Iterator[ReadItem]:
    text = decode_bytes(path.read_bytes(), str(path))
    if not text.strip():
        raise BadRecord("E004", "empty file", str(path))
    yield Article(text=text, origin=str(path), **meta)


def _read_html(path: Path, meta: dict[str, str | None]) -> Iterator[ReadItem]:
    html = decode_bytes(path.read_bytes(), str(path))
    if not html.strip():
        raise BadRecord("E004", "empty file", str(path))
    yield Article(html=html, origin=str(path), **meta)


def _read_jsonl(path: Path, meta: dict[str, str | None]) -> Iterator[ReadItem]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig"))
                yield article_from_record(record, where)
            except UnicodeDecodeError:
                yield BadRecord("E004", "line is not UTF-8", where)
            except json.JSONDecodeError as exc:
                yield BadRecord("E005", f"invalid JSON ({exc.msg} at column {exc.colno})", where)
            except BadRecord as exc:
                yield exc


def _read_json(path: Path, meta: dict[str, str | None]) -> Iterator[ReadItem]:
    try:
        data = json.loads(decode_bytes(path.read_bytes(), str(path)))
    except json.JSONDecodeError as exc:
        raise BadRecord("E005", f"invalid JSON ({exc.msg} at line {exc.lineno})", str(path)) from exc
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        try:
            yield article_from_record(record, f"{path}[{index}]")
        except BadRecord as exc:
            yield exc


def _read_csv(path: Path, meta: dict[str, str | None]) -> Iterator[ReadItem]:
    text = decode_bytes(path.read_bytes(), str(path))
    reader = csv.DictReader(io.StringIO(text))
    if SIDECAR_COLUMN in (reader.fieldnames or []):
        return  # a metadata sidecar for the files beside it, not articles
    for row in reader:
        try:
            yield article_from_record(dict(row), f"{path}:{reader.line_num}")
        except BadRecord as exc:
            yield exc


# Readers that read a whole file as one article (the others stream many records a file).
ONE_ARTICLE_READERS = {_read_text, _read_html}
READERS: dict[str, Reader] = {
    ".txt": _read_text,
    ".text": _read_text,
    ".html": _read_html,
    ".htm": _read_html,
    ".jsonl": _read_jsonl,
    ".json": _read_json,
    ".csv": _read_csv,
}


def register_reader(suffix: str, reader: Reader) -> None:
    """Let another stage add an input format (e.g. WARC) by file suffix."""
    READERS[suffix.lower()] = reader


def reader_for(path: Path) -> Reader | None:
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return READERS[suffix]
    return None


def _sidecar(folder: Path) -> dict[str, dict[str, str | None]]:
    """Metadata from CSVs in `folder` that have a `file` column, keyed by path relative to it."""
    found: dict[str, dict[str, str | None]] = {}
    for csv_path in sorted(folder.glob("*.csv")):
        text = decode_bytes(csv_path.read_bytes(), str(csv_path))
        reader = csv.DictReader(io.StringIO(text))
        if SIDECAR_COLUMN not in (reader.fieldnames or []):
            continue
        for row in reader:
            where = f"{csv_path}:{reader.line_num}"
            meta = {k: (row.get(k) or None) for k in ("id", "published", "url", "source", "title")}
            if meta["published"]:
                meta["published"] = parse_published(meta["published"], where)
            found[Path(row[SIDECAR_COLUMN]).as_posix()] = meta
    return found


class _Sidecars:
    """Sidecar metadata for a file: from CSVs in its folder or any folder above it, up to the root."""

    def __init__(self, root: Path) -> None:
        self.root = root if root.is_dir() else root.parent
        self._by_folder: dict[Path, dict[str, dict[str, str | None]]] = {}

    def meta_for(self, path: Path) -> dict[str, str | None]:
        folder = path.parent
        while True:
            if folder not in self._by_folder:
                self._by_folder[folder] = _sidecar(folder)
            key = path.relative_to(folder).as_posix()
            if key in self._by_folder[folder]:
                return dict(self._by_folder[folder][key])
            if folder == self.root or folder == folder.parent:
                return {}
            folder = folder.parent


def _expand(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield from (p for p in sorted(path.rglob("*")) if p.is_file() and reader_for(p))
    else:
        yield path


def _read_stdin() -> Iterator[ReadItem]:
    data = sys.stdin.buffer.read()
    text = decode_bytes(data, "<stdin>")
    stripped = text.lstrip()
    if not stripped:
        yield BadRecord("E004", "empty input", "<stdin>")
    elif stripped.startswith("{"):
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            where = f"<stdin>:{number}"
            try:
                yield article_from_record(json.loads(line), where)
            except json.JSONDecodeError as exc:
                yield BadRecord("E005", f"invalid JSON ({exc.msg} at column {exc.colno})", where)
            except BadRecord as exc:
                yield exc
    elif stripped.startswith("<"):
        yield Article(html=text, origin="<stdin>")
    else:
        yield Article(text=text, origin="<stdin>")


def _capped(item: ReadItem, max_chars: int) -> ReadItem:
    if isinstance(item, Article):
        size = len(item.text or item.html or "")
        if size > max_chars:
            return BadRecord(
                "E007", f"article is {size:,} characters, over the cap of {max_chars:,}", item.origin
            )
    return item


def iter_articles(
    paths: Sequence[str],
    published: str | None = None,
    max_chars: int = MAX_ARTICLE_CHARS,
) -> Iterator[ReadItem]:
    """Every article under `paths` in a stable order; `published` fills missing dates."""
    for given in paths:
        items = _read_stdin() if given == "-" else _iter_path(Path(given), max_chars)
        for item in items:
            item = _capped(item, max_chars)
            if isinstance(item, Article) and published and not item.published:
                item.published = published
            yield item


def _special_file(path: Path) -> str | None:
    """What kind of non-regular file `path` is ('a FIFO' ...), or None for a file or folder."""
    mode = path.stat().st_mode
    return next((kind for test, kind in _SPECIAL_FILES if test(mode)), None)


def _oversized(path: Path, max_chars: int) -> BadRecord | None:
    size = path.stat().st_size
    if size <= max_chars * MAX_BYTES_PER_CHAR:
        return None
    return BadRecord("E007", f"file is {size:,} bytes: over the cap of {max_chars:,} characters "
                     "in any encoding", str(path))


def _iter_path(root: Path, max_chars: int) -> Iterator[ReadItem]:
    if not root.exists():
        yield BadRecord("E002", "no such file or directory", str(root))
        return
    if kind := _special_file(root):
        yield BadRecord("E004", f"not a regular file but {kind} (pipe input through - instead)",
                        str(root))
        return
    found = 0
    sidecars = _Sidecars(root)
    for path in _expand(root):
        reader = reader_for(path)
        if reader is None:
            yield BadRecord("E004", f"unknown file type {path.suffix!r}", str(path))
            continue
        try:
            if reader in ONE_ARTICLE_READERS and (too_big := _oversized(path, max_chars)):
                yield too_big
                continue
            meta = sidecars.meta_for(path)
            for item in reader(path, meta):
                found += isinstance(item, Article)
                yield item
        except BadRecord as exc:
            yield exc
        except OSError as exc:
            yield BadRecord("E004", f"cannot read: {exc.strerror}", str(path))
    if root.is_dir() and not found:
        yield BadRecord("E003", "no readable articles in this directory", str(root))
