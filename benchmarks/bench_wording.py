"""The wording rules: corpus scores per form and layout, and what judging every clause costs.

Run: python benchmarks/bench_wording.py [--layouts unwrapped,pdf] [--rounds 5] [--corpus FILE]

1. Scores: the wording corpus (tests/wording/phrasings.yaml) as records and in each document
   layout: must-catch phrasings caught, lawful phrasings flagged.
2. Speed: the Newham seeds judged through the engine, facts built with the catalogue's term
   vocabulary (what `postcheck check` does) beside facts with every phrase of every clause and
   facts with no clauses at all (the baseline before wording rules read every sentence), in the
   same process, alternating; medians of the rounds and the ratios.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import SEED_DAY, evaluator_for  # noqa: E402
from tests.wording.corpus import (  # noqa: E402
    LAYOUTS,
    PHRASINGS,
    entries,
    judge_documents,
    judge_records,
    score,
)

from postcheck.engine.facts import to_fact  # noqa: E402
from postcheck.record.documents import read_document  # noqa: E402
from postcheck.record.model import PostRecord  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"


def scores(layouts: list[str], corpus: Path) -> None:
    chosen = list(entries(corpus))
    forms = [("records", judge_records(chosen))] + [
        (x, judge_documents(chosen, x)) for x in layouts
    ]
    must = sum(e.triggers for e in chosen)
    print(f"wording corpus {corpus.name}: {len(chosen)} phrasings, {must} must be caught")
    for form, verdicts in forms:
        s = score(chosen, verdicts)
        print(
            f"  {form:10} caught {s.caught}/{s.must_catch} ({s.recall:.1%})  "
            f"lawful flagged {s.flagged}/{s.must_not}  input errors {len(s.errors)}"
        )


def speed(rounds: int, copies: int) -> None:
    evaluator = evaluator_for(SEED_DAY)
    vocabulary = evaluator.catalogue.vocabulary
    records = [
        r
        for p in sorted(SEEDS.glob("*.txt"))
        for r in read_document(p, "text")
        if isinstance(r, PostRecord)
    ]
    ruleset = evaluator._ruleset  # the engine only: fact building is timed apart
    variants: dict[str, list[dict[str, Any]]] = {
        "vocabulary": [to_fact(r, None, SEED_DAY, vocabulary) for r in records],
        "every phrase": [to_fact(r, None, SEED_DAY) for r in records],
    }
    variants["no clauses"] = [
        {k: v for k, v in f.items() if k != "clauses"} for f in variants["vocabulary"]
    ]
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(rounds):
        for name, facts in variants.items():
            batch = facts * copies
            start = time.perf_counter()
            ruleset.match(batch)
            times[name].append((time.perf_counter() - start) / len(batch))
    start = time.perf_counter()
    for _ in range(copies):
        for r in records:
            to_fact(r, None, SEED_DAY, vocabulary)
    build = (time.perf_counter() - start) / (copies * len(records))
    base = statistics.median(times["no clauses"])
    print(f"engine time per seed document ({rounds} rounds of {copies * len(records)} facts):")
    for name, series in times.items():
        median = statistics.median(series)
        print(f"  {name:13} {median * 1000:7.2f} ms  ({median / base:5.1f}x no clauses)")
    print(f"  fact building, with clauses: {build * 1000:.2f} ms per document")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--layouts", default=",".join(LAYOUTS))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--no-scores", action="store_true")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=PHRASINGS,
        help="phrasings file (tests/wording/holdout.yaml: a set the rules were not tuned on)",
    )
    args = parser.parse_args()
    if not args.no_scores:
        scores([x for x in args.layouts.split(",") if x], args.corpus)
    speed(args.rounds, args.copies)


if __name__ == "__main__":
    main()
