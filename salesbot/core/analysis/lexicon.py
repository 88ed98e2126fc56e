"""Per-language lexicon: the bundled YAML data compiled into regular expressions, loaded lazily and cached.

All language knowledge (question words, verb-first verbs, cue patterns, stop words) lives in
``data/<lang>.yaml``; this module only compiles it. A rule is a named group of patterns; the rule name is
what the analyser reports as evidence, so a trainer can see which cue fired.
"""

from __future__ import annotations

import importlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from salesbot.core.analysis.types import Lang

# The standard library's pattern parser (re._parser since 3.11), to find the start words of cue patterns.
sre_parse: Any = importlib.import_module("re._parser")

LANGS: tuple[Lang, ...] = ("nl", "en")

# The order in which SPIN rule groups are tried, and the label each group gives (None: not SPIN).
SPIN_ORDER: tuple[tuple[str, str | None], ...] = (
    ("none", None),
    ("implication_first", "implication"),
    ("problem_early", "problem"),  # what the customer wants to change or get rid of ("... if you could")
    ("need_payoff", "need_payoff"),
    ("problem_first", "problem"),
    ("implication", "implication"),
    ("none_late", None),
    ("problem", "problem"),
    ("implication_late", "implication"),
    ("situation_strong", "situation"),
    ("problem_word", "problem"),
    ("situation_frame", "situation"),
    ("situation_default", "situation"),
)


class _Cue:
    """One pattern of a rule, with the words a match of it can start with (None: unknown, always search).
    The pattern is compiled on first use: most cues are never needed in a short run (start-up time)."""

    __slots__ = ("_compiled", "prefixes", "source", "words")

    def __init__(self, source: str, words: frozenset[str] | None, prefixes: tuple[str, ...]) -> None:
        self.source = source
        self.words = words
        self.prefixes = prefixes  # a match starts with a word beginning with one of these ("frustr\w*")
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        return self._compiled or self.compile()

    def compile(self) -> re.Pattern[str]:
        self._compiled = re.compile(self.source)
        return self._compiled


@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    """A named cue rule: a list of patterns; the earliest match in the text is the evidence.

    Python's ``re`` tries every alternative of a big alternation at every position, which is slow, so each
    pattern is kept apart with the words it can start with (worked out from the pattern). A pattern is
    only tried where one of those words starts in the text. Rules hash by identity (see match_rules)."""

    name: str
    cues: tuple[_Cue, ...]

    @property
    def pattern(self) -> re.Pattern[str]:
        """All patterns as one regular expression (slower; for callers that need a plain pattern)."""
        return re.compile("|".join(f"(?:{c.source})" for c in self.cues))

    def search(self, text: str) -> str | None:
        found = self.find(text)
        return found.group(0).strip() if found else None

    def find(self, text: str) -> re.Match[str] | None:
        return match_rules((self,), text)[0]


def first_match(rules: Sequence[Rule], text: str) -> tuple[str, str] | None:
    """The first rule (in order) that matches ``text``: (rule name, matched text)."""
    if not rules:
        return None
    for rule, found in zip(rules, match_rules(tuple(rules), text), strict=True):
        if found is not None:
            return rule.name, found.group(0).strip()
    return None


def match_rules(rules: tuple[Rule, ...], text: str) -> list[re.Match[str] | None]:
    """The earliest match of every rule in ``rules`` (None where a rule does not match; at equal starts
    the earlier pattern wins, as in one alternation), in one pass over the words of the text."""
    return _merged(rules).find_all(text)


_Entry = tuple[int, int, "_Cue"]  # (rule index, cue index, cue)
_Prefixed = tuple[int, int, "_Cue", tuple[str, ...]]  # (rule index, cue index, cue, word prefixes)
_Guarded = tuple[int, int, "_Cue", tuple[str, ...]]  # (rule index, cue index, cue, required substrings)

_PREFIX_KEY = 4  # letters of a word prefix looked for in the text before going through its words


