"""End-to-end Telegram throughput and latency: stand-in Bot API + SalesBot (PTB, SQLite, engine, analysis).

Two processes, as in production: "Telegram" (the stand-in Bot API server from tests/telegram, plus the
simulated trainees) in a child process, the bot in this one, talking HTTP over loopback. 500 trainees
each have a role-play in progress and send lines from the bundled golden transcripts (the customer's
answers come from the real engine and analyser; every line and reply is committed to SQLite before
the reply is sent, with synchronous=FULL).

Measurements (each on its own 500 chats, all in one run of the bot):
  1. throughput: closed loop, 500 chats each sending its next line as soon as the previous one is
     answered: messages per second the bot sustains.
  2. latency: open loop at a fixed offered rate (default 300 msg/s; `--rate 30,150,300` for several),
     line i due at start + i/rate whatever the answers do, spread over chats that have no line in
     flight: p50/p90/p99/max time from the update being available to getUpdates to the customer's reply
     arriving at the Bot API, and from the line's scheduled time (which also counts any lateness of the
     sender, e.g. when every chat is waiting: the bot is saturated).
Each phase also reports the bot process's CPU time per message (user + system, all threads).

Telegram's own limit (about 30 messages/s per bot) is switched off in the rate limiter for this run.

    .venv/bin/python benchmarks/bench_telegram.py [--chats 500] [--rate 30,150,300] [--seconds 10]
        [--lines 8] [--no-closed] [--profile bot.prof]
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
GROUP_BASE = 100_000  # phase n of a run uses the chats (user ids) n * GROUP_BASE + 0, 1, ...


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

    def __init__(self, module: Any, server: Any, scripts: list[list[str]], base: int, chats: int) -> None:
        self.server_module, self.server, self.scripts = module, server, scripts
        self.base, self.chats = base, chats
        self.latencies: list[float] = []  # update available to getUpdates -> reply at the Bot API
        self.from_schedule: list[float] = []  # open loop: scheduled send time -> reply
        self.outstanding: dict[int, tuple[int, float]] = {}  # chat -> (update id, scheduled time)
        self.position: dict[int, int] = {}
        self.on_free: Any = None
        self.sent = 0
        self.calls_ended = 0
        self.requests: dict[str, int] = {}  # Bot API calls of the bot during the phase, per method
        server.on_call = self._on_call

    def _on_call(self, call: Any) -> None:
        self.requests[call.method] = self.requests.get(call.method, 0) + 1
        if call.method != "sendMessage":
            return
        chat = int(call.params["chat_id"])
        text = call.params.get("text", "")
        if text.startswith("🏁"):
            self.calls_ended += 1
        waiting = self.outstanding.get(chat)
        if waiting is None or not is_customer_reply(text):
            return
        del self.outstanding[chat]
        update_id, scheduled = waiting
        self.latencies.append(call.at - self.server.update_sent_at[update_id])
        self.from_schedule.append(call.at - scheduled)
        if self.on_free:
            self.on_free(chat)

    def send_next(self, chat: int, scheduled: float | None = None) -> bool:
        index = self.position.get(chat, 0)
        script = self.scripts[(chat - self.base) % len(self.scripts)]
        if index >= len(script):
            return False
        self.position[chat] = index + 1
        user = self.server_module.User(chat, f"Trainee {chat}", "nl")
        update_id = self.server.user_sends(user, script[index])
        self.outstanding[chat] = (
            update_id,
            self.server.update_sent_at[update_id] if scheduled is None else scheduled,
        )
        self.sent += 1
        return True


async def closed_loop(load: Load) -> tuple[int, float]:
    """Every chat sends its next line as soon as its previous one is answered."""
    done = asyncio.Event()
    finished = 0

    def free(chat: int) -> None:
        nonlocal finished
        if not load.send_next(chat):
            finished += 1
            if finished == load.chats:
                done.set()

    load.on_free = free
    started = time.perf_counter()
    for chat in range(load.base, load.base + load.chats):
        load.send_next(chat)
    await wait_or_timeout(done, 120.0)
    return load.sent, time.perf_counter() - started


async def open_loop(load: Load, rate: float, messages: int) -> tuple[int, float, int]:
    """Send `messages` lines at `rate` msg/s on a fixed schedule (line i is due at start + i/rate),
    whatever the bot's answers do, over the chats that have no line in flight (a trainee waits for the
    customer's answer before typing the next line). Latency is measured from the update being
    available and, to count any delay of the sender itself, from the line's scheduled time. Returns
    (sent, seconds, lines sent more than 10 ms after their scheduled time)."""
    free: deque[int] = deque(range(load.base, load.base + load.chats))
    freed = asyncio.Event()

    def on_free(chat: int) -> None:
        free.append(chat)
        freed.set()

    load.on_free = on_free
    started = time.perf_counter()
    sent = late = 0
    while sent < messages:
        scheduled = started + sent / rate
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        while not free:  # every chat waits for an answer: the bot is saturated
            freed.clear()
            if not await wait_or_timeout(freed):
                return sent, time.perf_counter() - started, late
        chat = free.popleft()
        if time.perf_counter() - scheduled > 0.010:
            late += 1
        if load.send_next(chat, scheduled):
            sent += 1
    done = asyncio.Event()
    load.on_free = lambda chat: done.set() if not load.outstanding else None
    if load.outstanding:
        await wait_or_timeout(done)
    return sent, time.perf_counter() - started, late


async def wait_or_timeout(event: asyncio.Event, seconds: float = 30.0) -> bool:
    try:
        await asyncio.wait_for(event.wait(), seconds)
        return True
    except TimeoutError:
        print(f"no answer for {seconds:.0f} s: giving up on the lines still in flight", file=sys.stderr)
        return False


def process_cpu_seconds(pid: int) -> tuple[float, float]:
    """(user, system) CPU time of a process so far, all threads (Linux /proc; NaN elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan"), float("nan")
    tick = os.sysconf("SC_CLK_TCK")
    return int(fields[11]) / tick, int(fields[12]) / tick


def telegram_process(
    conn: Any, bot_pid: int, plan: list[tuple[str, float, int]], chats: int, lines: int
) -> None:
    async def main() -> None:
        module = _server_module()
        server = await module.BotApiServer(TOKEN).start()
        conn.send(server.port)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, conn.recv)  # "go": the bot is polling
        scripts = load_scripts(lines)
        results: list[dict[str, Any]] = []
        for index, (kind, rate, messages) in enumerate(plan):
            load = Load(module, server, scripts, GROUP_BASE * (index + 1), chats)
            bot_cpu, own_cpu = process_cpu_seconds(bot_pid), time.process_time()
            if kind == "closed":
                sent, seconds = await closed_loop(load)
                late = 0
            else:
                sent, seconds, late = await open_loop(load, rate, messages)
            results.append(
                {
                    "kind": kind,
                    "rate": rate,
                    "sent": sent,
                    "seconds": seconds,
                    "late": late,
                    "latencies": sorted(load.latencies),
                    "from_schedule": sorted(load.from_schedule),
                    "bot_user": process_cpu_seconds(bot_pid)[0] - bot_cpu[0],
                    "bot_system": process_cpu_seconds(bot_pid)[1] - bot_cpu[1],
                    "load_cpu": time.process_time() - own_cpu,
                    "calls_ended": load.calls_ended,
                    "requests": dict(load.requests),
                }
            )
            server.calls.clear()  # the recorded calls would only grow
            server.sent.clear()
            await asyncio.sleep(0.5)  # let the bot's post-reply bookkeeping settle between phases
        conn.send(results)
        await loop.run_in_executor(None, conn.recv)  # the bot has stopped
        await server.stop()

    asyncio.run(main())


