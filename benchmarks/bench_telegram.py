"""End-to-end Telegram throughput and latency: stand-in Bot API + SalesBot (PTB, SQLite, engine, analysis).

Two processes, as in production: "Telegram" (the stand-in Bot API server from tests/telegram, plus the
simulated trainees) in a child process, the bot in this one, talking HTTP over loopback. 500 trainees
each have a role-play in progress and send lines from the bundled golden transcripts (the customer's
answers come from the real engine and analyser; every line and reply is committed to SQLite before
the reply is sent, with synchronous=FULL).

Two measurements:
  1. throughput: closed loop, 500 chats each sending its next line as soon as the previous one is
     answered: messages per second the bot sustains.
  2. latency: open loop at a fixed offered rate (default 300 msg/s) spread over another 500 chats:
     p50/p99/max time from the update being available to getUpdates to the customer's reply arriving
     at the Bot API.

Telegram's own limit (about 30 messages/s per bot) is switched off in the rate limiter for this run.

    .venv/bin/python benchmarks/bench_telegram.py [--chats 500] [--rate 300] [--lines 8]
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import multiprocessing as mp
import os
import statistics
import sys
import tempfile
import time
from collections import deque
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ"
SCENARIO = "koelservice-supermarkt"
GOLDEN = ROOT / "tests" / "data" / "golden" / SCENARIO
SCRIPTS = ["strong.txt", "weak_ignore_signals.txt", "weak_situation.txt"]
THROUGHPUT_BASE, LATENCY_BASE = 100_000, 200_000  # user ids of the two groups of chats


def _server_module() -> Any:
    spec = importlib.util.spec_from_file_location(
        "bench_botapi_server", ROOT / "tests" / "telegram" / "botapi_server.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def load_scripts(lines: int) -> list[list[str]]:
    scripts = []
    for name in SCRIPTS:
        found = [
            ln
            for ln in (GOLDEN / name).read_text("utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")
        ]
        scripts.append(found[:lines])
    return scripts


def is_customer_reply(text: str) -> bool:
    return not text.startswith(("📍", "🏁"))


# ------------------------------------------------------------------------------------- "Telegram" side


class Load:
    """Simulated trainees: each sends its script one line at a time, waiting for the customer's reply."""

    def __init__(self, module: Any, server: Any, scripts: list[list[str]], chats: int) -> None:
        self.server_module, self.server, self.scripts, self.chats = module, server, scripts, chats
        self.latencies: list[float] = []
        self.outstanding: dict[int, int] = {}  # chat -> update id awaiting its reply
        self.position: dict[int, int] = {}
        self.group_base = 0
        self.on_free: Any = None
        self.done = asyncio.Event()
        self.sent = 0
        server.on_call = self._on_call

    def _on_call(self, call: Any) -> None:
        if call.method != "sendMessage":
            return
        chat = int(call.params["chat_id"])
        update_id = self.outstanding.get(chat)
        if update_id is None or not is_customer_reply(call.params.get("text", "")):
            return
        del self.outstanding[chat]
        self.latencies.append(call.at - self.server.update_sent_at[update_id])
        if self.on_free:
            self.on_free(chat)

    def send_next(self, chat: int) -> bool:
        index = self.position.get(chat, 0)
        script = self.scripts[(chat - self.group_base) % len(self.scripts)]
        if index >= len(script):
            return False
        self.position[chat] = index + 1
        user = self.server_module.User(chat, f"Trainee {chat}", "nl")
        self.outstanding[chat] = self.server.user_sends(user, script[index])
        self.sent += 1
        return True


async def closed_loop(load: Load, base: int) -> tuple[int, float]:
    load.group_base = base
    chats = range(base, base + load.chats)
    finished = 0
    started = time.perf_counter()

    def free(chat: int) -> None:
        nonlocal finished
        if not load.send_next(chat):
            finished += 1
            if finished == load.chats:
                load.done.set()

    load.on_free = free
    for chat in chats:
        load.send_next(chat)
    await load.done.wait()
    return load.sent, time.perf_counter() - started


async def open_loop(load: Load, base: int, rate: float) -> tuple[int, float]:
    """Send at `rate` msg/s, round robin over the chats that have no line in flight (a trainee waits
    for the customer's answer before typing the next line)."""
    load.group_base = base
    freed = asyncio.Event()
    load.on_free = lambda chat: freed.set()
    queue = deque(range(base, base + load.chats))  # chats with lines left
    started = time.perf_counter()
    sent = 0
    while queue:
        chat = next((c for c in queue if c not in load.outstanding), None)
        if chat is None:  # every chat waits for an answer
            freed.clear()
            if not await wait_or_timeout(freed):
                break
            continue
        queue.remove(chat)
        delay = started + sent / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        if load.send_next(chat):
            sent += 1
            queue.append(chat)
    while load.outstanding:
        freed.clear()
        if not await wait_or_timeout(freed):
            break
    return sent, time.perf_counter() - started


