"""Hostile structured input (issue 12): YAML, JSON, JSON Lines and CSV that nest too deep, are
too big, say a key twice, are not the text they claim, or are not files at all. Each costs an
input error naming the file (and its line where there is one), never the run: the good record
beside it in the same run is still judged, and nothing hangs, crashes or fills the memory.
"""

from __future__ import annotations

import codecs
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.hostile.harness import MEMORY_CAP, Ran, assert_survived, check_json, neighbour

GOOD_CSV = "title,grade\nFinance Officer,P04\n"  # a row with the neighbour's finding


def _survived(tmp_path: Path, name: str, content: str | bytes, *extra: str) -> dict[str, Any]:
    """Run the hostile file beside the neighbour; the input error about it."""
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    ran = check_json(neighbour(tmp_path), path, extra=extra)
    assert_survived(ran, name)
    (error, *_) = ran.errors_about(name)
    return error


def _judged(ran: Ran, name: str) -> int:
    """How many of this file's records have findings: its good records were judged."""
    return len({v["index"] for v in ran.report["violations"] if Path(v["source"]).name == name})


# 1. Nesting


def test_json_nested_deeper_than_the_stack(tmp_path: Path) -> None:
    error = _survived(tmp_path, "deep.json", "[" * 5000 + "]" * 5000)
    assert "nested more than 64 deep" in error["reason"] and error["line"] == 1


def test_json_record_nested_past_the_limit_costs_only_that_record(tmp_path: Path) -> None:
    deep = '{"title": "A", "duties": ' + "[" * 100 + "]" * 100 + "}"
    text = '[\n{"title": "Finance Officer", "grade": ["P04"]},\n' + deep + "\n]"
    path = tmp_path / "list.json"
    path.write_text(text, encoding="utf-8")
    ran = check_json(neighbour(tmp_path), path)
    assert_survived(ran, "list.json")
    (error,) = ran.errors_about("list.json")
    assert "nested more than" in error["reason"] and (error["line"], error["index"]) == (3, 1)
    assert _judged(ran, "list.json") == 1


@pytest.mark.parametrize("depth", [100, 5000])  # past the limit; past libyaml's own stop
def test_yaml_nested_too_deep(tmp_path: Path, depth: int) -> None:
    error = _survived(tmp_path, "deep.yaml", "title: A\nduties: " + "[" * depth + "]" * depth)
    assert "nested more than 64 deep" in error["reason"] and error["line"] == 2


def test_json_lines_record_nested_too_deep_and_the_next_line_read(tmp_path: Path) -> None:
    text = "[" * 3000 + "]" * 3000 + '\n{"title": "Finance Officer", "grade": ["P04"]}\n'
    path = tmp_path / "deep.jsonl"
    path.write_text(text, encoding="utf-8")
    ran = check_json(neighbour(tmp_path), path)
    assert_survived(ran, "deep.jsonl")
    assert ran.errors_about("deep.jsonl")[0]["line"] == 1
    assert _judged(ran, "deep.jsonl") == 1


# 2. Integers too long to convert


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("long.json", '{"title": "A",\n "salary": {"maximum": ' + "9" * 5000 + "}}", 1),
        ("long.jsonl", '{"title": "A"}\n{"salary": {"maximum": ' + "9" * 5000 + "}}\n", 2),
        ("long.yaml", "title: A\nsalary:\n  maximum: " + "9" * 5000 + "\n", 3),
        ("hex.yaml", "title: A\nevaluation_number: 0x" + "f" * 5000 + "\n", 2),
        ("sexagesimal.yaml", "title: A\npost_number: 1" + ":30" * 3000 + "\n", 2),
    ],
)
def test_integer_of_thousands_of_digits(tmp_path: Path, name: str, text: str, line: int) -> None:
    error = _survived(tmp_path, name, text)
    assert "more than 4300 digits" in error["reason"] and error["line"] == line


# 3. Bytes that are not UTF-8


