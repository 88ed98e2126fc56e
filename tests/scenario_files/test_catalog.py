"""The catalogue: bundled scenarios, extra folders, lookup by id or path, folder validation."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from salesbot.scenario_files import (
    DEFAULT_SCENARIO_ID,
    ScenarioError,
    bundled_scenarios,
    bundled_scenarios_dir,
    find_scenario,
    validate_paths,
)
from salesbot.scenario_files.catalog import ENV_VAR, ScenarioNotFoundError

DATA = Path(__file__).resolve().parents[1] / "data" / "scenarios"
MINIMAL = DATA / "valid" / "minimal.yaml"


@pytest.fixture(autouse=True)
def _no_env_dirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)


def test_bundled_folder_is_the_repository_scenarios_folder() -> None:
    assert bundled_scenarios_dir() == Path(__file__).resolve().parents[2] / "scenarios"


def test_bundled_scenarios_are_sorted_and_include_the_default() -> None:
    ids = [s.id for s in bundled_scenarios()]
    assert ids == sorted(ids)
    assert DEFAULT_SCENARIO_ID in ids


def test_find_by_id_and_by_path_give_the_same_scenario() -> None:
    by_id = find_scenario(DEFAULT_SCENARIO_ID)
    by_path = find_scenario(str(bundled_scenarios_dir() / f"{DEFAULT_SCENARIO_ID}.yaml"))
    assert by_id == by_path
    assert by_id.language == "nl"


def test_unknown_id_lists_the_available_ids() -> None:
    with pytest.raises(ScenarioNotFoundError) as error:
        find_scenario("koelservice")
    message = str(error.value)
    assert message.startswith("unknown scenario 'koelservice'; available: ")
    assert DEFAULT_SCENARIO_ID in message and "fleet-telematics" in message
    assert isinstance(error.value, ScenarioError) and isinstance(error.value, LookupError)


def test_missing_path_is_a_clear_not_found_error(tmp_path: Path) -> None:
    with pytest.raises(ScenarioNotFoundError, match="scenario file not found: .*nope.yaml"):
        find_scenario(str(tmp_path / "nope.yaml"))


def test_invalid_file_by_path_raises_its_problems() -> None:
    with pytest.raises(ScenarioError) as error:
        find_scenario(str(DATA / "invalid" / "unknown-field.yaml"))
    assert ":11:3: persona: unknown field 'temperamnt'" in str(error.value)


def test_extra_dirs_and_the_environment_variable_add_scenarios(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra, env = tmp_path / "extra", tmp_path / "env"
    extra.mkdir()
    env.mkdir()
    shutil.copy(MINIMAL, extra / "minimal.yaml")
    (env / "sub").mkdir()
    (env / "sub" / "other.yml").write_text(MINIMAL.read_text().replace("id: minimal", "id: from-env"))
    assert find_scenario("minimal", extra_dirs=[extra]).id == "minimal"
    with pytest.raises(ScenarioNotFoundError):
        find_scenario("from-env")
    monkeypatch.setenv(ENV_VAR, os.pathsep.join([str(env), str(tmp_path / "does-not-exist")]))
    assert find_scenario("from-env").id == "from-env"
    assert {"minimal", "from-env"} <= {s.id for s in bundled_scenarios(extra_dirs=[extra])}


def test_broken_extra_scenario_asked_by_id_reports_why(tmp_path: Path) -> None:
    text = MINIMAL.read_text().replace("id: minimal", "id: broken").replace("language: en", "language: fr")
    (tmp_path / "broken.yaml").write_text(text)
    with pytest.raises(ScenarioError, match=r"broken.yaml:3:11: language: Input should be 'nl' or 'en'"):
        find_scenario("broken", extra_dirs=[tmp_path])
    with pytest.raises(ScenarioError, match="broken.yaml:3:11"):
        bundled_scenarios(extra_dirs=[tmp_path])
    # A server keeps serving the valid ones.
    assert "broken" not in {s.id for s in bundled_scenarios(extra_dirs=[tmp_path], skip_invalid=True)}


def test_duplicate_scenario_ids_across_files_are_reported_at_the_id_line() -> None:
    problems = validate_paths([DATA / "duplicate-ids"])
    assert [str(p) for p in problems] == [
        f"{DATA / 'duplicate-ids' / 'nested' / 'b.yml'}:2:1: duplicate scenario id 'minimal' "
        f"(also in {DATA / 'duplicate-ids' / 'a.yaml'})"
    ]


def test_duplicate_id_between_bundled_and_extra_folder_is_an_error(tmp_path: Path) -> None:
    shutil.copy(bundled_scenarios_dir() / f"{DEFAULT_SCENARIO_ID}.yaml", tmp_path / "copy.yaml")
    with pytest.raises(ScenarioError, match=f"duplicate scenario id '{DEFAULT_SCENARIO_ID}'"):
        bundled_scenarios(extra_dirs=[tmp_path])


def test_the_same_folder_twice_is_not_a_duplicate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(bundled_scenarios_dir()))
    assert len(bundled_scenarios(extra_dirs=[bundled_scenarios_dir()])) == len(bundled_scenarios())


def test_validate_paths_walks_folders_and_reports_missing_paths(tmp_path: Path) -> None:
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "junk.yaml").write_text("- not a scenario\n")
    (tmp_path / "notes.txt").write_text("not yaml, ignored")
    shutil.copy(MINIMAL, tmp_path / "ok.yaml")
    assert validate_paths([tmp_path]) == []
    [missing] = validate_paths([tmp_path / "gone.yaml"])
    assert str(missing) == f"{tmp_path / 'gone.yaml'}:1:1: no such file or directory"


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(MINIMAL.read_text())
    assert find_scenario(str(path)).title == "Minimal test scenario"
    path.write_text(MINIMAL.read_text().replace("Minimal test scenario", "Changed title!"))
    os.utime(path, ns=(1, 1))  # a different mtime even on coarse file systems
    assert find_scenario(str(path)).title == "Changed title!"


def test_an_installed_wheel_finds_the_bundled_scenarios_under_its_data_prefix(tmp_path, monkeypatch):
    # A wheel has no repository around the package: the scenarios come from <prefix>/share/salesbot.
    import sysconfig

    import salesbot
    from salesbot.scenario_files import catalog

    site = tmp_path / "site-packages" / "salesbot"
    site.mkdir(parents=True)
    installed = tmp_path / "prefix" / "share" / "salesbot" / "scenarios"
    installed.mkdir(parents=True)
    monkeypatch.setattr(salesbot, "__file__", str(site / "__init__.py"))
    monkeypatch.setattr(sysconfig, "get_path", lambda name: str(tmp_path / "prefix"))
    assert catalog.bundled_scenarios_dir() == installed


def test_a_checkout_uses_its_own_scenarios_folder():
    from salesbot.scenario_files import catalog

    assert catalog.bundled_scenarios_dir() == Path(__file__).resolve().parents[2] / "scenarios"
