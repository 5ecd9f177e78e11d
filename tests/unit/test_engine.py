"""The compiler and the durable-rules engine together: every matching rule reported once per
record, Python's meaning of negation kept, and bad rules refused before they run."""

from __future__ import annotations

import datetime as dt
import resource
from collections.abc import Iterator
from typing import Any

import pytest

from postcheck.engine.compiler import CompileError, compile_catalogue
from postcheck.engine.durable_backend import EngineError
from postcheck.engine.evaluate import BATCH_SIZE, Evaluator, Judged
from postcheck.record.model import PostRecord
from postcheck.record.outcome import InputError
from postcheck.rules.model import Rule
from postcheck.rules.parameters import Parameters

DAY = dt.date(2026, 11, 23)
PARAMETERS = Parameters.from_mapping(
    {
        "cap": {
            "description": "a dated cap for tests",
            "values": [
                {"from": "2000-01-01", "value": 100, "source": "test"},
                {"from": "2021-01-01", "value": None, "source": "test"},
                {"from": "2025-01-01", "value": 200, "source": "test"},
            ],
        },
        "review": {
            "description": "review period",
            "values": [{"from": "2000-01-01", "value": "P2Y", "source": "test"}],
        },
    }
)


def make_rule(rule_id: str, when: dict[str, Any], **extra: Any) -> Rule:
    return Rule.model_validate(
        {
            "id": rule_id,
            "title": f"test rule {rule_id}",
            "area": "hygiene",
            "severity": "info",
            "certainty": "practice",
            "citations": [{"text": "a test provision", "url": "https://www.legislation.gov.uk/x"}],
            "rationale": "a rationale long enough to pass validation",
            "remediation": "fix the record",
            "message": "test message",
            "field": "title",
            "when": when,
            "examples": {"fail": [{}], "pass": [{}]},
            **extra,
        }
    )


def violated(
    rules: list[Rule], records: list[dict[str, Any]], day: dt.date = DAY
) -> list[list[str]]:
    catalogue = compile_catalogue(rules, PARAMETERS, day)
    posts = [PostRecord.model_validate(r) for r in records]
    judged = list(Evaluator(catalogue).judge(posts))
    assert all(isinstance(j, Judged) for j in judged)
    return [j.rule_ids for j in judged if isinstance(j, Judged)]


def test_a_record_breaking_three_rules_yields_three() -> None:
    rules = [
        make_rule("titled", {"present": "title"}),
        make_rule(
            "graded",
            {
                "any_item": {
                    "field": "grade",
                    "where": {"equals": {"field": "code", "value": "PO3"}},
                }
            },
        ),
        make_rule("grouped", {"equals": {"field": "political_group", "value": "G"}}),
    ]
    assert violated(rules, [{"title": "x", "grade": ["PO3"], "political_group": "G"}, {}]) == [
        ["titled", "graded", "grouped"],
        [],
    ]


def test_records_across_batches_each_judged_once() -> None:
    rules = [make_rule("odd", {"equals": {"field": "post_number", "value": "odd"}})]
    records = [{"post_number": "odd" if i % 2 else "even"} for i in range(BATCH_SIZE * 2 + 3)]
    results = violated(rules, records)
    assert len(results) == len(records)
    assert [bool(r) for r in results] == [bool(i % 2) for i in range(len(records))]


def test_identical_records_are_not_swallowed_as_already_seen() -> None:
    rules = [make_rule("titled", {"present": "title"})]
    assert violated(rules, [{"title": "same"}] * 3) == [["titled"]] * 3


def test_not_equals_is_true_for_an_unknown_field() -> None:
    rules = [
        make_rule(
            "not-fixed", {"not": {"equals": {"field": "appointment.type", "value": "fixed_term"}}}
        )
    ]
    records = [{}, {"appointment": {"type": "permanent"}}, {"appointment": {"type": "fixed_term"}}]
    assert violated(rules, records) == [["not-fixed"], ["not-fixed"], []]


