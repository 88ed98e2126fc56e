"""The customer model: each behaviour rule, on exact labels from a scripted analyser."""

from __future__ import annotations

import pytest

from salesbot.core.engine import Engine, SessionState, rules


def test_new_session_starts_in_opening_with_the_scenario_start_values(engine: Engine) -> None:
    state = engine.new_session(seed=7)
    assert (state.phase, state.readiness, state.rapport, state.patience) == ("opening", 20, 50, 100)
    assert state.transcript == [] and not state.ended and state.outcome is None


def test_greeting_keeps_the_opening_and_a_question_moves_to_information(engine, m, play) -> None:
    state = engine.new_session(1)
    greeting = engine.turn(state, m.GREET)
    assert greeting.reply == "Goedemorgen." and greeting.phase == "opening"
    result = engine.turn(state, m.SIT_FILIALEN)
    assert result.phase == "information" and "phase:information" in result.events


def test_situation_question_gets_the_fact_then_already_told(engine, m) -> None:
    state = engine.new_session(1)
    first = engine.turn(state, m.SIT_FILIALEN)
    assert first.reply == "Veertien filialen." and "fact:filialen" in first.events
    again = engine.turn(state, m.SIT_FILIALEN)
    assert "already_told:filialen" in again.events
    assert again.reply in engine._replies["already_told"]
    assert state.patience == 100 - 2 * rules.SITUATION_COST - rules.ALREADY_TOLD_COST


def test_many_situation_questions_in_a_row_make_the_customer_impatient(engine, m) -> None:
    state = engine.new_session(1)
    free = rules.SITUATION_FREE["amiable"]
    results = [engine.turn(state, m.SIT_ONDERHOUD if i % 2 else m.SIT_FILIALEN) for i in range(free + 1)]
    assert all("impatient" not in r.events for r in results[:free])
    assert "impatient" in results[free].events
    assert any(v in results[free].reply for v in engine._replies["impatient"])
    # a problem question ends the streak
    engine.turn(state, m.PROBLEM)
    assert state.situation_streak == 0


def test_situation_questions_only_run_out_the_patience_and_end_in_no_sale(engine, m) -> None:
    state = engine.new_session(1)
    result = None
    for _ in range(30):
        result = engine.turn(state, m.SIT_FILIALEN)
        if result.ended:
            break
    assert result is not None and result.ended and result.outcome == "no_sale"
    assert "patience_exhausted" in result.events and result.reply == "Geen interesse, dag."


def test_problem_question_on_a_pain_topic_reveals_it_and_raises_readiness(engine, m) -> None:
    state = engine.new_session(1)
    result = engine.turn(state, m.PROBLEM)
    assert result.reply == "De koeling valt vaak uit." and "pain_revealed:storingen" in result.events
    assert state.readiness == 25 and state.pains == ["storingen"]


def test_general_problem_question_reveals_the_main_pain_only_first(engine, m) -> None:
    state = engine.new_session(1)
    assert "pain_revealed:storingen" in engine.turn(state, "spin=problem q=open | Waar loopt u tegenaan?").events
    second = engine.turn(state, "spin=problem q=open | Waar loopt u nog meer tegenaan?")
    assert "vague_problem" in second.events


def test_implication_deepens_a_revealed_pain_and_picks_the_implication_by_topic(engine, m) -> None:
    state = engine.new_session(1)
    engine.turn(state, m.PROBLEM)
    nvwa = engine.turn(state, m.IMPLICATION_NVWA)
    assert "implication:storingen/nvwa" in nvwa.events and nvwa.reply == "De NVWA kan langskomen."
    assert state.readiness == 35
    kosten = engine.turn(state, m.IMPLICATION)
    assert "implication:storingen/derving" in kosten.events
    done = engine.turn(state, m.IMPLICATION)
    assert "already_told:storingen" in done.events


def test_implication_question_naming_an_unrevealed_pain_reveals_the_pain_first(engine, m) -> None:
    state = engine.new_session(1)
    result = engine.turn(state, "spin=implication q=open | Wat betekent de uitval voor u?")
    assert "pain_revealed:storingen" in result.events and state.implications == []


def test_need_payoff_makes_the_customer_voice_the_explicit_need(engine, m) -> None:
    state = engine.new_session(1)
    engine.turn(state, m.PROBLEM)
    engine.turn(state, m.IMPLICATION_NVWA)
    before = state.readiness
    result = engine.turn(state, m.NEED)
    assert result.reply.startswith("Een monteur binnen vier uur zou geld besparen.")
    assert "need_voiced:storingen" in result.events and state.needs == ["storingen"]
    assert state.readiness - before == 20


