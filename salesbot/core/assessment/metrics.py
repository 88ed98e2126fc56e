"""Metrics of a labelled conversation: SPIN, questions, LSD, talk share, signals, closes, objections,
structure and outcome. Every metric keeps the turn indexes (1-based, over all messages) that support it.

All inputs are the analyser's labels; this module adds no language knowledge of its own except the
cue lists in the data files (outcome words, problem words, denials).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from salesbot.core.analysis.types import SPIN_TYPES, Analysis, Role, Spin
from salesbot.core.assessment.language import cues, find_cue, starts_with_cue
from salesbot.core.scenario.model import Outcome, Scenario

# Recorded-call benchmarks (conversation-intelligence research on spoken B2B calls). A chat transcript only
# approximates them: words stand in for speaking time. Reports label them as approximations.
BENCHMARK_TALK_SHARE_BEST = 0.43
BENCHMARK_TALK_SHARE_MAX = 0.65
BENCHMARK_QUESTIONS = (11, 14)
# About 76 s of uninterrupted speech in the best calls is ~190 spoken words; typed messages are far
# shorter than speech, so we flag a seller monologue from 80 words on.
BENCHMARK_MONOLOGUE_WORDS = 80

OPENING_WINDOW = 3  # greeting/introduction/agenda count when they come in the first 3 seller messages
PICKUP_WINDOW = 2  # a buying signal is picked up within the next 2 seller messages
RESPONSE_WINDOW = 2  # an objection is handled within the next 2 seller messages

_WORD = re.compile(r"\w+(?:['’-]\w+)*")

PHASES = ("opening", "information", "transformation", "closing")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


@dataclass(frozen=True, slots=True)
class Turn:
    index: int  # 1-based over all messages
    role: Role
    text: str
    analysis: Analysis
    words: int

    def has(self, act: str) -> bool:
        return self.analysis.has(act)


@dataclass(frozen=True, slots=True)
class SpinMetrics:
    counts: dict[str, int]
    turns: dict[str, list[int]]
    flow: list[tuple[int, Spin]]  # every SPIN question in call order
    in_order: bool  # first problem, implication, need-payoff questions come in that order
    weak_pattern: bool  # many situation questions, no implication and no need-payoff question

    def to_dict(self) -> dict[str, object]:
        return {
            **self.counts,
            "turns": self.turns,
            "flow": [{"turn": t, "spin": s} for t, s in self.flow],
            "in_order": self.in_order,
            "weak_pattern": self.weak_pattern,
        }


@dataclass(frozen=True, slots=True)
class QuestionMetrics:
    open: list[int]
    closed: list[int]
    by_third: tuple[int, int, int]
    # The same without closing attempts: "questions spread over the call" is a discovery skill, and two
    # pushy closes late in the call are not it.
    discovery_by_third: tuple[int, int, int] = (0, 0, 0)

    @property
    def total(self) -> int:
        return len(self.open) + len(self.closed)

    def to_dict(self) -> dict[str, object]:
        return {
            "open": len(self.open),
            "closed": len(self.closed),
            "total": self.total,
            "open_turns": self.open,
            "closed_turns": self.closed,
            "by_third": list(self.by_third),
            "discovery_by_third": list(self.discovery_by_third),
        }


@dataclass(frozen=True, slots=True)
class Summary:
    turn: int
    confirmed: bool
    confirm_turn: int | None  # the customer's next message if it confirmed

    def to_dict(self) -> dict[str, object]:
        return {"turn": self.turn, "confirmed": self.confirmed, "confirm_turn": self.confirm_turn}


@dataclass(frozen=True, slots=True)
class LsdMetrics:
    acknowledgements: list[int]
    summaries: list[Summary]
    follow_ups: list[int]

    def to_dict(self) -> dict[str, object]:
        return {
            "acknowledgements": len(self.acknowledgements),
            "summaries": len(self.summaries),
            "summaries_confirmed": sum(s.confirmed for s in self.summaries),
            "follow_ups": len(self.follow_ups),
            "acknowledgement_turns": self.acknowledgements,
            "summary_turns": [s.to_dict() for s in self.summaries],
            "follow_up_turns": self.follow_ups,
        }


@dataclass(frozen=True, slots=True)
class Monologue:
    words: int
    turns: list[int]  # the consecutive seller messages that form it

    def to_dict(self) -> dict[str, object]:
        return {"words": self.words, "turns": self.turns}


@dataclass(frozen=True, slots=True)
class BuyingSignal:
    turn: int
    picked_up: bool
    response_turn: int | None  # the seller message that picked it up
    response: str | None  # how: closing_attempt, summary or benefit
    answered: bool  # False when no seller message follows (the transcript ends): not scored

    def to_dict(self) -> dict[str, object]:
        return {
            "turn": self.turn,
            "picked_up": self.picked_up,
            "response_turn": self.response_turn,
            "response": self.response,
            "answered": self.answered,
        }


@dataclass(frozen=True, slots=True)
class ClosingAttempt:
    turn: int
    premature: bool
    result: str  # accepted | objection | neutral | no_reply
    result_turn: int | None

    def to_dict(self) -> dict[str, object]:
        return {
            "turn": self.turn,
            "premature": self.premature,
            "result": self.result,
            "result_turn": self.result_turn,
        }


@dataclass(frozen=True, slots=True)
class ObjectionRecord:
    turn: int
    acknowledged: int | None  # turn of the seller's acknowledgement, if any
    explored: int | None  # turn of a follow-up or open question about it
    benefit: int | None  # turn of an answer with a benefit
    resolved: bool
    answered: bool  # False when no seller message follows: not scored

    @property
    def handled(self) -> bool:
        # Acknowledging alone ("ik begrijp het") is not handling: the seller must explore it or answer it.
        return self.explored is not None or self.benefit is not None

    def to_dict(self) -> dict[str, object]:
        return {
            "turn": self.turn,
            "handled": self.handled,
            "resolved": self.resolved,
            "acknowledged_turn": self.acknowledged,
            "explored_turn": self.explored,
            "benefit_turn": self.benefit,
            "answered": self.answered,
        }


@dataclass(frozen=True, slots=True)
class NeedEvidence:
    turn: int
    via: str  # explicit_need | problem_cue | pain_topic | answer_to_<spin>

    def to_dict(self) -> dict[str, object]:
        return {"turn": self.turn, "via": self.via}


@dataclass(frozen=True, slots=True)
class Structure:
    greeting: int | None
    introduction: int | None
    agenda: int | None
    phases: dict[str, int | None]  # first turn at which each phase was reached

    def to_dict(self) -> dict[str, object]:
        return {
            "opening": {"greeting": self.greeting, "introduction": self.introduction, "agenda": self.agenda},
            "phases": self.phases,
            "phases_reached": [p for p in PHASES if self.phases[p] is not None],
        }


@dataclass(frozen=True, slots=True)
class OutcomeInference:
    outcome: Outcome
    source: str  # given | inferred
    rule: str  # which inference rule decided it
    turns: list[int] = field(default_factory=list)
    cue: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"source": self.source, "rule": self.rule, "turns": self.turns, "cue": self.cue}


@dataclass(frozen=True, slots=True)
class Metrics:
    spin: SpinMetrics
    questions: QuestionMetrics
    lsd: LsdMetrics
    seller_words: int
    customer_words: int
    longest_monologue: Monologue
    needs: list[NeedEvidence]
    buying_signals: list[BuyingSignal]
    closing_attempts: list[ClosingAttempt]
    objections: list[ObjectionRecord]
    structure: Structure
    outcome: OutcomeInference

    @property
    def talk_share(self) -> float:
        total = self.seller_words + self.customer_words
        return self.seller_words / total if total else 0.0


# ---------------------------------------------------------------------------------------------------
def _seller_after(turns: Sequence[Turn], position: int, limit: int, stop_at: str | None = None) -> list[Turn]:
    """Up to `limit` seller turns after turns[position]; stops early at a customer turn with `stop_at`."""
    found: list[Turn] = []
    for turn in turns[position + 1 :]:
        if turn.role == "customer" and stop_at and turn.has(stop_at):
            break
        if turn.role == "seller":
            found.append(turn)
            if len(found) == limit:
                break
    return found


def _next_customer(turns: Sequence[Turn], position: int) -> Turn | None:
    """The customer's reply to turns[position]: the next customer turn (a seller may send two messages
    before the customer answers)."""
    for turn in turns[position + 1 :]:
        if turn.role == "customer":
            return turn
    return None


def _denies(turn: Turn) -> bool:
    """A reply that says there is no problem: a "no problem" phrase anywhere, or a short reply opening
    with a plain no. ("Not really, people double-book rooms all the time" answers "Are you happy?" with a
    problem, so a long reply opening with "not really" is not a denial.)"""
    if find_cue(turn.text, cues("no_problem")):
        return True
    return turn.words < 5 and starts_with_cue(turn.text, cues("denial")) is not None


def _agrees(turn: Turn) -> bool:
    """The customer agrees: a confirmation or an agreement word, and not a message that opens with a denial
    ("Nee, dat komt niet goed uit" contains "goed") or objects."""
    if turn.has("objection") or starts_with_cue(turn.text, cues("denial")):
        return False
    return turn.has("confirmation") or find_cue(turn.text, cues("agreement")) is not None


def spin_metrics(turns: Sequence[Turn]) -> SpinMetrics:
    by_type: dict[str, list[int]] = {s: [] for s in SPIN_TYPES}
    flow: list[tuple[int, Spin]] = []
    for turn in turns:
        spin = turn.analysis.spin
        if turn.role == "seller" and spin is not None:
            by_type[spin].append(turn.index)
            flow.append((turn.index, spin))
    firsts = [by_type[s][0] for s in ("problem", "implication", "need_payoff") if by_type[s]]
    in_order = len(firsts) >= 2 and firsts == sorted(firsts)
    deep = by_type["implication"] or by_type["need_payoff"]
    weak = len(by_type["situation"]) >= 3 and not deep
    return SpinMetrics(
        counts={s: len(by_type[s]) for s in SPIN_TYPES}, turns=by_type, flow=flow, in_order=in_order,
        weak_pattern=weak,
    )


def question_metrics(turns: Sequence[Turn]) -> QuestionMetrics:
    total = len(turns)
    open_: list[int] = []
    closed: list[int] = []
    thirds = [0, 0, 0]
    discovery = [0, 0, 0]
    for turn in turns:
        if turn.role != "seller" or turn.analysis.question is None:
            continue
        (open_ if turn.analysis.question == "open" else closed).append(turn.index)
        third = min(2, (turn.index - 1) * 3 // total)
        thirds[third] += 1
        if not turn.has("closing_attempt"):
            discovery[third] += 1
    return QuestionMetrics(open=open_, closed=closed, by_third=(thirds[0], thirds[1], thirds[2]),
                           discovery_by_third=(discovery[0], discovery[1], discovery[2]))


def lsd_metrics(turns: Sequence[Turn]) -> LsdMetrics:
    acks, follow_ups, summaries = [], [], []
    for position, turn in enumerate(turns):
        if turn.role != "seller":
            continue
        if turn.has("acknowledgement"):
            acks.append(turn.index)
        if turn.has("follow_up"):
            follow_ups.append(turn.index)
        if turn.has("summary"):
            reply = _next_customer(turns, position)
            confirmed = reply is not None and reply.has("confirmation") and not reply.has("objection")
            summaries.append(Summary(turn.index, confirmed, reply.index if confirmed and reply else None))
    return LsdMetrics(acknowledgements=acks, summaries=summaries, follow_ups=follow_ups)


def longest_monologue(turns: Sequence[Turn]) -> Monologue:
    """The most seller words without a customer message in between. In a chat that is mostly the longest
    seller message, but a seller who sends three messages in a row talks for all three."""
    best = Monologue(0, [])
    run_words, run_turns = 0, []
    for turn in turns:
        if turn.role == "seller":
            run_words += turn.words
            run_turns.append(turn.index)
            if run_words > best.words:
                best = Monologue(run_words, list(run_turns))
        else:
            run_words, run_turns = 0, []
    return best


def customer_needs(turns: Sequence[Turn], scenario: Scenario | None) -> list[NeedEvidence]:
    """Where the customer revealed a need: an explicit need, a problem statement, a scenario pain topic, or
    a (non-denying, non-objecting) answer to a problem/implication/need-payoff question."""
    problem_cues = cues("problem")
    pain_topics = [t for pain in scenario.pains for t in pain.topic] if scenario else []
    pain_lines = _scenario_pain_lines(scenario)
    fact_lines = [_normalise(line) for fact in scenario.facts for line in fact.reply] if scenario else []
    needs: list[NeedEvidence] = []
    previous_seller: Turn | None = None
    answers_question = False
    for turn in turns:
        if turn.role == "seller":
            previous_seller = turn
            # A close is asked as a question too, but the answer to it is about the close, not a pain.
            answers_question = turn.analysis.question is not None and not turn.has("closing_attempt")
            continue
        if turn.has("objection"):
            continue
        via: str | None = None
        if turn.has("explicit_need"):
            via = "explicit_need"
        elif _denies(turn):  # "geen problemen met de koeling" names the topic but denies the pain
            via = None
        elif _says_line(turn.text, fact_lines) and not _says_line(turn.text, pain_lines):
            # The simulated customer gave one of the scenario's facts ("Elk team heeft een planner die het
            # rooster in Excel maakt"): the situation, however many topic words it has, not a need.
            via = None
        elif find_cue(turn.text, pain_topics) and (answers_question or _says_line(turn.text, pain_lines)):
            # Topic words are broad ("snel", "lang", "warm"): "Zover zijn we nog lang niet" after a close or
            # "Alle installateurs zeggen dat ze snel zijn" after a pitch names no pain. A topic word counts
            # in an answer to a question, or when the customer says one of the scenario's pain lines.
            via = "pain_topic"
        elif find_cue(turn.text, problem_cues):
            via = "problem_cue"
        elif (
            previous_seller is not None
            and previous_seller.analysis.spin in ("problem", "implication", "need_payoff")
            and turn.words >= 3
        ):
            via = f"answer_to_{previous_seller.analysis.spin}"
        if via:
            needs.append(NeedEvidence(turn.index, via))
    return needs


def _picks_up(seller: Turn) -> str | None:
    """How a seller message takes up a buying signal: a closing attempt or a summary (a summary close).
    Not a benefit statement: answering "Kunnen we het eerst bij twee filialen proberen?" with a pitch leaves
    the customer's request unanswered (the engine counts it as an ignored signal too), so it must not be
    praised as picking it up."""
    return next((act for act in ("closing_attempt", "summary") if seller.has(act)), None)


def scripted_signal(turn: Turn) -> bool:
    """The message says one of the scenario's closing-signal lines (assess() adds that evidence)."""
    return any(e.rule.startswith("scenario.closing_signal:") for e in turn.analysis.evidence)


