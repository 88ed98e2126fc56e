"""A scenario's flow as a Mermaid flowchart: phases, what the customer reveals, objections and what
resolves them, closing signals and outcomes. Pure: labels (UI texts) are passed in by the adapter."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from salesbot.core.scenario.model import Scenario

_UNSAFE = re.compile(r"[^A-Za-z0-9_]")


def _id(*parts: str) -> str:
    return "_".join(_UNSAFE.sub("_", p) for p in parts)


def _label(text: str) -> str:
    """A quoted Mermaid label: quotes become #quot;, markup characters are escaped, long text cut."""
    text = " ".join(text.split())
    if len(text) > 80:
        text = text[:77].rstrip() + "..."
    return '"' + text.replace("#", "#35;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;") + '"'


def _keywords(topic: list[str] | None, limit: int = 4) -> str:
    if not topic:
        return ""
    shown = ", ".join(topic[:limit])
    return shown + (", ..." if len(topic) > limit else "")


def mermaid(scenario: Scenario, labels: Mapping[str, Any], phase_names: Mapping[str, str]) -> str:
    g = labels
    lines = ["flowchart TD"]
    add = lines.append
    start = scenario.start
    add(f"  start({_label(g['start'].format(readiness=start.readiness, rapport=start.rapport, patience=start.patience))})")
    for phase in ("opening", "information", "transformation", "closing"):
        add(f"  {_id('phase', phase)}([{_label(phase_names[phase])}])")
    thresholds = scenario.thresholds
    add(f"  start --> {_id('phase', 'opening')}")
    add(f"  {_id('phase', 'opening')} -->|{_label(g['first_question'])}| {_id('phase', 'information')}")
    add(f"  {_id('phase', 'information')} -->|{_label(g['offer_after_need'])}| {_id('phase', 'transformation')}")
    add(f"  {_id('phase', 'information')} -->|{_label(g['signal_given'])}| {_id('phase', 'closing')}")
    add(f"  {_id('phase', 'transformation')} -->|{_label(g['signal_given'])}| {_id('phase', 'closing')}")
    add(f"  {_id('phase', 'closing')} -.->|{_label(g['new_objection'])}| {_id('phase', 'transformation')}")
    add(f"  {_id('phase', 'transformation')} -.->|{_label(g['new_problem'])}| {_id('phase', 'information')}")

    add(f"  subgraph facts[{_label(g['facts'])}]")
    for fact in scenario.facts:
        add(f"    {_id('fact', fact.id)}[{_label(g['fact'] + ' ' + fact.id + ': ' + _keywords(fact.topic))}]")
    add("  end")
    if scenario.facts:
        add(f"  {_id('phase', 'information')} --- facts")

    add(f"  subgraph pains[{_label(g['pains'])}]")
    for pain in scenario.pains:
        pid = _id("pain", pain.id)
        pain_text = f"{g['pain']} {pain.id} (+{pain.readiness}): {_keywords(pain.topic)}"
        add(f"    {pid}[{_label(pain_text)}]")
        for imp in pain.implications:
            iid = _id("imp", pain.id, imp.id)
            imp_text = f"{g['implication']} {imp.id} (+{imp.readiness})"
            add(f"    {iid}[{_label(imp_text)}]")
            add(f"    {pid} -->|{_label(g['implication_question'])}| {iid}")
        if pain.need_payoff:
            nid = _id("need", pain.id)
            need_text = f"{g['need']} {pain.id} (+{pain.need_payoff.readiness})"
            add(f"    {nid}[[{_label(need_text)}]]")
            add(f"    {pid} -->|{_label(g['need_question'])}| {nid}")
    add("  end")
    add(f"  {_id('phase', 'information')} -->|{_label(g['problem_question'])}| pains")

    if scenario.objections:
        add(f"  subgraph objections[{_label(g['objections'])}]")
        for objection in scenario.objections:
            trigger = objection.trigger
            when = [g["on_close"]] if trigger.on_close else [g["after_phase"].format(phase=phase_names[trigger.after_phase])]
            if trigger.readiness_below < 100:
                when.append(g["readiness_below"].format(value=trigger.readiness_below))
            if trigger.after_pain:
                when.append(g["after_pain"].format(pain=trigger.after_pain))
            add(f"    {_id('obj', objection.id)}{{{{{_label(g['objection'] + ' ' + objection.id + ': ' + ', '.join(when))}}}}}")
        add("  end")
        add(f"  {_id('phase', 'transformation')} --- objections")
        for objection in scenario.objections:
            need = objection.resolved_by
            steps = [g[k] for k, on in (("resolve_ack", need.acknowledgement), ("resolve_follow", need.follow_up)) if on]
            steps.append(g["resolve_benefit"])
            step_label = _label(" + ".join(steps))
            linked = [p for p in need.benefit_linked_to if any(x.id == p and x.need_payoff for x in scenario.pains)]
            for pain_id in linked:
                add(f"  {_id('need', pain_id)} -.->|{step_label}| {_id('obj', objection.id)}")
            if not linked:
                add(f"  {_id('phase', 'transformation')} -.->|{step_label}| {_id('obj', objection.id)}")

    if scenario.closing_signals:
        add(f"  subgraph signals[{_label(g['signals'])}]")
        for signal in sorted(scenario.closing_signals, key=lambda s: s.at_readiness):
            text = g["signal"].format(id=signal.id) + ": " + g["at_readiness"].format(value=signal.at_readiness)
            add(f"    {_id('signal', signal.id)}[/{_label(text)}/]")
        add("  end")
        add(f"  signals --> {_id('phase', 'closing')}")

    add(f"  subgraph outcomes[{_label(g['outcomes'])}]")
    for outcome in ("order", "advance", "continuation", "no_sale"):
        add(f"    {_id('outcome', outcome)}((({_label(g['outcome_names'][outcome])})))")
    add("  end")
    closing = _id("phase", "closing")
    add(f"  {closing} -->|{_label(g['close_order'].format(value=thresholds.order))}| {_id('outcome', 'order')}")
    add(f"  {closing} -->|{_label(g['close_advance'].format(value=thresholds.advance))}| {_id('outcome', 'advance')}")
    add(f"  {_id('phase', 'information')} -->|{_label(g['stop'])}| {_id('outcome', 'continuation')}")
    add(f"  {_id('phase', 'information')} -->|{_label(g['patience'].format(value=thresholds.no_sale_patience))}| {_id('outcome', 'no_sale')}")
    return "\n".join(lines) + "\n"