def test_need_payoff_before_any_implication_gains_half(engine, m) -> None:
    state = engine.new_session(1)
    engine.turn(state, m.PROBLEM)
    before = state.readiness
    engine.turn(state, m.NEED)
    assert state.readiness - before == 10


def test_rapport_modulates_gains(make_engine, m) -> None:
    low = make_engine(start={"readiness": 20, "rapport": 0, "patience": 100})
    high = make_engine(start={"readiness": 20, "rapport": 100, "patience": 100})
    gains = []
    for engine in (low, high):
        state = engine.new_session(1)
        engine.turn(state, m.PROBLEM)
        gains.append(state.readiness - 20)
    assert gains == [rules.modulated(5, 0), rules.modulated(5, 100)] and gains[0] < gains[1]


def test_summary_is_confirmed_and_builds_rapport(engine, m) -> None:
    state = engine.new_session(1)
    engine.turn(state, m.PROBLEM)
    result = engine.turn(state, m.SUMMARY)
    assert "summary_confirmed" in result.events and result.reply in engine._replies["summary_confirmed"]
    assert state.rapport == 50 + rules.SUMMARY_RAPPORT


def test_follow_up_and_acknowledgement_build_rapport(engine, m) -> None:
    state = engine.new_session(1)
    engine.turn(state, m.PROBLEM)
    engine.turn(state, m.IMPLICATION)  # a follow-up
    engine.turn(state, m.ACK)
    assert state.rapport == 50 + rules.FOLLOW_UP_RAPPORT + rules.ACKNOWLEDGEMENT_RAPPORT


def test_pitching_before_a_need_is_known_cools_the_customer(engine, m) -> None:
    state = engine.new_session(1)
    result = engine.turn(state, m.PITCH)
    assert "pitch_too_early" in result.events and result.reply in engine._replies["pitch_too_early"]
    assert state.readiness == 20 - rules.PITCH_EARLY_READINESS
    assert state.rapport == 50 - rules.PITCH_EARLY_RAPPORT
    assert result.phase != "transformation"


def test_introducing_ones_company_is_not_a_pitch(engine, m) -> None:
    state = engine.new_session(1)
    result = engine.turn(state, "acts=greeting,introduction,pitch | Goedemorgen, Sanne van KoelTech")
    assert "pitch_too_early" not in result.events


def test_benefit_after_a_need_moves_to_transformation_and_raises_an_objection(engine, m) -> None:
    state = engine.new_session(1)
    engine.turn(state, m.PROBLEM)
    result = engine.turn(state, m.BENEFIT)
    assert "benefit:storingen" in result.events and "objection:prijs" in result.events
    assert result.phase == "transformation" and state.open_objection == "prijs"
    assert result.reply.endswith("Het is wel duur.")


def test_feature_pitch_after_a_need_leaves_the_customer_asking_what_it_brings(engine, m) -> None:
    state = engine.new_session(1)
    engine.turn(state, m.PROBLEM)
    before = state.readiness
    result = engine.turn(state, m.PITCH)
    assert "feature_pitch" in result.events and state.readiness == before


def test_a_benefit_in_the_customers_own_words_links_to_that_pain(engine, m) -> None:
    # "De koeling valt vaak uit" was the customer's line about the pain; none of its words is a topic word.
    state = engine.new_session(1)
    engine.turn(state, m.PROBLEM)
    result = engine.turn(state, "acts=benefit | Dan valt uw koeling niet meer uit, zodat alles vers blijft.")
    assert "benefit:storingen" in result.events and "feature_pitch" not in result.events


def test_an_implication_question_after_a_new_pain_is_about_that_pain(engine, m) -> None:
    # "kosten" was the topic of a consequence of the first pain, already told; right after the second pain
    # the same word asks about the second one, not "I told you that already".
    state = engine.new_session(1)
    engine.turn(state, m.PROBLEM)
    assert "implication:storingen/derving" in engine.turn(state, m.IMPLICATION).events
    engine.turn(state, m.PROBLEM_PLANNING)
    result = engine.turn(state, "spin=implication q=open acts=follow_up | Wat doet dat met de kosten?")
    assert "implication:planning/eigenaar" in result.events and not any("already_told" in e for e in result.events)


def test_a_problem_follow_up_on_the_pain_just_told_gets_more_of_it(engine, m) -> None:
    # "Hoe vaak gebeurt dat per week?": more about the problem, not "Problemen? Niet meer dan anderen", and
    # no consequence either (those are earned by implication questions).
    state = engine.new_session(1)
    engine.turn(state, m.PROBLEM)
    result = engine.turn(state, "spin=problem q=open acts=follow_up | Hoe vaak gebeurt dat per week?")
    assert result.events[-1] == "elaborated:storingen" and not state.implications


