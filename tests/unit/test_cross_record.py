"""Cross-record rules: their model, their second pass and how their findings are reported.

The rules' own examples and scenarios (tests/test_rule_examples.py, features/cross-record.feature)
show each rule both ways; these tests pin the mechanism: one finding per set, naming every record
by source and line; sets grouped by council; values kept as data, never as SQL; bad rule files
stopped at load with their line; and the s.9 allocation arithmetic.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from postcheck import check
from postcheck.check import SetResult, compile_for_run, run
from postcheck.cli import main
from postcheck.engine.set_pass import BrokenSet, Group, SetPass
from postcheck.exit_codes import ExitCode
from postcheck.record.model import PostRecord, Source
from postcheck.rules.authorities import PoliticalGroup, entitled_to_s9_post, load_authority
from postcheck.rules.catalogue import RuleFileError, bundled_rules_dir, load_catalogue
from postcheck.rules.model import SetRule
from tests.conftest import REPO, SEED_DAY, TEST_AUTHORITIES, bundled_catalogue, judge_set

SCHEMA = json.loads(
    (resources.files("postcheck") / "report" / "schemas" / "check.schema.json").read_text()
)
S9 = ["s.9 LGHA 1989"]


def _s9(number: str, council: str = "Borchester Borough Council", **more: object) -> dict:
    return {"authority": council, "post_number": number, "statutory_basis": S9, **more}


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


# --- one finding per set, naming every record --------------------------------------------------


def test_a_set_is_reported_once_and_names_every_record_with_its_source_and_line() -> None:
    posts = [
        PostRecord.model_validate(
            {**_s9(f"PA{n}"), "provenance": Source(file="est.csv", index=n - 1, line=n + 1)}
        )
        for n in range(1, 6)
    ]
    found = [v for v in judge_set(posts) if v.rule_id == "s9-posts-over-three"]
    assert len(found) == 1
    (finding,) = found
    assert [(m.source, m.line, m.post_number) for m in finding.records] == [
        ("est.csv", n + 1, f"PA{n}") for n in range(1, 6)
    ]
    assert (finding.source, finding.line) == ("est.csv", 2)
    assert "has 5 posts" in finding.message
    assert finding.record_label == "Borchester Borough Council"


def test_set_findings_follow_every_record_and_come_once_per_set() -> None:
    posts = [PostRecord.model_validate(_s9(f"PA{n}")) for n in range(1, 5)]
    posts += [PostRecord.model_validate(_s9(f"PA{n}", "Felpersham City Council")) for n in range(4)]
    compiled = compile_for_run(bundled_catalogue(), SEED_DAY)
    findings = list(run(posts, compiled))
    kinds = [type(f).__name__ for f in findings]
    assert kinds == ["RecordResult"] * 8 + ["SetResult"] * (kinds.count("SetResult"))
    over = [
        f
        for f in findings
        if isinstance(f, SetResult) and f.violations[0].rule_id == "s9-posts-over-three"
    ]
    assert [f.label for f in over] == ["Borchester Borough Council", "Felpersham City Council"]


def test_records_without_the_value_a_rule_groups_by_belong_to_no_set() -> None:
    posts = [{"post_number": f"PA{n}", "statutory_basis": S9} for n in range(5)]  # no council
    assert "s9-posts-over-three" not in [v.rule_id for v in judge_set(posts)]


def test_group_values_are_data_not_sql() -> None:
    hostile = "x') OR 1=1; DROP TABLE member; --"
    posts = [_s9(hostile, council=hostile), _s9("PA2", council=hostile)]
    posts += [_s9(f"PA{n}") for n in range(3)]  # Borchester: three, no finding
    found = [v for v in judge_set(posts) if v.rule_id.startswith("s9-posts")]
    assert found == []
    four = [_s9(f"'{n}\"", council=hostile) for n in range(4)]
    (finding,) = [v for v in judge_set(four) if v.rule_id == "s9-posts-over-three"]
    assert finding.record_label == hostile
    assert [m.post_number for m in finding.records] == [f"'{n}\"" for n in range(4)]


def test_a_set_larger_than_one_batch_is_counted_whole() -> None:
    posts = [PostRecord.model_validate(_s9(f"PA{n}")) for n in range(2500)]
    compiled = compile_for_run(bundled_catalogue(), SEED_DAY, select=["s9-posts-over-three"])
    (finding,) = [f for f in run(posts, compiled) if isinstance(f, SetResult)]
    assert "has 2500 posts" in finding.violations[0].message
    assert len(finding.violations[0].records) == 2500


def test_a_run_in_worker_processes_finds_the_sets_of_one_process() -> None:
    """With --jobs, each worker keeps the members of the batches it judged in a store of its
    own; the run's pass absorbs them. Sets that span batches and workers, records of several
    files (each worker numbers sources its own way) and posts without a number come out as
    in one process, members in input order."""
    posts = [
        PostRecord.model_validate(
            {
                **_s9(f"PA{n}" if n % 7 else "", "Borchester Borough Council"),
                "provenance": Source(file=f"part-{n % 3}.csv", index=n, line=n + 2),
            }
        )
        for n in range(2600)
    ]
    compiled = compile_for_run(bundled_catalogue(), SEED_DAY, select=["s9-posts-over-three"])

    def sets(jobs: int) -> list[tuple[str, list[tuple[str, int | None, str | None]]]]:
        found = [f for f in run(posts, compiled, jobs=jobs) if isinstance(f, SetResult)]
        return [
            (v.message, [(m.source, m.line, m.post_number) for m in v.records])
            for f in found
            for v in f.violations
        ]

    one = sets(1)
    assert len(one) == 1 and len(one[0][1]) == 2600
    assert one[0][1][:3] == [
        ("part-0.csv", 2, None),
        ("part-1.csv", 3, "PA1"),
        ("part-2.csv", 4, "PA2"),
    ]
    assert sets(2) == one


def test_sets_come_most_severe_first_then_in_the_order_of_their_first_record() -> None:
    """The pass streams the broken sets from its database, merging the rules' own orders:
    errors before warnings before notes; within a severity, by the first record of the set."""
    posts = []
    for council in ("Borchester Borough Council", "Felpersham City Council"):
        posts += [  # one title on two grades (info), then a repeated number (warning)
            {"authority": council, "post_number": "T1", "title": "Clerk", "grade": ["SO1"]},
            {"authority": council, "post_number": "T2", "title": "Clerk", "grade": ["SO2"]},
            {"authority": council, "post_number": "T2", "title": "Driver", "grade": ["SC1"]},
        ]
        posts += [_s9(f"{council[:3]}{n}", council) for n in range(4)]  # over three s.9 (error)
    records = [
        PostRecord.model_validate({**p, "provenance": Source(file="est.csv", index=n)})
        for n, p in enumerate(posts)
    ]
    compiled = compile_for_run(bundled_catalogue(), SEED_DAY)
    found = [f.violations[0] for f in run(records, compiled) if isinstance(f, SetResult)]
    order = [(v.rule_id, v.records[0].index) for v in found]
    assert order == [
        ("s9-posts-over-three", 3),
        ("s9-posts-over-three", 10),
        ("post-number-repeated", 1),
        ("post-number-repeated", 8),
        ("title-grades-differ", 0),
        ("title-grades-differ", 7),
    ]


def test_worker_processes_read_the_broken_sets_in_the_order_of_one_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With --jobs, the run gathers the workers' members in one store and hands the broken
    sets to the workers a few at a time to be read whole; taken back in the order handed out,
    they come as from one process: most severe first, then by their first record, across
    many handfuls. The run's own process reads none of them."""
    posts = []
    for n in range(12):
        council = f"Council {n} Borough Council"
        posts += [
            {"authority": council, "post_number": "T1", "title": "Clerk", "grade": ["SO1"]},
            {"authority": council, "post_number": "T2", "title": "Clerk", "grade": ["SO2"]},
            {"authority": council, "post_number": "T2", "title": "Driver", "grade": ["SC1"]},
        ]
        posts += [_s9(f"C{n}-{m}", council) for m in range(4)]
    records = [
        PostRecord.model_validate({**p, "provenance": Source(file="est.csv", index=n)})
        for n, p in enumerate(posts)
    ]
    compiled = compile_for_run(bundled_catalogue(), SEED_DAY)

    def sets(jobs: int) -> list[tuple[str, str, list[int | None]]]:
        found = [f for f in run(records, compiled, jobs=jobs) if isinstance(f, SetResult)]
        return [
            (v.rule_id, v.message, [m.index for m in v.records])
            for f in found
            for v in f.violations
        ]

    one = sets(1)
    read_here: list[Group] = []
    reading = SetPass.set_of

    def noted(self: SetPass, group: Group) -> BrokenSet:
        read_here.append(group)  # in a worker, this list is the worker's own copy
        return reading(self, group)

    monkeypatch.setattr(SetPass, "set_of", noted)
    monkeypatch.setattr(check, "SET_BATCH", 5)
    assert len(one) == 36
    assert sets(2) == one
    assert read_here == []


