"""The run's limits: documented, configurable, and restored after a run."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from postcheck import limits
from postcheck.config import load_config
from postcheck.limits import Limits

DOC = Path(__file__).resolve().parents[2] / "docs" / "limits.md"


@pytest.mark.parametrize("name", sorted(Limits.model_fields))
def test_every_limit_is_documented(name: str) -> None:
    assert f"| `{name}` |" in DOC.read_text(encoding="utf-8")


def test_a_configured_limit_is_read_and_a_bad_one_refused(tmp_path: Path) -> None:
    (tmp_path / "postcheck.toml").write_text("[limits]\nhtml_depth = 40\n", encoding="utf-8")
    assert load_config(tmp_path / "postcheck.toml").settings.limits.html_depth == 40
    with pytest.raises(ValidationError):
        Limits(record_characters=20_000_000)  # past what the engine survives


def test_use_restores_the_earlier_limits() -> None:
    with limits.use(Limits(file_bytes=10)):
        assert limits.current().file_bytes == 10
    assert limits.current() == Limits()
