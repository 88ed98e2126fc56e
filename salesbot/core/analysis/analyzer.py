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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from salesbot.core.analysis.lexicon import (
    LANGS,
    SPIN_ORDER,
    LangData,
    Rule,
    detect_words,
    first_match,
    load_language,
    make_rule,
    match_rules,
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
from salesbot.core.analysis.weights import (
    NONE_EXTRA_MARGIN,
    SPIN_MARGIN,
    act_features,
    load_lexicons,
    spin_features,
)

_SELLER_ACT_SET = frozenset(SELLER_ACTS + EXTRA_SELLER_ACTS)
_CUSTOMER_ACT_SET = frozenset(CUSTOMER_ACTS + EXTRA_CUSTOMER_ACTS)
# Order acts are reported in (stable output).
_ACT_ORDER = {
    name: i for i, name in enumerate(SELLER_ACTS + EXTRA_SELLER_ACTS + CUSTOMER_ACTS + EXTRA_CUSTOMER_ACTS)
}

# Acts found by cue rules alone (summary and follow-up also need the context).
_CUE_ACTS = ("greeting", "introduction", "agenda", "acknowledgement", "closing_attempt", "pitch", "benefit")
# Objection rules that do not count in an answer that describes what was asked (to a situation, problem or
# implication question): general resistance (a hedge, a sunk cost) explains there, and a bare "not yet"
# answers "have you ever ...?".
_EXPLAINED_IN_ANSWERS = frozenset({"objection.general", "objection.not_now"})
# The fitted SPIN lexicon's extra bar per label when it overrides a situation rule (weights.py).
_SPIN_EXTRA = {"none": NONE_EXTRA_MARGIN}
# SPIN rule groups that only decide when nothing more specific fired.
_WEAK_SPIN_GROUPS = frozenset({"situation_strong", "situation_frame", "problem_word", "situation_default"})

_HAS_WORD = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"\w+(?:'\w+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_QUESTION_END = re.compile(r"\?[^\w?]*$")
_CLAUSE_SPLIT = re.compile(r"\s*[,;:]\s*|\s+-\s+|\s*[\u2013\u2014]\s*")  # also en and em dashes
_LEAD_PUNCT = re.compile(r"^[^\w]+")
_NUMBER = re.compile(r"\d+")


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
    return _terms_of_normalised(normalise(text), lang)


# word -> normalised term, per language: a plain dict lookup per word is the cheapest form on the hot path
# (bounded: new words past the limit are worked out each time, not stored).
_TERM_CACHE: dict[str, dict[str, str]] = {"nl": {}, "en": {}}
_TERM_CACHE_LIMIT = 200_000


def _terms_of_normalised(norm: str, lang: Lang) -> frozenset[str]:
    cache = _TERM_CACHE[lang]
    words = set(_WORD.findall(norm))
    terms = set(map(cache.get, words))
    if None in terms:  # words not seen before: work them out once
        terms.discard(None)
        for word in words:
            if word not in cache:
                term = _term(word, lang)
                terms.add(term)
                if len(cache) < _TERM_CACHE_LIMIT:
                    cache[word] = term
    terms.discard("")
    return frozenset(terms)  # type: ignore[arg-type]


def _term(word: str, lang: Lang) -> str:
    """The normalised form of one word, or "" for a stop word, a number or a single letter."""
    data = load_language(lang)
    if word in data.stop_words or word.isdigit() or len(word) < 2:
        return ""
    stemmed = _STEMMERS[lang](word, data.stem_exceptions)
    return "" if stemmed in data.stop_words else stemmed


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


def _strip_lead_in_keep(sentence: str, data: LangData) -> str:
    """Drop interjections ("oke,", "ok", "right,") but keep connectives such as "dus"/"so", which are the
    weak summary markers themselves."""
    sentence = _LEAD_PUNCT.sub("", sentence)
    for _ in range(3):
        parts = sentence.split(" ", 1)
        if len(parts) == 2 and parts[0].rstrip(",.!") in data.interjections:
            sentence = _LEAD_PUNCT.sub("", parts[1])
        else:
            break
    return sentence


def _starts_with_question_word(clause: str, data: LangData) -> str | None:
    """The question word a clause opens with ("wat", "hoe lang", "met welk", "roughly how many"), or None
    when the clause is a relative clause ("what I'd suggest is ...", "wat u zegt ...")."""
    found = data.question_start.match(clause)
    words = clause.split(" ", 1)
    if not found and len(words) == 2 and words[0] in data.question_prepositions:
        clause = words[1]  # "met welk programma", "aan hoeveel", "roughly how many"
        found = data.question_start.match(clause)
    if not found:
        return None
    rest = clause[found.end() :].lstrip(" ,").split(" ", 1)[0]
    if rest in data.verb_first_pronouns and rest not in data.question_word_followers:
        return None  # "wat ik bedoel", "what you said": a statement, not a question
    return found.group(0)


def _verb_first(clause: str, data: LangData, strict: bool, stated: bool = False) -> str | None:
    """The verb and subject a yes/no question opens with. ``stated``: the sentence ends in a full stop,
    so only a known question verb counts ("Scheelt je een hoop gedoe." drops its subject, it asks nothing)."""
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
        and not stated
        and second in data.verb_first_pronouns
        and first.isalpha()
        and first not in data.not_verbs
        and first not in data.question_words
    ):
        return f"{first} {second}"
    return None


