"""Peer comparison: postcheck and other rule engines on the same ten rules and the same file.

The ten rules are R1-R10 of ../shared/bench/RULES.md, over posts made by
../shared/bench/gen_posts.py (a CSV in an HR-export shape). postcheck runs them as a rules
folder (benchmarks/peer_rules/, one file per rule, ids `r<N>-...` so each maps back to R<N>)
through benchmarks/peer_columns.yaml; the peers run the same rules written in their own terms:

- durable-rules 2.0.28, driven through its C functions (facts in batches, never post(), which
  fires one rule per record; see ../shared/engine/durable-rules.md);
- a hand-written Python loop, the reference every engine's findings are compared with;
- zen-engine's expression API and rule-engine, each in a venv this script makes under
  --peers-venv (they are not postcheck dependencies); an engine that cannot be installed is
  skipped with its reason.

Each engine is a whole process, parse included, timed by wall clock; engines run in turns for
--rounds rounds and the medians are printed, with the ratios of postcheck to durable-rules and
to the Python loop. A ratio is only given for engines that found exactly the Python loop's
(post_number, rule) set; any difference is printed instead and the exit status is 1.

    .venv/bin/python benchmarks/bench_peers.py [--records 50000] [--rounds 3] [--seed 1]

Run it with postcheck's own interpreter: `postcheck` is taken from beside it, and durable-rules
(a postcheck dependency) and the Python loop run under it.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from itertools import islice
from pathlib import Path
from typing import Any

from as_installed import run_as_installed

HERE = Path(__file__).resolve().parent
RULES_DIR = HERE / "peer_rules"
COLUMNS_FILE = HERE / "peer_columns.yaml"
GENERATOR = HERE.parents[1] / "shared" / "bench" / "gen_posts.py"
PEERS_VENV = Path.home() / ".cache" / "postcheck-bench-peers"
AS_OF = "2026-11-23"
STALE_BEFORE = "2024-11-23"
S9 = "LGHA 1989 s.9"
MAYOR = "SI 2002/975 reg 3"
PAY_CAP = 49282
TARGET = 0.7  # issue 11: postcheck at 0.7x raw durable-rules or better; printed, not judged
POSTCHECK_RULE = re.compile(r"r(\d+)-")

Pair = tuple[str, str]  # (post_number, rule id R1..R10): one violation

# -- reading the file, as RULES.md types it ------------------------------------------------

INT_COLUMNS = ("post_number", "office_days_min", "salary_min", "salary_max")
BOOLEANS = {"true": True, "false": False}


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """Rows of gen_posts.py's CSV with RULES.md's types: four integers, one boolean, the rest
    strings (an empty cell stays ""). Streamed, as postcheck reads it."""
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            record: dict[str, Any] = dict(row)
            for name in INT_COLUMNS:
                record[name] = int(row[name])
            record["politically_restricted"] = BOOLEANS[row["politically_restricted"]]
            yield record


# -- the peers ------------------------------------------------------------------------------

GRADES = frozenset(
    ["SC1", "SC2", "SC3", "SC4", "SC5", "SC6", "SO1", "SO2"] + [f"PO{n}" for n in range(1, 9)]
)
TYPOS = frozenset([f"P0{n}" for n in range(1, 9)] + ["S01", "S02"])


def python_violations(r: dict[str, Any]) -> list[str]:
    """R1-R10 as a hand-written `if` chain: the reference set."""
    found = []
    grade = r["grade"]
    s9 = r["statutory_basis"] == S9
    mayor = r["statutory_basis"] == MAYOR
    if grade not in GRADES:
        found.append("R1")
    if grade in TYPOS:
        found.append("R2")
    if s9 and not r["politically_restricted"]:
        found.append("R3")
    if s9 and r["appointment_type"] != "fixed_term":
        found.append("R4")
    if mayor and "2(1)" in r["political_restriction_citation"]:
        found.append("R5")
    end = r["appointment_end"]
    if r["appointment_type"] == "fixed_term" and end != "" and end < AS_OF:
        found.append("R6")
    if r["office_days_min"] > 5 or r["office_days_min"] < 0:
        found.append("R7")
    if r["salary_min"] > r["salary_max"]:
        found.append("R8")
    if (s9 or mayor) and r["salary_max"] >= PAY_CAP:
        found.append("R9")
    if r["date_last_updated"] < STALE_BEFORE:
        found.append("R10")
    return found


def run_python(records: Iterable[dict[str, Any]]) -> Iterator[Pair]:
    for record in records:
        for rule in python_violations(record):
            yield str(record["post_number"]), rule


def _zen_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(json.dumps(v) for v in sorted(values)) + "]"


ZEN_RULES = {
    "R1": f"not (grade in {_zen_list(GRADES)})",
    # matches() gives the same set, but zen 2.1.3 recompiles the regex on every call (RULES.md)
    "R2": f"grade in {_zen_list(TYPOS)}",
    "R3": f'statutory_basis == "{S9}" and politically_restricted == false',
    "R4": f'statutory_basis == "{S9}" and appointment_type != "fixed_term"',
    "R5": f'statutory_basis == "{MAYOR}" and contains(political_restriction_citation, "2(1)")',
    # zen does not order strings, so dates are compared as dates; d("") does not fail
    "R6": f'appointment_type == "fixed_term" and appointment_end != "" '
    f'and d(appointment_end) < d("{AS_OF}")',
    "R7": "office_days_min > 5 or office_days_min < 0",
    "R8": "salary_min > salary_max",
    "R9": f'(statutory_basis == "{S9}" or statutory_basis == "{MAYOR}") '
    f"and salary_max >= {PAY_CAP}",
    "R10": f'd(date_last_updated) < d("{STALE_BEFORE}")',
}


def run_zen(records: Iterable[dict[str, Any]]) -> Iterator[Pair]:
    """One compiled expression listing the rules a record breaks, evaluated once per record."""
    zen = importlib.import_module("zen")
    branches = ", ".join(f'({cond}) ? "{rule}" : null' for rule, cond in ZEN_RULES.items())
    expression = zen.compile_expression(f"filter([{branches}], # != null)")
    for record in records:
        for rule in expression.evaluate(record):
            yield str(record["post_number"]), rule


RULE_ENGINE_RULES = {
    # `=~` matches from the start (re.match); \Z anchors the end, so both are full matches
    "R1": r'grade !~ "(SC[1-6]|SO[1-2]|PO[1-8])\\Z"',
    "R2": r'grade =~ "(P0[1-8]|S0[1-2])\\Z"',
    "R3": f'statutory_basis == "{S9}" and not politically_restricted',
    "R4": f'statutory_basis == "{S9}" and appointment_type != "fixed_term"',
    "R5": f'statutory_basis == "{MAYOR}" and "2(1)" in political_restriction_citation',
    "R6": f'appointment_type == "fixed_term" and appointment_end != "" '
    f'and appointment_end < "{AS_OF}"',
    "R7": "office_days_min > 5 or office_days_min < 0",
    "R8": "salary_min > salary_max",
    "R9": f'(statutory_basis == "{S9}" or statutory_basis == "{MAYOR}") '
    f"and salary_max >= {PAY_CAP}",
    "R10": f'date_last_updated < "{STALE_BEFORE}"',
}


def run_rule_engine(records: Iterable[dict[str, Any]]) -> Iterator[Pair]:
    rule_engine = importlib.import_module("rule_engine")
    rules = [(name, rule_engine.Rule(text)) for name, text in RULE_ENGINE_RULES.items()]
    for record in records:
        for name, rule in rules:
            if rule.matches(record):
                yield str(record["post_number"]), name


DURABLE_RULES = {
    "R1": {"$and": [{"$neq": {"grade": g}} for g in sorted(GRADES)]},  # durable has no $in
    "R2": {"$mt": {"grade": "(P0[1-8])|(S0[1-2])"}},  # durable's regexes are full matches
    "R3": {"$and": [{"statutory_basis": S9}, {"politically_restricted": False}]},
    "R4": {"$and": [{"statutory_basis": S9}, {"$neq": {"appointment_type": "fixed_term"}}]},
    # `%` escapes in durable's dialect
    "R5": {
        "$and": [
            {"statutory_basis": MAYOR},
            {"$mt": {"political_restriction_citation": ".*2%(1%).*"}},
        ]
    },
    "R6": {
        "$and": [
            {"appointment_type": "fixed_term"},
            {"$neq": {"appointment_end": ""}},
            {"$lt": {"appointment_end": AS_OF}},
        ]
    },
    "R7": {"$or": [{"$gt": {"office_days_min": 5}}, {"$lt": {"office_days_min": 0}}]},
    "R8": {"$gt": {"salary_min": {"$m": "salary_max"}}},
    "R9": {
        "$and": [
            {"$or": [{"statutory_basis": S9}, {"statutory_basis": MAYOR}]},
            {"$gte": {"salary_max": PAY_CAP}},
        ]
    },
    "R10": {"$lt": {"date_last_updated": STALE_BEFORE}},
}
DURABLE_BATCH = 200
DURABLE_SID = "b"
SENTINEL = {"__sentinel": 1, "id": "sentinel", "sid": DURABLE_SID}
DURABLE_HELPERS = ("__rec", "__sentinel", "id", "sid")
CSV_HEADERS = [
    "authority",
    "post_number",
    "title",
    "service_area",
    "directorate",
    "grade",
    "date_last_updated",
    "appointment_type",
    "appointment_end",
    "statutory_basis",
    "politically_restricted",
    "political_restriction_citation",
    "political_group",
    "office_days_min",
    "salary_min",
    "salary_max",
]


def fnv32(name: str) -> int:
    """durable-rules' hash of a property name (FNV, signed bytes): names with one hash are one
    field to the engine."""
    value = 0x811C9DC5
    for byte in name.encode():
        signed = byte - 256 if byte > 127 else byte
        value = ((value ^ signed) * 0x01000193) & 0xFFFFFFFF
    return value


def run_durable(records: Iterable[dict[str, Any]]) -> Iterator[Pair]:
    """durable-rules as ../shared/engine/durable-rules.md's recipe has it: one ruleset, every
    rule anchored on `__rec` (else the engine's own state object can match), a sentinel rule so
    no batch matches nothing (deleting such a state crashes), a Host without timer threads,
    facts asserted through the C `assert_facts`, actions run with do_actions, then the
    batch's state deleted (a fact kept from an earlier batch would silence an equal one)."""
    # imported here: the peers venv, which runs zen-engine and rule-engine, has no durable-rules
    import durable_rules_engine as c_engine
    from durable.engine import Host

    names = [*CSV_HEADERS, *DURABLE_HELPERS]
    if len({fnv32(n) for n in names}) != len(names):
        raise RuntimeError("two field names share a durable-rules hash")

    class QuietHost(Host):  # type: ignore[misc]  # durable-rules ships no types
        def _run(self) -> None:
            """No dispatch timers: they would run actions on another thread at random."""

    found: list[Pair] = []

    def recorder(rule: str) -> Callable[[Any], None]:
        # a factory: durable treats a two-argument callable as asynchronous
        def action(c: Any) -> None:
            found.append((str(c.m["post_number"]), rule))

        return action

    def ignore(c: Any) -> None:
        pass

    definition: dict[str, Any] = {
        rule: {"all": [{"m": {"$and": [{"__rec": 1}, cond]}}], "run": recorder(rule)}
        for rule, cond in DURABLE_RULES.items()
    }
    definition["sentinel"] = {"all": [{"m": {"__sentinel": 1}}], "run": ignore}
    host = QuietHost()
    host.register_rulesets({"peers": definition})
    ruleset = host.get_ruleset("peers")
    errors: list[Any] = []

    def complete(error: Any, state: Any) -> None:
        if error:
            errors.append(error)

    def assert_batch(facts: list[dict[str, Any]]) -> None:
        result = c_engine.assert_facts(ruleset._handle, json.dumps(facts, ensure_ascii=False))
        # 1: some fact matched no rule (a compliant record); 2: a fact taken as seen before
        if result[0] not in (0, 1):
            raise RuntimeError(f"durable-rules refused a batch (code {result[0]})")
        ruleset.do_actions(result[1], complete)
        c_engine.delete_state(ruleset._handle, DURABLE_SID)
        if errors:
            raise RuntimeError(f"a durable-rules action failed: {errors[0]}")

    assert_batch([SENTINEL])  # warm-up: the state's first message has now run an action
    stream = iter(records)
    while batch := list(islice(stream, DURABLE_BATCH)):
        facts = [
            {**record, "__rec": 1, "id": str(i), "sid": DURABLE_SID}
            for i, record in enumerate(batch)
        ]
        assert_batch([*facts, SENTINEL])
        yield from found
        found.clear()


PEER_RUNNERS: dict[str, Callable[[Iterable[dict[str, Any]]], Iterator[Pair]]] = {
    "durable-rules": run_durable,
    "python": run_python,
    "zen-engine": run_zen,
    "rule-engine": run_rule_engine,
}


def engine_main(name: str, source: Path, output: Path) -> None:
    """One engine's whole run in this process: read, judge, write the pairs found."""
    pairs = sorted(set(PEER_RUNNERS[name](read_records(source))))
    output.write_text(json.dumps(pairs))


# -- the harness ------------------------------------------------------------------------------


@dataclass
class Engine:
    name: str
    label: str
    command: Callable[[Path, Path], list[str]]  # (input CSV, output file) -> argv
    read: Callable[[Path], set[Pair]]
    times: list[float] = field(default_factory=list)
    found: list[set[Pair]] = field(default_factory=list)
    failure: str | None = None


def postcheck_command(source: Path, output: Path) -> list[str]:
    return [
        str(Path(sys.executable).parent / "postcheck"),
        "check",
        str(source),
        "--rules",
        str(RULES_DIR),
        "--columns",
        str(COLUMNS_FILE),
        "--no-config",
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "-o",
        str(output),
    ]


def read_postcheck(output: Path) -> set[Pair]:
    """The (post_number, R<N>) pairs of postcheck's JSON report; a record it could not read,
    or a rule id that names no R<N>, is an error rather than a silently smaller set."""
    report = json.loads(output.read_text(encoding="utf-8"))
    if report["input_errors"]:
        first = report["input_errors"][0]
        raise RuntimeError(f"{len(report['input_errors'])} input errors, first: {first}")
    pairs = set()
    for violation in report["violations"]:
        rule = POSTCHECK_RULE.match(violation["rule_id"])
        if rule is None:
            raise RuntimeError(f"rule {violation['rule_id']!r} names no R<N>")
        pairs.add((violation["post_number"], f"R{rule[1]}"))
    return pairs


def read_pairs(output: Path) -> set[Pair]:
    return {(post, rule) for post, rule in json.loads(output.read_text(encoding="utf-8"))}


def peer_command(python: Path, name: str) -> Callable[[Path, Path], list[str]]:
    def command(source: Path, output: Path) -> list[str]:
        return [str(python), __file__, "--engine", name, str(source), str(output)]

    return command


def peer_python(folder: Path) -> Path:
    return folder / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def installed_version(python: Path, module: str, package: str) -> str:
    """The package's version if `module` imports under that interpreter; raises with the reason."""
    probe = f"import {module}, importlib.metadata as m; print(m.version({package!r}))"
    done = subprocess.run([str(python), "-c", probe], capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(_last_line(done.stderr))
    return done.stdout.strip()


def install_peer(folder: Path, module: str, package: str) -> str:
    """Make the peers venv if needed and pip-install the package into it; its version."""
    python = peer_python(folder)
    if not python.exists():
        venv.EnvBuilder(with_pip=True).create(folder)
    try:
        return installed_version(python, module, package)
    except RuntimeError:
        pass
    print(f"installing {package} into {folder}", file=sys.stderr)
    done = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", package], capture_output=True, text=True
    )
    if done.returncode:
        raise RuntimeError(f"pip install failed: {_last_line(done.stderr or done.stdout)}")
    return installed_version(python, module, package)


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


def engines(peers_venv: Path) -> list[Engine]:
    """postcheck and the peers that can run here; each missing peer is announced once."""
    here = Path(sys.executable)
    found = [
        Engine(
            "postcheck",
            f"postcheck {metadata.version('postcheck')}",
            postcheck_command,
            read_postcheck,
        ),
        Engine(
            "durable-rules",
            f"durable-rules {metadata.version('durable_rules')} (C functions)",
            peer_command(here, "durable-rules"),
            read_pairs,
        ),
        Engine("python", "hand-written Python loop", peer_command(here, "python"), read_pairs),
    ]
    for name, module, label in (
        ("zen-engine", "zen", "zen-engine {} (expression API)"),
        ("rule-engine", "rule_engine", "rule-engine {}"),
    ):
        try:
            version = install_peer(peers_venv, module, name)
        except Exception as error:  # venv, pip or import: any reason skips this peer only
            print(f"skipped {name}: {error}")
            continue
        found.append(
            Engine(
                name, label.format(version), peer_command(peer_python(peers_venv), name), read_pairs
            )
        )
    return found


def run_once(engine: Engine, source: Path, output: Path) -> None:
    output.unlink(missing_ok=True)  # an earlier round's output must not stand in for this one
    start = time.perf_counter()
    done = subprocess.run(engine.command(source, output), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    # postcheck exits 1 when a finding is at or above --fail-on: a verdict, not a failure
    if done.returncode not in ((0, 1) if engine.name == "postcheck" else (0,)):
        engine.failure = f"exit {done.returncode}: {_last_line(done.stderr)}"
        return
    try:
        engine.found.append(engine.read(output))
    except (OSError, RuntimeError, ValueError, KeyError) as error:
        engine.failure = str(error)
        return
    engine.times.append(elapsed)


def startup_time(folder: Path) -> float:
    """postcheck's whole-process cost for a file with no rows: what each run pays before the
    first record."""
    empty = folder / "empty.csv"
    empty.write_text(",".join(CSV_HEADERS) + "\n")
    start = time.perf_counter()
    subprocess.run(postcheck_command(empty, folder / "empty.json"), capture_output=True)
    return time.perf_counter() - start


def differences(got: set[Pair], reference: set[Pair]) -> list[str]:
    """What an engine found that the Python loop did not, and the reverse, by rule."""
    lines = []
    for kind, pairs in (("missing", reference - got), ("extra", got - reference)):
        if pairs:
            by_rule = Counter(rule for _, rule in pairs)
            rules = ", ".join(f"{r} {n}" for r, n in sorted(by_rule.items()))
            sample = ", ".join(f"{p}/{r}" for p, r in sorted(pairs)[:5])
            lines.append(f"    {kind} {len(pairs)} ({rules}); e.g. {sample}")
    return lines


NOTE = """\
postcheck expresses R1-R10 exactly (benchmarks/peer_rules: R1 on the grade as written, not the
canonical code; R2 and R5 as full-match patterns; R6 and R10 as date comparisons). It reads the
CSV as an HR export, not as strings: ';' splits a grade, basis or citation cell into mentions,
cells are stripped, and appointment type, dates, days and pay are validated (a bad value is an
input error). gen_posts.py writes no such value, so the sets are comparable."""


def report(all_engines: list[Engine], records: int, rounds: int, startup: list[float]) -> int:
    """Print the figures; 1 when some engine failed or found another set than the Python loop."""
    by_name = {e.name: e for e in all_engines}
    reference = by_name["python"].found[0] if by_name["python"].found else None
    status = 0
    agrees: dict[str, bool] = {}
    print(f"records  {records:,} (gen_posts.py CSV); rounds {rounds}, engines in turns")
    print("each engine a whole process, parse included; medians of wall time\n")
    print(f"{'engine':<40}{'records/s':>11}  {'range':<17}{'violations':>10}  same set")
    details: list[str] = []
    for engine in all_engines:
        if engine.failure or not engine.times:
            print(f"{engine.label:<40}{'FAILED':>11}  {engine.failure}")
            status = 1
            continue
        rates = [records / t for t in engine.times]
        same = reference is not None and all(f == reference for f in engine.found)
        agrees[engine.name] = same
        if not same:
            status = 1
            details.append(f"MISMATCH {engine.label}: not the Python loop's set")
            if reference is not None:
                first = next(f for f in engine.found if f != reference)
                details += differences(first, reference)
        spread = f"{min(rates):,.0f}-{max(rates):,.0f}"
        verdict = "reference" if engine.name == "python" else ("yes" if same else "NO")
        print(
            f"{engine.label:<40}{statistics.median(rates):>11,.0f}  {spread:<17}"
            f"{len(engine.found[0]):>10,}  {verdict}"
        )
    for line in details:
        print(line)
    print()
    pc = by_name["postcheck"]
    for peer, label in (("durable-rules", "durable-rules"), ("python", "the Python loop")):
        other = by_name[peer]
        if not (agrees.get("postcheck") and agrees.get(peer)):
            print(f"ratio postcheck / {label:<16} not given: the sets differ or a run failed")
            continue
        ratio = statistics.median(other.times) / statistics.median(pc.times)
        target = f"  (issue 11 target: {TARGET:.1f} or more)" if peer == "durable-rules" else ""
        print(f"ratio postcheck / {label:<16}{ratio:>7.3f}{target}")
    print(f"postcheck start-up, file of no rows {statistics.median(startup) * 1000:>7.0f} ms")
    print()
    print(NOTE)
    return status


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--generator", type=Path, default=GENERATOR, help="gen_posts.py")
    parser.add_argument("--peers-venv", type=Path, default=PEERS_VENV)
    parser.add_argument("--engine", choices=sorted(PEER_RUNNERS), help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    run_as_installed()
    if args.engine:
        engine_main(args.engine, *args.paths)
        return
    all_engines = engines(args.peers_venv.expanduser())
    with tempfile.TemporaryDirectory(prefix="bench-peers-") as scratch:
        folder = Path(scratch)
        source = folder / f"posts-{args.records}.csv"
        subprocess.run(
            [
                sys.executable,
                str(args.generator),
                str(args.records),
                *("--format", "csv", "--out", str(source), "--seed", str(args.seed)),
            ],
            check=True,
        )
        startup = []
        for _ in range(args.rounds):
            for engine in all_engines:
                if engine.failure is None:
                    run_once(engine, source, folder / f"{engine.name}.out")
            startup.append(startup_time(folder))
    sys.exit(report(all_engines, args.records, args.rounds, startup))


if __name__ == "__main__":
    main()
