"""Session state serialisation, determinism, the shared phase machine and hints."""

from __future__ import annotations

import json

import pytest

from salesbot.core.engine import Engine, SessionState, machine_for
from salesbot.core.engine.machine import PHASES, TRANSITIONS
from salesbot.core.engine.state import splitmix64


def _script(m) -> list[str]:
    return [m.GREET, m.SIT_FILIALEN, m.PROBLEM, m.IMPLICATION, m.SUMMARY, m.NEED, m.BENEFIT, m.ACK_EXPLORE,
            m.OFFTOPIC, m.OFFTOPIC, m.BENEFIT, m.CLOSE]


def test_same_seed_and_messages_give_identical_replies_and_state(engine, m) -> None:
    runs = []
    for _ in range(2):
        state = engine.new_session(seed=42)
        replies = [engine.turn(state, msg).reply for msg in _script(m)]
        runs.append((replies, state.to_json()))
    assert runs[0] == runs[1]


def test_different_seeds_choose_different_variants(engine, m) -> None:
    replies = set()
    for seed in range(20):
        state = engine.new_session(seed)
        replies.add(engine.turn(state, m.OFFTOPIC).reply)
    assert replies == {"Hoe bedoelt u?", "Mm-mm.", "Wat zegt u?"}


def test_json_round_trip_is_exact_and_a_restored_session_continues_identically(engine, m) -> None:
    script = _script(m)
    original = engine.new_session(seed=9)
    for msg in script[:6]:
        engine.turn(original, msg)
    text = original.to_json()
    restored = SessionState.from_json(text)
    assert restored == original and restored.to_json() == text
    assert json.loads(text)["rng"] == original.rng and json.loads(text)["seed"] == 9
    rest_original = [engine.turn(original, msg) for msg in script[6:]]
    rest_restored = [engine.turn(restored, msg) for msg in script[6:]]
    assert [(r.reply, r.events, r.phase, r.outcome) for r in rest_original] == [
        (r.reply, r.events, r.phase, r.outcome) for r in rest_restored
    ]
    assert restored == original


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "JSON object"),
        ('{"version": 99}', "version"),
    ],
)
def test_from_json_rejects_bad_input_clearly(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        SessionState.from_json(text)


def test_from_json_rejects_wrong_types_and_unknown_phases(engine) -> None:
    data = json.loads(engine.new_session(1).to_json())
    for field, value, message in [("readiness", "high", "wrong type"), ("phase", "bargaining", "unknown phase"),
                                  ("transcript", [["boss", "hi"]], "transcript"), ("outcome", "win", "unknown outcome")]:
        broken = {**data, field: value}
        with pytest.raises(ValueError, match=message):
            SessionState.from_json(json.dumps(broken))
    del data["patience"]
    with pytest.raises(ValueError, match="patience"):
        SessionState.from_json(json.dumps(data))


def test_generator_state_is_a_small_int_that_advances() -> None:
    state, first = splitmix64(1)
    _, second = splitmix64(state)
    assert first != second and 0 <= first < 2**64 and state < 2**64


def test_one_machine_per_scenario_shared_and_without_models(engine, make_engine) -> None:
    other = make_engine()  # same scenario id
    assert engine.machine is other.machine is machine_for("test-koel")
    assert make_engine(id="ander-scenario").machine is not engine.machine
    assert engine.machine.models == []  # sessions are never registered with the Machine
    assert list(engine.machine.states) == list(PHASES)


def test_sessions_do_not_share_state_through_the_machine(engine, m) -> None:
    a, b = engine.new_session(1), engine.new_session(1)
    engine.turn(a, m.PROBLEM)
    assert a.phase == "information" and b.phase == "opening"


def test_every_transition_is_guarded_except_stop() -> None:
    for event, _source, _dest, conditions in TRANSITIONS:
        assert conditions or event == "stop"


def test_hints_follow_the_state_of_the_call(engine, m) -> None:
    state = engine.new_session(1)
    assert "doel van het gesprek" in engine.hint(state)
    engine.turn(state, m.SIT_FILIALEN)
    assert "probleemvraag" in engine.hint(state) and "storingen" in engine.hint(state)
    engine.turn(state, m.PROBLEM)
    assert engine.hint(state).startswith("Vraag door op de gevolgen van storingen")
    engine.turn(state, m.IMPLICATION)
    engine.turn(state, m.IMPLICATION_NVWA)
    assert "opleveren" in engine.hint(state)
    engine.turn(state, m.NEED)  # readiness crosses the first signal
    assert state.pending_signal == "proef"
    assert "Kunnen we eerst een proef doen?" in engine.hint(state) and "proefafsluiting" in engine.hint(state)


def test_hints_walk_through_objection_handling(engine, m) -> None:
    state = engine.new_session(1)
    for msg in (m.PROBLEM, m.NEED, m.BENEFIT):
        engine.turn(state, msg)
    assert "erken" in engine.hint(state)
    engine.turn(state, m.ACK)
    assert "achter het bezwaar" in engine.hint(state)
    engine.turn(state, m.EXPLORE)
    assert "voordeel" in engine.hint(state) and "storingen" in engine.hint(state)


def test_hints_in_english_and_after_the_end(make_engine, m) -> None:
    engine = make_engine(language="en")
    state = engine.new_session(1)
    assert "purpose of the call" in engine.hint(state)
    engine.turn(state, m.PROBLEM)
    assert engine.hint(state).startswith("Ask about the consequences of storingen")
    engine.stop(state)
    assert "/restart" in engine.hint(state)


def test_state_stays_small(engine: Engine, m) -> None:
    state = engine.new_session(1)
    for msg in _script(m):
        if state.ended:
            break
        engine.turn(state, msg)
    assert len(state.to_json()) < 4000


def test_every_reply_situation_has_language_defaults_and_a_scenario_override() -> None:
    from salesbot.core.engine import language_data
    from salesbot.core.scenario.model import Replies

    for lang in ("nl", "en"):
        data = language_data(lang)
        assert set(data["replies"]) == set(Replies.model_fields), lang
        assert set(data["hints"]) == set(language_data("nl")["hints"])
        assert all(isinstance(v, list) and v for v in data["replies"].values())


def test_scenario_replies_override_the_defaults(make_engine, m) -> None:
    engine = make_engine(replies={"pitch_too_early": ["Daar heb ik niks aan."]})
    state = engine.new_session(1)
    assert engine.turn(state, m.PITCH).reply == "Daar heb ik niks aan."
