"""Pattern files are validated on load; errors name the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tripwire.clean.patterns import (
    USER_PATTERNS_ENV,
    default_patterns,
    load_patterns,
    load_scorer,
    user_pattern_files,
)
from tripwire.errors import TripwireError


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(call) -> TripwireError:
    with pytest.raises(TripwireError) as caught:
        call()
    return caught.value


def test_packaged_patterns_load():
    patterns = default_patterns()
    assert "en.yaml" in patterns.files
    assert {rule.kind for rule in patterns.line_rules} >= {"cta", "share", "byline", "cookie"}
    assert patterns.months["march"] == 3
    assert load_scorer().weights


def test_bad_regex_names_file_and_line(tmp_path):
    path = write(tmp_path, "xx.yaml", "lines:\n  cta:\n    - 'fine'\n    - 'broken ('\n")
    error = error_of(lambda: load_patterns([path]))
    assert error.code == "E009"
    assert error.where.endswith("xx.yaml:4")
    assert "bad regular expression" in error.message


def test_unknown_kind_and_section_are_rejected(tmp_path):
    kind = write(tmp_path, "k.yaml", "lines:\n  gossip:\n    - 'x'\n")
    assert error_of(lambda: load_patterns([kind])).where.endswith("k.yaml:2")
    section = write(tmp_path, "s.yaml", "stopwords: [a]\nrecipes: [b]\n")
    assert error_of(lambda: load_patterns([section])).where.endswith("s.yaml:2")


def test_bad_month_and_bad_yaml(tmp_path):
    month = write(tmp_path, "m.yaml", "months:\n  smarch: 13\n")
    assert "1 to 12" in error_of(lambda: load_patterns([month])).message
    broken = write(tmp_path, "b.yaml", "lines: [\n")
    assert "b.yaml:" in error_of(lambda: load_patterns([broken])).where


def test_scorer_needs_every_section_and_numbers(tmp_path):
    missing = write(tmp_path, "scorer.yaml", "bias: 1\nweights: {}\n")
    assert "lacks threshold" in error_of(lambda: load_scorer(missing)).message
    text = "bias: x\nthreshold: 0\nfallback_margin: 1\nmin_body_words: 60\ngap_tolerance: 1\nweights: {}\n"
    assert error_of(lambda: load_scorer(write(tmp_path, "s2.yaml", text))).where.endswith("s2.yaml:1")


def test_user_pattern_files_come_from_the_environment(tmp_path, monkeypatch):
    own = write(tmp_path, "own.yaml", "lines:\n  cta:\n    - 'vote in our poll.*'\n")
    monkeypatch.setenv(USER_PATTERNS_ENV, str(own))
    assert user_pattern_files() == [own]
    rules = load_patterns(user_pattern_files()).line_rules
    assert rules[0].pattern.match("Vote in our poll below") and rules[0].where.endswith("own.yaml:3")
    monkeypatch.setenv(USER_PATTERNS_ENV, str(tmp_path / "missing.yaml"))
    assert error_of(user_pattern_files).code == "E002"
