"""The phase machine of a sales call, built with `transitions`.

One Machine per scenario, shared by every session of that scenario: the Machine is created with no
model, and events are fired on a session's state object with `machine.events[name].trigger(state, ...)`.
transitions reads and writes the state's `phase` attribute (model_attribute="phase"), so a session is
plain data and never registered with the Machine (no per-session triggers, no add/remove per turn).

Guards (conditions) receive the EventData; `event.kwargs["turn"]` is the engine's view of the turn being
processed (a `Guards` object), so the Machine itself holds no scenario or session data.
"""

from __future__ import annotations

import threading
from typing import Any, Protocol

from transitions import EventData, Machine

PHASES: tuple[str, ...] = ("opening", "information", "transformation", "closing", "ended")
ACTIVE_PHASES: tuple[str, ...] = PHASES[:-1]
ACTIVE_LIST: list[str] = list(ACTIVE_PHASES)


class Guards(Protocol):
    """What the guards may ask about the turn being processed."""

    def moved_past_opening(self) -> bool: ...
    def need_known(self) -> bool: ...
    def presents_offer(self) -> bool: ...
    def new_problem_talk(self) -> bool: ...
    def signal_given(self) -> bool: ...
    def objection_raised(self) -> bool: ...
    def signals_faded(self) -> bool: ...
    def can_order(self) -> bool: ...
    def can_advance(self) -> bool: ...
    def patience_exhausted(self) -> bool: ...


def _guard(name: str) -> Any:
    def check(event: EventData) -> bool:
        return bool(getattr(event.kwargs["turn"], name)())

    check.__name__ = name
    return check


# (event, source(s), destination, conditions). Order matters: the first transition whose guards pass wins.
TRANSITIONS: tuple[tuple[str, str | list[str], str, tuple[str, ...]], ...] = (
    # The trainee leaves small talk: a question or any move that is not greeting/introduction/agenda.
    ("discover", "opening", "information", ("moved_past_opening",)),
    # The trainee connects the offer to a need the customer has (not before a need is known).
    ("present", ["opening", "information"], "transformation", ("need_known", "presents_offer")),
    # A new problem comes up: back to questioning.
    ("probe", ["transformation", "closing"], "information", ("new_problem_talk",)),
    # The customer raises an objection: it has to be handled in the transformation phase.
    ("object", ["opening", "information", "closing"], "transformation", ("objection_raised",)),
    # Readiness crossed a signal threshold and the customer gave a closing signal.
    ("signal", ["information", "transformation"], "closing", ("signal_given",)),
    # Ignored signals faded: the customer cooled down, back to transformation.
    ("cool", "closing", "transformation", ("signals_faded",)),
    # A closing attempt: order at order readiness, advance at advance readiness; otherwise no transition
    # (the engine answers a premature close with resistance).
    ("close", ACTIVE_LIST, "ended", ("can_order",)),
    ("close", ACTIVE_LIST, "ended", ("can_advance",)),
    # The customer runs out of patience.
    ("give_up", ACTIVE_LIST, "ended", ("patience_exhausted",)),
    # The trainee ends the call.
    ("stop", ACTIVE_LIST, "ended", ()),
)


def build_machine(name: str) -> Machine:
    machine = Machine(
        model=None,
        states=list(PHASES),
        initial="opening",
        auto_transitions=False,
        send_event=True,
        ignore_invalid_triggers=True,
        model_attribute="phase",
        name=name,
    )
    for event, source, dest, conditions in TRANSITIONS:
        sources: list[Any] = [source] if isinstance(source, str) else list(source)
        machine.add_transition(event, sources, dest, conditions=[_guard(c) for c in conditions] or None)
    return machine


_MACHINES: dict[str, Machine] = {}
_LOCK = threading.Lock()


def machine_for(scenario_id: str) -> Machine:
    """The shared Machine of a scenario (created once, cached by scenario id)."""
    machine = _MACHINES.get(scenario_id)
    if machine is None:
        with _LOCK:
            machine = _MACHINES.get(scenario_id)
            if machine is None:
                machine = build_machine(scenario_id)
                _MACHINES[scenario_id] = machine
    return machine


def fire(machine: Machine, event: str, model: object, turn: Guards) -> bool:
    """Fire one event on a session state; True when a transition happened. Events with no transition
    from the current phase are skipped here (transitions would log a warning for each)."""
    trigger = machine.events[event]
    if getattr(model, machine.model_attribute) not in trigger.transitions:
        return False
    return bool(trigger.trigger(model, turn=turn))
