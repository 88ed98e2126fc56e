"""Assessment speed: assess() with the real analyser, and each report renderer.

Prints figures; no pass/fail. Targets (issue 4): the assessment of a finished role-play reaches a Telegram
trainee within seconds, so assess + render_text must stay well under a second for a typical call.
Run: .venv/bin/python benchmarks/bench_assessment.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from salesbot.cli.commands.assess import parse_transcript  # noqa: E402
from salesbot.core.analysis.types import Message  # noqa: E402
from salesbot.core.assessment import assess  # noqa: E402
from salesbot.reports import render_html, render_markdown, render_png, render_text  # noqa: E402

TRANSCRIPTS = ROOT / "tests" / "data" / "transcripts"


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000, max(runs) * 1000


def load(name: str) -> list[Message]:
    text = (TRANSCRIPTS / f"{name}.txt").read_text("utf-8")
    return [Message(role, body) for role, body in parse_transcript(text, f"{name}.txt")]  # type: ignore[arg-type]


def main() -> None:
    start = time.perf_counter()
    first = assess(load("nl-strong"))
    print(f"first assess (loads analyser data): {(time.perf_counter() - start) * 1000:.0f} ms")
    for name in ("nl-strong", "en-weak"):
        messages = load(name)
        median, worst = timed(lambda m=messages: assess(m), 20)
        print(f"assess {name} ({len(messages)} messages): median {median:.1f} ms, max {worst:.1f} ms")
    long_call = load("nl-strong") * 12  # ~216 messages: a very long role-play
    median, worst = timed(lambda: assess(long_call), 5)
    print(f"assess long call ({len(long_call)} messages): median {median:.0f} ms, max {worst:.0f} ms")
    for label, render in (("text", render_text), ("markdown", render_markdown)):
        median, _ = timed(lambda r=render: r(first), 20)
        print(f"render_{label}: median {median:.2f} ms, {len(render(first))} chars")
    start = time.perf_counter()
    render_png(first)
    print(f"render_png first call (imports matplotlib): {(time.perf_counter() - start) * 1000:.0f} ms")
    median, _ = timed(lambda: render_png(first), 5)
    print(f"render_png: median {median:.0f} ms, {len(render_png(first)) // 1024} KiB")
    median, _ = timed(lambda: render_html(first), 5)
    print(f"render_html: median {median:.0f} ms, {len(render_html(first)) // 1024} KiB")


if __name__ == "__main__":
    main()
