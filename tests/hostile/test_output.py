"""Output that survives hostile use (issue 12): where a report may be written, what happens when
the run is stopped or its streams are closed, what record text can do to a terminal or a
report format, the run's limits in force, and the JSON report's memory with many input errors.

Refusals and report formats run in-process (CliRunner: fast, and the file system is real);
signals, closed descriptors, full disks, broken pipes and memory need a real process.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import resource
import signal
import subprocess
import sys
import time
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner, Result

from postcheck import limits
from postcheck.atomic import OutputError, plan_output
from postcheck.cli import main
from postcheck.exit_codes import ExitCode
from postcheck.printable import printable
from postcheck.record.outcome import InputError
from postcheck.report import RunInfo
from postcheck.report.json_report import SPOOL_BYTES, JsonReporter
from tests.hostile.harness import (
    MEMORY_CAP,
    NEIGHBOUR,
    TIME_CAP,
    assert_survived,
    neighbour,
    run_postcheck,
)

DAY = ["--no-config", "--as-of", "2026-11-23", "--fail-on", "warning"]  # the neighbour: exit 1


def _cli(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _post(folder: Path, name: str = "post.yaml") -> Path:
    path = folder / name
    path.write_text(NEIGHBOUR, encoding="utf-8")
    return path


def _refused(result: Result, *says: str) -> None:
    """Exit 2 with one message, before reading: not even the rules (a missing --rules folder
    would be an error of its own) were looked at."""
    assert result.exit_code == ExitCode.USAGE_OR_INPUT, result.output
    assert result.stdout == ""
    for words in says:
        assert words in result.stderr, result.stderr
    assert "rules" not in result.stderr


def _check_into(target: Path | str, *inputs: Path, extra: tuple[str, ...] = ()) -> Result:
    return _cli(
        "check", *DAY, "--rules", "/no/such/rules", "--format", "json", "-o", target,
        *extra, *inputs,
    )  # fmt: skip


# -o: where a report may go ----------------------------------------------------------------


@pytest.mark.parametrize("spelling", ["same", "dot", "parent", "absolute"])
def test_a_report_onto_an_input_however_spelt_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    (tmp_path / "sub").mkdir()
    post = _post(tmp_path)
    monkeypatch.chdir(tmp_path / "sub")
    given = {
        "same": "../post.yaml",
        "dot": "./../post.yaml",
        "parent": "../sub/../post.yaml",
        "absolute": str(post),
    }[spelling]
    _refused(_check_into(given, Path("../post.yaml")), "post.yaml", "overwrite an input")
    assert post.read_text(encoding="utf-8") == NEIGHBOUR


def test_a_report_onto_a_hard_link_of_an_input_is_refused_even_with_force(tmp_path: Path) -> None:
    post = _post(tmp_path)
    twin = tmp_path / "twin.yaml"
    os.link(post, twin)
    for extra in ((), ("--force",)):
        _refused(_check_into(twin, post, extra=extra), "twin.yaml", "overwrite an input")
    assert twin.stat().st_ino == post.stat().st_ino and post.read_text() == NEIGHBOUR


def test_a_report_onto_a_settings_file_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "postcheck.toml"
    config.write_text('as_of = "2026-11-23"\n', encoding="utf-8")
    result = _cli("check", "--config", config, "-o", config, "--format", "json", _post(tmp_path))
    _refused(result, "postcheck.toml", "overwrite an input")


def test_a_report_onto_a_folder_is_refused_even_with_force(tmp_path: Path) -> None:
    for extra in ((), ("--force",)):
        _refused(_check_into(tmp_path, _post(tmp_path), extra=extra), str(tmp_path), "folder")


def test_a_report_into_a_missing_folder_is_refused_and_no_folder_is_made(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "report.json"
    _refused(_check_into(target, _post(tmp_path)), f"the folder {target.parent} does not exist")
    assert not (tmp_path / "a").exists()
    beside_a_file = _post(tmp_path, "file.yaml") / "report.json"
    _refused(_check_into(beside_a_file, _post(tmp_path)), "file.yaml", "not a")


def test_a_symlink_is_refused_and_with_force_written_through_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    _refused(_check_into(link, _post(tmp_path)), "link.json", "symbolic link", "--force")
    assert real.read_text(encoding="utf-8") == "old"
    result = _cli("check", *DAY, "--format", "json", "-o", link, "--force", _post(tmp_path))
    assert result.exit_code == ExitCode.VIOLATIONS, result.output
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert json.loads(real.read_text(encoding="utf-8"))["summary"]["records"] == 1
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_dangling_symlink_with_force_gets_the_file_it_names(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "made.json")
    result = _cli("check", *DAY, "--format", "json", "-o", link, "--force", _post(tmp_path))
    assert result.exit_code == ExitCode.VIOLATIONS, result.output
    assert link.is_symlink() and json.loads((tmp_path / "made.json").read_text())["violations"]


def test_a_symlink_to_an_input_is_refused_even_with_force(tmp_path: Path) -> None:
    post = _post(tmp_path)
    link = tmp_path / "link.yaml"
    link.symlink_to(post)
    _refused(_check_into(link, post, extra=("--force",)), "overwrite an input")
    assert link.is_symlink() and post.read_text(encoding="utf-8") == NEIGHBOUR


def test_a_device_is_refused_and_with_force_written_into_never_replaced(tmp_path: Path) -> None:
    _refused(_check_into("/dev/null", _post(tmp_path)), "/dev/null", "device", "--force")
    result = _cli("check", *DAY, "--format", "json", "-o", "/dev/null", "--force", _post(tmp_path))
    assert result.exit_code == ExitCode.VIOLATIONS, result.output
    assert Path("/dev/null").is_char_device()
    full = _cli("check", *DAY, "--format", "json", "-o", "/dev/full", "--force", _post(tmp_path))
    assert full.exit_code == ExitCode.USAGE_OR_INPUT
    assert "cannot write /dev/full: no space left on device" in full.stderr
    assert Path("/dev/full").is_char_device()


def test_a_named_pipe_is_refused_and_with_force_no_reader_is_an_error_not_a_wait(
    tmp_path: Path,
) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    _refused(_check_into(fifo, _post(tmp_path)), "named pipe")
    started = time.monotonic()
    result = _cli("check", *DAY, "--format", "json", "-o", fifo, "--force", _post(tmp_path))
    assert result.exit_code == ExitCode.USAGE_OR_INPUT
    assert "no process is reading the pipe" in result.stderr
    assert time.monotonic() - started < 10


def test_two_reports_into_one_file_through_a_hard_link_are_refused(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text("{}", encoding="utf-8")
    os.link(one, tmp_path / "two.json")
    result = _cli(
        "check", *DAY, "--format", "json", "-o", one, "--format", "sarif", "-o",
        tmp_path / "two.json", _post(tmp_path),
    )  # fmt: skip
    _refused(result, "two reports would be written to one file")


def test_dev_stdout_is_a_link_refused_and_with_force_the_report_reaches_stdout(
    tmp_path: Path,
) -> None:
    post = neighbour(tmp_path)
    ran = run_postcheck("check", *DAY, "--format", "json", "-o", "/dev/stdout", post)
    assert ran.status == ExitCode.USAGE_OR_INPUT and "symbolic link" in ran.stderr
    assert Path("/dev/stdout").is_symlink()
    ran = run_postcheck("check", *DAY, "--format", "json", "-o", "/dev/stdout", "--force", post)
    assert ran.status == ExitCode.VIOLATIONS, ran.stderr
    assert ran.report["summary"]["records"] == 1
    assert Path("/dev/stdout").is_symlink()


def test_plan_output_in_brief(tmp_path: Path) -> None:
    """The decisions themselves, without a run."""
    post = _post(tmp_path)
    assert plan_output(tmp_path / "new.json").write_to == tmp_path / "new.json"
    assert plan_output(post).identity == (post.stat().st_dev, post.stat().st_ino)
    with pytest.raises(OutputError, match="overwrite an input"):
        plan_output(post, [tmp_path / "." / "post.yaml"])
    assert plan_output(Path("/dev/null"), force=True).direct
    with pytest.raises(OutputError, match="is a device"):
        plan_output(Path("/dev/null"))


# Interruption: the temporary file goes, the exit code says which signal -------------------


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _as_at_a_terminal() -> None:
    """Capped, with the signals at their defaults, as a run started at a terminal has them: a
    suite started by nohup or as a background job ignores SIGHUP or SIGINT, and postcheck
    rightly keeps an ignored signal ignored (tested apart)."""
    _capped()
    for signum in (signal.SIGINT, signal.SIGHUP, signal.SIGTERM):
        signal.signal(signum, signal.SIG_DFL)


def _slow_input(folder: Path, records: int = 20_000) -> Path:
    """An export that takes several seconds to judge (every record has a finding)."""
    path = folder / "export.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(records):
            out.write(json.dumps({"title": f"Officer {n}", "grade": "P04", "post_number": str(n)}))
            out.write("\n")
    return path


def _stop_midway(
    tmp_path: Path, signum: int, *extra: str, group: bool = False
) -> tuple[int, str, Path]:
    """Start a run writing report.json from records on standard input that is left open, so
    the run cannot finish before the signal however fast the machine; wait for the report's
    temporary file, send the signal (to the whole process group, as Ctrl-C at a terminal
    does, when `group`)."""
    source = _slow_input(tmp_path)
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    report.write_text("the report before\n", encoding="utf-8")
    # with workers, the records come from the file: they are read and judged in batches, and
    # the run outlasts the signal by seconds
    read_from = [str(source)] if group else ["--stdin-format", "jsonl", "-"]
    child = subprocess.Popen(
        [sys.executable, "-m", "postcheck", "check", *DAY, "--format", "json",
         "-o", str(report), *extra, *read_from],
        stdin=subprocess.DEVNULL if group else subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, preexec_fn=_as_at_a_terminal, start_new_session=group,
    )  # fmt: skip
    if not group:
        assert child.stdin is not None
        child.stdin.write(source.read_bytes())  # every record but the end of the input
        child.stdin.flush()
    deadline = time.monotonic() + TIME_CAP
    while not list(report.parent.glob(".report.json.*.tmp")):
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline, "no temporary file appeared"
        time.sleep(0.02)
    time.sleep(0.5)  # well into the reading and judging
    if group:
        os.killpg(child.pid, signum)
    else:
        child.send_signal(signum)
    _, stderr = child.communicate(timeout=TIME_CAP)
    return child.returncode, stderr.decode("utf-8", "replace"), report


@pytest.mark.parametrize(
    ("signum", "code"),
    [
        (signal.SIGTERM, ExitCode.TERMINATED),
        (signal.SIGHUP, ExitCode.HANGUP),
        (signal.SIGINT, ExitCode.INTERRUPTED),
    ],
)
def test_a_stopped_run_leaves_no_temporary_file_and_exits_128_plus_the_signal(
    tmp_path: Path, signum: int, code: int
) -> None:
    status, stderr, report = _stop_midway(tmp_path, signum)
    assert status == code == 128 + signum, stderr
    assert "Traceback" not in stderr
    assert "stopped by" in stderr or "interrupted" in stderr
    assert os.listdir(report.parent) == ["report.json"]  # no .report.json.*.tmp
    assert report.read_text(encoding="utf-8") == "the report before\n"


def test_a_signal_ignored_when_the_run_started_stays_ignored(tmp_path: Path) -> None:
    """`nohup postcheck ...`: SIGHUP was ignored before postcheck started, so the run goes
    on through it and writes its report."""

    def hangup_ignored() -> None:
        _as_at_a_terminal()
        signal.signal(signal.SIGHUP, signal.SIG_IGN)

    report = tmp_path / "report.json"
    child = subprocess.Popen(
        [sys.executable, "-m", "postcheck", "check", *DAY, "--format", "json",
         "-o", str(report), "--stdin-format", "jsonl", "-"],
        stdin=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=hangup_ignored,
    )  # fmt: skip
    assert child.stdin is not None
    child.stdin.write(_slow_input(tmp_path, records=200).read_bytes())
    child.stdin.flush()
    time.sleep(1.0)
    child.send_signal(signal.SIGHUP)
    _, stderr = child.communicate(timeout=TIME_CAP)  # closes standard input: the run ends
    assert child.returncode == ExitCode.VIOLATIONS, stderr
    assert len(json.loads(report.read_text(encoding="utf-8"))["violations"]) == 200


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stopped_run_with_workers_leaves_nothing_either(tmp_path: Path, signum: int) -> None:
    """The whole process group is signalled, workers too: they die quietly, the run stops."""
    status, stderr, report = _stop_midway(tmp_path, signum, "--jobs", "2", group=True)
    assert status == 128 + signum, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert os.listdir(report.parent) == ["report.json"]


# Closed and failing standard streams -------------------------------------------------------


def _shell(command: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """`postcheck ARGS` with shell redirections, e.g. `<&-`; capped like the harness."""
    return subprocess.run(
        ["sh", "-c", command.replace("postcheck", f"{sys.executable} -m postcheck", 1)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=TIME_CAP,
        preexec_fn=_capped,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )


def test_a_closed_stdin_is_an_input_error_and_the_rest_is_read(tmp_path: Path) -> None:
    neighbour(tmp_path)
    ran = _shell("postcheck check --no-config --format json - good.yaml <&-", tmp_path)
    assert ran.returncode == ExitCode.USAGE_OR_INPUT, ran.stderr
    report = json.loads(ran.stdout)
    (error,) = report["input_errors"]
    assert error["file"] == "<stdin>" and "standard input is closed" in error["reason"]
    assert report["summary"]["records"] == 1 and "Traceback" not in ran.stderr


def test_a_closed_stdout_is_a_usage_error_unless_the_report_goes_to_a_file(
    tmp_path: Path,
) -> None:
    neighbour(tmp_path)
    ran = _shell("postcheck check --no-config good.yaml >&-", tmp_path)
    assert ran.returncode == ExitCode.USAGE_OR_INPUT, ran.stderr
    assert "standard output is closed" in ran.stderr and "Traceback" not in ran.stderr
    ran = _shell(
        "postcheck check --no-config --fail-on warning --format json -o r.json good.yaml >&-",
        tmp_path,
    )
    assert ran.returncode == ExitCode.VIOLATIONS, ran.stderr
    assert json.loads((tmp_path / "r.json").read_text())["summary"]["records"] == 1
    ran = _shell("postcheck rules >&-", tmp_path)
    assert ran.returncode == ExitCode.USAGE_OR_INPUT and "standard output is closed" in ran.stderr


def test_stdout_on_a_full_disk_is_one_message_and_exit_2(tmp_path: Path) -> None:
    neighbour(tmp_path)
    for command in (
        "postcheck check --no-config good.yaml > /dev/full",
        "postcheck check --no-config --format json good.yaml > /dev/full",
        "postcheck check --no-config --format xlsx good.yaml > /dev/full",
        "postcheck rules --format json > /dev/full",
    ):
        ran = _shell(command, tmp_path)
        assert ran.returncode == ExitCode.USAGE_OR_INPUT, (command, ran.stderr)
        assert "standard output: no space left on device" in ran.stderr, ran.stderr
        assert "Traceback" not in ran.stderr and "Exception ignored" not in ran.stderr
        assert len(ran.stderr.splitlines()) == 1, ran.stderr


def test_a_reader_that_stops_reading_ends_the_run_quietly_with_141(tmp_path: Path) -> None:
    source = _slow_input(tmp_path, 3_000)
    child = subprocess.Popen(
        [sys.executable, "-m", "postcheck", "check", *DAY, str(source)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_capped,
    )  # fmt: skip
    assert child.stdout is not None and child.stderr is not None
    child.stdout.readline()  # `| head -1`
    child.stdout.close()
    stderr = child.stderr.read().decode("utf-8", "replace")
    assert child.wait(timeout=TIME_CAP) == ExitCode.BROKEN_PIPE
    assert stderr == ""


def test_a_closed_stderr_does_not_stop_the_run(tmp_path: Path) -> None:
    neighbour(tmp_path)
    ran = _shell(
        "postcheck check --no-config --fail-on warning --progress good.yaml 2>&-", tmp_path
    )
    assert ran.returncode == ExitCode.VIOLATIONS
    assert "grade-code-typo" in ran.stdout


# Record text that tries to act on the terminal or on a report format ----------------------

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202e\r\x08\x00"
PAYLOAD = {
    "authority": '=HYPERLINK("http://evil.example","click")',
    "post_number": "1001\r::error file=x::forged",
    "title": f"</script><script>alert(1)</script><!--{ESCAPES}\nerror   forged-rule",
    "directorate": "@SUM(A1)",
    "service_area": "+1+1",
    "grade": "P04",
    "text_remnants": [f"<p>{ESCAPES}\n::error file=y::forged\n</script><script>alert(2)</script>"],
}
UNSAFE_FOR_TERMINALS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]"
)
EVIL_NAME = "bad\x1b]0;pwned\x07\n::error file=z::forged.yaml"


def _hostile_inputs(folder: Path) -> list[Path]:
    """A record full of escapes and markup, and a broken file whose name is as bad."""
    record = folder / "evil.json"
    record.write_text(json.dumps(PAYLOAD), encoding="utf-8")
    broken = folder / EVIL_NAME
    broken.write_text("title: [unclosed\n", encoding="utf-8")
    return [record, broken]


def _report(folder: Path, fmt: str, *extra: str) -> Path:
    out = folder / f"report.{fmt}"
    result = _cli("check", *DAY, "--format", fmt, "-o", out, *extra, *_hostile_inputs(folder))
    assert result.exit_code == ExitCode.USAGE_OR_INPUT, result.output  # the broken file
    return out


def test_printable_shows_every_dangerous_character_and_nothing_else() -> None:
    assert printable("Café naïve — 日本語\tok") == "Café naïve — 日本語\tok"
    assert printable("a\nb\rc") == "a\\nb\\rc"
    assert printable("\x1b]0;t\x07") == "\\x1b]0;t\\x07"
    assert printable("\x00\x08\x7f\x9b") == "\\x00\\x08\\x7f\\x9b"
    assert printable("abc\u202edef\u2066\u2028") == "abc\\u202edef\\u2066\\u2028"
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) == "Cc" and char != "\t":
            assert printable(char) != char, hex(code)


def test_text_report_shows_escapes_visibly_and_no_line_can_be_forged(tmp_path: Path) -> None:
    ran = run_postcheck("check", *DAY, *_hostile_inputs(tmp_path), neighbour(tmp_path))
    assert ran.status == ExitCode.USAGE_OR_INPUT
    assert not UNSAFE_FOR_TERMINALS.search(ran.stdout), repr(ran.stdout)
    assert "\\x1b]0;pwned\\x07" in ran.stdout and "\\u202e" in ran.stdout
    lines = ran.stdout.splitlines()
    assert not [x for x in lines if x.startswith(("::", "error   forged", "\\x1b"))], lines
    assert "leftover-markup" in ran.stdout and "grade-code-typo" in ran.stdout
    (error,) = [x for x in lines if x.startswith("input error")]
    assert "bad\\x1b]0;pwned\\x07\\n::error file=z::forged.yaml" in error
    coloured = run_postcheck("check", *DAY, "--color", *_hostile_inputs(tmp_path))
    visible = re.sub(r"\x1b\[[0-9;]*m", "", coloured.stdout)  # postcheck's own colours
    assert not UNSAFE_FOR_TERMINALS.search(visible), repr(visible)


def test_warnings_on_stderr_are_escaped_too(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text("title,grade,\x1b]0;pwned\x07col\nOfficer,P04,x\n", encoding="utf-8")
    ran = run_postcheck("check", *DAY, export)
    assert not UNSAFE_FOR_TERMINALS.search(ran.stderr), repr(ran.stderr)
    assert "\\x1b]0;pwned\\x07col" in ran.stderr


def test_github_annotations_cannot_be_forged(tmp_path: Path) -> None:
    lines = _report(tmp_path, "github").read_text(encoding="utf-8").splitlines()
    commands = [x for x in lines if x.startswith("::")]
    assert len(commands) == len(lines) - 1 and lines[-1].startswith("postcheck: ")
    assert not [
        x for x in lines if x.startswith(("::error file=x", "::error file=y", "::error file=z"))
    ]
    (broken,) = [x for x in commands if "forged.yaml" in x]
    assert "%0A%3A%3Aerror file=z%3A%3Aforged.yaml" in broken


def test_machine_reports_carry_the_payload_exactly(tmp_path: Path) -> None:
    for fmt in ("json", "sarif", "gitlab"):
        text = _report(tmp_path, fmt).read_text(encoding="utf-8")
        assert not re.search("[\x00-\x09\x0b-\x1f]", text), fmt  # all escaped by JSON
        strings = list(_strings(json.loads(text)))
        assert any(PAYLOAD["text_remnants"][0] in s for s in strings), fmt
        assert any(EVIL_NAME in s for s in strings), fmt
    for line in _report(tmp_path, "jsonl").read_text(encoding="utf-8").splitlines():
        json.loads(line)  # a line break in a value never breaks a line


def _strings(data: Any) -> Any:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def test_junit_is_well_formed_xml_whatever_the_record_says(tmp_path: Path) -> None:
    root = ET.parse(_report(tmp_path, "junit")).getroot()
    assert root.iter("testcase")
    text = ET.tostring(root, encoding="unicode")
    assert "\x1b" not in text and "\x07" not in text


def test_html_report_never_lets_record_text_out_of_its_data(tmp_path: Path) -> None:
    page = _report(tmp_path, "html").read_text(encoding="utf-8")
    assert "alert(" in page  # the text is there, as data
    assert "<script>alert" not in page and "</script><script>" not in page
    assert "<!--" not in page and "\x1b" not in page
    assert page.count("</script>") == page.count("<script")


def test_csv_and_xlsx_never_hold_a_formula_from_record_text(tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(_report(tmp_path, "csv").read_text(encoding="utf-8"))))
    (row,) = [r for r in rows if r["kind"] == "violation" and r["rule_id"] == "grade-code-typo"]
    assert row["authority"] == "'" + PAYLOAD["authority"]
    assert row["directorate"] == "'@SUM(A1)" and row["service_area"] == "'+1+1"
    workbook = openpyxl.load_workbook(_report(tmp_path, "xlsx"))
    cells = [c for sheet in workbook for line in sheet.iter_rows() for c in line]
    formulas = [c.value for c in cells if c.data_type == "f"]
    assert all("evil.example" not in str(f) for f in formulas), formulas
    assert PAYLOAD["authority"] in [c.value for c in cells]  # kept as text, not run


# The run's limits ------------------------------------------------------------------------


def test_limits_from_the_configuration_file_are_in_force_during_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """gate.check runs under `[limits]`: what a reader asks `limits.current()` mid-run."""
    import postcheck.gate

    seen: list[limits.Limits] = []
    real_run = postcheck.gate.run

    def spying(*args: Any, **kwargs: Any) -> Any:
        for finding in real_run(*args, **kwargs):
            seen.append(limits.current())
            yield finding

    monkeypatch.setattr(postcheck.gate, "run", spying)
    config = tmp_path / "postcheck.toml"
    config.write_text("[limits]\nfile_bytes = 50000\nhtml_depth = 9\n", encoding="utf-8")
    result = _cli(
        "check", "--config", config, "--fail-on", "warning", "--format", "json", _post(tmp_path)
    )
    assert result.exit_code == ExitCode.VIOLATIONS, result.output
    assert seen and {(s.file_bytes, s.html_depth) for s in seen} == {(50_000, 9)}
    assert limits.current() == limits.DEFAULT  # and the defaults come back afterwards


def test_a_tiny_file_bytes_in_postcheck_toml_makes_a_big_file_an_input_error(
    tmp_path: Path,
) -> None:
    # larger than any rule or authority file (they are read under the same bound)
    (tmp_path / "postcheck.toml").write_text("[limits]\nfile_bytes = 20000\n", encoding="utf-8")
    big = tmp_path / "big.yaml"
    big.write_text(NEIGHBOUR + "duties:\n" + "  - Prepares the budget.\n" * 1000)
    ran = run_postcheck("check", "--format", "json", big, neighbour(tmp_path), cwd=tmp_path)
    assert_survived(ran, "big.yaml")
    assert "limits.file_bytes" in ran.errors_about("big.yaml")[0]["reason"]
    without = run_postcheck("check", "--format", "json", "--no-config", big, cwd=tmp_path)
    assert without.status == ExitCode.CLEAN, without.stderr  # the default bound: 20 MB


# The JSON report with many input errors ---------------------------------------------------


def _old_rendering(errors: list[InputError]) -> str:
    """The input_errors part as the reporter wrote it when it kept them in a list."""
    from dataclasses import asdict

    return json.dumps({"input_errors": [asdict(e) for e in errors]}, ensure_ascii=False)[1:-1]


@pytest.mark.parametrize("count", [0, 1, 3, 12_000])
def test_json_input_errors_are_written_as_before(count: int) -> None:
    """Byte for byte the document the list gave, whether the spool stays in memory or not."""
    from postcheck.check import Summary

    errors = [
        InputError(f"f{n % 7}.jsonl", f'not valid JSON: "{n}" ‘é’\x1b', n + 1, n, None)
        for n in range(count)
    ]
    assert count < 12_000 or len(_old_rendering(errors)) > SPOOL_BYTES  # rolled over to disk
    stream = io.StringIO()
    import datetime as dt

    reporter = JsonReporter(stream, RunInfo("0", dt.date(2026, 11, 23), "rules", "error"))
    summary = Summary()
    for error in errors:
        summary.add(error)
        reporter.add(error)
    reporter.finish(summary)
    written = stream.getvalue()
    assert _old_rendering(errors) in written
    assert json.loads(written)["input_errors"] == [
        {"file": e.file, "reason": e.reason, "line": e.line, "index": e.index, "field": e.field}
        for e in errors
    ]


_MEASURE = """
import resource, sys
from postcheck.cli import main
try:
    main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