def test_asking_again_about_a_told_consequence_is_already_told(engine, m) -> None:
    state = engine.new_session(1)
    engine.turn(state, m.PROBLEM)
    engine.turn(state, m.IMPLICATION)
    result = engine.turn(state, "spin=implication q=open | En wat kost dat weggooien u dan?")
    assert "already_told:storingen" in result.events and state.implications == ["storingen/derving"]


def test_a_follow_up_right_after_a_pain_deepens_that_pain(engine, m) -> None:
    # "kosten" is a consequence topic of the first pain, but "Wat betekent dat ..." right after the second
    # pain asks about the second one.
    state = engine.new_session(1)
    engine.turn(state, m.PROBLEM)
    engine.turn(state, m.PROBLEM_PLANNING)
    result = engine.turn(state, "spin=implication q=open acts=follow_up | Wat betekent dat voor de kosten?")
    assert "implication:planning/eigenaar" in result.events


def test_a_follow_up_after_a_pain_with_nothing_left_to_tell_goes_where_its_words_point(engine, m) -> None:
    # The planning pain told its one consequence; "... voor de kosten?" then reaches the costs of the
    # breakdowns rather than "already told".
    state = engine.new_session(1)
    engine.turn(state, m.PROBLEM)
    engine.turn(state, m.PROBLEM_PLANNING)
    engine.turn(state, "spin=implication q=open acts=follow_up | Wat betekent dat voor u?")
    result = engine.turn(state, "spin=implication q=open acts=follow_up | Wat betekent dat voor de kosten?")
    assert state.implications == ["planning/eigenaar", "storingen/derving"]
    assert "implication:storingen/derving" in result.events


def _with_objection(engine: Engine, m, need: bool = True) -> SessionState:
    state = engine.new_session(1)
    engine.turn(state, m.PROBLEM)
    if need:
        engine.turn(state, m.NEED)
    engine.turn(state, m.BENEFIT)
    assert state.open_objection == "prijs"
    return state


def test_a_discovery_question_after_an_objection_does_not_explore_it(engine, m) -> None:
    state = _with_objection(engine, m)
    result = engine.turn(state, "spin=situation q=open | Hoeveel filialen heeft u?")
    assert "objection_explored:prijs" not in result.events and result.reply == "Veertien filialen."
    asked = engine.turn(state, "q=open | Wat bedoelt u daar precies mee?")
    assert "objection_explored:prijs" in asked.events


def test_objection_resolved_by_acknowledge_explore_then_linked_benefit(engine, m) -> None:
    state = _with_objection(engine, m)
    explored = engine.turn(state, m.ACK_EXPLORE)
    assert explored.reply == "Henk ziet alleen een vaste last."
    assert {"objection_acknowledged:prijs", "objection_explored:prijs"} <= set(explored.events)
    before = state.readiness
    answered = engine.turn(state, m.BENEFIT)
    assert "objection_resolved:prijs" in answered.events
    assert answered.reply.startswith("Zo bekeken verdient het zich terug.")
    assert state.open_objection is None and state.objections_resolved == ["prijs"]
    assert state.readiness > before


def test_objection_answered_before_exploring_is_not_resolved(engine, m) -> None:
    state = _with_objection(engine, m)
    result = engine.turn(state, "acts=acknowledgement,benefit | Dat snap ik, maar zo voorkomt u storingen.")
    assert "objection_pending:prijs" in result.events and state.open_objection == "prijs"


def test_objection_needs_a_benefit_linked_to_a_voiced_need(engine, m) -> None:
    state = _with_objection(engine, m, need=False)
    engine.turn(state, m.ACK_EXPLORE)
    result = engine.turn(state, m.BENEFIT)
    assert state.open_objection == "prijs" and "objection_resolved:prijs" not in result.events
    # the hint tells what is missing: the need behind the listed pain
    assert "opleveren" in engine.hint(state)


def test_ignoring_an_objection_costs_readiness_once(engine, m) -> None:
    state = _with_objection(engine, m)
    before = state.readiness
    first = engine.turn(state, m.OFFTOPIC)
    engine.turn(state, m.OFFTOPIC)
    assert "objection_ignored:prijs" in first.events
    assert state.readiness == before - 10


