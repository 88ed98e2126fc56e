"""Loading scenario files: every way a file can be wrong gives a `file:line:column: message` problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesbot.scenario_files import (
    MAX_BYTES,
    Problem,
    ScenarioError,
    check_file,
    check_text,
    load_scenario_file,
    load_scenario_text,
    loader,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "scenarios"
MINIMAL = DATA / "valid" / "minimal.yaml"
INVALID = sorted((DATA / "invalid").glob("*.yaml"))


def expectations(path: Path) -> list[tuple[int, int, str]]:
    """The fixture's first line: `# expect: LINE:COL: message part | LINE:COL: message part`."""
    header = path.read_text("utf-8").splitlines()[0]
    assert header.startswith("# expect: "), path
    result = []
    for part in header.removeprefix("# expect: ").split(" | "):
        line, column, message = part.split(":", 2)
        result.append((int(line), int(column), message.strip()))
    return result


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(ScenarioError) as error:
        load_scenario_file(path)
    return error.value.problems


def test_there_is_a_fixture_for_every_error_class() -> None:
    names = {p.stem for p in INVALID}
    assert {
        "syntax-error", "tab-indentation", "unknown-field", "wrong-value", "missing-field", "duplicate-key",
        "duplicate-item-id", "unknown-benefit-pain", "unknown-after-pain", "unreachable-signal",
        "unreachable-order", "advance-above-order", "shared-pain-keyword", "unrevealable-pain",
        "objection-resolved-by-nothing", "duplicate-keyword", "blank-keyword", "unknown-cue-label",
        "multiple-documents", "python-tag", "top-level-list", "top-level-scalar", "empty", "alias-bomb",
        "recursive-alias", "patience-threshold",
    } <= names


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_reports_the_expected_problem_at_its_position(path: Path) -> None:
    problems = problems_of(path)
    for line, column, message in expectations(path):
        matching = [p for p in problems if (p.line, p.column) == (line, column) and message in p.message]
        assert matching, f"expected {line}:{column}: {message!r} in {[str(p) for p in problems]}"
        assert all(p.file == str(path) for p in problems)


def test_minimal_fixture_is_valid_without_warnings() -> None:
    scenario, problems = check_file(MINIMAL)
    assert problems == []
    assert scenario is not None and scenario.id == "minimal"
    assert scenario.facts[0].reply == ["About forty people."]  # one string is one variant


def test_problem_prints_as_file_line_column_message() -> None:
    assert str(Problem("a.yaml", 3, 7, "unknown field 'x'")) == "a.yaml:3:7: unknown field 'x'"
    assert str(Problem("a.yaml", 1, 1, "looks English", "warning")) == "a.yaml:1:1: warning: looks English"


def test_scenario_error_message_lists_every_error() -> None:
    text = MINIMAL.read_text().replace("language: en", "language: de").replace("dmu_role: buyer", "dmu_role: boss")
    with pytest.raises(ScenarioError) as error:
        load_scenario_text(text, "upload.yaml")
    lines = str(error.value).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("upload.yaml:3:11: language:")
    assert lines[1].startswith("upload.yaml:10:13: persona.dmu_role:")