def _asks_without_mark(sentence: str, data: LangData) -> bool:
    """A customer's yes/no question typed without a question mark ("is er een proefperiode", "do you do
    weekend installs"): a known question verb, then a subject, and no full stop. Not after "ik"/"we" in Dutch
    or "I" in English: "weet ik niet", "hebben we al" leave out what they are about and state it."""
    if sentence.rstrip().endswith((".", "!")):
        return False
    words = _strip_lead_in(sentence, data).split(" ", 2)
    if len(words) < 3:
        return False
    verb, subject = words[0].strip(","), words[1].strip(",")
    return (
        verb in data.question_verbs
        and subject in data.verb_first_pronouns
        and subject not in data.statement_subjects
    )


def _opens_with_statement_adverb(text: str, data: LangData) -> bool:
    return _LEAD_PUNCT.sub("", text).split(" ", 1)[0] in data.statement_adverbs


def _type_question(sentence: str, body_text: str, data: LangData, has_mark: bool) -> _Question | None:
    """Open or closed for one sentence, or None if the sentence is not a question. Without a question
    mark only the start of the sentence counts (and a tag like "..., klopt dat" at its very end)."""
    body = _strip_lead_in(body_text, data)
    if not has_mark and data.not_question is not None and data.not_question.search(body):
        return None
    # Cues are matched on the whole sentence (one word index per sentence keeps this fast); the
    # imperative ones are anchored at the start of the sentence.
    hit = first_match(data.open_cues, sentence)
    if hit:
        return _Question(sentence, "open", hit[0], hit[1])
    clauses = _CLAUSE_SPLIT.split(body)
    if has_mark and len(clauses) > 1 and data.not_question is not None and data.not_question.search(body):
        clauses = clauses[1:]  # "When the fish runs out, does that ...?": the opening clause asks nothing
    for raw_clause in clauses if has_mark else clauses[:1]:
        clause = _strip_lead_in(raw_clause, data)
        if not clause:
            continue
        word = _starts_with_question_word(clause, data)
        if word:
            choice = first_match(data.choice, sentence) if has_mark else None
            if choice:
                return _Question(sentence, "closed", choice[0], choice[1])
            second = _yes_no_after(clauses[clauses.index(raw_clause) + 1 :], data) if has_mark else None
            if second:
                return _Question(sentence, "closed", "closed.second_question", second)
            return _Question(sentence, "open", "open.question_word", word)
        if not has_mark and raw_clause is clauses[0] and _opens_with_statement_adverb(body_text, data):
            continue  # "Dan hoeft u niet meer te bellen": the verb comes second, after the adverb
        verb = _verb_first(clause, data, strict=not has_mark, stated=sentence.endswith("."))
        if verb:
            return _Question(sentence, "closed", "closed.verb_first", verb)
    if has_mark:
        return _Question(sentence, "closed", "closed.declarative_question", body[-60:])
    if not sentence.endswith((".", "!")) and len(clauses) > 1:
        # Typed without a question mark, the question may follow a lead clause: "snap ik, wat maakt het
        # zo duur", "stel dat er binnen vier uur iemand staat, wat levert je dat op".
        last = _strip_lead_in(clauses[-1], data)
        word = _starts_with_question_word(last, data)
        if word and not (data.not_question is not None and data.not_question.search(last)):
            return _Question(sentence, "open", "open.question_word", word)
    if not sentence.endswith((".", "!")) and len(body.split()) > 3:
        # "..., klopt dat" / "..., right" typed without a question mark: the tag ends the sentence.
        tail = " ".join(body.rstrip(" ,").split()[-3:])
        for rules in (data.tag_questions, data.summary_checks):
            for rule in rules:
                found = rule.find(tail)
                if found and tail.endswith(found.group(0)):
                    return _Question(sentence, "closed", "closed.tag_question", found.group(0))
    return None


