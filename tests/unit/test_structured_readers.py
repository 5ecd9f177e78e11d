"""YAML, JSON, JSON Lines and CSV records: read, located, and bad ones reported without stopping."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from postcheck import limits
from postcheck.record.columns import TableOptions
from postcheck.record.model import PostRecord
from postcheck.record.outcome import InputError
from postcheck.record.sources import iter_outcomes
from postcheck.record.structured import (
    CSV_COLUMNS,
    TextLines,
    decoded_chunks,
    json_value,
    read_csv,
    read_json,
    read_json_lines,
    read_yaml,
    shape_problem,
)


def _split(outcomes: list[object]) -> tuple[list[PostRecord], list[InputError]]:
    records = [o for o in outcomes if isinstance(o, PostRecord)]
    errors = [o for o in outcomes if isinstance(o, InputError)]
    return records, errors


def test_yaml_documents_and_lists_each_give_records_with_lines(tmp_path: Path) -> None:
    path = tmp_path / "posts.yaml"
    path.write_text(
        "title: A\ngrade: P04\n---\n- title: B\n- title: C\n  date_last_updated: nonsense\n"
    )
    records, errors = _split(list(iter_outcomes([str(path)])))
    assert [(r.title, r.provenance.index, r.provenance.line) for r in records] == [
        ("A", 0, 1),
        ("B", 1, 4),
    ]
    assert records[0].provenance.fields["grade"].line == 2
    (error,) = errors
    assert (error.index, error.line, error.field) == (2, 6, "date_last_updated")
    assert "not a date" in error.reason


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("title: A\ngrade: [unclosed\n")
    (error,) = list(iter_outcomes([str(path)]))
    assert isinstance(error, InputError) and error.line is not None and "YAML" in error.reason


def test_yaml_is_loaded_safely(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text("title: !!python/object/apply:os.system ['echo pwned']\n")
    (error,) = list(iter_outcomes([str(path)]))
    assert isinstance(error, InputError)


def test_json_lines_stream_and_continue_past_a_bad_line() -> None:
    stream = io.StringIO(
        '{"title": "A"}\n{not json\n\n{"title": "C", "grade": 5}\n{"title": "D"}\n'
    )
    records, errors = _split(list(read_json_lines(stream, "x.jsonl")))
    assert [r.title for r in records] == ["A", "D"]
    assert [(e.line, e.index) for e in errors] == [(2, 1), (4, 2)]


def test_csv_columns_nest_and_split_lists() -> None:
    text = (
        "title,grade,statutory_basis,political_restriction.stated,salary.maximum,appointment.type\n"
        'Assistant,PO3;GRADE PO3,s.9 LGHA 1989,yes,"£49,000",fixed_term\n'
    )
    (record,) = list(read_csv(io.StringIO(text), "posts.csv"))
    assert isinstance(record, PostRecord)
    assert [g.code for g in record.grade] == ["PO3", "PO3"]
    assert record.statutory_basis[0].provision == "s.9"
    assert record.political_restriction.stated is True
    assert record.salary is not None and record.salary.maximum == 49_000
    assert record.provenance.line == 2


def test_csv_bad_row_is_reported_and_the_next_row_read() -> None:
    text = "title,political_restriction.stated\nA,maybe\nB,no\nC\n"
    outcomes = list(read_csv(io.StringIO(text), "posts.csv"))
    records, errors = _split(outcomes)
    assert [r.title for r in records] == ["B"]
    assert [(e.line, "true or false" in e.reason or "cells" in e.reason) for e in errors] == [
        (2, True),
        (4, True),
    ]


def test_csv_unknown_column_is_an_input_error_only_when_strict() -> None:
    # Issue 9: an unknown column is ignored with a warning; --strict-columns refuses the file.
    strict = TableOptions(strict=True)
    (error,) = list(read_csv(io.StringIO("title,colour\nA,red\n"), "posts.csv", strict))
    assert isinstance(error, InputError) and "'colour'" in error.reason
    warned: list[str] = []
    lenient = TableOptions(warn=lambda file, message: warned.append(message))
    (record,) = list(read_csv(io.StringIO("title,colour\nA,red\n"), "posts.csv", lenient))
    assert isinstance(record, PostRecord) and record.title == "A"
    assert len(warned) == 1 and "'colour'" in warned[0]


def test_documented_csv_columns_all_validate() -> None:
    header = ",".join(CSV_COLUMNS)
    values = {
        "appointment.type": "fixed_term",
        "appointment.end_event": "annual_meeting",
        "appointment.end_date": "7 May 2026",
        "date_last_updated": "May 2023",
        "political_restriction.stated": "true",
        "office_attendance.min_days_per_week": "3",
        "line_management.scope": "none",
        "salary.minimum": "40000",
        "salary.maximum": "45000",
    }
    row = ",".join(values.get(c, "x") for c in CSV_COLUMNS)
    (record,) = list(read_csv(io.StringIO(f"{header}\n{row}\n"), "all.csv"))
    assert isinstance(record, PostRecord), record


def test_directories_are_walked_and_missing_paths_reported(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.json").write_text('[{"title": "A"}, {"title": "B"}]')
    (tmp_path / ".hidden.yaml").write_text("title: hidden\n")
    records, errors = _split(list(iter_outcomes([str(tmp_path), str(tmp_path / "missing.yaml")])))
    assert [r.title for r in records] == ["A", "B"]
    assert [e.reason for e in errors] == ["no such file or directory"]


def test_provenance_in_the_input_is_replaced_and_its_document_kept(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("title: A\nprovenance: {file: jd.docx, fields: {title: {line: 9}}}\n")
    (record,) = list(iter_outcomes([str(path)]))
    assert isinstance(record, PostRecord)
    assert (record.provenance.file, record.provenance.extracted_from) == (str(path), "jd.docx")
    assert record.provenance.fields["title"].line == 1


# Issue 12: reading within bounds. The hostile cases run the command line
# (tests/hostile/test_structured_input.py); these test the pieces.


def test_text_lines_drop_a_line_over_the_limit_and_note_it() -> None:
    chunks = ["a\r", "\nbb", "bbbbbb", "bb\nc\rd\n", "é\udcffx\n", "tail"]
    with limits.use(limits.Limits(record_bytes=5)):
        lines = TextLines(chunks)
        assert list(lines) == ["a\r\n", "\n", "c\r", "d\n", "é\udcffx\n", "tail"]
    assert lines.problems == {
        2: "line longer than 5 bytes (limits.record_bytes)",
        5: "not UTF-8 text (the encoding of the file)",
    }


def test_decoded_chunks_mark_bytes_that_are_not_text_and_read_on() -> None:
    data = "ok £\n".encode() + b"\xff\x81\n" + "é".encode()
    pieces = [data[i : i + 3] for i in range(0, len(data), 3)]  # characters cut in two
    assert "".join(decoded_chunks(pieces, "utf-8")) == "ok £\n\udcff\udc81\né"
    assert "".join(decoded_chunks([b"a\x00\x00\xd8"], "utf-16-le")) == "a\udc00\udcd8"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"a": [[[]]]}', "nested more than 3 deep"),
        ('{"a": [[1]]}', None),
        ('{"a": {"b": 1, "b": 2}}', "duplicate key 'b'"),
        ('{"a": [' + "1" * 5000 + "]}", "more than 4300 digits"),
        ("1" * 5000, "more than 4300 digits"),
    ],
)
def test_shape_problem(text: str, problem: str | None) -> None:
    with limits.use(limits.Limits(nesting_depth=3)):
        found = shape_problem(json_value(text), 0)
    assert found == problem if problem is None else problem in (found or "")


def test_yaml_bounds_follow_the_limits_of_the_run() -> None:
    aliased = "- &post {title: A}\n- *post\n"
    assert all(isinstance(o, PostRecord) for o in read_yaml(aliased, "x.yaml"))
    with limits.use(limits.Limits(yaml_aliases=0)):
        (error,) = read_yaml(aliased, "x.yaml")
    assert isinstance(error, InputError) and "more than 0 aliases" in error.reason
    with limits.use(limits.Limits(nesting_depth=2)):
        (error,) = read_yaml("a: {b: {c: 1}}\n", "x.yaml")
    assert isinstance(error, InputError) and (error.reason, error.line) == (
        "nested more than 2 deep (limits.nesting_depth)",
        1,
    )


def test_a_long_yaml_list_takes_time_in_proportion_to_its_length() -> None:
    """Each item's field lines come from its own node: filtering them out of the whole list's
    took 26 s for 5,000 items."""
    item = "- title: Finance Officer\n  grade: [P04]\n  salary: {minimum: 1, maximum: 2}\n"
    started = time.monotonic()
    outcomes = list(read_yaml(item * 5_000, "long.yaml"))
    assert time.monotonic() - started < 10
    assert len(outcomes) == 5_000 and all(isinstance(o, PostRecord) for o in outcomes)
    last = outcomes[-1]
    assert isinstance(last, PostRecord) and last.provenance.fields["salary.maximum"].line == 15_000


def test_json_errors_name_the_line_of_their_record() -> None:
    text = '[\n  {"title": "A"},\n  {"title": "B",\n   "title": "C"}\n]'
    first, second = read_json(text, "x.json")
    assert isinstance(first, PostRecord)
    assert isinstance(second, InputError) and (second.line, second.index) == (3, 1)


def test_csv_row_over_the_record_limit_and_the_next_read() -> None:
    text = "title,grade\n" + "A," + "x" * 50 + "\nB,P04\n"
    with limits.use(limits.Limits(record_bytes=20)):
        error, record = read_csv(io.StringIO(text), "x.csv")
    assert isinstance(error, InputError) and (error.line, error.index) == (2, 0)
    assert isinstance(record, PostRecord) and record.title == "B"
