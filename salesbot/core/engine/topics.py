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
    """All keywords of a scenario, indexed once per Engine; `matches` runs once per trainee message."""

    def __init__(self, keywords: Iterable[str], terms: Callable[[str], frozenset[str]]) -> None:
        self.exact: set[str] = set()
        self.prefixes: set[str] = set()
        self.phrases: list[str] = []
        self.by_term: dict[str, set[str]] = {}
        for raw in keywords:
            keyword = raw.lower().strip()
            words = _WORD.findall(keyword)
            if len(words) > 1 or (words and words[0] != keyword):
                self.phrases.append(keyword)
                continue
            self.exact.add(keyword)
            if len(keyword) >= PREFIX_MIN:
                self.prefixes.add(keyword)
            for term in terms(keyword):
                self.by_term.setdefault(term, set()).add(keyword)
        self.phrases = sorted(set(self.phrases))
        self.longest_prefix = max((len(p) for p in self.prefixes), default=0)

    def matches(self, text: str, message_terms: frozenset[str]) -> frozenset[str]:
        """The (lower-cased) keywords the message mentions."""
        lowered = text.lower()
        found: set[str] = set()
        exact, prefixes, longest = self.exact, self.prefixes, self.longest_prefix
        for word in _WORD.findall(lowered):
            if word in exact:
                found.add(word)
            for n in range(PREFIX_MIN, min(len(word), longest) + 1):
                prefix = word[:n]
                if prefix in prefixes:
                    found.add(prefix)
        for phrase in self.phrases:
            if phrase in lowered:
                found.add(phrase)
        for term in message_terms:
            keywords = self.by_term.get(term)
            if keywords:
                found.update(keywords)
        return frozenset(found)


def keyword_set(keywords: Iterable[str]) -> frozenset[str]:
    return frozenset(k.lower().strip() for k in keywords)
