"""Charts with matplotlib (Agg, no pyplot global state): dimension scores and the SPIN flow over the call.

matplotlib takes about half a second to import, so it is imported inside the functions: the CLI imports
every command module at start-up and the text report needs none of this.
"""

from __future__ import annotations

import io
import threading
from typing import TYPE_CHECKING

from salesbot.core.analysis.types import SPIN_TYPES
from salesbot.core.assessment import DIMENSIONS, Assessment
from salesbot.reports.common import Texts, fmt

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# matplotlib is not thread-safe (shared font and text caches); the Telegram bot renders charts in a thread
# pool, so charts are drawn one at a time per process.
_LOCK = threading.Lock()

COLOURS = {"situation": "#8aa1b1", "problem": "#e0a458", "implication": "#d1495b", "need_payoff": "#2e8b57"}


def _figure(width: float, height: float, rows: int = 1) -> tuple[Figure, list[Axes]]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=110, layout="constrained")
    FigureCanvasAgg(figure)
    axes = [figure.add_subplot(rows, 1, i + 1) for i in range(rows)]
    return figure, axes


def _dimension_chart(a: Assessment, t: Texts, ax: Axes) -> None:
    names = [t.dimension(n) for n in DIMENSIONS]
    scores = [a.score.dimensions[n].score if a.score.dimensions[n].applicable else 0.0 for n in DIMENSIONS]
    colours = ["#2e8b57" if s >= 70 else "#e0a458" if s >= 40 else "#d1495b" for s in scores]
    positions = list(range(len(names)))[::-1]
    ax.barh(positions, scores, color=colours)
    ax.set_yticks(positions, names)
    ax.set_xlim(0, 100)
    for y, n, s in zip(positions, DIMENSIONS, scores, strict=True):
        label = f"{fmt(s)}%" if a.score.dimensions[n].applicable else t("not_applicable")
        ax.text(min(s + 2, 88), y, label, va="center", fontsize=9)
    ax.set_title(f"{t('dimension_chart')} ({t('score')} {fmt(a.score.total)}/100)", fontsize=11)
    ax.spines[["top", "right"]].set_visible(False)


def _spin_flow_chart(a: Assessment, t: Texts, ax: Axes) -> None:
    """SPIN level of each seller question against its turn, with the customer's signals and objections
    and the seller's closing attempts marked along the top."""
    levels = {s: i + 1 for i, s in enumerate(SPIN_TYPES)}
    m = a.metrics
    if m.spin.flow:
        xs = [turn for turn, _ in m.spin.flow]
        ys = [levels[s] for _, s in m.spin.flow]
        ax.plot(xs, ys, color="#999999", linewidth=1, zorder=1)
        ax.scatter(xs, ys, c=[COLOURS[s] for _, s in m.spin.flow], s=60, zorder=2)
    top = len(SPIN_TYPES) + 0.8
    marks = (
        ([s.turn for s in m.buying_signals], "^", "#2e8b57", t("buying_signals")),
        ([c.turn for c in m.closing_attempts], "s", "#1f4e79", t("closing_attempts")),
        ([o.turn for o in m.objections], "v", "#d1495b", t("objections")),
    )
    for turns, marker, colour, label in marks:
        if turns:
            ax.scatter(turns, [top] * len(turns), marker=marker, color=colour, s=50, label=label)
    ax.set_yticks(list(levels.values()) + [top], [t.spin(s) for s in SPIN_TYPES] + [t("events")])
    ax.set_xlim(0.5, max(len(a.turns), 2) + 0.5)
    ax.set_ylim(0.5, top + 0.5)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(t("turn"))
    ax.set_title(t("spin_flow"), fontsize=11)
    ax.grid(axis="y", color="#eeeeee")
    if any(turns for turns, *_ in marks):
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=3, fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    # No metadata: the same assessment gives the same bytes.
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def dimension_chart_png(a: Assessment) -> bytes:
    with _LOCK:
        figure, (ax,) = _figure(6.4, 2.8)
        _dimension_chart(a, Texts(a), ax)
        return _png(figure)


def spin_flow_png(a: Assessment) -> bytes:
    with _LOCK:
        figure, (ax,) = _figure(6.4, 2.8)
        _spin_flow_chart(a, Texts(a), ax)
        return _png(figure)


def render_png(a: Assessment) -> bytes:
    """One picture for Telegram: the dimension scores above the SPIN flow."""
    with _LOCK:
        figure, (top, bottom) = _figure(6.4, 5.6, rows=2)
        t = Texts(a)
        _dimension_chart(a, t, top)
        _spin_flow_chart(a, t, bottom)
        return _png(figure)
