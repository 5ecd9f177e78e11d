"""The rule book legal officers review and sign: each provision of the law in plain English
with its address, the rules resting on it, their scenarios with their last test status, and
their sign-off (docs/rule-book.md).

The command line uses:

- `make_book(...)` -> `Book`, then `render_html(book)` -> the HTML text;
- `load_signoffs(path)` and `problems(catalogue, signoffs, at_least)` for `book --check`;
- `sign(path, catalogue, rule_ids, reviewer, note)` for `book sign`.

Every failure to read an input is a `BookError` (a ValueError) naming the file and line.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from postcheck.book.assemble import Book, RuleEntry, Sources, build_book
from postcheck.book.files import BookError
from postcheck.book.html import render_html
from postcheck.book.provisions import Law, bundled_law_file, load_law
from postcheck.book.scenarios import (
    DEFAULT_RESULTS,
    Results,
    RunStatus,
    Scenario,
    bundled_features_dir,
    load_scenarios,
    read_results,
)
from postcheck.book.signoff import (
    Problem,
    Review,
    SignOff,
    SignOffs,
    default_signoff_path,
    load_signoffs,
    problems,
    reviews,
    rule_hash,
    sign,
)
from postcheck.rules.catalogue import SIGNOFF_FILE, Catalogue

__all__ = [
    "DEFAULT_RESULTS",
    "SIGNOFF_FILE",
    "Book",
    "BookError",
    "Law",
    "Problem",
    "Results",
    "Review",
    "RuleEntry",
    "RunStatus",
    "Scenario",
    "SignOff",
    "SignOffs",
    "Sources",
    "build_book",
    "bundled_features_dir",
    "bundled_law_file",
    "default_signoff_path",
    "load_law",
    "load_scenarios",
    "load_signoffs",
    "make_book",
    "problems",
    "read_results",
    "render_html",
    "reviews",
    "rule_hash",
    "sign",
]


def make_book(
    catalogue: Catalogue,
    law_file: Path | None = None,
    features_dir: Path | None = None,
    results_file: Path | None = None,
    signoff_file: Path | None = None,
    as_of: dt.date | None = None,
    generated: dt.datetime | None = None,
) -> Book:
    """The book of a catalogue, every input defaulted: the bundled law file and features, the
    results at .postcheck/scenario-results.json and the sign-off file in the rules folder."""
    law_path = law_file or bundled_law_file()
    features = features_dir or bundled_features_dir()
    results_path = results_file or DEFAULT_RESULTS
    signoff_path = signoff_file or default_signoff_path(catalogue.directory)
    return build_book(
        catalogue,
        load_law(law_path),
        load_scenarios(features),
        read_results(results_path),
        load_signoffs(signoff_path),
        Sources(catalogue.directory, law_path, features, signoff_path),
        as_of or dt.date.today(),
        generated,
    )