def _yes_no_after(clauses: Sequence[str], data: LangData) -> str | None:
    """A yes/no question spliced on after an open one ("Who sets up the bindings, is that done first
    thing?", "Wie doet de inkoop, gebeurt dat centraal?"): the last question counts (definitions). Its verb
    and subject, or None; an aside ("..., do you think?", "..., denkt u?") asks nothing new."""
    if not clauses:
        return None
    words = _strip_lead_in(clauses[-1], data).split()
    if len(words) < 3 or words[0] not in data.question_verbs or words[-1] in data.question_asides:
        return None
    return f"{words[0]} {words[1]}"


_LONG_WORD = re.compile(r"\b[a-z]{4,}\b")


@lru_cache(maxsize=16384)
def _correction(word: str, lang: Lang) -> str | None:
    return load_language(lang).correct(word)


def _correct_typos(sentence: str, data: LangData, fixes: list[str]) -> str:
    """Replace words one typo away from a cue word ("tevreeden" -> "tevreden"); record each fix."""
    lang = data.lang
    unknown = set(_LONG_WORD.findall(sentence)).difference(data.vocabulary, data.stop_words)
    if not any(_correction(w, lang) for w in unknown):
        return sentence  # the usual case: nothing to correct, no rewrite

    def fix(found: re.Match[str]) -> str:
        word = found.group(0)
        corrected = _correction(word, lang)
        if corrected is None:
            return word
        fixes.append(f"{word} -> {corrected}")
        return corrected

    return _LONG_WORD.sub(fix, sentence)


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
        if not _HAS_WORD.search(sentence):
            continue  # "???", emoji: no question without words
        has_mark = bool(_QUESTION_END.search(sentence))
        if has_mark:
            typed = _type_question(sentence, sentence.rstrip("?!. "), data, True)
            if typed is not None:
                return typed
            continue
        if sentence.endswith("!"):
            continue
        if not any_mark:
            typed = _type_question(sentence, sentence.rstrip(". "), data, False)
            if typed is not None:
                return typed
        else:
            hit = first_match(data.elaboration, sentence)
            if hit:
                return _Question(sentence, "open", hit[0], hit[1])
    return None


# --------------------------------------------------------------------------------------------- analyser
@dataclass(frozen=True, slots=True)
class _CustomerRules:
    objection: tuple[Rule, ...]
    objection_in_answer: tuple[Rule, ...]
    explained_in_answer: tuple[Rule, ...]  # general resistance: in an answer, only when it does not describe
    refusal: tuple[Rule, ...]  # "nee", "nog niet": an objection only in an answer to a close
    fit: tuple[Rule, ...]  # "this is what we need": a buying signal in any sentence
    topics: tuple[Rule, ...]  # price, delivery, contract ...: a buying signal in a question
    not_buying_question: tuple[Rule, ...]
    meaning_question: tuple[Rule, ...]  # "wat bedoel je met ...": never a buying signal, topic words or not
    extensions: tuple[tuple[str, tuple[Rule, ...]], ...]  # confirmation, explicit_need


