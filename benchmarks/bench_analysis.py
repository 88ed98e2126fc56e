"""Speed of the utterance analyser: messages per second on one core, in process and through
`salesbot analyze`, and the start-up time of the command. Targets (issue 3): >= 5,000 messages/s through
`analyze`, start-up under 1 s.

The input is generated (deterministic seed) from the labelled dev corpus with varied names, numbers and
words, so the analyser's per-text caches do not flatter the figures. Run: .venv/bin/python
benchmarks/bench_analysis.py [--messages N]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "analysis" / "dev.jsonl"
FILLERS = {
    "nl": ["de koelcel", "het magazijn", "filiaal Tilburg", "de nachtploeg", "ons team", "de planning"],
    "en": ["the cold store", "the warehouse", "the Leeds site", "the night shift", "our team", "the rota"],
}
NAMES = ["Jansen", "De Vries", "Bakker", "Smith", "Patel", "Visser", "Okafor", "Meijer"]


def _seed_messages() -> list[dict[str, object]]:
    out = []
    with CORPUS.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                item = json.loads(line)
                out.append({k: item[k] for k in ("text", "role", "context", "lang") if k in item})
    return out


def generate(count: int, seed: int = 7) -> list[dict[str, object]]:
    """`count` unique messages: corpus messages with a varied tail (name, number, filler words)."""
    rng = random.Random(seed)
    seeds = _seed_messages()
    messages = []
    for i in range(count):
        base = dict(rng.choice(seeds))
        lang = str(base.get("lang", "nl"))
        tail = f" ({rng.choice(NAMES)} {i}, {rng.choice(FILLERS[lang])})"
        text = str(base["text"])
        # Keep the final punctuation at the end so the labels stay meaningful.
        if text and text[-1] in "?.!":
            text = text[:-1] + tail + text[-1]
        else:
            text += tail
        base["text"] = text
        if rng.random() < 0.5:
            base.pop("lang", None)  # half the input needs language detection
        messages.append(base)
    return messages


def bench_in_process(messages: list[dict[str, object]]) -> float:
    from salesbot.core.analysis import Message, default_analyzer

    analyzer = default_analyzer()
    prepared = [
        (
            str(m["text"]),
            m.get("role", "seller"),
            tuple(Message(c["role"], c["text"]) for c in m.get("context", [])),  # type: ignore[union-attr]
            m.get("lang"),
        )
        for m in messages
    ]
    analyzer.analyze("Hoeveel filialen heeft u?")  # load the data once, as a running bot would have
    analyzer.analyze("How many sites do you run?")
    start = time.perf_counter()
    for text, role, context, lang in prepared:
        analyzer.analyze(text, role, context, lang)  # type: ignore[arg-type]
    return len(prepared) / (time.perf_counter() - start)


def _run_cli(path: Path) -> float:
    start = time.perf_counter()
    with path.open("rb") as stdin:
        subprocess.run(
            [sys.executable, "-m", "salesbot", "analyze", "-"],
            stdin=stdin,
            stdout=subprocess.DEVNULL,
            check=True,
            cwd=ROOT,
        )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20_000)
    args = parser.parse_args()
    messages = generate(args.messages)

    in_process = bench_in_process(messages)
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "messages.jsonl"
        big.write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in messages), "utf-8")
        one = Path(tmp) / "one.jsonl"
        one.write_text('{"text": "Hoeveel filialen heeft u?"}\n', "utf-8")
        startups = [_run_cli(one) for _ in range(5)]
        startup = statistics.median(startups)
        cli_total = _run_cli(big)
    cli_rate = len(messages) / cli_total
    cli_rate_net = len(messages) / max(cli_total - startup, 1e-9)

    print(f"analyser, in process, one core : {in_process:10,.0f} messages/s ({len(messages):,} generated messages)")
    print(f"salesbot analyze, end to end    : {cli_rate:10,.0f} messages/s ({cli_total:.2f} s incl. start-up)")
    print(f"salesbot analyze, after start-up: {cli_rate_net:10,.0f} messages/s")
    print(f"start-up (one message, median/5): {startup:10.3f} s   (runs: {', '.join(f'{s:.3f}' for s in startups)})")
    ok = cli_rate >= 5000 and startup < 1.0
    print("targets (>= 5,000 messages/s through analyze, start-up < 1 s):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