def test_closing_signal_appears_at_its_threshold_and_moves_to_closing(engine, m) -> None:
    state = engine.new_session(1)
    results = [engine.turn(state, msg) for msg in (m.PROBLEM, m.IMPLICATION, m.IMPLICATION_NVWA, m.NEED)]
    last = results[-1]
    assert state.readiness >= 55
    assert "closing_signal:proef" in last.events and last.reply.endswith("Kunnen we eerst een proef doen?")
    assert last.phase == "closing" and state.pending_signal == "proef"
    assert all("closing_signal" not in e for r in results[:-1] for e in r.events)


def test_ignored_signal_fades_with_a_readiness_drop_after_two_turns(engine, m) -> None:
    state = engine.new_session(1)
    for msg in (m.PROBLEM, m.IMPLICATION, m.IMPLICATION_NVWA, m.NEED):
        engine.turn(state, msg)
    before = state.readiness
    first = engine.turn(state, m.SIT_FILIALEN)
    assert "signal_ignored" not in first.events
    second = engine.turn(state, m.SIT_ONDERHOUD)
    assert "signal_ignored" in second.events
    assert state.readiness == before - rules.SIGNAL_IGNORED_READINESS
    assert state.pending_signal is None and second.phase == "transformation"


def test_taking_up_a_signal_wins_at_least_an_advance(engine, m) -> None:
    state = engine.new_session(1)
    for msg in (m.PROBLEM, m.IMPLICATION, m.NEED):
        engine.turn(state, msg)
    assert state.pending_signal == "proef" and state.readiness < 60
    result = engine.turn(state, m.CLOSE)
    assert "signal_taken:proef" in result.events
    # the customer's objection comes first; once resolved, the close succeeds
    assert "objection:prijs" in result.events and not result.ended


def test_premature_close_meets_resistance_and_raises_the_on_close_objection(engine, m) -> None:
    state = engine.new_session(1)
    engine.turn(state, m.PROBLEM)
    before = state.readiness
    result = engine.turn(state, m.CLOSE)
    assert "premature_close" in result.events and not result.ended
    assert result.reply.startswith(tuple(engine._replies["premature_close"]))
    assert state.readiness == before - rules.PREMATURE_CLOSE_READINESS
    assert "objection:eigenaar" in result.events and result.phase == "transformation"


def test_close_without_any_pain_is_premature_even_at_high_readiness(make_engine, m) -> None:
    engine = make_engine(start={"readiness": 95, "rapport": 50, "patience": 100})
    state = engine.new_session(1)
    assert "premature_close" in engine.turn(state, m.CLOSE).events


def _ready(engine: Engine, m) -> SessionState:
    """Pain, implication and need explored, the objection resolved (a scenario without signals)."""
    state = engine.new_session(1)
    for msg in (m.PROBLEM, m.IMPLICATION, m.NEED, m.BENEFIT):
        engine.turn(state, msg)
    assert state.open_objection == "prijs"
    engine.turn(state, m.ACK_EXPLORE)
    engine.turn(state, m.BENEFIT)
    assert state.open_objection is None
    return state


def test_close_at_advance_readiness_ends_in_an_advance(make_engine, m) -> None:
    engine = make_engine(closing_signals=[])
    state = _ready(engine, m)
    assert 60 <= state.readiness < 80
    result = engine.turn(state, m.CLOSE)
    assert result.ended and result.outcome == "advance" and result.reply == "Kom maar langs met Henk."
    assert state.phase == "ended"


def test_close_at_order_readiness_ends_in_an_order(make_engine, m) -> None:
    engine = make_engine(closing_signals=[])
    state = _ready(engine, m)
    engine.turn(state, m.IMPLICATION_NVWA)
    assert state.readiness >= 80
    result = engine.turn(state, m.CLOSE)
    assert result.outcome == "order" and result.reply == "Stuur de offerte maar."


def test_a_close_for_a_next_step_at_order_readiness_wins_that_step(make_engine, m) -> None:
    # Asked for a trial, a customer ready to buy agrees to the trial; asked for the quote, it orders.
    engine = make_engine(
        closing_signals=[],
        outcomes={"order": ["Stuur de offerte maar."], "advance": ["Kom maar langs met Henk.", "Doe maar een proef."],
                  "continuation": ["Bel me volgende maand."], "no_sale": ["Geen interesse, dag."]},
    )
    state = _ready(engine, m)
    engine.turn(state, m.IMPLICATION_NVWA)
    result = engine.turn(state, "q=closed acts=closing_attempt | Zullen we met een proef bij twee filialen beginnen?")
    assert result.outcome == "advance" and result.reply == "Doe maar een proef."


def test_close_with_an_open_objection_is_blocked(engine, m) -> None:
    state = _with_objection(engine, m)
    result = engine.turn(state, m.CLOSE)
    assert "close_blocked" in result.events and not result.ended