class Analyzer:
    """Labels messages (see analysis-labels.md). Pure and deterministic; language data is loaded lazily."""

    def __init__(self, extra_cues: Mapping[str, Sequence[str]] | None = None) -> None:
        self._extra: dict[str, tuple[Rule, ...]] = {}
        self._act_rule_cache: dict[str, tuple[tuple[Rule, ...], tuple[str, ...]]] = {}
        self._customer_rule_cache: dict[str, _CustomerRules] = {}
        self._close_rule_cache: dict[str, tuple[Rule, ...]] = {}
        self._extra_phrases: dict[str, tuple[str, ...]] = {}
        for label, phrases in (extra_cues or {}).items():
            cleaned = tuple(p for p in (str(x).strip() for x in phrases) if p)
            if not cleaned:
                continue
            self._extra[label] = (make_rule(f"{label}.scenario_cue", [phrase_pattern(p) for p in cleaned]),)
            self._extra_phrases[label] = cleaned

    def _act_rules(self, data: LangData) -> tuple[tuple[Rule, ...], tuple[str, ...]]:
        """All seller act rules of a language (bundled and scenario cues), in order, with their act."""
        cached = self._act_rule_cache.get(data.lang)
        if cached is None:
            rules: list[Rule] = []
            names: list[str] = []
            for act in _CUE_ACTS:
                for rule in data.acts.get(act, ()) + self._extra.get(act, ()):
                    rules.append(rule)
                    names.append(act)
            cached = self._act_rule_cache[data.lang] = (tuple(rules), tuple(names))
        return cached

    def _customer_rules(self, data: LangData) -> _CustomerRules:
        """The customer act rules of a language with this analyser's scenario cues, grouped as used."""
        cached = self._customer_rule_cache.get(data.lang)
        if cached is None:
            objection = data.customer_acts.get("objection", ()) + self._extra.get("objection", ())
            signal = data.customer_acts.get("buying_signal", ())
            cached = self._customer_rule_cache[data.lang] = _CustomerRules(
                objection=objection,
                # An answer that describes what was asked explains: general resistance is no new objection.
                objection_in_answer=tuple(r for r in objection if r.name not in _EXPLAINED_IN_ANSWERS),
                explained_in_answer=tuple(r for r in objection if r.name in _EXPLAINED_IN_ANSWERS),
                refusal=data.customer_acts.get("refusal", ()),
                fit=signal[:1] + self._extra.get("buying_signal", ()),
                topics=signal[1:],
                not_buying_question=data.customer_acts.get("not_buying_question", ()),
                meaning_question=tuple(r for r in data.customer_acts.get("not_buying_question", ()) if r.name == "meaning"),
                extensions=tuple(
                    (act, data.customer_acts.get(act, ()) + self._extra.get(act, ()))
                    for act in EXTRA_CUSTOMER_ACTS
                ),
            )
        return cached

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
        whole = normalise(text)
        if lang is None:
            lang, hits = _detect_normalised(whole)
            evidence.append(Evidence(f"lang={lang}", "lang.detected", hits))
        data = load_language(lang)
        terms = _terms_of_normalised(whole, lang)
        sentences = _SENTENCE_END.split(whole) if "\n" not in text else _sentences(text)
        fixes: list[str] = []
        sentences = [_correct_typos(s, data, fixes) for s in sentences if s]
        if role == "seller" and data.informal_any is not None:
            sentences = [data.formal(s) for s in sentences]  # "vind je" -> "vindt u": one form for the cues
        if fixes:
            evidence.append(Evidence("text", "typo.corrected", ", ".join(fixes)))
        norm = " ".join(sentences)
        if role == "customer":
            # An answer to the seller's question explains (see _EXPLAINED_IN_ANSWERS); an answer to a close
            # does not: every objection cue counts there, and so does a bare refusal.
            previous = context[-1] if context and context[-1].role == "seller" else None
            seller_said = normalise(previous.text) if previous is not None else None
            to_close = seller_said is not None and self._asks_to_close(seller_said, data)
            answering = seller_said is not None and "?" in seller_said and not to_close
            acts = self._customer_acts(
                norm, sentences, terms, data, evidence, answering, to_close, seller_said,
                asks_to_describe=cache(lambda: self._asks_to_describe(context, data.lang)),
            )
            return Analysis(lang, role, None, None, acts, tuple(evidence), terms)
        return self._seller(norm, sentences, terms, context, data, evidence)

    def _asks_to_describe(self, context: Sequence[Message], lang: Lang) -> bool:
        """Does the seller's last message ask the customer to describe their situation, a difficulty or its
        effects (a situation, problem or implication question)?"""
        question = self.analyze(context[-1].text, "seller", context[:-1], lang)
        return question.spin in ("situation", "problem", "implication")

    def _asks_to_close(self, seller_said: str, data: LangData) -> bool:
        """Does the seller's (normalised) message ask for a commitment (the closing cue rules, scenario cues
        included)?"""
        act_rules, act_names = self._act_rules(data)
        closes = self._close_rule_cache.get(data.lang)
        if closes is None:
            closes = self._close_rule_cache[data.lang] = tuple(
                rule for rule, act in zip(act_rules, act_names, strict=True) if act == "closing_attempt"
            )
        return first_match(closes, seller_said) is not None

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

        act_rules, act_names = self._act_rules(data)
        for rule, act, found in zip(act_rules, act_names, match_rules(act_rules, norm), strict=True):
            if found is not None and act not in acts:
                acts[act] = Evidence(f"act={act}", rule.name, found.group(0).strip())
        _add_weighed_acts(acts, "seller", norm, data)
        # A benefit is stated, not asked ("Wat betekent dat voor u?" is an implication question).
        if "benefit" in acts and question is not None and _within(acts["benefit"].match, question.sentence):
            del acts["benefit"]

        customer_terms: frozenset[str] = frozenset()
        previous: Message | None = None
        for message in context:
            if message.role == "customer":
                customer_terms = customer_terms | _terms(message.text, lang)
                previous = message
        last_is_customer = bool(context) and context[-1].role == "customer"

        summary = self._summary(sentences, customer_terms, question, acts, data)
        if summary:
            acts["summary"] = summary[0]

        spin: Spin | None = None
        if question is not None:
            evidence.append(Evidence(f"question={question.kind}", question.rule, question.match))
            spin, spin_rule, spin_match = self._spin(question, acts, data)
            if spin == "situation" and spin_rule in _FALLBACK_SITUATION_RULES:
                about = _about_previous_problem(question, context, data)
                if about:
                    spin, spin_match = about
                    spin_rule = f"{spin}.about_previous_problem"
            if spin == "situation" and spin_rule.startswith("situation."):
                weighed = _weigh("spin", spin_features(question.sentence), SPIN_MARGIN, lang, _SPIN_EXTRA)
                if weighed is not None:
                    spin = None if weighed[0] == "none" else weighed[0]  # type: ignore[assignment]
                    spin_rule, spin_match = "spin.weighted_lexicon", weighed[1]
            evidence.append(Evidence(f"spin={spin or 'none'}", spin_rule, spin_match))

        # A follow-up deepens the customer's last words; a summary check, a close or an agenda check
        # does not (a question after a summary, in its own sentence, can).
        if (
            question is not None
            and previous is not None
            and not ({"closing_attempt", "agenda"} & acts.keys())
            and not ("summary" in acts and (_is_check(question) or _summary_in(question, data)))
        ):
            follow = self._follow_up(question, spin, previous, last_is_customer, data)
            if follow:
                acts["follow_up"] = follow

        ordered = sorted(acts, key=lambda a: _ACT_ORDER.get(a, 99))
        for act in ordered:
            evidence.append(acts[act])
            if act == "summary":
                evidence.extend(summary[1:])  # type: ignore[index]
        return Analysis(
            lang, "seller", question.kind if question else None, spin, tuple(ordered), tuple(evidence), terms
        )

    def _spin(
        self, question: _Question, acts: Mapping[str, Evidence], data: LangData
    ) -> tuple[Spin | None, str, str]:
        """SPIN type of the question sentence: the first rule group (in SPIN_ORDER) that fires decides."""
        text = question.sentence
        for act in ("closing_attempt", "agenda"):
            if act in acts and _within(acts[act].match, text):
                return None, f"none.{act}_question", acts[act].match
        check = first_match(data.summary_checks, text)
        if check and ("summary" in acts or len(text.split()) <= 6):
            return None, "none.summary_check", check[1]
        if "summary" in acts and _is_check(question):
            # "So the cleaners come in at six and leave by eight?": a recap with a question mark checks it.
            return None, "none.summary_check", question.match
        weak: tuple[Spin | None, str, str] | None = None
        spin_rules, spin_groups = _spin_rules(data)
        for rule, (group, label), found in zip(
            spin_rules, spin_groups, match_rules(spin_rules, text), strict=True
        ):
            if found is None:
                continue
            hit: tuple[str, str] = (rule.name, found.group(0).strip())
            if label is None:
                return None, hit[0], hit[1]
            if group in _WEAK_SPIN_GROUPS:
                weak = (label, hit[0], hit[1])  # type: ignore[assignment]
                break
            return label, hit[0], hit[1]  # type: ignore[return-value]
        # Scenario cues decide when only a weak (fallback) rule fired.
        for label in ("need_payoff", "implication", "problem", "situation"):
            extra = first_match(self._extra.get(label, ()), text)
            if extra:
                return label, extra[0], extra[1]  # type: ignore[return-value]
        if weak is not None and weak[1] != "situation.fact_question":
            return weak
        return "situation", "situation.fact_question", text

    def _summary(
        self,
        sentences: Sequence[str],
        customer_terms: frozenset[str],
        question: _Question | None,
        acts: Mapping[str, Evidence],
        data: LangData,
    ) -> list[Evidence] | None:
        """A summary restates the customer's content. Evidence: a strong marker ("als ik u goed begrijp",
        "in other words") after customer messages; or a weak marker ("dus", "so") or a check ("klopt dat?")
        with content words shared with the customer; or, without any marker, a statement made mostly of
        the customer's words. Announcing a summary ("ik mail u een samenvatting") is not one."""
        if not customer_terms:
            return None
        text = " ".join(sentences)
        if data.summary_announcements is not None and data.summary_announcements.search(text):
            return None
        # Content in an open question does not count ("Dus hoeveel ...?" is a question, not a summary).
        # "Dus X; wat betekent dat voor ...?": the clause before the open question still restates.
        parts = [
            s.rpartition(";")[0]
            if question is not None and s == question.sentence and question.kind == "open"
            else s
            for s in sentences
        ]
        parts = [s for s in parts if s]
        if not parts:
            return None
        body = " ".join(parts)
        shared = sorted(_terms(body, data.lang) & customer_terms)
        shared_ev = Evidence("act=summary", "summary.shared_content", ", ".join(shared[:6]))
        strong = first_match(data.summary_markers, body)
        if strong:
            return (
                [Evidence("act=summary", strong[0], strong[1]), shared_ev]
                if shared
                else [Evidence("act=summary", strong[0], strong[1])]
            )
        if not shared:
            return None
        for sentence in parts:
            weak = first_match(data.summary_weak_markers, _strip_lead_in_keep(sentence, data))
            if weak:
                return [Evidence("act=summary", weak[0], weak[1]), shared_ev]
        check = first_match(data.summary_checks, body)
        if check and len(shared) >= 2:
            return [Evidence("act=summary", check[0], check[1]), shared_ev]
        # Without a marker or a check, only a statement restates: a question made of the customer's
        # words proposes something ("Zal ik een voorstel voor twee filialen maken?").
        clauses = (s if question is None or s != question.sentence else s.rpartition(";")[0] for s in parts)
        statement = " ".join(c for c in clauses if c)
        if not statement:
            return None
        statement_terms = _terms(statement, data.lang)
        restated = sorted(statement_terms & customer_terms)
        if (
            len(restated) >= 3
            and len(restated) >= 0.5 * len(statement_terms)
            and not ({"pitch", "benefit"} & acts.keys())
        ):
            listed = ", ".join(restated[:6])
            return [
                Evidence("act=summary", "summary.restatement", listed),
                Evidence("act=summary", "summary.shared_content", listed),
            ]
        return None

    def _follow_up(
        self,
        question: _Question,
        spin: Spin | None,
        previous: Message,
        last_is_customer: bool,
        data: LangData,
    ) -> Evidence | None:
        """A question that deepens the customer's previous message: shares its content words, asks to
        specify what was just said ("Hoezo?", "Wat bedoelt u met ...?"), refers back to it ("dat", "those"),
        or asks for the consequences of the problem just mentioned."""
        shared = sorted(
            (_terms(question.sentence, data.lang) & _terms(previous.text, data.lang)) - data.generic_terms
        )
        if shared:
            return Evidence("act=follow_up", "follow_up.shared_content", ", ".join(shared[:6]))
        if not last_is_customer:
            return None
        hit = first_match(data.follow_up_cues, question.sentence)
        if hit:
            return Evidence("act=follow_up", hit[0], hit[1])
        if spin in ("implication", "need_payoff"):
            # Consequences of, or the value of solving, what the customer just said.
            return Evidence("act=follow_up", f"follow_up.{spin}_of_previous", question.sentence)
        return None

    # -- customer --------------------------------------------------------------------------------
    def _customer_acts(
        self,
        norm: str,
        sentences: Sequence[str],
        terms: frozenset[str],
        data: LangData,
        evidence: list[Evidence],
        answering: bool = False,
        to_close: bool = False,
        seller_said: str | None = None,
        asks_to_describe: Callable[[], bool] = lambda: False,
    ) -> tuple[str, ...]:
        found: dict[str, Evidence] = {}
        objection_sentences: set[int] = set()
        echo = _doubting_echo(sentences, seller_said, data)
        if echo:
            objection_sentences.add(0)
            found["objection"] = Evidence("act=objection", "objection.doubting_echo", echo)
        rules = self._customer_rules(data)
        # A bare refusal ("Nog niet, nee.") is an objection to a close, not in an answer to a question about
        # the situation ("Heeft u al eens gekeken?" "Nog niet, nee.") nor on its own ("Nee, dat doen we zelf").
        if to_close:
            objection_rules = rules.refusal + rules.objection
        else:
            objection_rules = rules.objection_in_answer if answering else rules.objection
        for index, sentence in enumerate(sentences):
            hit = first_match(objection_rules, sentence)
            if hit is None and answering:
                # General resistance in an answer that does not describe what was asked is an objection
                # ("What would it mean if pupils booked online?" "Not much. I don't see why we'd change it.").
                hit = first_match(rules.explained_in_answer, sentence)
                if hit and asks_to_describe():
                    hit = None
            if hit:
                objection_sentences.add(index)
                found.setdefault("objection", Evidence("act=objection", hit[0], hit[1]))
        for index, sentence in enumerate(sentences):
            fit = first_match(rules.fit, sentence)
            # "Klinkt mooi, maar dat zeggen ze allemaal": the concern, not the politeness, counts.
            if fit and index not in objection_sentences:
                found.setdefault("buying_signal", Evidence("act=buying_signal", fit[0], fit[1]))
                continue
            # Topic words (price, delivery, contract ...) signal buying in a question, not in a concern.
            if index in objection_sentences:
                continue
            is_question = (
                bool(_HAS_WORD.search(sentence))
                and bool(_QUESTION_END.search(sentence))
                or bool(_starts_with_question_word(_strip_lead_in(sentence, data), data))
                or _asks_without_mark(sentence, data)
            )
            if is_question and first_match(rules.meaning_question, sentence):
                continue  # "Sorry, wat bedoel je met preventief onderhoud?": the seller's words, not interest
            if is_question:
                hit = first_match(rules.topics, sentence)
                if hit:
                    found.setdefault("buying_signal", Evidence("act=buying_signal", hit[0], hit[1]))
                elif not objection_sentences and not first_match(rules.not_buying_question, sentence):
                    # A customer who asks about the offer (not for clarification, not small talk)
                    # is weighing it up: the definitions count such questions as buying signals.
                    found.setdefault(
                        "buying_signal",
                        Evidence("act=buying_signal", "buying_signal.question_about_offer", sentence),
                    )
        # "Dat klinkt interessant. Maar het is een extra kostenpost": the polite opener before a contrasting
        # concern is not readiness to buy; the concern is what the seller must handle.
        if (
            "buying_signal" in found
            and "objection" in found
            and any(
                sentence.split(" ", 1)[0].strip(",") in data.contrast_words
                for index, sentence in enumerate(sentences)
                if index in objection_sentences and index > 0
            )
        ):
            del found["buying_signal"]
        for act, act_rules in rules.extensions:
            hit = first_match(act_rules, norm)
            if hit:
                found[act] = Evidence(f"act={act}", hit[0], hit[1])
        # A customer describing a difficulty of today (an implied need), stating a need or saying the offer
        # fits is not objecting, however the words sound ("our priority is ...", "the big thing for us is
        # ..."): there only the cue rules find objections.
        rules_only = (
            "objection" in found  # nothing left for the lexicon: spare the problem rules
            or "buying_signal" in found
            or "explicit_need" in found
            or bool(first_match(_problem_rules(data), norm))
        )
        _add_weighed_acts(found, "customer", norm, data, objection_by_rules_only=rules_only)
        # Nor is an answer that describes what the seller asked about ("When did you sign with them?" "We
        # signed a three-year deal last spring."; asked only when the words point to an objection). An
        # answer to another question can resist, and there the words count ("Any thoughts on the quote?"
        # "It's about 30% above the Roland one.").
        weighed = found.get("objection")
        if weighed and weighed.rule == "objection.weighted_lexicon" and answering and asks_to_describe():
            del found["objection"]
        ordered = sorted(found, key=lambda a: _ACT_ORDER.get(a, 99))
        evidence.extend(found[a] for a in ordered)
        return tuple(ordered)


