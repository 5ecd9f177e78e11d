"""Whatever bytes arrive, reading yields records or input errors and never raises."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postcheck.engine.compiler import compile_catalogue
from postcheck.engine.evaluate import Evaluator, Judged
from postcheck.engine.facts import to_fact
from postcheck.engine.locate import holds
from postcheck.record.model import PostRecord
from postcheck.record.outcome import InputError
from postcheck.record.sources import iter_outcomes
from tests.conftest import SEED_DAY, authorities, evaluator_for, judge
from tests.unit.test_engine import PARAMETERS, make_rule

SUFFIXES = [".yaml", ".json", ".jsonl", ".csv", ".txt", ".md", ".html", ".docx", ".pdf", ""]
STRUCTURED_TEXT = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=400).map(str.encode),
    st.sampled_from(
        [
            b"title: [\n",
            b"- 1\n- 2\n",
            b'{"grade": {}}',
            b'title,grade\n"a,b\n',
            b"\xef\xbb\xbftitle: A\n",
            b"%PDF-1.4 garbage",
            b"PK\x03\x04 not a zip",
            b"<html><body><p>Grade: P04</p>",
            b"\xff\xfe t\x00i\x00",
        ]
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=STRUCTURED_TEXT, suffix=st.sampled_from(SUFFIXES))
def test_any_input_gives_records_or_input_errors(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(content)
        outcomes = list(iter_outcomes([str(path)]))
    assert all(isinstance(o, PostRecord | InputError) for o in outcomes)


TEXT = st.text(max_size=60)
RECORDS = st.fixed_dictionaries(
    {},
    optional={
        "title": TEXT,
        "authority": st.sampled_from(["London Borough of Newham", "Nowhere", ""]) | TEXT,
        "grade": st.lists(TEXT, max_size=3),
        "statutory_basis": st.lists(TEXT, max_size=3),
        "duties": st.lists(TEXT, max_size=3),
        "political_group": TEXT,
        "political_restriction": st.fixed_dictionaries(
            {"stated": st.booleans(), "citations": st.lists(TEXT, max_size=2)}
        ),
        "salary": st.fixed_dictionaries(
            {"maximum": st.floats(min_value=0, max_value=9_999_999, allow_nan=False)}
        ),
        "office_attendance": st.fixed_dictionaries(
            {
                "statements": st.lists(
                    st.fixed_dictionaries(
                        {"as_written": TEXT, "days_per_week": st.integers(-7, 7)}
                    ),
                    max_size=2,
                )
            }
        ),
    },
)


@settings(max_examples=150, deadline=None)
@given(data=RECORDS)
def test_any_valid_record_is_judged(data: dict[str, object]) -> None:
    result = judge(data)
    assert all(v.message and v.rule_id for v in result.violations)


OPERATOR_RULES = [
    {"not": {"one_of": {"field": "appointment.type", "values": ["fixed_term", "permanent"]}}},
    {"one_of": {"field": "appointment.type", "values": ["fixed_term", "permanent"]}},
    {"not": {"equals": {"field": "political_restriction.stated", "value": True}}},
    {"not": {"at_least": {"field": "salary.maximum", "value": 40000}}},
    {"any": [{"missing": "title"}, {"less_than": {"field": "salary.maximum", "value": 100}}]},
    {
        "not": {
            "any_item": {
                "field": "grade",
                "where": {"matches": {"field": "code", "pattern": "PO.*"}},
            }
        }
    },
    {
        "all_items": {
            "field": "grade",
            "where": {"not": {"equals": {"field": "code", "value": "PO3"}}},
        }
    },
    {"not": {"all_items": {"field": "duties", "where": {"present": "as_written"}}}},
    {"not": {"before": {"field": "date_last_updated", "as_of": True, "minus": "P1Y"}}},
    {"on_or_after": {"field": "appointment.end_date", "date": "2026-05-07"}},
]
EXTRA = st.fixed_dictionaries(
    {},
    optional={
        "appointment": st.fixed_dictionaries(
            {"type": st.sampled_from(["fixed_term", "permanent", "not_stated"])},
            optional={"end_date": st.sampled_from(["May 2026", "2026-05-07", "2027", "June 2026"])},
        ),
        "date_last_updated": st.sampled_from(["2025", "November 2025", "2025-11-24", "May 2023"]),
        "grade": st.lists(st.sampled_from(["PO3", "PO4", "P04", "SO1"]), max_size=3),
    },
)


@cache
def _operator_engine() -> Evaluator:
    rules = [make_rule(f"op{i}", when) for i, when in enumerate(OPERATOR_RULES)]
    return Evaluator(compile_catalogue(rules, PARAMETERS, SEED_DAY))


@settings(max_examples=200, deadline=None)
@given(base=RECORDS, extra=EXTRA)
def test_engine_agrees_with_the_python_reading_on_any_record(
    base: dict[str, object], extra: dict[str, object]
) -> None:
    """Differential test of the compiler: bundled rules and one rule per operator shape."""
    record = PostRecord.model_validate({**base, **extra})
    for evaluator in (evaluator_for(SEED_DAY).with_authorities(authorities()), _operator_engine()):
        (judged,) = evaluator.judge([record])
        assert isinstance(judged, Judged)
        fact = to_fact(record, authorities().for_name(record.authority), SEED_DAY)
        values = evaluator.catalogue.parameter_values
        for rule_id, compiled in evaluator.catalogue.rules.items():
            python = holds(compiled.rule, fact, values, SEED_DAY)
            assert (rule_id in judged.rule_ids) == python, rule_id