@dataclass(frozen=True, slots=True)
class _MergedRules:
    rules: tuple[Rule, ...]
    by_word: Mapping[str, tuple[_Entry, ...]]  # cues indexed by their first word
    by_pair: Mapping[str, Mapping[str, tuple[_Entry, ...]]]  # ... or by their first two words
    word_keys: frozenset[str]  # the first words of both
    # Cues whose start is unknown, with literal text every match must contain (empty: none known); the
    # cue is only searched through the text when one of those substrings is in it.
    always: tuple[_Guarded, ...]
    # Cues whose first word is partly known ("frustr\w*"), by the first letters of their prefixes.
    by_prefix: tuple[tuple[str, tuple[_Prefixed, ...]], ...]

    def find_all(self, text: str) -> list[re.Match[str] | None]:
        index = _index(text)
        positions = index.positions
        count = len(self.rules)
        best: list[re.Match[str] | None] = [None] * count
        hits = self.word_keys.intersection(positions)
        if not hits and not self.always and not self.by_prefix:
            return best  # the usual case for most rules: none of their start words is in the text
        # The best match so far per rule as one int, position * _CUE_SLOTS + cue index (earliest start,
        # then earliest cue, as in one alternation): cheaper than comparing tuples on the hot path.
        keys = [(len(text) + 1) * _CUE_SLOTS] * count
        for word in hits:
            starts = positions[word]
            for r, c, cue in self.by_word.get(word, ()):
                match = (cue._compiled or cue.compile()).match
                key = keys[r]
                for at in starts:
                    if at * _CUE_SLOTS + c >= key:
                        break
                    found = match(text, at)
                    if found:
                        best[r], keys[r] = found, at * _CUE_SLOTS + c
                        break
            seconds = self.by_pair.get(word)
            if seconds is None:
                continue
            word_at = index.word_at
            after = len(word) + 1
            for at in starts:  # the word after this one, if one space follows: "wat" + "zou"
                entries = seconds.get(word_at.get(at + after, ""))
                if entries is None or text[at + after - 1] != " ":
                    continue
                for r, c, cue in entries:
                    if at * _CUE_SLOTS + c < keys[r]:
                        found = (cue._compiled or cue.compile()).match(text, at)
                        if found:
                            best[r], keys[r] = found, at * _CUE_SLOTS + c
        for r, c, cue, required in self.always:
            if required and not any(part in text for part in required):
                continue
            # The whole text, not just up to the best start so far: a search cut short there would miss a
            # match that starts before and ends after it, and could end a match inside a word.
            found = (cue._compiled or cue.compile()).search(text)
            if found and found.start() * _CUE_SLOTS + c < keys[r]:
                best[r], keys[r] = found, found.start() * _CUE_SLOTS + c
        for letters, prefixed in self.by_prefix:
            if letters not in text:
                continue  # a quick look before going through the words
            for word in positions:
                if not word.startswith(letters):
                    continue
                for r, c, cue, prefixes in prefixed:
                    if not word.startswith(prefixes):
                        continue
                    for at in positions[word]:
                        if at * _CUE_SLOTS + c < keys[r]:
                            found = (cue._compiled or cue.compile()).match(text, at)
                            if found:
                                best[r], keys[r] = found, at * _CUE_SLOTS + c
        return best


_CUE_SLOTS = 1 << 16  # more cues than any rule has


_MERGED: dict[tuple[Rule, ...], _MergedRules] = {}


