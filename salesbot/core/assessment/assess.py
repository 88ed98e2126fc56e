"""assess(): turn a conversation into metrics, a traced score and feedback (pure, deterministic)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from salesbot.core.analysis.types import Analysis, Evidence, Lang, Message, Role
from salesbot.core.assessment.feedback import Feedback, build_feedback
from salesbot.core.assessment.metrics import (
    BENCHMARK_MONOLOGUE_WORDS,
    BENCHMARK_QUESTIONS,
    BENCHMARK_TALK_SHARE_BEST,
    BENCHMARK_TALK_SHARE_MAX,
    Metrics,
    Turn,
    compute_metrics,
    word_count,
)
from salesbot.core.assessment.rubric import DIMENSIONS, DimensionName, RuleHit, Score, resolve_weights, score
from salesbot.core.scenario.model import Outcome, Scenario


class Analyzer(Protocol):
    """What assess() needs of salesbot.core.analysis.Analyzer (kept structural so tests can pass a fake)."""

    def analyze(
        self, text: str, role: Role = "seller", context: Sequence[Message] = (), lang: Lang | None = None
    ) -> Analysis: ...

    def detect_language(self, text: str) -> Lang: ...

REPORT_VERSION = 1


class EmptyTranscriptError(ValueError):
    """assess() was given no messages (or only empty ones)."""


@dataclass(frozen=True, slots=True)
class Assessment:
    lang: Lang
    scenario_id: str | None
    turns: tuple[Turn, ...]
    metrics: Metrics
    score: Score
    feedback: Feedback
    weights: dict[str, int]

    @property
    def outcome(self) -> Outcome:
        return self.metrics.outcome.outcome

    @property
    def total(self) -> float:
        return self.score.total

    def rules_for_turn(self, index: int) -> list[tuple[str, str, float]]:
        """(dimension, rule, points on the total) of every rule hit involving this turn, for annotating the
        transcript. A hit involving several messages shares its points evenly among them (so the
        annotations add up to the score); a missed criterion shows its lost points, negative, at the
        message where it was missed."""
        found: list[tuple[str, str, float]] = []
        for name in DIMENSIONS:
            dim = self.score.dimensions[name]
            if not dim.applicable:
                continue
            for hit in dim.rules:
                targets = hit.turns or ((hit.anchor,) if hit.anchor is not None else ())
                if index in targets:
                    value = self.effect(name, hit)
                    found.append((name, hit.rule, round(value / len(targets), 2)))
        return found

    def effect(self, dimension: DimensionName, hit: RuleHit) -> float:
        """A hit's signed effect on the total: what it earned, or (missed criterion, penalty) what it cost."""
        dim = self.score.dimensions[dimension]
        return dim.impact(hit) if hit.status in ("earned", "partial") else -dim.lost(hit)

    def to_dict(self) -> dict[str, object]:
        m = self.metrics
        dims: dict[str, object] = {}
        for name in DIMENSIONS:
            d = self.score.dimensions[name]
            dims[name] = {
                "score": d.score,
                "points": d.points,
                "weight": d.weight,
                "effective_weight": d.effective_weight,
                "applicable": d.applicable,
                "raw": d.raw,
                "max": d.max,
                "rules": [
                    {
                        "rule": h.rule,
                        "status": h.status,
                        "points": h.points,
                        "max": h.max,
                        "impact": round(self.effect(name, h), 2),
                        "turns": list(h.turns),
                        "anchor": h.anchor,
                        **({"detail": h.detail} if h.detail else {}),
                    }
                    for h in d.rules
                ],
            }
        return {
            "version": REPORT_VERSION,
            "lang": self.lang,
            "scenario": self.scenario_id,
            "score": {"total": self.score.total, "weights": self.weights, "dimensions": dims},
            "spin": m.spin.to_dict(),
            "questions": m.questions.to_dict(),
            "lsd": m.lsd.to_dict(),
            "talk_share": round(m.talk_share, 3),
            "words": {"seller": m.seller_words, "customer": m.customer_words},
            "longest_monologue": m.longest_monologue.to_dict(),
            "benchmarks": {
                "approximation": True,
                "talk_share_best": BENCHMARK_TALK_SHARE_BEST,
                "talk_share_max": BENCHMARK_TALK_SHARE_MAX,
                "questions_discovery": list(BENCHMARK_QUESTIONS),
                "monologue_words_max": BENCHMARK_MONOLOGUE_WORDS,
            },
            "needs": [n.to_dict() for n in m.needs],
            "buying_signals": [s.to_dict() for s in m.buying_signals],
            "closing_attempts": [c.to_dict() for c in m.closing_attempts],
            "objections": [o.to_dict() for o in m.objections],
            "structure": m.structure.to_dict(),
            "outcome": m.outcome.outcome,
            "outcome_detail": m.outcome.to_dict(),
            "turns": [
                {
                    "index": t.index,
                    "role": t.role,
                    "text": t.text,
                    "words": t.words,
                    "analysis": t.analysis.to_dict(),
                    "rules": [{"dimension": d, "rule": r, "points": p} for d, r, p in self.rules_for_turn(t.index)],
                }
                for t in self.turns
            ],
            "feedback": self.feedback.to_dict(),
        }


