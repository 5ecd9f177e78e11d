"""Running postcheck on hostile input as a user would: a separate process, capped in time and
memory, so a crash, a hang or a memory blow-up fails the test instead of taking pytest down.

Every hostile test checks the same promise: the run ends within its bound, with a clear message
naming the file, no traceback, and the other inputs of the same run still judged.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MEMORY_CAP = 4_000_000 * 1024  # bytes; as `ulimit -v 4000000`
TIME_CAP = 20.0  # seconds for one run


@dataclass(frozen=True)
class Ran:
    status: int
    stdout: str
    stderr: str

    @property
    def report(self) -> dict[str, Any]:
        """The JSON report on standard output."""
        data: dict[str, Any] = json.loads(self.stdout)
        return data

    def found_in(self) -> set[str]:
        """Names of the files with findings (JSON report): the neighbour's show it was judged."""
        return {Path(v["source"]).name for v in self.report["violations"]}

    def errors_about(self, name: str) -> list[dict[str, Any]]:
        """The input errors naming this file (JSON report)."""
        return [e for e in self.report["input_errors"] if Path(e["file"]).name == name]


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run_postcheck(
    *args: str | Path,
    stdin: bytes | None = None,
    timeout: float = TIME_CAP,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> Ran:
    """`postcheck ARGS` in a capped child process; fails the test on a traceback or a signal."""
    completed = subprocess.run(
        [sys.executable, "-m", "postcheck", *map(str, args)],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        timeout=timeout,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        preexec_fn=_capped,
        check=False,
    )
    ran = Ran(
        completed.returncode,
        completed.stdout.decode("utf-8", "replace"),
        completed.stderr.decode("utf-8", "replace"),
    )
    assert "Traceback" not in ran.stderr, ran.stderr[-3000:]
    assert ran.status >= 0, f"killed by signal {-ran.status}: {ran.stderr[-2000:]}"
    return ran


def check_json(*paths: str | Path, extra: tuple[str, ...] = (), **kwargs: Any) -> Ran:
    """`postcheck check --format json --no-config PATHS`, the report on standard output."""
    return run_postcheck("check", "--no-config", "--format", "json", *extra, *paths, **kwargs)


# A readable record with one known finding (grade-code-typo: P04 for PO4)
NEIGHBOUR = """\
authority: London Borough of Loamshire
post_number: "1001"
title: Finance Officer
grade: P04
"""


def neighbour(folder: Path) -> Path:
    """A good record beside the hostile input: the run must still judge it, so its finding
    must be in the report (`Ran.found_in`)."""
    path = folder / "good.yaml"
    path.write_text(NEIGHBOUR, encoding="utf-8")
    return path


def assert_survived(ran: Ran, hostile: str) -> None:
    """Exit 2, an input error naming the hostile file, and the neighbour still judged."""
    assert ran.status == 2, (ran.status, ran.stderr[-2000:])
    assert ran.errors_about(hostile), ran.report["input_errors"]
    assert "good.yaml" in ran.found_in()