def test_stdin_yaml_that_is_not_utf8(tmp_path: Path) -> None:
    ran = check_json(neighbour(tmp_path), "-", stdin=b"title: \xff\n")
    assert_survived(ran, "<stdin>")
    (error,) = ran.errors_about("<stdin>")
    assert "not UTF-8 text" in error["reason"] and error["line"] == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("latin.yaml", "grade: P04\ntitle: Café Manager\n".encode("latin-1")),
        ("latin.json", '{"title":\n "Café Manager"}'.encode("latin-1")),
    ],
)
def test_yaml_or_json_file_that_is_not_utf8(tmp_path: Path, name: str, content: bytes) -> None:
    error = _survived(tmp_path, name, content)
    assert "not UTF-8 text" in error["reason"] and error["line"] == 2


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        # past the first 64 KB, from which the encoding is chosen, and blank rows are not read
        (
            "bad.csv",
            b"title,grade\n" + b",\n" * 40_000 + b"Caf\xe9 \xff,SO1\n" + GOOD_CSV.encode()[12:],
            40_002,
        ),
        (
            "bad.jsonl",
            b'{"title": "Caf\xe9 \xff"}\n{"title": "Finance Officer", "grade": "P04"}\n',
            1,
        ),
    ],
)
def test_streamed_line_that_is_not_text_and_the_next_read(
    tmp_path: Path, name: str, content: bytes, line: int
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    ran = check_json(neighbour(tmp_path), path)
    assert_survived(ran, name)
    (error,) = ran.errors_about(name)
    assert "not UTF-8 text" in error["reason"] and error["line"] == line
    assert _judged(ran, name) == 1


# 4. Aliases


def test_billion_laughs_is_refused_before_it_expands(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for earlier, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{earlier}"] * 9) + "]")
    text = "\n".join(lines) + "\n"
    assert len(text) < 400
    started = time.monotonic()
    error = _survived(tmp_path, "laughs.yaml", text)
    assert time.monotonic() - started < 10
    assert "more than 100 aliases" in error["reason"] and error["line"] == 4


def test_alias_inside_its_own_anchor(tmp_path: Path) -> None:
    error = _survived(tmp_path, "cycle.yaml", "title: A\nduties: &d [x, *d]\n")
    assert "inside the part it names" in error["reason"] and error["line"] == 2


def test_a_few_aliases_are_still_read(tmp_path: Path) -> None:
    text = "- &post {title: Finance Officer, grade: [P04]}\n- *post\n- *post\n"
    path = tmp_path / "aliases.yaml"
    path.write_text(text, encoding="utf-8")
    ran = check_json(neighbour(tmp_path), path)
    assert ran.report["input_errors"] == [] and _judged(ran, "aliases.yaml") == 3


# 5. Size


@pytest.mark.parametrize("name", ["huge.yaml", "huge.json"])
def test_200_mb_file_is_refused_by_its_size_before_it_is_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with path.open("wb") as handle:
        handle.write(b"# not read\n" if name.endswith(".yaml") else b" ")
        handle.truncate(200_000_000)  # sparse: no time or disk to write it
    started = time.monotonic()
    ran = check_json(neighbour(tmp_path), path)
    assert time.monotonic() - started < 15
    assert_survived(ran, name)
    (error,) = ran.errors_about(name)
    assert "200,000,000 bytes" in error["reason"] and "limits.file_bytes" in error["reason"]


@pytest.mark.parametrize("name", ["long.jsonl", "long.csv"])
def test_line_over_the_record_limit_and_the_next_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".csv"):
        text = "title,grade\n" + "x" * 3_000_000 + ",P04\n" + GOOD_CSV.split("\n")[1] + "\n"
        line = 2
    else:
        text = (
            '{"title": "' + "x" * 3_000_000 + '"}\n{"title": "Finance Officer", "grade": "P04"}\n'
        )
        line = 1
    path.write_text(text, encoding="utf-8")
    ran = check_json(neighbour(tmp_path), path)
    assert_survived(ran, name)
    (error,) = ran.errors_about(name)
    assert "limits.record_bytes" in error["reason"] and error["line"] == line
    assert _judged(ran, name) == 1