def _conversation_language(messages: Sequence[Message], analyzer: Analyzer) -> Lang:
    seller = " ".join(m.text for m in messages if m.role == "seller")
    return analyzer.detect_language(seller or " ".join(m.text for m in messages))


def _anchors(turns: Sequence[Turn], m: Metrics) -> dict[str, int | None]:
    """Which message feedback quotes when a criterion was missed (there is no message that earned it)."""
    sellers = [t for t in turns if t.role == "seller"]
    customers = [t for t in turns if t.role == "customer"]
    first_seller = sellers[0].index if sellers else None
    last_seller = sellers[-1].index if sellers else None
    # Only a customer message the seller got to answer can be quoted as a missed chance to listen: the
    # engine may end the call with two customer lines in a row.
    answered = [t for t in customers if last_seller is not None and t.index < last_seller]
    answered_ids = {t.index for t in answered}
    longest_customer = max(answered, key=lambda t: (t.words, -t.index)).index if answered else None
    spin = m.spin.turns
    first_need = m.needs[0].turn if m.needs else None
    first_objection = m.objections[0].turn if m.objections else None

    def last(*candidates: list[int] | int | None) -> int | None:
        for c in candidates:
            if isinstance(c, list) and c:
                return c[-1]
            if isinstance(c, int):
                return c
        return None

    def not_followed_by(act: str, candidates: list[Turn]) -> int | None:
        """The first candidate customer message whose next seller message lacks `act` (a message the
        seller never got to answer is no missed chance)."""
        for candidate in candidates:
            after = next((t for t in turns if t.index > candidate.index and t.role == "seller"), None)
            if after is not None and not after.has(act):
                return candidate.index
        return None

    need_turns = {n.turn for n in m.needs} | {o.turn for o in m.objections}
    pains = [t for t in customers if t.index in need_turns]
    by_length = sorted(customers, key=lambda t: (-t.words, t.index))
    # A buying signal is answered with a close, not a summary or a "what do you mean?": quoting one as a
    # missed chance to summarise would contradict the praise for picking it up.
    listening = [t for t in by_length if not t.has("buying_signal")]
    longest_listening = next((t.index for t in listening if t.index in answered_ids), None)
    closed = m.questions.closed
    by_index = {t.index: t for t in turns}
    premature = [c.turn for c in m.closing_attempts if c.premature]
    return {
        "first_seller": first_seller,
        "spin.situation_asked": first_seller,
        # Feedback says "after your situation question at turn N": with no situation question it must not
        # quote the greeting as one; an anchor of None picks the template without a quote.
        "spin.problem_asked": last(spin["situation"]),
        "spin.implication_asked": first_need or last(spin["problem"], spin["situation"]),
        "spin.need_payoff_asked": last(spin["implication"], first_need, spin["problem"], spin["situation"]),
        "spin.progression": last(spin["situation"]),
        # A discovery question asked closed is the one to rephrase, not the time check "Schikt een kwartier?".
        "spin.open_questions": next((i for i in closed if by_index[i].analysis.spin), closed[0] if closed else first_seller),
        "spin.questions_spread": first_seller,
        "lsd.acknowledgement": not_followed_by("acknowledgement", pains) or first_need or first_objection
        or longest_customer,
        "lsd.summary": not_followed_by("summary", listening) or longest_listening,
        "lsd.follow_up": not_followed_by("follow_up", listening) or longest_listening,
        "closing.no_attempt": premature[-1] if premature else last_seller,
        "closing.commitment": customers[-1].index if customers else last_seller,
        "structure.phase_information": first_seller,
        "structure.phase_transformation": last(spin["problem"], first_need, first_seller),
        "structure.phase_closing": last_seller,
        "structure.explicit_need": last(spin["need_payoff"], spin["implication"], first_seller),
    }