def test_file_over_one_mebibyte_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text(MINIMAL.read_text() + "# " + "x" * MAX_BYTES + "\n")
    [problem] = problems_of(big)
    assert problem.message.startswith("file is too large")
    assert "1,048,576" in problem.message
    with pytest.raises(ScenarioError, match="too large"):
        load_scenario_text("a: b\n" * (MAX_BYTES // 4), "upload.yaml")


def test_binary_file_is_refused_by_name(tmp_path: Path) -> None:
    binary = tmp_path / "photo.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    [problem] = problems_of(binary)
    assert str(problem) == f"{binary}:1:1: binary file (contains NUL bytes); a scenario is a UTF-8 YAML text file"


def test_control_character_is_refused_with_its_position() -> None:
    _, [problem] = check_text(b"id: x\ntitle: a\x01b\n", "ctl.yaml")
    assert str(problem) == "ctl.yaml:2:9: control character #x0001 is not allowed in a YAML text file"


def test_non_utf8_text_is_refused_with_its_line(tmp_path: Path) -> None:
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("id: x\ntitle: café\n".encode("latin-1"))
    [problem] = problems_of(latin)
    assert (problem.line, problem.column) == (2, 1)
    assert "not UTF-8" in problem.message


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbf" + MINIMAL.read_bytes())
    assert load_scenario_file(bom).id == "minimal"


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    blank = tmp_path / "blank.yaml"
    blank.write_text("\n   \n")
    [problem] = problems_of(blank)
    assert "empty file" in problem.message


def test_missing_file_and_directory_are_problems(tmp_path: Path) -> None:
    assert "no such file" in problems_of(tmp_path / "nope.yaml")[0].message
    assert "is a directory" in problems_of(tmp_path)[0].message


def test_too_many_alias_uses_are_refused() -> None:
    uses = ", ".join(["*a"] * (loader.MAX_ALIAS_USES + 1))
    _, [problem] = check_text(f"x: &a 1\ny: [{uses}]\n", "aliases.yaml")
    assert problem.message.startswith("more than 1,000 alias uses")


def test_a_large_file_without_aliases_is_not_an_alias_bomb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_EXPANDED_NODES", 1_000)
    padding = "".join(f"  k{i}: [a, b, c, d, e, f]\n" for i in range(200))  # 1,600 nodes, no aliases
    text = MINIMAL.read_text() + "x-padding:\n" + padding
    assert check_text(text, "large.yaml")[1] == []
    with_alias = text + "x-twice: [&p [a, b], *p]\n"
    assert check_text(with_alias, "large.yaml")[1] == []  # a small blow-up is fine


def test_deep_nesting_gives_a_problem_not_a_crash() -> None:
    scenario, problems = check_text("a: " + "[" * 5000 + "]" * 5000 + "\n", "deep.yaml")
    assert scenario is None
    assert problems and problems[0].file == "deep.yaml"


def test_anchors_and_merge_keys_work_and_keep_positions() -> None:
    text = MINIMAL.read_text().replace(
        "outcomes:\n",
        "x-defaults: &polite\n  continuation: \"Call me next month.\"\n  no_sale: \"No, thanks.\"\n"
        "outcomes:\n  <<: *polite\n  ordr: typo\n",
    )
    _, problems = check_text(text, "merge.yaml")
    messages = [str(p) for p in problems]
    # `x-` keys are free for anchors; the typo next to the merge key has its own line.
    assert messages == ["merge.yaml:41:3: outcomes: unknown field 'ordr' (did you mean 'order'?)"]
    fixed = load_scenario_text(text.replace("  ordr: typo\n", ""), "merge.yaml")
    assert fixed.outcomes.no_sale == ["No, thanks."]


def test_safe_loading_never_builds_python_objects(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = MINIMAL.read_text().replace(
        "title: Minimal test scenario", f'title: !!python/object/apply:os.system ["touch {marker}"]'
    )
    _, [problem] = check_text(text, "evil.yaml")
    assert "YAML tag not allowed" in problem.message
    assert not marker.exists()


def test_wrong_type_of_a_nested_number_points_at_the_value() -> None:
    text = MINIMAL.read_text().replace("at_readiness: 60", "at_readiness: soon")
    _, [problem] = check_text(text, "t.yaml")
    assert (problem.line, problem.column) == (34, 19)
    assert problem.message.startswith("closing_signals[0].at_readiness: Input should be a valid integer")


def test_semantic_warnings_do_not_stop_loading() -> None:
    text = MINIMAL.read_text().replace("at_readiness: 60", "at_readiness: 10")
    scenario = load_scenario_text(text, "warn.yaml")
    assert scenario.closing_signals[0].at_readiness == 10
    _, [warning] = check_text(text, "warn.yaml")
    assert warning.severity == "warning" and "given at once" in warning.message
