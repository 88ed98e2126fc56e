"""HTML report: one self-contained, printable file (inline CSS, charts as base64 PNG), with the transcript
annotated message by message: labels and the points each message earned or cost."""

from __future__ import annotations

import base64
from html import escape
from importlib import resources

from salesbot.core.assessment import DIMENSIONS, Assessment
from salesbot.reports.common import Texts, dimension_rows, fmt, header, key_figures


def _css() -> str:
    return resources.files("salesbot.reports").joinpath("report.css").read_text("utf-8")


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img class="chart" alt="{escape(alt)}" src="data:image/png;base64,{data}">'


def _points(value: float) -> str:
    kind = "gain" if value > 0 else "loss"
    return f'<span class="pts {kind}">{value:+.1f}</span>'


def render_html(a: Assessment) -> str:
    from salesbot.reports.charts import dimension_chart_png, spin_flow_png

    t = Texts(a)
    title, outcome = header(a, t)
    e = escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{a.lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{_css()}</style></head><body>",
        f"<h1>{e(t('title'))}</h1>",
        f'<p class="total"><span>{fmt(a.score.total)}</span>/100</p>',
        f"<p>{e(outcome)}</p>",
    ]
    if a.scenario_id:
        parts.append(f"<p>{e(t('scenario'))}: <code>{e(a.scenario_id)}</code></p>")
    parts.append(f"<table class='dims'><tr><th>{e(t('dimension'))}</th><th>{e(t('score'))}</th>"
                 f"<th>{e(t('points'))}</th><th>{e(t('weight'))}</th></tr>")
    parts += [f"<tr><td>{e(n)}</td><td>{e(s)}</td><td>{e(p)}</td><td>{e(w)}</td></tr>"
              for n, s, p, w in dimension_rows(a, t)]
    parts.append("</table>")
    parts.append('<div class="charts">' + _img(dimension_chart_png(a), t("dimension_chart"))
                 + _img(spin_flow_png(a), t("spin_flow")) + "</div>")
    for heading, items, css in ((t("strengths"), a.feedback.strengths, "strengths"),
                                (t("improvements"), a.feedback.improvements, "improvements")):
        if items:
            parts.append(f'<section class="{css}"><h2>{e(heading)}</h2><ol>')
            parts += [f"<li>{e(item.text)} <span class='rule'>{e(item.rule)}</span></li>" for item in items]
            parts.append("</ol></section>")
    parts.append(f"<h2>{e(t('metrics'))}</h2><dl class='figures'>")
    parts += [f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in key_figures(a, t)]
    parts.append(f"</dl><p class='note'>* {e(t('approximation'))}</p>")

    parts.append(f"<h2>{e(t('transcript'))}</h2><ol class='transcript'>")
    for turn in a.turns:
        an = turn.analysis
        labels = [x for x in (an.question, an.spin) if x] + list(an.acts)
        # The analyser's evidence (rule and matched text) as a tooltip on each label.
        why = {ev.label.split("=", 1)[-1]: f"{ev.rule}: {ev.match}" for ev in an.evidence}
        chips = "".join(f"<span class='chip' title='{e(why.get(x, ''))}'>{e(x)}</span>" for x in labels)
        rules = "".join(f"<li>{_points(p)} {e(t.rule(r))} <code>{e(r)}</code></li>"
                        for _d, r, p in a.rules_for_turn(turn.index))
        parts.append(
            f"<li class='msg {turn.role}' value='{turn.index}'><div class='who'>{turn.index}. {e(t.role(turn.role))}"
            f"</div><div class='text'>{e(turn.text)}</div><div class='labels'>{chips}</div>"
            + (f"<ul class='rules'>{rules}</ul>" if rules else "") + "</li>"
        )
    parts.append("</ol>")

    parts.append(f"<h2>{e(t('rules'))}</h2>")
    for name in DIMENSIONS:
        d = a.score.dimensions[name]
        head = f"{t.dimension(name)}: {fmt(d.score)}%" if d.applicable else f"{t.dimension(name)}: {t('not_applicable')}"
        parts.append(f"<h3>{e(head)}</h3>")
        if not d.applicable:
            continue
        parts.append(f"<table class='rules'><tr><th>{e(t('rule'))}</th><th>{e(t('points'))}</th>"
                     f"<th>{e(t('turns').capitalize())}</th></tr>")
        for hit in d.rules:
            value = a.effect(name, hit)
            turns = ", ".join(str(x) for x in hit.turns) or (str(hit.anchor) if hit.anchor else "-")
            parts.append(f"<tr class='{hit.status}'><td>{e(t.rule(hit.rule))} <code>{e(hit.rule)}</code></td>"
                         f"<td>{_points(value)}</td><td>{e(turns)}</td></tr>")
        parts.append("</table>")
    parts.append(f"<footer>{e(t('generated'))}</footer></body></html>")
    return "\n".join(parts)
