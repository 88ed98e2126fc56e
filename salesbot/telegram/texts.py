"""The bot's interface texts, from salesbot/locales/telegram.{nl,en}.yaml."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

UiLang = Literal["nl", "en"]
LANGUAGES: tuple[UiLang, ...] = ("nl", "en")
DEFAULT_LANGUAGE: UiLang = "nl"


@cache
def _load(lang: UiLang) -> dict[str, Any]:
    text = resources.files("salesbot.locales").joinpath(f"telegram.{lang}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"telegram.{lang}.yaml: expected a mapping of texts")
    return data


class Texts:
    """`t("phases.opening")`, `t("too_long", length=5000, limit=4096)`."""

    def __init__(self, lang: UiLang) -> None:
        self.lang: UiLang = lang
        self._data = _load(lang)

    def raw(self, key: str) -> Any:
        node: Any = self._data
        for part in key.split("."):
            node = node[part]
        return node

    def __call__(self, key: str, **values: object) -> str:
        template = self.raw(key)
        return str(template).format(**values) if values else str(template)


@cache
def texts(lang: str | None) -> Texts:
    return Texts(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)  # type: ignore[arg-type]


def language_from_telegram(language_code: str | None) -> UiLang:
    """Dutch-speaking clients (nl, nl-BE, ...) and clients that do not say get Dutch; others English."""
    if not language_code:
        return DEFAULT_LANGUAGE
    return "nl" if language_code.lower().startswith("nl") else "en"