def _merged(rules: tuple[Rule, ...]) -> _MergedRules:
    merged = _MERGED.get(rules)
    if merged is None:
        by_word: dict[str, list[_Entry]] = {}
        by_pair: dict[str, dict[str, list[_Entry]]] = {}
        always: list[_Guarded] = []
        by_prefix: dict[str, list[_Prefixed]] = {}
        for r, rule in enumerate(rules):
            for c, cue in enumerate(rule.cues):
                if cue.words is None:
                    always.append((r, c, cue, _required_text(cue.source)))
                    continue
                for start in cue.words:
                    first, _, second = start.partition(" ")
                    if second:
                        by_pair.setdefault(first, {}).setdefault(second, []).append((r, c, cue))
                    else:
                        by_word.setdefault(first, []).append((r, c, cue))
                keys = {p[:_PREFIX_KEY] for p in cue.prefixes}
                if any(len(p) < _PREFIX_KEY for p in cue.prefixes):
                    keys = {""}  # too short to index: tried on every word (scenario patterns only)
                for key in sorted(keys):
                    by_prefix.setdefault(key, []).append((r, c, cue, cue.prefixes))
        merged = _MergedRules(
            rules,
            {w: tuple(v) for w, v in by_word.items()},
            {w: {second: tuple(v) for second, v in seconds.items()} for w, seconds in by_pair.items()},
            frozenset(by_word) | frozenset(by_pair),
            tuple(always),
            tuple((k, tuple(v)) for k, v in sorted(by_prefix.items())),
        )
        if len(_MERGED) < 4096:  # rule tuples come from the data and the scenarios: a small, fixed set
            _MERGED[rules] = merged
    return merged


class _TextIndex:
    """The words of a text: where each starts, and which word starts where."""

    __slots__ = ("positions", "word_at")

    def __init__(self, positions: dict[str, list[int]], word_at: dict[int, str]) -> None:
        self.positions = positions  # word -> where it starts
        self.word_at = word_at  # where a word starts -> the word


_WORD_CHARS = re.compile(r"\w+")


@lru_cache(maxsize=1024)
def _index(text: str) -> _TextIndex:
    positions: dict[str, list[int]] = {}
    word_at: dict[int, str] = {}
    get = positions.get
    for found in _WORD_CHARS.finditer(text):
        word = found.group()
        at = found.start()
        word_at[at] = word
        starts = get(word)
        if starts is None:
            positions[word] = [at]
        else:
            starts.append(at)
    return _TextIndex(positions, word_at)


def _required_text(pattern: str) -> tuple[str, ...]:
    """Literal text every match of ``pattern`` contains, as alternatives (one of them is always there):
    a cheap substring test before searching the whole text. Empty when nothing certain is known."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return ()
    return _required_in(list(parsed), 0) or ()


def _required_in(items: list[Any], depth: int) -> tuple[str, ...] | None:
    """The longest literal run in a sequence of pattern items, or the alternatives of a group that all
    have one; None when no item guarantees any text."""
    if depth > 40:
        return None
    best: tuple[str, ...] | None = None
    run = ""

    def better(candidate: tuple[str, ...] | None) -> None:
        nonlocal best
        if (
            candidate
            and all(len(c) >= 2 for c in candidate)
            and (best is None or min(map(len, candidate)) > min(map(len, best)))
        ):
            best = candidate

    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            run += chr(av)
            continue
        better((run,) if run else None)
        run = ""
        if name == "SUBPATTERN":
            better(_required_in(list(av[-1]), depth + 1))
        elif name == "BRANCH":
            alternatives = [_required_in(list(a), depth + 1) for a in av[1]]
            if all(alternatives):
                better(tuple(sorted({t for a in alternatives for t in a or ()})))
        elif name in ("MAX_REPEAT", "MIN_REPEAT") and av[0] >= 1:
            better(_required_in(list(av[2]), depth + 1))
    better((run,) if run else None)
    return best


_MAX_STARTS = 400


class _Unknown(Exception):
    pass


def _start_words(pattern: str) -> tuple[frozenset[str] | None, tuple[str, ...]]:
    r"""The words (or pairs of words) any match of ``pattern`` must start with, and word prefixes when the
    first word is only partly literal ("frustr\w*"). (None, ()) when unknown: then always searched."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return None, ()
    for pairs in (True, False):  # first two words where that stays small, else first words
        words: set[str] = set()
        prefixes: set[str] = set()
        try:
            _collect(list(parsed), "", words, prefixes, 0, pairs)
        except _Unknown:
            continue
        return frozenset(words), tuple(sorted(prefixes))
    return None, ()


