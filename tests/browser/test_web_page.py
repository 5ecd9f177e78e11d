"""The web page of `postcheck serve`, end to end: the real app served by uvicorn on a free
loopback port, driven in headless Chromium as an HR officer would use it. Each seed is
uploaded and its findings are seen marked on their lines; a finding's panel shows the law,
why and how to fix; the report downloads; a hostile document runs nothing; and nothing is
fetched from anywhere but the local server.

The browser is the system's Chromium, driven by Playwright (as tests/browser/test_audit_html.py
does). Expected values come from the seeds' hand-known findings and from the rule catalogue,
not from the page. Screenshots are left in tests/browser/artifacts/ (web-page.png is the one
for the README)."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, FilePayload, Locator, Page, Request, Route

from postcheck.config import Config, Settings
from postcheck.rules.model import AnyRule
from postcheck.web import create_app
from tests.conftest import INDEPENDENTS, MAYORS, REPO, SEED_DAY, SEED_FINDINGS, bundled_catalogue

ARTIFACTS = Path(__file__).parent / "artifacts"
EXPORT = REPO / "examples" / "establishment" / "establishment.csv"
ATTACK = '<img src=x onerror="alert(1);window.__pwned=1"><script>alert(2)</script>'
HOSTILE = (
    f"Job Title: Clerk {ATTACK}\n"
    "Grade: P04\n"
    f'<p><iframe src="https://example.org/"></iframe>{ATTACK}</p>\n'
    "Main duties\n"
    "1. <svg onload=alert(3)></svg> javascript:alert(4)\n"
)
HOSTILE_HTML = (
    "<!doctype html><html><head><script>alert(5)</script></head><body>"
    "<h1>Job description</h1><p>Job Title: Clerk</p><p>Grade: P04</p>"
    '<img src=x onerror="alert(6)"><iframe src="https://example.org/"></iframe>'
    "<p>&lt;script&gt;alert(8)&lt;/script&gt;</p><script>window.__pwned=9</script>"
    "</body></html>"
)
# each listed finding: its title, the line of its first mark, and the classes of its marks
PLACED = """() => [...document.querySelectorAll('#findings button.entry')].map((entry) => {
  const marks = [...document.querySelectorAll('mark[data-findings]')]
    .filter((m) => m.dataset.findings.split(' ').includes(entry.dataset.finding));
  return [entry.querySelector('.title').textContent,
          marks.length ? Number(marks[0].closest('li').dataset.line) : null,
          marks.map((m) => m.className)];
})"""
WATCH = """
window.__refused = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__refused.push(e.violatedDirective + ' ' + e.blockedURI));
"""


# ---- the server and the browser ------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a free port of 127.0.0.1, served by uvicorn in a thread of this process."""
    uploads = tmp_path_factory.mktemp("uploads")
    app = create_app(Config(Settings(as_of=SEED_DAY)), temp_root=uploads)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="on")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not running.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)
    sock.close()
    assert list(uploads.iterdir()) == []  # nothing uploaded outlived its request


@dataclass
class Visit:
    """The page open in a fresh browser context, and everything it did."""

    page: Page
    base: str
    requests: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)  # requests for anywhere but the server
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def check(self, *paths: Path | FilePayload, text: str = "") -> None:
        """Choose files (and paste text), press Check, wait for the results."""
        page = self.page
        if paths:
            chosen = [p if isinstance(p, dict) else _payload(p) for p in paths]
            page.set_input_files("#files", chosen)
        if text:
            page.fill("#text", text)
        page.click("#check")
        page.wait_for_selector("#results:not([hidden])")

    def mark_of(self, line: int) -> Locator:
        """The marks on a line of the first document."""
        return self.page.locator(
            f'section.document >> nth=0 >> ol.text li[data-line="{line}"] mark'
        )


