"""Whatever bytes arrive, reading yields records or input errors and never raises."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postcheck.record.model import PostRecord
from postcheck.record.outcome import InputError
from postcheck.record.sources import iter_outcomes

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
    from tests.conftest import judge

    result = judge(data)
    assert all(v.message and v.rule_id for v in result.violations)
