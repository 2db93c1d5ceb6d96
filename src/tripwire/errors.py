"""One catalogue of errors, with stable codes that tests and users can rely on."""

from __future__ import annotations

ERROR_CODES: dict[str, str] = {
    "E001": "spaCy model missing or unloadable",
    "E002": "input path does not exist",
    "E003": "no readable articles in input",
    "E004": "unreadable record (binary, empty, bad encoding)",
    "E005": "invalid JSON/CSV record",
    "E006": "date does not parse",
    "E007": "article over the size cap",
    "E008": "unknown option value",
    "E009": "invalid data file",
    "E010": "database error",
    "E011": "analysis failed on one article",
    "E012": "article too long to analyse",
    "E013": "implausible publication date (before 1900 or days ahead of today)",
    "E030": "page or feed could not be fetched (HTTP error, timeout, network)",
    "E031": "fetching forbidden by robots.txt",
    "E032": "an input shard was not fully processed",
    "E040": "output file cannot be written",
}


class TripwireError(Exception):
    """An error the user can act on: one clear line, never a traceback."""

    def __init__(self, code: str, message: str, where: str | None = None) -> None:
        self.code = code
        self.where = where
        self.message = message
        super().__init__(self.render())

    def __reduce__(self) -> tuple[type, tuple[str, str, str | None]]:
        """Pickle with the real arguments, so errors cross process boundaries (worker pools)."""
        return (type(self), (self.code, self.message, self.where))

    def render(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}{self.message} [{self.code}]"


class BadRecord(TripwireError):
    """A single input record that cannot be used; batches skip it unless --strict."""