_ECHO_WORDS = 5  # "Twee dagen dicht?", "A setup fee?": an echo is a few words, not a question of its own


def _doubting_echo(sentences: Sequence[str], seller_said: str | None, data: LangData) -> str | None:
    """The seller's own words thrown back as a question, then a statement: "Veertien cent? Online betaal ik
    de helft.", "20 tonnes? I'd have nowhere to put it." That is doubt about what was offered (an objection),
    unless the reply approves ("Vijf dagen? Prima.") or the echo asks something itself ("Hybride, hoe bedoelt
    u?", "Can you do Saturdays?")."""
    if seller_said is None or len(sentences) < 2 or not sentences[0].endswith("?"):
        return None
    echo = sentences[0].rstrip("?").strip()
    words = echo.split()
    if not words or len(words) > _ECHO_WORDS or words[0].strip(",") in data.question_verbs:
        return None
    if any(_starts_with_question_word(part.strip(), data) for part in echo.split(",")):
        return None
    statements = [s for s in sentences[1:] if not s.endswith("?")]
    if not statements or _approves(statements[0], data):
        return None
    shared = _terms_of_normalised(echo, data.lang) & _terms_of_normalised(seller_said, data.lang)
    numbers = set(_NUMBER.findall(echo)) & set(_NUMBER.findall(seller_said))
    return echo if shared or numbers else None


