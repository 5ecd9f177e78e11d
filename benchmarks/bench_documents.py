"""Documents read per second, for each format, on generated job descriptions.

Run: python benchmarks/bench_documents.py [--count N] [--against REV [--rounds R]]
With --against, the reader of git revision REV is timed in the same run, beside this tree's.
Needs reportlab (a test dependency) to write the PDFs. Prints one line per format.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from postcheck.record.documents import format_for_suffix, read_document
from postcheck.record.model import PostRecord

TASKS = 20


def job_description(n: int) -> tuple[list[tuple[str, str]], list[str], list[str]]:
    """Header label/value pairs, key tasks and prose of the n-th generated post."""
    header = [
        ("Job Title", f"Policy Officer {n}"),
        ("Service Area", "Democratic Services"),
        ("Directorate", "Governance"),
        ("Post Number", str(10000 + n)),
        ("Grade", "PO3"),
        ("Date last updated", "May 2025"),
        ("Salary", "£40,000 - £45,000 per annum"),
    ]
    tasks = [f"To carry out task {t} of post {n} to a high standard." for t in range(1, TASKS + 1)]
    prose = [
        "You will report to the Head of Democratic Services.",
        "You will have no line management responsibility.",
        "You will be expected to be in the office at least 3 days a week.",
        "This post is established under s.9 of the Local Government and Housing Act 1989.",
        "This post is politically restricted under section 2(1)(f) of the LGHA 1989.",
    ]
    return header, tasks, prose


def as_text(n: int) -> str:
    header, tasks, prose = job_description(n)
    rows = [f"{label}: {value}" for label, value in header]
    body = ["Key Tasks", *(f"{i}. {t}" for i, t in enumerate(tasks, 1)), "Job Context", *prose]
    return "\n".join(["JOB DESCRIPTION", *rows, "", *body]) + "\n"


def as_markdown(n: int) -> str:
    header, tasks, prose = job_description(n)
    table = ["| Field | Value |", "|---|---|", *(f"| {k} | {v} |" for k, v in header)]
    items = [f"{i}. {t}" for i, t in enumerate(tasks, 1)]
    return "\n".join(
        [
            "# Job description",
            "",
            *table,
            "",
            "## Key tasks",
            "",
            *items,
            "",
            "## Job context",
            "",
            *prose,
            "",
        ]
    )


def as_html(n: int) -> str:
    header, tasks, prose = job_description(n)
    e = html.escape
    rows = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>\n" for k, v in header)
    items = "".join(f"<li>{e(t)}</li>\n" for t in tasks)
    paragraphs = "".join(f"<p>{e(p)}</p>\n" for p in prose)
    return (
        f"<!DOCTYPE html><html><body><h1>Job description</h1>\n<table>{rows}</table>\n"
        f"<h2>Key tasks</h2><ol>\n{items}</ol><h2>Job context</h2>\n{paragraphs}</body></html>"
    )


def write_docx(n: int, path: Path) -> None:
    header, tasks, prose = job_description(n)
    document = docx.Document()
    document.add_heading("Job description", level=1)
    table = document.add_table(rows=0, cols=2)
    for label, value in header:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    document.add_heading("Key tasks", level=2)
    for i, task in enumerate(tasks, 1):
        document.add_paragraph(f"{i}. {task}")
    document.add_heading("Job context", level=2)
    for paragraph in prose:
        document.add_paragraph(paragraph)
    document.save(str(path))


def write_pdf(n: int, path: Path) -> None:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in as_text(n).splitlines():
        pdf.drawString(40, y, line)
        y -= 14
        if y < 40:
            pdf.showPage()
            y = 800
    pdf.save()


WRITERS: dict[str, Callable[[int, Path], None]] = {
    ".txt": lambda n, p: p.write_text(as_text(n), encoding="utf-8"),
    ".md": lambda n, p: p.write_text(as_markdown(n), encoding="utf-8"),
    ".html": lambda n, p: p.write_text(as_html(n), encoding="utf-8"),
    ".docx": write_docx,
    ".pdf": write_pdf,
}


def bench(suffix: str, count: int, folder: Path) -> tuple[float, int]:
    """Documents per second reading `count` generated documents, and how many read cleanly."""
    paths = []
    for n in range(count):
        path = folder / f"jd-{n}{suffix}"
        WRITERS[suffix](n, path)
        paths.append(path)
    kind = format_for_suffix(suffix) or "text"
    list(read_document(paths[0], kind))  # parsers load on first use: time the steady state
    start = time.perf_counter()
    good = 0
    for path in paths:
        for outcome in read_document(path, kind):
            good += isinstance(outcome, PostRecord) and len(outcome.duties) == TASKS
    elapsed = time.perf_counter() - start
    return count / elapsed, good


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="documents per format")
    parser.add_argument(
        "--against",
        metavar="REV",
        help="also time the reader of git revision REV, in the same run, rounds interleaved",
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds per tree with --against")
    parser.add_argument("--json", action="store_true", help="print one JSON object (child runs)")
    args = parser.parse_args()
    if args.against:
        compare(args.against, args.count, args.rounds)
        return
    with tempfile.TemporaryDirectory() as tmp:
        rates = {suffix: bench(suffix, args.count, Path(tmp)) for suffix in WRITERS}
    if args.json:
        print(json.dumps({suffix: rate for suffix, (rate, _) in rates.items()}))
        return
    for suffix, (rate, good) in rates.items():
        print(f"{suffix:6} {rate:8.1f} documents/s  ({good}/{args.count} read with all tasks)")


def compare(revision: str, count: int, rounds: int) -> None:
    """Documents/s of this tree and of REV, each in a fresh process per round, interleaved so
    that a noisy neighbour slows both alike; medians and the ratio are printed."""
    repo = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        subprocess.run(
            ["git", "-C", str(repo), "worktree", "add", "--detach", str(base), revision],
            check=True,
            capture_output=True,
        )
        try:
            trees = {"this tree": repo, revision: base}
            results: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
            for _ in range(rounds):
                for name, tree in trees.items():
                    results[name].append(_child(tree, count))
        finally:
            subprocess.run(
                ["git", "-C", str(repo), "worktree", "remove", "--force", str(base)],
                check=False,
                capture_output=True,
            )
    print(f"documents/s, median of {rounds} rounds of {count} documents per format")
    print(f"{'format':6} {'this tree':>10} {revision[:12]:>12} {'ratio':>6}")
    for suffix in WRITERS:
        new = statistics.median(r[suffix] for r in results["this tree"])
        old = statistics.median(r[suffix] for r in results[revision])
        print(f"{suffix:6} {new:10.1f} {old:12.1f} {new / old:6.2f}")


def _child(tree: Path, count: int) -> dict[str, float]:
    """One run of this benchmark with the postcheck package of `tree` first on the path."""
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    done = subprocess.run(
        [sys.executable, __file__, "--count", str(count), "--json"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    rates: dict[str, float] = json.loads(done.stdout)
    return rates


if __name__ == "__main__":
    main()
