"""Per-session state of a role-play: small plain data, serialisable to JSON and back exactly.

The transitions Machine is shared by all sessions of a scenario, so everything that differs per session
lives here: the customer's readiness, rapport and patience, what the customer has revealed, objections and
signals, the transcript, and the random generator's state as one integer (splitmix64), so a restored
session continues exactly as the original would have.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from salesbot.core.analysis.types import Analysis, Message
from salesbot.core.scenario.model import Outcome

STATE_VERSION = 1
_MASK64 = (1 << 64) - 1


def splitmix64(state: int) -> tuple[int, int]:
    """One step of splitmix64: returns (new state, 64-bit output). Tiny state, good enough statistics
    for picking reply variants, and the whole generator is one int in the JSON."""
    state = (state + 0x9E3779B97F4A7C15) & _MASK64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
    return state, z ^ (z >> 31)


@dataclass(slots=True, eq=True)
class SessionState:
    """Everything one role-play session needs; the machine reads and writes `phase`."""

    scenario_id: str
    seed: int
    rng: int
    phase: str = "opening"
    readiness: int = 20
    rapport: int = 40
    patience: int = 100
    turn: int = 0  # trainee turns so far
    situation_streak: int = 0  # situation questions in a row
    facts: list[str] = field(default_factory=list)  # revealed fact ids
    pains: list[str] = field(default_factory=list)  # revealed pain ids
    implications: list[str] = field(default_factory=list)  # "pain/implication" ids
    needs: list[str] = field(default_factory=list)  # pain ids whose explicit need the customer voiced
    benefits: list[str] = field(default_factory=list)  # pain ids the trainee linked a benefit to
    focus: str | None = None  # the pain the conversation is about now
    objections_raised: list[str] = field(default_factory=list)
    objections_resolved: list[str] = field(default_factory=list)
    open_objection: str | None = None
    objection_progress: int = 0  # bit flags of the open objection: see engine.OBJ_*
    signals_given: list[str] = field(default_factory=list)
    pending_signal: str | None = None  # a closing signal waiting for the trainee's closing attempt
    pending_since: int = 0  # trainee turn after which the signal was given
    signal_held: bool = False  # the pending signal was picked up by a summary (a summary close): no fading
    summaries: int = 0  # confirmed summaries that raised readiness (capped: see rules.SUMMARY_GAINS)
    premature_closes: int = 0
    ended: bool = False
    outcome: Outcome | None = None
    transcript: list[Message] = field(default_factory=list)

    @classmethod
    def new(cls, scenario_id: str, seed: int, readiness: int, rapport: int, patience: int) -> SessionState:
        if not isinstance(seed, int) or isinstance(seed, bool):
            raise ValueError("seed must be an integer")
        return cls(
            scenario_id=scenario_id,
            seed=seed,
            rng=seed & _MASK64,
            readiness=readiness,
            rapport=rapport,
            patience=patience,
        )

    def next_random(self) -> int:
        self.rng, value = splitmix64(self.rng)
        return value

    def choose(self, variants: Sequence[str], avoid: str = "") -> str:
        """Pick one reply variant with the session's generator (always advances it once). A variant found
        in `avoid` (the customer's previous message) is replaced by the next one, so the customer never
        says the very same line twice in a row when it has another."""
        index = self.next_random() % len(variants)
        if avoid and len(variants) > 1 and variants[index] in avoid:
            index = (index + 1) % len(variants)
        return variants[index]

    # --- serialisation -------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"version": STATE_VERSION}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "transcript":
                value = [[m.role, m.text] for m in value]
            elif isinstance(value, list):
                value = list(value)
            data[f.name] = value
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SessionState:
        if not isinstance(data, dict):
            raise ValueError("session state must be a JSON object")
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"unsupported session state version: {data.get('version')!r}")
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data and f.name in _ADDED_FIELDS:  # saved before the field existed
                continue
            if f.name not in data:
                raise ValueError(f"session state misses the field {f.name!r}")
            value = data[f.name]
            if f.name == "transcript":
                value = _transcript(value)
            else:
                _check_type(f.name, value)
            kwargs[f.name] = value
        return cls(**kwargs)

    @classmethod
    def from_json(cls, text: str) -> SessionState:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise ValueError(f"session state is not valid JSON: {error}") from None
        return cls.from_dict(data)


_INT_FIELDS = {"seed", "rng", "readiness", "rapport", "patience", "turn", "situation_streak", "objection_progress",
               "pending_since", "premature_closes", "summaries"}
_ADDED_FIELDS = {"signal_held", "summaries"}  # optional in saved states (added after version 1)
_STR_FIELDS = {"scenario_id", "phase"}
_OPT_STR_FIELDS = {"focus", "open_objection", "pending_signal", "outcome"}
_LIST_FIELDS = {"facts", "pains", "implications", "needs", "benefits", "objections_raised",
                "objections_resolved", "signals_given"}
_PHASES = {"opening", "information", "transformation", "closing", "ended"}
_OUTCOMES = {"order", "advance", "continuation", "no_sale"}


def _check_type(name: str, value: Any) -> None:
    ok: bool
    if name in _INT_FIELDS:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif name in _STR_FIELDS:
        ok = isinstance(value, str)
    elif name in _OPT_STR_FIELDS:
        ok = value is None or isinstance(value, str)
    elif name in _LIST_FIELDS:
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    elif name in ("ended", "signal_held"):
        ok = isinstance(value, bool)
    else:  # pragma: no cover - a new field without a check
        ok = True
    if not ok:
        raise ValueError(f"session state field {name!r} has the wrong type")
    if name == "phase" and value not in _PHASES:
        raise ValueError(f"unknown phase {value!r} in session state")
    if name == "outcome" and value is not None and value not in _OUTCOMES:
        raise ValueError(f"unknown outcome {value!r} in session state")


def _transcript(value: Any) -> list[Message]:
    if not isinstance(value, list):
        raise ValueError("session state field 'transcript' must be a list")
    messages: list[Message] = []
    for item in value:
        if (
            not isinstance(item, list)
            or len(item) != 2
            or item[0] not in ("seller", "customer")
            or not isinstance(item[1], str)
        ):
            raise ValueError("session state transcript entries must be [role, text]")
        messages.append(Message(item[0], item[1]))
    return messages


@dataclass(slots=True)
class TurnResult:
    """What one trainee turn (or the end of the call) produced."""

    reply: str | None
    phase: str
    ended: bool
    outcome: Outcome | None
    analysis: Analysis | None
    events: list[str] = field(default_factory=list)
    readiness: int = 0  # the customer's readiness after the turn (for adapters and tests)
