"""The embedded store: one DuckDB file, versioned migrations, atomic batches."""

from tripwire.store.database import (
    DB_ENV,
    DEFAULT_DB,
    IngestResult,
    Store,
    default_db_path,
    interrupted,
)

__all__ = ["DB_ENV", "DEFAULT_DB", "IngestResult", "Store", "default_db_path", "interrupted"]
