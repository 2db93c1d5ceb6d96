"""tripwire: sourced political event data and escalation alerts from raw news reports.

    import tripwire
    doc = tripwire.analyze("NATO and Russia will hold talks next Wednesday.", published="2022-01-07")
    doc.events[0].type   # 'CONSULT'
"""

from tripwire.analyze import analyze, analyze_many
from tripwire.document import SCHEMA, Article, Document
from tripwire.errors import BadRecord, TripwireError
from tripwire.ingest import iter_articles
from tripwire.public import Store
from tripwire.schema import validate_document

__version__ = "0.1.0"

__all__ = [
    "SCHEMA",
    "Article",
    "BadRecord",
    "Document",
    "Store",
    "TripwireError",
    "__version__",
    "analyze",
    "analyze_many",
    "iter_articles",
    "validate_document",
]
