"""Rules added after QA's play-through: follow-ups, agenda time checks, summary closes, objections that
interrupt a signal, implied benefits, the need-based advance, no repeated lines and the method's hints."""

from __future__ import annotations

from salesbot.core.engine import Engine, SessionState, rules

FOLLOW_UP = "q=open spin=situation acts=follow_up | Wat bedoelt u precies met vaak?"
VAGUE_FOLLOW_UP = "q=open spin=situation | Hoe vaak gebeurt dat dan?"
AGENDA_WITH_TOPIC = "q=closed spin=situation acts=agenda | Ik wil graag horen hoe het onderhoud gaat. Heeft u tijd?"
IMPLIED_BENEFIT = "| Als u die storingen voorkomt, verdient het contract zich terug."


def _pain(engine: Engine, m) -> SessionState:
    state = engine.new_session(1)
    engine.turn(state, m.PROBLEM)
    return state


def test_a_follow_up_on_the_pain_gets_its_next_implication_not_an_unrelated_fact(engine, m) -> None:
    state = _pain(engine, m)
    result = engine.turn(state, FOLLOW_UP)
    assert "implication:storingen/derving" in result.events
    assert not any(e.startswith("fact:") for e in result.events)
    second = engine.turn(state, VAGUE_FOLLOW_UP)  # no fact named: still about the pain
    assert "implication:storingen/nvwa" in second.events
    third = engine.turn(state, VAGUE_FOLLOW_UP)  # nothing left to tell: the customer elaborates
    assert "elaborated:storingen" in third.events and third.reply in engine._replies["elaborate"]


def test_a_question_naming_a_fact_topic_still_gets_the_fact_while_a_pain_is_in_focus(engine, m) -> None:
    state = _pain(engine, m)
    result = engine.turn(state, m.SIT_FILIALEN)
    assert "fact:filialen" in result.events


def test_an_agenda_with_a_topic_word_gets_the_time_check_and_keeps_the_opening(engine, m) -> None:
    state = engine.new_session(1)
    engine.turn(state, m.GREET)
    result = engine.turn(state, AGENDA_WITH_TOPIC)
    assert result.reply in engine._replies["agenda"]
    assert not any(e.startswith("fact:") for e in result.events)
    assert result.phase == "opening"
    assert engine.turn(state, m.SIT_FILIALEN).phase == "information"


def _signal(engine: Engine, m) -> SessionState:
    state = _pain(engine, m)
    engine.turn(state, m.IMPLICATION)
    result = engine.turn(state, m.NEED)
    assert any(e.startswith("closing_signal:") for e in result.events), result.events
    return state


def test_a_summary_takes_up_a_signal_so_it_does_not_fade(engine, m) -> None:
    state = _signal(engine, m)
    taken = engine.turn(state, m.SUMMARY)
    assert any(e.startswith("signal_taken:") for e in taken.events)
    later = [engine.turn(state, m.SIT_ONDERHOUD), engine.turn(state, m.SIT_FILIALEN)]
    assert all("signal_ignored" not in r.events for r in later)
    close = engine.turn(state, m.CLOSE)  # ready: the customer raises its concern first, it is no premature close
    assert "premature_close" not in close.events and "objection:prijs" in close.events


def test_an_ignored_signal_fades_after_two_turns(engine, m) -> None:
    state = _signal(engine, m)
    engine.turn(state, m.SIT_ONDERHOUD)
    before = state.readiness
    faded = engine.turn(state, m.SIT_FILIALEN)
    assert "signal_ignored" in faded.events
    assert state.readiness <= before - rules.SIGNAL_IGNORED_READINESS + 2


def test_an_objection_after_a_signal_takes_precedence_and_the_signal_comes_back(engine, m) -> None:
    state = _signal(engine, m)
    raised = engine.turn(state, m.BENEFIT)
    assert "objection:prijs" in raised.events and state.pending_signal
    handling = [engine.turn(state, m.ACK_EXPLORE), engine.turn(state, m.BENEFIT)]
    events = [e for r in handling for e in r.events]
    assert "signal_ignored" not in events and "objection_resolved:prijs" in events
    assert state.pending_signal  # back on the table, with a fresh window
    assert engine.turn(state, m.CLOSE).outcome in ("order", "advance")


def test_a_statement_naming_the_linked_pain_answers_the_objection_without_a_benefit_label(engine, m) -> None:
    state = _signal(engine, m)
    engine.turn(state, m.BENEFIT)
    engine.turn(state, m.ACK_EXPLORE)
    result = engine.turn(state, IMPLIED_BENEFIT)
    assert "objection_resolved:prijs" in result.events
    assert not any(e.startswith("objection_ignored") for e in result.events)


def test_a_voiced_need_wins_an_advance_a_little_below_the_threshold(make_engine, m) -> None:
    engine = make_engine(closing_signals=[], objections=[])
    state = _pain(engine, m)
    engine.turn(state, m.NEED)
    advance = engine.scenario.thresholds.advance
    state.readiness = advance - rules.NEED_ADVANCE_MARGIN
    assert engine.ready_for(state) == "advance"
    state.readiness = advance - rules.NEED_ADVANCE_MARGIN - 1
    assert engine.ready_for(state) is None
    state.needs.clear()
    state.readiness = advance - 1
    assert engine.ready_for(state) is None


