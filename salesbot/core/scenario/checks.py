"""Semantic checks of a scenario: what the schema alone cannot see.

Pure: takes a validated `Scenario`, returns `Issue`s whose `path` points into the YAML document (the same
shape as a pydantic error `loc`), so `salesbot.scenario_files` can turn each one into `file:line:column`.

"Reachable" here reasons about the content gains a scenario declares (pains, implications, need-payoffs):
the engine may add small extras (rapport, summaries), but a trainer should not depend on them to make a
closing signal or an outcome reachable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import yaml

from salesbot.core.scenario.model import Scenario

Path = tuple[str | int, ...]
Severity = Literal["error", "warning"]

# Labels the analyser accepts extra cue phrases for (shared/design/analysis-labels.md plus extensions).
CUE_LABELS: frozenset[str] = frozenset(
    {
        "greeting", "introduction", "agenda", "acknowledgement", "summary", "follow_up", "closing_attempt",
        "pitch", "benefit", "buying_signal", "objection", "confirmation", "explicit_need",
        "situation", "problem", "implication", "need_payoff",
    }
)


@dataclass(frozen=True, slots=True)
class Issue:
    """One semantic problem; `path` is a location in the document, e.g. ("pains", 1, "topic", 0)."""

    path: Path
    message: str
    severity: Severity = "error"


def normalise_keyword(keyword: str) -> str:
    """How topic keywords are compared: case- and whitespace-insensitive."""
    return " ".join(keyword.lower().split())


def max_readiness(scenario: Scenario) -> int:
    """The highest readiness the scenario's content can bring the customer to (capped at 100)."""
    gain = 0
    for pain in scenario.pains:
        gain += pain.readiness + sum(i.readiness for i in pain.implications)
        if pain.need_payoff is not None:
            gain += pain.need_payoff.readiness
    return min(100, scenario.start.readiness + gain)


def revealable_pains(scenario: Scenario) -> set[str]:
    """Pain ids a problem question can reveal: at least one topic keyword not claimed by an earlier pain."""
    claimed: set[str] = set()
    result: set[str] = set()
    for pain in scenario.pains:
        words = {normalise_keyword(k) for k in pain.topic} - {""}
        if words - claimed:
            result.add(pain.id)
        claimed |= words
    return result


def check_scenario(scenario: Scenario) -> list[Issue]:
    """Every semantic problem of `scenario`, errors and warnings, in document order per check."""
    issues: list[Issue] = []
    for check in (
        _duplicate_ids,
        _keywords,
        _shared_pain_keywords,
        _references,
        _objections_resolvable,
        _thresholds,
        _closing_signals,
        _cues,
        _language,
    ):
        issues.extend(check(scenario))
    return issues


def _duplicate_ids(s: Scenario) -> Iterator[Issue]:
    # Facts, pains and implications are tracked together as "revealed" ids by the engine, so they share
    # one namespace; objections and closing signals each have their own.
    revealed: list[tuple[str, Path, str]] = [(f.id, ("facts", i, "id"), "fact") for i, f in enumerate(s.facts)]
    for p, pain in enumerate(s.pains):
        revealed.append((pain.id, ("pains", p, "id"), "pain"))
        for i, imp in enumerate(pain.implications):
            revealed.append((imp.id, ("pains", p, "implications", i, "id"), "implication"))
    yield from _duplicates(revealed, "facts, pains and implications")
    yield from _duplicates(
        [(o.id, ("objections", i, "id"), "objection") for i, o in enumerate(s.objections)], "objections"
    )
    yield from _duplicates(
        [(c.id, ("closing_signals", i, "id"), "closing signal") for i, c in enumerate(s.closing_signals)],
        "closing signals",
    )


def _duplicates(items: Sequence[tuple[str, Path, str]], namespace: str) -> Iterator[Issue]:
    first: dict[str, tuple[Path, str]] = {}
    for item_id, path, kind in items:
        if item_id in first:
            where, other = first[item_id]
            yield Issue(path, f"duplicate id '{item_id}': already used by the {other} at {_dotted(where[:-1])} "
                        f"(ids must be unique among {namespace})")
        else:
            first[item_id] = (path, kind)


def _topic_lists(s: Scenario) -> Iterator[tuple[Path, Sequence[str]]]:
    for i, fact in enumerate(s.facts):
        yield ("facts", i, "topic"), fact.topic
    for p, pain in enumerate(s.pains):
        yield ("pains", p, "topic"), pain.topic
        for i, imp in enumerate(pain.implications):
            if imp.topic is not None:
                yield ("pains", p, "implications", i, "topic"), imp.topic


