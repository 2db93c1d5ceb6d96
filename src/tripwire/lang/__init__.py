"""Words are data: each language is a folder of YAML files (`lang/en/quotes.yaml`, ...), one a
stage, read by one loader and checked by the pydantic model of the stage that reads it, so that
a mistake names the file, the line and the key. Adding a language is adding a folder with the
same files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict

from tripwire.datafile import Model, load_model

LANG_DIR = Path(__file__).parent
LANGUAGE = "en"


class WordFile(BaseModel):
    """The base of every stage's model of its word file: no unknown keys, read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _word_list(value: Any) -> list[str]:
    """A non-empty list of words, lower-cased, none twice."""
    if not isinstance(value, list | tuple | set | frozenset) or not value:
        raise ValueError("must be a non-empty list of words")
    seen: list[str] = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            hint = " (quote yes/no/on/off)" if isinstance(item, bool) else ""
            raise ValueError(f"{item!r} is not a word{hint}")
        word = item.strip().lower()
        if word in seen:
            raise ValueError(f"lists {word!r} twice")
        seen.append(word)
    return seen


Words = Annotated[frozenset[str], BeforeValidator(_word_list)]
WordList = Annotated[tuple[str, ...], BeforeValidator(_word_list)]  # where the order counts


def word_file(name: str, language: str = LANGUAGE) -> Path:
    """The path of one word file: `lang/<language>/<name>.yaml`."""
    return LANG_DIR / language / f"{name}.yaml"


def languages() -> list[str]:
    """The languages that have a folder."""
    return sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and not p.name.startswith("_"))


def load_words(path: Path, model: type[Model]) -> Model:
    """Read one word file and check it as `model` (errors name file, line and key)."""
    return load_model(path, model)