def _analyzer_for(scenario: Scenario | None) -> Analyzer:
    """The bundled analyser, with the scenario's extra cue phrases when it has any. Imported here: the
    analyser loads its language data on first use, and callers that pass their own need none of it."""
    import importlib

    analysis = importlib.import_module("salesbot.core.analysis")
    if not hasattr(analysis, "default_analyzer"):  # the package may not re-export it yet
        analysis = importlib.import_module("salesbot.core.analysis.analyzer")
    if scenario is not None and scenario.cues:
        made: Analyzer = analysis.Analyzer(extra_cues=scenario.cues)
        return made
    shared: Analyzer = analysis.default_analyzer()
    return shared


def _scenario_lines(scenario: Scenario) -> list[tuple[str, str, str]]:
    """(normalised text, act, rule) of the customer lines a scenario scripts: its closing signals,
    objections and need-payoff replies, and with no act ("") its facts, pains, implications and the
    replies about an objection. The engine says these verbatim, so in a played session they are known
    signals, objections, explicit needs or plain answers whatever the analyser makes of them."""
    lines: list[tuple[str, str, str]] = []
    for fact in scenario.facts:
        lines += [(_normal(v), "", f"scenario.fact:{fact.id}") for v in fact.reply]
    for pain in scenario.pains:
        lines += [(_normal(v), "", f"scenario.pain:{pain.id}") for v in pain.reply]
        for implication in pain.implications:
            lines += [(_normal(v), "", f"scenario.implication:{implication.id}") for v in implication.reply]
    for objection in scenario.objections:
        replies = (objection.explore_reply or []) + (objection.resolved_reply or [])
        lines += [(_normal(v), "", f"scenario.objection_reply:{objection.id}") for v in replies]
    for signal in scenario.closing_signals:
        lines += [(_normal(v), "buying_signal", f"scenario.closing_signal:{signal.id}") for v in signal.text]
    for objection in scenario.objections:
        lines += [(_normal(v), "objection", f"scenario.objection:{objection.id}") for v in objection.text]
    for pain in scenario.pains:
        if pain.need_payoff is not None:
            lines += [(_normal(v), "explicit_need", f"scenario.need_payoff:{pain.id}") for v in pain.need_payoff.reply]
    return [line for line in lines if line[0]]


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


# The simulated customer's stock reactions (scenario `replies:` over the engine's language defaults). In a
# played session the analyser would read "Sounds fancy. But what would that change for us?" (a pitch too
# early) or "Look, what are you actually selling me?" (impatience) as questions about the offer, i.e.
# buying signals, and a trainee who pitched and pushed would be praised for "picking them up". The engine
# says these lines on their own or after an answer ("Fuel is our biggest cost. Look, what are you actually
# selling me?"), so they are recognised as whole sentences anywhere in a customer message.
RESISTANCE_REPLIES = ("premature_close", "close_blocked")  # the customer pushes back on a close
CONFIRMING_REPLIES = ("summary_confirmed",)  # the customer agrees with a summary
NEUTRAL_REPLIES = (
    "opening", "greeting", "introduction", "agenda", "summary_confirmed", "pitch_too_early", "feature_neutral",
    "impatient", "already_told", "fallback", "acknowledged", "elaborate", "vague_problem", "vague_need",
    "objection_pending", "objection_explore", "signal_faded",
)
_SENTENCE_END = ".?!…"

Span = tuple[int, int]


def _stock_replies(scenario: Scenario) -> dict[str, str]:
    """Normalised stock reply -> its situation, for the scenario's language (placeholder lines skipped)."""
    defaults = _engine_defaults(scenario.language)
    situations: dict[str, list[str]] = {}
    for key in RESISTANCE_REPLIES + NEUTRAL_REPLIES:
        lines = defaults.get(key)
        situations[key] = [str(line) for line in lines] if isinstance(lines, list) else []
    if scenario.replies is not None:
        for key in situations:
            own = getattr(scenario.replies, key, None)
            if own:
                situations[key] = list(own)
    return {_normal(line): key for key, lines in situations.items() for line in lines
            if isinstance(line, str) and "{" not in line and line.strip()}


