"""`salesbot graph`: print a scenario's flow as a Mermaid flowchart."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "graph",
        help="print a scenario's flow as a Mermaid diagram",
        description=(
            "Print the scenario as a Mermaid flowchart: phases, facts, problems with their implications "
            "and needs, objections and what resolves them, closing signals with their thresholds, outcomes. "
            "Paste it into a Markdown file (```mermaid) or https://mermaid.live."
        ),
    )
    parser.add_argument("scenario", metavar="SCENARIO", help="bundled scenario id or path to a .yaml file")
    parser.add_argument("--lang", choices=("nl", "en"), help="language of the labels (default: the scenario's)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from salesbot.cli.commands.play import _load_scenario, texts
    from salesbot.core.engine.graph import mermaid

    scenario = _load_scenario(args.scenario)
    t = texts(args.lang or scenario.language)
    print(mermaid(scenario, t["graph"], t["phases"]), end="")
    return 0