def _approves(statement: str, data: LangData) -> bool:
    """Does the reply open with approval ("Prima.", "Oh, great.", "Ah ok, not bad")?"""
    opening = [w.strip(",.!") for w in statement.split()[:3]]
    return any(w in data.approving_words for w in opening) or any(p in statement for p in data.approving_phrases)


_SPIN_RULES: dict[str, tuple[tuple[Rule, ...], tuple[tuple[str, str | None], ...]]] = {}


def _spin_rules(data: LangData) -> tuple[tuple[Rule, ...], tuple[tuple[str, str | None], ...]]:
    """The SPIN rules of a language in the order they are tried, each with its (group, label)."""
    cached = _SPIN_RULES.get(data.lang)
    if cached is not None:
        return cached
    rules: list[Rule] = []
    groups: list[tuple[str, str | None]] = []
    for group, label in SPIN_ORDER:
        for rule in data.spin.get(group, ()):
            if group == "situation_default":
                continue  # decided in _spin without a pattern
            rules.append(rule)
            groups.append((group, label))
    cached = _SPIN_RULES[data.lang] = (tuple(rules), tuple(groups))
    return cached


# Situation rules that only say "a fact is asked" (how often, which, the fallback): when such a question
# points back at a difficulty the customer just described ("Hoe vaak gebeurt dat dan?"), it explores the
# problem, not the background.
_FALLBACK_SITUATION_RULES = frozenset(
    {"situation.fact_question", "situation.who_or_which", "situation.fact_frame"}
)


