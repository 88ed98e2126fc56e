"""A scripted analyser: each message carries its labels, so metric and rubric tests do not depend on the
real analyser's accuracy (golden transcripts in test_golden.py use the real one)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from salesbot.core.analysis.types import SPIN_TYPES, Analysis, Lang, Message, Role

Line = tuple[str, str, str]  # role, text, labels ("open situation follow_up")


class ScriptedAnalyzer:
    def __init__(self, labels: dict[tuple[str, str], str], lang: Lang = "nl") -> None:
        self.labels = labels
        self.lang = lang
        self.calls: list[tuple[str, str, int]] = []

    def detect_language(self, text: str) -> Lang:
        return self.lang

    def analyze(
        self, text: str, role: Role = "seller", context: Sequence[Message] = (), lang: Lang | None = None
    ) -> Analysis:
        self.calls.append((role, text, len(context)))
        tokens = self.labels.get((role, text), "").split()
        question = next((t for t in tokens if t in ("open", "closed")), None)
        spin = next((t for t in tokens if t in SPIN_TYPES), None)
        acts = tuple(t for t in tokens if t not in ("open", "closed") and t not in SPIN_TYPES)
        terms = frozenset(w.strip(".,?!").lower() for w in text.split() if len(w) > 4)
        return Analysis(lang=lang or self.lang, role=role, question=question, spin=spin,  # type: ignore[arg-type]
                        acts=acts, terms=terms)


Script = Callable[..., tuple[list[Message], ScriptedAnalyzer]]


@pytest.fixture
def script() -> Script:
    def build(lines: Sequence[Line], lang: Lang = "nl") -> tuple[list[Message], ScriptedAnalyzer]:
        roles = {"s": "seller", "c": "customer", "seller": "seller", "customer": "customer"}
        messages = [Message(roles[r], text) for r, text, _ in lines]  # type: ignore[arg-type]
        labels = {(roles[r], text): lab for r, text, lab in lines}
        return messages, ScriptedAnalyzer(labels, lang)

    return build
