"""Real HR exports (issue 9, part 4): headers matched loosely or by a column map, unknown columns
warned about once (or refused when strict), and the encodings Excel saves CSV in."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from postcheck.cli import main
from postcheck.record.columns import (
    ColumnMap,
    ColumnMapError,
    TableOptions,
    load_column_map,
    normalise,
    resolve_header,
    table_encoding,
)
from postcheck.record.documents.formats import detect_encoding
from postcheck.record.model import PostRecord
from postcheck.record.outcome import InputError
from postcheck.record.sources import iter_outcomes

# An export as an HR system writes it: its own header names, Excel capitals, a Notes column
# postcheck has no field for, a pound sign and an en dash that cp1252 encodes in one byte each.
EXPORT = (
    "Council,Post No,Job Title,DIRECTORATE,Salary Max,Notes\r\n"
    'Borchester,P1,Political Assistant – Labour Group,Chief Executive’s,"£49,000",Café rota\r\n'
    "Borchester,P2,Head of Policy,Resources,61000,\r\n"
)
MAP = "Council: authority\nPost No: post_number\nJob Title: title\nSalary Max: salary.maximum\n"


class Warnings(list[tuple[str, str]]):
    def __call__(self, file: str, message: str) -> None:
        self.append((file, message))


def _read(path: Path, **options: object) -> tuple[list[PostRecord], list[InputError], Warnings]:
    warned = Warnings()
    tables = TableOptions(warn=warned, **options)  # type: ignore[arg-type]
    outcomes = list(iter_outcomes([str(path)], tables=tables))
    records = [o for o in outcomes if isinstance(o, PostRecord)]
    errors = [o for o in outcomes if isinstance(o, InputError)]
    return records, errors, warned


@pytest.fixture
def column_map(tmp_path: Path) -> Path:
    path = tmp_path / "columns.yaml"
    path.write_text(MAP, encoding="utf-8")
    return path


def test_headers_match_without_regard_to_case_spaces_or_punctuation() -> None:
    header = resolve_header(["Directorate", "post number", "SALARY-MAXIMUM", "Service_Area", ""])
    assert header.fields == (
        "directorate",
        "post_number",
        "salary.maximum",
        "service_area",
        None,
    )
    assert header.unknown == ()
    assert normalise("Post No.") == normalise("post_no") == "postno"


def test_cp1252_excel_export_with_a_column_map_and_an_extra_notes_column(
    tmp_path: Path, column_map: Path
) -> None:
    export = tmp_path / "establishment.csv"
    export.write_bytes(EXPORT.encode("cp1252"))
    records, errors, warned = _read(export, column_map=load_column_map(column_map))
    assert errors == []
    assert [(r.authority, r.post_number, r.title) for r in records] == [
        ("Borchester", "P1", "Political Assistant – Labour Group"),
        ("Borchester", "P2", "Head of Policy"),
    ]
    assert records[0].directorate == "Chief Executive’s"
    assert records[0].salary is not None and records[0].salary.maximum == 49_000
    assert [r.provenance.line for r in records] == [2, 3]
    # One warning for the file, naming the column left out.
    assert len(warned) == 1
    assert warned[0][0] == str(export) and "'Notes'" in warned[0][1]


def test_without_a_map_field_names_in_any_case_work_and_other_columns_are_warned(
    tmp_path: Path,
) -> None:
    export = tmp_path / "posts.csv"
    export.write_text("Title,Post Number,Colour,Job Titel\nA,7,red,x\n", encoding="utf-8")
    records, errors, warned = _read(export)
    assert errors == []
    assert [(r.title, r.post_number) for r in records] == [("A", "7")]
    assert len(warned) == 1
    assert "'Colour'" in warned[0][1]
    # "Job Titel" is near the common header "Job Title", which gives the field title
    assert "'Job Titel' (did you mean 'title'?)" in warned[0][1]


def test_a_near_miss_says_did_you_mean(tmp_path: Path, column_map: Path) -> None:
    export = tmp_path / "posts.csv"
    export.write_text("Council,Post Numbr,Job Titel\nBorchester,7,A\n", encoding="utf-8")
    _, _, warned = _read(export, column_map=load_column_map(column_map))
    (warning,) = warned
    assert "'Post Numbr' (did you mean 'post_number'?)" in warning[1]
    assert "'Job Titel' (did you mean 'Job Title'?)" in warning[1]


def test_strict_columns_make_an_unknown_column_an_input_error(tmp_path: Path) -> None:
    export = tmp_path / "posts.csv"
    export.write_text("title,Notes\nA,x\n", encoding="utf-8")
    records, errors, warned = _read(export, strict=True)
    assert records == [] and warned == []
    (error,) = errors
    assert error.line == 1 and "'Notes'" in error.reason


def test_a_column_mapped_to_null_is_left_out_silently(tmp_path: Path) -> None:
    (tmp_path / "map.yaml").write_text("Notes: null\nJob Title: title\n", encoding="utf-8")
    export = tmp_path / "posts.csv"
    export.write_text("Job Title,Notes\nA,x\n", encoding="utf-8")
    records, errors, warned = _read(
        export, column_map=load_column_map(tmp_path / "map.yaml"), strict=True
    )
    assert [r.title for r in records] == ["A"] and errors == [] and warned == []


def test_two_columns_giving_one_field_refuse_the_file(tmp_path: Path, column_map: Path) -> None:
    export = tmp_path / "posts.csv"
    export.write_text("Post No,post_number\n1,2\n", encoding="utf-8")
    records, errors, _ = _read(export, column_map=load_column_map(column_map))
    assert records == []
    (error,) = errors
    assert "'Post No'" in error.reason and "'post_number'" in error.reason


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-8", b"")],
)
def test_utf16_and_utf8_bom_csvs_are_read(
    tmp_path: Path, column_map: Path, encoding: str, bom: bytes
) -> None:
    export = tmp_path / "posts.csv"
    prefix = codecs.BOM_UTF8 if encoding == "utf-8" else bom
    export.write_bytes(prefix + EXPORT.encode(encoding))
    records, errors, _ = _read(export, column_map=load_column_map(column_map))
    assert errors == []
    assert [r.title for r in records] == ["Political Assistant – Labour Group", "Head of Policy"]


def test_excel_unicode_text_is_tab_separated_utf16(tmp_path: Path, column_map: Path) -> None:
    export = tmp_path / "posts.csv"
    text = "Council\tJob Title\tSalary Max\r\nBorchester\tA; B\t£40,000\r\n"
    export.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    records, errors, _ = _read(export, column_map=load_column_map(column_map))
    assert errors == []
    (record,) = records
    assert record.title == "A; B" and record.salary is not None and record.salary.maximum == 40_000


def test_detect_encoding() -> None:
    assert detect_encoding(codecs.BOM_UTF8 + b"title\n") == "utf-8-sig"
    assert detect_encoding(codecs.BOM_UTF16_LE + "t".encode("utf-16-le")) == "utf-16"
    assert detect_encoding("Café £40,000 – x\n".encode()) == "utf-8"
    # A UTF-8 character cut in two at the end of a sample (not the whole file) is still UTF-8.
    assert detect_encoding("ab £".encode()[:-1], whole=False) == "utf-8"
    assert detect_encoding(EXPORT.encode("cp1252")) == "cp1252"
    # Short, with only £ and a curly apostrophe outside ASCII: statistical detection alone
    # said cp775 (a DOS Baltic code page) and read £34,000 as Ż34,000.
    assert detect_encoding("a,Mayor’s Office,£34,000\n".encode("cp1252")) == "cp1252"
    # Bytes cp1252 leaves undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d) go to detection.
    assert detect_encoding("Привет, мир\n".encode("cp1251") + b"\x81") != "cp1252"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Council: authority\nPost No: post_nmber\n", ":2: Post No: unknown record field"),
        ("Council: [authority]\n", ":1: Council: Input should be a valid string"),
        ("- Council\n", "one mapping of export headers"),
        ("Council: authority\n  bad: [\n", "not valid YAML"),
        ("Post No: post_number\npost_no: title\n", ":2: headers 'Post No' and 'post_no'"),
        ("x: !!python/object:os.system echo\n", "not valid YAML"),
    ],
)
def test_bad_column_maps_name_the_file_and_line(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ColumnMapError) as caught:
        load_column_map(path)
    assert str(caught.value).startswith(str(path))
    assert expected in str(caught.value)


def test_a_map_value_near_a_field_gets_did_you_mean(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("Post No: post_nmber\n", encoding="utf-8")
    with pytest.raises(ColumnMapError, match=r"did you mean 'post_number'"):
        load_column_map(path)


def test_map_values_may_be_written_loosely(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("Max: Salary Maximum\n", encoding="utf-8")
    assert load_column_map(path).columns == {"Max": "salary.maximum"}


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_columns_warning_on_stderr_and_strict_exit_2(tmp_path: Path, column_map: Path) -> None:
    export = tmp_path / "establishment.csv"
    export.write_bytes(EXPORT.encode("cp1252"))
    code, out, err = _cli(
        "check", str(export), "--columns", str(column_map), "--format", "json", "--fail-on", "never"
    )
    assert code == 0, err
    assert json.loads(out)["summary"]["records"] == 2
    assert err.count("warning:") == 1 and "'Notes'" in err
    code, out, err = _cli(
        "check", str(export), "--columns", str(column_map), "--strict-columns", "--format", "json"
    )
    assert code == 2
    assert json.loads(out)["summary"]["records"] == 0


def test_cli_bad_column_map_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("Council: authorty\n", encoding="utf-8")
    (tmp_path / "p.csv").write_text("title\nA\n", encoding="utf-8")
    code, _, err = _cli("check", str(tmp_path / "p.csv"), "--columns", str(path))
    assert code == 2
    assert f"{path}:1: Council: unknown record field 'authorty'" in err


def test_common_hr_headers_are_read_without_a_map() -> None:
    header = resolve_header(["Council", "Post No.", "Job Title", "Line Manager", "Notes"])
    assert header.fields == ("authority", "post_number", "title", "reports_to", None)
    assert header.unknown == ("'Notes'",)


def test_a_map_wins_over_a_common_header() -> None:
    column_map = ColumnMap(columns={"Job Title": "service_area"})
    assert resolve_header(["Job Title"], column_map).fields == ("service_area",)


def test_a_column_given_twice_is_refused_not_the_last_one_kept() -> None:
    # Issue 12: "title" twice read the second; now neither, with both columns named
    header = resolve_header(["title", "grade", "title"])
    assert header.problem == "column 'title' is given twice (columns 1 and 3); keep one"
    mapped = ColumnMap(columns={"Job Title": "title"})
    header = resolve_header(["Job Title", "Title"], mapped)
    assert header.problem is not None and "'Job Title' and 'Title'" in header.problem


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_told_from_its_nul_bytes(encoding: str) -> None:
    sample = "title,grade\r\nCafé Officer,P04\r\n".encode(encoding)
    assert table_encoding(sample).replace("_", "-") == encoding
    assert table_encoding(codecs.BOM_UTF32_LE + "t".encode("utf-32-le")) == "utf-32"
    assert table_encoding(b"title,grade\nA,P04\n") == "utf-8"
