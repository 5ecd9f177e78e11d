"""A bounded fuzz job: the readers, the rule loader and the check path on generated input.

Each target runs for POSTCHECK_FUZZ_SECONDS seconds (3 by default, so the suite stays quick),
in rounds of hypothesis examples with fresh random seeds, and prints how many inputs it tried.
For a long run: `POSTCHECK_FUZZ_SECONDS=150 pytest -s tests/hostile/test_fuzz.py`.

What each target asserts:
- readers (structured and document formats): every input gives records or input errors, never
  an exception, and no input takes more than HANG_SECONDS;
- rule loader: a generated `when:` is either refused with a load error, or, accepted, judged
  the same by the engine and by the Python reading (engine/locate.py) on generated records;
- check path: generated records go through check.run and every finding is complete.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from postcheck.check import run
from postcheck.engine.compiler import CompileError, compile_catalogue
from postcheck.engine.durable_backend import EngineError
from postcheck.engine.evaluate import Evaluator, Judged
from postcheck.engine.facts import to_fact
from postcheck.engine.locate import holds
from postcheck.record.model import PostRecord
from postcheck.record.outcome import InputError
from postcheck.record.sources import iter_outcomes
from postcheck.rules.model import Rule
from tests.conftest import SEED_DAY, compiled_for
from tests.unit.test_engine import PARAMETERS, make_rule
from tests.unit.test_never_crash import EXTRA, RECORDS

SECONDS = float(os.environ.get("POSTCHECK_FUZZ_SECONDS", "3"))
HANG_SECONDS = 10.0  # one input taking this long is a hang, whatever the machine's load
ROUND = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
SEEDS = sorted((Path(__file__).resolve().parents[3] / "shared" / "seeds").glob("*.txt"))
TRIED: Counter[str] = Counter()


def fuzz(name: str, target: Callable[[], None]) -> None:
    """Rounds of `target` (a hypothesis test) until the time is spent; at least one round."""
    deadline = time.monotonic() + SECONDS
    rounds = 0
    while rounds == 0 or time.monotonic() < deadline:
        target()
        rounds += 1
    print(f"\nfuzz {name}: {TRIED[name]:,} inputs in {rounds} rounds", end="")
    for key in sorted(k for k in TRIED if k.startswith(f"{name}:")):
        print(f", {key.partition(':')[2]} {TRIED[key]:,}", end="")


def _read_within_bound(path: Path) -> list[object]:
    started = time.monotonic()
    outcomes = list(iter_outcomes([str(path)]))
    elapsed = time.monotonic() - started
    assert elapsed < HANG_SECONDS, f"{path.suffix}: {elapsed:.1f} s"
    assert all(isinstance(o, PostRecord | InputError) for o in outcomes)
    return outcomes


# --- structured readers ----------------------------------------------------------------------

FIELD_NAMES = ["title", "grade", "authority", "salary", "duties", "date_last_updated", "x"]
JSONISH: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


def _structured_bytes(value: Any, suffix: str, noise: bytes) -> bytes:
    import json

    import yaml

    if suffix == ".yaml":
        body = yaml.safe_dump(value, allow_unicode=True).encode("utf-8", "surrogatepass")
    elif suffix == ".jsonl":
        body = (json.dumps(value) + "\n" + json.dumps(value)).encode("utf-8", "surrogatepass")
    elif suffix == ".csv":
        cells = value if isinstance(value, dict) else {"title": value}
        header = ",".join(str(k) for k in cells)
        body = f"{header}\n{','.join(str(v) for v in cells.values())}\n".encode(
            "utf-8", "surrogatepass"
        )
    else:
        body = json.dumps(value).encode()
    cut = len(body) // 2
    return body[:cut] + noise + body[cut:]


@ROUND
@given(
    value=JSONISH,
    suffix=st.sampled_from([".yaml", ".json", ".jsonl", ".csv"]),
    noise=st.sampled_from([b"", b"", b"\x00", b"\xff", b"{", b"\n-", b'"', b"&a *a"]),
)
def _structured_round(value: Any, suffix: str, noise: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(_structured_bytes(value, suffix, noise))
        outcomes = _read_within_bound(path)
    TRIED["structured"] += 1
    TRIED["structured:records"] += sum(isinstance(o, PostRecord) for o in outcomes)
    TRIED["structured:input errors"] += sum(isinstance(o, InputError) for o in outcomes)


def test_structured_readers_never_raise_or_hang() -> None:
    fuzz("structured", _structured_round)


# --- document readers ------------------------------------------------------------------------


def _mutated(text: str, rng: random.Random) -> str:
    """A seed job description with a few splices: lines dropped, repeated, cut or garbled."""
    lines = text.splitlines()
    for _ in range(rng.randint(1, 6)):
        if not lines:
            break
        at = rng.randrange(len(lines))
        action = rng.choice(["drop", "repeat", "cut", "garble", "join"])
        if action == "drop":
            del lines[at]
        elif action == "repeat":
            lines.insert(at, lines[at] * rng.randint(1, 4))
        elif action == "cut":
            lines[at] = lines[at][: rng.randint(0, len(lines[at]))]
        elif action == "garble":
            lines[at] = "".join(rng.choice([c, "\x00", "<", "&", "\u202e", "é"]) for c in lines[at])
        elif at + 1 < len(lines):
            lines[at : at + 2] = [lines[at] + " " + lines[at + 1]]
    return "\n".join(lines)


def _document(text: str, suffix: str, folder: Path) -> Path:
    path = folder / f"draft{suffix}"
    if suffix == ".html":
        from html import escape

        body = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines())
        path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    elif suffix == ".md":
        path.write_text("# Job description\n\n" + text, encoding="utf-8")
    elif suffix == ".docx":
        import docx

        document = docx.Document()
        for line in text.splitlines():
            document.add_paragraph(_xml_safe(line))
        document.save(str(path))
    elif suffix == ".pdf":
        from reportlab.pdfgen import canvas

        pdf = canvas.Canvas(str(path))
        for n, line in enumerate(text.splitlines()[:200]):
            if n and n % 50 == 0:
                pdf.showPage()
            pdf.drawString(40, 800 - (n % 50) * 15, _xml_safe(line)[:120])
        pdf.save()
    else:
        path.write_text(text, encoding="utf-8", errors="replace")
    return path


def _xml_safe(text: str) -> str:
    """Word and PDF files cannot hold control characters; the garbling may add NUL."""
    return "".join(c for c in text if c >= " " or c == "\t")


@ROUND
@given(
    seed=st.integers(0, 2**32 - 1),
    suffix=st.sampled_from([".txt", ".md", ".html", ".docx", ".pdf"]),
    raw=st.binary(max_size=300),
)
def _document_round(seed: int, suffix: str, raw: bytes) -> None:
    rng = random.Random(seed)
    text = _mutated(SEEDS[seed % len(SEEDS)].read_text(encoding="utf-8"), rng)
    with tempfile.TemporaryDirectory() as folder:
        if rng.random() < 0.2:  # raw bytes under a document's name
            path = Path(folder) / f"draft{suffix}"
            path.write_bytes(raw if suffix != ".pdf" else b"%PDF-1.4\n" + raw)
        else:
            path = _document(text, suffix, Path(folder))
        outcomes = _read_within_bound(path)
    TRIED["documents"] += 1
    TRIED["documents:records"] += sum(isinstance(o, PostRecord) for o in outcomes)


def test_document_readers_never_raise_or_hang() -> None:
    assert SEEDS, "the seed job descriptions are in ../shared/seeds"
    fuzz("documents", _document_round)


# --- the rule loader: refused, or judged alike by the engine and the Python reading ----------

SCALAR_FIELDS = {
    "title": st.sampled_from(["Mayor's Assistant", "Political Assistant", "Cleaner", ""]),
    "appointment.type": st.sampled_from(["fixed_term", "permanent", "not_stated", "x"]),
    "political_restriction.stated": st.booleans(),
    "salary.maximum": st.integers(-10, 200_000) | st.floats(allow_nan=True),
    "office_attendance.min_days_per_week": st.integers(-2, 8),
    "derived.kind": st.sampled_from(["political_assistant", "mayors_assistant"]),
    "political_group": st.sampled_from(["Labour Group", "Green", ""]),
    "nonexistent.field": st.just("x"),
}
NUMBER_FIELDS = ["salary.maximum", "office_attendance.min_days_per_week", "title"]
DATE_FIELDS = ["date_last_updated", "appointment.end_date", "title"]
PATTERNS = ["PO.*", "(Mayor|Group)'?s? Assistant", "a+", "(a+)+b", "[", "x{2,5}", ".*"]
PRESENCE = ["title", "grade", ".", "salary", "appointment.end_date", "derived.assistant"]


def _field_value() -> st.SearchStrategy[dict[str, Any]]:
    return st.sampled_from(sorted(SCALAR_FIELDS)).flatmap(
        lambda field: SCALAR_FIELDS[field].map(lambda value: {"field": field, "value": value})
    )


LEAVES = st.one_of(
    _field_value().map(lambda fv: {"equals": fv}),
    st.sampled_from(sorted(SCALAR_FIELDS)).flatmap(
        lambda field: st.lists(SCALAR_FIELDS[field], min_size=0, max_size=4).map(
            lambda values: {"one_of": {"field": field, "values": values}}
        )
    ),
    st.builds(
        lambda field, pattern: {"matches": {"field": field, "pattern": pattern}},
        st.sampled_from(["title", "political_group", "salary.maximum"]),
        st.sampled_from(PATTERNS),
    ),
    st.sampled_from(PRESENCE).map(lambda field: {"present": field}),
    st.sampled_from(PRESENCE).map(lambda field: {"missing": field}),
    st.builds(
        lambda op, field, value: {op: {"field": field, "value": value}},
        st.sampled_from(["less_than", "at_most", "greater_than", "at_least"]),
        st.sampled_from(NUMBER_FIELDS),
        st.integers(-5, 100_000) | st.floats(allow_nan=True),
    ),
    st.builds(
        lambda op, field, minus: {
            op: {"field": field, "as_of": True, **({"minus": minus} if minus else {})}
        },
        st.sampled_from(["before", "on_or_before", "after", "on_or_after"]),
        st.sampled_from(DATE_FIELDS),
        st.sampled_from([None, "P1Y", "P6M", "P30D", "P99999999999999999999D"]),
    ),
    st.builds(
        lambda kind, where: {kind: {"field": "grade", "where": where}},
        st.sampled_from(["any_item", "all_items"]),
        st.sampled_from(
            [
                {"matches": {"field": "code", "pattern": "PO[0-9]"}},
                {"equals": {"field": "code", "value": "PO4"}},
                {"present": "."},
                {"missing": "as_written"},
                {"not": {"equals": {"field": "code", "value": "SO1"}}},
            ]
        ),
    ),
)
CONDITIONS: st.SearchStrategy[dict[str, Any]] = st.recursive(
    LEAVES,
    lambda children: (
        st.lists(children, min_size=1, max_size=3).map(lambda c: {"all": c})
        | st.lists(children, min_size=1, max_size=3).map(lambda c: {"any": c})
        | children.map(lambda c: {"not": c})
    ),
    max_leaves=6,
)


@ROUND
@given(
    whens=st.lists(CONDITIONS, min_size=1, max_size=12),
    records=st.lists(st.tuples(RECORDS, EXTRA), min_size=1, max_size=4),
)
def _rule_round(
    whens: list[dict[str, Any]], records: list[tuple[dict[str, Any], dict[str, Any]]]
) -> None:
    """Several generated rules, each refused or accepted alone, the accepted ones judged by one
    engine ruleset: durable-rules never frees a ruleset (about a megabyte each), so one per
    generated rule would exhaust memory over a long run."""
    accepted: list[Rule] = []
    for n, when in enumerate(whens):
        TRIED["rules"] += 1
        try:
            rule = make_rule(f"fuzzed{n}", when)
            compile_catalogue([rule], PARAMETERS, SEED_DAY)
        except (ValidationError, CompileError):
            TRIED["rules:refused at load"] += 1
            continue
        accepted.append(rule)
    if not accepted:
        return
    try:
        evaluator = Evaluator(compile_catalogue(accepted, PARAMETERS, SEED_DAY))
    except EngineError:  # the engine refuses the ruleset: a load error, as the CLI reports it
        TRIED["rules:refused by the engine"] += len(accepted)
        return
    TRIED["rules:accepted"] += len(accepted)
    posts = [PostRecord.model_validate({**base, **extra}) for base, extra in records]
    started = time.monotonic()
    judged = list(evaluator.judge(posts))
    assert time.monotonic() - started < HANG_SECONDS
    values = evaluator.catalogue.parameter_values
    for post, verdict in zip(posts, judged, strict=True):
        if isinstance(verdict, InputError):
            continue
        assert isinstance(verdict, Judged)
        fact = to_fact(post, None, SEED_DAY)
        for rule_id, compiled in evaluator.catalogue.rules.items():
            python = holds(compiled.rule, fact, values, SEED_DAY)
            assert (rule_id in verdict.rule_ids) == python, (rule_id, compiled.rule.when)
            TRIED["rules:verdicts compared"] += 1


def test_every_accepted_rule_is_judged_alike_by_the_engine_and_python() -> None:
    fuzz("rules", _rule_round)


# --- the check path --------------------------------------------------------------------------


@ROUND
@given(records=st.lists(st.tuples(RECORDS, EXTRA), min_size=1, max_size=20))
def _check_round(records: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    outcomes = [PostRecord.model_validate({**base, **extra}) for base, extra in records]
    findings = list(run(outcomes, compiled_for(SEED_DAY)))
    TRIED["check"] += len(records)
    for finding in findings:
        for violation in getattr(finding, "violations", []):
            assert violation.rule_id and violation.message and violation.fingerprint
            TRIED["check:findings"] += 1


@pytest.mark.filterwarnings("ignore::hypothesis.errors.NonInteractiveExampleWarning")
def test_the_check_path_judges_any_valid_records() -> None:
    fuzz("check", _check_round)