def test_negated_comparison_includes_unknown() -> None:
    rule = make_rule(
        "not-high", {"not": {"greater_than": {"field": "salary.maximum", "value": 10}}}
    )
    assert violated([rule], [{}, {"salary": {"maximum": 5}}, {"salary": {"maximum": 50}}]) == [
        ["not-high"],
        ["not-high"],
        [],
    ]


def test_negated_pattern_becomes_an_exception_rule() -> None:
    rule = make_rule(
        "unexplained",
        {
            "all": [
                {"present": "title"},
                {
                    "not": {
                        "matches": {
                            "field": "title",
                            "pattern": r".*assistant.*",
                            "ignore_case": True,
                        }
                    }
                },
            ]
        },
    )
    assert violated([rule], [{"title": "Policy Officer"}, {"title": "Mayor's Assistant"}, {}]) == [
        ["unexplained"],
        [],
        [],
    ]


def test_negated_pattern_deep_inside_is_refused() -> None:
    rule = make_rule(
        "deep",
        {"any": [{"present": "title"}, {"not": {"matches": {"field": "title", "pattern": "x"}}}]},
    )
    with pytest.raises(CompileError, match="top-level"):
        compile_catalogue([rule], PARAMETERS, DAY)


def test_any_item_and_its_negation() -> None:
    where = {"equals": {"field": "code", "value": "P04"}}
    rules = [
        make_rule("some-typo", {"any_item": {"field": "grade", "where": where}}),
        make_rule("no-typo", {"not": {"any_item": {"field": "grade", "where": where}}}),
    ]
    assert violated(rules, [{"grade": ["PO4", "P04"]}, {"grade": ["PO4"]}, {}]) == [
        ["some-typo"],
        ["no-typo"],
        ["no-typo"],
    ]


def test_all_items_is_false_for_an_unknown_list() -> None:
    rule = make_rule(
        "all-po",
        {
            "all_items": {
                "field": "grade",
                "where": {"matches": {"field": "code", "pattern": r"PO\d"}},
            }
        },
    )
    assert violated([rule], [{"grade": ["PO3", "PO4"]}, {"grade": ["PO3", "SO1"]}, {}]) == [
        ["all-po"],
        [],
        [],
    ]


def test_partial_dates_are_judged_only_when_certain() -> None:
    rule = make_rule("ended", {"before": {"field": "appointment.end_date", "as_of": True}})
    records = [
        {"appointment": {"end_date": "October 2026"}},
        {"appointment": {"end_date": "November 2026"}},
        {"appointment": {"end_date": "2026-11-22"}},
        {"appointment": {"end_date": "2026-11-23"}},
    ]
    assert violated([rule], records) == [["ended"], [], ["ended"], []]


def test_dates_shift_by_a_parameter_period() -> None:
    rule = make_rule(
        "stale",
        {"before": {"field": "date_last_updated", "as_of": True, "minus": {"param": "review"}}},
    )
    assert violated(
        [rule], [{"date_last_updated": "2024-11-22"}, {"date_last_updated": "2024-11-23"}]
    ) == [
        ["stale"],
        [],
    ]


def test_parameters_follow_the_as_of_day_and_unknown_values_silence_the_rule() -> None:
    rule = make_rule("over-cap", {"at_least": {"field": "salary.maximum", "param": "cap"}})
    record = [{"salary": {"maximum": 150}}]
    assert violated([rule], record, dt.date(2010, 1, 1)) == [["over-cap"]]
    assert violated([rule], record, dt.date(2026, 1, 1)) == [[]]
    silent = compile_catalogue([rule], PARAMETERS, dt.date(2022, 1, 1))
    assert "over-cap" in silent.not_applicable and "over-cap" not in silent.rules


def test_rules_outside_their_effective_dates_do_not_run() -> None:
    rule = make_rule("new-law", {"present": "title"}, effective={"from": "2024-04-06"})
    assert violated([rule], [{"title": "x"}], dt.date(2024, 4, 5)) == [[]]
    assert violated([rule], [{"title": "x"}], dt.date(2024, 4, 6)) == [["new-law"]]