def test_csv_quoted_cell_over_the_record_limit(tmp_path: Path) -> None:
    text = "title,grade\nFinance Officer,P04\n" + '"' + "x\n" * 600_000 + '",P04\n'
    error = _survived(tmp_path, "cell.csv", text)
    assert "limits.record_bytes" in error["reason"] and error["line"] == 3


# 6. Keys and columns given twice


def test_json_key_given_twice(tmp_path: Path) -> None:
    text = '[{"title": "Finance Officer"},\n {"title": "Mayor\'s Assistant", "title": "Cleaner"}]'
    error = _survived(tmp_path, "twice.json", text)
    assert "duplicate key 'title'" in error["reason"] and error["line"] == 2


def test_json_lines_key_given_twice(tmp_path: Path) -> None:
    text = '{"title": "Finance Officer"}\n{"salary": {"maximum": 1, "maximum": 2}}\n'
    error = _survived(tmp_path, "twice.jsonl", text)
    assert "duplicate key 'maximum'" in error["reason"] and error["line"] == 2


def test_yaml_key_given_twice(tmp_path: Path) -> None:
    text = "title: Mayor's Assistant\ngrade: P04\ntitle: Cleaner\n"
    error = _survived(tmp_path, "twice.yaml", text)
    assert "duplicate key 'title'" in error["reason"] and "line 1" in error["reason"]
    assert error["line"] == 3


def test_csv_column_given_twice(tmp_path: Path) -> None:
    error = _survived(tmp_path, "twice.csv", "title,grade,title\nMayor's Assistant,P04,Cleaner\n")
    assert "'title' is given twice" in error["reason"] and "columns 1 and 3" in error["reason"]
    assert error["line"] == 1


def test_csv_columns_giving_one_field_through_a_column_map(tmp_path: Path) -> None:
    columns = tmp_path / "columns.yaml"
    columns.write_text("Job Title: title\n", encoding="utf-8")
    text = "Job Title,grade,Title\nMayor's Assistant,P04,Cleaner\n"
    error = _survived(tmp_path, "mapped.csv", text, "--columns", str(columns))
    assert "'Job Title' and 'Title'" in error["reason"] and error["line"] == 1


# 7. UTF-16 without a byte-order mark


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_csv_without_a_bom_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "unicode.csv"
    path.write_bytes("title,grade\r\nCafé Officer,P04\r\n".encode(encoding))
    ran = check_json(neighbour(tmp_path), path)
    assert ran.report["input_errors"] == [], ran.report["input_errors"]
    assert _judged(ran, "unicode.csv") == 1


def test_utf16_csv_on_stdin(tmp_path: Path) -> None:
    stdin = codecs.BOM_UTF16_LE + GOOD_CSV.encode("utf-16-le")
    ran = check_json(neighbour(tmp_path), "-", stdin=stdin)
    assert ran.report["input_errors"] == [] and _judged(ran, "<stdin>") == 1


# 8. Nothing in the file


def test_empty_or_blank_structured_files_hold_no_records(tmp_path: Path) -> None:
    """Empty, blank, or only a byte-order mark: no records and no error, in every format."""
    contents = {
        "empty": b"",
        "blank": b"  \n\t\n",
        "bom": codecs.BOM_UTF8,
        "bomline": b"\xef\xbb\xbf\n",
    }
    paths = []
    for stem, content in contents.items():
        for suffix in (".json", ".jsonl", ".yaml", ".csv"):
            paths.append(tmp_path / f"{stem}{suffix}")
            paths[-1].write_bytes(content)
    ran = check_json(neighbour(tmp_path), *paths)
    assert ran.report["input_errors"] == [] and ran.status == 0
    assert "good.yaml" in ran.found_in()


# 9. Not a regular file


