"""The conversation engine: plays the scenario's customer, one trainee message at a time.

`Engine` is created once per scenario and is stateless between calls: every session's data is in its
`SessionState`. The phase of the call is driven by the scenario's shared `transitions` Machine (see
machine.py); the customer's reactions follow the rules in rules.py, using the analyser's labels of each
trainee message. See docs/engine.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from salesbot.core.analysis.lexicon import load_language, word_pattern
from salesbot.core.analysis.types import Analysis, Lang, Message
from salesbot.core.engine import rules
from salesbot.core.engine.machine import PHASES, fire, machine_for
from salesbot.core.engine.state import SessionState, TurnResult
from salesbot.core.engine.topics import TopicIndex
from salesbot.core.scenario.model import Fact, Objection, Outcome, Pain, Scenario

# Progress flags of the open objection (SessionState.objection_progress).
OBJ_ACKNOWLEDGED = 1
OBJ_EXPLORED = 2
OBJ_ANSWERED = 4
OBJ_PENALISED = 8

_PHASE_INDEX = {name: i for i, name in enumerate(PHASES)}
_OPENING_ACTS = frozenset({"greeting", "introduction", "agenda"})


@cache
def language_data(lang: Lang) -> dict[str, Any]:
    """The engine's default replies and hint texts for a language (bundled package data)."""
    text = resources.files("salesbot.core.engine.data").joinpath(f"{lang}.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or "replies" not in data or "hints" not in data:
        raise RuntimeError(f"engine language data {lang}.yaml is incomplete")
    return data


def _analyzer_for(scenario: Scenario) -> Any:
    """The default analyser, or one with the scenario's extra cue phrases (imported lazily: the analyser
    loads its language data on first use)."""
    import importlib

    module = importlib.import_module("salesbot.core.analysis")
    if not hasattr(module, "default_analyzer"):  # the package may not re-export it (yet)
        module = importlib.import_module("salesbot.core.analysis.analyzer")
    if scenario.cues:
        return module.Analyzer(extra_cues=scenario.cues)
    return module.default_analyzer()


@dataclass(slots=True)
class _Turn:
    """What happened in the turn being processed; also the guards the Machine's conditions ask."""

    engine: Engine
    state: SessionState
    analysis: Analysis | None = None
    parts: list[str] = field(default_factory=list)  # the customer's reply, sentence groups in order
    events: list[str] = field(default_factory=list)
    primary: bool = False  # a reply to the trainee's move has been chosen
    presented: bool = False  # the trainee presented the offer (after a need was known)
    new_pain: bool = False
    raised: bool = False
    signalled: bool = False
    faded: bool = False
    closing: bool = False

    def say(self, text: str) -> None:
        self.parts.append(text)
        self.primary = True

    # --- guards ---------------------------------------------------------------------------------------
    def moved_past_opening(self) -> bool:
        """The first discovery move leaves the opening; greeting, introducing oneself (naming one's
        company is not a pitch there) and the agenda with its time check ("Heeft u een kwartiertje?")
        do not."""
        a = self.analysis
        if a is None:
            return False
        acts = set(a.acts)
        if "introduction" in acts:
            acts.discard("pitch")
        if a.spin is not None and not ("agenda" in acts and a.spin == "situation"):
            return True
        if a.question is not None and not acts & _OPENING_ACTS:
            return True
        return not acts <= _OPENING_ACTS

    def need_known(self) -> bool:
        return bool(self.state.pains)

    def presents_offer(self) -> bool:
        return self.presented

    def new_problem_talk(self) -> bool:
        return self.new_pain

    def signal_given(self) -> bool:
        return self.signalled and self.state.open_objection is None

    def objection_raised(self) -> bool:
        return self.raised

    def signals_faded(self) -> bool:
        return self.faded and self.state.pending_signal is None

    def can_order(self) -> bool:
        return self.closing and self.engine.ready_for(self.state) == "order"

    def can_advance(self) -> bool:
        return self.closing and self.engine.ready_for(self.state) == "advance"

    def patience_exhausted(self) -> bool:
        return self.state.patience <= self.engine.scenario.thresholds.no_sale_patience


class Engine:
    """Plays one scenario's customer for any number of sessions."""

    def __init__(self, scenario: Scenario, analyzer: Any | None = None) -> None:
        self.scenario = scenario
        self.lang: Lang = scenario.language
        self.analyzer = analyzer if analyzer is not None else _analyzer_for(scenario)
        self.machine = machine_for(scenario.id)
        data = language_data(self.lang)
        self._hints: dict[str, str] = data["hints"]
        times = [str(t).lower() for t in data.get("times_of_day", [])]
        self._times_of_day = re.compile("|".join(re.escape(t) for t in times), re.IGNORECASE) if times else None
        self._next_step_words = word_pattern(data.get("next_step_words", []), ignore_case=True)
        self._order_words = word_pattern(data.get("order_words", []), ignore_case=True)
        self._replies: dict[str, tuple[str, ...]] = {}
        for key, variants in data["replies"].items():
            own = getattr(scenario.replies, key, None)
            chosen = own if own else [v.replace("{name}", scenario.persona.name) for v in variants]
            self._replies[key] = tuple(chosen)
        self._pains = {p.id: p for p in scenario.pains}
        self._objections = {o.id: o for o in scenario.objections}
        self._signal_order = sorted(scenario.closing_signals, key=lambda s: s.at_readiness)
        self._signal_by_id = {s.id: s for s in scenario.closing_signals}
        self._has_need_payoff = any(p.need_payoff for p in scenario.pains)
        self._free_situation = rules.SITUATION_FREE.get(scenario.persona.temperament, 3)
        # One index of every keyword (a message is matched once), then each item's canonical keys.
        need_words: dict[str, set[str]] = {}
        for p in scenario.pains:
            words: set[str] = set()
            if p.need_payoff:
                for reply in p.need_payoff.reply:
                    words |= set(self.analyzer.terms(reply, self.lang))
            need_words[p.id] = words
        every = [k for f in scenario.facts for k in f.topic]
        every += [k for p in scenario.pains for k in p.topic]
        every += [k for p in scenario.pains for i in p.implications for k in (i.topic or ())]
        every += [w for words in need_words.values() for w in sorted(words)]
        self._index = TopicIndex(every, lambda k: self.analyzer.terms(k, self.lang))
        keys = self._index.keys
        # The words of each objection's lines: a trainee who brings up the concern first is heard.
        self._objection_terms = {
            o.id: frozenset().union(*(self.analyzer.terms(t, self.lang) for t in o.text)) for o in scenario.objections
        }
        self._fact_kw = [(f, keys(f.topic)) for f in scenario.facts]
        sharing: dict[str, int] = {}
        for _, kws in self._fact_kw:
            for k in kws:
                sharing[k] = sharing.get(k, 0) + 1
        # A question word in a topic ("hoeveel", "how many") catches questions that name nothing else; it
        # weighs half, so "Hoeveel planners hebben jullie?" is about the planners, not the organisation.
        asking = load_language(self.lang).question_words
        generic = keys([k for f in scenario.facts for k in f.topic if k.lower().strip() in asking])
        self._fact_key_weight = {
            k: (1.5 if k in self._index.phrases else 1.0) * (0.5 if k in generic else 1.0) / n
            for k, n in sharing.items()
        }
        self._pain_kw = {p.id: keys(p.topic) for p in scenario.pains}
        self._impl_kw = {(p.id, i.id): keys(i.topic or ()) for p in scenario.pains for i in p.implications}
        self._need_kw: dict[str, frozenset[str]] = {}
        for p in scenario.pains:
            vocab = set(self._pain_kw[p.id]) | keys(need_words[p.id])
            for i in p.implications:
                vocab |= self._impl_kw[(p.id, i.id)]
            self._need_kw[p.id] = frozenset(vocab)
        self._said_terms = self._pain_line_terms(scenario)

    # --- public API -----------------------------------------------------------------------------------
    def new_session(self, seed: int) -> SessionState:
        start = self.scenario.start
        return SessionState.new(self.scenario.id, seed, start.readiness, start.rapport, start.patience)

    def opening(self, state: SessionState) -> str | None:
        """The customer's first line when the scenario lets the customer open (once, at the start)."""
        self._check_state(state)
        if not self.scenario.customer_opens or state.transcript:
            return None
        line = self._choose(state, self._replies["opening"])
        state.transcript.append(Message("customer", line))
        return line

    def turn(self, state: SessionState, text: str) -> TurnResult:
        self._check_state(state)
        if not isinstance(text, str) or not text.strip():
            raise ValueError("the trainee's message is empty")
        if state.ended:
            raise ValueError("the call has ended; start a new session")
        text = text.strip()
        context = state.transcript[-rules.CONTEXT_MESSAGES :]
        analysis = self.analyzer.analyze(text, role="seller", context=context, lang=self.lang)
        state.transcript.append(Message("seller", text))
        state.turn += 1
        turn = _Turn(self, state, analysis)
        if analysis.has("closing_attempt") and state.open_objection and analysis.has("benefit"):
            # "You can start with the trial, so the breakdowns stop ... shall we?" answers the objection
            # and asks for the step in one go: the answer is weighed first, the close only if it resolved it.
            self._rapport_moves(turn, analysis)
            self._handle_objection(turn, analysis)
            if state.open_objection is None:
                self._close(turn)
        elif analysis.has("closing_attempt"):
            self._close(turn)
        else:
            self._react(turn)
        if not state.ended:
            self._advance_phase(turn)
        return self._finish(turn)

    def stop(self, state: SessionState) -> TurnResult:
        """The trainee ends the call: an ended call keeps its outcome, otherwise it is a continuation."""
        self._check_state(state)
        turn = _Turn(self, state)
        if not state.ended:
            fire(self.machine, "stop", state, turn)
            self._end(turn, "continuation")
        return self._finish(turn)

    def hint(self, state: SessionState) -> str:
        """What kind of move would help now, in the scenario's language."""
        self._check_state(state)
        h = self._hints
        if state.ended:
            return h["ended"]
        if state.open_objection:
            objection = self._objections[state.open_objection]
            need = objection.resolved_by
            # The method's order whatever the scenario requires: acknowledge, explore, then answer.
            if not state.objection_progress & OBJ_ACKNOWLEDGED:
                return h["objection_ack"]
            if not state.objection_progress & OBJ_EXPLORED:
                return h["objection_explore"]
            linked = need.benefit_linked_to
            voiced = [p for p in linked if p in state.needs] if linked else state.needs or state.pains
            if linked and not voiced:  # no listed need voiced yet: the answer has nothing to link to
                target = next((p for p in linked if p in state.pains), linked[0])
                key = "need_payoff" if target in state.pains else "problem"
                return h[key].format(topic=self._topic_name(target))
            return h["objection_benefit"].format(topic=self._topic_name(voiced[0]) if voiced else "")
        if state.pending_signal:
            return h["signal"].format(signal=f"\u201c{self._last_customer_line(state)}\u201d")
        if not state.pains:  # the method's order: greet and introduce, agenda, situation, then problem
            if state.phase == "opening":
                if state.turn == 0:
                    return h["opening"]
                if not self._agenda_given(state):
                    return h["agenda"]
                return h["situation"]
            if not state.facts:
                return h["situation"]
            if state.situation_streak >= self._free_situation - 1 or len(state.facts) >= 3:
                return h["situation_enough"]
            return h["problem"].format(topic=self._topic_name(self.scenario.pains[0].id))
        ready = self.ready_for(state)
        if ready is not None and not self._objection_waiting(state, on_close=True):
            return h["close"]
        focus = self._pains[state.focus] if state.focus in self._pains else self._pains[state.pains[-1]]
        if focus.id in state.needs and focus.id not in state.benefits:
            # The customer voiced the need: present the benefit now, not more consequences of it.
            return h["benefit"].format(topic=self._topic_name(focus.id))
        if self._next_implication(state, focus) is not None:
            return h["implication"].format(topic=self._topic_name(focus.id))
        if focus.need_payoff and focus.id not in state.needs:
            return h["need_payoff"].format(topic=self._topic_name(focus.id))
        for pain_id in state.needs:
            if pain_id not in state.benefits:
                return h["benefit"].format(topic=self._topic_name(pain_id))
        for pain in self.scenario.pains:
            if pain.id not in state.pains:
                return h["other_problem"].format(topic=self._topic_name(pain.id))
        for pain_id in state.pains:
            pain = self._pains[pain_id]
            if self._next_implication(state, pain) is not None:
                return h["implication"].format(topic=self._topic_name(pain_id))
            if pain.need_payoff and pain_id not in state.needs:
                return h["need_payoff"].format(topic=self._topic_name(pain_id))
        return h["summarise"] if ready is None else h["close"]

    def _agenda_given(self, state: SessionState) -> bool:
        """Did the trainee state an agenda yet? (Only asked for hints in the opening: a few messages.)"""
        texts = [m.text for m in state.transcript if m.role == "seller"]
        return any(self.analyzer.analyze(t, role="seller", lang=self.lang).has("agenda") for t in texts)

    def ready_for(self, state: SessionState) -> Outcome | None:
        """The outcome a closing attempt would win now, or None when a close would be premature."""
        if state.open_objection or not state.pains:
            return None
        thresholds = self.scenario.thresholds
        if state.readiness >= thresholds.order and (state.needs or not self._has_need_payoff):
            return "order"
        if state.readiness >= thresholds.advance:
            return "advance"
        if state.pending_signal:  # the customer just signalled interest: taking it up wins the next step
            return "advance"
        if state.needs and state.readiness >= thresholds.advance - rules.NEED_ADVANCE_MARGIN:
            return "advance"  # an explicit need voiced: a concrete small step is an easy yes
        return None

    # --- one turn -------------------------------------------------------------------------------------
    def _react(self, turn: _Turn) -> None:
        state, a = turn.state, turn.analysis
        assert a is not None
        self._rapport_moves(turn, a)
        if state.open_objection and self._handle_objection(turn, a):
            return
        if not state.open_objection and self._concern_anticipated(turn, a):
            return
        offers = self._offers(a)
        if offers and not state.pains:
            self._pitch_too_early(turn)
            state.situation_streak = 0
            return
        if a.spin != "situation":
            state.situation_streak = 0
        if a.has("agenda") and a.spin in (None, "situation"):
            # "I'd like to hear how maintenance works now ... do you have fifteen minutes?" is the agenda
            # with a time check: the customer answers the time check, not the topic it names.
            turn.say(self._choose(state, self._replies["agenda"]))
            return
        if self._follow_up_on_pain(turn, a):
            return
        if a.spin is not None and not (a.spin == "situation" and a.has("summary")):
            self._spin_question(turn, a)  # ("So you lose time ..., right?" is a summary, not a fact question)
        elif a.question == "open" and not a.has("summary"):
            self._topic_question(turn, a)
        if turn.primary:
            return
        if offers:
            self._offer(turn, a)
        elif a.has("summary"):
            turn.say(self._choose(state, self._replies["summary_confirmed"]))
            turn.events.append("summary_confirmed")
        elif a.has("agenda"):
            turn.say(self._choose(state, self._replies["agenda"]))
        elif a.has("greeting"):
            turn.say(self._choose(state, self._replies["greeting"]))
        elif a.has("introduction"):
            turn.say(self._choose(state, self._replies["introduction"]))
        elif a.has("follow_up"):
            turn.say(self._choose(state, self._replies["elaborate"]))
        elif a.has("acknowledgement"):
            turn.say(self._choose(state, self._replies["acknowledged"]))
        else:
            state.patience = rules.clamp(state.patience - rules.FALLBACK_COST)
            turn.say(self._choose(state, self._replies["fallback"]))
            turn.events.append("fallback")

    @staticmethod
    def _offers(a: Analysis) -> bool:
        """Does the trainee present the offer? Naming one's company while introducing oneself does not,
        nor does a SPIN question that mentions the product."""
        if a.spin is not None:  # a SPIN question that names the offer is still a question
            return False
        if a.has("benefit"):
            return True
        return a.has("pitch") and not a.has("introduction")

    def _rapport_moves(self, turn: _Turn, a: Analysis) -> None:
        state = turn.state
        gain = 0
        if a.has("summary"):
            gain += rules.SUMMARY_RAPPORT
            if state.pains and state.summaries < rules.SUMMARY_GAINS:
                state.summaries += 1
                self._gain(state, rules.SUMMARY_READINESS)
            if state.pending_signal and not state.signal_held:  # a summary close takes up the signal
                state.signal_held = True
                turn.events.append(f"signal_taken:{state.pending_signal}")
        if a.has("follow_up"):
            gain += rules.FOLLOW_UP_RAPPORT
        if a.has("acknowledgement"):
            gain += rules.ACKNOWLEDGEMENT_RAPPORT
        if a.has("agenda"):
            gain += rules.AGENDA_RAPPORT
        if a.has("greeting") and state.turn <= 2:
            gain += rules.GREETING_RAPPORT
        if gain:
            state.rapport = rules.clamp(state.rapport + gain)
            turn.events.append(f"rapport:+{gain}")

    def _spin_question(self, turn: _Turn, a: Analysis) -> None:
        keywords = self._index.matches(turn.state.transcript[-1].text, a.terms)
        if a.spin == "situation":
            self._situation(turn, keywords, a.question != "closed")
        elif a.spin == "problem":
            self._problem(turn, keywords)
        elif a.spin == "implication":
            self._implication(turn, keywords)
        elif a.spin == "need_payoff":
            self._need_payoff(turn, keywords)

    def _follow_up_on_pain(self, turn: _Turn, a: Analysis) -> bool:
        """Doorvragen on the pain being discussed: a follow-up, or an open or situation question that names
        no fact topic more than the pain's, while a pain is in focus. The customer elaborates on that pain
        (its next implication, else an elaboration) instead of jumping to an unrelated fact: a fact is told
        only when the question names the fact's topic."""
        state = turn.state
        pain = self._pains.get(state.focus or "")
        if pain is None or a.question is None or a.has("summary"):
            return False
        if a.spin == "problem":
            # "Hoe vaak gebeurt dat per week?" right after the pain: asks more about it, not for another
            if not (a.has("follow_up") and self._just_told(state, pain)):
                return False
        elif a.spin not in (None, "situation"):
            return False
        keywords = self._index.matches(state.transcript[-1].text, a.terms)
        pain_hits = len(self._need_kw[pain.id] & keywords)
        fact_hits = max((len(kws & keywords) for _, kws in self._fact_kw), default=0)
        if fact_hits > pain_hits and a.spin != "problem":  # a problem question asks about the pain, not "week"
            return False
        unrevealed = self._best_pain(keywords, [p for p in self.scenario.pains if p.id not in state.pains])
        if unrevealed is not None and len(self._pain_kw[unrevealed.id] & keywords) >= pain_hits:
            return False  # it names another problem: see _situation / _topic_question
        about_pain = (
            a.has("follow_up")
            or pain_hits
            # "Hoe vaak gebeurt dat dan?" right after the customer spoke of the pain: about that pain
            or (a.spin == "situation" and not fact_hits and self._just_told(state, pain))
        )
        if not about_pain and (a.question != "open" or not self._echoes_customer(state, a)):
            return False
        state.situation_streak = 0
        # A problem question ("how often?") gets more of the problem; consequences are for implication
        # questions, as the method has it.
        if a.spin == "problem" or not self._reveal_next_implication(turn, pain, keywords):
            turn.say(self._choose(state, self._replies["elaborate"]))
            turn.events.append(f"elaborated:{pain.id}")
        return True

    def _just_told(self, state: SessionState, pain: Pain) -> bool:
        """Was the customer's last line about this pain (its reply, an implication or an elaboration)?"""
        last = next((m.text for m in reversed(state.transcript) if m.role == "customer"), "")
        lines = [*pain.reply, *(r for i in pain.implications for r in i.reply), *self._replies["elaborate"]]
        return any(line in last for line in lines)

    def _echoes_customer(self, state: SessionState, a: Analysis) -> bool:
        """Does the question take up words of the customer's last line?"""
        last = next((m.text for m in reversed(state.transcript) if m.role == "customer"), "")
        return bool(last) and bool(a.terms & self.analyzer.terms(last, self.lang))

    def _topic_question(self, turn: _Turn, a: Analysis) -> None:
        """An open question the analyser gave no SPIN type: a customer still answers what it is about.
        A question naming an unrevealed pain's topic reveals it; one naming a fact's topic gets the fact."""
        state = turn.state
        keywords = self._index.matches(state.transcript[-1].text, a.terms)
        if not keywords:
            return
        pain = self._best_pain(keywords, [p for p in self.scenario.pains if p.id not in state.pains])
        if pain is not None:
            self._reveal_pain(turn, pain)
            return
        fact = self._best_fact(state, keywords)
        if fact is not None and fact.id not in state.facts:
            state.facts.append(fact.id)
            turn.say(self._choose(state, fact.reply))
            turn.events.append(f"fact:{fact.id}")

    def _situation(self, turn: _Turn, keywords: frozenset[str], open_question: bool = True) -> None:
        state = turn.state
        state.situation_streak += 1
        impatient = state.situation_streak > self._free_situation
        state.patience = rules.clamp(
            state.patience - (rules.IMPATIENT_COST if impatient else rules.SITUATION_COST)
        )
        fact = self._best_fact(state, keywords)
        if fact is None:  # it names no fact but a problem the customer has not told yet: it tells it
            pain = self._best_pain(keywords, [p for p in self.scenario.pains if p.id not in state.pains])
            if pain is not None:
                state.situation_streak = 0
                self._reveal_pain(turn, pain)
                return
        if fact is None and open_question:  # a general open question: the customer tells the next fact
            fact = next((f for f, _ in self._fact_kw if f.id not in state.facts), None)
        if fact is not None and fact.id not in state.facts:
            state.facts.append(fact.id)
            turn.say(self._choose(state, fact.reply))
            turn.events.append(f"fact:{fact.id}")
        elif fact is not None:
            state.patience = rules.clamp(state.patience - rules.ALREADY_TOLD_COST)
            turn.say(self._choose(state, self._replies["already_told"]))
            turn.events.append(f"already_told:{fact.id}")
        if impatient:
            turn.say(self._choose(state, self._replies["impatient"]))
            turn.events.append("impatient")
        elif not turn.primary:
            turn.say(self._choose(state, self._replies["acknowledged" if not open_question else "fallback"]))
            turn.events.append("fallback")

    def _best_fact(self, state: SessionState, keywords: frozenset[str]) -> Fact | None:
        """The fact whose keywords match best and most specifically: each hit weighs 1 / the number of
        facts sharing that keyword, a phrase ("set up", "at the moment") counts half as much again; on a
        tie the fact not told yet (the question is more likely about something new)."""
        best: Fact | None = None
        best_score = (0.0, False)
        weights = self._fact_key_weight
        for fact, kws in self._fact_kw:
            hits = kws & keywords
            if not hits:
                continue
            score = (sum(weights[k] for k in hits), fact.id not in state.facts)
            if score > best_score:
                best, best_score = fact, score
        return best

    def _problem(self, turn: _Turn, keywords: frozenset[str]) -> None:
        state = turn.state
        pain = self._best_pain(keywords, self.scenario.pains)
        if pain is None and not state.pains:
            pain = self.scenario.pains[0]  # a general problem question: the customer's main worry
        if pain is None:
            turn.say(self._choose(state, self._replies["vague_problem"]))
            turn.events.append("vague_problem")
        elif pain.id in state.pains:
            state.focus = pain.id
            state.patience = rules.clamp(state.patience - rules.ALREADY_TOLD_COST)
            turn.say(self._choose(state, self._replies["already_told"]))
            turn.events.append(f"already_told:{pain.id}")
        else:
            self._reveal_pain(turn, pain)

    def _implication(self, turn: _Turn, keywords: frozenset[str]) -> None:
        state = turn.state
        pain = self._target_pain(turn, keywords)
        if pain is None:
            return
        told = [i for i in pain.implications if f"{pain.id}/{i.id}" in state.implications]
        if any(self._impl_kw[(pain.id, i.id)] & keywords for i in told) and not any(
            self._impl_kw[(pain.id, i.id)] & keywords for i in pain.implications if i not in told
        ):
            turn.say(self._choose(state, self._replies["already_told"]))  # asked again about a told one
            turn.events.append(f"already_told:{pain.id}")
            return
        if self._reveal_next_implication(turn, pain, keywords):
            return
        if told:
            turn.say(self._choose(state, self._replies["already_told"]))
            turn.events.append(f"already_told:{pain.id}")
        else:
            turn.say(self._choose(state, self._replies["elaborate"]))

    def _need_payoff(self, turn: _Turn, keywords: frozenset[str]) -> None:
        state = turn.state
        pain = self._target_pain(turn, keywords)
        if pain is None:
            return
        if pain.need_payoff is None:
            turn.say(self._choose(state, self._replies["elaborate"]))
        elif pain.id in state.needs:
            turn.say(self._choose(state, self._replies["already_told"]))
            turn.events.append(f"already_told:{pain.id}")
        else:
            gain = pain.need_payoff.readiness
            if not any(i.startswith(pain.id + "/") for i in state.implications):
                gain = int(gain * rules.NEED_WITHOUT_IMPLICATION_FACTOR)
            state.needs.append(pain.id)
            self._gain(state, gain)
            turn.say(self._choose(state, pain.need_payoff.reply))
            turn.events.append(f"need_voiced:{pain.id}")

    def _target_pain(self, turn: _Turn, keywords: frozenset[str]) -> Pain | None:
        """The revealed pain an implication or need-payoff question is about; reveals a pain the trainee
        names before the customer did (asking its consequences presumes the problem)."""
        state = turn.state
        focus = self._pains.get(state.focus or "")
        if focus is not None and self._deepens_focus(turn, focus, keywords):
            return focus
        revealed = [self._pains[p] for p in state.pains]
        pain = self._best_pain(keywords, revealed, with_implications=True, prefer=state.focus, told=state.implications)
        if pain is None:
            unrevealed = [p for p in self.scenario.pains if p.id not in state.pains]
            named = self._best_pain(keywords, unrevealed)
            if named is not None:
                self._reveal_pain(turn, named)
                return None
            pain = self._pains.get(state.focus or "")
        if pain is None:
            turn.say(self._choose(state, self._replies["vague_need"]))
            turn.events.append("vague_question")
            return None
        state.focus = pain.id
        return pain

    def _deepens_focus(self, turn: _Turn, focus: Pain, keywords: frozenset[str]) -> bool:
        """A follow-up right after the customer spoke of a pain is about that pain ("Wat doet dat met de
        medewerkers?" after the sick calls), even when its words belong to another pain's consequence,
        unless it names another pain, or this pain has nothing left to tell."""
        return (
            turn.analysis is not None
            and turn.analysis.has("follow_up")
            and self._just_told(turn.state, focus)
            and any(f"{focus.id}/{i.id}" not in turn.state.implications for i in focus.implications)
            and self._best_pain(keywords, self.scenario.pains) in (None, focus)
        )

    def _best_pain(
        self,
        keywords: frozenset[str],
        pains: Sequence[Pain],
        with_implications: bool = False,
        prefer: str | None = None,
        told: Sequence[str] = (),
    ) -> Pain | None:
        """The pain the keywords point to: its topic words, with ``with_implications`` also those of its
        implications not yet ``told`` ("Wat doet dat met de medewerkers?" after a new pain is about that
        pain, not about the staff turnover another pain already led to)."""
        best: Pain | None = None
        best_score = 0.0
        for pain in pains:
            score = float(len(self._pain_kw[pain.id] & keywords))
            if with_implications:
                score += max(
                    (
                        len(self._impl_kw[(pain.id, i.id)] & keywords)
                        for i in pain.implications
                        if f"{pain.id}/{i.id}" not in told
                    ),
                    default=0,
                )
            if score and pain.id == prefer:
                score += 0.5
            if score > best_score:
                best, best_score = pain, score
        return best

    def _reveal_next_implication(self, turn: _Turn, pain: Pain, keywords: frozenset[str]) -> bool:
        """The customer tells the next consequence of the pain; False when all were told."""
        state = turn.state
        implication = self._next_implication(state, pain, keywords)
        if implication is None:
            return False
        state.implications.append(f"{pain.id}/{implication.id}")
        self._gain(state, implication.readiness)
        turn.say(self._choose(state, implication.reply))
        turn.events.append(f"implication:{pain.id}/{implication.id}")
        return True

    def _next_implication(self, state: SessionState, pain: Pain, keywords: frozenset[str] = frozenset()) -> Any:
        open_ones = [i for i in pain.implications if f"{pain.id}/{i.id}" not in state.implications]
        if not open_ones:
            return None
        return max(open_ones, key=lambda i: len(self._impl_kw[(pain.id, i.id)] & keywords))

    def _reveal_pain(self, turn: _Turn, pain: Pain) -> None:
        state = turn.state
        state.pains.append(pain.id)
        state.focus = pain.id
        self._gain(state, pain.readiness)
        turn.new_pain = True
        turn.say(self._choose(state, pain.reply))
        turn.events.append(f"pain_revealed:{pain.id}")

    def _pitch_too_early(self, turn: _Turn) -> None:
        state = turn.state
        state.readiness = rules.clamp(state.readiness - rules.PITCH_EARLY_READINESS)
        state.rapport = rules.clamp(state.rapport - rules.PITCH_EARLY_RAPPORT)
        state.patience = rules.clamp(state.patience - rules.PITCH_EARLY_PATIENCE)
        turn.say(self._choose(state, self._replies["pitch_too_early"]))
        turn.events.append("pitch_too_early")

    def _offer(self, turn: _Turn, a: Analysis) -> None:
        """The trainee presents the offer after a need is known: a benefit linked to a revealed pain
        raises readiness (once per pain); features alone leave the customer asking what it brings."""
        state = turn.state
        turn.presented = True
        pain = self._linked_pain(turn, a, state.pains) if a.has("benefit") else None
        if pain is not None:
            if pain.id not in state.benefits:
                state.benefits.append(pain.id)
                self._gain(state, rules.BENEFIT_READINESS)
            turn.say(self._choose(state, self._replies["benefit_positive"]))
            turn.events.append(f"benefit:{pain.id}")
        else:
            turn.say(self._choose(state, self._replies["feature_neutral"]))
            turn.events.append("feature_pitch")

    def _pain_line_terms(self, scenario: Scenario) -> dict[str, frozenset[str]]:
        """Per pain, the content words of the customer's own lines about it (the pain and its implications)
        that no other pain's lines use: a benefit in the customer's words ("the fuel bill you mentioned")
        links to that pain even when the scenario's topic words miss them."""
        said = {
            p.id: frozenset().union(
                *(self.analyzer.terms(line, self.lang) for line in p.reply),
                *(self.analyzer.terms(line, self.lang) for i in p.implications for line in i.reply),
            )
            for p in scenario.pains
        }
        return {
            pain_id: terms.difference(*(other for other_id, other in said.items() if other_id != pain_id))
            for pain_id, terms in said.items()
        }

    def _linked_pain(self, turn: _Turn, a: Analysis, pain_ids: Sequence[str]) -> Pain | None:
        keywords = self._index.matches(turn.state.transcript[-1].text, a.terms)
        best: Pain | None = None
        best_score = (0, 0)
        for pain_id in pain_ids:
            # The scenario's topic and need words decide; the customer's own words only where they tie.
            score = (len(self._need_kw[pain_id] & keywords), len(self._said_terms[pain_id] & a.terms))
            if score > best_score:
                best, best_score = self._pains[pain_id], score
        return best

    # --- objections -----------------------------------------------------------------------------------
    def _handle_objection(self, turn: _Turn, a: Analysis) -> bool:
        """Progress on the open objection; True when the customer's reply is about it.

        The method: acknowledge, ask what lies behind it, then answer with a benefit linked to a need the
        customer voiced. An answer counts only once the required exploring happened in an earlier turn
        (the customer must have said what lies behind it); acknowledging may share the answer's message.
        """
        state = turn.state
        objection = self._objections[state.open_objection or ""]
        need = objection.resolved_by
        before = state.objection_progress
        progress = before
        if a.has("acknowledgement") or a.has("summary"):
            progress |= OBJ_ACKNOWLEDGED
        explored_before = bool(before & OBJ_EXPLORED) or not need.follow_up
        benefit = a.has("benefit") or self._implied_benefit(turn, a, objection)
        if benefit and explored_before and self._answers(turn, a, objection):
            progress |= OBJ_ANSWERED
        elif a.explores(self._objection_terms[objection.id]):
            progress |= OBJ_EXPLORED
        new = progress & ~before
        state.objection_progress = progress
        for flag, name in ((OBJ_ACKNOWLEDGED, "acknowledged"), (OBJ_EXPLORED, "explored"), (OBJ_ANSWERED, "answered")):
            if new & flag:
                turn.events.append(f"objection_{name}:{objection.id}")
        if not new and not benefit and a.spin is not None:
            return False  # a SPIN question (e.g. about the need behind it): the customer answers it
        engaged = benefit or a.has("follow_up") or a.question == "open"
        if not new and not (engaged or a.has("acknowledgement") or a.has("summary")):
            if not progress & OBJ_PENALISED:
                state.objection_progress |= OBJ_PENALISED
                state.readiness = rules.clamp(state.readiness - objection.readiness_penalty)
                turn.events.append(f"objection_ignored:{objection.id}")
            return False
        required = (
            (OBJ_ACKNOWLEDGED if need.acknowledgement else 0) | (OBJ_EXPLORED if need.follow_up else 0) | OBJ_ANSWERED
        )
        if progress & required == required:
            self._resolve_objection(turn, objection)
        elif new & OBJ_EXPLORED:
            turn.say(self._choose(state, objection.explore_reply or self._replies["objection_explore"]))
        elif benefit:  # answered too soon, or with a benefit that misses the customer's need
            turn.say(self._choose(state, self._replies["objection_pending"]))
            turn.events.append(f"objection_pending:{objection.id}")
        else:
            turn.say(self._choose(state, self._replies["acknowledged"]))
        return True

    def _implied_benefit(self, turn: _Turn, a: Analysis, objection: Objection) -> bool:
        """A statement (not a question, not a close) during an open objection that names the topic words
        of a linked pain or of a voiced need answers with that benefit, even when the analyser did not
        label it `benefit`: "Als u zesduizend euro derving per storing voorkomt, verdient het zich terug."
        """
        if a.question is not None or a.spin is not None or a.has("closing_attempt"):
            return False
        state = turn.state
        linked = objection.resolved_by.benefit_linked_to or state.pains
        candidates = [p for p in linked if p in state.pains or p in state.needs]
        return self._linked_pain(turn, a, candidates) is not None

    def _concern_anticipated(self, turn: _Turn, a: Analysis) -> bool:
        """The trainee names a concern the customer has not voiced yet and asks about it ("I understand a
        12-month contract feels like a big commitment. What worries you most about it?"): the customer
        admits it and says what lies behind it, so the objection is open, acknowledged (if the message
        acknowledges) and explored. Needs a pain on the table and at least OBJECTION_ECHO_TERMS of the
        objection's own words."""
        state = turn.state
        if not state.pains or a.question is None:
            return False
        if not (a.has("follow_up") or a.has("acknowledgement") or a.question == "open"):
            return False
        for objection in self.scenario.objections:
            if objection.id in state.objections_raised:
                continue
            if len(self._objection_terms[objection.id] & a.terms) < rules.OBJECTION_ECHO_TERMS:
                continue
            state.objections_raised.append(objection.id)
            state.open_objection = objection.id
            state.objection_progress = OBJ_EXPLORED | (OBJ_ACKNOWLEDGED if a.has("acknowledgement") else 0)
            turn.raised = True
            turn.events.append(f"objection:{objection.id}")
            if a.has("acknowledgement"):
                turn.events.append(f"objection_acknowledged:{objection.id}")
            turn.events.append(f"objection_explored:{objection.id}")
            turn.say(self._choose(state, objection.explore_reply or self._replies["objection_explore"]))
            return True
        return False

    def _answers(self, turn: _Turn, a: Analysis, objection: Objection) -> bool:
        """A benefit answers the objection when it links to a voiced need of the listed pains (any
        benefit when the scenario lists none)."""
        linked = objection.resolved_by.benefit_linked_to
        if not linked:
            return True
        voiced = [p for p in linked if p in turn.state.needs]
        return self._linked_pain(turn, a, voiced) is not None

    def _resolve_objection(self, turn: _Turn, objection: Objection) -> None:
        state = turn.state
        state.objections_resolved.append(objection.id)
        state.open_objection = None
        state.objection_progress = 0
        if state.pending_signal:  # the signal the objection interrupted is back on the table
            state.pending_since = state.turn
        self._gain(state, rules.OBJECTION_RESOLVED_READINESS)
        state.rapport = rules.clamp(state.rapport + rules.OBJECTION_RESOLVED_RAPPORT)
        turn.say(self._choose(state, objection.resolved_reply or self._replies["objection_resolved"]))
        turn.events.append(f"objection_resolved:{objection.id}")

    def _objection_waiting(self, state: SessionState, on_close: bool) -> Objection | None:
        """The next objection the customer would raise now (scenario order), if any."""
        phase = _PHASE_INDEX.get(state.phase, 0)
        for objection in self.scenario.objections:
            trigger = objection.trigger
            if objection.id in state.objections_raised:
                continue
            if trigger.on_close and not on_close:
                continue
            if not trigger.on_close and phase < _PHASE_INDEX[trigger.after_phase]:
                continue
            if state.readiness >= trigger.readiness_below:
                continue
            if trigger.after_pain and trigger.after_pain not in state.pains:
                continue
            return objection
        return None

    def _raise_objection(self, turn: _Turn, objection: Objection) -> None:
        state = turn.state
        state.objections_raised.append(objection.id)
        state.open_objection = objection.id
        state.objection_progress = 0
        turn.raised = True
        turn.parts.append(self._choose(state, objection.text))
        turn.events.append(f"objection:{objection.id}")

    # --- closing --------------------------------------------------------------------------------------
    def _close(self, turn: _Turn) -> None:
        state = turn.state
        turn.closing = True
        state.situation_streak = 0
        if state.pending_signal:
            turn.events.append(f"signal_taken:{state.pending_signal}")
        ready = self.ready_for(state)
        if state.open_objection:
            objection = self._objections[state.open_objection]
            if not state.objection_progress & OBJ_PENALISED:
                state.objection_progress |= OBJ_PENALISED
                state.readiness = rules.clamp(state.readiness - objection.readiness_penalty)
                turn.events.append(f"objection_ignored:{objection.id}")
            turn.say(self._choose(state, self._replies["close_blocked"]))
            turn.events.append("close_blocked")
            return
        state.pending_signal = None
        state.signal_held = False
        if ready is None:
            state.premature_closes += 1
            state.readiness = rules.clamp(state.readiness - rules.PREMATURE_CLOSE_READINESS)
            state.rapport = rules.clamp(state.rapport - rules.PREMATURE_CLOSE_RAPPORT)
            state.patience = rules.clamp(state.patience - rules.PREMATURE_CLOSE_PATIENCE)
            turn.say(self._choose(state, self._replies["premature_close"]))
            turn.events.append("premature_close")
            waiting = self._objection_waiting(state, on_close=True)
            if waiting is not None and waiting.trigger.on_close:
                self._raise_objection(turn, waiting)
            return
        waiting = self._objection_waiting(state, on_close=True)
        if waiting is not None:  # the customer is interested but has a concern first
            self._raise_objection(turn, waiting)
            turn.primary = True
            return
        if ready == "order" and self._asks_for_next_step(state):
            ready = "advance"  # asked for a trial or a demo, the customer agrees to that, not to sign now
        if fire(self.machine, "close", state, turn):
            self._end(turn, ready)

    def _asks_for_next_step(self, state: SessionState) -> bool:
        """The close proposes a next step (a trial, a demo, a visit) and names no order (contract, quote)."""
        text = state.transcript[-1].text if state.transcript else ""
        return bool(
            self._next_step_words is not None
            and self._next_step_words.search(text)
            and not (self._order_words is not None and self._order_words.search(text))
        )

    def _end(self, turn: _Turn, outcome: Outcome) -> None:
        state = turn.state
        state.ended = True
        state.outcome = outcome
        state.pending_signal = None
        state.signal_held = False
        turn.parts.clear()
        turn.say(self._choose(state, self._closest(getattr(self.scenario.outcomes, outcome), turn)))
        turn.events.append(f"outcome:{outcome}")

    def _closest(self, variants: Sequence[str], turn: _Turn) -> Sequence[str]:
        """The variants that share the most words with the trainee's message (all when none does): asked
        for a trial, the customer agrees to the trial, not to a meeting."""
        if turn.analysis is None or len(variants) < 2:
            return variants
        said = turn.analysis.terms
        overlap = [len(said & self.analyzer.terms(v, self.lang)) for v in variants]
        best = max(overlap)
        return [v for v, n in zip(variants, overlap, strict=True) if n == best] if best else variants

    # --- phases, signals, patience -----------------------------------------------------------------------
    def _advance_phase(self, turn: _Turn) -> None:
        """Fire the phase events this turn makes relevant; the Machine's guards decide whether each
        transition happens. (Events that cannot apply are not fired at all: a transitions trigger costs
        more than the rest of a turn's engine work.)"""
        state, machine = turn.state, self.machine
        before = state.phase
        if state.phase == "opening":
            fire(machine, "discover", state, turn)
        if turn.new_pain:
            fire(machine, "probe", state, turn)
        self._fade_signal(turn)  # first: a faded signal cools the customer before anything else is weighed
        if turn.presented:
            fire(machine, "present", state, turn)
            if not state.open_objection:
                waiting = self._objection_waiting(state, on_close=False)
                if waiting is not None:
                    self._raise_objection(turn, waiting)
        if turn.raised:
            fire(machine, "object", state, turn)
        self._signals(turn)
        if turn.faded:
            fire(machine, "cool", state, turn)
        if turn.signalled:
            fire(machine, "signal", state, turn)
        if state.patience <= self.scenario.thresholds.no_sale_patience and fire(machine, "give_up", state, turn):
            turn.events.append("patience_exhausted")
            self._end(turn, "no_sale")
        if state.phase != before:
            turn.events.append(f"phase:{state.phase}")

    def _fade_signal(self, turn: _Turn) -> None:
        """A closing signal not taken up within the window fades (signal_ignored). An objection raised after
        the signal takes precedence: the signal waits while it is open (its window restarts once it is
        resolved); a signal taken up by a summary close does not fade."""
        state = turn.state
        if (
            state.pending_signal
            and not state.signal_held
            and not state.open_objection
            and state.turn - state.pending_since >= rules.SIGNAL_WINDOW
        ):
            state.pending_signal = None
            state.readiness = rules.clamp(state.readiness - rules.SIGNAL_IGNORED_READINESS)
            turn.faded = True
            turn.events.append("signal_ignored")
            if not turn.primary or turn.parts == []:
                turn.say(self._choose(state, self._replies["signal_faded"]))

    def _signals(self, turn: _Turn) -> None:
        state = turn.state
        if state.pending_signal or state.open_objection or turn.raised:
            return
        crossed = [s for s in self._signal_order if s.id not in state.signals_given and s.at_readiness <= state.readiness]
        if not crossed:
            return
        for signal in crossed:  # lower signals are superseded by the highest one crossed
            state.signals_given.append(signal.id)
        signal = crossed[-1]
        state.pending_signal = signal.id
        state.pending_since = state.turn
        turn.signalled = True
        turn.parts.append(self._choose(state, signal.text))
        turn.events.append(f"closing_signal:{signal.id}")

    def _finish(self, turn: _Turn) -> TurnResult:
        state = turn.state
        reply: str | None = " ".join(turn.parts) if turn.parts else None
        if reply is not None and turn.analysis is not None and self._times_of_day is not None:
            reply = self._mirror_time_of_day(state.transcript[-1].text, reply)
        if reply is not None:
            state.transcript.append(Message("customer", reply))
        return TurnResult(
            reply=reply,
            phase=state.phase,
            ended=state.ended,
            outcome=state.outcome,
            analysis=turn.analysis,
            events=turn.events,
            readiness=state.readiness,
        )

    # --- helpers --------------------------------------------------------------------------------------
    def _mirror_time_of_day(self, seller_text: str, reply: str) -> str:
        """The customer greets back with the trainee's time of day ("Goedemiddag" -> "goedemiddag", not the
        scenario's "goedemorgen"), keeping its own capitalisation."""
        pattern = self._times_of_day
        assert pattern is not None
        said = pattern.search(seller_text)
        if said is None:
            return reply
        wanted = said.group(0).lower()

        def swap(match: re.Match[str]) -> str:
            found = match.group(0)
            return wanted[0].upper() + wanted[1:] if found[0].isupper() else wanted

        return pattern.sub(swap, reply)

    def _choose(self, state: SessionState, variants: Sequence[str]) -> str:
        """A reply variant; never the customer's previous line again when there is another variant."""
        last = next((m.text for m in reversed(state.transcript) if m.role == "customer"), "")
        return state.choose(variants, avoid=last)

    def _gain(self, state: SessionState, gain: int) -> None:
        state.readiness = rules.clamp(state.readiness + rules.modulated(gain, state.rapport))

    def _topic_name(self, pain_id: str) -> str:
        pain = self._pains.get(pain_id)
        return pain.topic[0] if pain else pain_id

    def _last_customer_line(self, state: SessionState) -> str:
        signal = self._signal_by_id.get(state.pending_signal or "")
        for message in reversed(state.transcript):
            if message.role == "customer":
                if signal is None:
                    return message.text
                for variant in signal.text:
                    if variant in message.text:
                        return variant
                return message.text
        return ""

    def _check_state(self, state: SessionState) -> None:
        if state.scenario_id != self.scenario.id:
            raise ValueError(f"session belongs to scenario {state.scenario_id!r}, not {self.scenario.id!r}")
