"""Read scenario YAML safely and report every problem as `file:line:column: message`.

Pipeline: bytes -> guards (size, empty, binary, UTF-8) -> YAML node graph (libyaml if available, marks
kept) -> guards on the graph (one document, alias expansion, duplicate keys, mapping at the top) -> plain
data with safe_load semantics -> pydantic model -> semantic checks. The node graph keeps the position of
every key and value, so pydantic error locations and semantic issue paths map back to a line and column.
"""

from __future__ import annotations

import difflib
import os
import re
import types
import typing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ValidationError

from salesbot.core.scenario.checks import check_scenario
from salesbot.core.scenario.model import Scenario

MAX_BYTES = 1024 * 1024
# A scenario has a few thousand nodes; aliases that expand beyond this are an attack or a mistake.
MAX_EXPANDED_NODES = 100_000
MAX_ALIAS_USES = 1_000

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Loc = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a scenario file; `str()` gives the `file:line:column: message` form editors read."""

    file: str
    line: int
    column: int
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.file}:{self.line}:{self.column}: {prefix}{self.message}"


class ScenarioError(Exception):
    """A scenario could not be loaded; `.problems` lists every reason (warnings included)."""

    def __init__(self, problems: Sequence[Problem], message: str | None = None) -> None:
        self.problems = list(problems)
        errors = [p for p in self.problems if p.severity == "error"] or self.problems
        super().__init__(message if message is not None else "\n".join(str(p) for p in errors))


# --------------------------------------------------------------------------------------------- reading


def load_scenario_file(path: str | os.PathLike[str]) -> Scenario:
    """Load and check one scenario file; raise ScenarioError with every problem if it is not valid."""
    scenario, problems = check_file(path)
    if scenario is None or any(p.severity == "error" for p in problems):
        raise ScenarioError(problems)
    return scenario


def load_scenario_text(text: str | bytes, name: str) -> Scenario:
    """Load a scenario from text (e.g. a Telegram upload); `name` is used as the file name in problems."""
    scenario, problems = check_text(text, name)
    if scenario is None or any(p.severity == "error" for p in problems):
        raise ScenarioError(problems)
    return scenario


def check_file(path: str | os.PathLike[str]) -> tuple[Scenario | None, list[Problem]]:
    """The scenario (None if it cannot be built) and every problem, warnings included."""
    name = os.fspath(path)
    try:
        size = os.path.getsize(name)
        if size > MAX_BYTES:
            return None, [_file_problem(name, f"file is too large ({size:,} bytes; the limit is {MAX_BYTES:,})")]
        with open(name, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None, [_file_problem(name, "no such file")]
    except IsADirectoryError:
        return None, [_file_problem(name, "is a directory, not a scenario file")]
    except OSError as error:
        return None, [_file_problem(name, f"cannot read file: {error.strerror or error}")]
    return check_text(data, name)


def check_text(text: str | bytes, name: str) -> tuple[Scenario | None, list[Problem]]:
    """Like check_file, for text or bytes already in memory."""
    raw = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    if len(raw) > MAX_BYTES:
        return None, [_file_problem(name, f"file is too large ({len(raw):,} bytes; the limit is {MAX_BYTES:,})")]
    if b"\x00" in raw:
        return None, [_file_problem(name, "binary file (contains NUL bytes); a scenario is a UTF-8 YAML text file")]
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(name, line, 1, "not UTF-8 text (binary file or wrong encoding); save it as UTF-8")]
    if not decoded.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in decoded.splitlines()):
        return None, [_file_problem(name, "empty file: a scenario needs at least id, language, title, ...")]

    document = _YamlDocument.parse(decoded, name)
    if isinstance(document, Problem):
        return None, [document]
    data = document.data
    if isinstance(data, dict):
        # Top-level `x-...` keys are free for the author, e.g. to hold YAML anchors (as in docker-compose).
        data = {k: v for k, v in data.items() if not (isinstance(k, str) and k.startswith("x-"))}
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        return None, sorted(_schema_problems(error, document), key=_position)
    problems = [
        document.problem(issue.path, issue.message, issue.severity) for issue in check_scenario(scenario)
    ]
    return scenario, sorted(problems, key=_position)


def _file_problem(name: str, message: str) -> Problem:
    return Problem(name, 1, 1, message)


def _position(problem: Problem) -> tuple[int, int]:
    return problem.line, problem.column


# ------------------------------------------------------------------------------------ YAML with marks


@dataclass
class _Place:
    key: yaml.Node | None  # the key node (None for list items and the root)
    value: yaml.Node


class _YamlDocument:
    """Plain data plus the node of every path in it."""

    def __init__(self, name: str, data: Any, places: dict[Loc, _Place]) -> None:
        self.name, self.data, self.places = name, data, places

    @classmethod
    def parse(cls, text: str, name: str) -> _YamlDocument | Problem:
        loader = _Loader(text)
        try:
            if not loader.check_node():
                return _file_problem(name, "empty file: no YAML document")
            root = loader.get_node()
            if loader.check_node():
                second = loader.get_node()
                return _mark_problem(name, second.start_mark if second else None,
                                     "more than one YAML document ('---'); a scenario file holds exactly one")
            guard = _guard_graph(root, name)
            if guard is not None:
                return guard
            if not isinstance(root, yaml.MappingNode):
                kind = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
                return _mark_problem(name, root.start_mark,
                                     f"the top level is {kind}; a scenario is a mapping of fields (id: ..., language: ...)")
            data = loader.construct_document(root)
            places: dict[Loc, _Place] = {}
            _index(root, (), None, places)
        except yaml.MarkedYAMLError as error:
            return _yaml_error(name, error, text)
        except yaml.reader.ReaderError as error:  # a control character: binary data or a broken copy-paste
            pos = max(0, min(int(error.position), len(text)))
            line, column = text.count("\n", 0, pos) + 1, pos - text.rfind("\n", 0, pos)
            char = f"#x{error.character:04x}" if isinstance(error.character, int) else repr(error.character)
            return Problem(name, line, column, f"control character {char} is not allowed in a YAML text file")
        except yaml.YAMLError as error:  # other unmarked errors are rare
            return _file_problem(name, f"YAML error: {error}")
        except RecursionError:
            return _file_problem(name, "YAML nesting is too deep")
        finally:
            loader.dispose()
        return cls(name, data, places)

    def problem(self, loc: Loc, message: str, severity: Literal["error", "warning"] = "error",
                at_key: bool = False) -> Problem:
        """A problem at `loc`, or at the deepest existing part of it (a missing field: its parent)."""
        node_loc = loc
        want_key = at_key
        if node_loc and node_loc[-1] == "[key]":
            node_loc, want_key = node_loc[:-1], True
        while node_loc not in self.places:
            node_loc = node_loc[:-1]
        place = self.places[node_loc]
        node = place.key if want_key and place.key is not None else place.value
        return _mark_problem(self.name, node.start_mark, message, severity)


def _mark_problem(name: str, mark: yaml.Mark | None, message: str,
                  severity: Literal["error", "warning"] = "error") -> Problem:
    if mark is None:
        return Problem(name, 1, 1, message, severity)
    return Problem(name, mark.line + 1, mark.column + 1, message, severity)


def _yaml_error(name: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    message = error.problem or "invalid YAML"
    if isinstance(error, yaml.constructor.ConstructorError):
        # Tags such as !!python/object are refused by safe loading: that is the point, not a typo.
        return _mark_problem(name, mark, f"YAML tag not allowed: {message}; only plain YAML (mappings, lists, "
                             "text, numbers, true/false) is allowed")
    if mark is not None and _char_at(text, mark) == "\t":
        return _mark_problem(name, mark, "YAML syntax error: tab character; indent with spaces, not tabs")
    if error.context and error.context_mark and error.problem_mark and (
        error.context_mark.line != error.problem_mark.line
    ):
        message += f" ({error.context} at line {error.context_mark.line + 1})"
    elif error.context:
        message += f" ({error.context})"
    return _mark_problem(name, mark, f"YAML syntax error: {message}")


def _char_at(text: str, mark: yaml.Mark) -> str:
    lines = text.splitlines()
    if 0 <= mark.line < len(lines) and 0 <= mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""


def _children(node: yaml.Node) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key
            yield value
    elif isinstance(node, yaml.SequenceNode):
        yield from node.value


def _guard_graph(root: yaml.Node, name: str) -> Problem | None:
    """Refuse alias bombs (huge expansion), recursive aliases and duplicate keys, before building data.

    Composing never expands aliases (an alias is the same node object again), so the graph is small even
    for a "billion laughs" file; its expanded size is computed here with memoisation, in linear time.
    """
    expanded: dict[int, int] = {}
    on_path: set[int] = set()
    alias_uses = 0
    first_alias: yaml.Mark | None = None
    stack: list[tuple[yaml.Node, Iterator[yaml.Node]]] = []

    def enter(node: yaml.Node) -> Problem | None:
        on_path.add(id(node))
        stack.append((node, _children(node)))
        return _duplicate_key(node, name) if isinstance(node, yaml.MappingNode) else None

    problem = enter(root)
    while stack and problem is None:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            on_path.discard(id(node))
            expanded[id(node)] = 1 + sum(expanded[id(c)] for c in _children(node))
        elif id(child) in expanded:  # the same node object again: an alias
            alias_uses += 1
            first_alias = first_alias or child.start_mark
            if alias_uses > MAX_ALIAS_USES:
                problem = _mark_problem(name, child.start_mark,
                                        f"more than {MAX_ALIAS_USES:,} alias uses; refusing the file")
        elif id(child) in on_path:
            problem = _mark_problem(name, child.start_mark, "recursive alias: a node contains itself")
        else:
            problem = enter(child)
    if problem is None and alias_uses:
        # Without aliases the size is bounded by the file size; with them, refuse a large blow-up.
        size = expanded[id(root)]
        if size > max(MAX_EXPANDED_NODES, 2 * len(expanded)):
            problem = _mark_problem(name, first_alias, f"aliases expand the document to {size:,} nodes "
                                    f"(the limit is {MAX_EXPANDED_NODES:,}): an alias bomb? Refusing the file")
    return problem


def _duplicate_key(node: yaml.MappingNode, name: str) -> Problem | None:
    first: dict[str, yaml.Node] = {}
    for key, _value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            return _mark_problem(name, key.start_mark, "a key must be plain text, not a list or mapping")
        if key.tag == "tag:yaml.org,2002:merge":
            continue
        if key.value in first:
            line = first[key.value].start_mark.line + 1
            return _mark_problem(name, key.start_mark, f"duplicate key '{key.value}' (first defined at line {line})")
        first[key.value] = key
    return None


def _index(node: yaml.Node, loc: Loc, key: yaml.Node | None, places: dict[Loc, _Place]) -> None:
    """Record the node of every path; aliases were bounded by _guard_graph, so this terminates."""
    places[loc] = _Place(key, node)
    if isinstance(node, yaml.MappingNode):
        merged: list[tuple[yaml.Node, yaml.Node]] = []
        for k, v in node.value:
            if k.tag == "tag:yaml.org,2002:merge":
                sources = v.value if isinstance(v, yaml.SequenceNode) else [v]
                for source in sources:
                    if isinstance(source, yaml.MappingNode):
                        merged.extend(source.value)
            elif isinstance(k, yaml.ScalarNode):
                _index(v, (*loc, k.value), k, places)
        for k, v in merged:  # keys written explicitly win over merged ones, as in YAML
            if isinstance(k, yaml.ScalarNode) and (*loc, k.value) not in places:
                _index(v, (*loc, k.value), k, places)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, (*loc, i), None, places)


# ------------------------------------------------------------------------------ pydantic error mapping


def _schema_problems(error: ValidationError, document: _YamlDocument) -> list[Problem]:
    problems: dict[tuple[int, int, str], Problem] = {}
    for item in error.errors(include_url=False):
        loc: Loc = tuple(item["loc"])
        message, at_key = _describe(item, loc)
        where = _dotted(loc[:-1] if item["type"] in ("missing", "extra_forbidden") else loc)
        text = f"{where}: {message}" if where else message
        problem = document.problem(loc, text, at_key=at_key)
        problems.setdefault((problem.line, problem.column, problem.message), problem)
    return list(problems.values())


def _describe(item: Any, loc: Loc) -> tuple[str, bool]:
    kind = item["type"]
    value = item.get("input")
    if kind == "missing":
        return f"missing required field '{loc[-1]}'", False
    if kind == "extra_forbidden":
        field = str(loc[-1])
        allowed = _allowed_fields(loc[:-1])
        hint = ""
        close = difflib.get_close_matches(field, allowed, n=1, cutoff=0.6)
        if close:
            hint = f" (did you mean '{close[0]}'?)"
        elif allowed:
            hint = f" (allowed: {', '.join(allowed)})"
        return f"unknown field '{field}'{hint}", True
    message = str(item["msg"])
    pattern = str(item.get("ctx", {}).get("pattern", ""))
    if kind == "string_pattern_mismatch" and pattern.startswith("^[a-z0-9]"):
        # The ids' regex means nothing to a trainer; say what an id may contain and suggest one.
        sizes = re.search(r"\{(\d+),(\d+)\}", pattern)
        shortest, longest = (int(sizes.group(1)) + 1, int(sizes.group(2)) + 1) if sizes else (1, 64)
        suggestion = re.sub(r"[^a-z0-9_-]+", "-", str(value).lower()).strip("-_")
        message = (f"'{value}' is not a valid id: use {shortest} to {longest} lower-case letters, digits, '-' "
                   f"and '_', starting with a letter or digit")
        if suggestion and suggestion != value:
            message += f" (for example '{suggestion[:64]}')"
        return message, False
    if isinstance(value, bool) and kind in ("string_type", "list_type"):
        message += " (YAML reads yes/no/on/off/true/false as a boolean; put the text in quotes)"
    elif value is None and kind.endswith("_type"):
        message += " (the value is empty)"
    return message, False


def _allowed_fields(loc: Loc) -> list[str]:
    """Field names of the model at `loc` in the Scenario, for 'did you mean' hints."""
    model: Any = Scenario
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) if _is_model(model) else None
        if field is None:
            return []
        model = _model_in(field.annotation)
        if model is None:
            return []
    return list(model.model_fields) if _is_model(model) else []


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if _is_model(annotation):
        return typing.cast(type[BaseModel], annotation)
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated) or origin is not None:
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


def _dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part == "[key]":
            continue
        elif part.startswith(("function-", "list[", "dict[")) or part in ("str", "int"):
            continue  # pydantic internals (validator names), meaningless to a trainer
        else:
            out += f".{part}" if out else part
    return out


def iter_scenario_files(root: Path) -> Iterator[Path]:
    """*.yaml and *.yml files under `root`, recursively, in a stable order; hidden folders skipped."""
    for path in sorted(root.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        if path.suffix in (".yaml", ".yml") and path.is_file():
            yield path
