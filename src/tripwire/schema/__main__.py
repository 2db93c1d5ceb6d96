"""`python -m tripwire.schema`: write the published JSON Schema from the Document types and the
ontology (after a change to either)."""

import json
from pathlib import Path

from tripwire.schema import SCHEMA_FILE, build_schema

path = Path(__file__).with_name(SCHEMA_FILE)
path.write_text(json.dumps(build_schema(), indent=2) + "\n", encoding="utf-8")
print(path)
