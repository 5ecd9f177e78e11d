"""The verdict does not depend on layout: every variant of a job description gives its findings.

Wrapping, reflowing, format (text, Markdown, HTML, Word, PDF), label punctuation and section
order may move the line a finding points at, never the findings. Each source document (the
Newham seeds, the project's own samples, every .txt in the corpus) is checked as written and in
each variant of tests/documents/variants.py, along the path `postcheck check` takes, and the
(post, rule id) findings must match, with no input errors.
"""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from postcheck.check import RecordResult, run
from postcheck.record.outcome import InputError
from postcheck.record.sources import iter_outcomes
from postcheck.rules.authorities import AuthorityDirectory
from postcheck.rules.catalogue import bundled_rules_dir
from tests.conftest import SEED_DAY, compiled_for, evaluator_for
from tests.documents import samples
from tests.documents.conftest import SEEDS
from tests.documents.test_layouts import COUNTY
from tests.documents.variants import VARIANTS, Document, load, parse, render, render_text

CORPUS = Path(__file__).parent / "corpus"

Finding = tuple[str, str]  # (post label, rule id)


def _sources() -> dict[str, Document]:
    """Every plain-text source, gathered at import so new corpus files become new tests."""
    found = {f"seed-{p.stem}": load(p) for p in sorted(SEEDS.glob("*.txt"))}
    found["sample-text"] = parse(samples.text(), "sample-text")
    found["sample-text-spaced"] = parse(samples.text(sep="    "), "sample-text-spaced")
    found["layout-county"] = parse(COUNTY, "layout-county")
    if CORPUS.is_dir():
        found |= {f"corpus-{p.stem}": load(p) for p in sorted(CORPUS.glob("*.txt"))}
    return found


SOURCES = _sources()
# The seeds and our samples: the documents the random layouts are drawn for.
RANDOMISED = [name for name in SOURCES if not name.startswith("corpus-")]


@cache
def _authorities() -> AuthorityDirectory:
    return AuthorityDirectory.load(bundled_rules_dir())  # what `postcheck check` loads


def check_file(path: Path) -> tuple[set[Finding], list[str]]:
    """(findings, input errors) for one file, as `postcheck check PATH --as-of 2026-11-23`."""
    evaluator = evaluator_for(SEED_DAY).with_authorities(_authorities())
    findings: set[Finding] = set()
    errors: list[str] = []
    for result in run(iter_outcomes([str(path)]), compiled_for(SEED_DAY), evaluator=evaluator):
        if isinstance(result, InputError):
            errors.append(f"{result.reason} (line {result.line})")
        elif isinstance(result, RecordResult):
            findings |= {(result.label, v.rule_id) for v in result.violations}
    return findings, errors


def check_bytes(
    name: str, suffix: str, data: bytes, folder: Path
) -> tuple[set[Finding], list[str]]:
    """As check_file, for a document written out under the suffix that names its format."""
    path = folder / f"{name}{suffix}"
    path.write_bytes(data)
    return check_file(path)


@cache
def original(name: str) -> frozenset[Finding]:
    """The source document's findings, read once per session."""
    document = SOURCES[name]
    with tempfile.TemporaryDirectory() as folder:
        found, errors = check_bytes(name, ".txt", document.source.encode("utf-8"), Path(folder))
    assert not errors, f"{name} as written: input errors {errors}"
    return frozenset(found)


def _differences(variant: str, expected: frozenset[Finding], got: set[Finding]) -> str:
    """What the variant lost and gained; says so when only the post's label moved."""
    lost, gained = sorted(expected - got), sorted(got - expected)
    message = f"variant {variant}: lost {lost or 'nothing'}; gained {gained or 'nothing'}"
    if {r for _, r in expected} == {r for _, r in got}:
        labels = sorted({p for p, _ in got})
        message += f" (same rule ids: the post is labelled {labels} instead)"
    return message


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("name", list(SOURCES))
def test_variant_keeps_the_findings(name: str, variant: str, tmp_path: Path) -> None:
    """One layout of one document: same (post, rule id) findings, no input errors."""
    expected = original(name)
    suffix, data = render(SOURCES[name], variant)
    found, errors = check_bytes(name, suffix, data, tmp_path)
    if errors:
        pytest.fail(f"variant {variant}: input errors {errors}", pytrace=False)
    if found != expected:
        pytest.fail(_differences(variant, expected, found), pytrace=False)


@pytest.mark.parametrize("name", RANDOMISED)
@settings(
    max_examples=25,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking costs minutes here
    suppress_health_check=[HealthCheck.too_slow],
)
@given(width=st.integers(min_value=30, max_value=140), data=st.data())
def test_random_wrapping_and_breaks_keep_the_findings(
    name: str, width: int, data: st.DataObject
) -> None:
    """Any wrap width, and any paragraph boundary a blank line or a bare line break."""
    document = SOURCES[name]
    boundaries = len(document.blocks) - 1
    blanks = data.draw(st.lists(st.booleans(), min_size=boundaries, max_size=boundaries))
    expected = original(name)
    text = render_text(document, width, blanks)
    with tempfile.TemporaryDirectory() as folder:
        found, errors = check_bytes(name, ".txt", text.encode("utf-8"), Path(folder))
    label = f"wrap at {width}, blank lines at {[i + 1 for i, b in enumerate(blanks) if b]}"
    if errors:
        pytest.fail(f"{label}: input errors {errors}", pytrace=False)
    if found != expected:
        pytest.fail(_differences(label, expected, found), pytrace=False)
