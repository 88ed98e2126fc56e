"""Engine benchmark: turns per second on one core (analysis + state + reply) and memory per active session.

    .venv/bin/python benchmarks/bench_engine.py [--sessions 2000] [--memory-sessions 10000]

Realistic messages: the golden scripts of every bundled scenario (tests/data/golden), played by many
sessions interleaved turn by turn (as a bot serving many chats would), each with its own seed. Every
message gets a session number appended, so the analyser's term cache cannot serve repeats: each turn
pays for the full analysis. Targets: >= 5,000 turns/s, <= 20 KB per active session.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from salesbot.core.engine import Engine, SessionState  # noqa: E402
from salesbot.scenario_files import bundled_scenarios  # noqa: E402

GOLDEN = ROOT / "tests" / "data" / "golden"


def scripts() -> list[tuple[Engine, list[str]]]:
    """(engine, messages) for every golden script of every bundled scenario."""
    out = []
    for scenario in bundled_scenarios():
        engine = Engine(scenario)
        for path in sorted((GOLDEN / scenario.id).glob("*.txt")):
            lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
            out.append((engine, [line for line in lines if line and not line.startswith("#")]))
    return out


class PrecomputedAnalyzer:
    """Wraps an analyser and serves each (text, context length) from a memo after the first call, to
    measure the engine's own cost (state, topics, machine, reply) apart from the analysis."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.memo: dict[tuple[str, int], object] = {}

    def analyze(self, text, role="seller", context=(), lang=None):  # type: ignore[no-untyped-def]
        key = (text, len(context))
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self.inner.analyze(text, role=role, context=context, lang=lang)  # type: ignore[attr-defined]
        return found

    def terms(self, text, lang):  # type: ignore[no-untyped-def]
        return self.inner.terms(text, lang)  # type: ignore[attr-defined]


def engine_only(work: list[tuple[Engine, list[str]]], sessions: int) -> float:
    """Turns/s of the engine alone: the same interleaved play with every analysis served from a memo."""
    wrapped: dict[int, Engine] = {}
    for engine, _ in work:
        if id(engine) not in wrapped:
            wrapped[id(engine)] = Engine(engine.scenario, analyzer=PrecomputedAnalyzer(engine.analyzer))
    plain = [(wrapped[id(e)], msgs) for e, msgs in work]
    play_interleaved(plain, sessions, 1)  # fills the memo (same seeds and messages)
    turns, seconds = play_interleaved(plain, sessions, 1)
    return turns / seconds


def analysis_only(work: list[tuple[Engine, list[str]]], rounds: int = 100) -> float:
    """Analyses/s of the trainee messages alone (no context), for attributing the turn cost."""
    count = 0
    start = time.perf_counter()
    for n in range(rounds):
        for engine, messages in work:
            for text in messages:
                engine.analyzer.analyze(f"{text} {n}", role="seller", lang=engine.lang)
                count += 1
    return count / (time.perf_counter() - start)


def play_interleaved(work: list[tuple[Engine, list[str]]], sessions: int, seed0: int) -> tuple[int, float]:
    """Play `sessions` sessions round-robin, one turn each per round; returns (turns, seconds)."""
    active: list[tuple[Engine, SessionState, list[str], int]] = []
    for n in range(sessions):
        engine, messages = work[n % len(work)]
        active.append((engine, engine.new_session(seed0 + n), messages, n))
    turns = 0
    start = time.perf_counter()
    step = 0
    while active:
        still = []
        for engine, state, messages, n in active:
            if state.ended or step >= len(messages):
                continue
            engine.turn(state, f"{messages[step]} {n}")
            turns += 1
            still.append((engine, state, messages, n))
        active = still
        step += 1
    return turns, time.perf_counter() - start


def memory_per_session(work: list[tuple[Engine, list[str]]], count: int, turns_each: int) -> tuple[float, float]:
    """Bytes per active session (tracemalloc) with `count` sessions each `turns_each` turns into a call,
    and the mean size of a session's JSON."""
    engines = {id(e): e for e, _ in work}
    for engine in engines.values():  # warm up: language data, compiled patterns, caches
        state = engine.new_session(0)
        engine.turn(state, "Goedemorgen")
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    sessions = []
    for n in range(count):
        engine, messages = work[n % len(work)]
        state = engine.new_session(n)
        for text in messages[:turns_each]:
            if state.ended:
                break
            engine.turn(state, f"{text} {n}")
        sessions.append(state)
    gc.collect()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    grown = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    json_size = sum(len(s.to_json().encode()) for s in sessions) / len(sessions)
    return grown / count, json_size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--memory-sessions", type=int, default=10_000)
    parser.add_argument("--memory-turns", type=int, default=8, help="turns per session before measuring")
    args = parser.parse_args()
    work = scripts()
    play_interleaved(work, 50, 10**6)  # warm up
    turns, seconds = play_interleaved(work, args.sessions, 1)
    rate = turns / seconds
    print(f"engine turns/s (one core, analysis + state + reply): {rate:,.0f}  "
          f"({turns:,} turns in {seconds:.2f} s over {args.sessions:,} interleaved sessions, "
          f"{len(work)} scripts)")
    print(f"engine alone, analyses precomputed: {engine_only(work, args.sessions):,.0f} turns/s")
    print(f"analyser alone (trainee messages, no context): {analysis_only(work):,.0f} analyses/s")
    per_session, json_size = memory_per_session(work, args.memory_sessions, args.memory_turns)
    print(f"memory per active session ({args.memory_sessions:,} sessions, {args.memory_turns} turns each): "
          f"{per_session / 1024:.1f} KB  (JSON {json_size / 1024:.1f} KB)")
    ok = rate >= 5000 and per_session <= 20 * 1024
    print("targets (>= 5,000 turns/s, <= 20 KB/session):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
