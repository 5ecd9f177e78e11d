"""The cross-record pass at establishment scale: time and peak memory, beside a per-post-only run.

Writes a seeded CSV export of N records over A authorities (default 1,000,000 over 500), then
checks it twice, each in a fresh process so each has its own peak RSS: once with the cross-record
rules ignored (the baseline: the same reading and engine, per-post rules only) and once with every
rule. Both read the CSV as `postcheck check` does, streamed row by row. Prints, for each: wall
time, records/s, peak RSS, findings by kind; then the ratios (the figures to watch) and the rows
the second pass projected into its SQLite file.

Planted per authority: a fifth of the authorities have four s.9 posts (one over the limit), a
tenth two mayor's assistants, a tenth one post number used for two titles, a tenth one title on
two grades; every record has its own post number, so the post-number rule has one group per post.

    python benchmarks/bench_cross_record.py [--records 1000000] [--authorities 500]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from as_installed import run_as_installed

AS_OF = dt.date(2026, 11, 23)
TITLES = [f"{role} Officer" for role in ("Planning", "Housing", "Finance", "Policy", "Parks")]
TITLES += [f"Senior {t}" for t in TITLES] + ["Social Worker", "Team Leader", "Caseworker"]
COLUMNS = ["authority", "post_number", "title", "grade", "statutory_basis", "political_group"]


def write_export(path: Path, records: int, authorities: int, seed: int = 20261123) -> Counter[str]:
    """The export, and how many sets of each cross-record rule were planted in it."""
    rng = random.Random(seed)
    planted: Counter[str] = Counter()
    per_authority = records // authorities
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for a in range(authorities):
            council = f"Council {a:03d}"
            grade_of = {t: f"SO{1 + n % 2}" for n, t in enumerate(TITLES)}
            special: list[list[str]] = []
            s9 = 4 if a % 5 == 0 else 3
            planted["s9-posts-over-three"] += s9 > 3
            groups = ["Progress Group", "Civic Group", "Green Group", "Independents Group"]
            special += [
                ["", "Political Assistant", "SO1", "s.9 LGHA 1989", groups[n]] for n in range(s9)
            ]
            assistants = 2 if a % 10 == 1 else 1
            planted["mayors-assistants-over-one"] += assistants > 1
            special += [
                ["", "Mayor's Assistant", "PO2", "reg 3 SI 2002/975", ""] for _ in range(assistants)
            ]
            for _ in range(per_authority - len(special)):
                title = TITLES[rng.randrange(len(TITLES))]
                special.append(["", title, grade_of[title], "", ""])
            if a % 10 == 2:  # one title on two grades
                special[-1][1:3] = [TITLES[0], "PO9"]
                planted["title-grades-differ"] += 1
            for n, row in enumerate(special):
                row[0] = f"{a:03d}-{n:05d}"
            if a % 10 == 3:  # one number, two posts
                special[-1][0], special[-1][1] = special[-2][0], "Data Analyst"
                planted["post-number-repeated"] += 1
            for row in special:
                writer.writerow([council, *row])
    return planted


def measure(path: Path, per_post_only: bool) -> dict[str, Any]:
    """Runs in a child process: check the export, and report time, RSS and findings."""
    from postcheck.check import RecordResult, SetResult, compile_for_run, run
    from postcheck.record.sources import iter_outcomes
    from postcheck.rules.catalogue import bundled_rules_dir, load_catalogue

    catalogue = load_catalogue(bundled_rules_dir())
    ignore = [r.id for r in catalogue.set_rules] if per_post_only else []
    compiled = compile_for_run(catalogue, AS_OF, ignore=ignore)
    start = time.perf_counter()
    records = per_post = 0
    sets: Counter[str] = Counter()
    for finding in run(iter_outcomes([str(path)]), compiled):
        if isinstance(finding, RecordResult):
            records += 1
            per_post += len(finding.violations)
        elif isinstance(finding, SetResult):
            sets[finding.violations[0].rule_id] += 1
    seconds = time.perf_counter() - start
    return {
        "records": records,
        "seconds": seconds,
        "per_post_findings": per_post,
        "sets": dict(sets),
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _child(path: Path, per_post_only: bool) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", str(path)]
        + (["--per-post-only"] if per_post_only else []),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, Any] = json.loads(out.splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--authorities", type=int, default=500)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--per-post-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    run_as_installed()
    if args.measure:
        print(json.dumps(measure(args.measure, args.per_post_only)))
        return
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "establishment.csv"
        planted = write_export(export, args.records, args.authorities)
        size = export.stat().st_size / 2**20
        print(f"export: {args.records:,} records of {args.authorities} authorities, {size:.0f} MiB")
        print(f"planted sets: {dict(sorted(planted.items()))}")
        baseline = _child(export, per_post_only=True)
        full = _child(export, per_post_only=False)
    for name, result in (("per-post rules only", baseline), ("with cross-record", full)):
        seconds = result["seconds"]
        print(
            f"{name:20s} {seconds:8.1f} s  {result['records'] / seconds:8,.0f} rec/s  "
            f"peak RSS {result['peak_rss_mib']:6.0f} MiB  "
            f"per-post findings {result['per_post_findings']:,}  sets {result['sets']}"
        )
    found = full["sets"]
    print(f"sets found == planted: {found == dict(planted)}")
    time_ratio = full["seconds"] / baseline["seconds"]
    rss = full["peak_rss_mib"] - baseline["peak_rss_mib"]
    print(f"cross-record pass: time x{time_ratio:.2f} of per-post only, peak RSS {rss:+.0f} MiB")


if __name__ == "__main__":
    main()
