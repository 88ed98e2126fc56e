"""Renderers of an Assessment: render_text (terminal/Telegram), render_markdown, render_html (one
self-contained file), render_png (a chart for Telegram; matplotlib is imported only when called)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from salesbot.reports.html import render_html
from salesbot.reports.markdown import render_markdown
from salesbot.reports.text import render_text

if TYPE_CHECKING:
    from salesbot.core.assessment import Assessment


def render_png(a: Assessment) -> bytes:
    from salesbot.reports.charts import render_png as render

    return render(a)


__all__ = ["render_html", "render_markdown", "render_png", "render_text"]