def test_the_customer_never_repeats_the_same_line_twice_in_a_row(engine, m) -> None:
    for seed in range(20):
        state = engine.new_session(seed)
        replies = [engine.turn(state, m.OFFTOPIC).reply for _ in range(6)]
        assert all(a != b for a, b in zip(replies, replies[1:], strict=False)), replies


def test_hints_follow_the_method_in_the_opening_and_address_the_trainee_informally(engine, m) -> None:
    state = engine.new_session(1)
    assert engine.hint(state) == engine._hints["opening"]
    engine.turn(state, m.GREET)
    assert engine.hint(state) == engine._hints["agenda"]
    engine.turn(state, "q=closed acts=agenda | Ik wil graag kort horen hoe het gaat. Heeft u tijd?")
    assert engine.hint(state) == engine._hints["situation"]
    for text in engine._hints.values():
        words = set(text.lower().replace(",", " ").replace(".", " ").split())
        assert not words & {"u", "uw", "uzelf"}, text


def test_once_the_need_is_voiced_the_hint_is_the_benefit(engine, m) -> None:
    # storingen still has an untold consequence (nvwa), but with the need voiced the next move is the offer.
    state = engine.new_session(1)
    engine.turn(state, m.PROBLEM)
    engine.turn(state, m.NEED)
    assert "storingen" in state.needs and engine.hint(state) == engine._hints["benefit"].format(topic="storingen")


def test_saved_states_without_the_new_fields_still_load(engine, m) -> None:
    state = _signal(engine, m)
    data = state.to_dict()
    del data["signal_held"], data["summaries"]
    restored = SessionState.from_dict(data)
    assert restored.signal_held is False and restored.summaries == 0


def test_the_customer_greets_back_with_the_trainees_time_of_day(engine) -> None:
    state = engine.new_session(1)
    assert engine.turn(state, "acts=greeting | Goedemiddag Marieke").reply == "Goedemiddag."
    state = engine.new_session(1)
    assert engine.turn(state, "acts=greeting | Hallo Marieke").reply == "Goedemorgen."


def test_objection_hints_never_suggest_the_answer_before_acknowledging_and_exploring(engine, m) -> None:
    state = _signal(engine, m)
    engine.turn(state, m.BENEFIT)
    assert state.open_objection == "prijs"
    assert engine.hint(state) == engine._hints["objection_ack"]
    engine.turn(state, m.ACK)
    assert engine.hint(state) == engine._hints["objection_explore"]
    engine.turn(state, m.EXPLORE)
    assert engine.hint(state).startswith(engine._hints["objection_benefit"].split("{")[0])


def test_a_topicless_situation_question_is_about_the_pain_only_right_after_the_pain_talk(engine, m) -> None:
    state = _pain(engine, m)
    engine.turn(state, m.SIT_FILIALEN)  # the customer's last line is now a fact
    result = engine.turn(state, "spin=situation q=open | Hoe gaat het verder?")
    assert "fact:onderhoud" in result.events
    assert not any(e.startswith("implication:") for e in result.events)


def test_the_fact_matching_most_specifically_wins(make_engine) -> None:
    engine = make_engine(facts=[
        {"id": "general", "topic": ["koffie", "nu"], "reply": ["Algemeen."]},
        {"id": "setup", "topic": ["koffie", "opstelling"], "reply": ["Een apparaat per verdieping."]},
        {"id": "leden", "topic": ["nu", "leden"], "reply": ["250 leden."]},
    ])
    state = engine.new_session(1)
    # equal hit counts (2 and 2), but "opstelling" belongs to one fact only, "nu" and "koffie" to two
    result = engine.turn(state, "spin=situation q=open | Hoe is de koffie opstelling nu?")
    assert "fact:setup" in result.events


def test_a_concern_the_trainee_brings_up_first_is_admitted_and_explored(make_engine, m) -> None:
    engine = make_engine(objections=[
        {"id": "prijs", "trigger": {"after_phase": "transformation", "readiness_below": 90},
         "text": ["Een vast contract is wel een flinke kostenpost."], "explore_reply": ["Henk ziet een vaste last."],
         "resolved_reply": ["Zo bekeken verdient het zich terug."],
         "resolved_by": {"acknowledgement": True, "follow_up": True, "benefit_linked_to": ["storingen"]}},
    ])
    state = _pain(engine, m)
    engine.turn(state, m.NEED)
    result = engine.turn(state, "q=open acts=acknowledgement,follow_up | Een vast contract is een flinke kostenpost. "
                                "Wat maakt dat lastig?")
    for event in ("objection:prijs", "objection_acknowledged:prijs", "objection_explored:prijs"):
        assert event in result.events
    assert result.reply.startswith("Henk ziet een vaste last.")
    assert "objection_resolved:prijs" in engine.turn(state, m.BENEFIT).events
    # without a pain on the table, the same words do not bring it up
    fresh = engine.new_session(1)
    early = engine.turn(fresh, "q=open acts=follow_up | Een vast contract is een flinke kostenpost?")
    assert not any(e.startswith("objection:") for e in early.events)
