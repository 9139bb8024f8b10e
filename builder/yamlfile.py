"""Read YAML safely and keep where every value stands, so errors can name line and column."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from types import UnionType
from typing import Any, TypeVar, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from builder.errors import Problem, Problems
from builder.escaping import clean_text

M = TypeVar("M", bound=BaseModel)


class YamlProblem(Exception):
    """YAML that cannot be read, with the place of the fault."""

    def __init__(self, message: str, line: int | None, column: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class _SafeComposingLoader(yaml.SafeLoader):
    """A safe loader that refuses aliases (no expansion bombs) and duplicate keys."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise YamlProblem(
                "YAML aliases (*name) are not allowed here; write the value out in full",
                event.start_mark.line + 1,
                event.start_mark.column + 1,
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise YamlProblem(
                    "a key must be plain text", key_node.start_mark.line + 1, key_node.start_mark.column + 1
                )
            if key in seen:
                raise YamlProblem(
                    f"the key {key!r} appears twice",
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_clean_str(self, node: yaml.ScalarNode) -> str:
        """Text without control characters: they would reach pages, where parsers read them as structure."""
        return clean_text(self.construct_scalar(node))

    def construct_located_int(self, node: yaml.ScalarNode) -> int:
        """An integer, or a problem at its place when Python refuses to read it (over 4,300 digits)."""
        try:
            return super().construct_yaml_int(node)
        except ValueError:
            raise YamlProblem(
                "a number with too many digits to read; write a smaller number",
                node.start_mark.line + 1,
                node.start_mark.column + 1,
            ) from None

    def construct_located_timestamp(self, node: yaml.ScalarNode) -> Any:
        """A date, or a problem at its place when the day does not exist (2025-02-30)."""
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as error:
            raise YamlProblem(
                f"not a date: {error} ({node.value})", node.start_mark.line + 1, node.start_mark.column + 1
            ) from None


_SafeComposingLoader.add_constructor("tag:yaml.org,2002:str", _SafeComposingLoader.construct_clean_str)
_SafeComposingLoader.add_constructor("tag:yaml.org,2002:int", _SafeComposingLoader.construct_located_int)
_SafeComposingLoader.add_constructor("tag:yaml.org,2002:timestamp", _SafeComposingLoader.construct_located_timestamp)


@dataclass(frozen=True)
class YamlDocument:
    """Parsed YAML with its node tree, to find where a value stands."""

    data: Any
    root: yaml.Node | None
    line_offset: int = 0

    def locate(self, loc: Sequence[int | str]) -> tuple[int | None, int | None]:
        """Return the 1-based line and column of the value at loc, or of its nearest parent."""
        node = self.root
        if node is None:
            return (1 + self.line_offset, 1)
        for key in loc:
            child = _child(node, key)
            if child is None:
                break
            node = child
        return (node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1)

    def locate_key(self, loc: Sequence[int | str]) -> tuple[int | None, int | None]:
        """Return the place of the key that ends loc (for unknown keys)."""
        parent = self.root
        for key in loc[:-1]:
            child = _child(parent, key) if parent is not None else None
            if child is None:
                return self.locate(loc[:-1])
            parent = child
        if isinstance(parent, yaml.MappingNode):
            for key_node, _ in parent.value:
                if key_node.value == loc[-1]:
                    return (key_node.start_mark.line + 1 + self.line_offset, key_node.start_mark.column + 1)
        return self.locate(loc[:-1])


def _child(node: yaml.Node, key: int | str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if str(key_node.value) == str(key):
                return value_node  # type: ignore[no-any-return]
    elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return node.value[key]  # type: ignore[no-any-return]
    return None


def parse_yaml(text: str, line_offset: int = 0) -> YamlDocument:
    """Parse one YAML document; raise YamlProblem with a 1-based place on any fault."""
    loader = _SafeComposingLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except YamlProblem as problem:
        problem.line = (problem.line or 1) + line_offset
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + line_offset if mark else None
        column = mark.column + 1 if mark else None
        reason = error.problem or str(error)
        if error.context:
            reason = f"{reason} ({error.context})"
        raise YamlProblem(f"malformed YAML: {reason}", line, column) from None
    except yaml.YAMLError as error:
        raise YamlProblem(f"malformed YAML: {error}", None, None) from None
    finally:
        loader.dispose()
    return YamlDocument(data, root, line_offset)


def dotted(loc: Sequence[int | str]) -> str:
    """Write a pydantic location as a key path: parties[1].role."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


_EXPECTED = {
    "string_type": "expected text",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "finite_number": "expected a finite number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "date_type": "expected a date (YYYY-MM-DD)",
    "date_parsing": "expected a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "expected a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "expected a date without a time (YYYY-MM-DD)",
    "list_type": "expected a list",
    "tuple_type": "expected a list",
    "dict_type": "expected a mapping of keys to values",
    "model_type": "expected a mapping of keys to values",
    "model_attributes_type": "expected a mapping of keys to values",
    "missing": "missing: this key is required",
    "extra_forbidden": "unknown key",
}


def describe(value: Any) -> str:
    """Name a found value briefly, with its type."""
    kinds = {
        str: "text",
        int: "a number",
        float: "a number",
        bool: "a boolean",
        list: "a list",
        dict: "a mapping",
    }
    kind = next((name for cls, name in kinds.items() if type(value) is cls), type(value).__name__)
    if value is None:
        return "nothing (null)"
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{shown} ({kind})" if kind not in ("a list", "a mapping") else kind


def validation_problems(
    error: ValidationError, document: YamlDocument, file: str, model: type[BaseModel] | None = None
) -> Iterator[Problem]:
    """Turn pydantic's errors into problems with line, column and key path; one per place."""
    places: set[tuple[int | str, ...]] = set()
    for detail in error.errors():
        loc = _clean_loc(detail)
        if tuple(loc) in places:  # the members of a union each refused the value
            continue
        places.add(tuple(loc))
        problem = _problem(detail, loc, document, file)
        if detail["type"] == "extra_forbidden" and model is not None:
            allowed = allowed_keys(model, loc[:-1])
            if allowed:
                close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                problem = Problem(
                    problem.file,
                    problem.line,
                    problem.column,
                    problem.where,
                    f"unknown key{hint} (allowed: {', '.join(allowed)})",
                )
        yield problem


def allowed_keys(model: type[BaseModel], loc: Sequence[int | str]) -> list[str]:
    """The keys the model accepts at a place in the data."""
    current: Any = model
    for part in loc:
        current = _inner(current)
        if isinstance(part, int):
            continue
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return []
            current = field.annotation
        elif get_origin(current) is dict:
            current = get_args(current)[1]
        else:
            return []
    current = _inner(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner(annotation: Any) -> Any:
    """Unwrap X | None and tuple[X, ...] to the model X they hold."""
    for _ in range(4):
        origin = get_origin(annotation)
        if origin in (tuple, list):
            annotation = get_args(annotation)[0]
        elif origin in (Union, UnionType):
            models = [a for a in get_args(annotation) if isinstance(a, type) and issubclass(a, BaseModel)]
            if not models:
                return annotation
            annotation = models[0]
        else:
            return annotation
    return annotation


# The names pydantic gives the members of a union such as `float | int` in an error's path.
_UNION_MEMBERS = frozenset({"float", "int", "str", "bool"})


def _clean_loc(detail: ErrorDetails) -> list[int | str]:
    # Union and function validators add their own names to the path; keep the data's keys only.
    return [
        part
        for part in detail["loc"]
        if not (isinstance(part, str) and ("[" in part or part.startswith("function") or part in _UNION_MEMBERS))
    ]


def _problem(detail: ErrorDetails, loc: list[int | str], document: YamlDocument, file: str) -> Problem:
    kind = detail["type"]
    if kind == "extra_forbidden":
        line, column = document.locate_key(loc)
        return Problem(file, line, column, dotted(loc), "unknown key")
    line, column = document.locate(loc)
    if kind == "missing":
        return Problem(file, line, column, dotted(loc), _EXPECTED[kind])
    expected = _EXPECTED.get(kind)
    if kind == "literal_error":
        expected = "expected " + str((detail.get("ctx") or {}).get("expected", "one of the allowed values"))
    elif kind == "value_error":
        expected = str(detail["msg"]).removeprefix("Value error, ")
        return Problem(file, line, column, dotted(loc), expected)
    if expected is None:
        expected = str(detail["msg"]).lower()
    return Problem(file, line, column, dotted(loc), f"{expected}, found {describe(detail.get('input'))}")


def read_model(
    text: str,
    model: type[M],
    file: str,
    problems: Problems,
    *,
    not_a_mapping: tuple[int, str],
    line_offset: int = 0,
    empty_is_default: bool = False,
) -> tuple[M, YamlDocument] | None:
    """Parse text as YAML and validate it as model; record every problem, with its place, and return None.

    not_a_mapping is the line and message for a document that is not a mapping; an empty document is the
    model's defaults when empty_is_default, and not a mapping otherwise.
    """
    try:
        document = parse_yaml(text, line_offset=line_offset)
    except YamlProblem as problem:
        problems.add(Problem(file, problem.line, problem.column, message=problem.message))
        return None
    if document.data is None and empty_is_default:
        return model(), document
    if not isinstance(document.data, dict):
        line, message = not_a_mapping
        problems.add(Problem(file, line, 1, message=message))
        return None
    try:
        return model.model_validate(document.data), document
    except ValidationError as error:
        problems.extend(validation_problems(error, document, file, model))
        return None
