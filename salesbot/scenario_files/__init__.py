"""Scenario files: safe YAML loading with `file:line:column` problems, and the scenario catalogue."""

from salesbot.scenario_files.catalog import (
    DEFAULT_SCENARIO_ID,
    bundled_scenarios,
    bundled_scenarios_dir,
    find_scenario,
    scenario_dirs,
    validate_paths,
)
from salesbot.scenario_files.loader import (
    MAX_BYTES,
    Problem,
    ScenarioError,
    check_file,
    check_text,
    load_scenario_file,
    load_scenario_text,
)

__all__ = [
    "DEFAULT_SCENARIO_ID",
    "MAX_BYTES",
    "Problem",
    "ScenarioError",
    "bundled_scenarios",
    "bundled_scenarios_dir",
    "check_file",
    "check_text",
    "find_scenario",
    "load_scenario_file",
    "load_scenario_text",
    "scenario_dirs",
    "validate_paths",
]
