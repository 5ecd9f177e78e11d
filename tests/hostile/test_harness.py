"""The harness itself: a good neighbour is judged, and a broken file is caught as it should be."""

from __future__ import annotations

from pathlib import Path

from tests.hostile.harness import assert_survived, check_json, neighbour


def test_a_broken_file_beside_a_good_one(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    ran = check_json(tmp_path / "bad.yaml", neighbour(tmp_path))
    assert_survived(ran, "bad.yaml")
    assert ran.errors_about("bad.yaml")[0]["line"] == 2