@pytest.mark.parametrize(
    ("when", "reason"),
    [
        ({"present": "titel"}, "unknown record field"),
        ({"equals": {"field": "political_restriction.stated", "value": "true"}}, "coerce"),
        ({"matches": {"field": "salary.maximum", "pattern": "1.*"}}, "holds number"),
        ({"matches": {"field": "title", "pattern": "^Mayor"}}, "whole value"),
        ({"matches": {"field": "title", "pattern": r"\bMayor"}}, "boundaries"),
        ({"at_least": {"field": "salary.maximum", "param": "nope"}}, "unknown parameter"),
        ({"before": {"field": "title", "as_of": True}}, "holds str"),
        (
            {
                "any_item": {
                    "field": "grade",
                    "where": {"any_item": {"field": "x", "where": {"present": "y"}}},
                }
            },
            "nested",
        ),
    ],
)
def test_bad_rules_are_refused_at_load(when: dict[str, Any], reason: str) -> None:
    with pytest.raises(CompileError, match=reason):
        compile_catalogue([make_rule("bad", when)], PARAMETERS, DAY)


def test_a_record_the_engine_rejects_is_an_input_error_and_the_batch_goes_on() -> None:
    evaluator = Evaluator(
        compile_catalogue([make_rule("titled", {"present": "title"})], PARAMETERS, DAY)
    )
    real_match = evaluator._ruleset.match

    def rejecting_poison(facts: list[dict[str, Any]]) -> list[set[str]]:
        if any(f.get("title") == "poison" for f in facts):
            raise EngineError("error code: 204")
        return real_match(facts)

    evaluator._ruleset.match = rejecting_poison  # type: ignore[method-assign]
    titles = ["before", "poison", "after"]
    results = list(evaluator.judge(PostRecord(title=t) for t in titles))
    assert [type(r).__name__ for r in results] == ["Judged", "InputError", "Judged"]
    assert isinstance(results[1], InputError) and "error code: 204" in results[1].reason
    assert all(r.rule_ids == ["titled"] for r in results if isinstance(r, Judged))


def test_memory_stays_flat_over_a_long_stream() -> None:
    rules = [
        make_rule("titled", {"present": "title"}),
        make_rule(
            "po",
            {
                "any_item": {
                    "field": "grade",
                    "where": {"matches": {"field": "code", "pattern": r"PO\d"}},
                }
            },
        ),
    ]
    evaluator = Evaluator(compile_catalogue(rules, PARAMETERS, DAY))

    def stream(n: int) -> Iterator[PostRecord]:
        return (PostRecord(title=f"post {i}", grade=[f"PO{i % 8}"]) for i in range(n))

    for _ in evaluator.judge(stream(5_000)):  # warm up allocator and caches
        pass
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    count = sum(1 for _ in evaluator.judge(stream(40_000)))
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert count == 40_000
    # Facts kept in the engine would cost about 8 KB each (over 300 MB here).
    assert grown_kib < 30_000


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Mayor's Assistant", "mayors_assistant"),
        ("Lord Mayor's Assistant", None),
        ("Civic Mayor's Assistant", None),
        ("Deputy Mayor's Assistant", None),
        ("Green Group Political Assistant", "political_assistant"),
        ("Assistant to the Labour Political Group", "political_assistant"),
        ("Assistant to the Head of Group Audit", None),
    ],
)
def test_kind_by_title(title: str, kind: str | None) -> None:
    from postcheck.engine.facts import derive

    assert derive(PostRecord(title=title)).get("kind_by_title") == kind


def test_a_basis_citing_both_kinds_decides_neither() -> None:
    from postcheck.engine.facts import derive

    both = PostRecord(statutory_basis=["s.9 LGHA 1989", "reg 3 SI 2002/975"])
    assert "kind_by_basis" not in derive(both)


