"""How well the document reader extracts each field, measured on the hand-checked corpus.

Reads every document in tests/documents/corpus/, compares the record with the document's
NAME.expected.yaml (the truth a careful reader takes from it), and prints per field:

  listed     documents whose expected file lists the field
  expected   of those, how many state it (truth not null / not an empty list)
  extracted  how many the reader gave a value for (a value where the truth is null counts, and
             is wrong)
  correct    extracted and equal to the truth
  precision  correct / extracted;  recall  correct / expected
  agree      listed documents where the reader and the truth agree, unknowns included

with micro-averaged totals, the rule findings against those expected as of 2026-11-23, and the
documents read per second. Fields are compared exactly as tests/documents/test_corpus.py does
(one shared mapping, tests/documents/corpus_fields.py).

Run from the repository root:

    python benchmarks/bench_extraction.py [--json] [--repeat N] [--mismatches] [--no-findings]

To measure other code, put its src first: PYTHONPATH=/other/checkout/src python ...; the header
prints which postcheck was imported.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # for tests.documents.corpus_fields and tests.conftest

from tests.documents import corpus_fields as fields  # noqa: E402

import postcheck  # noqa: E402
from postcheck.record.documents import format_for_suffix, read_document  # noqa: E402
from postcheck.record.model import PostRecord  # noqa: E402

SALARY_PARTS = ("range", "period")


@dataclass
class Tally:
    """Counts for one field over the corpus."""

    listed: int = 0
    expected: int = 0
    extracted: int = 0
    correct: int = 0
    agree: int = 0

    def add(self, want: Any, got: Any, agrees: bool) -> None:
        known, seen = fields.is_known(want), fields.is_known(got)
        self.listed += 1
        self.expected += known
        self.extracted += seen
        self.correct += known and seen and agrees
        self.agree += agrees

    def merge(self, other: Tally) -> None:
        for name in ("listed", "expected", "extracted", "correct", "agree"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float | None:
        return self.correct / self.extracted if self.extracted else None

    @property
    def recall(self) -> float | None:
        return self.correct / self.expected if self.expected else None

    def as_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "precision": self.precision,
            "recall": self.recall,
            "agreement": self.agree / self.listed if self.listed else None,
        }


@dataclass
class FindingsTally:
    """Rule ids found against those expected, over documents whose expected file lists them."""

    documents: int = 0
    exact: int = 0
    expected: int = 0
    found: int = 0
    correct: int = 0
    missed: Counter[str] = field(default_factory=Counter)
    unexpected: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "exact": self.exact,
            "expected": self.expected,
            "found": self.found,
            "correct": self.correct,
            "precision": self.correct / self.found if self.found else None,
            "recall": self.correct / self.expected if self.expected else None,
            "missed": dict(self.missed.most_common()),
            "unexpected": dict(self.unexpected.most_common()),
        }


def read_all(
    paths: Sequence[Path], repeat: int
) -> tuple[dict[Path, PostRecord | str], dict[str, Any]]:
    """Each document's record (or why it could not be read) and the reading speed."""
    results: dict[Path, PostRecord | str] = {}
    seconds: dict[str, float] = dict.fromkeys((p.suffix for p in paths), 0.0)
    for _ in range(max(1, repeat)):
        for path in paths:
            start = time.perf_counter()
            outcomes = list(read_document(path, format_for_suffix(path.suffix) or "text"))
            seconds[path.suffix] += time.perf_counter() - start
            records = [o for o in outcomes if isinstance(o, PostRecord)]
            results[path] = (
                records[0]
                if len(records) == 1
                else f"{len(records)} records, {len(outcomes) - len(records)} input errors"
            )
    passes = max(1, repeat)
    counts = Counter(p.suffix for p in paths)
    total = sum(seconds.values())
    speed = {
        "passes": passes,
        "seconds": total,
        "documents_per_second": len(paths) * passes / total if total else None,
        "by_format": {
            suffix.lstrip("."): counts[suffix] * passes / seconds[suffix]
            for suffix in sorted(counts)
            if seconds[suffix]
        },
    }
    return results, speed


def _rule_ids_finder() -> Callable[[PostRecord], set[str]]:
    """The rule ids the bundled rules find in a record on 2026-11-23, with the fictional test
    councils' context, exactly as tests/documents/test_corpus.py judges them."""
    from tests.conftest import SEED_DAY, judge

    def rule_ids(record: PostRecord) -> set[str]:
        return {v.rule_id for v in judge(record, day=SEED_DAY).violations}

    return rule_ids


