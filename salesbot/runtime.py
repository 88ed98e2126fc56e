"""Process settings for long runs (`salesbot analyze` on big inputs, the Telegram bot)."""

from __future__ import annotations

import gc


def settle_heap() -> None:
    """Freeze what start-up loaded (language data, scenarios, libraries) and collect the youngest generation
    less often. That data lives as long as the process, and full collections walked all of it: about 7% of
    `salesbot analyze`, and pauses of up to ~180 ms in the bot under load (benchmarks/bench_telegram.py).
    Each message makes many short-lived objects but no reference cycles worth chasing often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
