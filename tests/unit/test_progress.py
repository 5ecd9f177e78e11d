"""Progress on standard error: a record count and files read out of the total, forced on by
--progress even into a pipe, and silent in CI or a pipe by default."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from postcheck.cli import main
from tests.conftest import REPO

ARGS = ["check", "--no-config", "--as-of", "2026-11-23", str(REPO / "fixtures"), "-o"]


def _stderr(tmp_path: object, *more: str) -> str:
    result = CliRunner().invoke(main, [*ARGS, f"{tmp_path}/report.txt", *more])
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", result.stderr)


def test_forced_progress_shows_records_and_files_out_of_the_total(tmp_path: object) -> None:
    shown = _stderr(tmp_path, "--progress")
    assert "4 records checked" in shown
    assert "4/4" in shown and "files" in shown


def test_no_progress_in_ci_or_a_pipe_unless_forced(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", "true")
    assert "records checked" not in _stderr(tmp_path)
    assert "records checked" not in _stderr(tmp_path, "--no-progress")
    assert "records checked" in _stderr(tmp_path, "--progress")