# ------------------------------------------------------------------------------------------ bot side


def prepare_database(path: Path, groups: int, chats: int) -> None:
    """`groups` x `chats` trainees with a role-play in progress (what /start and a scenario pick leave);
    every phase of the run uses its own group, so each starts from the same point of the call."""
    from salesbot.storage import SqliteStorage
    from salesbot.telegram.catalogue import ScenarioCatalogue, scan_folders

    catalogue = ScenarioCatalogue()
    catalogue.apply(scan_folders(()), {})
    engine = catalogue.engine(SCENARIO)
    assert engine is not None
    storage = SqliteStorage(path, synchronous="NORMAL")  # set-up only; the bot itself uses FULL
    for group in range(1, groups + 1):
        for chat in range(GROUP_BASE * group, GROUP_BASE * group + chats):
            storage.ensure_user(chat, f"Trainee {chat}", False)
            state = engine.new_session(chat)
            storage.start_session(chat, chat, SCENARIO, chat, state.to_json(), None, engine.opening(state))
    storage._db.execute("UPDATE messages SET delivered = TRUE")
    storage.close()


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


async def run_bot(api_port: int, db_path: Path, conn: Any, profile: str | None) -> Any:
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
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()  # the event loop's thread only (not the storage thread)
        profiler.enable()
    try:
        conn.send("go")
        return await asyncio.get_running_loop().run_in_executor(None, conn.recv)
    finally:
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(profile)
        await bot.stop()
        conn.send("stop")


