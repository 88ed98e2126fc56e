"""The annotated example in docs/scenarios.md is a valid scenario, so the documentation cannot rot."""

from __future__ import annotations

import re
from pathlib import Path

from salesbot.scenario_files import check_text

DOC = Path(__file__).resolve().parents[2] / "docs" / "scenarios.md"


def test_annotated_example_validates_without_problems() -> None:
    text = DOC.read_text("utf-8")
    match = re.search(r"```yaml\n(# yaml-language-server.*?)```", text, re.S)
    assert match, "the annotated example is missing"
    scenario, problems = check_text(match.group(1), "docs/scenarios.md example")
    assert [str(p) for p in problems] == []
    assert scenario is not None and scenario.id == "koelservice-supermarkt"