def _first(acc: str) -> str:
    return acc.split(" ", 1)[0]


def _done(acc: str, words: set[str]) -> None:
    """Record the start collected so far: two words if the second one is complete, else the first."""
    words.add(acc if " " in acc and not acc.endswith(" ") else _first(acc))


def _collect(
    items: list[Any], acc: str, words: set[str], prefixes: set[str], depth: int, pairs: bool
) -> None:
    """Walk the parsed pattern, collecting the literal first word (or two words) of every way to match."""
    if depth > 90 or len(words) + len(prefixes) > _MAX_STARTS:
        raise _Unknown
    if not items:
        if not acc:
            raise _Unknown  # could match the empty string
        _done(acc, words)
        return
    op, av = items[0]
    rest = items[1:]
    name = str(op)
    second = " " in acc
    if name == "LITERAL":
        char = chr(av)
        if char.isalnum() or char == "_":
            _collect(rest, acc + char, words, prefixes, depth + 1, pairs)
        elif char == " " and acc and pairs and not second:
            _collect(rest, acc + " ", words, prefixes, depth + 1, pairs)  # go on to the second word
        elif acc:
            _done(acc, words)  # the (first or second) word ends here
        else:
            raise _Unknown  # starts with punctuation or a space
    elif name in ("AT", "ASSERT", "ASSERT_NOT"):
        if acc:
            _done(acc, words)
        else:
            _collect(rest, acc, words, prefixes, depth + 1, pairs)
    elif name == "SUBPATTERN":
        _collect(list(av[-1]) + rest, acc, words, prefixes, depth + 1, pairs)
    elif name == "BRANCH":
        for alternative in av[1]:
            _collect(list(alternative) + rest, acc, words, prefixes, depth + 1, pairs)
    elif name in ("MAX_REPEAT", "MIN_REPEAT"):
        low, _high, item = av
        if low == 0:
            _collect(rest, acc, words, prefixes, depth + 1, pairs)
        _collect(list(item) + rest, acc, words, prefixes, depth + 1, pairs)
    elif name == "IN" and all(str(o) == "LITERAL" for o, _ in av) and len(av) <= 6:
        for _, char in av:
            _collect([(sre_parse.LITERAL, char), *rest], acc, words, prefixes, depth + 1, pairs)
    elif second:
        words.add(_first(acc))  # the second word is not literal: index by the first
    elif acc and name == "ANY":
        words.add(acc)  # "i.m", "isn.t": the dot stands for an apostrophe, so "i" / "isn" is a whole word
    elif acc:
        prefixes.add(acc)  # a class inside the first word: only its start is known
    else:
        raise _Unknown


def _wrap(patterns: Iterable[str]) -> str:
    # Word boundaries on both sides so cues never match inside longer words.
    return r"(?<!\w)(?:" + "|".join(f"(?:{p.rstrip()})" for p in patterns) + r")(?!\w)"


def compile_rules(groups: Mapping[str, Sequence[str]] | None) -> tuple[Rule, ...]:
    if not groups:
        return ()
    return tuple(make_rule(name, patterns) for name, patterns in groups.items() if patterns)


# Start words of the bundled patterns, read from data/start_words_<lang>.json: working them out with the
# pattern parser takes a quarter of a second per process (start-up of every `salesbot analyze`). Keyed by
# the pattern source, so an edited pattern simply misses the table and is worked out at load.
_KNOWN_STARTS: dict[str, tuple[frozenset[str] | None, tuple[str, ...]]] = {}


def make_rule(name: str, patterns: Sequence[str]) -> Rule:
    cues = []
    for pattern in patterns:
        source = _wrap([pattern])
        known = _KNOWN_STARTS.get(source)
        words, prefixes = known if known is not None else _start_words(source)
        cues.append(_Cue(source, words, prefixes))
    return Rule(name, tuple(cues))


