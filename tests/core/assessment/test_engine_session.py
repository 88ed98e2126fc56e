"""A role-play played in the engine is assessed by the same code, with the engine's outcome."""

from __future__ import annotations

import pytest

from salesbot.core.assessment import assess

engine_module = pytest.importorskip("salesbot.core.engine")
scenario_files = pytest.importorskip("salesbot.scenario_files")

SELLER = [
    "Goedemorgen mevrouw Jansen, met Eva de Vries van KoelTech.",
    "Ik wil graag eerst wat vragen stellen en daarna kijken of we iets voor u kunnen betekenen. Schikt een kwartier?",
    "Hoeveel filialen heeft u?",
    "Waar loopt u tegenaan bij de koeling?",
    "Dat klinkt vervelend. Wat betekent zo'n storing voor uw omzet?",
    "Wat zou het u opleveren als er binnen vier uur een monteur ter plekke is?",
    "Zullen we volgende week een demo bij u plannen?",
]


def test_played_session_is_assessed_with_the_engine_outcome() -> None:
    scenario = scenario_files.find_scenario("koelservice-supermarkt")
    engine = engine_module.Engine(scenario)
    state = engine.new_session(seed=7)
    engine.opening(state)
    for text in SELLER:
        if engine.turn(state, text).ended:
            break
    if not state.ended:
        engine.stop(state)
    a = assess(state.transcript, scenario=scenario, outcome=state.outcome)
    report = a.to_dict()
    assert report["outcome"] == state.outcome and report["outcome_detail"]["source"] == "given"
    assert [t["text"] for t in report["turns"]] == [m.text for m in state.transcript if m.text.strip()]
    assert report["scenario"] == scenario.id and report["lang"] == "nl"
    assert 0 <= report["score"]["total"] <= 100
    assert report["spin"]["implication"] >= 1  # the trainee's implication question is seen
    again = assess(state.transcript, scenario=scenario, outcome=state.outcome).to_dict()
    assert again == report
