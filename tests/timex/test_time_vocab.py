"""The time vocabulary file is validated on load, with errors naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripwire.errors import TripwireError
from tripwire.timex.vocab import VOCAB_PATH, load_vocab, vocab


def test_packaged_vocabulary_loads() -> None:
    lex = vocab()
    assert lex.months["sept"] == 9
    assert lex.weekdays["wednesday"] == 3
    assert lex.seasons["fall"] == "FA"
    assert lex.units["fortnight"].factor == 2


def test_bad_value_names_file_and_line(tmp_path: Path) -> None:
    text = VOCAB_PATH.read_text(encoding="utf-8").replace("  june: 6\n", "  june: 13\n")
    bad = tmp_path / "vocab.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(TripwireError) as error:
        load_vocab(bad)
    assert error.value.code == "E009"
    june_line = text.splitlines().index("  june: 13") + 1
    assert error.value.where == f"{bad}:{june_line}"
    assert error.value.message.startswith("months.june:")


def test_missing_section_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "vocab.yaml"
    bad.write_text("months:\n  january: 1\n", encoding="utf-8")
    with pytest.raises(TripwireError) as error:
        load_vocab(bad)
    assert error.value.code == "E009"


def test_unreadable_yaml_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "vocab.yaml"
    bad.write_text("months: [unclosed\n", encoding="utf-8")
    with pytest.raises(TripwireError) as error:
        load_vocab(bad)
    assert error.value.code == "E009"
