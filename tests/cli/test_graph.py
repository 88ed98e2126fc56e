"""`salesbot graph`: a valid Mermaid flowchart of a scenario."""

from __future__ import annotations

import re

import pytest

from salesbot.cli.main import main
from salesbot.scenario_files import bundled_scenarios

NODE_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def _graph(capsys, *args: str) -> str:
    assert main(["graph", *args]) == 0
    return str(capsys.readouterr().out)


@pytest.mark.parametrize("scenario", [s.id for s in bundled_scenarios()])
def test_graph_shows_every_element_of_the_scenario(scenario: str, capsys) -> None:
    out = _graph(capsys, scenario)
    assert out.startswith("flowchart TD\n")
    s = next(x for x in bundled_scenarios() if x.id == scenario)
    for pain in s.pains:
        assert f"pain_{pain.id.replace('-', '_')}[" in out
        for imp in pain.implications:
            assert imp.id in out
    for objection in s.objections:
        assert f"obj_{objection.id.replace('-', '_')}{{{{" in out
    for signal in s.closing_signals:
        assert f"{signal.at_readiness}" in out and signal.id in out
    for outcome in ("order", "advance", "continuation", "no_sale"):
        assert f"outcome_{outcome}(((" in out


def test_graph_is_syntactically_sound_mermaid(capsys) -> None:
    out = _graph(capsys, "koelservice-supermarkt")
    lines = out.splitlines()[1:]
    opened = sum(1 for line in lines if line.strip().startswith("subgraph "))
    assert opened == sum(1 for line in lines if line.strip() == "end")
    for line in lines:
        # every label is quoted, and no raw quote or bracket leaks out of a label
        for label in re.findall(r"\|([^|]*)\|", line):
            assert label.startswith('"') and label.endswith('"'), line
        unquoted = re.sub(r'"[^"]*"', '""', line)
        assert '"' not in unquoted.replace('""', ""), line
    declared = {m.group(1) for m in re.finditer(r"^\s*([A-Za-z][A-Za-z0-9_]*)\s*[\[({>]", out, re.M)}
    declared |= {m.group(1) for m in re.finditer(r"subgraph (\w+)\[", out)}
    edges = list(re.finditer(r"^\s*(\w+)\s*(?:-->|-\.->|---)\s*(?:\|[^|]*\|\s*)?(\w+)\s*$", out, re.M))
    assert len(edges) > 15
    for m in edges:
        assert m.group(1) in declared and m.group(2) in declared, m.group(0)
        assert NODE_ID.match(m.group(1)) and NODE_ID.match(m.group(2))


def test_graph_labels_follow_the_language(capsys) -> None:
    assert "Bezwaar prijs" in _graph(capsys, "koelservice-supermarkt")
    assert "Objection" in _graph(capsys, "koelservice-supermarkt", "--lang", "en")


def test_graph_unknown_scenario_is_a_clear_error(capsys) -> None:
    assert main(["graph", "nope"]) == 1
    err = capsys.readouterr().err
    assert "unknown scenario" in err and "Traceback" not in err
