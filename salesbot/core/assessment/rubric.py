"""The rubric: five weighted dimensions, each scored from named rules, so every point has a reason.

Each dimension has criteria worth a fixed number of raw points (they add up to 100 when all apply). A
rule hit records the points earned (or, for a penalty, lost), the most it could have earned, and the turns
involved. A dimension's score is its raw points, clamped to 0..max, as a percentage of the points that
could apply: a criterion that cannot apply (no buying signal was given, so none could be missed) is left
out of the maximum instead of being given away or held against the trainee. A dimension with no
applicable criterion at all (no objection was raised) is "not applicable": its weight is shared out over
the other dimensions in proportion to their weights.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from salesbot.core.assessment.metrics import BENCHMARK_MONOLOGUE_WORDS, BENCHMARK_TALK_SHARE_MAX, Metrics

DimensionName = Literal["spin", "lsd", "closing", "objections", "structure"]
DIMENSIONS: tuple[DimensionName, ...] = ("spin", "lsd", "closing", "objections", "structure")
DEFAULT_WEIGHTS: dict[DimensionName, int] = {"spin": 30, "lsd": 25, "closing": 25, "objections": 10, "structure": 10}


@dataclass(frozen=True, slots=True)
class RuleHit:
    rule: str  # e.g. "spin.implication_asked"
    points: float  # earned (>= 0) or, for a penalty, lost (< 0)
    max: float  # what this hit could have earned (0 for a penalty)
    turns: tuple[int, ...] = ()
    anchor: int | None = None  # the turn feedback quotes (the message that earned/cost it)
    detail: dict[str, object] = field(default_factory=dict)

    @property
    def status(self) -> str:
        if self.points < 0:
            return "penalty"
        if self.points >= self.max:
            return "earned"
        return "partial" if self.points > 0 else "missed"


@dataclass(frozen=True, slots=True)
class Dimension:
    name: DimensionName
    weight: float  # the rubric weight as written
    applicable: bool
    max: float  # raw points that could apply
    raw: float  # sum of the rule points
    score: float  # 0..100: clamp(raw, 0, max) / max
    points: float  # contribution to the total (0..effective weight)
    effective_weight: float  # weight after sharing out the weights of inapplicable dimensions (sums to 100)
    rules: tuple[RuleHit, ...]

    def impact(self, hit: RuleHit) -> float:
        """What a hit earned (positive) or cost (negative) on the 0-100 total."""
        return hit.points / self.max * self.effective_weight if self.max else 0.0

    def lost(self, hit: RuleHit) -> float:
        """Total points a hit left on the table: the unearned part of a criterion, or the penalty."""
        if not self.max:
            return 0.0
        missing = (hit.max - hit.points) if hit.points >= 0 else -hit.points
        return missing / self.max * self.effective_weight


@dataclass(frozen=True, slots=True)
class Score:
    total: float
    dimensions: dict[DimensionName, Dimension]


def resolve_weights(custom: Mapping[str, int] | None) -> dict[DimensionName, int]:
    """The rubric's weights; a scenario's rubric lists exactly the dimensions that count (missing = 0)."""
    if custom is None:
        return dict(DEFAULT_WEIGHTS)
    return {name: int(custom.get(name, 0)) for name in DIMENSIONS}


# ---------------------------------------------------------------------------------------------------
# Criteria per dimension. Each returns (hits, max raw points that apply).

def _count_rule(rule: str, turns: list[int], each: float, cap: int, anchor_if_none: int | None) -> list[RuleHit]:
    """One hit per instance up to `cap` instances, plus one missed hit for the instances short of `cap`."""
    hits = [RuleHit(rule, each, each, (t,), t) for t in turns[:cap]]
    if len(turns) < cap:  # the instances that were not there: visible as points left on the table
        hits.append(RuleHit(rule, 0.0, each * (cap - len(turns)), (), anchor_if_none, {"count": len(turns)}))
    return hits


def spin_rules(m: Metrics, anchors: Mapping[str, int | None]) -> tuple[list[RuleHit], float]:
    hits: list[RuleHit] = []
    worth = {"situation": 10.0, "problem": 20.0, "implication": 20.0, "need_payoff": 20.0}
    for spin, value in worth.items():
        turns = m.spin.turns[spin]
        hits.append(
            RuleHit(f"spin.{spin}_asked", value if turns else 0.0, value, tuple(turns),
                    turns[0] if turns else anchors.get(f"spin.{spin}_asked"))
        )
    reached = [s for s in ("problem", "implication", "need_payoff") if m.spin.turns[s]]
    hits.append(
        RuleHit("spin.progression", 10.0 if m.spin.in_order else 0.0, 10.0,
                tuple(m.spin.turns[s][0] for s in reached), anchors.get("spin.progression"),
                {"reached": reached})
    )
    q = m.questions
    open_share = len(q.open) / q.total if q.total else 0.0
    hits.append(
        RuleHit("spin.open_questions", round(10.0 * min(1.0, open_share / 0.5), 2), 10.0, tuple(q.open),
                q.open[0] if q.open else anchors.get("spin.open_questions"), {"open_share": round(open_share, 3)})
    )
    thirds = sum(1 for n in q.discovery_by_third if n)
    closes = {c.turn for c in m.closing_attempts}
    hits.append(
        RuleHit("spin.questions_spread", {0: 0.0, 1: 5.0}.get(thirds, 10.0), 10.0,
                tuple(t for t in sorted(q.open + q.closed) if t not in closes),
                anchors.get("spin.questions_spread"), {"by_third": list(q.discovery_by_third)})
    )
    if m.spin.weak_pattern:
        hits.append(
            RuleHit("spin.situation_overload", -15.0, 0.0, tuple(m.spin.turns["situation"]),
                    m.spin.turns["situation"][-1], {"situation": len(m.spin.turns["situation"])})
        )
    return hits, 100.0


def lsd_rules(m: Metrics, anchors: Mapping[str, int | None]) -> tuple[list[RuleHit], float]:
    hits = _count_rule("lsd.acknowledgement", m.lsd.acknowledgements, 12.5, 2, anchors.get("lsd.acknowledgement"))
    hits += _count_rule("lsd.summary", [s.turn for s in m.lsd.summaries], 12.5, 2, anchors.get("lsd.summary"))
    confirmed = [s for s in m.lsd.summaries if s.confirmed]
    if confirmed:
        first = confirmed[0]
        hits.append(RuleHit("lsd.summary_confirmed", 20.0, 20.0, (first.turn, first.confirm_turn or first.turn), first.turn))
    else:
        anchor = m.lsd.summaries[0].turn if m.lsd.summaries else anchors.get("lsd.summary")
        hits.append(RuleHit("lsd.summary_confirmed", 0.0, 20.0, tuple(s.turn for s in m.lsd.summaries), anchor))
    hits += _count_rule("lsd.follow_up", m.lsd.follow_ups, 10.0, 3, anchors.get("lsd.follow_up"))
    if m.customer_words and m.talk_share > BENCHMARK_TALK_SHARE_MAX:
        hits.append(
            RuleHit("lsd.talk_share_high", -10.0, 0.0, tuple(m.longest_monologue.turns),
                    m.longest_monologue.turns[0] if m.longest_monologue.turns else None,
                    {"talk_share": round(m.talk_share, 3)})
        )
    if m.longest_monologue.words > BENCHMARK_MONOLOGUE_WORDS:
        hits.append(
            RuleHit("lsd.long_monologue", -10.0, 0.0, tuple(m.longest_monologue.turns),
                    m.longest_monologue.turns[0], {"words": m.longest_monologue.words})
        )
    return hits, 100.0


def closing_rules(m: Metrics, anchors: Mapping[str, int | None]) -> tuple[list[RuleHit], float]:
    hits: list[RuleHit] = []
    applicable = 0.0
    scored = [s for s in m.buying_signals if s.answered]
    if scored:
        applicable += 40.0
        share = 40.0 / len(scored)
        for s in scored:
            if s.picked_up:
                hits.append(RuleHit("closing.signal_picked_up", round(share, 2), round(share, 2),
                                    (s.turn, s.response_turn or s.turn), s.turn, {"response": s.response}))
            else:
                hits.append(RuleHit("closing.signal_missed", 0.0, round(share, 2), (s.turn,), s.turn))
    applicable += 30.0
    timely = [c for c in m.closing_attempts if not c.premature]
    if timely:
        # Quote the close the customer went along with, if any. "At the right moment" is only said of that
        # one: a close answered with "first that point" came after a need, but was not well timed.
        best = next((c for c in timely if c.result == "accepted"), timely[0])
        praise: dict[str, object] = {} if best.result == "accepted" else {"variant": "not_accepted"}
        hits.append(RuleHit("closing.attempted", 30.0, 30.0, (best.turn,), best.turn, praise))
    else:
        early = [c.turn for c in m.closing_attempts if c.premature]
        detail: dict[str, object] = {"variant": "only_premature", "attempts": len(early)} if early else {}
        hits.append(RuleHit("closing.no_attempt", 0.0, 30.0, (), anchors.get("closing.no_attempt"), detail))
    applicable += 30.0
    won = m.outcome.outcome in ("order", "advance")
    hits.append(
        RuleHit("closing.commitment", 30.0 if won else 0.0, 30.0, tuple(m.outcome.turns),
                m.outcome.turns[-1] if m.outcome.turns else anchors.get("closing.commitment"),
                {"outcome": m.outcome.outcome})
    )
    for c in [c for c in m.closing_attempts if c.premature][:2]:
        hits.append(RuleHit("closing.premature_close", -10.0, 0.0, (c.turn,), c.turn))
    if len(m.closing_attempts) > 3:
        extra = m.closing_attempts[3:]
        hits.append(RuleHit("closing.too_many_closes", -10.0, 0.0, tuple(c.turn for c in extra), extra[0].turn,
                            {"attempts": len(m.closing_attempts)}))
    return hits, applicable


def objection_rules(m: Metrics, anchors: Mapping[str, int | None]) -> tuple[list[RuleHit], float]:
    scored = [o for o in m.objections if o.answered]
    if not scored:
        return [], 0.0
    share = 100.0 / len(scored)
    parts = (("objections.acknowledged", 0.2), ("objections.explored", 0.3), ("objections.benefit", 0.3),
             ("objections.resolved", 0.2))
    hits: list[RuleHit] = []
    for o in scored:
        response = {
            "objections.acknowledged": o.acknowledged,
            "objections.explored": o.explored,
            "objections.benefit": o.benefit,
        }
        for rule, fraction in parts:
            worth = round(share * fraction, 2)
            if rule == "objections.resolved":
                hits.append(RuleHit(rule, worth if o.resolved else 0.0, worth, (o.turn,), o.turn))
            else:
                turn = response[rule]
                hits.append(RuleHit(rule, worth if turn else 0.0, worth,
                                    (o.turn, turn) if turn else (o.turn,), turn or o.turn, {"objection_turn": o.turn}))
    return hits, 100.0


def structure_rules(m: Metrics, anchors: Mapping[str, int | None]) -> tuple[list[RuleHit], float]:
    s = m.structure
    first_seller = anchors.get("first_seller")
    hits = [
        RuleHit("structure.greeting", 15.0 if s.greeting else 0.0, 15.0, (s.greeting,) if s.greeting else (),
                s.greeting or first_seller),
        RuleHit("structure.introduction", 15.0 if s.introduction else 0.0, 15.0,
                (s.introduction,) if s.introduction else (), s.introduction or first_seller),
        RuleHit("structure.agenda", 20.0 if s.agenda else 0.0, 20.0, (s.agenda,) if s.agenda else (),
                s.agenda or first_seller),
    ]
    for phase in ("information", "transformation", "closing"):
        turn = s.phases[phase]
        hits.append(RuleHit(f"structure.phase_{phase}", 10.0 if turn else 0.0, 10.0, (turn,) if turn else (),
                            turn or anchors.get(f"structure.phase_{phase}")))
    explicit = [n.turn for n in m.needs if n.via == "explicit_need"]
    hits.append(RuleHit("structure.explicit_need", 20.0 if explicit else 0.0, 20.0, tuple(explicit),
                        explicit[0] if explicit else anchors.get("structure.explicit_need")))
    return hits, 100.0


_CRITERIA = {
    "spin": spin_rules,
    "lsd": lsd_rules,
    "closing": closing_rules,
    "objections": objection_rules,
    "structure": structure_rules,
}


def score(m: Metrics, weights: Mapping[DimensionName, int], anchors: Mapping[str, int | None]) -> Score:
    computed = {name: _CRITERIA[name](m, anchors) for name in DIMENSIONS}
    applicable_weight = sum(weights[n] for n in DIMENSIONS if computed[n][1] > 0)
    dimensions: dict[DimensionName, Dimension] = {}
    for name in DIMENSIONS:
        hits, maximum = computed[name]
        raw = round(float(sum(h.points for h in hits)), 2)
        applicable = maximum > 0
        pct = max(0.0, min(raw, maximum)) / maximum * 100 if applicable else 0.0
        effective = weights[name] / applicable_weight * 100 if applicable and applicable_weight else 0.0
        dimensions[name] = Dimension(
            name=name, weight=weights[name], applicable=applicable, max=maximum, raw=raw,
            score=round(pct, 1), points=round(pct / 100 * effective, 1), effective_weight=round(effective, 2),
            rules=tuple(hits),
        )
    total = sum(d.score / 100 * d.effective_weight for d in dimensions.values())
    return Score(total=round(total, 1), dimensions=dimensions)
