"""Where a check run's time goes: each stage's share of one whole run, in one process.

Runs `postcheck check ARGS...` in this process with a timer around each stage of the record's
path (split a table row, validate it, build its fact and the parts of it, the engine call, the
result), then prints each stage's total and microseconds a record beside the run's own total:
the stages are read against the run they are part of, so a noisy machine shifts all of them
together. The timers add about a microsecond a call.

    python benchmarks/bench_stages.py check FILE --columns benchmarks/peer_columns.yaml \\
        --rules benchmarks/peer_rules --no-config --as-of 2026-11-23 --format json -o out.json
"""

from __future__ import annotations

import contextlib
import functools
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

SPENT: Counter[str] = Counter()
CALLS: Counter[str] = Counter()
STAGES: list[str] = []  # in the order they were wrapped: the order a record meets them


def timed(owner: Any, name: str, stage: str) -> None:
    """Wraps owner.name (a module function or a method) so its time counts towards stage."""
    inner: Callable[..., Any] = getattr(owner, name)
    STAGES.append(stage)

    @functools.wraps(inner)
    def timing(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            SPENT[stage] += time.perf_counter() - start
            CALLS[stage] += 1

    setattr(owner, name, timing)


def main() -> None:
    import postcheck.check as check
    import postcheck.engine.durable_backend as durable
    import postcheck.engine.evaluate as evaluate
    import postcheck.engine.facts as facts
    import postcheck.record.structured as structured
    from postcheck.cli import main as cli

    # the names as their callers look them up
    timed(structured, "_row_data", "split a table row into fields")
    timed(structured, "validate", "validate (pydantic)")
    timed(evaluate, "to_fact", "build the fact, all of it")
    timed(facts, "derive", "  of which derived facts")
    timed(facts, "clause_facts", "  of which clauses")
    timed(evaluate, "engine_problem", "engine-safety check")
    timed(durable.DurableRuleset, "match", "engine (durable-rules)")
    timed(check, "_result", "result and violations")
    start = time.perf_counter()
    with contextlib.suppress(SystemExit):  # the run's exit status is not the figure here
        cli.main(sys.argv[1:], standalone_mode=True)
    total = time.perf_counter() - start
    records = max(CALLS["validate (pydantic)"], 1)
    print(f"\n{records:,} records; stages in the order a record meets them", file=sys.stderr)
    for stage in STAGES:
        seconds = SPENT[stage]
        print(
            f"  {stage:32s} {seconds:7.2f} s {seconds / records * 1e6:7.1f} us a record",
            file=sys.stderr,
        )
    print(
        f"  {'the whole run (after imports)':32s} {total:7.2f} s {total / records * 1e6:7.1f} us "
        "a record",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
