"""Plain-text report: for a terminal and a Telegram message (short, no markup, under 4,096 characters)."""

from __future__ import annotations

from salesbot.core.assessment import Assessment
from salesbot.reports.common import Texts, dimension_rows, header, key_figures

TELEGRAM_LIMIT = 4096


def render_text(a: Assessment) -> str:
    t = Texts(a)
    title, outcome = header(a, t)
    lines = [title, outcome]
    if a.scenario_id:
        lines.append(f"{t('scenario')}: {a.scenario_id}")
    lines.append("")
    rows = dimension_rows(a, t)
    width = max(len(r[0]) for r in rows)
    lines += [f"{name:<{width}}  {score:>5}  {points}" for name, score, points, _weight in rows]
    feedback = []
    for heading, items in ((t("strengths"), a.feedback.strengths), (t("improvements"), a.feedback.improvements)):
        if items:
            feedback += ["", heading]
            feedback += [f"{n}. {item.text}" for n, item in enumerate(items, 1)]
    figures = ["", t("metrics")] + [f"- {label}: {value}" for label, value in key_figures(a, t)]
    footer = ["", f"* {t('approximation')}"]
    text = "\n".join(lines + feedback + figures + footer)
    if len(text) > TELEGRAM_LIMIT:  # feedback matters more than the figures: drop those first
        text = "\n".join(lines + feedback)
    return text[:TELEGRAM_LIMIT]