def test_fifo_among_the_paths(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    ran = check_json(neighbour(tmp_path), fifo, timeout=15)
    assert_survived(ran, "pipe.yaml")
    assert "not a regular file (a named pipe" in ran.errors_about("pipe.yaml")[0]["reason"]


def test_link_to_dev_zero(tmp_path: Path) -> None:
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    ran = check_json(neighbour(tmp_path), link, timeout=15)
    assert_survived(ran, "zero.json")
    assert "a character device" in ran.errors_about("zero.json")[0]["reason"]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_device_named_directly(tmp_path: Path, device: str) -> None:
    ran = check_json(neighbour(tmp_path), device, timeout=15)
    assert_survived(ran, Path(device).name)


def test_fifo_and_device_link_in_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "posts"
    folder.mkdir()
    neighbour(folder)
    os.mkfifo(folder / "pipe.csv")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    (folder / "nowhere.yaml").symlink_to(tmp_path / "missing")  # leads nowhere: passed over
    ran = check_json(folder, timeout=15)
    assert_survived(ran, "pipe.csv")
    assert_survived(ran, "zero.yaml")
    assert not ran.errors_about("nowhere.yaml")


def test_closed_stdin_is_a_clean_error() -> None:
    def closed_and_capped() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
        os.close(0)

    completed = subprocess.run(
        [sys.executable, "-m", "postcheck", "check", "--no-config", "--format", "json", "-"],
        capture_output=True,
        timeout=20,
        preexec_fn=closed_and_capped,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    stderr = completed.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr, stderr
    assert completed.returncode == 2, stderr
    assert "standard input" in stderr + completed.stdout.decode("utf-8", "replace")


# 10. Neighbouring cases


@pytest.mark.parametrize(
    ("name", "content", "reason", "line"),
    [
        ("scalar.json", "5", "expected a mapping", None),
        ("list.jsonl", '{"title": "A"}\n[1, 2]\n', "expected a mapping", 2),
        ("python.yaml", "title: !!python/object/apply:os.system [echo]\n", "constructor", 1),
        ("date.yaml", "title: A\ndate_last_updated: 2023-02-30\n", "is not a date", 2),
        ("year0.yaml", "title: A\ndate_last_updated: 0000-01-01\n", "is not a date", 2),
        ("nul.yaml", "title: A\ngrade: P0\x004\n", "not valid YAML", 2),
        ("quote.csv", 'title,grade\n"Unclosed,P04\nA,B\n', "closing quote", 2),
        ("cells.csv", "title,grade\nA,P04,extra\n", "expected 2 cells", 2),
        ("notzip.xlsx", "title,grade\n", "not a readable XLSX", None),
        ("binary.json", b"\x00\x01\x02\xff", "not UTF-8 text", 1),
        ("anchor.yaml", "title: &t A\ngrade: *nowhere\n", "not valid YAML", 2),
    ],
)
def test_other_broken_files(
    tmp_path: Path, name: str, content: str | bytes, reason: str, line: int | None
) -> None:
    error = _survived(tmp_path, name, content)
    assert reason in error["reason"] and error["line"] == line


def test_yaml_of_ten_thousand_documents(tmp_path: Path) -> None:
    text = "---\n" * 10_000 + "---\ntitle: Finance Officer\ngrade: P04\n---\ntitle: [\n"
    path = tmp_path / "many.yaml"
    path.write_text(text, encoding="utf-8")
    ran = check_json(neighbour(tmp_path), path)
    assert_survived(ran, "many.yaml")
    assert _judged(ran, "many.yaml") == 1


def test_csv_with_nul_bytes_and_mixed_line_endings_is_read(tmp_path: Path) -> None:
    content = b"title,grade\r\nFinance\x00 Officer,P04\nClerk,P04\rPorter,P04\r\n"
    path = tmp_path / "mixed.csv"
    path.write_bytes(content)
    ran = check_json(neighbour(tmp_path), path)
    assert ran.report["input_errors"] == [] and _judged(ran, "mixed.csv") == 3


def test_path_too_long_for_the_system(tmp_path: Path) -> None:
    name = "x" * 5000 + ".yaml"
    ran = check_json(neighbour(tmp_path), tmp_path / name)
    assert_survived(ran, name)


def test_column_map_that_is_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "columns.yaml"
    os.mkfifo(fifo)
    ran = check_json(neighbour(tmp_path), extra=("--columns", str(fifo)), timeout=15)
    assert ran.status == 2 and "columns.yaml" in ran.stderr and "not a regular file" in ran.stderr
