"""Engine throughput, memory and start-up, measured against raw durable-rules in the same run.

Prints: records/s through postcheck's whole engine path (record -> fact -> engine -> violations),
records/s of the raw durable-rules ruleset on the same facts (the baseline), their ratio (the
figure to watch), peak RSS, and the wall time of `postcheck check` on one record.

    python benchmarks/bench_engine.py [--records 100000] [--startup-runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from as_installed import run_as_installed
from postcheck.check import RecordResult, compile_for_run, run
from postcheck.engine.durable_backend import DurableRuleset
from postcheck.engine.evaluate import BATCH_SIZE
from postcheck.engine.facts import to_fact
from postcheck.record.model import PostRecord
from postcheck.rules.catalogue import bundled_rules_dir, load_catalogue

AS_OF = dt.date(2026, 11, 23)
TITLES = [
    "Mayor's Assistant",
    "Labour Group Political Assistant",
    "Policy Officer",
    "Social Worker",
]
BASES = [
    [
        "Regulation 3 of the Local Authorities (Elected Mayor and Mayor's Assistant) "
        "(England) Regulations 2002"
    ],
    ["s.9 of the Local Government & Housing Act 1989"],
    ["section 9 of the Local Government Act 2000"],
    [],
]
RESTRICTIONS = [
    "section 2(1) of the Local Government and Housing Act 1989",
    "section 2(1)(f) of the Local Government and Housing Act 1989",
    "regulation 3(6) of SI 2002/975",
]


def synthetic_records(n: int, seed: int = 20261123) -> Iterator[PostRecord]:
    """Seeded, varied records: about half break at least one rule."""
    rng = random.Random(seed)
    for i in range(n):
        kind = rng.randrange(4)
        data: dict[str, Any] = {
            "post_number": str(10_000 + i),
            "title": TITLES[kind],
            "grade": [rng.choice(["PO3", "PO4", "P04", "SO2", "S02"])],
            "date_last_updated": rng.choice(["May 2023", "02/06/2026", "2025-01-15"]),
            "statutory_basis": BASES[kind],
            "appointment": rng.choice(
                [
                    {"type": "fixed_term", "end_date": "7 May 2026"},
                    {"type": "fixed_term", "end_event": "annual_meeting"},
                    {"type": "permanent"},
                    {"type": "not_stated"},
                ]
            ),
            "political_restriction": {"stated": True, "citations": [rng.choice(RESTRICTIONS)]},
            "office_attendance": {
                "statements": [{"days_per_week": rng.choice([2, 3])}, {"days_per_week": 3}]
            },
            "numbered_lists": [{"items": rng.choice([[1, 2, 3], [1, 2, 2, 3]])}],
        }
        if rng.random() < 0.3:
            data["grade"].append(
                {"as_written": rng.choice(["PO3", "PO5"]), "place": "person specification"}
            )
        yield PostRecord.model_validate(data)


POOL = 2_000  # distinct validated records, cycled, so reading cost stays out of the timing


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cycled(pool: list[Any], n: int) -> Iterator[Any]:
    return itertools.islice(itertools.cycle(pool), n)


def bench_postcheck(n: int) -> dict[str, float]:
    """Validated records through fact building, the engine and violation building."""
    compiled = compile_for_run(load_catalogue(bundled_rules_dir()), AS_OF)
    pool = list(synthetic_records(POOL))
    start = time.perf_counter()
    violations = 0
    for finding in run(cycled(pool, n), compiled):
        if isinstance(finding, RecordResult):
            violations += len(finding.violations)
    elapsed = time.perf_counter() - start
    return {"rate": n / elapsed, "violations": violations, "rss": peak_rss_mib()}


def bench_raw_engine(n: int) -> dict[str, float]:
    """The same compiled ruleset on durable-rules alone: facts prepared beforehand, batches of
    the same size, no violation objects. The floor postcheck's path is measured against."""
    compiled = compile_for_run(load_catalogue(bundled_rules_dir()), AS_OF)
    ruleset = DurableRuleset(compiled.engine_conditions())
    facts = [to_fact(r, None, AS_OF) for r in synthetic_records(POOL)]
    stream = cycled(facts, n)
    start = time.perf_counter()
    while batch := list(itertools.islice(stream, BATCH_SIZE)):
        ruleset.match(batch)
    elapsed = time.perf_counter() - start
    return {"rate": n / elapsed, "rss": peak_rss_mib()}


def bench_reading(n: int) -> dict[str, float]:
    """Validating records from plain data: what a structured reader adds per record."""
    start = time.perf_counter()
    count = sum(1 for _ in synthetic_records(n))
    return {"rate": count / (time.perf_counter() - start), "rss": peak_rss_mib()}


def in_subprocess(name: str, n: int) -> dict[str, float]:
    """Each measurement in a fresh process, so peak RSS is its own."""
    out = subprocess.run(
        [sys.executable, __file__, "--only", name, "--records", str(n)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def bench_startup(runs: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        record = Path(folder) / "one.yaml"
        record.write_text("title: Policy Officer\ngrade: PO3\n")
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "postcheck", "check", str(record), "--as-of", "2026-11-23"],
                check=True,
                capture_output=True,
            )
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_python_startup(runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--startup-runs", type=int, default=5)
    parser.add_argument("--only", choices=sorted(MEASURES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    run_as_installed()
    if args.only:
        print(json.dumps(MEASURES[args.only](args.records)))
        return

    engine = in_subprocess("postcheck", args.records)
    raw = in_subprocess("raw", args.records)
    reading = in_subprocess("reading", min(args.records, 20_000))
    startup = bench_startup(args.startup_runs)
    interpreter = bench_python_startup(args.startup_runs)
    print(f"records                            {args.records:>10,}")
    print(f"violations found                   {engine['violations']:>10,.0f}")
    print(f"postcheck engine path              {engine['rate']:>10,.0f} records/s")
    print(f"raw durable-rules, same ruleset    {raw['rate']:>10,.0f} records/s  (baseline)")
    print(f"ratio postcheck / raw              {engine['rate'] / raw['rate']:>10.2f}")
    print(f"record validation (reader cost)    {reading['rate']:>10,.0f} records/s")
    print(f"peak RSS, postcheck engine path    {engine['rss']:>10.1f} MiB")
    print(f"peak RSS, raw durable-rules        {raw['rss']:>10.1f} MiB  (baseline)")
    print(
        f"start-up: check one record         {startup * 1000:>10.0f} ms  "
        f"(median of {args.startup_runs})"
    )
    print(f"start-up: bare python              {interpreter * 1000:>10.0f} ms  (baseline)")


MEASURES = {"postcheck": bench_postcheck, "raw": bench_raw_engine, "reading": bench_reading}

if __name__ == "__main__":
    main()
