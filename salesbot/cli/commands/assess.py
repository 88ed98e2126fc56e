"""`salesbot assess FILE`: assess a transcript (plain text with role prefixes, JSON or YAML) and print or
write the report."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from salesbot.cli.errors import CliError

MAX_BYTES = 5_000_000
FORMATS = ("text", "json", "markdown", "html", "png")

# Role words accepted as line prefixes (plain text) and as "role" values (JSON/YAML), case-insensitive.
ROLE_WORDS = {
    "v": "seller", "verkoper": "seller", "s": "seller", "seller": "seller", "sales": "seller",
    "trainee": "seller", "salesperson": "seller",
    "k": "customer", "klant": "customer", "c": "customer", "customer": "customer", "client": "customer",
    "buyer": "customer", "koper": "customer",
}
_PREFIX = re.compile(r"^\s*([A-Za-z]+)\s*:\s?(.*)$")


class TranscriptError(ValueError):
    """A transcript that cannot be read; the message names the line or item."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "assess",
        help="assess a transcript: SPIN, LSD, signals, closing, objections; score and feedback",
        description=(
            "Assess a sales conversation. FILE is a plain-text transcript, one message per line with a role "
            "prefix (V:/K:, Verkoper:/Klant:, S:/C:, Seller:/Customer:; a line without prefix continues the "
            "previous message), or JSON/YAML: a list of {role, text}. Use - for standard input."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="transcript file, or - for standard input")
    parser.add_argument("--scenario", metavar="ID|PATH", help="scenario id or YAML file (cues, rubric weights, language)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="report format (default: text)")
    parser.add_argument("--output", "-o", metavar="PATH", help="write the report to this file instead of standard output")
    parser.add_argument("--lang", choices=("nl", "en"), help="language of the analysis and feedback (default: detected)")
    parser.add_argument(
        "--outcome", choices=("order", "advance", "continuation", "no_sale"),
        help="the call's outcome, if known (default: inferred from the last messages)",
    )
    parser.set_defaults(func=run)


# ---------------------------------------------------------------------------------------------------
# Reading transcripts

def _role(value: object, where: str) -> str:
    if not isinstance(value, str) or value.strip().lower() not in ROLE_WORDS:
        accepted = "seller/customer, verkoper/klant, V/K, S/C"
        raise TranscriptError(f"{where}: unknown role {value!r} (expected {accepted})")
    return ROLE_WORDS[value.strip().lower()]


def parse_plain(text: str) -> list[tuple[str, str]]:
    """Plain text: "V: ..." / "K: ..." lines; unprefixed lines continue the previous message."""
    messages: list[tuple[str, list[str]]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = _PREFIX.match(line)
        if match and match.group(1).lower() in ROLE_WORDS:
            messages.append((ROLE_WORDS[match.group(1).lower()], [match.group(2).strip()]))
        elif not messages:
            shown = line.strip()[:40]
            raise TranscriptError(
                f"line {number}: expected a role prefix such as 'V:', 'K:', 'Seller:' or 'Customer:', got {shown!r}"
            )
        else:
            messages[-1][1].append(line.strip())
    result = [(role, " ".join(p for p in parts if p)) for role, parts in messages]
    for index, (_role_name, body) in enumerate(result, 1):
        if not body:
            raise TranscriptError(f"message {index} is empty (a role prefix without text)")
    return result


def _item_lines(text: str) -> list[int]:
    """The line of each list item, for error messages. JSON is (nearly always) YAML too, so the YAML
    composer gives positions for both; when it cannot, errors name the item number only."""
    import yaml

    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return []
    if isinstance(node, yaml.MappingNode):
        node = next((v for k, v in node.value if getattr(k, "value", None) in ("messages", "transcript")), None)
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [child.start_mark.line + 1 for child in node.value]


def parse_structured(data: object, lines: list[int] | None = None) -> list[tuple[str, str]]:
    """A list of {role, text}; also {"messages": [...]} or {"transcript": [...]} (e.g. a saved session).
    `lines` (the line of each item) makes errors point at the line."""
    if isinstance(data, dict):
        for key in ("messages", "transcript"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            raise TranscriptError("expected a list of {role, text} objects (or a mapping with a 'messages' list)")
    if not isinstance(data, list):
        raise TranscriptError(f"expected a list of {{role, text}} objects, got {type(data).__name__}")
    messages = []
    for number, item in enumerate(data, 1):
        where = f"line {lines[number - 1]} (item {number})" if lines and number <= len(lines) else f"item {number}"
        if not isinstance(item, dict):
            raise TranscriptError(f"{where}: expected an object with 'role' and 'text', got {type(item).__name__}")
        missing = [k for k in ("role", "text") if k not in item]
        if missing:
            raise TranscriptError(f"{where}: missing {' and '.join(repr(k) for k in missing)}")
        body = item["text"]
        if not isinstance(body, str) or not body.strip():
            raise TranscriptError(f"{where}: 'text' must be a non-empty string")
        messages.append((_role(item["role"], where), body.strip()))
    return messages


def parse_transcript(text: str, name: str = "-") -> list[tuple[str, str]]:
    """(role, text) pairs from a transcript's text; the format follows the file name, else the content."""
    if not text.strip():
        raise TranscriptError("the transcript is empty")
    suffix = Path(name).suffix.lower()
    stripped = text.lstrip()
    if suffix == ".json" or (suffix not in (".yaml", ".yml", ".txt") and stripped[:1] in "[{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise TranscriptError(f"line {error.lineno}, column {error.colno}: invalid JSON: {error.msg}") from None
        messages = parse_structured(data, _item_lines(text))
    elif suffix in (".yaml", ".yml") or (suffix != ".txt" and stripped.startswith("- ")):
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
            problem = getattr(error, "problem", None) or str(error)
            raise TranscriptError(f"{where}invalid YAML: {problem}") from None
        messages = parse_structured(data, _item_lines(text))
    else:
        messages = parse_plain(text)
    if not messages:
        raise TranscriptError("the transcript has no messages")
    return messages


def _read(path: str) -> tuple[str, str]:
    if path == "-":
        return sys.stdin.read(), "-"
    file = Path(path)
    try:
        if file.is_dir():
            raise CliError(f"{path}: is a folder, not a transcript file")
        data = file.read_bytes()
    except FileNotFoundError:
        raise CliError(f"{path}: no such file") from None
    except OSError as error:
        raise CliError(f"{path}: cannot read: {error.strerror or error}") from None
    if len(data) > MAX_BYTES:
        raise CliError(f"{path}: too large ({len(data)} bytes; at most {MAX_BYTES})")
    try:
        return data.decode("utf-8-sig"), path
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CliError(f"{path}: line {line}: not UTF-8 text") from None


# ---------------------------------------------------------------------------------------------------

def run(args: argparse.Namespace) -> int:
    from salesbot.core.analysis.types import Message
    from salesbot.core.assessment import EmptyTranscriptError, assess

    text, name = _read(args.file)
    try:
        pairs = parse_transcript(text, name)
    except TranscriptError as error:
        raise CliError(f"{name}: {error}") from None
    scenario = None
    if args.scenario:
        from salesbot.scenario_files import find_scenario

        try:
            scenario = find_scenario(args.scenario)
        except Exception as error:  # ScenarioNotFoundError / ScenarioError carry a user-facing message
            problems = getattr(error, "problems", None)
            detail = "; ".join(str(p) for p in problems[:3]) if problems else str(error)
            raise CliError(f"--scenario {args.scenario}: {detail}") from None
    messages = [Message(role, body) for role, body in pairs]  # type: ignore[arg-type]
    _warn_one_sided(messages, name)
    try:
        assessment = assess(messages, scenario=scenario, outcome=args.outcome, lang=args.lang)
    except EmptyTranscriptError as error:
        raise CliError(f"{name}: {error}") from None
    return _write(assessment, args.format, args.output)


def _warn_one_sided(messages: Any, name: str) -> None:
    """A transcript with only one side is usually a prefix mix-up (e.g. 'Sales:' read as the seller and
    'Prospect:' lines glued onto it): assess it anyway, but say so instead of a silent score of 0."""
    roles = {m.role for m in messages}
    for role, words in (("seller", "V:, Verkoper:, S:, Seller:"), ("customer", "K:, Klant:, C:, Customer:")):
        if messages and role not in roles:
            print(f"warning: {name}: no {role} messages ({words}); check the role prefixes", file=sys.stderr)


def _write(assessment: Any, fmt: str, output: str | None) -> int:
    from salesbot import reports

    if fmt == "png":
        png = reports.render_png(assessment)
        if output:
            _save(output, png)
        elif sys.stdout.isatty():
            raise CliError("--format png writes binary data: give --output FILE.png (or redirect to a file)")
        else:
            sys.stdout.buffer.write(png)
        return 0
    renderers = {
        "text": reports.render_text,
        "markdown": reports.render_markdown,
        "html": reports.render_html,
        "json": lambda a: json.dumps(a.to_dict(), ensure_ascii=False, indent=2),
    }
    rendered = renderers[fmt](assessment)
    if output:
        _save(output, (rendered if rendered.endswith("\n") else rendered + "\n").encode("utf-8"))
    else:
        print(rendered)
    return 0


def _save(path: str, data: bytes) -> None:
    try:
        Path(path).write_bytes(data)
    except OSError as error:
        raise CliError(f"--output {path}: cannot write: {error.strerror or error}") from None
