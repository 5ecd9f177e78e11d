"""The README's promises: its two commands, and CI running exactly the test command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", readme)


def test_readme_gives_exactly_two_commands() -> None:
    commands = _readme_commands()
    assert len(commands) == 2, commands
    run_command, test_command = commands
    assert "postcheck check fixtures/" in run_command and "pip install" in run_command
    assert "pytest" in test_command and "pip install" in test_command


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert _readme_commands()[1] in ci


def test_every_rule_area_has_a_feature_file() -> None:
    areas = {p.name for p in (ROOT / "rules").iterdir() if p.is_dir() and p.name != "authorities"}
    features = {p.stem for p in (ROOT / "features").glob("*.feature")}
    assert areas <= features