@pytest.fixture
def visit(browser: Browser, server: str) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    try:
        page = context.new_page()
        seen = Visit(page, server)

        def elsewhere(route: Route) -> None:
            seen.left.append(route.request.url)
            route.abort()

        context.route(re.compile(r"^(?!" + re.escape(server) + r"[/?]|blob:).*"), elsewhere)
        context.add_init_script(WATCH)

        def dialog(d: object) -> None:
            seen.dialogs.append(getattr(d, "message", "?"))
            d.dismiss()  # type: ignore[attr-defined]

        page.on("dialog", dialog)
        page.on("pageerror", lambda error: seen.errors.append(str(error)))

        def request(r: Request) -> None:
            seen.requests.append(r.url)

        page.on("request", request)
        page.goto(server + "/")
        page.wait_for_selector("body[data-ready='yes']")
        yield seen
        assert seen.left == [], seen.left
        assert all(u.startswith((server + "/", f"blob:{server}/")) for u in seen.requests)
        assert seen.dialogs == [] and seen.errors == []
        assert page.evaluate("window.__refused") == []
    finally:
        context.close()


def _payload(path: Path) -> FilePayload:
    return {"name": path.name, "mimeType": "application/octet-stream", "buffer": path.read_bytes()}


def _screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000


def _rules() -> dict[str, AnyRule]:
    return {r.id: r for r in bundled_catalogue().all_rules}


# ---- the tests -------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [MAYORS, INDEPENDENTS], ids=lambda p: p.stem)
def test_an_uploaded_seed_shows_each_finding_marked_on_its_line(visit: Visit, seed: Path) -> None:
    visit.check(seed)
    page = visit.page
    expected = SEED_FINDINGS[seed.name]
    rules = _rules()
    entries = page.locator("#findings button.entry")
    assert entries.count() == len(expected)
    severities = {rule: str(rules[rule].severity.value) for rule in expected}
    for severity in ("error", "warning", "info"):
        count = list(severities.values()).count(severity)
        assert page.locator(f'[data-card="{severity}"] .value').inner_text() == str(count)
    by_title = {rules[rule].title: rule for rule in expected}
    placed = page.evaluate(PLACED)
    assert {by_title[title]: line for title, line, _ in placed} == expected
    for title, _, classes in placed:  # no two findings share words in the seeds
        assert set(classes) == {f"sev-{severities[by_title[title]]}"}, title
    lines = seed.read_text(encoding="utf-8").splitlines()
    assert page.locator("ol.text li").count() == len(lines)
    if seed == MAYORS:
        assert visit.mark_of(7).all_inner_texts() == ["P04", "May 2023"]
        assert page.locator("#verdict").inner_text().startswith("Not ready")
    else:
        assert page.locator("#verdict").inner_text().startswith("No finding at or above")
    _screenshot(page, f"web-{seed.stem}.png")


def test_a_marked_finding_opens_its_panel_with_the_law_why_and_fix(visit: Visit) -> None:
    visit.check(MAYORS)
    page = visit.page
    mark = visit.mark_of(77)
    mark.click()
    panel = page.locator("#panel")
    assert panel.is_visible()
    card = panel.locator("article.finding")
    assert card.count() == 1
    rule = _rules()["mayors-assistant-restriction-citation"]
    assert card.locator("code.rule").inner_text() == rule.id
    assert card.locator("h2.title").inner_text() == rule.title
    assert card.locator(".why").inner_text() == _flat(rule.rationale)
    assert card.locator(".provision a").get_attribute("href") == rule.citations[0].url
    assert "reg 3(6)" in card.locator(".provision").inner_text()
    assert card.locator(".fix").inner_text()
    assert card.locator("blockquote.evidence").inner_text() == (
        "section 2(1) of the Local Government and Housing Act 1989"
    )
    assert "line 77" in card.locator("dd").first.inner_text()
    page.keyboard.press("Escape")
    assert not panel.is_visible()
    # a list entry opens its finding and shows where it is
    page.locator("#findings button.entry", has_text=_rules()["grade-code-typo"].title).click()
    assert panel.locator("code.rule").all_inner_texts() == ["grade-code-typo"]
    assert page.locator("mark.flash").inner_text() == "P04"
    page.evaluate("document.getElementById('results').scrollIntoView()")
    _screenshot(page, "web-page.png")  # the README's picture: summary, marks, list and panel
    # a line with two findings opens both, the worse first
    page.keyboard.press("Escape")
    visit.mark_of(8).first.click()
    assert panel.locator("code.rule").all_inner_texts() == ["fixed-term-ended"]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_report_downloads_in_each_format(visit: Visit, tmp_path: Path) -> None:
    visit.check(MAYORS)
    page = visit.page
    saved = {}
    for fmt in ("json", "html", "xlsx", "sarif"):
        with page.expect_download() as waiting:
            page.click(f'#downloads button[data-format="{fmt}"]')
        download = waiting.value
        assert download.suggested_filename == f"postcheck-report.{fmt}"
        target = tmp_path / download.suggested_filename
        download.save_as(target)
        saved[fmt] = target.read_bytes()
    report = json.loads(saved["json"])
    assert {v["rule_id"]: v["line"] for v in report["violations"]} == SEED_FINDINGS[MAYORS.name]
    assert report["manifest"]["inputs"][0]["path"] == MAYORS.name
    assert saved["xlsx"][:4] == b"PK\x03\x04"
    assert saved["html"].lower().startswith(b"<!doctype html>")
    assert json.loads(saved["sarif"])["version"] == "2.1.0"