def test_values_the_engine_would_crash_on_become_input_errors() -> None:
    from postcheck.engine.durable_backend import engine_problem

    assert engine_problem({"a": {"b": [1e-05]}}) is not None
    assert engine_problem({"a": "x" * 1_000_001}) is not None
    assert engine_problem({"a": 0.25, "b": ["ok"]}) is None
    assert (
        PostRecord.model_validate(
            {"office_attendance": {"min_days_per_week": 0.00001}}
        ).office_attendance.min_days_per_week
        == 0.0
    )


def test_negated_date_tests_also_judge_partial_dates_only_when_certain() -> None:
    not_before = make_rule(
        "not-before", {"not": {"before": {"field": "date_last_updated", "date": "2023-05-15"}}}
    )
    on_or_after = make_rule(
        "on-or-after", {"on_or_after": {"field": "date_last_updated", "date": "2023-05-15"}}
    )
    records = [{"date_last_updated": "May 2023"}, {"date_last_updated": "June 2023"}, {}]
    assert violated([not_before, on_or_after], records) == [
        [],
        ["not-before", "on-or-after"],
        ["not-before"],
    ]


def test_not_one_of_means_none_of_the_values() -> None:
    rule = make_rule(
        "neither",
        {"not": {"one_of": {"field": "appointment.type", "values": ["fixed_term", "permanent"]}}},
    )
    records = [
        {"appointment": {"type": "fixed_term"}},
        {"appointment": {"type": "permanent"}},
        {"appointment": {"type": "not_stated"}},
        {},
    ]
    assert violated([rule], records) == [[], [], ["neither"], ["neither"]]


# -- shapes the engine cannot take, rewritten by the compiler --------------------------------


def _item_tests_ending_in_or(node: Any) -> list[str]:
    """Item tests whose condition ends in an `$or`, the shape durable-rules mis-builds."""

    def ends_in_or(inner: Any) -> bool:
        if isinstance(inner, dict) and set(inner) == {"$or"}:
            return True
        return isinstance(inner, dict) and set(inner) == {"$and"} and ends_in_or(inner["$and"][-1])

    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("$iany", "$iall"):
                ((path, inner),) = value.items()
                if ends_in_or(inner):
                    found.append(f"{key} {path}")
            found += _item_tests_ending_in_or(value)
    elif isinstance(node, list):
        for value in node:
            found += _item_tests_ending_in_or(value)
    return found


def test_no_compiled_bundled_rule_ends_an_item_test_in_an_or() -> None:
    from tests.conftest import compiled_for

    conditions = compiled_for(DAY).engine_conditions()
    bad = {name: found for name, c in conditions.items() if (found := _item_tests_ending_in_or(c))}
    assert not bad


@pytest.mark.parametrize(
    ("when", "records", "expected"),
    [
        # an item "or" over two fields, where the first branch holds and the second does not:
        # the engine alone answers false here
        (
            {
                "any_item": {
                    "field": "grade",
                    "where": {
                        "any": [
                            {"equals": {"field": "code", "value": "PO4"}},
                            {"equals": {"field": "place", "value": "header"}},
                        ]
                    },
                }
            },
            [
                {"grade": [{"code": "PO4", "place": "person specification"}]},
                {"grade": [{"code": "SO1", "place": "person specification"}]},
            ],
            [["r"], []],
        ),
        # every item satisfies a one-field "or" (ends in `$or` before the rewrite)
        (
            {
                "all_items": {
                    "field": "grade",
                    "where": {"not": {"equals": {"field": "code", "value": "PO3"}}},
                }
            },
            [{"grade": ["PO4", "SO1"]}, {"grade": ["PO4", "PO3"]}],
            [["r"], []],
        ),
        # no item satisfies a test of two fields: an exception rule
        (
            {
                "not": {
                    "any_item": {
                        "field": "grade",
                        "where": {
                            "all": [
                                {"equals": {"field": "code", "value": "PO4"}},
                                {"equals": {"field": "place", "value": "header"}},
                            ]
                        },
                    }
                }
            },
            [
                {"grade": [{"code": "PO4", "place": "header"}]},
                {"grade": [{"code": "PO3", "place": "header"}, {"code": "PO4", "place": "footer"}]},
            ],
            [[], ["r"]],
        ),
    ],
)
def test_item_or_shapes_the_engine_gets_wrong_are_judged_right(
    when: dict[str, Any], records: list[dict[str, Any]], expected: list[list[str]]
) -> None:
    assert violated([make_rule("r", when)], records) == expected


