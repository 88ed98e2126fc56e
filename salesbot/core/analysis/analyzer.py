"""The utterance analyser: rule- and lexicon-based labels with evidence for every label.

How a seller message is labelled (see docs/analysis.md for the full story):
1. Normalise (lower case, accents off), split into sentences; the question is the LAST question sentence
   (a sentence ending in "?", a request to elaborate, or, when the message has no "?" at all, a sentence
   that starts like a question).
2. Question type: lead-ins are skipped; a clause that starts with a question word, an indirect question
   ("Kunt u vertellen hoe ...") or a request to elaborate is open, unless it offers options ("A of B?");
   a verb-first clause ("Heeft u ...", "Do you ...") or a declarative question is closed.
3. SPIN: rule groups tried in a fixed order on the question sentence: not-SPIN questions (agenda, time
   checks, "any questions?", small talk, pitch questions, summary checks, closing questions) first, then
   need-payoff, implication, problem frames, situation frames, problem words, and situation last.
4. Acts: cue rules per act; summary and follow-up also need content shared with the customer's messages.
Customer messages get buying_signal / objection (and the confirmation / explicit_need extensions).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from salesbot.core.analysis.lexicon import (
    LANGS,
    SPIN_ORDER,
    LangData,
    Rule,
    first_match,
    load_language,
    normalise,
    phrase_pattern,
)
from salesbot.core.analysis.types import (
    CUSTOMER_ACTS,
    EXTRA_CUSTOMER_ACTS,
    EXTRA_SELLER_ACTS,
    SELLER_ACTS,
    SPIN_TYPES,
    Analysis,
    Evidence,
    Lang,
    Message,
    QuestionType,
    Role,
    Spin,
)

_SELLER_ACT_SET = frozenset(SELLER_ACTS + EXTRA_SELLER_ACTS)
_CUSTOMER_ACT_SET = frozenset(CUSTOMER_ACTS + EXTRA_CUSTOMER_ACTS)
# Order acts are reported in (stable output).
_ACT_ORDER = {
    name: i for i, name in enumerate(SELLER_ACTS + EXTRA_SELLER_ACTS + CUSTOMER_ACTS + EXTRA_CUSTOMER_ACTS)
}

_WORD = re.compile(r"\w+(?:'\w+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_QUESTION_END = re.compile(r"\?[^\w?]*$")
_CLAUSE_SPLIT = re.compile(r"\s*[,;:]\s*|\s+-\s+")
_LEAD_PUNCT = re.compile(r"^[^\w]+")


# ---------------------------------------------------------------------------------------------- terms
def _stem_nl(word: str, exceptions: Mapping[str, str]) -> str:
    """A light Dutch stemmer: plural and inflection endings off, so "filialen"/"filiaal",
    "koelcellen"/"koelcel", "storingen"/"storing" get the same form. Consistency matters, not linguistics:
    the same function normalises scenario keywords and messages."""
    if word in exceptions:
        return exceptions[word]
    if len(word) <= 3 or not word.isalpha():
        return word.removesuffix("'s")
    if word.endswith("'s"):
        word = word[:-2]
    elif word.endswith("heden") and len(word) > 7:
        word = word[:-5] + "heid"
    elif word.endswith(("en", "ën")) and len(word) > 4:
        word = word[:-2]
    elif (
        word.endswith("s")
        and len(word) > 4
        and word[-3:-1] in ("el", "er", "em", "en", "je", "ie", "ur", "or", "ar", "ng")
    ):
        word = word[:-1]
    if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]  # cellen -> cell -> cel
    if len(word) > 3 and word[-1] not in "aeiouy" and word[-2] == word[-3] and word[-2] in "aeou":
        word = word[:-2] + word[-1]  # filiaal -> filial (like filialen -> filial)
    if word.endswith("z"):
        word = word[:-1] + "s"  # prijzen -> prijs
    elif word.endswith("v"):
        word = word[:-1] + "f"  # brieven -> brief
    return word


def _stem_en(word: str, exceptions: Mapping[str, str]) -> str:
    """A light English stemmer: plurals and possessives off (sites/site, companies/company)."""
    if word in exceptions:
        return exceptions[word]
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")):
        return word[:-1]
    return word


_STEMMERS = {"nl": _stem_nl, "en": _stem_en}


@lru_cache(maxsize=8192)
def _terms(text: str, lang: Lang) -> frozenset[str]:
    data = load_language(lang)
    stem = _STEMMERS[lang]
    out = set()
    for word in _WORD.findall(normalise(text)):
        if word in data.stop_words or word.isdigit() or len(word) < 2:
            continue
        stemmed = stem(word, data.stem_exceptions)
        if stemmed and stemmed not in data.stop_words:
            out.add(stemmed)
    return frozenset(out)


# ----------------------------------------------------------------------------------- question typing
@dataclass(frozen=True, slots=True)
class _Question:
    sentence: str  # the (normalised) question sentence the labels are about
    kind: QuestionType
    rule: str
    match: str


def _strip_lead_in(clause: str, data: LangData) -> str:
    """Drop leading interjections and connectives ("en", "oke,", "interessant,", "so") before a question."""
    clause = _LEAD_PUNCT.sub("", clause)
    for _ in range(4):
        parts = clause.split(" ", 1)
        head = parts[0].rstrip(",.!:;")
        if head in data.lead_in_words and len(parts) == 2:
            clause = _LEAD_PUNCT.sub("", parts[1])
        else:
            break
    return clause


def _starts_with_question_word(clause: str, data: LangData) -> str | None:
    found = data.question_start.match(clause)
    return found.group(0) if found else None


def _verb_first(clause: str, data: LangData, strict: bool) -> str | None:
    words = clause.split(" ", 2)
    if len(words) < 2:
        return None
    first, second = words[0].strip(",.!?"), words[1].strip(",.!?")
    if first in data.question_verbs and (
        second in data.verb_first_pronouns or not strict or data.lang == "en"
    ):
        return f"{first} {second}"
    if (
        data.generic_verb_first
        and not strict
        and second in data.verb_first_pronouns
        and first.isalpha()
        and first not in data.not_verbs
        and first not in data.question_words
    ):
        return f"{first} {second}"
    return None


def _type_question(sentence: str, data: LangData, has_mark: bool) -> _Question | None:
    """Open or closed for one sentence, or None if the sentence is not a question."""
    body = _strip_lead_in(sentence, data)
    if data.not_question is not None and data.not_question.search(body) and not has_mark:
        return None
    hit = first_match(data.elaboration, body) or first_match(data.indirect_open, body)
    if hit:
        return _Question(sentence, "open", hit[0], hit[1])
    for raw_clause in _CLAUSE_SPLIT.split(body):
        clause = _strip_lead_in(raw_clause, data)
        if not clause:
            continue
        word = _starts_with_question_word(clause, data)
        if word and not (data.not_question is not None and data.not_question.search(clause)):
            choice = first_match(data.choice, body) if has_mark else None
            if choice:
                return _Question(sentence, "closed", choice[0], choice[1])
            return _Question(sentence, "open", "open.question_word", word)
        verb = _verb_first(clause, data, strict=not has_mark)
        if verb:
            return _Question(sentence, "closed", "closed.verb_first", verb)
    if has_mark:
        return _Question(sentence, "closed", "closed.declarative_question", sentence[-40:])
    return None


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    for line in text.splitlines():
        line = normalise(line)
        if line:
            out.extend(s for s in _SENTENCE_END.split(line) if s)
    return out


def _find_question(sentences: Sequence[str], data: LangData) -> _Question | None:
    """The last question in the message (definitions: with several questions, label the last one)."""
    any_mark = any("?" in s for s in sentences)
    for sentence in reversed(sentences):
        has_mark = bool(_QUESTION_END.search(sentence))
        if has_mark:
            typed = _type_question(sentence.rstrip("?!. "), data, True)
            if typed is not None:
                return typed
            continue
        if sentence.endswith("!"):
            continue
        if not any_mark:
            typed = _type_question(sentence.rstrip(". "), data, False)
            if typed is not None:
                return typed
        else:
            hit = first_match(data.elaboration, _strip_lead_in(sentence, data))
            if hit:
                return _Question(sentence, "open", hit[0], hit[1])
    return None


# --------------------------------------------------------------------------------------------- analyser
class Analyzer:
    """Labels messages (see analysis-labels.md). Pure and deterministic; language data is loaded lazily."""

    def __init__(self, extra_cues: Mapping[str, Sequence[str]] | None = None) -> None:
        self._extra: dict[str, tuple[Rule, ...]] = {}
        self._extra_phrases: dict[str, tuple[str, ...]] = {}
        for label, phrases in (extra_cues or {}).items():
            cleaned = tuple(p for p in (str(x).strip() for x in phrases) if p)
            if not cleaned:
                continue
            pattern = r"(?<!\w)(?:" + "|".join(phrase_pattern(p) for p in cleaned) + r")(?!\w)"
            self._extra[label] = (Rule(f"{label}.scenario_cue", re.compile(pattern)),)
            self._extra_phrases[label] = cleaned

    # -- public API ------------------------------------------------------------------------------
    def terms(self, text: str, lang: Lang) -> frozenset[str]:
        """Normalised content words (lower-case stems, stop words removed), as in Analysis.terms."""
        return _terms(text, lang)

    def detect_language(self, text: str) -> Lang:
        return _detect(text)[0]

    def analyze(
        self, text: str, role: Role = "seller", context: Sequence[Message] = (), lang: Lang | None = None
    ) -> Analysis:
        evidence: list[Evidence] = []
        if lang is None:
            lang, hits = _detect(text)
            evidence.append(Evidence(f"lang={lang}", "lang.detected", hits))
        data = load_language(lang)
        terms = _terms(text, lang)
        sentences = _sentences(text)
        norm = " ".join(sentences)
        if role == "customer":
            acts = self._customer_acts(norm, sentences, terms, data, evidence)
            return Analysis(lang, role, None, None, acts, tuple(evidence), terms)
        return self._seller(norm, sentences, terms, context, data, evidence)

    # -- seller ----------------------------------------------------------------------------------
    def _seller(
        self,
        norm: str,
        sentences: list[str],
        terms: frozenset[str],
        context: Sequence[Message],
        data: LangData,
        evidence: list[Evidence],
    ) -> Analysis:
        lang = data.lang
        acts: dict[str, Evidence] = {}
        question = _find_question(sentences, data)

        for act in (
            "greeting",
            "introduction",
            "agenda",
            "acknowledgement",
            "closing_attempt",
            "pitch",
            "benefit",
        ):
            hit = first_match(data.acts.get(act, ()) + self._extra.get(act, ()), norm)
            if hit:
                acts[act] = Evidence(f"act={act}", hit[0], hit[1])

        customer_terms: frozenset[str] = frozenset()
        previous: Message | None = None
        for message in context:
            if message.role == "customer":
                customer_terms = customer_terms | _terms(message.text, lang)
                previous = message
        last_is_customer = bool(context) and context[-1].role == "customer"

        summary = self._summary(norm, sentences, terms, customer_terms, question, acts, data)
        summary_extra: list[Evidence] = []
        if summary:
            acts["summary"] = summary[0]
            summary_extra = summary[1:]
        # A summary's check ("..., klopt dat?") restates; it does not deepen, so it is not a follow-up.
        if (
            question is not None
            and previous is not None
            and not ({"closing_attempt", "summary"} & acts.keys())
        ):
            follow = self._follow_up(question, previous, last_is_customer, data)
            if follow:
                acts["follow_up"] = follow

        spin: Spin | None = None
        if question is not None:
            evidence.append(Evidence(f"question={question.kind}", question.rule, question.match))
            spin_hit = self._spin(question, acts, data)
            if spin_hit[0] is not None:
                spin = spin_hit[0]
                evidence.append(Evidence(f"spin={spin}", spin_hit[1], spin_hit[2]))
            elif spin_hit[1]:
                evidence.append(Evidence("spin=none", spin_hit[1], spin_hit[2]))
        ordered = sorted(acts, key=lambda a: _ACT_ORDER.get(a, 99))
        for act in ordered:
            evidence.append(acts[act])
            if act == "summary":
                evidence.extend(summary_extra)
        return Analysis(
            lang, "seller", question.kind if question else None, spin, tuple(ordered), tuple(evidence), terms
        )

    def _spin(
        self, question: _Question, acts: Mapping[str, Evidence], data: LangData
    ) -> tuple[Spin | None, str, str]:
        text = question.sentence
        if "closing_attempt" in acts and _within(acts["closing_attempt"].match, text):
            return None, "none.closing_question", acts["closing_attempt"].match
        if "summary" in acts:
            return None, "none.summary_check", acts["summary"].match
        check = first_match(data.summary_checks, text)
        if check and len(text.split()) <= 6:
            return None, "none.summary_check", check[1]
        weak: tuple[Spin | None, str, str] | None = None
        for group, label in SPIN_ORDER:
            hit = first_match(data.spin.get(group, ()), text)
            if hit is None:
                continue
            if label is None:
                return None, hit[0], hit[1]
            if group in ("situation_default", "problem_word", "situation_frame"):
                weak = (label, hit[0], hit[1])  # type: ignore[assignment]
                break
            return label, hit[0], hit[1]  # type: ignore[return-value]
        # Scenario cues decide when only a weak (default) rule fired.
        for label in ("need_payoff", "implication", "problem", "situation"):
            hit = first_match(self._extra.get(label, ()), text)
            if hit:
                return label, hit[0], hit[1]  # type: ignore[return-value]
        if weak is not None:
            return weak
        return "situation", "situation.fact_question", text[-40:]

    def _summary(
        self,
        norm: str,
        sentences: Sequence[str],
        terms: frozenset[str],
        customer_terms: frozenset[str],
        question: _Question | None,
        acts: Mapping[str, Evidence],
        data: LangData,
    ) -> list[Evidence] | None:
        """A summary restates the customer's content: a marker or check plus shared content words, or a
        declarative restatement made mostly of the customer's words. Announcing one is not a summary."""
        if not customer_terms:
            return None
        if data.summary_announcements is not None and data.summary_announcements.search(norm):
            return None
        # Only content outside an open question counts ("Dus hoeveel ...?" is a question, not a summary).
        parts = [
            s
            for s in sentences
            if not (question is not None and s == question.sentence and question.kind == "open")
        ]
        if not parts:
            return None
        body = " ".join(parts)
        shared = sorted(_terms(body, data.lang) & customer_terms)
        if not shared:
            return None
        cue = first_match(data.summary_markers, body) or first_match(data.summary_checks, body)
        shared_ev = Evidence("act=summary", "summary.shared_content", ", ".join(shared[:6]))
        if cue:
            return [Evidence("act=summary", cue[0], cue[1]), shared_ev]
        body_terms = _terms(body, data.lang)
        if len(shared) >= 3 and len(shared) >= 0.5 * len(body_terms) and "pitch" not in acts:
            return [Evidence("act=summary", "summary.restatement", ", ".join(shared[:6])), shared_ev]
        return None

    def _follow_up(
        self, question: _Question, previous: Message, last_is_customer: bool, data: LangData
    ) -> Evidence | None:
        """A question that deepens the customer's previous message: shares its content words, or asks to
        specify what was just said ("Hoezo?", "Wat bedoelt u met ...?")."""
        shared = sorted(_terms(question.sentence, data.lang) & _terms(previous.text, data.lang))
        if shared:
            return Evidence("act=follow_up", "follow_up.shared_content", ", ".join(shared[:6]))
        if not last_is_customer:
            return None
        hit = first_match(data.follow_up_cues, question.sentence)
        if hit:
            return Evidence("act=follow_up", hit[0], hit[1])
        return None

    # -- customer --------------------------------------------------------------------------------
    def _customer_acts(
        self,
        norm: str,
        sentences: Sequence[str],
        terms: frozenset[str],
        data: LangData,
        evidence: list[Evidence],
    ) -> tuple[str, ...]:
        found: dict[str, Evidence] = {}
        objection_sentences: set[int] = set()
        for index, sentence in enumerate(sentences):
            hit = first_match(
                data.customer_acts.get("objection", ()) + self._extra.get("objection", ()), sentence
            )
            if hit:
                objection_sentences.add(index)
                found.setdefault("objection", Evidence("act=objection", hit[0], hit[1]))
        for index, sentence in enumerate(sentences):
            rules = data.customer_acts.get("buying_signal", ())
            fit = first_match(rules[:1] + self._extra.get("buying_signal", ()), sentence)
            if fit:
                found.setdefault("buying_signal", Evidence("act=buying_signal", fit[0], fit[1]))
                continue
            # Topic words (price, delivery, contract ...) signal buying in a question, not in a concern.
            if index in objection_sentences:
                continue
            is_question = bool(_QUESTION_END.search(sentence)) or bool(
                _starts_with_question_word(_strip_lead_in(sentence, data), data)
            )
            if is_question:
                hit = first_match(rules[1:], sentence)
                if hit:
                    found.setdefault("buying_signal", Evidence("act=buying_signal", hit[0], hit[1]))
        for act in EXTRA_CUSTOMER_ACTS:
            hit = first_match(data.customer_acts.get(act, ()) + self._extra.get(act, ()), norm)
            if hit:
                found[act] = Evidence(f"act={act}", hit[0], hit[1])
        ordered = sorted(found, key=lambda a: _ACT_ORDER.get(a, 99))
        evidence.extend(found[a] for a in ordered)
        return tuple(ordered)


def _within(match: str, text: str) -> bool:
    return bool(match) and match in text


def _detect(text: str) -> tuple[Lang, str]:
    """Count each language's marker words; Dutch wins ties (Dutch first)."""
    words = _WORD.findall(normalise(text))
    best: Lang = "nl"
    best_hits: list[str] = []
    for lang in LANGS:
        detect = load_language(lang).detect_words
        hits = [w for w in words if w in detect]
        if len(hits) > len(best_hits):
            best, best_hits = lang, hits
    return best, " ".join(best_hits[:5])


_DEFAULT: Analyzer | None = None


def default_analyzer() -> Analyzer:
    """The shared analyser with the bundled data (no scenario cues)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Analyzer()
    return _DEFAULT


__all__ = ["SPIN_TYPES", "Analyzer", "default_analyzer"]
