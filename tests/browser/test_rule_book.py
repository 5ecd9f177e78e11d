"""The rule book of the bundled rules, end to end in headless Chromium: written from the real
rules, law file and features, with a test run's results and a sign-off file, opened from disk
and read as a reviewer would. Every rule and every scenario appears; every provision in the
matrix has its address; it fetches nothing and runs nothing; printed, each area starts a page.

The browser is the system's Chromium, launched as tests/browser/test_audit_html.py does; with
no Chromium the test fails, saying so. A screenshot is left in tests/browser/artifacts/."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from postcheck.book import Book, load_scenarios, make_book, render_html, sign
from tests.conftest import REPO, bundled_catalogue

ARTIFACTS = Path(__file__).parent / "artifacts"
DAY = dt.date(2026, 1, 5)
PASSED = "A mayor's assistant's term ended with the mayor's term in May 2026"
FAILED = "The same term judged before it ended"
WATCH_POLICY = """
window.__refused = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__refused.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def _results(path: Path) -> Path:
    """A test run's cucumber JSON, as pytest-bdd writes it: one scenario passed, one failed."""

    def element(name: str, status: str) -> dict[str, object]:
        return {
            "keyword": "Scenario",
            "name": name,
            "line": 1,
            "type": "scenario",
            "steps": [
                {"keyword": "Given", "name": "a post", "result": {"status": "passed"}},
                {"keyword": "Then", "name": "it breaches", "result": {"status": status}},
            ],
        }

    feature = {
        "uri": "features/appointment-terms.feature",
        "name": "Appointment terms",
        "elements": [element(PASSED, "passed"), element(FAILED, "failed")],
    }
    path.write_text(json.dumps([feature]), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Book]:
    folder = tmp_path_factory.mktemp("rule-book")
    catalogue = bundled_catalogue()
    signoff = folder / "signoff.yaml"
    sign(signoff, catalogue, ["s9-posts-over-three", "fixed-term-ended"], "J. Okafor", "", DAY)
    # fixed-term-ended was signed in an earlier version: its hash no longer matches
    text = signoff.read_text(encoding="utf-8")
    stale = re.sub(r"(rule: fixed-term-ended\n  hash: sha256:)[0-9a-f]{4}", r"\g<1>0000", text)
    assert stale != text
    signoff.write_text(stale, encoding="utf-8")
    made = make_book(
        catalogue,
        law_file=REPO / "law" / "provisions.yaml",
        features_dir=REPO / "features",
        results_file=_results(folder / "results.json"),
        signoff_file=signoff,
        as_of=DAY,
    )
    path = folder / "book.html"
    path.write_text(render_html(made), encoding="ascii")
    return path, made


@pytest.fixture(scope="module")
def opened(browser: Browser, book: tuple[Path, Book]) -> Iterator[Page]:
    """The book open in a fresh context; on leaving, it must have fetched nothing but itself,
    been refused nothing and raised nothing."""
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    context.route(re.compile(r"^(https?|wss?|ftp)://"), lambda route: route.abort())
    context.add_init_script(WATCH_POLICY)
    page = context.new_page()
    url = book[0].as_uri()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    yield page
    assert requests == [url]
    assert page.evaluate("window.__refused") == []
    assert errors == []
    context.close()


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_every_rule_appears_once_in_full(opened: Page) -> None:
    shown = opened.evaluate(
        """() => [...document.querySelectorAll('article.rule')].map(a => ({
             id: a.id,
             code: a.querySelector('h4 code.rule-id').innerText,
             why: a.querySelector('p.why').innerText,
             addresses: [...a.querySelectorAll('ul.citations a.addr')].map(l => l.innerText),
           }))"""
    )
    rules = bundled_catalogue().all_rules
    assert sorted(a["id"] for a in shown) == sorted(f"rule-{r.id}" for r in rules)
    by_id = {a["code"]: a for a in shown}
    for rule in rules:
        assert _flat(by_id[rule.id]["why"]) == _flat(rule.rationale), rule.id
        assert by_id[rule.id]["addresses"] == [c.url for c in rule.citations], rule.id


def test_every_scenario_appears(opened: Page) -> None:
    text = _flat(opened.locator("main").inner_text())
    names = [s.name for s in load_scenarios(REPO / "features")]
    assert len(names) >= 200
    missing = [n for n in names if _flat(n) not in text]
    assert missing == []


def test_the_matrix_has_an_address_for_every_provision(
    opened: Page, book: tuple[Path, Book]
) -> None:
    rows = opened.evaluate(
        """() => [...document.querySelectorAll('#matrix td.provision-cell')].map(cell => {
             const link = cell.parentElement.querySelector('td.address-cell a');
             return [cell.innerText, link ? link.getAttribute('href') : null,
                     link ? link.innerText : null];
           })"""
    )
    for label, href, shown in rows:
        assert href is not None and href.startswith("https://"), label
        assert shown == href, label
    # every provision of the law file, with its own address; then the citations outside it
    expected = [[f"{p.cited}: {p.title}", p.address] for _, p in book[1].law.provisions()]
    outside = [[row.label, row.address] for row in book[1].matrix if row.provision is None]
    assert [[label, href] for label, href, _ in rows] == expected + outside


def test_statuses_and_sign_off_are_shown(opened: Page) -> None:
    badges = opened.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll(
             '#rule-fixed-term-ended div.scenario')].map(s => [
               s.querySelector('h6').firstChild.textContent.trim(),
               s.querySelector('h6 .badge').innerText]))"""
    )
    assert badges[PASSED].startswith("pass · ")
    assert badges[FAILED].startswith("fail · ")
    assert "failed at: Then it breaches" in badges[FAILED]
    assert badges["A political assistant's term ended at the annual meeting in May 2026"] == (
        "not run"
    )
    review = opened.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('#signoff tbody tr')]
             .map(r => [r.dataset.rule, r.dataset.review]))"""
    )
    assert review["s9-posts-over-three"] == "signed"
    assert review["fixed-term-ended"] == "changed since sign-off"
    assert review["grade-code-typo"] == "never reviewed"
    uncovered = opened.locator("#uncovered tbody tr").all_inner_texts()
    assert any(row.startswith("LGHA 1989, s.2(1)(a)") for row in uncovered)


def test_printed_each_area_starts_a_page(opened: Page, tmp_path: Path) -> None:
    _screenshot(opened, tmp_path / "rule-book.png")
    opened.emulate_media(media="print")
    breaks = opened.evaluate(
        "[...document.querySelectorAll('section.area')].map(s => getComputedStyle(s).breakBefore)"
    )
    assert breaks and set(breaks) == {"page"}
    opened.emulate_media(media="screen")


def _screenshot(page: Page, path: Path) -> None:
    """The cover and the first rules, kept in tests/browser/artifacts/ (ignored by git)."""
    page.evaluate("document.getElementById('rule-fixed-term-ended').scrollIntoView()")
    page.screenshot(path=str(path), full_page=False)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copyfile(path, ARTIFACTS / path.name)
