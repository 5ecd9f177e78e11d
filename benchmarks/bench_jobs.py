"""`--jobs`: the bundled ruleset over a large export, one process beside a pool, whole process.

Writes a seeded CSV of N records with ../shared/bench/gen_posts.py (the peer benchmark's
records, read through benchmarks/peer_columns.yaml), then runs `postcheck check FILE --jobs 1`
and `--jobs J` in turns, each a fresh process writing a JSON report. Prints for each: wall time
(median of the rounds), records/s, and the peak RSS of its largest process (the parent or one
worker); then the speed-up (the figure to watch) and whether the two reports are the same
findings in the same order. Memory is flat when the peak RSS over a quarter of the export (its
first rows, run once more) is the peak over all of it.

    python benchmarks/bench_jobs.py [--records 1000000] [--jobs 2] [--rounds 1]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from as_installed import run_as_installed

HERE = Path(__file__).resolve().parent
GENERATOR = HERE.parent.parent / "shared" / "bench" / "gen_posts.py"
COLUMNS = HERE / "peer_columns.yaml"
AS_OF = "2026-11-23"


@dataclass
class Runs:
    label: str
    jobs: int
    seconds: list[float] = field(default_factory=list)
    peak_mib: list[float] = field(default_factory=list)


def check(source: Path, jobs: int, output: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS in MiB of the largest process of the run)."""
    command = [
        str(Path(sys.executable).parent / "postcheck"),
        "check",
        str(source),
        *("--columns", str(COLUMNS), "--no-config", "--as-of", AS_OF),
        *("--jobs", str(jobs), "--format", "json", "-o", str(output), "--force"),
    ]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # wait4's usage of the child covers the workers it waited for: ru_maxrss is the largest
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: findings at or above --fail-on, a verdict
        raise RuntimeError(f"--jobs {jobs} exited {code}: {child.stderr.read().decode()[-400:]}")
    return seconds, usage.ru_maxrss / 1024


def findings(report: Path) -> list[object]:
    data = json.loads(report.read_text(encoding="utf-8"))
    return [data["violations"], data["input_errors"], data["summary"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--generator", type=Path, default=GENERATOR, help="gen_posts.py")
    args = parser.parse_args()
    run_as_installed()
    with tempfile.TemporaryDirectory(prefix="bench-jobs-") as scratch:
        folder = Path(scratch)
        source = folder / "posts.csv"
        subprocess.run(
            [
                *(sys.executable, str(args.generator), str(args.records)),
                *("--format", "csv", "--out", str(source), "--seed", "1"),
            ],
            check=True,
        )
        quarter = folder / "quarter.csv"
        with source.open("rb") as whole, quarter.open("wb") as part:
            for n, line in enumerate(whole):  # gen_posts writes no newline inside a cell
                if n > args.records // 4:
                    break
                part.write(line)
        one, pool = Runs("--jobs 1", 1), Runs(f"--jobs {args.jobs}", args.jobs)
        for _ in range(args.rounds):
            for runs in (one, pool):
                seconds, peak = check(source, runs.jobs, folder / f"jobs-{runs.jobs}.json")
                runs.seconds.append(seconds)
                runs.peak_mib.append(peak)
        _, quarter_peak = check(quarter, args.jobs, folder / "quarter.json")
        same = findings(folder / "jobs-1.json") == findings(folder / f"jobs-{args.jobs}.json")
    print(f"records {args.records:,} (gen_posts.py CSV), bundled rules, JSON report")
    print(f"rounds {args.rounds}, runs in turns, each a whole process; medians of wall time\n")
    for runs in (one, pool):
        seconds = statistics.median(runs.seconds)
        print(
            f"{runs.label:10s} {seconds:8.1f} s  {args.records / seconds:8,.0f} records/s  "
            f"peak RSS {max(runs.peak_mib):5.0f} MiB (largest process)"
        )
    ratio = statistics.median(one.seconds) / statistics.median(pool.seconds)
    print(f"\nspeed-up --jobs {args.jobs} / --jobs 1: x{ratio:.2f}  (issue 11 target: x1.7)")
    print(f"same findings, same order: {'yes' if same else 'NO'}")
    print(
        f"peak RSS over the first quarter {quarter_peak:.0f} MiB, over all "
        f"{max(pool.peak_mib):.0f} MiB (--jobs {args.jobs}): flat when they match"
    )
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
