"""The public API is exactly what docs/api.md documents, and the docs build without broken links."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tripwire

REPO = Path(__file__).resolve().parents[2]


def documented_names() -> set[str]:
    rows = re.findall(r"^\| `([A-Za-z_]+)", (REPO / "docs/api.md").read_text(), re.MULTILINE)
    return set(rows)


def test_public_names_are_exactly_the_documented_ones() -> None:
    assert set(tripwire.__all__) == documented_names()
    for name in tripwire.__all__:
        assert getattr(tripwire, name) is not None


def test_analyze_from_the_package_returns_a_valid_document() -> None:
    doc = tripwire.analyze("Valdoria and Marovia held talks in Corvo.", published="2026-09-01")
    assert isinstance(doc, tripwire.Document)
    assert doc.schema == tripwire.SCHEMA == "tripwire/1"
    assert tripwire.validate_document(doc.to_dict()) == []


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("mkdocs", path=str(Path(sys.executable).parent)) is None,
                    reason="mkdocs is not installed")
def test_docs_build_strictly(tmp_path: Path) -> None:
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent))
    result = subprocess.run([mkdocs, "build", "--strict", "-q", "-d", str(tmp_path / "site")],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
