"""What the text, Markdown and HTML reports share: localised texts and the key-figure lines."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from salesbot.core.analysis.types import SPIN_TYPES
from salesbot.core.assessment import DIMENSIONS, Assessment
from salesbot.core.assessment.language import language_data


class Texts:
    """Localised report texts of one assessment's language: t("score"), t.outcome("advance"), ..."""

    def __init__(self, assessment: Assessment) -> None:
        self.data: Mapping[str, Any] = language_data(assessment.lang)
        self.report: Mapping[str, Any] = self.data["report"]

    def __call__(self, key: str, **values: object) -> str:
        template: str = self.report[key]
        return template.format(**values) if values else template

    def result(self, key: str) -> str:
        return str(self.report["results"][key])

    def outcome(self, key: str) -> str:
        return str(self.data["outcomes"][key])

    def dimension(self, key: str) -> str:
        return str(self.data["dimensions"][key])

    def rule(self, key: str) -> str:
        return str(self.data["rules"].get(key, key))

    def spin(self, key: str) -> str:
        return str(self.data["spin"][key])

    def phase(self, key: str) -> str:
        return str(self.data["phases"][key])

    def role(self, role: str) -> str:
        return self(role)


def fmt(value: float) -> str:
    """1 decimal, without a trailing .0 (84.0 -> 84, 84.5 -> 84.5)."""
    return f"{value:.1f}".removesuffix(".0")


def dimension_rows(a: Assessment, t: Texts) -> list[tuple[str, str, str, str]]:
    """(name, score %, points / effective weight, weight) per dimension; inapplicable ones say so."""
    rows = []
    for name in DIMENSIONS:
        d = a.score.dimensions[name]
        if d.applicable and d.effective_weight:
            rows.append((t.dimension(name), f"{fmt(d.score)}%", f"{fmt(d.points)}/{fmt(d.effective_weight)}", str(d.weight)))
        else:
            rows.append((t.dimension(name), t("not_applicable"), "-", str(d.weight)))
    return rows


def key_figures(a: Assessment, t: Texts) -> list[tuple[str, str]]:
    """(label, value) lines of the key figures, in report order."""
    m = a.metrics
    spin = ", ".join(f"{t.spin(s)} {m.spin.counts[s]}" for s in SPIN_TYPES)
    q = m.questions
    lines = [
        (t("spin_questions"), spin),
        (t("questions"), t("questions_value", total=q.total, open=len(q.open), closed=len(q.closed),
                           thirds="/".join(str(n) for n in q.by_third)) + f" [{t('questions_benchmark')}]*"),
        (t("lsd"), t("lsd_value", acknowledgements=len(m.lsd.acknowledgements), summaries=len(m.lsd.summaries),
                     confirmed=sum(s.confirmed for s in m.lsd.summaries), follow_ups=len(m.lsd.follow_ups))),
        (t("talk_share"), f"{m.talk_share:.0%} [{t('talk_share_benchmark')}]*"),
        (t("monologue"), t("monologue_value", words=m.longest_monologue.words,
                           turns=", ".join(str(x) for x in m.longest_monologue.turns) or "-")),
        (t("buying_signals"), signals_line(a, t)),
        (t("closing_attempts"), closes_line(a, t)),
        (t("objections"), objections_line(a, t)),
        (t("opening"), opening_line(a, t)),
        (t("phases_reached"), ", ".join(t.phase(p) for p, turn in m.structure.phases.items() if turn) or t("none")),
    ]
    return lines


def signals_line(a: Assessment, t: Texts) -> str:
    parts = []
    for s in a.metrics.buying_signals:
        if s.picked_up:
            status = t("signal_picked_up", turn=s.response_turn)
        else:
            status = t("signal_missed") if s.answered else t("signal_unanswered")
        parts.append(f"{t('turn')} {s.turn}: {status}")
    return "; ".join(parts) or t("none")


def closes_line(a: Assessment, t: Texts) -> str:
    parts = [
        f"{t('turn')} {c.turn}: {t('premature') if c.premature else t('timely')} ({t.result(c.result)})"
        for c in a.metrics.closing_attempts
    ]
    return "; ".join(parts) or t("none")


def objections_line(a: Assessment, t: Texts) -> str:
    parts = []
    for o in a.metrics.objections:
        if not o.answered:  # the call ended on it: not scored, so not called "not handled" either
            status = t("signal_unanswered")
        else:
            status = f"{t('handled') if o.handled else t('not_handled')}, " + (
                t("resolved") if o.resolved else t("not_resolved"))
        parts.append(f"{t('turn')} {o.turn}: {status}")
    return "; ".join(parts) or t("none")


def opening_line(a: Assessment, t: Texts) -> str:
    s = a.metrics.structure
    parts = [
        f"{t.report['opening_parts'][name]} ({t('turn')} {turn})"
        for name, turn in (("greeting", s.greeting), ("introduction", s.introduction), ("agenda", s.agenda))
        if turn
    ]
    return ", ".join(parts) or t("none")


def header(a: Assessment, t: Texts) -> tuple[str, str]:
    """The title line and the outcome line."""
    title = f"{t('title')}: {t('score')} {fmt(a.score.total)}/100"
    detail = t.rule(a.metrics.outcome.rule)
    return title, f"{t('outcome')}: {t.outcome(a.outcome)}; {detail}"
