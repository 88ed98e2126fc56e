"""The scenario catalogue: bundled scenarios, extra folders, lookup by id or path, folder validation.

Bundled scenarios live in the repository's top-level `scenarios/` folder (found next to the package, so
an editable install works too); a wheel installs them under `<prefix>/share/salesbot/scenarios`
(pyproject.toml, data-files). `SALESBOT_SCENARIOS` adds folders (separated by the OS path separator,
':' on Linux), and callers may pass more with `extra_dirs`.
"""

from __future__ import annotations

import os
import re
import sysconfig
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from threading import Lock

import salesbot
from salesbot.core.scenario.model import Scenario
from salesbot.scenario_files.loader import Problem, ScenarioError, check_file, iter_scenario_files

DEFAULT_SCENARIO_ID = "koelservice-supermarkt"
ENV_VAR = "SALESBOT_SCENARIOS"

PathLike = str | os.PathLike[str]


class ScenarioNotFoundError(ScenarioError, LookupError):
    """No scenario with that id or path; the message lists the ids that exist."""


def bundled_scenarios_dir() -> Path:
    beside_package = Path(salesbot.__file__).resolve().parent.parent / "scenarios"
    installed = Path(sysconfig.get_path("data")) / "share" / "salesbot" / "scenarios"
    return installed if not beside_package.is_dir() and installed.is_dir() else beside_package


def scenario_dirs(extra_dirs: Iterable[PathLike] = ()) -> list[Path]:
    """Folders searched for scenarios, in priority order: bundled, $SALESBOT_SCENARIOS, extra_dirs."""
    dirs = [bundled_scenarios_dir()]
    dirs += [Path(p) for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    dirs += [Path(p) for p in extra_dirs]
    unique: list[Path] = []
    for folder in dirs:
        if folder.resolve() not in {u.resolve() for u in unique}:
            unique.append(folder)
    return unique


# ---------------------------------------------------------------------------------------- file cache

@dataclass(frozen=True)
class _Checked:
    scenario: Scenario | None
    problems: tuple[Problem, ...]

    @property
    def valid(self) -> bool:
        return self.scenario is not None and not any(p.severity == "error" for p in self.problems)


_cache: dict[Path, tuple[tuple[int, int], _Checked]] = {}
_cache_lock = Lock()


def _checked(path: Path) -> _Checked:
    """check_file, cached by (mtime, size): the catalogue is read on every lookup, files rarely change."""
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        scenario, problems = check_file(path)
        return _Checked(scenario, tuple(problems))
    key = path.resolve()
    with _cache_lock:
        hit = _cache.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    scenario, problems = check_file(path)
    result = _Checked(scenario, tuple(problems))
    with _cache_lock:
        _cache[key] = (stamp, result)
    return result


# ------------------------------------------------------------------------------------------ catalogue

_ID_LINE = re.compile(r"^id[ \t]*:[ \t]*['\"]?([^'\"\s#]+)", re.MULTILINE)


def _id_position(path: Path) -> tuple[int, int]:
    """Line and column of the top-level `id:` key, for duplicate-id problems (1:1 if not found)."""
    try:
        text = path.read_text("utf-8-sig", errors="replace")
    except OSError:
        return 1, 1
    match = _ID_LINE.search(text)
    return (text.count("\n", 0, match.start()) + 1, 1) if match else (1, 1)


def _guess_id(path: Path) -> str:
    try:
        match = _ID_LINE.search(path.read_text("utf-8-sig", errors="replace")[:10_000])
    except OSError:
        match = None
    return match.group(1) if match else path.stem


@dataclass
class Catalogue:
    scenarios: dict[str, tuple[Scenario, Path]]
    invalid: dict[Path, tuple[Problem, ...]]
    problems: list[Problem]  # invalid files and duplicate ids


def _duplicate_problem(path: Path, scenario_id: str, first: Path) -> Problem:
    line, column = _id_position(path)
    return Problem(str(path), line, column, f"duplicate scenario id '{scenario_id}' (also in {first})")


def load_catalogue(files: Iterable[Path]) -> Catalogue:
    """Check every file; valid scenarios by id (first one wins), every problem, duplicate ids included."""
    catalogue = Catalogue({}, {}, [])
    for path in files:
        checked = _checked(path)
        catalogue.problems.extend(checked.problems)
        if not checked.valid or checked.scenario is None:
            catalogue.invalid[path] = checked.problems
            continue
        scenario_id = checked.scenario.id
        if scenario_id in catalogue.scenarios:
            catalogue.problems.append(_duplicate_problem(path, scenario_id, catalogue.scenarios[scenario_id][1]))
        else:
            catalogue.scenarios[scenario_id] = (checked.scenario, path)
    return catalogue


def _catalogue_of_dirs(extra_dirs: Iterable[PathLike]) -> Catalogue:
    files: list[Path] = []
    for folder in scenario_dirs(extra_dirs):
        if folder.is_dir():
            files.extend(iter_scenario_files(folder))
    return load_catalogue(files)


def bundled_scenarios(extra_dirs: Iterable[PathLike] = (), *, skip_invalid: bool = False) -> list[Scenario]:
    """Every scenario in the catalogue folders, sorted by id.

    Raises ScenarioError if a file is invalid or an id is used twice, unless `skip_invalid` (a server
    should keep serving the valid ones; warnings never count).
    """
    catalogue = _catalogue_of_dirs(extra_dirs)
    errors = [p for p in catalogue.problems if p.severity == "error"]
    if errors and not skip_invalid:
        raise ScenarioError(errors)
    return [catalogue.scenarios[k][0] for k in sorted(catalogue.scenarios)]


def _looks_like_path(value: str) -> bool:
    return value.endswith((".yaml", ".yml")) or "/" in value or os.sep in value or Path(value).is_file()


def find_scenario(id_or_path: str, extra_dirs: Iterable[PathLike] = ()) -> Scenario:
    """A scenario by bundled id (or from an extra folder), or from a file path.

    Raises ScenarioNotFoundError (listing the available ids) or ScenarioError (the file's problems).
    """
    if not id_or_path.strip():
        raise ScenarioNotFoundError([], "no scenario given")
    if _looks_like_path(id_or_path):
        path = Path(id_or_path)
        if not path.exists():
            raise ScenarioNotFoundError([], f"scenario file not found: {id_or_path}")
        checked = _checked(path)
        if not checked.valid or checked.scenario is None:
            raise ScenarioError(checked.problems)
        return checked.scenario
    catalogue = _catalogue_of_dirs(extra_dirs)
    if id_or_path in catalogue.scenarios:
        return catalogue.scenarios[id_or_path][0]
    for path, problems in catalogue.invalid.items():
        if _guess_id(path) == id_or_path:  # the one asked for is broken: say why, not "unknown"
            raise ScenarioError(problems)
    available = ", ".join(sorted(catalogue.scenarios)) or "none"
    raise ScenarioNotFoundError([], f"unknown scenario '{id_or_path}'; available: {available} "
                                "(or give the path of a .yaml file)")


def validate_paths(paths: Sequence[PathLike]) -> list[Problem]:
    """Every problem (warnings included) in the given files and folders (*.yaml/*.yml, recursively),
    plus scenario ids used by more than one of those files."""
    files: list[Path] = []
    missing: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(iter_scenario_files(path))
        elif path.exists():
            files.append(path)
        else:
            missing.append(Problem(str(path), 1, 1, "no such file or directory"))
    unique: dict[Path, Path] = {}
    for file in files:
        unique.setdefault(file.resolve(), file)
    return missing + load_catalogue(unique.values()).problems
