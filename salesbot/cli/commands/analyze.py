"""`salesbot analyze`: label messages (JSON Lines or plain text in, JSON Lines out), or score the analyser
against a labelled corpus with --evaluate."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import IO, TYPE_CHECKING

from salesbot.cli.errors import CliError

if TYPE_CHECKING:  # the analyser and its data load inside run(), not at CLI start-up
    from salesbot.core.analysis import Analyzer
    from salesbot.core.analysis.evaluation import LabelledItem


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "analyze",
        help="label messages: question type, SPIN, acts, with evidence",
        description=(
            "Label messages with question type (open/closed), SPIN type and acts, each with its evidence. "
            'Input: JSON Lines, one object per message: {"text": ..., "role": "seller"|"customer", '
            '"context": [{"role": ..., "text": ...}, ...], "lang": "nl"|"en"}, or plain text (one seller '
            "message per line). Output: one JSON object per input line, in order. A bad line gets an error "
            "on stderr naming its line number and an error object in the output; the other lines go on, "
            "and the exit status is 1. With --evaluate, score the analyser against labelled corpus files."
        ),
    )
    parser.add_argument("file", nargs="?", default="-", help="input file, or - for standard input (default)")
    parser.add_argument(
        "--lang",
        choices=("nl", "en"),
        help="language of messages that do not give one (default: detected per message)",
    )
    parser.add_argument(
        "--role",
        choices=("seller", "customer"),
        default=None,
        help="role of messages that do not give one (default: seller)",
    )
    parser.add_argument(
        "--evaluate",
        nargs="+",
        metavar="FILE",
        help="score against labelled JSON Lines corpus files (P/R/F1 per label, "
        "question accuracy, SPIN macro-F1 and confusion matrix, per language and overall; "
        'pitch, benefit, confirmation and explicit_need on items marked "extensions": true)',
    )
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="with --evaluate: score the naive keyword baseline instead of the analyser",
    )
    parser.add_argument("--json", action="store_true", help="with --evaluate: print the figures as JSON")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="with --evaluate: also list the items the analyser got wrong (for tuning data "
        "only; never on held-out data)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.evaluate:
        if args.file != "-":
            raise CliError("give either an input FILE or --evaluate FILE..., not both")
        return _run_evaluate(args)
    if args.baseline or args.json or args.errors:
        raise CliError("--baseline, --json and --errors only apply with --evaluate")
    from salesbot.core.analysis import default_analyzer
    from salesbot.core.analysis.lexicon import LANGS, load_language
    from salesbot.core.analysis.weights import load_lexicons
    from salesbot.runtime import settle_heap

    for lang in LANGS:  # before settle_heap, so the collector leaves the language data alone
        load_language(lang)
        load_lexicons(lang)
    settle_heap()
    with _open(args.file) as stream:
        return _analyze_stream(stream, sys.stdout, default_analyzer(), args.lang, args.role or "seller")


class _Input:
    """A context manager over a file path or standard input, with a clear error for unreadable paths."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.stream: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        if self.path == "-":
            return sys.stdin
        try:
            self.stream = open(self.path, encoding="utf-8")  # noqa: SIM115 - closed in __exit__
        except FileNotFoundError:
            raise CliError(f"{self.path}: no such file") from None
        except IsADirectoryError:
            raise CliError(f"{self.path}: is a directory") from None
        except OSError as error:
            raise CliError(f"{self.path}: cannot read: {error.strerror}") from None
        return self.stream

    def __exit__(self, *exc: object) -> None:
        if self.stream is not None:
            self.stream.close()


def _open(path: str) -> _Input:
    return _Input(path)


def _lines(stream: IO[str], name: str) -> Iterator[tuple[int, str]]:
    try:
        yield from enumerate(stream, 1)
    except UnicodeDecodeError:
        raise CliError(f"{name}: not UTF-8 text") from None


