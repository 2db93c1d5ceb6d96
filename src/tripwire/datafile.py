"""YAML data files read one way: parsed safely, validated by a pydantic model, and every mistake
reported with the file, the line and the key, so whoever edits a word list learns what to fix."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pydantic
import yaml
from pydantic_core import ErrorDetails

from tripwire.errors import TripwireError


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader that keeps dates as text: a model validates them, so that a bad one
    ("2020-31-01") is reported at its line like any other mistake."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp",
                        lambda loader, node: str(loader.construct_scalar(node)))
Model = TypeVar("Model", bound=pydantic.BaseModel)
Key = str | int


@dataclass(frozen=True)
class DataFile:
    """One parsed YAML file: its data, and (composed when an error needs it) its node tree to
    find the line of any key."""

    path: Path
    data: Any
    text: str

    @classmethod
    def read(cls, path: Path) -> DataFile:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise TripwireError("E009", f"cannot read data file: {exc}", str(path)) from exc
        return cls.parse(text, Path(path))

    @classmethod
    def parse(cls, text: str, path: Path) -> DataFile:
        """The data of `text`, read from `path` (named in errors)."""
        try:
            return cls(path, yaml.load(text, Loader=_Loader), text)  # noqa: S506 - a SafeLoader
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{path}:{mark.line + 1}" if mark else str(path)
            raise TripwireError("E009", f"invalid YAML: {exc}", where) from exc

    @functools.cached_property
    def node(self) -> yaml.Node | None:
        return yaml.compose(self.text, Loader=_Loader)

    def _walk(self, loc: Sequence[Key]) -> tuple[yaml.Node | None, int, bool]:
        """The node of the deepest key of `loc` the file has, its line, and whether all of
        `loc` was found."""
        node, line = self.node, 1
        for key in loc:
            if isinstance(node, yaml.MappingNode):
                found = next(((k, v) for k, v in node.value if k.value == str(key)), None)
                if found is None:
                    return node, line, False
                line, node = found[0].start_mark.line + 1, found[1]
            elif (isinstance(node, yaml.SequenceNode) and isinstance(key, int)
                  and 0 <= key < len(node.value)):
                node = node.value[key]
                line = node.start_mark.line + 1
            else:
                return node, line, False
        return node, line, True

    def line_of(self, loc: Sequence[Key]) -> int:
        """The line of the deepest key of `loc` that the file has (1 for the file itself)."""
        return self._walk(loc)[1]

    def lines_under(self, loc: Sequence[Key] = ()) -> dict[Key, int]:
        """The line of each entry of the mapping (by key) or list (by position) at `loc`, for
        data whose origin is shown later (a trigger pattern's file:line in `tripwire explain`);
        empty when `loc` is neither."""
        node, _, found = self._walk(loc)
        if not found:
            return {}
        if isinstance(node, yaml.MappingNode):
            return {k.value: k.start_mark.line + 1 for k, _ in node.value}
        if isinstance(node, yaml.SequenceNode):
            return {i: item.start_mark.line + 1 for i, item in enumerate(node.value)}
        return {}

    def error(self, loc: Sequence[Key], message: str,
              line_loc: Sequence[Key] | None = None) -> TripwireError:
        """An error at `loc` (keys and list positions from the top), naming file, line and key;
        `line_loc`, where given, is where the line is taken from (an unknown key's own line)."""
        key = ".".join(str(part) for part in loc)
        line = self.line_of(loc if line_loc is None else line_loc)
        return TripwireError("E009", f"{key}: {message}" if key else message,
                             f"{self.path}:{line}")

    def validate(self, model: type[Model]) -> Model:
        """The data as `model`; the first mistake is raised at its line."""
        try:
            return model.model_validate(self.data)
        except pydantic.ValidationError as exc:
            first = exc.errors()[0]
            loc, message = _explained(first)
            if exc.error_count() > 1:
                message += f" (and {exc.error_count() - 1} more)"
            raise self.error(loc, message, _keys(first)) from None


def _keys(error: ErrorDetails) -> list[Key]:
    """The keys and list positions of a pydantic error's location: its line in the file."""
    return [part for part in error["loc"] if isinstance(part, str | int)]


def _explained(error: ErrorDetails) -> tuple[list[Key], str]:
    """Where a pydantic error is, and what it says in the words of a data file."""
    loc = _keys(error)
    context = error.get("ctx") or {}
    if error["type"] == "missing" and loc:
        return loc[:-1], f"lacks {loc[-1]}"
    if error["type"] == "extra_forbidden" and loc:
        return loc[:-1], f"unknown key {loc[-1]!r}"
    if error["type"] == "literal_error" and loc:
        return loc, f"{loc[-1]} must be one of: {context.get('expected')}"
    if error["type"] == "value_error" and "error" in context:
        return loc, str(context["error"])
    message = error["msg"]
    if isinstance(error.get("input"), bool):
        message += " (quote yes/no/on/off, which YAML reads as true/false)"
    return loc, message


def load_model(path: Path, model: type[Model]) -> Model:
    """Read one YAML file and validate it as `model`."""
    return DataFile.read(path).validate(model)


def read_user_file(path: Path, what: str, encoding: str = "utf-8") -> str:
    """The text of a file a user named (an actor file, a timeline), or an error naming it:
    E002 when it does not exist, E009 when it cannot be read or decoded."""
    try:
        return path.read_text(encoding=encoding)
    except FileNotFoundError:
        raise TripwireError("E002", f"{what} does not exist", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TripwireError("E009", f"cannot read {what}: {exc}", str(path)) from None