print(code, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def _peak_kib(folder: Path, lines: int) -> int:
    source = folder / f"bad{lines}.jsonl"
    source.write_text('{"title": \n' * lines, encoding="utf-8")
    ran = subprocess.run(
        [sys.executable, "-c", _MEASURE, "check", "--no-config", "--format", "json",
         "-o", str(folder / f"bad{lines}.json"), str(source)],
        capture_output=True, text=True, timeout=TIME_CAP, preexec_fn=_capped, check=False,
    )  # fmt: skip
    code, peak = ran.stderr.split()[-2:]
    assert code == "2", ran.stderr
    report = json.loads((folder / f"bad{lines}.json").read_text(encoding="utf-8"))
    assert report["summary"]["input_errors"] == lines == len(report["input_errors"])
    return int(peak)


def test_json_report_memory_stays_flat_with_many_input_errors(tmp_path: Path) -> None:
    """Kept in a list, 4 x 15,000 more input errors grew the peak by about 30 MiB (each error
    a dict of five fields); spooled, by next to nothing."""
    small, large = _peak_kib(tmp_path, 15_000), _peak_kib(tmp_path, 60_000)
    assert large - small < 8 * 1024, (small, large)


def test_a_worker_notes_a_stopping_signal_and_stops_between_records() -> None:
    """A --jobs worker must not die of the signal mid-way through writing a result back (the
    pool would wait for the rest of it for ever): it notes the first signal, and stops when
    it next asks; a signal ignored when the run started stays ignored."""
    script = """
import os, signal
from postcheck.interrupt import Interrupted, note_stop_signals, raise_if_stopped
signal.signal(signal.SIGHUP, signal.SIG_IGN)
note_stop_signals()
raise_if_stopped()  # nothing noted yet
assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
os.kill(os.getpid(), signal.SIGTERM)
os.kill(os.getpid(), signal.SIGINT)
print("still running")
try:
    raise_if_stopped()
except Interrupted as stop:
    print("stopped by", stop.name)
"""
    ran = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=TIME_CAP
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines() == ["still running", "stopped by SIGTERM"]