async def wait_or_timeout(event: asyncio.Event, seconds: float = 30.0) -> bool:
    try:
        await asyncio.wait_for(event.wait(), seconds)
        return True
    except TimeoutError:
        print(f"no answer for {seconds:.0f} s: giving up on the lines still in flight", file=sys.stderr)
        return False


def telegram_process(conn: Any, chats: int, lines: int, rate: float) -> None:
    async def main() -> None:
        module = _server_module()
        server = await module.BotApiServer(TOKEN).start()
        conn.send(server.port)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, conn.recv)  # "go": the bot is polling
        scripts = load_scripts(lines)
        results: dict[str, Any] = {}
        load = Load(module, server, scripts, chats)
        sent, seconds = await closed_loop(load, THROUGHPUT_BASE)
        results["throughput"] = (sent, seconds, sorted(load.latencies))
        load = Load(module, server, scripts, chats)
        sent, seconds = await open_loop(load, LATENCY_BASE, rate)
        results["latency"] = (sent, seconds, sorted(load.latencies))
        conn.send(results)
        await loop.run_in_executor(None, conn.recv)  # the bot has stopped
        await server.stop()

    asyncio.run(main())


# ------------------------------------------------------------------------------------------ bot side


def prepare_database(path: Path, chats: int) -> None:
    """500 + 500 trainees with a role-play in progress (what /start and a scenario pick leave)."""
    from salesbot.storage import SqliteStorage
    from salesbot.telegram.catalogue import ScenarioCatalogue, scan_folders

    catalogue = ScenarioCatalogue()
    catalogue.apply(scan_folders(()), {})
    engine = catalogue.engine(SCENARIO)
    assert engine is not None
    storage = SqliteStorage(path, synchronous="NORMAL")  # set-up only; the bot itself uses FULL
    for base in (THROUGHPUT_BASE, LATENCY_BASE):
        for chat in range(base, base + chats):
            storage.ensure_user(chat, f"Trainee {chat}", False)
            state = engine.new_session(chat)
            storage.start_session(chat, chat, SCENARIO, chat, state.to_json(), None, engine.opening(state))
    storage._db.execute("UPDATE messages SET delivered = TRUE")
    storage.close()


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


async def run_bot(api_port: int, db_path: Path, conn: Any) -> None:
    from salesbot.storage import SqliteStorage
    from salesbot.telegram.bot import SalesBot
    from salesbot.telegram.config import load_config
    from salesbot.telegram.ratelimit import RetryingRateLimiter

    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "SALESBOT_TELEGRAM_API_URL": f"http://127.0.0.1:{api_port}/bot{TOKEN}",
        "SALESBOT_DB": str(db_path),
    }
    config = load_config(env)
    bot = SalesBot(
        config,
        SqliteStorage(config.db_path),
        rate_limiter=RetryingRateLimiter(overall_max_rate=0, group_max_rate=0),
        poll_timeout=5.0,
    )
    await bot.start()
    try:
        conn.send("go")
        return await asyncio.get_running_loop().run_in_executor(None, conn.recv)
    finally:
        await bot.stop()
        conn.send("stop")


def report(title: str, sent: int, seconds: float, latencies: list[float]) -> None:
    ms = [x * 1000 for x in latencies]
    print(f"{title}")
    print(f"  messages answered : {len(ms)} of {sent} in {seconds:.2f} s = {len(ms) / seconds:.0f} msg/s")
    print(
        f"  update -> reply   : p50 {percentile(ms, 50):.1f} ms, p90 {percentile(ms, 90):.1f} ms, "
        f"p99 {percentile(ms, 99):.1f} ms, max {max(ms):.1f} ms, mean {statistics.fmean(ms):.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--chats", type=int, default=500)
    parser.add_argument("--rate", type=float, default=300.0, help="offered load of the latency run (msg/s)")
    parser.add_argument("--lines", type=int, default=8, help="lines per chat (from the golden transcripts)")
    args = parser.parse_args()

    import logging

    logging.basicConfig(
        level=logging.WARNING, format="%(relativeCreated)d %(levelname)s %(name)s: %(message)s"
    )
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        prepare_database(db_path, args.chats)
        print(f"set-up: {2 * args.chats} role-plays in progress ({time.perf_counter() - t0:.1f} s)")
        ours, theirs = mp.get_context("spawn").Pipe()
        telegram = mp.get_context("spawn").Process(
            target=telegram_process, args=(theirs, args.chats, args.lines, args.rate), daemon=True
        )
        telegram.start()
        port = ours.recv()
        results = asyncio.run(run_bot(port, db_path, ours))
        telegram.join(10)
    print(f"machine: {os.cpu_count()} CPUs, load average before the run {load_before:.2f}")
    sent, seconds, latencies = results["throughput"]
    report(f"1. throughput, closed loop, {args.chats} concurrent chats", sent, seconds, latencies)
    sent, seconds, latencies = results["latency"]
    report(f"2. latency at {args.rate:.0f} msg/s offered, {args.chats} chats", sent, seconds, latencies)
    return 0


if __name__ == "__main__":
    sys.exit(main())