def test_new_problem_during_transformation_goes_back_to_information(make_engine, m) -> None:
    engine = make_engine(closing_signals=[])
    state = _ready(engine, m)
    assert state.phase in ("transformation", "closing")
    result = engine.turn(state, m.PROBLEM_PLANNING)
    assert "pain_revealed:planning" in result.events and result.phase == "information"


def test_new_objection_during_closing_goes_back_to_transformation(make_engine, m) -> None:
    engine = make_engine(objections=[{"id": "prijs", "trigger": {"after_phase": "closing"},
                                      "text": ["Het is wel duur."], "resolved_by": {}}])
    state = engine.new_session(1)
    for msg in (m.PROBLEM, m.IMPLICATION, m.IMPLICATION_NVWA, m.NEED):
        engine.turn(state, msg)
    assert state.phase == "closing"
    result = engine.turn(state, m.BENEFIT)
    assert "objection:prijs" in result.events and result.phase == "transformation"


def test_off_topic_gets_a_fallback_and_costs_patience(engine, m) -> None:
    state = engine.new_session(1)
    result = engine.turn(state, m.OFFTOPIC)
    assert "fallback" in result.events and result.reply in ("Hoe bedoelt u?", "Mm-mm.", "Wat zegt u?")
    assert state.patience == 100 - rules.FALLBACK_COST


def test_stop_ends_in_a_continuation_and_keeps_an_outcome(engine, m) -> None:
    state = engine.new_session(1)
    engine.turn(state, m.PROBLEM)
    result = engine.stop(state)
    assert result.ended and result.outcome == "continuation" and result.reply == "Bel me volgende maand."
    assert state.transcript[-1].text == "Bel me volgende maand."
    again = engine.stop(state)
    assert again.outcome == "continuation" and again.reply is None


def test_turn_rejects_empty_text_an_ended_call_and_another_scenarios_state(engine, make_engine, m) -> None:
    state = engine.new_session(1)
    with pytest.raises(ValueError, match="empty"):
        engine.turn(state, "   ")
    engine.stop(state)
    with pytest.raises(ValueError, match="ended"):
        engine.turn(state, m.PROBLEM)
    other = make_engine(id="ander-scenario").new_session(1)
    with pytest.raises(ValueError, match="ander-scenario"):
        engine.turn(other, m.PROBLEM)


def test_opening_line_only_when_the_customer_opens(engine, make_engine) -> None:
    assert engine.opening(engine.new_session(1)) is None
    opener = make_engine(customer_opens=True, replies={"opening": ["Met Marieke."]})
    state = opener.new_session(1)
    assert opener.opening(state) == "Met Marieke."
    assert [(msg.role, msg.text) for msg in state.transcript] == [("customer", "Met Marieke.")]
    assert opener.opening(state) is None  # once


def test_default_replies_come_from_the_language_data(make_engine, m) -> None:
    engine = make_engine(language="en", replies={})
    state = engine.new_session(1)
    result = engine.turn(state, m.PITCH)
    assert result.reply in ("I'm sure it is. But what's in it for me?", "Hm. They all say that.")


def test_a_benefit_links_by_the_scenarios_topic_words_before_the_customers_words() -> None:
    # coffee-coworking: queues and breakdowns are both revealed; "fix any fault" names the breakdowns topic,
    # while "machine" and "members" only occur in the customer's lines about the queues.
    from salesbot.scenario_files import find_scenario

    engine = Engine(find_scenario("coffee-coworking"))
    state = engine.new_session(2)
    for line in (
        "How many members use the space on a typical day?",
        "And what do they drink now?",
        "How happy are people with that?",
        "What happens when the machine breaks down?",
    ):
        engine.turn(state, line)
    assert {"queues", "breakdowns"} <= set(state.pains)
    result = engine.turn(state, "We maintain the machine ourselves and fix any fault within a day, so members never go without.")
    assert "benefit:breakdowns" in result.events


def test_a_question_word_in_a_fact_topic_does_not_outweigh_the_thing_asked_about() -> None:
    # roosterplanning: "hoeveel" is in the organisation's topic so that "Hoeveel zijn jullie?" gets an
    # answer; asked how many planners, the customer tells about the planners.
    from salesbot.scenario_files import find_scenario

    engine = Engine(find_scenario("roosterplanning-thuiszorg"))
    state = engine.new_session(4)
    engine.turn(state, "Goedemiddag meneer De Boer, Sanne van Planbaar. Heeft u even?")
    assert "fact:planners" in engine.turn(state, "Hoeveel planners hebben jullie?").events