def test_a_rule_over_the_engines_limit_of_groups_is_refused_with_its_reason() -> None:
    alternatives = [
        {"all": [{"equals": {"field": "title", "value": f"t{i}"}}, {"present": "grade"}]}
        for i in range(16)
    ]
    with pytest.raises(CompileError, match="at most 15"):
        compile_catalogue([make_rule("big", {"any": alternatives})], PARAMETERS, DAY)


def test_the_record_model_bounds_what_the_engine_safety_check_skips() -> None:
    """evaluate.py walks only the unbounded parts of a fact (facts.UNBOUNDED_PARTS); the rest
    must stay within the engine's limits by the record model alone."""
    from postcheck.engine.durable_backend import MAX_PROPERTIES, MAX_STRING
    from postcheck.engine.facts import FACT_SCHEMA, UNBOUNDED_PARTS, FieldType
    from postcheck.record.model import MAX_TEXT, Salary

    def flattened(kind: FieldType) -> int:
        if kind.kind == "date":
            return 6  # year, month, day, as_written, earliest, latest
        if kind.kind == "object" and kind.children:
            return sum(flattened(child) for child in kind.children.values())
        return 1  # a value, or a list (one property to the engine)

    record_part = sum(
        flattened(kind)
        for name, kind in FACT_SCHEMA.children.items()
        if name not in UNBOUNDED_PARTS
    )
    whole = flattened(FACT_SCHEMA)
    assert whole + 3 < MAX_PROPERTIES, (record_part, whole)  # __rec, id and sid are added
    assert MAX_TEXT < MAX_STRING
    assert repr(Salary(maximum=9_999_999.999).maximum) == "10000000.0"
    assert "e" not in repr(Salary(minimum=0.001, maximum=9_999_999.99).minimum)


def test_empty_lists_and_objects_are_left_out_of_the_fact() -> None:
    """Unknowns are missing to the engine, however the record came to hold an empty one."""
    from postcheck.engine.facts import to_fact

    record = PostRecord.model_validate(
        {
            "title": "Policy Officer",
            "political_restriction": {"citations": [], "statements": []},
            "office_attendance": {"statements": []},
            "numbered_lists": [{"heading": "Duties", "items": []}],
            "salary": {"minimum": 30_000},
        }
    )
    fact = to_fact(record, as_of=DAY)
    assert "political_restriction" not in fact
    assert "office_attendance" not in fact
    assert "grade" not in fact and "statutory_basis" not in fact
    assert fact["numbered_lists"] == [{"heading": "Duties"}]
    assert fact["salary"] == {"minimum": 30_000.0}
    assert fact["appointment"] == {"type": "not_stated"}


def test_a_record_with_more_text_than_the_run_allows_is_kept_from_the_engine() -> None:
    """limits.record_characters bounds the fact as encoded (durable-rules crashes past 16.7 MB
    in one property); the records around it are judged."""
    from postcheck.limits import Limits, use

    evaluator = Evaluator(
        compile_catalogue([make_rule("titled", {"present": "title"})], PARAMETERS, DAY)
    )
    records = [PostRecord(title="short"), PostRecord(title="x" * 2_000), PostRecord(title="ok")]
    with use(Limits(record_characters=1_000)):
        judged = list(evaluator.judge(records))
    assert [type(j).__name__ for j in judged] == ["Judged", "InputError", "Judged"]
    assert isinstance(judged[1], InputError)
    assert judged[1].reason.startswith("the rule engine cannot take this record: 4,0")
    assert judged[1].reason.endswith("worked out from them; the limit is 1,000")
    assert all(j.rule_ids == ["titled"] for j in (judged[0], judged[2]))  # type: ignore[union-attr]


