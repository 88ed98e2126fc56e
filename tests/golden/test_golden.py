"""Golden transcripts: scripted calls per bundled scenario, played through the real analyser.

A strong call (SPIN questions, summaries, the objection handled, the signal taken up) must end in an order
or an advance; weak calls (pitching early, only situation questions, a premature close, ignoring signals)
must not. tests/data/golden/<scenario>/expected.yaml holds the accepted outcomes and the events that
must happen (the strong call's path: pains revealed, needs voiced, objections resolved). A failure here usually means either the engine's rules or an analyser label changed: look at the
labels of the failing line (`salesbot play SCENARIO --script FILE --json`) before changing a script.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from salesbot.core.engine import Engine, SessionState
from salesbot.scenario_files import bundled_scenarios, find_scenario

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden"
KINDS = ("strong", "weak_pitch", "weak_situation", "weak_premature", "weak_ignore_signals")
SUCCESS = ("order", "advance")


def _cases() -> list[tuple[str, str]]:
    """Every script of every scenario folder: the five kinds, plus variants such as `strong_qa.txt`
    (strong calls worded differently) or `weak_*.txt`; a variant's kind is its name's prefix."""
    return [
        (d.name, path.stem)
        for d in sorted(GOLDEN.iterdir())
        if (d / "expected.yaml").is_file()
        for path in sorted(d.glob("*.txt"))
    ]


def _script(path: Path) -> list[str]:
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith(("#", "/"))]


def _play(scenario_id: str, kind: str, seed: int) -> tuple[SessionState, list[str], list[str]]:
    engine = Engine(find_scenario(scenario_id))
    state = engine.new_session(seed)
    engine.opening(state)
    events: list[str] = []
    trail: list[str] = []
    for text in _script(GOLDEN / scenario_id / f"{kind}.txt"):
        if state.ended:
            break
        result = engine.turn(state, text)
        events += result.events
        a = result.analysis
        trail.append(f"{text!r}: spin={a.spin} acts={list(a.acts)} -> {result.events}")
    if not state.ended:
        events += engine.stop(state).events
    return state, events, trail


def _expected(scenario_id: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((GOLDEN / scenario_id / "expected.yaml").read_text(encoding="utf-8"))
    return data


def test_every_bundled_scenario_has_golden_scripts() -> None:
    ids = {s.id for s in bundled_scenarios()}
    assert len(ids) >= 4
    for scenario_id in ids:
        folder = GOLDEN / scenario_id
        assert (folder / "expected.yaml").is_file(), f"no golden scripts for {scenario_id}"
        for kind in KINDS:
            assert (folder / f"{kind}.txt").is_file(), f"{scenario_id}: {kind}.txt missing"


@pytest.mark.parametrize(("scenario_id", "kind"), _cases())
def test_golden_script_outcome(scenario_id: str, kind: str) -> None:
    expected = _expected(scenario_id)
    want = expected["scripts"].get(kind, {"outcome": list(SUCCESS) if kind.startswith("strong") else []})
    state, events, trail = _play(scenario_id, kind, expected.get("seed", 1))
    detail = "\n".join(trail)
    if kind.startswith("strong"):
        assert state.outcome in SUCCESS, f"strong call ended in {state.outcome}:\n{detail}"
    else:
        assert state.outcome not in SUCCESS, f"weak call ({kind}) ended in {state.outcome}:\n{detail}"
    accepted = want["outcome"] if isinstance(want["outcome"], list) else [want["outcome"]]
    assert not accepted or state.outcome in accepted, f"{state.outcome} not in {accepted}:\n{detail}"
    missing = [e for e in want.get("events", []) if e not in events]
    assert not missing, f"missing events {missing}:\n{detail}"


def test_golden_play_is_deterministic() -> None:
    scenario_id = _cases()[0][0]
    first, _, _ = _play(scenario_id, "strong", 1)
    second, _, _ = _play(scenario_id, "strong", 1)
    assert first.to_json() == second.to_json()