def report(result: dict[str, Any], chats: int) -> None:
    answered, seconds = len(result["latencies"]), result["seconds"]
    if result["kind"] == "closed":
        print(f"throughput, closed loop, {chats} concurrent chats")
    else:
        print(f"latency, open loop at {result['rate']:.0f} msg/s offered, {chats} chats")
    print(
        f"  messages answered : {answered} of {result['sent']} in {seconds:.2f} s = "
        f"{answered / seconds:.0f} msg/s"
    )
    for name, key in (("update -> reply", "latencies"), ("scheduled -> reply", "from_schedule")):
        if result["kind"] == "closed" and key == "from_schedule":
            continue
        ms = [x * 1000 for x in result[key]]
        if ms:
            print(
                f"  {name:<18}: p50 {percentile(ms, 50):.1f} ms, p90 {percentile(ms, 90):.1f} ms, "
                f"p99 {percentile(ms, 99):.1f} ms, max {max(ms):.1f} ms, mean {statistics.fmean(ms):.1f} ms"
            )
    if result["kind"] == "open":
        print(
            f"  lines sent > 10 ms after their scheduled time (every chat was waiting for an answer, "
            f"or the sender itself did not get the CPU): {result['late']}"
        )
    cpu = result["bot_user"] + result["bot_system"]
    per_message = 1000 * cpu / answered if answered else float("nan")
    print(
        f"  CPU: bot {cpu:.2f} s (user {result['bot_user']:.2f}, system {result['bot_system']:.2f}; "
        f"{per_message:.2f} ms per message, {100 * cpu / seconds:.0f}% of one core), "
        f"stand-in API + trainees {result['load_cpu']:.2f} s"
    )
    if answered:
        requests = ", ".join(f"{n / answered:.2f} {m}" for m, n in sorted(result["requests"].items()))
        print(f"  Bot API requests per message: {requests}")
    if result["calls_ended"]:
        print(f"  role-plays that ended during the run: {result['calls_ended']}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--chats", type=int, default=500)
    parser.add_argument(
        "--rate",
        default="300",
        help="offered load(s) of the open-loop latency runs, msg/s, comma-separated (e.g. 30,150,300)",
    )
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each open-loop run")
    parser.add_argument("--lines", type=int, default=8, help="lines per chat (from the golden transcripts)")
    parser.add_argument("--no-closed", action="store_true", help="skip the closed-loop throughput run")
    parser.add_argument("--profile", metavar="FILE", help="cProfile the bot's event loop into FILE")
    args = parser.parse_args()
    rates = [float(r) for r in str(args.rate).split(",") if r.strip()]
    plan: list[tuple[str, float, int]] = [] if args.no_closed else [("closed", 0.0, 0)]
    for rate in rates:
        messages = min(int(rate * args.seconds), args.chats * args.lines)
        plan.append(("open", rate, messages))

    import logging

    logging.basicConfig(
        level=logging.WARNING, format="%(relativeCreated)d %(levelname)s %(name)s: %(message)s"
    )
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.db"
        t0 = time.perf_counter()
        prepare_database(db_path, len(plan), args.chats)
        print(f"set-up: {len(plan) * args.chats} role-plays in progress ({time.perf_counter() - t0:.1f} s)")
        ours, theirs = mp.get_context("spawn").Pipe()
        telegram = mp.get_context("spawn").Process(
            target=telegram_process,
            args=(theirs, os.getpid(), plan, args.chats, args.lines),
            daemon=True,
        )
        telegram.start()
        port = ours.recv()
        results = asyncio.run(run_bot(port, db_path, ours, args.profile))
        telegram.join(10)
    print(f"machine: {os.cpu_count()} CPUs, load average before the run {load_before:.2f}")
    for result in results:
        report(result, args.chats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
