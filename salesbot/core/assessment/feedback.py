"""Feedback: the top strengths and improvements, each quoting a message and saying what works better.

Candidates are the rule hits of the rubric, ranked by their effect on the total score (what was earned,
or what was left on the table); one item per rule, so three missed signals give one improvement (the
first, quoted) rather than three, and the best item of each dimension comes first, so the three items
cover different skills when they can. Templates live in data/<lang>.yaml under feedback.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from salesbot.core.analysis.types import Lang
from salesbot.core.assessment.language import language_data
from salesbot.core.assessment.metrics import Turn
from salesbot.core.assessment.rubric import DIMENSIONS, RuleHit, Score

TOP = 3
QUOTE_CHARS = 140

# A penalty that makes some earned points a poor thing to praise: a trainer would not call "you kept
# asking questions" a strength when they were all fact questions (the classic weak SPIN pattern).
NOT_PRAISED_WITH = {
    "spin.situation_overload": {"spin.situation_asked", "spin.questions_spread", "spin.open_questions"},
    "closing.too_many_closes": {"closing.attempted"},
}
# Advice another item already gives: with no summary at all, "summarise" says it and "get your summary
# confirmed" only repeats it about the same message.
SAME_ADVICE = {"lsd.summary_confirmed": {"lsd.summary"}}


@dataclass(frozen=True, slots=True)
class FeedbackItem:
    rule: str
    turn: int | None
    role: str | None  # whose message is quoted
    quote: str
    text: str
    points: float  # earned (strength) or left on the table (improvement) on the 0-100 total

    def to_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "turn": self.turn,
            "role": self.role,
            "quote": self.quote,
            "text": self.text,
            "points": self.points,
        }


@dataclass(frozen=True, slots=True)
class Feedback:
    strengths: list[FeedbackItem]
    improvements: list[FeedbackItem]

    def to_dict(self) -> dict[str, object]:
        return {
            "strengths": [i.to_dict() for i in self.strengths],
            "improvements": [i.to_dict() for i in self.improvements],
        }


def shorten(text: str, limit: int = QUOTE_CHARS) -> str:
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def _detail(key: str, value: object, lang: Lang) -> object:
    if key.endswith("share") and isinstance(value, float):
        return f"{value:.0%}"
    if key == "outcome" and isinstance(value, str):
        return language_data(lang)["outcomes"].get(value, value)
    return value


class _SafeDict(dict[str, object]):
    def __missing__(self, key: str) -> str:  # a template asking for absent data shows nothing, not a crash
        return ""


def _tidy(text: str) -> str:
    """A quote ending in its own punctuation needs no full stop after the closing quote mark."""
    for mark in ("?", "!", ".", "…"):
        text = text.replace(f"{mark}”.", f"{mark}”")
    return text


def _render(
    template: str, hit: RuleHit, turns: Sequence[Turn], lang: Lang
) -> tuple[str, int | None, str | None, str]:
    by_index = {t.index: t for t in turns}
    anchor = by_index.get(hit.anchor) if hit.anchor is not None else None
    # The second turn of a pair (a signal and the seller's response; an objection and its answer).
    others = [by_index[t] for t in hit.turns if t in by_index and t != hit.anchor]
    other = others[0] if others else None
    values = _SafeDict(
        turn=anchor.index if anchor else "",
        quote=shorten(anchor.text) if anchor else "",
        other_turn=other.index if other else "",
        other_quote=shorten(other.text) if other else "",
        **{k: _detail(k, v, lang) for k, v in hit.detail.items()},
    )
    return _tidy(template.format_map(values)), (anchor.index if anchor else None), (anchor.role if anchor else None), (
        shorten(anchor.text) if anchor else ""
    )


def _choose(entry: dict[str, str], hit: RuleHit, turns: Sequence[Turn]) -> str:
    """The template variant: the hit's own variant if it has one, else "objection" when the quoted message
    is one (a concern is acknowledged differently from a difficulty), else by whose message is quoted:
    "seller", "customer", else "any"; "none" when there is no message to quote."""
    quoted = next((t for t in turns if t.index == hit.anchor), None)
    role = quoted.role if quoted else None
    keys = [role, "any", "none"] if role else ["none", "any"]
    if quoted is not None and quoted.role == "customer" and quoted.has("objection"):
        keys.insert(0, "objection")
    variant = hit.detail.get("variant")
    if isinstance(variant, str):  # a rule missed in a particular way has its own wording
        keys.insert(0, variant)
    for key in keys:
        if key and key in entry:
            return entry[key]
    return next(iter(entry.values()))


def build_feedback(score: Score, turns: Sequence[Turn], lang: Lang) -> Feedback:
    templates = language_data(lang)["feedback"]
    strengths_t: dict[str, dict[str, str]] = templates["strengths"]
    improvements_t: dict[str, dict[str, str]] = templates["improvements"]
    gains: list[tuple[float, int, int, RuleHit]] = []
    losses: list[tuple[float, int, int, RuleHit]] = []
    order = 0
    fired = {h.rule for d in score.dimensions.values() for h in d.rules if h.status == "penalty"}
    not_praised = set().union(*(NOT_PRAISED_WITH.get(rule, set()) for rule in fired))
    for name in DIMENSIONS:
        dim = score.dimensions[name]
        if not dim.applicable or not dim.effective_weight:
            continue
        for hit in dim.rules:
            order += 1
            if hit.status == "earned" and dim.impact(hit) > 0 and hit.rule in strengths_t and hit.rule not in not_praised:
                gains.append((-dim.impact(hit), hit.anchor or 0, order, hit))
            elif hit.status != "earned" and dim.lost(hit) > 0 and hit.rule in improvements_t:
                losses.append((-dim.lost(hit), hit.anchor or 0, order, hit))

    def pick(
        candidates: list[tuple[float, int, int, RuleHit]], table: dict[str, dict[str, str]], distinct: bool
    ) -> list[FeedbackItem]:
        # Sum the value per rule (three acknowledgements are one strength worth all three), quote the first.
        value: dict[str, float] = {}
        first: dict[str, RuleHit] = {}
        every: dict[str, list[RuleHit]] = {}
        position: dict[str, int] = {}
        for neg, _anchor, order, hit in sorted(candidates, key=lambda c: (c[1], c[2])):
            value[hit.rule] = value.get(hit.rule, 0.0) - neg
            first.setdefault(hit.rule, hit)
            every.setdefault(hit.rule, []).append(hit)
            position[hit.rule] = min(position.get(hit.rule, order), order)
        # Ties go to the rubric's order: the earlier SPIN step, the earlier phase, comes first.
        ranked = sorted(first, key=lambda rule: (-round(value[rule], 6), position[rule]))
        # One item per dimension first (the best of each, in rank order), so the advice covers different
        # skills; then the rest by rank.
        # Strengths prefer a message not quoted yet: the same question praised twice ("you dug deeper",
        # "you looked for the problem") reads as padding. Improvements keep their rank: the costliest advice
        # matters more than variety.
        chosen: list[str] = []
        shown = dict(first)  # the hit each chosen rule quotes

        def dimension(rule: str) -> str:
            return rule.split(".")[0]

        for distinct_quote in (True, False) if distinct else (False,):
            for rule in ranked:
                if len(chosen) >= TOP or rule in chosen or dimension(rule) in {dimension(c) for c in chosen}:
                    continue
                quoted = {shown[c].anchor for c in chosen if shown[c].anchor is not None}
                fresh = next((h for h in every[rule] if h.anchor is None or h.anchor not in quoted), None)
                if distinct_quote and fresh is None:
                    continue
                shown[rule] = fresh if distinct_quote and fresh is not None else first[rule]
                chosen.append(rule)
        chosen += [rule for rule in ranked if rule not in chosen and not SAME_ADVICE.get(rule, set()) & set(chosen)][
            : TOP - len(chosen)
        ]
        chosen.sort(key=ranked.index)
        items = []
        for rule in chosen:
            hit = shown[rule]
            text, turn, role, quote = _render(_choose(table[rule], hit, turns), hit, turns, lang)
            items.append(FeedbackItem(rule, turn, role, quote, text, round(value[rule], 1)))
        return items

    return Feedback(strengths=pick(gains, strengths_t, True), improvements=pick(losses, improvements_t, False))