def _analyze_stream(stream: IO[str], out: IO[str], analyzer: Analyzer, lang: str | None, role: str) -> int:
    from salesbot.core.analysis.evaluation import ItemError, parse_context

    encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
    bad = 0
    pending: list[str] = []  # output is written in blocks: one write per line is slow on big inputs
    for number, raw_line in _lines(stream, "input"):
        line = raw_line.strip()
        if not line:
            continue
        try:
            if line.startswith("{"):
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as error:
                    raise ItemError(f"invalid JSON: {error.msg} (column {error.colno})") from None
                text, msg_role, context, msg_lang, item_id = _message_fields(obj, parse_context, role, lang)
            else:
                text, msg_role, context, msg_lang, item_id = line, role, (), lang, None
            analysis = analyzer.analyze(text, msg_role, context, msg_lang)  # type: ignore[arg-type]
        except ItemError as error:
            bad += 1
            out.write("".join(pending))
            pending.clear()
            out.flush()  # keep stdout and stderr in step for a reader following both
            print(f"salesbot analyze: line {number}: {error}", file=sys.stderr)
            pending.append(encode({"line": number, "error": str(error)}) + "\n")
            continue
        result: dict[str, object] = {"line": number}
        if item_id is not None:
            result["id"] = item_id
        result["lang"] = analysis.lang
        result["role"] = analysis.role
        result["question"] = analysis.question
        result["spin"] = analysis.spin
        result["acts"] = list(analysis.acts)
        result["evidence"] = [{"label": e.label, "rule": e.rule, "match": e.match} for e in analysis.evidence]
        result["terms"] = sorted(analysis.terms)
        pending.append(encode(result) + "\n")
        if len(pending) >= 256:
            out.write("".join(pending))
            pending.clear()
    out.write("".join(pending))
    out.flush()
    return 1 if bad else 0


def _message_fields(obj: object, parse_context, default_role: str, default_lang: str | None):  # type: ignore[no-untyped-def]
    from salesbot.core.analysis.evaluation import ItemError

    if not isinstance(obj, dict):
        raise ItemError("expected a JSON object")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ItemError('missing "text" (a string)')
    role = obj.get("role", default_role)
    if role not in ("seller", "customer"):
        raise ItemError(f'"role" must be "seller" or "customer", not {role!r}')
    lang = obj.get("lang", default_lang)
    if lang not in (None, "nl", "en"):
        raise ItemError(f'"lang" must be "nl" or "en", not {lang!r}')
    item_id = obj.get("id")
    return text, role, parse_context(obj.get("context", [])), lang, item_id


def _read_corpus(paths: Sequence[str]) -> tuple[list[LabelledItem], int]:
    from salesbot.core.analysis.evaluation import ItemError, parse_item

    items: list[LabelledItem] = []
    bad = 0
    for path in paths:
        with _open(path) as stream:
            for number, raw_line in _lines(stream, path):
                line = raw_line.strip()
                if not line:
                    continue
                try:
                    try:
                        obj = json.loads(line)
                    except json.JSONDecodeError as error:
                        raise ItemError(f"invalid JSON: {error.msg} (column {error.colno})") from None
                    items.append(parse_item(obj, f"{path}:{number}"))
                except ItemError as error:
                    bad += 1
                    print(f"salesbot analyze: {path}:{number}: {error}", file=sys.stderr)
    return items, bad


def _run_evaluate(args: argparse.Namespace) -> int:
    from salesbot.core.analysis import default_analyzer
    from salesbot.core.analysis.evaluation import KeywordBaseline, evaluate, format_report

    items, bad = _read_corpus(args.evaluate)
    if not items:
        raise CliError("no labelled items to evaluate")
    if args.baseline:
        baseline = KeywordBaseline()
        evaluation = evaluate(items, lambda i: baseline.analyze(i.text, i.role, i.lang), args.errors)
        title = "Naive keyword baseline"
    else:
        analyzer = default_analyzer()
        evaluation = evaluate(
            items, lambda i: analyzer.analyze(i.text, i.role, i.context, i.lang), args.errors
        )
        title = "SalesBot analyser"
    title += f" on {', '.join(args.evaluate)} ({len(items)} items)"
    if args.json:
        figures = evaluation.to_dict()
        figures["system"] = "baseline" if args.baseline else "analyser"
        figures["files"] = list(args.evaluate)
        if args.errors:
            figures["errors"] = [_error_dict(item, got) for item, got in evaluation.errors]
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        print(format_report(evaluation, title))
        if args.errors:
            print(f"\n{len(evaluation.errors)} items with a wrong label:")
            for item, got in evaluation.errors:
                print(json.dumps(_error_dict(item, got), ensure_ascii=False))
    return 1 if bad else 0


def _error_dict(item: LabelledItem, got) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from salesbot.core.analysis.evaluation import scored_acts

    allowed = scored_acts(item)
    return {
        "id": item.id,
        "role": item.role,
        "text": item.text,
        "context": [m.text for m in item.context][-2:],
        "gold": {"question": item.question, "spin": item.spin, "acts": sorted(item.acts)},
        "got": {
            "question": got.question,
            "spin": got.spin,
            "acts": sorted(a for a in got.acts if a in allowed),
        },
        "evidence": [
            f"{e.label} {e.rule} [{e.match}]" for e in got.evidence if not e.label.startswith("lang")
        ],
    }