def _engine_defaults(lang: Lang) -> dict[str, object]:
    """The engine's default reply lists (its bundled data file); empty if it cannot be read."""
    from importlib import resources

    import yaml

    try:
        text = resources.files("salesbot.core.engine").joinpath("data", f"{lang}.yaml").read_text("utf-8")
        replies = (yaml.safe_load(text) or {}).get("replies")
    except (OSError, ModuleNotFoundError, yaml.YAMLError, AttributeError):
        return {}
    return replies if isinstance(replies, dict) else {}


def _occurrences(message: str, line: str) -> list[Span]:
    """Every (start, end) of `line` in `message` (both normalised)."""
    spans: list[Span] = []
    start = message.find(line)
    while start != -1 and line:
        spans.append((start, start + len(line)))
        start = message.find(line, start + 1)
    return spans


def _sentence_spans(message: str, line: str) -> list[Span]:
    """Where `line` occurs in `message` as whole sentences: at the start or after a sentence end, and up
    to the end or a sentence end ("ja." is not found in "mija. ..." nor "Zoals gezegd" in "Zoals gezegd
    staat het ...")."""
    found = []
    for start, end in _occurrences(message, line):
        before = start == 0 or (message[start - 1] == " " and start >= 2 and message[start - 2] in _SENTENCE_END)
        after = end == len(message) or (message[end] == " " and line[-1] in _SENTENCE_END)
        if before and after:
            found.append((start, end))
    return found


def _covers(message: str, spans: Sequence[Span]) -> bool:
    """Do the spans cover every non-space character of the message?"""
    covered = [False] * len(message)
    for start, end in spans:
        covered[start:end] = [True] * (end - start)
    return all(done or char == " " for done, char in zip(covered, message, strict=True))


def _inside(match: str, message: str, spans: Sequence[Span]) -> bool:
    """Does the evidence's matched text occur in the message only inside the spans? (An empty or
    unlocatable match cannot be attributed to a span.)"""
    where = _occurrences(message, _normal(match))
    return bool(where) and all(any(s <= start and end <= e for s, e in spans) for start, end in where)


def _found_inside(message: str, spans: Sequence[Span]) -> Callable[[Evidence], bool]:
    """Selects the evidence whose matched text lies only inside the spans of the message."""
    return lambda e: _inside(e.match, message, spans)


def _without_evidence(
    acts: Sequence[str], evidence: Sequence[Evidence], act: str, drop: Callable[[Evidence], bool]
) -> tuple[list[str], list[Evidence]]:
    """The acts and evidence without the `act` evidence `drop` selects, and without the act itself when no
    evidence for it remains (it was there only because of the dropped text)."""
    label = f"act={act}"
    kept = [e for e in evidence if not (e.label == label and drop(e))]
    left = list(acts)
    if act in left and len(kept) < len(evidence) and not any(e.label == label for e in kept):
        left.remove(act)
    return left, kept


def _with_stock_reply(analysis: Analysis, text: str, stock: dict[str, str]) -> Analysis:
    """Stock reactions in the message are never a buying signal; a push-back on a close is an objection.
    A message that is nothing but stock lines loses its buying_signal; a message with other sentences loses
    only the signal evidence found inside the stock lines (the rest may still be a real signal)."""
    message = _normal(text)
    found = [(span, key) for line, key in stock.items() for span in _sentence_spans(message, line)]
    if not found:
        return analysis
    spans = [span for span, _ in found]
    whole = _covers(message, spans)
    acts, evidence = _without_evidence(
        analysis.acts, analysis.evidence, "buying_signal", lambda e: whole or _inside(e.match, message, spans)
    )
    if whole and "buying_signal" in acts:
        acts.remove("buying_signal")
        evidence = [e for e in evidence if e.label != "act=buying_signal"]
    first = min(found)
    key, line = first[1], message[first[0][0] : first[0][1]]
    resistance = next(((span, k) for span, k in sorted(found) if k in RESISTANCE_REPLIES), None)
    if resistance is not None and "objection" not in acts:
        (start, end), key = resistance
        acts.append("objection")
        evidence.append(Evidence(label="act=objection", rule=f"scenario.reply:{key}", match=message[start:end][:80]))
    elif len(acts) < len(analysis.acts):
        evidence.append(Evidence(label="act!=buying_signal", rule=f"scenario.reply:{key}", match=line[:80]))
    confirmed = next(((span, k) for span, k in sorted(found) if k in CONFIRMING_REPLIES), None)
    if confirmed is not None and "confirmation" not in acts:
        # The engine said its "summary confirmed" line: the summary was confirmed, whatever the words.
        (start, end), key = confirmed
        acts.append("confirmation")
        evidence.append(Evidence(label="act=confirmation", rule=f"scenario.reply:{key}", match=message[start:end][:80]))
    if acts == list(analysis.acts):
        return analysis
    return replace(analysis, acts=tuple(acts), evidence=tuple(evidence))


