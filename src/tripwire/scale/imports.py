"""`tripwire import`: load the Documents of a `tripwire run` output into the store.

Idempotent: the store skips articles it already holds (content hash), so importing the same
output twice, or two overlapping runs, adds nothing twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pyarrow.parquet as pq

from tripwire.document import Document
from tripwire.errors import TripwireError
from tripwire.render import counted
from tripwire.scale.output import document_files, read_manifest
from tripwire.store import Store

IMPORT_BATCH = 256


@dataclass
class ImportReport:
    files: int = 0
    added: int = 0
    duplicates: int = 0
    events: int = 0
    complete: bool = True  # False when the run reported lost shards

    def summary(self) -> str:
        return (f"{counted(self.files, 'file')}, {counted(self.added, 'article')} added, "
                f"{self.duplicates} already stored, {counted(self.events, 'event')}")


def import_output(output: str, store: Store, batch_size: int = IMPORT_BATCH) -> ImportReport:
    """Ingest every Document of the run in `output`, one store transaction per batch."""
    manifest = read_manifest(output)
    report = ImportReport(complete=bool(manifest.get("complete")))
    for fs, path in document_files(output):
        report.files += 1
        with fs.open_input_file(path) as handle:
            parquet = pq.ParquetFile(handle)
            for batch in parquet.iter_batches(batch_size=batch_size, columns=["document"]):
                documents = [_document(text, path) for text in batch.column(0).to_pylist()]
                result = store.ingest(documents)
                report.added += result.added
                report.duplicates += result.duplicates
                report.events += result.events
    return report


def _document(text: str, path: str) -> Document:
    try:
        return Document.from_dict(json.loads(text))
    except (TypeError, ValueError) as exc:
        raise TripwireError("E005", f"not a tripwire/1 Document: {exc}", path) from exc
