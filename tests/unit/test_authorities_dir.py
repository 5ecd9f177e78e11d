"""Context for many councils: `--authorities DIR`, matching by name and alias, the report of
names that matched no file, `postcheck authorities`, and `postcheck schema --authority`."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from postcheck.cli import main
from postcheck.exit_codes import ExitCode
from postcheck.rules.authorities import Authority, AuthorityDirectory, AuthorityFileError
from postcheck.rules.catalogue import bundled_rules_dir

ROOT = Path(__file__).resolve().parents[2]
TEST_AUTHORITIES = ROOT / "tests" / "authorities"
AS_OF = ["--as-of", "2026-11-23"]
SCHEMA = json.loads(
    (resources.files("postcheck") / "report" / "schemas" / "check.schema.json").read_text()
)
# PO9 is not on Borchester's grade scale: grade-not-on-scale fires only when the file is known
OFF_SCALE = "title: Officer\nauthority: Borchester\ngrade: PO9\ndate_last_updated: 2026-06-01\n"


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.output


def rule_ids(out: str) -> set[str]:
    return {v["rule_id"] for v in json.loads(out)["violations"]}


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- check --authorities ---------------------------------------------------------------------


def test_authorities_dir_gives_records_their_councils_context() -> None:
    args = ["check", "-", "--stdin-format", "yaml", "--format", "json", *AS_OF]
    code, without = invoke(*args, stdin=OFF_SCALE)
    assert code == 0 and "grade-not-on-scale" not in rule_ids(without)
    code, with_dir = invoke(*args, "--authorities", str(TEST_AUTHORITIES), stdin=OFF_SCALE)
    assert "grade-not-on-scale" in rule_ids(with_dir)
    jsonschema.validate(json.loads(with_dir), SCHEMA)
    assert json.loads(with_dir)["summary"]["unmatched_authorities"] == []


def test_later_folder_replaces_a_council_of_the_same_name(tmp_path: Path) -> None:
    # the second folder's Borchester has a scale with PO9 on it: the finding goes away
    write(
        tmp_path / "second",
        "b.yaml",
        "name: borchester borough council.\ngrade_scale:\n  grades: [{code: PO9}]\n",
    )
    code, out = invoke(
        "check", "-", "--stdin-format", "yaml", "--format", "json", *AS_OF,
        "--authorities", str(TEST_AUTHORITIES), "--authorities", str(tmp_path / "second"),
        stdin=OFF_SCALE.replace("authority: Borchester", "authority: BORCHESTER BOROUGH COUNCIL"),
    )  # fmt: skip
    assert code == 0 and "grade-not-on-scale" not in rule_ids(out)
    assert json.loads(out)["summary"]["unmatched_authorities"] == []


def test_duplicate_name_within_one_folder_is_exit_2_with_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "name: Ambridge Council\n")
    write(
        tmp_path,
        "b.yaml",
        "# second\nname: Ambridge Parish\naliases: [Borsetshire, ambridge-council]\n",
    )
    code, out = invoke(
        "check", "-", "--stdin-format", "yaml", "--authorities", str(tmp_path), stdin=OFF_SCALE
    )
    assert code == ExitCode.USAGE_OR_INPUT
    assert f"{tmp_path / 'b.yaml'}:3:" in out and "aliases.1" in out and "a.yaml" in out


def test_broken_authority_file_in_a_folder_is_exit_2_with_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "bad.yaml", "name: Ambridge\ngovernance:\n  model: monarchy\n")
    code, out = invoke("check", "-", "--stdin-format", "yaml", "--authorities", str(tmp_path))
    assert code == ExitCode.USAGE_OR_INPUT
    assert f"{tmp_path / 'bad.yaml'}:3:" in out and "governance.model" in out


def test_same_name_in_two_folders_is_no_error(tmp_path: Path) -> None:
    shutil.copy(TEST_AUTHORITIES / "borchester.yaml", tmp_path / "other-name.yaml")
    directory = AuthorityDirectory.load(bundled_rules_dir(), extra=[TEST_AUTHORITIES, tmp_path])
    assert [a.name for a in directory.authorities].count("Borchester Borough Council") == 1
    assert directory.sources["Borchester Borough Council"] == tmp_path / "other-name.yaml"


def test_names_match_case_and_punctuation_insensitively_and_by_alias() -> None:
    directory = AuthorityDirectory.load(bundled_rules_dir())
    newham = directory.for_name("London Borough of Newham")
    assert newham.name == "London Borough of Newham"
    for spelling in ("Newham Council", "NEWHAM  council.", "l.b. newham", "newham-council"):
        assert directory.for_name(spelling) is newham, spelling
    assert directory.for_name("Newham District") is directory.default
    assert directory.unmatched() == [("Newham District", 1)]


def test_unmatched_names_are_counted_once_per_spelling_group() -> None:
    directory = AuthorityDirectory([Authority(name="Ambridge")], Authority(name="default"))
    for name in ["Borchester DC", "borchester dc.", "Felpersham", None, "Ambridge", "  "]:
        directory.for_name(name)
    assert directory.unmatched() == [("Borchester DC", 2), ("Felpersham", 1)]


def test_forced_authority_leaves_nothing_unmatched() -> None:
    forced = Authority(name="Ambridge")
    directory = AuthorityDirectory([], Authority(name="default"), forced=forced)
    assert directory.for_name("Nowhere") is forced and directory.unmatched() == []


def test_missing_folder_is_an_authority_file_error(tmp_path: Path) -> None:
    try:
        AuthorityDirectory.load(bundled_rules_dir(), extra=[tmp_path / "nope"])
    except AuthorityFileError as error:
        assert "nope" in str(error)
    else:
        raise AssertionError("a missing folder must be refused")


# --- the report of unmatched names -----------------------------------------------------------

TWO_UNKNOWN = (
    "title: Officer\nauthority: Borchester District Council\n---\n"
    "title: Clerk\nauthority: borchester district council\n---\n"
    "title: Clerk\nauthority: Newham Council\n"
)


def test_text_summary_names_councils_with_no_file() -> None:
    code, out = invoke("check", "-", "--stdin-format", "yaml", *AS_OF, stdin=TWO_UNKNOWN)
    assert code == 0
    assert "2 records name councils with no authority file: Borchester District Council (2)" in out
    assert "Newham" not in out


def test_text_summary_says_nothing_when_every_name_matched() -> None:
    code, out = invoke(
        "check", "-", "--stdin-format", "yaml", *AS_OF, "--authorities", str(TEST_AUTHORITIES),
        stdin=OFF_SCALE,
    )  # fmt: skip
    assert code == 0 and "grade-not-on-scale" in out and "no authority file" not in out


def test_json_report_lists_unmatched_names_and_matches_schema() -> None:
    _, out = invoke(
        "check", "-", "--stdin-format", "yaml", "--format", "json", *AS_OF, stdin=TWO_UNKNOWN
    )
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    assert report["summary"]["unmatched_authorities"] == [
        {"name": "Borchester District Council", "records": 2}
    ]


def test_schema_refuses_a_report_without_unmatched_authorities() -> None:
    _, out = invoke("check", "-", "--stdin-format", "yaml", "--format", "json", stdin=OFF_SCALE)
    report = json.loads(out)
    del report["summary"]["unmatched_authorities"]
    try:
        jsonschema.validate(report, SCHEMA)
    except jsonschema.ValidationError:
        return
    raise AssertionError("the schema must require summary.unmatched_authorities")


# --- postcheck authorities -------------------------------------------------------------------


def test_authorities_lists_bundled_and_added_councils_as_json() -> None:
    code, out = invoke("authorities", "--format", "json", "--authorities", str(TEST_AUTHORITIES))
    assert code == 0
    rows = {r["name"]: r for r in json.loads(out)["authorities"]}
    assert set(rows) == {
        "Borchester Borough Council",
        "Cyngor Sir Llanfair",
        "Felpersham City Council",
        "Loamshire County Council",
        "London Borough of Newham",
        "default",
    }
    borchester = rows["Borchester Borough Council"]
    assert borchester["aliases"] == ["Borchester"]
    assert borchester["governance"] == "mayor_and_cabinet"
    assert borchester["mayor_terms"] == [
        {"start": "2022-05-05", "end": "2026-05-07"},
        {"start": "2026-05-07", "end": "2030-05-02"},
    ]
    assert borchester["political_groups"] == 3 and borchester["seats"] == 48
    assert borchester["grade_scale"] is True and borchester["grades"] == 6
    assert borchester["annual_meetings"] == ["2026-05-20", "2027-05-19"]
    assert borchester["file"] == str(TEST_AUTHORITIES / "borchester.yaml")
    felpersham = rows["Felpersham City Council"]
    assert felpersham["governance"] == "leader_and_cabinet"
    assert felpersham["political_groups"] is None and felpersham["grade_scale"] is False


def test_authorities_text_lists_each_council() -> None:
    code, out = invoke("authorities", "--authorities", str(TEST_AUTHORITIES))
    assert code == 0
    assert "Borchester Borough Council  (" in out
    assert "  aliases:         Borchester" in out
    assert "  grade scale:     yes (6 grades)" in out
    assert "  annual meetings: 2026-05-20, 2027-05-19" in out
    assert out.rstrip().endswith("5 councils with an authority file")


def test_authorities_with_a_broken_file_is_exit_2(tmp_path: Path) -> None:
    write(tmp_path, "bad.yaml", "name: [not, a, name]\n")
    code, out = invoke("authorities", "--authorities", str(tmp_path))
    assert code == ExitCode.USAGE_OR_INPUT and f"{tmp_path / 'bad.yaml'}:1:" in out


# --- postcheck schema --authority ------------------------------------------------------------


def test_schema_authority_is_a_json_schema_that_accepts_the_test_councils() -> None:
    import yaml

    code, out = invoke("schema", "--authority")
    assert code == 0
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert {"name", "aliases", "governance", "political_groups"} <= set(schema["properties"])
    for path in TEST_AUTHORITIES.glob("*.yaml"):
        data = json.loads(json.dumps(yaml.safe_load(path.read_text()), default=str))
        jsonschema.validate(data, schema)
    try:
        jsonschema.validate({"name": "X", "governanse": {}}, schema)
    except jsonschema.ValidationError:
        return
    raise AssertionError("a misspelt key must fail the authority schema")


def test_schema_facts_and_authority_together_is_usage_error() -> None:
    code, _ = invoke("schema", "--facts", "--authority")
    assert code == ExitCode.USAGE_OR_INPUT
