"""The scenarios the bot offers: the scenario folders plus those uploaded by trainers (kept in the
database), with one Engine (and one analyser) per scenario, built on first use and shared by every
session of that scenario (never one per session)."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from salesbot.core.scenario.model import Scenario
from salesbot.scenario_files import (
    Problem,
    ScenarioError,
    bundled_scenarios,
    load_scenario_text,
    scenario_dirs,
    validate_paths,
)
from salesbot.storage import UploadedScenario

if TYPE_CHECKING:
    from salesbot.core.analysis import Analyzer
    from salesbot.core.engine import Engine

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FolderScan:
    """The result of reading the scenario folders (done in a worker thread: file I/O)."""

    scenarios: dict[str, Scenario]
    problems: list[Problem]


def scan_folders(extra_dirs: Sequence[str]) -> FolderScan:
    scenarios = {s.id: s for s in bundled_scenarios(extra_dirs, skip_invalid=True)}
    folders = [str(d) for d in scenario_dirs(extra_dirs) if d.is_dir()]
    problems = [p for p in validate_paths(folders) if p.severity == "error"] if folders else []
    return FolderScan(scenarios, problems)


def parse_uploads(uploads: Iterable[UploadedScenario]) -> dict[str, Scenario]:
    parsed: dict[str, Scenario] = {}
    for upload in uploads:
        try:
            parsed[upload.scenario_id] = load_scenario_text(upload.yaml_text, f"{upload.scenario_id}.yaml")
        except ScenarioError as error:  # valid when uploaded; a newer SalesBot may be stricter
            log.warning("uploaded scenario %s is no longer valid: %s", upload.scenario_id, error)
    return parsed


class ScenarioCatalogue:
    def __init__(self, extra_dirs: Sequence[str] = ()) -> None:
        self.extra_dirs = tuple(extra_dirs)
        self._folder: dict[str, Scenario] = {}
        self._uploaded: dict[str, Scenario] = {}
        self._engines: dict[str, tuple[Scenario, Engine, Analyzer]] = {}
        self.problems: list[Problem] = []

    def apply(self, scan: FolderScan, uploaded: dict[str, Scenario]) -> None:
        """Swap in freshly read scenarios (in the event loop thread, so readers never see half)."""
        self._folder = dict(scan.scenarios)
        self._uploaded = {k: v for k, v in uploaded.items() if k not in self._folder}
        self.problems = list(scan.problems)
        current = {**self._uploaded, **self._folder}
        # Keep engines whose scenario did not change; a changed scenario gets a new engine.
        self._engines = {k: v for k, v in self._engines.items() if current.get(k) == v[0]}

    def add_upload(self, scenario: Scenario) -> bool:
        """Make an uploaded scenario available; True if it replaced an earlier upload."""
        replaced = scenario.id in self._uploaded
        self._uploaded[scenario.id] = scenario
        self._engines.pop(scenario.id, None)
        return replaced

    def is_folder_scenario(self, scenario_id: str) -> bool:
        return scenario_id in self._folder

    def get(self, scenario_id: str) -> Scenario | None:
        return self._folder.get(scenario_id) or self._uploaded.get(scenario_id)

    def all(self) -> list[Scenario]:
        merged = {**self._uploaded, **self._folder}
        return [merged[k] for k in sorted(merged)]

    def _entry(self, scenario_id: str) -> tuple[Scenario, Engine, Analyzer] | None:
        entry = self._engines.get(scenario_id)
        if entry is not None:
            return entry
        scenario = self.get(scenario_id)
        if scenario is None:
            return None
        from salesbot.core.analysis import Analyzer, default_analyzer
        from salesbot.core.engine import Engine

        analyzer = Analyzer(extra_cues=scenario.cues) if scenario.cues else default_analyzer()
        entry = self._engines[scenario_id] = (scenario, Engine(scenario, analyzer), analyzer)
        return entry

    def engine(self, scenario_id: str) -> Engine | None:
        entry = self._entry(scenario_id)
        return entry[1] if entry else None

    def analyzer(self, scenario_id: str) -> Analyzer | None:
        entry = self._entry(scenario_id)
        return entry[2] if entry else None