def test_a_pass_without_members_opens_no_database() -> None:
    sets = SetPass(compile_for_run(bundled_catalogue(), SEED_DAY))
    assert list(sets.broken()) == []
    sets.close()


# --- the rule file -----------------------------------------------------------------------------


def _rule(**changes: object) -> dict:
    path = bundled_rules_dir() / "cross-record" / "s9-posts-over-three.yaml"
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(changes)
    return data


def test_a_test_is_a_count_or_a_distinct_never_both() -> None:
    with pytest.raises(ValidationError, match="one of count or distinct"):
        SetRule.model_validate(
            _rule(
                having=[{"count": {"more_than": 3}, "distinct": {"field": "title", "more_than": 1}}]
            )
        )
    with pytest.raises(ValidationError, match="one of more_than or at_least"):
        SetRule.model_validate(_rule(having=[{"count": {}}]))


def test_a_set_rule_belongs_to_the_cross_record_area() -> None:
    with pytest.raises(ValidationError, match="area cross-record"):
        SetRule.model_validate(_rule(area="grading"))


def _catalogue_with(tmp_path: Path, text: str) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(bundled_rules_dir(), rules)
    (rules / "cross-record" / "s9-posts-over-three.yaml").write_text(text, encoding="utf-8")
    return rules


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        (
            "group_by: [derived.authority]",
            "group_by: [derived.authorty]",
            "unknown field 'derived.authorty'",
        ),
        (
            "group_by: [derived.authority]",
            "group_by: [statutory_basis]",
            "holds a list, not a single value",
        ),
        ("group_by: [derived.authority]", "group_by: [appointment.end_date]", "holds a date"),
    ],
)
def test_a_bad_group_by_stops_the_run_with_the_file_and_line(
    tmp_path: Path, old: str, new: str, reason: str
) -> None:
    path = bundled_rules_dir() / "cross-record" / "s9-posts-over-three.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    rules = _catalogue_with(tmp_path, text.replace(old, new))
    line = text.splitlines().index(old) + 1
    code, out = _invoke("check", "--rules", str(rules), str(REPO / "fixtures"))
    assert code == ExitCode.USAGE_OR_INPUT
    assert f"s9-posts-over-three.yaml:{line}" in out and reason in out