def _with_scenario_acts(analysis: Analysis, text: str, lines: Sequence[tuple[str, str, str]]) -> Analysis:
    """Add the acts of scripted customer lines found in the message, with their evidence. A closing-signal
    line is a buying signal whatever the analyser read into it: an objection found only inside that line
    ("... proberen?" as a risk) is dropped, one in another sentence stays. Likewise a scripted answer (a
    fact, a pain, an implication) is neither an objection nor a buying signal: "Daar wil ik geen risico mee
    lopen" after the food-safety implication is the pain speaking, not resistance to the offer."""
    message = _normal(text)
    acts, evidence = list(analysis.acts), list(analysis.evidence)
    signal_spans: list[Span] = []
    for line, act, rule in lines:
        if not act and line in message:
            spans = _occurrences(message, line)
            for customer_act in ("objection", "buying_signal"):
                before = len(evidence)
                acts, evidence = _without_evidence(
                    acts, evidence, customer_act, _found_inside(message, spans)
                )
                if len(evidence) < before:  # say which scripted line it was
                    evidence.append(Evidence(label=f"act!={customer_act}", rule=rule, match=line[:80]))
    for line, act, rule in lines:
        if not act or line not in message:
            continue
        if act == "buying_signal":
            signal_spans += _occurrences(message, line)
            evidence.append(Evidence(label="act=buying_signal", rule=rule, match=line[:80]))
        elif act not in acts:
            evidence.append(Evidence(label=f"act={act}", rule=rule, match=line[:80]))
        if act not in acts:
            acts.append(act)
    if signal_spans:
        acts, evidence = _without_evidence(acts, evidence, "objection", _found_inside(message, signal_spans))
    if acts == list(analysis.acts) and evidence == list(analysis.evidence):
        return analysis
    return replace(analysis, acts=tuple(acts), evidence=tuple(evidence))


def assess(
    messages: Sequence[Message],
    scenario: Scenario | None = None,
    analyzer: Analyzer | None = None,
    outcome: Outcome | None = None,
    lang: Lang | None = None,
) -> Assessment:
    """Assess a conversation. `outcome` is the engine's decision for played sessions, inferred from the
    last messages otherwise; `lang` forces the language (default: the scenario's, else detected).
    Raises EmptyTranscriptError when there is nothing to assess."""
    kept = [m for m in messages if m.text.strip()]
    if not kept:
        raise EmptyTranscriptError("the transcript has no messages")
    if analyzer is None:
        analyzer = _analyzer_for(scenario)
    language: Lang = lang or (scenario.language if scenario else _conversation_language(kept, analyzer))
    scripted = _scenario_lines(scenario) if scenario else []
    stock = _stock_replies(scenario) if scenario else {}
    turns: list[Turn] = []
    for position, message in enumerate(kept):
        analysis = analyzer.analyze(message.text, role=message.role, context=kept[:position], lang=language)
        if stock and message.role == "customer":
            analysis = _with_stock_reply(analysis, message.text, stock)
        if scripted and message.role == "customer":
            analysis = _with_scenario_acts(analysis, message.text, scripted)
        turns.append(Turn(position + 1, message.role, message.text, analysis, word_count(message.text)))
    metrics = compute_metrics(turns, scenario, outcome)
    custom = {str(k): v for k, v in scenario.rubric.weights.items()} if scenario and scenario.rubric else None
    weights = resolve_weights(custom)
    scored = score(metrics, weights, _anchors(turns, metrics))
    return Assessment(
        lang=language,
        scenario_id=scenario.id if scenario else None,
        turns=tuple(turns),
        metrics=metrics,
        score=scored,
        feedback=build_feedback(scored, turns, language),
        weights={name: weights[name] for name in DIMENSIONS},
    )