def buying_signals(
    turns: Sequence[Turn], objection_records: Sequence[ObjectionRecord] = ()
) -> list[BuyingSignal]:
    """Each customer buying signal and whether the seller took it up within the next two seller messages.

    An objection the customer raises after the signal, before it was taken up, takes precedence (the
    engine's rule): while it is open the window is paused, so acknowledging and exploring the objection is
    not ignoring the signal. The window starts again at the seller message that handled the objection
    (its benefit answer, else its exploring question): that message and the next two can take the signal
    up. An objection the seller never handled (acknowledged at most) pauses nothing.
    """
    records = {o.turn: o for o in objection_records}
    signals = []
    for position, turn in enumerate(turns):
        if turn.role != "customer" or not turn.has("buying_signal"):
            continue
        # "Dat klinkt interessant. Maar een vast contract is een flinke kostenpost": the "but" is what the
        # seller must answer. Closing on it would be wrong, so it is an objection, not a missed signal. A
        # scenario's own closing-signal line stays a signal whatever else the message says.
        if turn.has("objection") and not scripted_signal(turn):
            continue
        remaining = PICKUP_WINDOW
        answered = False
        resume_at: int | None = None  # while paused: the seller turn that handled the objection
        paused = False
        response: tuple[int, str] | None = None
        for later in turns[position + 1 :]:
            if paused:
                if later.index != resume_at:
                    continue
                paused, remaining = False, PICKUP_WINDOW + 1  # the handling message, then two more
            elif later.role == "customer":
                record = records.get(later.index)
                if later.has("objection") and record is not None:
                    resume_at = record.benefit if record.benefit is not None else record.explored
                    # An objection the seller never handled excuses nothing: the window runs on.
                    paused = resume_at is not None
                continue
            answered = True
            act = _picks_up(later)
            if act is not None:
                response = (later.index, act)
                break
            remaining -= 1
            if remaining == 0:
                break
        signals.append(
            BuyingSignal(
                turn=turn.index,
                picked_up=response is not None,
                response_turn=response[0] if response else None,
                response=response[1] if response else None,
                answered=answered or response is not None,
            )
        )
    return signals