def measure(
    paths: Sequence[Path], results: dict[Path, PostRecord | str], with_findings: bool
) -> dict[str, Any]:
    by_field = {name: Tally() for name in fields.FIELDS}
    by_part = {part: Tally() for part in SALARY_PARTS}
    findings = FindingsTally()
    mismatches: dict[str, list[tuple[str, Any, Any]]] = {}
    errors: dict[str, str] = {}
    rule_ids = _rule_ids_finder() if with_findings else None
    for path in paths:
        expected = fields.load_expected(path)
        result = results[path]
        if isinstance(result, str):
            errors[path.name] = result
            seen: dict[str, Any] = dict.fromkeys(fields.FIELDS)
        else:
            seen = fields.observed(result)
        for name in fields.FIELDS:
            if name in expected:
                want, got = expected[name], seen[name]
                by_field[name].add(want, got, fields.agrees(name, want, got))
        if "salary" in expected:
            for part in SALARY_PARTS:
                want = fields.salary_part(expected["salary"], part)
                got = fields.salary_part(seen["salary"], part)
                by_part[part].add(want, got, want == got)
        bad = fields.mismatches(expected, seen)
        if bad:
            mismatches[path.name] = bad
        if rule_ids is not None and fields.FINDINGS in expected:
            want_ids = set(expected[fields.FINDINGS])
            found_ids = set() if isinstance(result, str) else rule_ids(result)
            findings.documents += 1
            findings.exact += want_ids == found_ids
            findings.expected += len(want_ids)
            findings.found += len(found_ids)
            findings.correct += len(want_ids & found_ids)
            findings.missed.update(want_ids - found_ids)
            findings.unexpected.update(found_ids - want_ids)
    overall = Tally()
    for tally in by_field.values():
        overall.merge(tally)
    return {
        "fields": {name: t.as_dict() for name, t in by_field.items()},
        "salary_parts": {f"salary.{part}": t.as_dict() for part, t in by_part.items()},
        "overall": overall.as_dict(),
        "findings": findings.as_dict() if with_findings else None,
        "mismatches": {
            name: [{"field": f, "expected": e, "observed": o} for f, e, o in bad]
            for name, bad in mismatches.items()
        },
        "errors": errors,
    }


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _row(name: str, t: dict[str, Any]) -> str:
    return (
        f"{name:24} {t['listed']:>6} {t['expected']:>8} {t['extracted']:>9} {t['correct']:>7} "
        f"{_pct(t['precision']):>9} {_pct(t['recall']):>7} {_pct(t['agreement']):>7}"
    )


def print_report(report: dict[str, Any], show_mismatches: bool) -> None:
    counts = report["corpus"]["by_format"]
    kinds = ", ".join(f"{n} {s}" for s, n in counts.items())
    print(f"postcheck: {report['postcheck']}")
    print(
        f"corpus:    {report['corpus']['folder']} ({report['corpus']['documents']} documents: "
        f"{kinds})"
    )
    print()
    print(
        f"{'field':24} {'listed':>6} {'expected':>8} {'extracted':>9} {'correct':>7} "
        f"{'precision':>9} {'recall':>7} {'agree':>7}"
    )
    for name, tally in report["fields"].items():
        print(_row(name, tally))
    for name, tally in report["salary_parts"].items():
        print(_row(f"  {name}", tally))
    print(_row("overall (micro)", report["overall"]))
    findings = report["findings"]
    if findings is not None:
        print()
        print(
            f"findings as of 2026-11-23: {findings['exact']} of {findings['documents']} documents "
            f"exactly as expected; rule ids expected {findings['expected']}, found "
            f"{findings['found']}, correct {findings['correct']} (precision "
            f"{_pct(findings['precision'])}, recall {_pct(findings['recall'])})"
        )
        if findings["missed"]:
            print("  missed:     " + ", ".join(f"{k} x{v}" for k, v in findings["missed"].items()))
        if findings["unexpected"]:
            print(
                "  unexpected: " + ", ".join(f"{k} x{v}" for k, v in findings["unexpected"].items())
            )
    speed = report["speed"]
    rates = ", ".join(f"{k} {v:.0f}/s" for k, v in speed["by_format"].items())
    print()
    print(
        f"reading: {report['corpus']['documents']} documents x {speed['passes']} passes in "
        f"{speed['seconds']:.2f} s = {speed['documents_per_second']:.1f} documents/s ({rates})"
    )
    for name, why in report["errors"].items():
        print(f"not read: {name}: {why}")
    if show_mismatches:
        print()
        for name, bad in report["mismatches"].items():
            print(name)
            for item in bad:
                print(
                    f"  {item['field']}: expected {item['expected']!r}, "
                    f"observed {item['observed']!r}"
                )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--repeat", type=int, default=3, help="reading passes for the timing")
    parser.add_argument("--mismatches", action="store_true", help="list every wrong field")
    parser.add_argument("--no-findings", action="store_true", help="skip running the rules")
    parser.add_argument("--corpus", type=Path, default=fields.CORPUS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    paths = fields.documents(args.corpus)
    results, speed = read_all(paths, args.repeat)
    report = {
        "postcheck": postcheck.__file__,
        "corpus": {
            "folder": str(args.corpus),
            "documents": len(paths),
            "by_format": {
                s.lstrip("."): n for s, n in sorted(Counter(p.suffix for p in paths).items())
            },
        },
        **measure(paths, results, with_findings=not args.no_findings),
        "speed": speed,
    }
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    else:
        print_report(report, args.mismatches)
    return 0


if __name__ == "__main__":
    sys.exit(main())
