"""Topic matching: which facts, pains and implications a trainee message is about.

A keyword matches a message when (a) the message has a word equal to it, (b) for keywords of five or more
characters, a word starting with it ("storing" in "storingen", "storingsdienst"), (c) for phrases, the
phrase occurs in the text, or (d) the keyword's lemma is among the analyser's terms of the message
("filialen" ~ "filiaal"). Short keywords need a whole word, so "nu" does not match "nummer".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_WORD = re.compile(r"\w+")
PREFIX_MIN = 5


class TopicIndex:
    """All keywords of a scenario, indexed once per Engine; `matches` runs once per trainee message.

    Keywords are reduced to a canonical key (their lemma when they have one), so "supplier" and
    "suppliers" in one topic count as one hit, not two.
    """

    def __init__(self, keywords: Iterable[str], terms: Callable[[str], frozenset[str]]) -> None:
        self.exact: dict[str, str] = {}  # word -> canonical key
        self.prefixes: dict[str, str] = {}
        self.phrases: dict[str, str] = {}
        self.by_term: dict[str, str] = {}
        self._canon: dict[str, str] = {}
        for raw in keywords:
            keyword = raw.lower().strip()
            if not keyword or keyword in self._canon:
                continue
            words = _WORD.findall(keyword)
            if len(words) > 1 or (words and words[0] != keyword):
                self._canon[keyword] = keyword
                self.phrases[keyword] = keyword
                continue
            lemmas = terms(keyword)
            key = min(lemmas) if len(lemmas) == 1 else keyword
            self._canon[keyword] = key
            self.exact[keyword] = key
            if len(keyword) >= PREFIX_MIN:
                self.prefixes[keyword] = key
            if len(lemmas) == 1:
                self.by_term.setdefault(key, key)
        self.longest_prefix = max((len(p) for p in self.prefixes), default=0)

    def keys(self, keywords: Iterable[str]) -> frozenset[str]:
        """The canonical keys of an item's keywords (all of them must have been indexed)."""
        return frozenset(self._canon[k.lower().strip()] for k in keywords if k.strip())

    def matches(self, text: str, message_terms: frozenset[str]) -> frozenset[str]:
        """The canonical keys of the keywords the message mentions."""
        lowered = text.lower()
        found: set[str] = set()
        exact, prefixes, longest = self.exact, self.prefixes, self.longest_prefix
        for word in _WORD.findall(lowered):
            key = exact.get(word)
            if key is not None:
                found.add(key)
            for n in range(PREFIX_MIN, min(len(word), longest) + 1):
                key = prefixes.get(word[:n])
                if key is not None:
                    found.add(key)
        for phrase, key in self.phrases.items():
            if phrase in lowered:
                found.add(key)
        by_term = self.by_term
        for term in message_terms:
            key = by_term.get(term)
            if key is not None:
                found.add(key)
        return frozenset(found)