def _about_previous_problem(
    question: _Question, context: Sequence[Message], data: LangData
) -> tuple[Spin, str] | None:
    """A fact question pointing back at a difficulty the customer just described explores the problem
    ("Hoe vaak gebeurt dat?"); pointing back with a consequence word ("dan", "then") it asks for its
    effect ("Waar laten de patienten hun auto dan?"): (spin, evidence) or None."""
    if not context or context[-1].role != "customer":
        return None
    spin = data.spin
    # A word pointing back, or someone the difficulty reaches ("Who tells the client?").
    refers = first_match(data.follow_up_references + spin.get("affected_party", ()), question.sentence)
    if not refers:
        return None
    previous = normalise(context[-1].text)
    problem = first_match(_problem_rules(data), previous)
    if not problem:
        return None
    found = f"{refers[1]} -> {problem[1]}"
    # What the question asks about the difficulty: how often or why it happens (problem), the set-up around
    # it (situation); a language with these cues reads any other question pointing back as asking for its
    # effect ("Who tells the client?").
    if first_match(spin.get("problem_occurrence", ()), question.sentence):
        return "problem", found
    if first_match(spin.get("situation_after_problem", ()), question.sentence):
        return "situation", found
    if refers[0] == "follow_up.consequence" or "problem_occurrence" in spin:
        return "implication", found
    return "problem", found


