"""Sign-off: a rule's content hash, its review status, what `book --check` fails on, and
signing. Rules are changed in a copy of the bundled rules folder; sign-off files live in
tmp_path (the catalogue loader refuses unknown files inside a rules folder)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from postcheck.book import BookError, load_signoffs, problems, reviews, rule_hash, sign
from postcheck.book.signoff import Review, orphans
from postcheck.rules.catalogue import Catalogue, bundled_rules_dir, load_catalogue
from postcheck.rules.model import Severity
from tests.conftest import bundled_catalogue

RULE = "fixed-term-ended"  # an error rule
DAY = dt.date(2026, 1, 5)


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    copy = tmp_path / "rules"
    shutil.copytree(bundled_rules_dir(), copy)
    return copy


def _rule_file(rules: Path, rule_id: str = RULE) -> Path:
    (path,) = rules.glob(f"*/{rule_id}.yaml")
    return path


def _hash(rules: Path, rule_id: str = RULE) -> str:
    catalogue = load_catalogue(rules)
    rule = catalogue.get(rule_id)
    assert rule is not None
    return rule_hash(rule, catalogue)


def _error_rules(catalogue: Catalogue) -> list[str]:
    return [r.id for r in catalogue.all_rules if r.severity is Severity.ERROR]


def test_the_hash_is_the_same_for_the_same_rule_written_differently(rules: Path) -> None:
    before = _hash(rules)
    path = _rule_file(rules)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # keys reordered, flow style, a comment, the rationale re-wrapped: nothing of meaning
    data["rationale"] = " ".join(data["rationale"].split())
    text = "# reviewed copy\n" + yaml.safe_dump(dict(reversed(data.items())), width=60)
    path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") != (
        bundled_rules_dir() / path.relative_to(rules)
    ).read_text(encoding="utf-8")
    assert _hash(rules) == before


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("value: fixed_term}", "value: permanent}"),  # the condition
        ("severity: error", "severity: warning"),
        ("from: 1990-01-16", "from: 1990-01-17"),  # the dates it is in force
        ("regulation/3/made", "regulation/3"),  # a citation's address
        ("The fixed term ended on", "The term ended on"),  # the message
    ],
)
def test_any_change_of_meaning_changes_the_hash(rules: Path, old: str, new: str) -> None:
    before = _hash(rules)
    path = _rule_file(rules)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert _hash(rules) != before


def test_a_new_value_of_a_parameter_changes_the_hash_of_the_rules_using_it(rules: Path) -> None:
    pay, other = "assistant-pay-at-or-above-cap", RULE
    before = (_hash(rules, pay), _hash(rules, other))
    path = rules / "parameters.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("value: 49282", "value: 49283"), encoding="utf-8"
    )
    assert _hash(rules, pay) != before[0]
    assert _hash(rules, other) == before[1]


def test_review_status_signed_changed_never(rules: Path, tmp_path: Path) -> None:
    signoff = tmp_path / "signoff.yaml"
    catalogue = load_catalogue(rules)
    sign(signoff, catalogue, [RULE, "s9-posts-over-three"], "J. Okafor", "read with s.9(3)", DAY)
    path = _rule_file(rules)
    path.write_text(
        path.read_text(encoding="utf-8").replace("value: fixed_term}", "value: permanent}", 1),
        encoding="utf-8",
    )
    status = reviews(load_catalogue(rules), load_signoffs(signoff))
    assert status[RULE].review is Review.CHANGED
    assert status["s9-posts-over-three"].review is Review.SIGNED
    assert status["s9-posts-over-three"].entry is not None
    assert status["s9-posts-over-three"].entry.reviewer == "J. Okafor"
    assert status["grade-code-typo"].review is Review.NEVER


def test_check_fails_on_a_changed_error_rule_until_it_is_signed_again(
    rules: Path, tmp_path: Path
) -> None:
    signoff = tmp_path / "signoff.yaml"
    catalogue = load_catalogue(rules)
    assert len(problems(catalogue, load_signoffs(signoff))) == len(_error_rules(catalogue))
    sign(signoff, catalogue, _error_rules(catalogue), "J. Okafor", day=DAY)
    assert problems(catalogue, load_signoffs(signoff)) == []
    # one rule's condition changes
    path = _rule_file(rules)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("value: fixed_term}", "value: permanent}", 1), encoding="utf-8")
    changed = load_catalogue(rules)
    (problem,) = problems(changed, load_signoffs(signoff))
    assert problem.rule_id == RULE and problem.review is Review.CHANGED
    assert problem.message.startswith(f"{path}: error rule {RULE} changed since J. Okafor")
    assert f"signed it off on 2026-01-05 ({signoff}:" in problem.message
    assert f"postcheck book sign {RULE} --reviewer NAME" in problem.message
    # reviewed again
    sign(signoff, changed, [RULE], "A. Patel", "condition reviewed", DAY)
    assert problems(changed, load_signoffs(signoff)) == []


def test_check_can_require_review_of_warnings_too(tmp_path: Path) -> None:
    catalogue = bundled_catalogue()
    signoff = tmp_path / "signoff.yaml"
    sign(signoff, catalogue, _error_rules(catalogue), "J. Okafor", day=DAY)
    found = problems(catalogue, load_signoffs(signoff), Severity.WARNING)
    warnings = {r.id for r in catalogue.all_rules if r.severity is Severity.WARNING}
    assert {p.rule_id for p in found} == warnings
    assert all("has never been signed off" in p.message for p in found)


def test_signing_replaces_the_rules_entry_and_keeps_the_others(tmp_path: Path) -> None:
    catalogue = bundled_catalogue()
    signoff = tmp_path / "signoff.yaml"
    sign(signoff, catalogue, ["s9-posts-over-three", RULE], "J. Okafor", "first", DAY)
    sign(signoff, catalogue, [RULE], "A. Patel", "second", dt.date(2026, 2, 1))
    text = signoff.read_text(encoding="utf-8")
    assert text.startswith("# Legal sign-off of the rules")
    entries = load_signoffs(signoff).entries
    assert list(entries) == sorted(entries)  # sorted, so diffs stay small
    assert entries[RULE][0].reviewer == "A. Patel" and entries[RULE][0].note == "second"
    assert entries["s9-posts-over-three"][0].note == "first"
    rule = catalogue.get(RULE)
    assert rule is not None and entries[RULE][0].hash == rule_hash(rule, catalogue)


def test_signing_an_unknown_rule_or_without_a_reviewer_is_refused(tmp_path: Path) -> None:
    catalogue = bundled_catalogue()
    signoff = tmp_path / "signoff.yaml"
    with pytest.raises(
        BookError, match="no rule 'fixed-term-endd' \\(did you mean 'fixed-term-ended'\\?\\)"
    ):
        sign(signoff, catalogue, ["fixed-term-endd"], "J. Okafor")
    with pytest.raises(BookError, match="the reviewer is named"):
        sign(signoff, catalogue, [RULE], "  ")
    with pytest.raises(BookError, match="name at least one rule"):
        sign(signoff, catalogue, [], "J. Okafor")
    assert not signoff.exists()


GOOD_HASH = "sha256:" + "0" * 64


@pytest.mark.parametrize(
    ("text", "reason", "line"),
    [
        (
            f"signoffs:\n  - {{rule: a, hash: '{GOOD_HASH}', reviewer: J. O, date: 2026-01-05}}\n"
            f"  - {{rule: a, hash: '{GOOD_HASH}', reviewer: J. O, date: 2026-01-06}}\n",
            "rule 'a' is signed twice (also at line 2)",
            3,
        ),
        (
            "signoffs:\n  - rule: a\n    hash: abc\n    reviewer: J. O\n    date: 2026-01-05\n",
            "signoffs.0.hash: Value error, a hash is sha256: followed by 64 hexadecimal digits",
            3,
        ),
        (
            f"signoffs:\n  - rule: a\n    hash: '{GOOD_HASH}'\n    reviewer: J. O\n"
            "    date: 2026-01-05\n    approver: x\n",
            "signoffs.0.approver: Extra inputs are not permitted",
            6,
        ),
        ("signoffs: [\n", "not valid YAML", 2),
    ],
)
def test_a_broken_signoff_file_names_its_line(
    tmp_path: Path, text: str, reason: str, line: int
) -> None:
    path = tmp_path / "signoff.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BookError) as caught:
        load_signoffs(path)
    assert caught.value.reason.startswith(reason) and caught.value.line == line
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_entries_for_rules_no_longer_in_the_catalogue_are_listed(tmp_path: Path) -> None:
    path = tmp_path / "signoff.yaml"
    path.write_text(
        f"signoffs:\n  - {{rule: retired-rule, hash: '{GOOD_HASH}', reviewer: J. O, "
        "date: 2026-01-05}\n",
        encoding="utf-8",
    )
    ((entry, line),) = orphans(bundled_catalogue(), load_signoffs(path))
    assert (entry.rule, line) == ("retired-rule", 2)


def test_no_signoff_file_means_nothing_reviewed(tmp_path: Path) -> None:
    status = reviews(bundled_catalogue(), load_signoffs(tmp_path / "none.yaml"))
    assert {s.review for s in status.values()} == {Review.NEVER}