def test_several_files_and_pasted_text_in_one_check(visit: Visit) -> None:
    visit.check(MAYORS, INDEPENDENTS, text=INDEPENDENTS.read_text(encoding="utf-8"))
    page = visit.page
    names = page.locator("section.document > h2").all_inner_texts()
    assert names == [MAYORS.name, INDEPENDENTS.name, "pasted.txt"]
    assert page.locator('[data-card="records"] .value').inner_text() == "3"
    expected = len(SEED_FINDINGS[MAYORS.name]) + 2 * len(SEED_FINDINGS[INDEPENDENTS.name])
    assert page.locator("#findings button.entry").count() == expected


def test_an_export_is_shown_as_a_table_of_posts(visit: Visit) -> None:
    visit.check(EXPORT)
    page = visit.page
    rows = page.locator("table.posts tbody tr")
    records = int(page.locator('[data-card="records"] .value').inner_text())
    assert records > 1 and rows.count() == records
    chip = page.locator("table.posts button.chip").first
    rule = chip.inner_text()
    chip.click()
    assert page.locator("#panel code.rule").inner_text() == rule
    _screenshot(page, "web-table.png")


def test_a_hostile_document_is_shown_as_text_and_runs_nothing(visit: Visit, tmp_path: Path) -> None:
    page = visit.page
    as_text: FilePayload = {
        "name": f"{ATTACK}.txt",  # a name is document text too
        "mimeType": "text/plain",
        "buffer": HOSTILE.encode(),
    }
    as_html = tmp_path / "hostile.html"
    as_html.write_text(HOSTILE_HTML, encoding="utf-8")
    visit.check(as_text, as_html, text=HOSTILE)
    documents = page.locator("section.document")
    assert documents.count() == 3
    for n in (0, 2):  # the text file and the pasted text: the payload is shown as text
        shown = documents.nth(n).locator("ol.text").inner_text()
        assert ATTACK in shown and '<iframe src="https://example.org/">' in shown
    html_text = documents.nth(1).locator("ol.text").inner_text()
    assert "<script>alert(8)</script>" in html_text  # escaped in the HTML, text on the page
    documents.first.locator("mark", has_text="<img src=x").first.click()
    message = page.locator("#panel .message").first.inner_text()
    assert "leftover markup" in message and "<img src=x" in message
    made = page.evaluate(
        "['img', 'iframe', 'svg', 'script'].map(t => document.getElementsByTagName(t).length)"
    )
    assert made == [0, 0, 0, 1]  # the one script is the page's own
    assert page.evaluate("typeof window.__pwned") == "undefined"
    names = page.locator("section.document > h2").all_inner_texts()
    assert names[0].endswith(".txt") and "<" not in names[0]  # the name was made safe
    _screenshot(page, "web-hostile.png")


def test_a_refusal_is_shown_in_plain_words(visit: Visit, tmp_path: Path) -> None:
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    page = visit.page
    page.set_input_files("#files", str(picture))
    page.click("#check")
    page.wait_for_selector("#status.error")
    assert page.locator("#status").inner_text().startswith("photo.png: not a format")
    assert page.locator("#results").is_hidden()
    page.locator("#chosen .remove").click()  # taken out again, the page is as it was
    assert page.locator("#chosen li").count() == 0
