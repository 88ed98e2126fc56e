"""The scenario model (pure). Loading files with line-numbered errors lives in salesbot.scenario_files."""

from salesbot.core.scenario.model import Scenario

__all__ = ["Scenario"]
