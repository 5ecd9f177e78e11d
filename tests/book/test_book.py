"""The book of the bundled rules as data and as HTML: every rule placed, every provision in
the matrix with its address, the provisions no rule covers, and every text escaped."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from postcheck.book import Book, make_book, render_html, sign
from postcheck.rules.catalogue import bundled_rules_dir, load_catalogue
from tests.conftest import REPO, bundled_catalogue

DAY = dt.date(2026, 1, 5)
LAW_FILE = REPO / "law" / "provisions.yaml"
FEATURES = REPO / "features"
GENERATED = dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Book:
    folder = tmp_path_factory.mktemp("book")
    return make_book(
        bundled_catalogue(),
        law_file=LAW_FILE,
        features_dir=FEATURES,
        results_file=folder / "no-results.json",
        signoff_file=folder / "signoff.yaml",
        as_of=DAY,
        generated=GENERATED,
    )


@pytest.fixture(scope="module")
def page(book: Book) -> str:
    return render_html(book)


class _Elements(HTMLParser):
    """Every element's tag and attributes, and the text, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parsed(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    return parser


def test_every_rule_is_set_out_once_and_referred_to_elsewhere(book: Book, page: str) -> None:
    rules = bundled_catalogue().all_rules
    assert list(book.rules) == [r.id for r in rules]
    articles = [a.get("id") for t, a in _parsed(page).elements if t == "article"]
    assert sorted(articles) == sorted(f"rule-{r.id}" for r in rules)
    for section in book.areas:
        homed = [i for p in section.provisions for i in p.rules] + list(section.outside)
        assert sorted(homed) == sorted(r.id for r in rules if r.area is section.area)


def test_the_matrix_has_every_provision_and_each_its_address(book: Book) -> None:
    provisions = [p for _, p in book.law.provisions()]
    rows = [row for row in book.matrix if row.provision is not None]
    assert [row.provision.id for row in rows if row.provision] == [p.id for p in provisions]
    assert all(row.address.startswith("https://") for row in book.matrix)
    outside = [row for row in book.matrix if row.provision is None]
    assert {r for row in outside for r in row.rules} >= {"fixed-term-lapsed", "title-grades-differ"}


def test_provisions_no_rule_covers_are_listed(book: Book) -> None:
    uncovered = {p.id for _, p in book.uncovered}
    assert {"lgha-1989-s2-1-a", "lgha-1989-s9-11", "si-2002-975-reg3-5"} <= uncovered
    # covered by a citation, or through a dated value a rule uses (the 1995 Order)
    assert not {"lgha-1989-s2-1-f", "lgha-1989-s9-2-c", "si-1995-2456-art2"} & uncovered
    covered = {p.id for entry in book.rules.values() for p in entry.provisions}
    assert uncovered == {p.id for _, p in book.law.provisions()} - covered


def test_rules_on_uncertain_law_say_what_would_confirm_them(book: Book) -> None:
    pay = book.rules["assistant-pay-at-or-above-cap"]
    assert pay.rests_on_uncertain_law
    assert "remuneration-order-2021" in {p.id for p in pay.uncertain_provisions}
    shaky = {r.id for r in book.uncertain}
    assert "s9-group-below-one-tenth" in shaky and "s9-posts-over-three" not in shaky
    assert all(
        r.rule.certainty.value in ("unconfirmed", "inference") or r.uncertain_provisions
        for r in book.uncertain
    )


def test_each_rules_values_and_scenarios_are_in_its_entry(book: Book) -> None:
    pay = book.rules["assistant-pay-at-or-above-cap"]
    (cap,) = pay.parameters
    assert cap.name == "s9_relevant_amount" and cap.in_force is not None
    assert cap.in_force.value == 49282  # 2025/26, in force on 5 January 2026
    assert len(pay.scenarios) >= 5
    assert all(s.status.status.value == "not run" for s in pay.scenarios)
    assert book.results.missing is not None and "no results file" in book.results.missing


def test_the_page_is_self_contained_ascii_under_a_strict_policy(page: str) -> None:
    page.encode("ascii")
    parsed = _parsed(page)
    tags = {t for t, _ in parsed.elements}
    assert not tags & {"script", "img", "iframe", "link", "object", "embed", "form"}
    (policy,) = [
        a["content"]
        for t, a in parsed.elements
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert policy is not None and policy.startswith("default-src 'none'; style-src 'sha256-")
    assert "script-src 'none'" in policy
    for _, attrs in parsed.elements:
        assert "src" not in attrs and "style" not in attrs
        href = attrs.get("href")
        assert href is None or href.startswith(("#", "https://", "http://")), href


def test_every_text_is_escaped(tmp_path: Path) -> None:
    """A rule file is not written by the reviewer reading the book: its text stays text."""
    rules = tmp_path / "rules"
    shutil.copytree(bundled_rules_dir(), rules)
    (path,) = rules.glob("*/fixed-term-ended.yaml")
    attack = "</style><script>alert(1)</script><img src=x onerror=alert(2)>"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "title: A political or mayor's assistant's fixed term has already ended",
        f'title: "Ended {attack}"',
    )
    text = text.replace("remediation: >-\n", f"remediation: >-\n  {attack.replace(':', ' ')}\n", 1)
    path.write_text(text, encoding="utf-8")
    catalogue = load_catalogue(rules)
    signoff = tmp_path / "signoff.yaml"
    sign(signoff, catalogue, ["fixed-term-ended"], "J. <b>O</b>", attack, DAY)
    page = render_html(
        make_book(
            catalogue,
            law_file=LAW_FILE,
            features_dir=FEATURES,
            results_file=tmp_path / "r.json",
            signoff_file=signoff,
            as_of=DAY,
        )
    )
    parsed = _parsed(page)
    assert not {t for t, _ in parsed.elements} & {"script", "img", "b"}
    assert page.count("<style>") == 1 and page.count("</style>") == 1
    text = "".join(parsed.text)
    assert f"Ended {attack}" in text and "J. <b>O</b>" in text


def test_the_same_inputs_give_the_same_page(book: Book, page: str) -> None:
    assert render_html(book) == page
    assert re.search(r"generated 2026-01-05 09:30 UTC", page)