def _keywords(s: Scenario) -> Iterator[Issue]:
    for path, words in _topic_lists(s):
        seen: dict[str, int] = {}
        for k, word in enumerate(words):
            norm = normalise_keyword(word)
            if not norm:
                yield Issue((*path, k), "empty topic keyword")
            elif norm in seen:
                yield Issue((*path, k), f"duplicate topic keyword '{word}' (also item {seen[norm] + 1} of this list)")
            else:
                seen[norm] = k
    for label, phrases in s.cues.items():
        for k, phrase in enumerate(phrases):
            if not normalise_keyword(phrase):
                yield Issue(("cues", label, k), "empty cue phrase")


def _shared_pain_keywords(s: Scenario) -> Iterator[Issue]:
    owner: dict[str, str] = {}
    for p, pain in enumerate(s.pains):
        for k, word in enumerate(pain.topic):
            norm = normalise_keyword(word)
            if norm in owner and owner[norm] != pain.id:
                yield Issue(
                    ("pains", p, "topic", k),
                    f"topic keyword '{word}' is also a topic of pain '{owner[norm]}': a problem question "
                    f"with it always reveals '{owner[norm]}', so use it in one pain only",
                )
            owner.setdefault(norm, pain.id)
    yield from _prefix_overlaps(s)
    revealable = revealable_pains(s)
    for p, pain in enumerate(s.pains):
        if pain.id not in revealable:
            yield Issue(("pains", p, "topic"), f"pain '{pain.id}' can never be revealed: every topic keyword "
                        "belongs to an earlier pain")


# The engine lets a keyword of at least this many letters match longer words ("storing" ~ "storingen").
PREFIX_MATCH_MIN = 5


def _prefix_overlaps(s: Scenario) -> Iterator[Issue]:
    earlier: list[tuple[str, str]] = []  # (keyword, pain id)
    for p, pain in enumerate(s.pains):
        for k, word in enumerate(pain.topic):
            norm = normalise_keyword(word)
            for other, owner in earlier:
                if owner == pain.id or other == norm:
                    continue
                longer, shorter = (norm, other) if len(norm) > len(other) else (other, norm)
                if len(shorter) >= PREFIX_MATCH_MIN and " " not in shorter and longer.startswith(shorter):
                    yield Issue(("pains", p, "topic", k), f"topic keyword '{word}' overlaps '{other}' of pain "
                                f"'{owner}': a word starting with '{shorter}' matches both pains", "warning")
                    break
        earlier.extend((normalise_keyword(w), pain.id) for w in pain.topic)


def _references(s: Scenario) -> Iterator[Issue]:
    pains = {p.id for p in s.pains}
    known = ", ".join(sorted(pains))
    for o, obj in enumerate(s.objections):
        after = obj.trigger.after_pain
        if after is not None and after not in pains:
            yield Issue(("objections", o, "trigger", "after_pain"),
                        f"objection '{obj.id}' waits for unknown pain '{after}', so it is never raised "
                        f"(known pains: {known})")
        for k, ref in enumerate(obj.resolved_by.benefit_linked_to):
            if ref not in pains:
                yield Issue(("objections", o, "resolved_by", "benefit_linked_to", k),
                            f"unknown pain '{ref}' (known pains: {known})")


def _objections_resolvable(s: Scenario) -> Iterator[Issue]:
    revealable = revealable_pains(s)
    with_need = {p.id for p in s.pains if p.need_payoff is not None}
    for o, obj in enumerate(s.objections):
        rule = obj.resolved_by
        path: Path = ("objections", o, "resolved_by")
        if not (rule.acknowledgement or rule.follow_up or rule.benefit_linked_to):
            yield Issue(path, f"objection '{obj.id}' requires nothing to be resolved: set acknowledgement, "
                        "follow_up or benefit_linked_to")
            continue
        if rule.benefit_linked_to:
            linked = set(rule.benefit_linked_to)
            if not linked & revealable:
                yield Issue(path, f"objection '{obj.id}' can never be resolved: none of the linked pains "
                            f"({', '.join(rule.benefit_linked_to)}) can be revealed")
            elif not linked & revealable & with_need:
                # The answer must link to a need the customer voiced, and needs are voiced by need_payoffs.
                yield Issue(path, f"objection '{obj.id}' can never be resolved: none of the linked pains has a "
                            "need_payoff, so the customer never voices the need a benefit must answer")
        if obj.trigger.readiness_below <= 0:
            yield Issue(("objections", o, "trigger", "readiness_below"),
                        f"objection '{obj.id}' is never raised: readiness is never below 0")


# What a trainer can do about it (the readiness gains are listed in docs/scenarios.md).
_REACH_HINT = (
    " (raise start.readiness or the readiness of pains, implications and need-payoffs, add some, or lower"
    " the threshold)"
)


