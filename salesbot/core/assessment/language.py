"""Language data of the assessment (feedback templates, rule labels, report texts, outcome cues).

The data lives in the bundled files data/nl.yaml and data/en.yaml; this module only reads them (package
data is the one kind of file the pure core may read) and matches cue phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any, cast

import yaml

from salesbot.core.analysis.types import Lang

LANGUAGES: tuple[Lang, ...] = ("nl", "en")


@cache
def language_data(lang: Lang) -> Mapping[str, Any]:
    """The parsed data file of one language (cached: the files never change at run time)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    text = resources.files("salesbot.core.assessment.data").joinpath(f"{lang}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"assessment data file {lang}.yaml is not a mapping")
    return cast(Mapping[str, Any], data)


def text(lang: Lang, *path: str) -> str:
    """One text from the data file, e.g. text("nl", "report", "title"); a missing key is a bug, so it
    raises KeyError naming the full path."""
    node: Any = language_data(lang)
    for key in path:
        if not isinstance(node, Mapping) or key not in node:
            raise KeyError(f"{lang}.yaml has no text at {'.'.join(path)}")
        node = node[key]
    if not isinstance(node, str):
        raise KeyError(f"{lang}.yaml: {'.'.join(path)} is not a text")
    return node


def cues(kind: str) -> tuple[str, ...]:
    """Cue phrases of one kind from BOTH languages: transcripts mix languages ("deal", "oké") and the
    cue lists are short, so a union is safer than trusting the detected language."""
    phrases: list[str] = []
    for lang in LANGUAGES:
        phrases.extend(language_data(lang).get("cues", {}).get(kind, []))
    return tuple(dict.fromkeys(p.lower() for p in phrases))


@cache
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    # Longest first, so "geen interesse" wins over "geen"; word boundaries on both sides.
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def find_cue(message: str, phrases: Iterable[str]) -> str | None:
    """The first cue phrase found in the message (whole words, case-insensitive), or None."""
    pattern = _pattern(tuple(phrases))
    if pattern is None:
        return None
    found = pattern.search(message)
    return found.group(0).lower() if found else None


def starts_with_cue(message: str, phrases: Iterable[str]) -> str | None:
    """The cue phrase the message opens with (after leading punctuation and spaces), or None."""
    pattern = _pattern(tuple(phrases))
    if pattern is None:
        return None
    found = pattern.match(message.lstrip(" \t\n\"'“„‘-–—.,…"))
    return found.group(0).lower() if found else None
