"""`salesbot play`: role-play a scenario in the terminal, interactively or from a script."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, TextIO

from salesbot.cli.errors import CliError

MAX_MESSAGE_CHARS = 4096


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "play",
        help="role-play a scenario in the terminal",
        description=(
            "Play a sales call with the scenario's simulated customer. Interactive by default "
            "(/hint, /restart, /stop); with --script, one trainee message per line (blank lines and "
            "lines starting with # are skipped; /hint, /restart and /stop work there too), printing the "
            "transcript, the outcome and the assessment."
        ),
    )
    parser.add_argument("scenario", nargs="?", default=None, metavar="SCENARIO",
                        help="bundled scenario id or path to a .yaml file (default: the default scenario)")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the customer's replies (default 1)")
    parser.add_argument("--script", metavar="FILE", help="play the trainee messages in FILE (- for stdin)")
    parser.add_argument("--json", action="store_true", help="with --script: print the result as JSON")
    parser.add_argument("--lang", choices=("nl", "en"), help="language of the terminal texts (default: the scenario's)")
    parser.set_defaults(func=run)


@cache
def texts(lang: str) -> dict[str, Any]:
    import yaml

    path = resources.files("salesbot").joinpath("locales", f"terminal.{lang}.yaml")
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def _load_scenario(name: str | None) -> Any:
    from salesbot.scenario_files import DEFAULT_SCENARIO_ID, ScenarioError, find_scenario

    try:
        return find_scenario(name or DEFAULT_SCENARIO_ID)
    except ScenarioError as error:
        problems = getattr(error, "problems", None)
        if problems:
            raise CliError("; ".join(str(p) for p in problems[:5])) from None
        raise CliError(str(error)) from None


def run(args: argparse.Namespace) -> int:
    from salesbot.core.engine import Engine

    if args.json and not args.script:
        raise CliError("--json needs --script")
    scenario = _load_scenario(args.scenario)
    t = texts(args.lang or scenario.language)
    engine = Engine(scenario)
    if args.script:
        lines = _script_lines(args.script)
        return _play_script(engine, lines, args.seed, t, args.json)
    return _play_interactive(engine, args.seed, t, sys.stdin, sys.stdout)


# --- script mode ---------------------------------------------------------------------------------------
SCRIPT_COMMANDS = ("/hint", "/restart", "/stop")


def _script_lines(name: str) -> list[tuple[int, str]]:
    try:
        if name == "-":
            raw = sys.stdin.read()
        else:
            with open(name, encoding="utf-8") as handle:
                raw = handle.read()
    except FileNotFoundError:
        raise CliError(f"script not found: {name}") from None
    except UnicodeDecodeError:
        raise CliError(f"script {name} is not UTF-8 text") from None
    except OSError as error:
        raise CliError(f"cannot read script {name}: {error.strerror}") from None
    lines: list[tuple[int, str]] = []
    for number, line in enumerate(raw.splitlines(), start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if text.startswith("/") and text.split()[0] not in SCRIPT_COMMANDS:
            raise CliError(f"{name}:{number}: unknown command {text.split()[0]} (use {', '.join(SCRIPT_COMMANDS)})")
        if len(text) > MAX_MESSAGE_CHARS:
            raise CliError(f"{name}:{number}: message longer than {MAX_MESSAGE_CHARS} characters")
        lines.append((number, text))
    if not lines:
        raise CliError(f"script {name} has no trainee messages")
    return lines


@dataclass
class _Played:
    turns: list[dict[str, Any]] = field(default_factory=list)
    ignored: int = 0


def _play_script(engine: Any, lines: list[tuple[int, str]], seed: int, t: dict[str, Any], as_json: bool) -> int:
    state = engine.new_session(seed)
    played = _Played()
    opening = engine.opening(state)
    if opening:
        played.turns.append({"line": None, "seller": None, "customer": opening, "phase": state.phase, "events": []})
    for index, (number, text) in enumerate(lines):
        if state.ended:
            played.ignored = len(lines) - index
            break
        if text == "/stop":
            break
        if text == "/hint":
            played.turns.append({"line": number, "hint": engine.hint(state)})
            continue
        if text == "/restart":  # a fresh call with the same seed; the transcript so far is left behind
            state = engine.new_session(seed)
            played.turns.append({"line": number, "restart": True})
            opening = engine.opening(state)
            if opening:
                played.turns.append({"line": None, "seller": None, "customer": opening, "phase": state.phase,
                                     "events": []})
            continue
        result = engine.turn(state, text)
        played.turns.append({"line": number, "seller": text, "customer": result.reply, "phase": result.phase,
                             "events": result.events})
    if not state.ended:
        result = engine.stop(state)
        played.turns.append({"line": None, "seller": None, "customer": result.reply, "phase": result.phase,
                             "events": result.events})
    assessment = _assess(engine, state)
    if as_json:
        _print_json(engine, state, played, assessment)
    else:
        _print_script_result(engine, state, played, assessment, t)
    return 0


def _print_script_result(engine: Any, state: Any, played: _Played, assessment: Any, t: dict[str, Any]) -> None:
    scenario = engine.scenario
    out = sys.stdout
    print(f"{t['scenario']}: {scenario.title} ({scenario.id}), seed {state.seed}", file=out)
    print(file=out)
    phase = "opening"
    for turn in played.turns:
        if "hint" in turn:
            print(f"  ({t['hint']}: {turn['hint']})", file=out)
            continue
        if "restart" in turn:
            print(f"  [{t['restarted'].format(seed=state.seed)}]", file=out)
            phase = "opening"
            continue
        if turn["seller"] is not None:
            print(f"{t['you']}: {turn['seller']}", file=out)
        if turn["customer"] is not None:
            print(f"{scenario.persona.name}: {turn['customer']}", file=out)
        if turn["phase"] != phase:
            phase = turn["phase"]
            print(f"  [{t['phase']}: {t['phases'][phase]}]", file=out)
    if played.ignored:
        print(t["ignored_lines"].format(count=played.ignored), file=out)
    print(file=out)
    _print_result(state, assessment, t, out)


def _print_result(state: Any, assessment: Any, t: dict[str, Any], out: TextIO) -> None:
    print(f"== {t['result']} ==", file=out)
    outcome = state.outcome or "continuation"
    print(f"{t['outcome']}: {t['outcomes'][outcome]}", file=out)
    print(f"{t['readiness']}: {state.readiness}/100", file=out)
    print(file=out)
    print(f"== {t['assessment']} ==", file=out)
    print(_render_assessment(state, assessment, t), file=out)


def _print_json(engine: Any, state: Any, played: _Played, assessment: Any) -> None:
    data = {
        "scenario": engine.scenario.id,
        "seed": state.seed,
        "outcome": state.outcome,
        "readiness": state.readiness,
        "rapport": state.rapport,
        "patience": state.patience,
        "turns": played.turns,
        "ignored_lines": played.ignored,
        "transcript": [{"role": m.role, "text": m.text} for m in state.transcript],
        "assessment": assessment.to_dict() if hasattr(assessment, "to_dict") else assessment,
    }
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    print()


# --- assessment ----------------------------------------------------------------------------------------
def _assess(engine: Any, state: Any) -> Any:
    """The assessment of the played call; the analysis counts when the assessment is unavailable."""
    if not any(m.role == "seller" for m in state.transcript):
        return None
    try:
        from salesbot.core.assessment import assess
    except ImportError:
        return _counts(engine, state)
    return assess(state.transcript, engine.scenario, engine.analyzer, state.outcome)


def _counts(engine: Any, state: Any) -> dict[str, int]:
    counts = {k: 0 for k in ("questions", "open", "closed", "situation", "problem", "implication",
                             "need_payoff", "summary", "follow_up", "closing_attempt")}
    context: list[Any] = []
    for message in state.transcript:
        if message.role == "seller":
            a = engine.analyzer.analyze(message.text, role="seller", context=context[-6:], lang=engine.lang)
            if a.question:
                counts["questions"] += 1
                counts[a.question] += 1
            if a.spin:
                counts[a.spin] += 1
            for act in ("summary", "follow_up", "closing_attempt"):
                counts[act] += a.has(act)
        context.append(message)
    return counts


def _render_assessment(state: Any, assessment: Any, t: dict[str, Any]) -> str:
    if assessment is None:
        return str(t["no_messages"])
    if isinstance(assessment, dict):
        return str(t["counts"].format(**assessment))
    try:
        from salesbot.reports import render_text
    except ImportError:
        return json.dumps(assessment.to_dict(), ensure_ascii=False, indent=2)
    return str(render_text(assessment))


# --- interactive mode ----------------------------------------------------------------------------------
def _input_lines(stream: TextIO, out: TextIO, prompt: str) -> Iterator[str]:
    while True:
        print(prompt, end="", file=out, flush=True)
        line = stream.readline() if stream is not sys.stdin else _read_stdin()
        if line == "":
            return
        yield line.rstrip("\n")


def _read_stdin() -> str:
    try:
        return input() + "\n"
    except EOFError:  # Ctrl-D: end the prompt line, so the customer's last line is not printed on it
        print()
        return ""


def _play_interactive(engine: Any, seed: int, t: dict[str, Any], stream: TextIO, out: TextIO) -> int:
    scenario = engine.scenario
    persona = scenario.persona
    print(f"== {scenario.title} ==", file=out)
    print(f"{t['briefing']}:\n{scenario.briefing.strip()}", file=out)
    if scenario.goal:
        print(f"{t['goal']}: {scenario.goal}", file=out)
    print(f"{t['customer']}: " + t["persona"].format(name=persona.name, role=persona.role, company=persona.company),
          file=out)
    print(t["commands"], file=out)
    state = _start(engine, seed, t, out)
    try:
        for raw in _input_lines(stream, out, f"{t['you']}: "):
            text = raw.strip()
            if not text:
                print(t["empty"], file=out)
                continue
            if text.startswith("/"):
                command = text.split()[0].lower()
                if command == "/hint":
                    print(f"  ({t['hint']}: {engine.hint(state)})", file=out)
                elif command == "/restart":
                    print(t["restarted"].format(seed=seed), file=out)
                    state = _start(engine, seed, t, out)
                elif command == "/stop":
                    print(t["stopped"], file=out)
                    break
                elif command == "/help":
                    print(t["commands"], file=out)
                else:
                    print(t["unknown_command"].format(command=command), file=out)
                continue
            if len(text) > MAX_MESSAGE_CHARS:
                print(t["too_long"].format(limit=MAX_MESSAGE_CHARS), file=out)
                continue
            before = state.phase
            result = engine.turn(state, text)
            _show_reply(engine, result.reply, before, result.phase, t, out)
            if result.ended:
                break
    except KeyboardInterrupt:
        print(file=out)
    if not state.ended:
        result = engine.stop(state)
        _show_reply(engine, result.reply, "", result.phase, t, out)
    print(file=out)
    _print_result(state, _assess(engine, state), t, out)
    return 0


def _start(engine: Any, seed: int, t: dict[str, Any], out: TextIO) -> Any:
    state = engine.new_session(seed)
    print(f"  [{t['phase']}: {t['phases'][state.phase]}]", file=out)
    opening = engine.opening(state)
    if opening:
        print(f"{engine.scenario.persona.name}: {opening}", file=out)
    return state


def _show_reply(engine: Any, reply: str | None, before: str, phase: str, t: dict[str, Any], out: TextIO) -> None:
    if reply:
        print(f"{engine.scenario.persona.name}: {reply}", file=out)
    if phase != before and phase != "ended":
        print(f"  [{t['phase']}: {t['phases'][phase]}]", file=out)