def _thresholds(s: Scenario) -> Iterator[Issue]:
    t = s.thresholds
    top = max_readiness(s)
    if t.advance >= t.order:
        yield Issue(("thresholds", "advance"), f"advance threshold ({t.advance}) must be below the order "
                    f"threshold ({t.order}), otherwise a close never ends in an advance")
    if t.order > top:
        yield Issue(("thresholds", "order"), f"order threshold {t.order} is unreachable: start readiness plus "
                    f"every readiness gain adds up to {top}{_REACH_HINT}")
    elif t.advance > top:
        yield Issue(("thresholds", "advance"), f"advance threshold {t.advance} is unreachable: start readiness "
                    f"plus every readiness gain adds up to {top}{_REACH_HINT}")
    if s.start.readiness >= t.advance:
        yield Issue(("start", "readiness"), f"start readiness {s.start.readiness} already reaches the advance "
                    f"threshold ({t.advance}): a close in the first turn would succeed", "warning")
    if t.no_sale_patience >= s.start.patience:
        yield Issue(("thresholds", "no_sale_patience"), f"no_sale_patience ({t.no_sale_patience}) is not below "
                    f"the start patience ({s.start.patience}): the customer would end the call at once")


def _closing_signals(s: Scenario) -> Iterator[Issue]:
    top = max_readiness(s)
    for c, signal in enumerate(s.closing_signals):
        path: Path = ("closing_signals", c, "at_readiness")
        if signal.at_readiness > top:
            yield Issue(path, f"closing signal '{signal.id}' at readiness {signal.at_readiness} is unreachable: "
                        f"start readiness plus every readiness gain adds up to {top}{_REACH_HINT}")
        elif signal.at_readiness <= s.start.readiness:
            yield Issue(path, f"closing signal '{signal.id}' at readiness {signal.at_readiness} is given at once: "
                        f"the call starts at readiness {s.start.readiness}", "warning")


def _cues(s: Scenario) -> Iterator[Issue]:
    for label in s.cues:
        if label not in CUE_LABELS:
            yield Issue(("cues", label, "[key]"), f"unknown cue label '{label}' (known: {', '.join(sorted(CUE_LABELS))})")


_WORD = re.compile(r"[a-zà-ÿ']+")


@cache
def _function_words() -> dict[str, frozenset[str]]:
    text = resources.files("salesbot.core.scenario").joinpath("data/language_hints.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    odd = [w for lang in ("nl", "en") for w in raw[lang] if not isinstance(w, str)]
    if odd:  # YAML reads an unquoted on/off/yes/no as true/false
        raise ValueError(f"language_hints.yaml: {odd[0]!r} is not a word (quote it)")
    nl, en = frozenset(raw["nl"]), frozenset(raw["en"])
    return {"nl": nl - en, "en": en - nl}  # words both languages use tell nothing


def _texts(s: Scenario) -> Iterator[tuple[Path, str]]:
    def variants(path: Path, texts: Iterable[str] | None) -> Iterator[tuple[Path, str]]:
        for k, text in enumerate(texts or ()):
            yield (*path, k), text

    for name in ("title", "briefing", "goal"):
        yield (name,), getattr(s, name)
    for i, fact in enumerate(s.facts):
        yield from variants(("facts", i, "reply"), fact.reply)
    for p, pain in enumerate(s.pains):
        yield from variants(("pains", p, "reply"), pain.reply)
        for i, imp in enumerate(pain.implications):
            yield from variants(("pains", p, "implications", i, "reply"), imp.reply)
        if pain.need_payoff:
            yield from variants(("pains", p, "need_payoff", "reply"), pain.need_payoff.reply)
    for o, obj in enumerate(s.objections):
        for name in ("text", "explore_reply", "resolved_reply"):
            yield from variants(("objections", o, name), getattr(obj, name))
    for c, signal in enumerate(s.closing_signals):
        yield from variants(("closing_signals", c, "text"), signal.text)
    for name in ("order", "advance", "continuation", "no_sale"):
        yield from variants(("outcomes", name), getattr(s.outcomes, name))
    for name in type(s.replies).model_fields:
        yield from variants(("replies", name), getattr(s.replies, name))


def _language(s: Scenario) -> Iterator[Issue]:
    words = _function_words()
    other = "en" if s.language == "nl" else "nl"
    for path, text in _texts(s):
        tokens = _WORD.findall(text.lower())
        own = sum(t in words[s.language] for t in tokens)
        foreign = sum(t in words[other] for t in tokens)
        # Only clear cases: short replies and names mix languages often enough.
        if foreign >= 3 and foreign > 2 * own:
            yield Issue(path, f"this text looks {_LANGUAGE_NAMES[other]} but the scenario's language is "
                        f"{s.language}", "warning")


_LANGUAGE_NAMES = {"nl": "Dutch", "en": "English"}


def _dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
