"""The conversation engine: plays a scenario's customer through the phases of a sales call.

    engine = Engine(scenario)                 # one per scenario; shares the scenario's transitions Machine
    state = engine.new_session(seed=1)        # plain data; state.to_json() / SessionState.from_json()
    first = engine.opening(state)             # the customer's first line if the customer opens, else None
    result = engine.turn(state, "Goedemorgen, ...")   # TurnResult(reply, phase, ended, outcome, ...)
    engine.hint(state); engine.stop(state)
"""

from salesbot.core.engine.engine import Engine, language_data
from salesbot.core.engine.machine import PHASES, machine_for
from salesbot.core.engine.state import SessionState, TurnResult

__all__ = ["PHASES", "Engine", "SessionState", "TurnResult", "language_data", "machine_for"]