def phrase_pattern(phrase: str) -> str:
    """A literal cue phrase (e.g. from a scenario) as a pattern: words in order, flexible white space."""
    words = normalise(phrase).split()
    return r"\s+".join(re.escape(w) for w in words)


_HAS_DIGIT = re.compile(r"\d")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00b4": "'", "`": "'"})
_THOUSANDS = re.compile(r"(?<=\d)[.,](?=\d{3}(?!\d))")


def normalise(text: str) -> str:
    """Lower case, accents removed, straight quotes, single spaces: the form all patterns are written for."""
    text = text.translate(_QUOTES).lower()
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    if _HAS_DIGIT.search(text):
        text = _THOUSANDS.sub("", text)  # "5.000 dozen" / "5,000 boxes": one number, one word
    return " ".join(text.split())


@dataclass(frozen=True)
class LangData:
    lang: Lang
    detect_words: frozenset[str]
    stop_words: frozenset[str]
    stem_exceptions: Mapping[str, str]
    question_words: frozenset[str]
    question_prepositions: frozenset[str]  # "met welk", "aan hoeveel", "to what extent"
    question_word_followers: frozenset[str]  # pronouns that may follow a question word ("wat u" is not)
    lead_in_words: frozenset[str]
    question_verbs: frozenset[str]
    verb_first_pronouns: frozenset[str]
    not_verbs: frozenset[str]
    # Adverbs that take the first place of a statement, the verb after them ("Dan hoeft u ..."): a sentence
    # without a question mark that opens with one is no verb-first question.
    statement_adverbs: frozenset[str]
    # Subjects after which a first verb usually states something with its object left out ("weet ik niet",
    # "hebben we al"): a customer's line without a question mark is then no question.
    statement_subjects: frozenset[str]
    generic_verb_first: bool  # Dutch: any finite verb + pronoun starts a yes/no question
    elaboration: tuple[Rule, ...]
    indirect_open: tuple[Rule, ...]
    open_cues: tuple[Rule, ...]  # elaboration + indirect_open, tried together on every question
    choice: tuple[Rule, ...]
    not_question: re.Pattern[str] | None
    summary_checks: tuple[Rule, ...]
    tag_questions: tuple[Rule, ...]
    summary_markers: tuple[Rule, ...]
    summary_weak_markers: tuple[Rule, ...]  # only at the start of a sentence, and only with shared content
    interjections: frozenset[str]
    summary_announcements: re.Pattern[str] | None
    follow_up_cues: tuple[Rule, ...]
    # The "follow_up.consequence" then "follow_up.reference" cues: words pointing back.
    follow_up_references: tuple[Rule, ...]
    generic_terms: frozenset[str]  # content words too general to show a question builds on an answer
    contrast_words: frozenset[str]  # "maar", "but": a sentence opening with one turns against the one before
    # Words that open an approving reply ("Vijf dagen? Prima."): an echo of the seller's words is then no doubt.
    approving_words: frozenset[str]
    approving_phrases: tuple[str, ...]  # "not bad", "valt mee": approval anywhere in the reply
    # Verbs that end an aside after a question ("..., do you think?", "..., denkt u?"): no second question.
    question_asides: frozenset[str]
    spin: Mapping[str, tuple[Rule, ...]]
    acts: Mapping[str, tuple[Rule, ...]]
    customer_acts: Mapping[str, tuple[Rule, ...]]
    baseline_spin: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    baseline_acts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Multi-word question words ("wat voor", "how many") as a pattern anchored at the start.
    question_start: re.Pattern[str] = field(default=re.compile(r"(?!)"))
    # Words the cues are written with (for typo correction), and their one-letter deletions (built on
    # the first word that needs a correction).
    vocabulary: frozenset[str] = frozenset()
    known_words: frozenset[str] = frozenset()  # real words the corrector must leave alone (data file)
    # The informal register in the form the cues are written for (Dutch "vind je" -> "vindt u", "jouw" ->
    # "uw"): verb -> formal verb, the formal subject, informal pronoun -> formal one, and their patterns.
    informal_verbs: Mapping[str, str] = field(default_factory=dict)
    formal_subject: str = ""
    informal_words: Mapping[str, str] = field(default_factory=dict)
    informal_any: re.Pattern[str] | None = None
    informal_pairs: re.Pattern[str] | None = None
    _deletions: dict[str, str] = field(default_factory=dict)

    def formal(self, sentence: str) -> str:
        """The sentence with an inverted verb + informal subject ("vind je") and the informal pronouns
        ("jouw") in the form the cues are written for ("vindt u", "uw"). A "je" after a word that is no
        known verb stays: it may be a possessive, and the cues that need it list it."""
        if self.informal_any is None or not self.informal_any.search(sentence):
            return sentence
        if self.informal_pairs is not None:

            def pair(found: re.Match[str]) -> str:
                verb = self.informal_verbs.get(found.group(1))
                return f"{verb} {self.formal_subject}" if verb else found.group(0)

            sentence = self.informal_pairs.sub(pair, sentence)
        if self.informal_words:
            words = self.informal_words
            sentence = self.informal_any.sub(
                lambda found: words.get(found.group(0), found.group(0)), sentence
            )
        return sentence

    @property
    def deletions(self) -> Mapping[str, str]:
        if not self._deletions:
            self._deletions.update(_deletions(self.vocabulary))
        return self._deletions

    def correct(self, word: str) -> str | None:
        """The cue word ``word`` is one typo away from (a letter extra, missing, wrong or two letters
        swapped), or None. Only words of 5+ letters (4 for swapped letters) that are not cue words
        themselves are corrected, so ordinary words are left alone."""
        target = self.correction_target(word)
        if target is None or word in self.known_words or word in known_words(self.lang):
            return None
        return target

    def correction_target(self, word: str) -> str | None:
        """The cue word ``word`` looks like a typo of, before the lists of real words are consulted (those
        lists are generated from it: tests/core/analysis/test_known_words.py)."""
        if len(word) < 4 or word in self.vocabulary or word in self.stop_words or not word.isalpha():
            return None
        target = self._candidate(word)
        if target is None or target.startswith(word) or word.startswith(target):
            return None  # an inflection ("driver"/"drivers", "snellere"/"sneller"), not a typo
        return target

    def _candidate(self, word: str) -> str | None:
        if len(word) >= 6:  # shorter words are too often real words ("weigh" is not "weight")
            for i in range(len(word)):
                shorter = word[:i] + word[i + 1 :]
                if shorter in self.vocabulary and len(shorter) >= 6:
                    return shorter  # one letter too many: "tevreeden"
            if word in self.deletions:
                return self.deletions[word]  # one letter missing: "huidge"
        for i in range(len(word) - 1):
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if swapped in self.vocabulary:
                return swapped  # two letters swapped: "taht"
        if len(word) >= 7:
            for i in range(len(word)):
                target = self.deletions.get(word[:i] + word[i + 1 :])
                if target is not None and len(target) == len(word) and _one_substitution(word, target):
                    return target  # one wrong letter: "probleen"
        return None