def test_a_batch_of_facts_is_spliced_as_the_engine_reads_it() -> None:
    """Each fact's JSON gets the batch keys spliced in; an empty fact and odd text survive."""
    from postcheck.engine.durable_backend import DurableRuleset

    ruleset = DurableRuleset({"titled": {"$ex": {"title": 1}}})
    facts = [{}, {"title": 'a "quoted" \\ __i: 7, {"__i": 9}'}, {"title": "é" * 10}, {}]
    assert ruleset.match(facts) == [set(), {"titled"}, {"titled"}, set()]


def test_a_pattern_matches_across_a_line_break_in_the_engine_and_in_python() -> None:
    """Found by the fuzz job: the engine's `.` matches a line break, so the Python reading
    (explanations, --explain-silence, the differential tests) must too."""
    from postcheck.engine.facts import to_fact
    from postcheck.engine.locate import holds

    rule = make_rule("dot", {"matches": {"field": "title", "pattern": "Mayor.*Assistant"}})
    record = {"title": "Mayor's\nAssistant"}
    assert violated([rule], [record]) == [["dot"]]
    compiled = compile_catalogue([rule], PARAMETERS, DAY)
    fact = to_fact(PostRecord.model_validate(record), as_of=DAY)
    assert holds(compiled.rules["dot"].rule, fact, compiled.parameter_values, DAY)


def test_each_council_in_one_run_gets_its_own_authority_context() -> None:
    """The evaluator builds a council's part of the fact once and shares it between that
    council's posts: each post still sees its own council's context, as to_fact builds it
    alone, and an evaluator given other authorities does not keep the old ones."""
    from postcheck.engine.facts import authority_context, to_fact
    from tests.conftest import authorities

    directory = authorities()
    names = ["Borchester Borough Council", "Felpersham City Council", "Borchester Borough Council"]
    posts = [PostRecord.model_validate({"authority": n, "title": "Policy Officer"}) for n in names]
    evaluator = Evaluator(compile_catalogue([], PARAMETERS, DAY), directory)
    judged = [j for j in evaluator.judge(posts) if isinstance(j, Judged)]
    contexts = [j.fact["authority_context"] for j in judged]
    assert [c["name"] for c in contexts] == names
    assert contexts[0]["governance"] == "mayor_and_cabinet" != contexts[1]["governance"]
    for post, context in zip(posts, contexts, strict=True):
        alone = to_fact(post, directory.for_name(post.authority), DAY)
        assert context == alone["authority_context"]
        assert context == authority_context(directory.for_name(post.authority), DAY)

    elsewhere = evaluator.with_authorities(None)
    fact = next(j.fact for j in elsewhere.judge(posts[:1]) if isinstance(j, Judged))
    assert "authority_context" not in fact


def test_a_council_context_the_engine_cannot_take_refuses_only_that_councils_posts() -> None:
    """The context is walked for engine safety once per council, not per post: what it finds
    still refuses each of that council's posts, and no other council's."""
    from postcheck.rules.authorities import Authority, AuthorityDirectory

    tiny = Authority.model_validate(
        {"name": "Tiny Parish Council", "office_attendance": {"min_office_days": 0.00001}}
    )
    directory = AuthorityDirectory([tiny], Authority(name="default"))
    names = ["Tiny Parish Council", "Elsewhere Council", "Tiny Parish Council"]
    posts = [PostRecord.model_validate({"authority": n, "title": "Clerk"}) for n in names]
    rules = [make_rule("titled", {"present": "title"})]
    judged = list(Evaluator(compile_catalogue(rules, PARAMETERS, DAY), directory).judge(posts))
    assert [type(j).__name__ for j in judged] == ["InputError", "Judged", "InputError"]
    refused = [j for j in judged if isinstance(j, InputError)]
    assert all("1e-05" in j.reason for j in refused)