def _is_check(question: _Question) -> bool:
    """A closed question that only checks a recap ("..., right?", "So you have two sites?"), not a new yes/no
    question after it ("So the lab is in Germany. Does that cause delays?")."""
    return question.rule in ("closed.tag_question", "closed.declarative_question")


def _weigh(
    model: str, feats: list[str], margin: float, lang: Lang, extra: Mapping[str, float] | None = None
) -> tuple[str, str] | None:
    """The fitted lexicon's label and the words behind it, when they clearly override the rules (weights.py)."""
    lexicon = load_lexicons(lang).get(model)
    return lexicon.decide(feats, margin, extra) if lexicon is not None else None


def _add_weighed_acts(
    acts: dict[str, Evidence], role: Role, text: str, data: LangData, objection_by_rules_only: bool = False
) -> None:
    """Acts of ``role`` that no cue rule found but the message's words clearly point to."""
    for group in load_lexicons(data.lang).act_groups(role):
        wanted = {a for a in group.acts if a not in acts and not (a == "objection" and objection_by_rules_only)}
        if not wanted:
            continue
        feats = act_features(text, data.stop_words if group.content_words_only else frozenset())
        for act, words in group.decide(feats, wanted):
            acts[act] = Evidence(f"act={act}", f"{act}.weighted_lexicon", words)


_PROBLEM_RULES: dict[str, tuple[Rule, ...]] = {}


def _problem_rules(data: LangData) -> tuple[Rule, ...]:
    """Rules that find a difficulty being described (in a question or in a customer's statement)."""
    rules = _PROBLEM_RULES.get(data.lang)
    if rules is None:
        spin = data.spin
        groups = ("problem_word", "problem", "problem_statement")
        rules = _PROBLEM_RULES[data.lang] = tuple(r for group in groups for r in spin.get(group, ()))
    return rules


def _summary_in(question: _Question, data: LangData) -> bool:
    return bool(
        first_match(data.summary_markers, question.sentence)
        or first_match(data.summary_checks, question.sentence)
    )


def _within(match: str, text: str) -> bool:
    return bool(match) and match in text


def _detect(text: str) -> tuple[Lang, str]:
    return _detect_normalised(normalise(text))


def _detect_normalised(norm: str) -> tuple[Lang, str]:
    """Count each language's marker words; Dutch wins ties (Dutch first)."""
    words = _WORD.findall(norm)
    best: Lang = "nl"
    best_hits: list[str] = []
    for lang in LANGS:
        detect = detect_words(lang)
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
