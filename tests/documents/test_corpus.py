"""The corpus of job descriptions: each document read as a careful human reads it.

Each document in tests/documents/corpus/ has a hand-written NAME.expected.yaml giving the truth
(not what the code happened to give when it was written); every listed key must match what the
reader extracts, and where findings are listed, the bundled rules must find exactly those on
23 November 2026. A failure message lists every wrong field at once, expected against observed.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SEED_DAY, judge
from tests.documents import corpus_fields as fields
from tests.documents.conftest import read_one

DOCUMENTS = fields.documents()
WITH_FINDINGS = [p for p in DOCUMENTS if fields.FINDINGS in fields.load_expected(p)]
MINIMUM_DOCUMENTS = 40
MINIMUM_BY_SUFFIX = {".txt": 12, ".md": 8, ".html": 8, ".docx": 6, ".pdf": 6}


def _describe(bad: list[tuple[str, Any, Any]]) -> str:
    return "\n".join(f"  {name}: expected {want!r}, observed {got!r}" for name, want, got in bad)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_document_reads_as_expected(path: Path) -> None:
    expected = fields.load_expected(path)
    bad = fields.mismatches(expected, fields.observed(read_one(path)))
    assert not bad, f"{path.name}: {len(bad)} field(s) differ\n{_describe(bad)}"


@pytest.mark.parametrize("path", WITH_FINDINGS, ids=lambda p: p.name)
def test_document_findings(path: Path) -> None:
    want = set(fields.load_expected(path)[fields.FINDINGS])
    found = {v.rule_id for v in judge(read_one(path), day=SEED_DAY).violations}
    assert found == want, (
        f"{path.name}: missing {sorted(want - found)}, unexpected {sorted(found - want)}"
    )


def test_corpus_is_large_and_varied_and_every_document_has_its_truth() -> None:
    by_suffix = Counter(p.suffix for p in DOCUMENTS)
    assert len(DOCUMENTS) >= MINIMUM_DOCUMENTS, len(DOCUMENTS)
    short = {s: by_suffix[s] for s, n in MINIMUM_BY_SUFFIX.items() if by_suffix[s] < n}
    assert not short, f"too few documents of these kinds: {short} (need {MINIMUM_BY_SUFFIX})"
    missing = [p.name for p in DOCUMENTS if not fields.expected_path(p).is_file()]
    assert not missing, f"documents without an expected file: {missing}"
    expected_files = {p.name for p in fields.CORPUS.glob(f"*{fields.EXPECTED_SUFFIX}")}
    orphans = expected_files - {fields.expected_path(p).name for p in DOCUMENTS}
    assert not orphans, f"expected files without a document: {sorted(orphans)}"
    for path in DOCUMENTS:  # unknown keys (a typo would silently go unchecked) raise here
        fields.load_expected(path)
    assert len(WITH_FINDINGS) >= 15, len(WITH_FINDINGS)
