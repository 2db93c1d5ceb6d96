"""One catalogue of errors, with stable codes that tests and users can rely on.

Every code belongs to one kind, so that callers can catch by kind: `BadInputError` (what was
given cannot be used: a path, a record, a date, a page), `ConfigurationError` (the model, an
option or a data file is wrong), `StoreError` (the database or an output cannot be used).
`TripwireError(code, ...)` builds the error of its code's kind; the catalogue is listed in
docs/cli.md, and a test keeps the two equal.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    MODEL_MISSING = "E001"
    PATH_MISSING = "E002"
    NOTHING_READABLE = "E003"
    UNREADABLE_RECORD = "E004"
    INVALID_RECORD = "E005"
    BAD_DATE = "E006"
    OVER_SIZE_CAP = "E007"
    BAD_OPTION = "E008"
    BAD_DATA_FILE = "E009"
    DATABASE = "E010"
    ANALYSIS_FAILED = "E011"
    TOO_LONG = "E012"
    IMPLAUSIBLE_DATE = "E013"
    FETCH_FAILED = "E030"
    ROBOTS_FORBIDDEN = "E031"
    SHARD_LOST = "E032"
    OUTPUT_UNWRITABLE = "E040"


ERROR_CODES: dict[str, str] = {
    ErrorCode.MODEL_MISSING: "spaCy model missing or unloadable",
    ErrorCode.PATH_MISSING: "input path does not exist",
    ErrorCode.NOTHING_READABLE: "no readable articles in input",
    ErrorCode.UNREADABLE_RECORD: "unreadable record (binary, empty, bad encoding)",
    ErrorCode.INVALID_RECORD: "invalid JSON/CSV record",
    ErrorCode.BAD_DATE: "date does not parse",
    ErrorCode.OVER_SIZE_CAP: "article over the size cap",
    ErrorCode.BAD_OPTION: "unknown option value",
    ErrorCode.BAD_DATA_FILE: "invalid data file",
    ErrorCode.DATABASE: "database error",
    ErrorCode.ANALYSIS_FAILED: "analysis failed on one article",
    ErrorCode.TOO_LONG: "article too long to analyse",
    ErrorCode.IMPLAUSIBLE_DATE: "implausible publication date (before 1900 or days ahead of today)",
    ErrorCode.FETCH_FAILED: "page or feed could not be fetched (HTTP error, timeout, network)",
    ErrorCode.ROBOTS_FORBIDDEN: "fetching forbidden by robots.txt",
    ErrorCode.SHARD_LOST: "an input shard was not fully processed",
    ErrorCode.OUTPUT_UNWRITABLE: "output file cannot be written",
}


class TripwireError(Exception):
    """An error the user can act on: one clear line, never a traceback."""

    def __new__(cls, code: str, *args: Any, **kwargs: Any) -> TripwireError:
        return super().__new__(kind_of(code) if cls is TripwireError else cls)

    def __init__(self, code: str, message: str, where: str | None = None) -> None:
        self.code = ErrorCode(code)
        self.where = where
        self.message = message
        super().__init__(self.render())

    def __reduce__(self) -> tuple[type, tuple[str, str, str | None]]:
        """Pickle with the real arguments, so errors cross process boundaries (worker pools)."""
        return (type(self), (self.code, self.message, self.where))

    def render(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}{self.message} [{self.code}]"


class BadInputError(TripwireError):
    """What was given cannot be used: a path, a record, a date, an article, a page."""


class ConfigurationError(TripwireError):
    """The set-up is wrong: the spaCy model, an option's value or a data file."""


class StoreError(TripwireError):
    """The database or an output file cannot be read or written."""


class BadRecord(BadInputError):
    """A single input record that cannot be used; batches skip it unless --strict."""


_KINDS: dict[ErrorCode, type[TripwireError]] = {
    ErrorCode.MODEL_MISSING: ConfigurationError,
    ErrorCode.PATH_MISSING: BadInputError,
    ErrorCode.NOTHING_READABLE: BadInputError,
    ErrorCode.UNREADABLE_RECORD: BadInputError,
    ErrorCode.INVALID_RECORD: BadInputError,
    ErrorCode.BAD_DATE: BadInputError,
    ErrorCode.OVER_SIZE_CAP: BadInputError,
    ErrorCode.BAD_OPTION: ConfigurationError,
    ErrorCode.BAD_DATA_FILE: ConfigurationError,
    ErrorCode.DATABASE: StoreError,
    ErrorCode.TOO_LONG: BadInputError,
    ErrorCode.IMPLAUSIBLE_DATE: BadInputError,
    ErrorCode.FETCH_FAILED: BadInputError,
    ErrorCode.ROBOTS_FORBIDDEN: BadInputError,
    ErrorCode.OUTPUT_UNWRITABLE: StoreError,
}


def kind_of(code: str) -> type[TripwireError]:
    """The class an error of this code is raised as (E011 and E032 have no narrower kind)."""
    return _KINDS.get(ErrorCode(code), TripwireError)
