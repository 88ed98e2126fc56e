"""Markdown report: the text report's content plus the rule list per dimension and the transcript."""

from __future__ import annotations

from salesbot.core.assessment import DIMENSIONS, Assessment
from salesbot.reports.common import Texts, dimension_rows, fmt, header, key_figures


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_markdown(a: Assessment) -> str:
    t = Texts(a)
    title, outcome = header(a, t)
    out = [f"# {title}", "", outcome + "  "]
    if a.scenario_id:
        out.append(f"{t('scenario')}: `{a.scenario_id}`")
    out += ["", f"| {t('dimension')} | {t('score')} | {t('points')} | {t('weight')} |", "|---|---:|---:|---:|"]
    out += [f"| {n} | {s} | {p} | {w} |" for n, s, p, w in dimension_rows(a, t)]
    for heading, items in ((t("strengths"), a.feedback.strengths), (t("improvements"), a.feedback.improvements)):
        if items:
            out += ["", f"## {heading}", ""]
            out += [f"{n}. {item.text}" for n, item in enumerate(items, 1)]
    out += ["", f"## {t('metrics')}", ""]
    out += [f"- **{label}**: {value}" for label, value in key_figures(a, t)]
    out += ["", f"\\* {t('approximation')}", "", f"## {t('rules')}", ""]
    for name in DIMENSIONS:
        d = a.score.dimensions[name]
        if not d.applicable:
            out += [f"### {t.dimension(name)} ({t('not_applicable')})", ""]
            continue
        out += [f"### {t.dimension(name)}: {fmt(d.score)}%", "",
                f"| {t('rule')} | {t('points')} | {t('turns').capitalize()} |", "|---|---:|---|"]
        for hit in d.rules:
            impact = a.effect(name, hit)
            lost = f" (-{fmt(d.lost(hit))})" if hit.status == "partial" else ""
            turns = ", ".join(str(x) for x in hit.turns) or (str(hit.anchor) if hit.anchor else "-")
            out.append(f"| {_cell(t.rule(hit.rule))} `{hit.rule}` | {impact:+.1f}{lost} | {turns} |")
        out.append("")
    out += [f"## {t('transcript')}", "", f"| # | {t('seller')}/{t('customer')} | | labels | {t('points')} |",
            "|---:|---|---|---|---|"]
    for turn in a.turns:
        an = turn.analysis
        labels = [x for x in (an.question, an.spin) if x] + list(an.acts)
        rules = ", ".join(f"`{r}` {p:+.1f}" for _d, r, p in a.rules_for_turn(turn.index))
        out.append(f"| {turn.index} | {t.role(turn.role)} | {_cell(turn.text)} | {', '.join(labels)} | {rules} |")
    out.append("")
    return "\n".join(out)
