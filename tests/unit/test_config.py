"""The configuration file: found upward, named or ignored, validated to the line, overridden by
options, shown by `postcheck config`, and able to override rule parameters.

Each test runs in its own temporary folder (monkeypatch.chdir) so the repository's own
pyproject.toml cannot be the file found.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from postcheck.cli import main
from postcheck.config import Config, Settings, find_config, load_config

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "seeds"
AS_OF = ["--as-of", "2026-11-23"]
# Updated 18 months before 2026-11-23: stale under a one-year period, not under two years.
EIGHTEEN_MONTHS_OLD = 'title: Policy Officer\ngrade: PO3\ndate_last_updated: "2025-05-23"\n'


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def shown(*args: str) -> dict[str, Any]:
    """`postcheck config --format json`, parsed."""
    result = invoke("config", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def rules_found(result: Result) -> set[str]:
    assert result.exit_code in (0, 1), result.output
    return set(json.loads(result.stdout)["summary"]["by_rule"])


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary working folder, resolved as os.getcwd() gives it."""
    monkeypatch.chdir(tmp_path)
    return Path.cwd()


# --- finding the file ----------------------------------------------------------------------------


def test_postcheck_toml_is_found_in_a_parent_folder(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = write(here / "postcheck.toml", 'fail_on = "warning"\n')
    deep = here / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert find_config(Path.cwd()) == config
    data = shown()
    assert data["file"] == str(config)
    assert data["settings"] == data["settings"] | {
        "fail_on": {"value": "warning", "from": f"{config}:1"}
    }


def test_postcheck_toml_beats_pyproject_in_the_same_folder(here: Path) -> None:
    config = write(here / "postcheck.toml", 'fail_on = "info"\n')
    write(here / "pyproject.toml", '[tool.postcheck]\nfail_on = "never"\n')
    assert find_config(here) == config
    assert shown()["settings"]["fail_on"] == {"value": "info", "from": f"{config}:1"}


def test_nearer_pyproject_beats_a_postcheck_toml_further_up(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(here / "postcheck.toml", 'fail_on = "info"\n')
    pyproject = write(
        here / "sub" / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.postcheck]\nfail_on = "never"\n',
    )
    monkeypatch.chdir(here / "sub")
    assert find_config(Path.cwd()) == pyproject
    assert shown()["settings"]["fail_on"] == {"value": "never", "from": f"{pyproject}:5"}


def test_pyproject_without_tool_postcheck_is_passed_over(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = write(here / "postcheck.toml", 'fail_on = "info"\n')
    write(
        here / "sub" / "pyproject.toml", "[tool.ruff]\nline-length = 99\n[tool.postcheckx]\na = 1\n"
    )
    monkeypatch.chdir(here / "sub")
    assert find_config(Path.cwd()) == config


def test_no_file_found_means_every_default(here: Path) -> None:
    result = invoke("config")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "configuration file: none found"
    data = shown()
    assert data["file"] is None
    settings = data["settings"]
    assert isinstance(settings, dict)
    assert {v["from"] for v in settings.values()} == {"default"}
    assert settings["fail_on"]["value"] == "error"
    assert settings["select"]["value"] == []


def test_config_option_names_the_file_and_its_folder_anchors_paths(here: Path) -> None:
    write(here / "postcheck.toml", 'fail_on = "never"\n')  # found, but not used
    named = write(here / "ci" / "gate.toml", 'fail_on = "warning"\nrules = "my-rules"\n')
    data = shown("--config", str(named))
    assert data["file"] == str(named)
    settings = data["settings"]
    assert isinstance(settings, dict)
    assert settings["fail_on"] == {"value": "warning", "from": f"{named}:1"}
    assert settings["rules"] == {"value": str(here / "ci" / "my-rules"), "from": f"{named}:2"}


def test_config_option_reads_the_tool_table_of_a_pyproject(here: Path) -> None:
    named = write(
        here / "elsewhere" / "pyproject.toml",
        '[tool.ruff]\nfail_on = "info"\n\n[tool.postcheck]\nfail_on = "warning"\n',
    )
    settings = shown("--config", str(named))["settings"]
    assert settings["fail_on"] == {"value": "warning", "from": f"{named}:5"}


def test_no_config_ignores_the_file_found(here: Path) -> None:
    write(here / "postcheck.toml", 'fail_on = "never"\n')
    assert invoke("check", str(SEEDS), *AS_OF).exit_code == 0  # the seeds have errors
    assert invoke("check", str(SEEDS), "--no-config", *AS_OF).exit_code == 1
    assert shown("--no-config")["file"] is None


def test_paths_are_relative_to_the_files_folder_not_the_working_one(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    absolute = here / "shared" / "baseline.json"
    write(
        here / "pyproject.toml",
        "[tool.postcheck]\n"
        'rules = "rules-copy"\n'
        'authorities = ["councils", "more/councils"]\n'
        'columns = "maps/columns.yaml"\n'
        f'baseline = "{absolute.as_posix()}"\n'
        'waivers = "../waivers.yaml"\n',
    )
    (here / "deep" / "er").mkdir(parents=True)
    monkeypatch.chdir(here / "deep" / "er")
    settings = shown()["settings"]
    assert isinstance(settings, dict)
    values = {name: settings[name]["value"] for name in ("rules", "authorities", "columns")}
    assert values == {
        "rules": str(here / "rules-copy"),
        "authorities": [str(here / "councils"), str(here / "more" / "councils")],
        "columns": str(here / "maps" / "columns.yaml"),
    }
    assert settings["baseline"]["value"] == str(absolute)
    assert settings["waivers"]["value"] == str(here.parent / "waivers.yaml")


def test_rules_folder_from_the_file_is_used_by_check(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(here / "postcheck.toml", 'rules = "no-such-rules"\n')
    (here / "sub").mkdir()
    monkeypatch.chdir(here / "sub")
    result = invoke("check", str(SEEDS), *AS_OF)
    assert result.exit_code == 2
    assert f"{here / 'no-such-rules'}: no such rules directory" in result.output


# --- validation, to the line ---------------------------------------------------------------------


def test_unknown_key_names_file_line_and_the_likely_key(here: Path) -> None:
    config = write(here / "postcheck.toml", '# gate settings\nfail_on = "error"\nignroe = ["x"]\n')
    result = invoke("check", str(SEEDS), *AS_OF)
    assert result.exit_code == 2
    assert f"{config}:3: ignroe: unknown setting (did you mean 'ignore'?)" in result.output
    assert invoke("config").exit_code == 2


def test_unknown_key_in_the_tool_table_is_located_in_pyproject(here: Path) -> None:
    config = write(
        here / "pyproject.toml",
        '[project]\nname = "x"\n[tool.postcheck]\nselect = ["statute"]\nfail_onn = "warning"\n',
    )
    result = invoke("config")
    assert result.exit_code == 2
    assert f"{config}:5: fail_onn: unknown setting (did you mean 'fail_on'?)" in result.output


def test_misspelt_table_is_an_unknown_key_at_its_header(here: Path) -> None:
    config = write(
        here / "postcheck.toml", 'fail_on = "error"\n\n[paramters]\nstaleness_period = "P1Y"\n'
    )
    result = invoke("config")
    assert result.exit_code == 2
    assert f"{config}:3: paramters: unknown setting (did you mean 'parameters'?)" in result.output


@pytest.mark.parametrize(
    ("line", "located"),
    [
        ('fail_on = "sometimes"', "fail_on: Input should be 'error', 'warning', 'info' or 'never'"),
        ('as_of = "2026-13-01"', "as_of: "),
        ("select = 3", "select: Input should be a valid list"),
        ('select = ["statute", 3]', "select.1: "),
        ('waiver_severity = "fatal"', "waiver_severity: "),
        ("sheet = 2", "sheet: "),
    ],
)
def test_wrong_type_names_the_key_and_its_line(here: Path, line: str, located: str) -> None:
    config = write(here / "postcheck.toml", f'profile = "strict"\n{line}\n')
    result = invoke("check", str(SEEDS), *AS_OF)
    assert result.exit_code == 2
    assert f"{config}:2: {located}" in result.output
    assert result.output.count("Error:") == 1  # the run stopped: no report after the error


def test_impossible_day_in_the_file_is_refused(here: Path) -> None:
    config = write(here / "postcheck.toml", 'as_of = "2026-02-29"\n')
    result = invoke("config")
    assert result.exit_code == 2
    assert f"{config}:1: as_of:" in result.output


def test_file_that_is_not_toml_is_refused_with_its_line(here: Path) -> None:
    config = write(here / "postcheck.toml", 'fail_on = "error"\nas_of = 2026-13-01\n')
    result = invoke("check", str(SEEDS), *AS_OF)
    assert result.exit_code == 2
    assert f"{config}:2: not valid TOML" in result.output


def test_toml_day_in_the_file_is_the_day_judged(here: Path) -> None:
    write(here / "postcheck.toml", "as_of = 2026-11-23\n")
    result = invoke("check", str(SEEDS), "--format", "json")
    assert json.loads(result.stdout)["as_of"] == "2026-11-23"
    result = invoke("check", str(SEEDS), "--format", "json", "--as-of", "2025-01-31")
    assert json.loads(result.stdout)["as_of"] == "2025-01-31"


@pytest.mark.parametrize(
    ("given", "says"),
    [
        ("2026-13-01", "'2026-13-01' is not a real date"),
        ("2026-02-29", "'2026-02-29' is not a real date"),
        ("2026/11/23", "'2026/11/23' is not a day written YYYY-MM-DD"),
        ("23-11-2026", "'23-11-2026' is not a day written YYYY-MM-DD"),
    ],
)
def test_as_of_option_refuses_what_is_no_day(here: Path, given: str, says: str) -> None:
    result = invoke("check", str(SEEDS), "--as-of", given)
    assert result.exit_code == 2
    assert says in result.output


def test_leap_day_is_a_day(here: Path) -> None:
    result = invoke("check", str(SEEDS), "--as-of", "2028-02-29", "--format", "json")
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)["as_of"] == "2028-02-29"


# --- options over the file -----------------------------------------------------------------------


def test_fail_on_option_overrides_the_file(here: Path) -> None:
    write(here / "postcheck.toml", 'fail_on = "never"\n')
    assert invoke("check", str(SEEDS), *AS_OF).exit_code == 0
    assert invoke("check", str(SEEDS), "--fail-on", "error", *AS_OF).exit_code == 1


def test_select_option_replaces_the_files_selection(here: Path) -> None:
    write(here / "postcheck.toml", 'select = ["grading"]\n')
    base = ["check", str(SEEDS), "--format", "json", *AS_OF]
    assert rules_found(invoke(*base)) == {"grade-code-typo"}
    chosen = invoke(*base, "--select", "s9-term-not-stated", "--select", "leftover-markup")
    assert rules_found(chosen) == {"s9-term-not-stated", "leftover-markup"}


def test_options_are_marked_as_from_the_command_line() -> None:
    file = Path("/project/postcheck.toml")
    base = Config(
        Settings(fail_on="never", select=["grading"]),
        {"fail_on": f"{file}:1", "select": f"{file}:2"},
        file,
    )
    laid = base.with_options(
        {"fail_on": "warning", "select": (), "ignore": ("hygiene",), "sheet": None}
    )
    assert laid.settings.fail_on == "warning"
    assert laid.settings.select == ["grading"]  # an empty repeatable option is not given
    assert laid.settings.ignore == ["hygiene"]
    assert [laid.origin(n) for n in ("fail_on", "select", "ignore", "sheet")] == [
        "command line",
        f"{file}:2",
        "command line",
        "default",
    ]


# --- postcheck config ----------------------------------------------------------------------------


CONFIG_TEXT = """\
# the gate
fail_on = "warning"
select = ["statute", "grading"]

[parameters]
staleness_period = "P1Y"
"""


def test_config_text_shows_value_and_origin_of_each_setting(here: Path) -> None:
    config = write(here / "postcheck.toml", CONFIG_TEXT)
    result = invoke("config")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"configuration file: {config}"

    def row(name: str, value: str, origin: str) -> bool:
        pattern = rf"  {re.escape(name)} +{re.escape(value)}  \({re.escape(origin)}\)"
        return any(re.fullmatch(pattern, line) for line in lines)

    assert row("fail_on", '"warning"', f"{config}:2")
    assert row("select", '["statute", "grading"]', f"{config}:3")
    assert row("parameters", '{"staleness_period": "P1Y"}', f"{config}:5")
    assert row("ignore", "[]", "default")
    assert row("as_of", "null", "default")
    assert row("strict_columns", "false", "default")
    assert row("waiver_severity", '"error"', "default")
    assert len(lines) == 1 + len(Settings.model_fields)  # every setting, once


def test_config_json_shows_value_and_origin_of_each_setting(here: Path) -> None:
    config = write(here / "postcheck.toml", CONFIG_TEXT)
    data = shown()
    assert data["file"] == str(config)
    settings = data["settings"]
    assert isinstance(settings, dict)
    assert set(settings) == set(Settings.model_fields)
    assert settings["fail_on"] == {"value": "warning", "from": f"{config}:2"}
    assert settings["select"] == {"value": ["statute", "grading"], "from": f"{config}:3"}
    assert settings["parameters"] == {"value": {"staleness_period": "P1Y"}, "from": f"{config}:5"}
    assert settings["profile"] == {"value": None, "from": "default"}
    assert settings["include"] == {"value": [], "from": "default"}


def test_dotted_key_is_located_to_its_line(here: Path) -> None:
    """`parameters.staleness_period = ...` is the same TOML as a [parameters] table."""
    config = write(here / "postcheck.toml", '# the gate\nparameters.staleness_period = "P1Y"\n')
    settings = shown()["settings"]
    assert settings["parameters"] == {
        "value": {"staleness_period": "P1Y"},
        "from": f"{config}:2",
    }


def test_load_config_gives_origins_and_absolute_paths(tmp_path: Path) -> None:
    config = write(tmp_path / "postcheck.toml", 'columns = "cols.yaml"\nprofile = "statutory"\n')
    loaded = load_config(config)
    assert loaded.file == config
    assert loaded.settings.columns == (tmp_path / "cols.yaml").resolve()
    assert loaded.settings.profile == "statutory"
    assert loaded.origin("profile") == f"{config}:2"
    assert loaded.origin("fail_on") == "default"


# --- parameter overrides -------------------------------------------------------------------------


def test_staleness_override_changes_which_records_are_stale(here: Path) -> None:
    write(here / "posts" / "officer.yaml", EIGHTEEN_MONTHS_OLD)
    run = ["check", str(here / "posts"), "--format", "json", *AS_OF]
    assert rules_found(invoke(*run)) == set()  # within the default two years
    write(here / "postcheck.toml", '[parameters]\nstaleness_period = "P1Y"\n')
    result = invoke(*run)
    assert rules_found(result) == {"last-updated-stale"}
    (stale,) = json.loads(result.stdout)["violations"]
    assert "more than 1 year before 2026-11-23" in stale["message"]
    assert result.exit_code == 0  # a warning does not fail the default gate
    assert invoke(*run, "--fail-on", "warning").exit_code == 1
    assert rules_found(invoke(*run, "--no-config")) == set()


def test_staleness_override_in_pyproject(here: Path) -> None:
    write(here / "officer.yaml", EIGHTEEN_MONTHS_OLD)
    write(here / "pyproject.toml", '[tool.postcheck.parameters]\nstaleness_period = "P6M"\n')
    result = invoke("check", "officer.yaml", "--format", "json", *AS_OF)
    assert rules_found(result) == {"last-updated-stale"}


@pytest.mark.parametrize(
    ("line", "says"),
    [
        (
            's9_relevant_amount = "lots"',
            "parameters.s9_relevant_amount: expected a number, got 'lots'",
        ),
        ("s9_relevant_amount = true", "parameters.s9_relevant_amount: expected a number, got True"),
        ('staleness_period = "one year"', "parameters.staleness_period: expected a period"),
        ('staleness_period = "P1Q"', "parameters.staleness_period: not a period: 'P1Q'"),
        (
            'prohibition_phrases = ".*may not.*"',
            "parameters.prohibition_phrases: expected a list of text",
        ),
        (
            'staleness_perod = "P1Y"',
            "parameters.staleness_perod: no such parameter (did you mean 'staleness_period'?)",
        ),
    ],
)
def test_bad_parameter_override_stops_the_run(here: Path, line: str, says: str) -> None:
    write(here / "postcheck.toml", f"[parameters]\n{line}\n")
    result = invoke("check", str(SEEDS), *AS_OF)
    assert result.exit_code == 2
    assert says in result.output


def test_numeric_override_of_a_number_is_accepted(here: Path) -> None:
    write(
        here / "postcheck.toml",
        "[parameters]\ns9_relevant_amount = 51000.5\nworking_days_per_week = 4\n",
    )
    result = invoke("check", str(SEEDS), "--format", "json", *AS_OF)
    assert result.exit_code == 1, result.output


def test_bad_parameter_override_names_the_file_and_line(here: Path) -> None:
    """config.py promises every unknown key or wrong-typed value is located in the file;
    a parameter override is a key of the file like any other."""
    config = write(here / "postcheck.toml", '[parameters]\nstaleness_perod = "P1Y"\n')
    result = invoke("check", str(SEEDS), *AS_OF)
    assert result.exit_code == 2
    assert f"{config}:2" in result.output
    assert invoke("config").exit_code == 2