def test_a_misspelt_key_in_a_set_rule_is_refused_at_load(tmp_path: Path) -> None:
    path = bundled_rules_dir() / "cross-record" / "s9-posts-over-three.yaml"
    rules = _catalogue_with(tmp_path, path.read_text(encoding="utf-8") + "grup_by: [x]\n")
    with pytest.raises(RuleFileError, match="grup_by"):
        load_catalogue(rules)


# --- selecting, reporting ----------------------------------------------------------------------


def _establishment(tmp_path: Path) -> Path:
    path = tmp_path / "establishment.csv"
    rows = ["authority,post_number,title,statutory_basis"]
    rows += [
        f"Borchester Borough Council,PA{n},Political Assistant,s.9 LGHA 1989" for n in range(4)
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_json_report_lists_the_set_and_validates(tmp_path: Path) -> None:
    path = _establishment(tmp_path)
    code, out = _invoke(
        "check",
        "--format",
        "json",
        "--authorities",
        str(TEST_AUTHORITIES),
        "--as-of",
        "2026-11-23",
        str(path),
    )
    assert code == ExitCode.VIOLATIONS
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    (finding,) = [v for v in report["violations"] if v["rule_id"] == "s9-posts-over-three"]
    assert [(r["line"], r["post_number"]) for r in finding["records"]] == [
        (n + 2, f"PA{n}") for n in range(4)
    ]
    assert report["summary"]["records"] == 4
    assert report["summary"]["by_rule"]["s9-posts-over-three"] == 1
    others = [v for v in report["violations"] if v["rule_id"] != "s9-posts-over-three"]
    assert all(v["records"] == [] for v in others)


def test_text_report_names_each_record_of_the_set(tmp_path: Path) -> None:
    path = _establishment(tmp_path)
    code, out = _invoke(
        "check",
        "--no-color",
        "--select",
        "s9-posts-over-three",
        "--as-of",
        "2026-11-23",
        "--authorities",
        str(TEST_AUTHORITIES),
        str(path),
    )
    assert code == ExitCode.VIOLATIONS
    assert "across records  Borchester Borough Council" in out
    assert "error   s9-posts-over-three  (4 records)" in out
    for n in range(4):
        assert f"{path}:{n + 2}  post PA{n} · Political Assistant" in out


def test_ignoring_a_set_rule_silences_it(tmp_path: Path) -> None:
    code, out = _invoke(
        "check",
        "--no-color",
        "--ignore",
        "s9-posts-over-three",
        "--fail-on",
        "error",
        "--select",
        "s9-posts-over-three",
        "--select",
        "post-number-repeated",
        str(_establishment(tmp_path)),
    )
    assert code == ExitCode.CLEAN, out


def test_the_catalogue_lists_the_cross_record_rules() -> None:
    code, out = _invoke("rules", "--format", "json", "--as-of", "2026-11-23")
    assert code == 0
    rules = {r["id"]: r for r in json.loads(out)["rules"]}
    assert rules["s9-posts-over-three"]["kind"] == "cross-record"
    assert rules["s9-posts-over-three"]["in_force"] is True
    assert rules["s9-not-fixed-term"]["kind"] == "per-post"
    code, out = _invoke("rules", "--as-of", "2000-01-01")
    assert "mayors-assistants-over-one" in out and "[silent: not in force on 2000-01-01]" in out


def test_explain_describes_what_a_set_rule_counts() -> None:
    code, out = _invoke("explain", "s9-posts-over-three", "--as-of", "2026-11-23")
    assert code == 0
    assert "grouped by derived.authority" in out
    assert "more than 3 posts (one post number is one post)" in out
    assert "Fails, example 1 of 1:" in out and "records:" in out


# --- who may have a s.9 post (LGHA 1989 s.9(2); Hansard 4 March 2002) --------------------------


def _groups(*seats: int | tuple[int, int] | None) -> list[PoliticalGroup]:
    return [
        PoliticalGroup(
            name=f"G{n}",
            seats=s if isinstance(s, int) else None,
            seats_between=s if isinstance(s, tuple) else None,
        )
        for n, s in enumerate(seats)
    ]


@pytest.mark.parametrize(
    ("seats", "council", "expected"),
    [
        ((30, 12, 6), 48, [True, True, True]),  # all three hold a tenth
        ((40, 15, 5, 1), 61, [True, True, False, False]),  # two hold a tenth
        ((50, 6, 4), 61, [True, True, False]),  # only one: the next largest qualifies
        ((50, 3, 3), 66, [True, True, True]),  # only one, and two tie for next largest
        ((20, 20, 20, 20), 80, [True, True, True, True]),  # four tie: fewer than three larger
        ((30, 25, 15, 10), 80, [True, True, True, False]),  # four hold a tenth, three posts
        ((5, 4, 3), 66, [None, None, None]),  # none holds a tenth: the sources do not say
        ((None, 3, 3), 66, [None, None, None]),  # the largest group's seats unknown
        (((55, 59), 3, 3), 66, [True, True, True]),  # a range that decides alike
        (((5, 10), 3, 3), 66, [None, None, None]),  # a range that does not
    ],
)
def test_entitlement_to_a_s9_post(
    seats: tuple[int | tuple[int, int] | None, ...], council: int, expected: list[bool | None]
) -> None:
    groups = _groups(*seats)
    assert [entitled_to_s9_post(g, groups, council) for g in groups] == expected


def test_the_newham_independents_qualified_as_joint_next_largest_in_2025() -> None:
    newham = load_authority(bundled_rules_dir() / "authorities" / "newham.yaml")
    day = dt.date(2025, 6, 1)
    assert newham.group_entitled("Newham Independents Group", day) is True
    assert newham.group_entitled("Newham Independents", day) is True
    assert newham.group_entitled("Newham Independents Group", dt.date(2026, 11, 23)) is None


def test_a_seat_range_is_fewest_then_most() -> None:
    with pytest.raises(ValidationError, match="fewest"):
        PoliticalGroup(name="G", seats_between=(9, 3))
    with pytest.raises(ValidationError, match="not both"):
        PoliticalGroup(name="G", seats=3, seats_between=(2, 4))


def test_loamshire_changes_at_the_2026_election() -> None:
    loamshire = load_authority(TEST_AUTHORITIES / "loamshire.yaml")
    assert loamshire.group_entitled("Green Group", dt.date(2025, 6, 1)) is True
    assert loamshire.group_entitled("Green Group", dt.date(2026, 11, 23)) is False