def _one_substitution(a: str, b: str) -> bool:
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


_PATTERN_WORD = re.compile(r"(?<![\\?])\b[a-z]{4,}\b")


# Data keys whose words are no cue words: the typo corrector must not "correct" real words toward them.
_NOT_VOCABULARY = frozenset({"baseline", "known_words", "informal_verbs", "informal_words"})


def _vocabulary(raw: Mapping[str, Any]) -> frozenset[str]:
    """Every plain word of four or more letters in the language data (patterns and word lists)."""
    words: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            words.update(_PATTERN_WORD.findall(value))
        elif isinstance(value, Mapping):
            for key, item in value.items():
                if key not in _NOT_VOCABULARY:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(raw)
    return frozenset(words)


def _deletions(vocabulary: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for word in sorted(vocabulary):  # sorted: the same word wins every time
        if len(word) < 5:
            continue
        for i in range(len(word)):
            out.setdefault(word[:i] + word[i + 1 :], word)
    return out


def _words(values: Iterable[object] | None) -> frozenset[str]:
    words = list(values or ())
    odd = [v for v in words if not isinstance(v, str | int) or isinstance(v, bool)]
    if odd:
        # YAML reads an unquoted on/off/yes/no as true/false: "on" would silently become "true".
        raise ValueError(f"analysis data: {odd[0]!r} in a word list is not a word (quote it)")
    return frozenset(normalise(str(v)) for v in words)


def _optional_pattern(patterns: Sequence[str] | None) -> re.Pattern[str] | None:
    return re.compile(_wrap(patterns)) if patterns else None


@cache
def _load_yaml(lang: Lang) -> dict[str, Any]:
    text = resources.files("salesbot.core.analysis").joinpath("data", f"{lang}.yaml").read_text("utf-8")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    if not isinstance(data, dict):
        raise ValueError(f"analysis data for {lang!r} is not a mapping")
    return data


def _bundled_start_words(lang: Lang) -> dict[str, tuple[frozenset[str] | None, tuple[str, ...]]]:
    path = resources.files("salesbot.core.analysis").joinpath("data", f"start_words_{lang}.json")
    try:
        raw = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return {}
    return {
        source: (None if words is None else frozenset(words), tuple(prefixes))
        for source, (words, prefixes) in raw.get("patterns", {}).items()
    }


def start_word_table(lang: Lang) -> dict[str, list[list[str] | None]]:
    """The start words of every bundled pattern of ``lang``, worked out afresh with the pattern parser (the
    content of data/start_words_<lang>.json; a test checks the file is current)."""
    data = load_language(lang)
    rules: list[Rule] = [
        *data.elaboration,
        *data.indirect_open,
        *data.choice,
        *data.summary_checks,
        *data.tag_questions,
        *data.summary_markers,
        *data.summary_weak_markers,
        *data.follow_up_cues,
    ]
    for group in (data.spin, data.acts, data.customer_acts):
        for group_rules in group.values():
            rules.extend(group_rules)
    table: dict[str, list[list[str] | None]] = {}
    for rule in rules:
        for cue in rule.cues:
            words, prefixes = _start_words(cue.source)
            table[cue.source] = [None if words is None else sorted(words), list(prefixes)]
    return dict(sorted(table.items()))


@cache
def known_words(lang: Lang) -> frozenset[str]:
    """Real words one typo away from a cue word (generated from the simplemma lexicon by
    tests/core/analysis/test_known_words.py), loaded on the first correction candidate only: "weken" is not
    a typo of "werken", "winkel" not of "winkels"."""
    path = resources.files("salesbot.core.analysis").joinpath("data", f"known_{lang}.json")
    try:
        raw = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return frozenset()
    return frozenset(raw.get("words", ()))


@cache
def detect_words(lang: Lang) -> frozenset[str]:
    """The marker words of a language, without compiling the rest of its data."""
    return _words(_load_yaml(lang).get("detect_words"))


def word_pattern(words: Sequence[object], ignore_case: bool = False) -> re.Pattern[str] | None:
    """Any of the whole words or phrases; None for an empty list."""
    if not words:
        return None
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(r"\b(?:" + "|".join(re.escape(str(w)) for w in words) + r")\b", flags)


def _informal_pairs(raw: Mapping[str, Any]) -> re.Pattern[str] | None:
    """A word followed by an informal subject ("vind je"); group 1 is the word (the verb to look up)."""
    subjects = [re.escape(str(w)) for w in raw.get("informal_subjects") or ()]
    if not subjects or not raw.get("informal_verbs") or not raw.get("formal_subject"):
        return None
    return re.compile(r"\b(\w+) (?:" + "|".join(subjects) + r")\b")


@cache
def load_language(lang: Lang) -> LangData:
    """The compiled data of one language; loaded on first use and kept for the process."""
    raw = _load_yaml(lang)

    def groups(key: str) -> dict[str, Any]:
        value = raw.get(key) or {}
        if not isinstance(value, dict):
            raise ValueError(f"analysis data for {lang!r}: {key!r} must be a mapping")
        return value

    def nested(key: str) -> dict[str, tuple[Rule, ...]]:
        return {label: compile_rules(rules) for label, rules in groups(key).items()}

    _KNOWN_STARTS.update(_bundled_start_words(lang))
    question_words = _words(raw.get("question_words"))
    starts = sorted(question_words, key=len, reverse=True)
    baseline = groups("baseline")
    vocabulary = _vocabulary(raw)
    follow_up_cues = compile_rules(groups("follow_up_cues"))
    elaboration = compile_rules(groups("elaboration"))
    indirect_open = compile_rules(groups("indirect_open"))
    return LangData(
        lang=lang,
        detect_words=_words(raw.get("detect_words")),
        stop_words=_words(raw.get("stop_words")),
        stem_exceptions=dict(raw.get("stem_exceptions") or {}),
        question_words=question_words,
        question_prepositions=_words(raw.get("question_prepositions")),
        question_word_followers=_words(raw.get("question_word_followers")),
        lead_in_words=_words(raw.get("lead_in_words")),
        question_verbs=_words(raw.get("question_verbs")),
        verb_first_pronouns=_words(raw.get("verb_first_pronouns")),
        not_verbs=_words(raw.get("not_verbs")),
        statement_adverbs=_words(raw.get("statement_adverbs")),
        statement_subjects=_words(raw.get("statement_subjects")),
        generic_verb_first=bool(raw.get("generic_verb_first", False)),
        elaboration=elaboration,
        indirect_open=indirect_open,
        open_cues=elaboration + indirect_open,
        choice=compile_rules(groups("choice")),
        not_question=_optional_pattern(raw.get("not_question")),
        summary_checks=compile_rules(groups("summary_checks")),
        tag_questions=compile_rules(groups("tag_questions")),
        summary_markers=compile_rules(groups("summary_markers")),
        summary_weak_markers=compile_rules(groups("summary_weak_markers")),
        interjections=_words(raw.get("interjections")),
        summary_announcements=_optional_pattern(raw.get("summary_announcements")),
        follow_up_cues=follow_up_cues,
        # Consequence words first ("dan", "daardoor"): a fact question about a problem just named that
        # points back with one asks for its effect.
        follow_up_references=tuple(r for r in follow_up_cues if r.name == "follow_up.consequence")
        + tuple(r for r in follow_up_cues if r.name == "follow_up.reference"),
        generic_terms=_words(raw.get("generic_terms")),
        contrast_words=_words(raw.get("contrast_words")),
        approving_words=_words(raw.get("approving_words")),
        approving_phrases=tuple(normalise(str(p)) for p in raw.get("approving_phrases") or ()),
        question_asides=_words(raw.get("question_asides")),
        spin=nested("spin"),
        acts=nested("acts"),
        customer_acts=nested("customer_acts"),
        baseline_spin={k: tuple(v) for k, v in (baseline.get("spin") or {}).items()},
        baseline_acts={k: tuple(v) for k, v in (baseline.get("acts") or {}).items()},
        question_start=re.compile(r"^(?:" + "|".join(re.escape(w) for w in starts) + r")(?!\w)"),
        vocabulary=vocabulary,
        known_words=_words(raw.get("known_words")),
        informal_verbs=dict(raw.get("informal_verbs") or {}),
        formal_subject=str(raw.get("formal_subject") or ""),
        informal_words=dict(raw.get("informal_words") or {}),
        informal_any=word_pattern(
            [*(raw.get("informal_subjects") or ()), *(raw.get("informal_words") or {})]
        ),
        informal_pairs=_informal_pairs(raw),
    )