def _scenario_pain_lines(scenario: Scenario | None) -> list[str]:
    """Every line the scenario's customer uses to reveal or deepen a pain, normalised for matching."""
    if scenario is None:
        return []
    lines: list[str] = []
    for pain in scenario.pains:
        lines.extend(pain.reply)
        for implication in pain.implications:
            lines.extend(implication.reply)
        if pain.need_payoff is not None:
            lines.extend(pain.need_payoff.reply)
    return [_normalise(line) for line in lines if line.strip()]


def _says_line(text: str, lines: Sequence[str]) -> bool:
    said = _normalise(text)
    return any(line in said for line in lines)


def _normalise(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def closing_attempts(turns: Sequence[Turn], needs: Sequence[NeedEvidence]) -> list[ClosingAttempt]:
    first_need = min((n.turn for n in needs), default=None)
    first_signal = next((t.index for t in turns if t.role == "customer" and t.has("buying_signal")), None)
    ready_from = min((t for t in (first_need, first_signal) if t is not None), default=None)
    attempts = []
    for position, turn in enumerate(turns):
        if turn.role != "seller" or not turn.has("closing_attempt"):
            continue
        reply = _next_customer(turns, position)
        if reply is None:
            result = "no_reply"
        elif reply.has("objection"):
            result = "objection"
        elif reply.has("buying_signal") or _agrees(reply):
            result = "accepted"
        else:
            result = "neutral"
        attempts.append(
            ClosingAttempt(
                turn=turn.index,
                premature=ready_from is None or ready_from > turn.index or _called_premature(reply),
                result=result,
                result_turn=reply.index if reply else None,
            )
        )
    return attempts


def _called_premature(reply: Turn | None) -> bool:
    """The simulated customer answered with its "too early" line ("Hang on, we've only just started
    talking."): the engine judged the close premature, and the report must not call it well timed."""
    return reply is not None and any(e.rule == "scenario.reply:premature_close" for e in reply.analysis.evidence)


def objections(turns: Sequence[Turn], outcome: Outcome) -> list[ObjectionRecord]:
    records = []
    for position, turn in enumerate(turns):
        if turn.role != "customer" or not turn.has("objection"):
            continue
        window = _seller_after(turns, position, RESPONSE_WINDOW, stop_at="objection")
        ack = next((t.index for t in window if t.has("acknowledgement")), None)
        explored = next((t.index for t in window if t.analysis.explores(turn.analysis.terms)), None)
        benefit = next((t.index for t in window if t.has("benefit")), None)
        later = [t for t in turns[position + 1 :] if t.role == "customer"]
        repeated = (bool(later) and later[0].has("objection")) or any(
            t.has("objection") and t.analysis.terms & turn.analysis.terms for t in later
        )
        # Moving on means buying: a signal, a stated need, or an order/advance. A bare "ja" is too cheap,
        # and "ja, bel me na de zomer" (a stall) is not the objection going away.
        moved_on = outcome in ("order", "advance") or any(
            (t.has("buying_signal") or t.has("explicit_need")) and not t.has("objection") for t in later
        )
        records.append(
            ObjectionRecord(
                turn=turn.index, acknowledged=ack, explored=explored, benefit=benefit,
                resolved=bool(window) and not repeated and moved_on, answered=bool(window),
            )
        )
    return records


def structure(turns: Sequence[Turn], signals: Sequence[BuyingSignal]) -> Structure:
    sellers = [t for t in turns if t.role == "seller"]
    opening = sellers[:OPENING_WINDOW]

    def first(candidates: Sequence[Turn], test: Callable[[Turn], bool]) -> int | None:
        return next((t.index for t in candidates if test(t)), None)

    greeting = first(opening, lambda t: t.has("greeting"))
    introduction = first(opening, lambda t: t.has("introduction"))
    agenda = first(opening, lambda t: t.has("agenda"))
    opened = [x for x in (greeting, introduction, agenda) if x is not None]
    information = first(sellers, lambda t: t.analysis.spin in ("situation", "problem") or t.has("follow_up"))
    last_seller = sellers[-1].index if sellers else 0
    # An objection opens the transformation phase only when the seller got to answer it: a call the
    # customer ends with "stuur me de brochure maar" did not reach that phase.
    transformation = first(
        turns,
        lambda t: (t.role == "seller" and (t.analysis.spin in ("implication", "need_payoff") or t.has("benefit")))
        or (t.role == "customer" and t.has("objection") and t.index < last_seller),
    )
    closing_starts = [t.index for t in sellers if t.has("closing_attempt")][:1] + [s.turn for s in signals][:1]
    closing = min(closing_starts, default=None)
    return Structure(
        greeting=greeting,
        introduction=introduction,
        agenda=agenda,
        phases={
            "opening": min(opened) if opened else None,
            "information": information,
            "transformation": transformation,
            "closing": closing,
        },
    )


def infer_outcome(turns: Sequence[Turn]) -> OutcomeInference:
    """Rackham's outcome from the end of the call (when the engine did not decide it).

    Reads the last two customer messages, latest first: a refusal -> no_sale; order words -> order;
    agreement right after a closing attempt -> order if the close asked for the order, advance if the close
    or the reply names a concrete customer step (demo, trial, meeting); a customer proposing a concrete
    step -> advance; otherwise continuation ("bel me volgende maand" and silence alike).
    """
    customers = [(p, t) for p, t in enumerate(turns) if t.role == "customer"]
    for position, turn in reversed(customers[-2:]):
        cue = find_cue(turn.text, cues("refusal"))
        if cue:
            return OutcomeInference("no_sale", "inferred", "outcome.refusal", [turn.index], cue)
        if turn.has("objection"):  # "ja, maar we hebben al een contract" is not an order
            break
        previous = turns[position - 1] if position > 0 else None
        # A seller question that names the order or a concrete step is a close, even if unlabelled.
        closed_before = previous is not None and previous.role == "seller" and (
            previous.has("closing_attempt")
            or (previous.analysis.question is not None
                and (find_cue(previous.text, cues("step")) or find_cue(previous.text, cues("order"))) is not None)
        )
        agreed = _agrees(turn)
        order_cue = find_cue(turn.text, cues("order"))
        if order_cue and (agreed or closed_before):
            return OutcomeInference("order", "inferred", "outcome.order_words", [turn.index], order_cue)
        if agreed and closed_before and previous is not None:
            asked_order = find_cue(previous.text, cues("order"))
            if asked_order:
                return OutcomeInference(
                    "order", "inferred", "outcome.close_accepted", [previous.index, turn.index], asked_order
                )
            step = find_cue(previous.text, cues("step")) or find_cue(turn.text, cues("step"))
            if step:
                return OutcomeInference(
                    "advance", "inferred", "outcome.step_agreed", [previous.index, turn.index], step
                )
        step = find_cue(turn.text, cues("step"))
        if step and agreed:
            return OutcomeInference("advance", "inferred", "outcome.step_proposed", [turn.index], step)
    last = [customers[-1][1].index] if customers else []
    cue = find_cue(customers[-1][1].text, cues("continuation")) if customers else None
    return OutcomeInference("continuation", "inferred", "outcome.no_commitment", last, cue)


def compute_metrics(turns: Sequence[Turn], scenario: Scenario | None, outcome: Outcome | None) -> Metrics:
    decided = (
        OutcomeInference(outcome, "given", "outcome.given", []) if outcome is not None else infer_outcome(turns)
    )
    needs = customer_needs(turns, scenario)
    objection_records = objections(turns, decided.outcome)
    signals = buying_signals(turns, objection_records)
    return Metrics(
        spin=spin_metrics(turns),
        questions=question_metrics(turns),
        lsd=lsd_metrics(turns),
        seller_words=sum(t.words for t in turns if t.role == "seller"),
        customer_words=sum(t.words for t in turns if t.role == "customer"),
        longest_monologue=longest_monologue(turns),
        needs=needs,
        buying_signals=signals,
        closing_attempts=closing_attempts(turns, needs),
        objections=objection_records,
        structure=structure(turns, signals),
        outcome=decided,
    )
