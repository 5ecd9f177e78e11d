"""The web app (postcheck.web) through Starlette's TestClient: the same findings as `postcheck
check`, each placed on its line, the reports, and the defences (CSRF, size, type, time, host,
headers, nothing left on disk). Expected findings come from the library's own `gate.check`
run on the same files, and from rule ids known by hand for the seeds."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from postcheck import gate
from postcheck.config import Config, Settings
from postcheck.limits import Limits
from postcheck.violations import Violation
from postcheck.web import WebLimits, create_app
from postcheck.web.security import CSRF_HEADER, POLICY
from postcheck.web.service import Checker, Upload, safe_name
from postcheck.web.view import Row, placed
from tests.conftest import INDEPENDENTS, MAYORS, REPO, SEED_DAY, SEED_FINDINGS

SAMPLE = REPO / "examples" / "establishment"
BASE = "http://127.0.0.1"


def _config(**settings: Any) -> Config:
    return Config(Settings(**settings))


@contextlib.contextmanager
def _client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url=BASE) as client:
        yield client


@pytest.fixture(scope="module")
def temp_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("uploads")


@pytest.fixture(scope="module")
def client(temp_root: Path) -> Iterator[TestClient]:
    app = create_app(_config(as_of=SEED_DAY), temp_root=temp_root)
    with _client(app) as made:
        yield made


def _token(client: TestClient) -> dict[str, str]:
    body = client.get("/api/token").json()
    assert body["header"] == CSRF_HEADER
    return {CSRF_HEADER: body["token"]}


def _post(
    client: TestClient,
    *files: tuple[str, bytes],
    url: str = "/api/check",
    **fields: str,
) -> Any:
    return client.post(
        url,
        files=[("files", (name, data)) for name, data in files],
        data=fields,
        headers=_token(client),
    )


def _cli_report(paths: list[Path], config: Config, tmp_path: Path) -> dict[str, Any]:
    """What `postcheck check --format json` reports for the files, run from their folder so
    that sources are the bare names the page shows."""
    out = tmp_path / "cli.json"
    with contextlib.chdir(paths[0].parent):
        gate.check(config, tuple(p.name for p in paths), [gate.Output("json", out)], gate.Display())
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


# ---- the same findings as `postcheck check` ---------------------------------------------


@pytest.mark.parametrize("seed", [MAYORS, INDEPENDENTS], ids=lambda p: p.stem)
def test_a_seed_gives_the_findings_check_gives(
    client: TestClient, seed: Path, tmp_path: Path
) -> None:
    response = _post(client, (seed.name, seed.read_bytes()))
    assert response.status_code == 200, response.text
    body = response.json()
    cli = _cli_report([seed], _config(as_of=SEED_DAY), tmp_path)
    assert body["violations"] == cli["violations"]
    assert body["input_errors"] == cli["input_errors"] == []
    assert {v["rule_id"]: v["line"] for v in body["violations"]} == SEED_FINDINGS[seed.name]
    assert body["summary"]["records"] == 1
    assert body["summary"]["exit_status"] == (1 if seed == MAYORS else 0)
    assert body["as_of"] == SEED_DAY.isoformat()
    for v in body["violations"]:  # why and how to fix, from the rule itself
        rule = body["rules"][v["rule_id"]]
        assert len(rule["rationale"]) >= 20 and rule["remediation"]
        assert rule["citations"][0]["url"].startswith("https://")


def test_each_finding_is_placed_on_its_line_with_its_evidence_marked(client: TestClient) -> None:
    body = _post(client, (MAYORS.name, MAYORS.read_bytes())).json()
    (document,) = body["documents"]
    assert document["view"] == "text" and document["unplaced"] == []
    lines = MAYORS.read_text(encoding="utf-8").splitlines()
    assert [r["line"] for r in document["rows"]] == list(range(1, len(lines) + 1))
    # every row's pieces put back together are the file's own line
    assert ["".join(p["text"] for p in r["pieces"]) for r in document["rows"]] == lines
    marked = _marked(body, document)
    rule_of = {i: v["rule_id"] for i, v in enumerate(body["violations"])}
    assert {rule_of[i]: line for i, (line, _) in marked.items()} == SEED_FINDINGS[MAYORS.name]
    by_rule = {rule_of[i]: text for i, (_, text) in marked.items()}
    assert by_rule["grade-code-typo"] == "P04"
    assert by_rule["last-updated-stale"] == "May 2023"
    assert by_rule["mayors-assistant-restriction-citation"] == (
        "section 2(1) of the Local Government and Housing Act 1989"
    )
    assert by_rule["leftover-markup"] == lines[8]  # a whole-field finding marks the line


def _marked(body: dict[str, Any], document: dict[str, Any]) -> dict[int, tuple[int, str]]:
    """Each finding's first marked line, and all the text marked for it."""
    found: dict[int, tuple[int, str]] = {}
    for row in document["rows"]:
        for piece in row["pieces"]:
            for index in piece["findings"]:
                line, text = found.get(index, (row["line"], ""))
                found[index] = (line, text + piece["text"])
    return found


@pytest.mark.parametrize("variant", ["docx", "pdf", "html", "markdown"])
def test_other_formats_of_a_seed_are_read_and_marked_as_check_reads_them(
    client: TestClient, variant: str, tmp_path: Path
) -> None:
    from tests.documents.variants import load, render

    suffix, data = render(load(MAYORS), variant)
    path = tmp_path / f"mayors{suffix}"
    path.write_bytes(data)
    body = _post(client, (path.name, data)).json()
    assert (
        body["violations"] == _cli_report([path], _config(as_of=SEED_DAY), tmp_path)["violations"]
    )
    (document,) = body["documents"]
    assert document["view"] == "text" and document["unplaced"] == []
    assert set(_marked(body, document)) == set(range(len(body["violations"])))


def test_text_sent_as_json_is_judged_like_the_file(client: TestClient) -> None:
    response = client.post(
        "/api/check",
        json={"text": MAYORS.read_text(encoding="utf-8"), "name": MAYORS.name},
        headers=_token(client),
    )
    assert response.status_code == 200, response.text
    uploaded = _post(client, (MAYORS.name, MAYORS.read_bytes())).json()
    assert response.json()["violations"] == uploaded["violations"]


def test_pasted_text_and_several_files_in_one_request(client: TestClient) -> None:
    body = _post(
        client,
        (MAYORS.name, MAYORS.read_bytes()),
        (MAYORS.name, MAYORS.read_bytes()),
        text=INDEPENDENTS.read_text(encoding="utf-8"),
    ).json()
    names = [d["name"] for d in body["documents"]]
    assert names == [MAYORS.name, "newham-mayors-assistant (2).txt", "pasted.txt"]
    assert body["summary"]["records"] == 3
    counts = [len(d["findings"]) for d in body["documents"]]
    assert counts == [len(SEED_FINDINGS[MAYORS.name])] * 2 + [len(SEED_FINDINGS[INDEPENDENTS.name])]


def test_an_export_is_a_table_of_posts_with_the_cli_findings(tmp_path: Path) -> None:
    config = _config(
        as_of=dt.date(2026, 11, 23),
        columns=SAMPLE / "columns.yaml",
        authorities=[SAMPLE / "authorities"],
    )
    export = SAMPLE / "establishment.csv"
    with _client(create_app(config)) as client:
        body = _post(client, (export.name, export.read_bytes())).json()
    cli = _cli_report([export], config, tmp_path)
    assert body["violations"] == cli["violations"]
    assert len(body["violations"]) == 7  # the sample's planted findings
    (document,) = body["documents"]
    assert document["view"] == "table"
    assert len(document["posts"]) == cli["summary"]["records"]
    per_post = {i for post in document["posts"] for i in post["findings"]}
    across = set(body["across_records"])
    assert per_post | across == set(range(7)) and not per_post & across
    rules = {body["violations"][i]["rule_id"] for i in across}
    assert "s9-posts-over-three" in rules and "mayors-assistants-over-one" in rules


def test_a_chosen_council_is_forced_as_authority_file_is(tmp_path: Path) -> None:
    newham = REPO / "rules" / "authorities" / "newham.yaml"
    text = MAYORS.read_text(encoding="utf-8").replace("Newham", "Loamshire")
    path = tmp_path / "renamed.txt"
    path.write_text(text, encoding="utf-8")
    with _client(create_app(_config(as_of=SEED_DAY))) as client:
        options = client.get("/api/options").json()
        values = [c["value"] for c in options["councils"]]
        assert values[0] == "auto" and "London Borough of Newham" in values
        chosen = _post(client, (path.name, path.read_bytes()), council="London Borough of Newham")
        automatic = _post(client, (path.name, path.read_bytes()))
        unknown = _post(client, (path.name, path.read_bytes()), council="Atlantis")
    forced = _cli_report([path], _config(as_of=SEED_DAY, authority=newham), tmp_path)
    assert chosen.json()["violations"] == forced["violations"]
    assert chosen.json()["council"] == "London Borough of Newham"
    unmatched = automatic.json()["summary"]["unmatched_authorities"]
    assert [u["name"] for u in unmatched] == ["London Borough of Loamshire"]
    assert unknown.status_code == 422 and "'Atlantis' is not a known council" in unknown.text


def test_the_as_of_day_changes_what_is_judged(client: TestClient) -> None:
    before = _post(client, (MAYORS.name, MAYORS.read_bytes()), as_of="2025-06-01").json()
    assert before["as_of"] == "2025-06-01"
    assert "fixed-term-ended" not in {v["rule_id"] for v in before["violations"]}
    bad = _post(client, (MAYORS.name, MAYORS.read_bytes()), as_of="2026-13-01")
    assert bad.status_code == 422 and "'2026-13-01' is not a real date" in bad.text


def test_an_unreadable_document_is_an_input_error_named_as_uploaded(client: TestClient) -> None:
    body = _post(client, ("broken.pdf", b"%PDF-1.4 not really"), (MAYORS.name, MAYORS.read_bytes()))
    body = body.json()
    (error,) = body["input_errors"]
    assert error["file"] == "broken.pdf" and "postcheck-upload" not in json.dumps(body)
    assert body["summary"]["exit_status"] == 2
    assert body["documents"][0]["view"] == "none" and body["documents"][0]["input_errors"] == [0]


# ---- reports ------------------------------------------------------------------------------


def test_reports_download_in_each_format(client: TestClient, tmp_path: Path) -> None:
    seed = (MAYORS.name, MAYORS.read_bytes())
    got = {
        f: _post(client, seed, url=f"/api/report?format={f}")
        for f in ("html", "xlsx", "json", "sarif")
    }
    for fmt, response in got.items():
        assert response.status_code == 200, fmt
        assert f'filename="postcheck-report.{fmt}"' in response.headers["content-disposition"]
    cli = _cli_report([MAYORS], _config(as_of=SEED_DAY), tmp_path)
    report = got["json"].json()
    assert report["violations"] == cli["violations"]
    assert report["manifest"]["inputs"] == [
        {"path": MAYORS.name, "sha256": cli["manifest"]["inputs"][0]["sha256"]}
    ]
    sarif = got["sarif"].json()
    assert sarif["version"] == "2.1.0"
    assert len(sarif["runs"][0]["results"]) == len(SEED_FINDINGS[MAYORS.name])
    workbook = openpyxl.load_workbook(io.BytesIO(got["xlsx"].content), read_only=True)
    assert "Findings" in workbook.sheetnames
    rows = list(workbook["Findings"].iter_rows(values_only=True))
    assert len(rows) - 1 == len(SEED_FINDINGS[MAYORS.name])
    html = got["html"].text
    assert html.lower().startswith("<!doctype html>") and "Content-Security-Policy" in html
    assert got["html"].headers["content-type"].startswith("text/html")
    bad = _post(client, seed, url="/api/report?format=exe")
    assert bad.status_code == 422


# ---- defences -------------------------------------------------------------------------------


def test_a_post_without_the_token_is_refused(client: TestClient) -> None:
    files = [("files", (MAYORS.name, MAYORS.read_bytes()))]
    client.get("/")  # the session cookie is set
    token = _token(client)
    assert client.post("/api/check", files=files).status_code == 403
    wrong = {CSRF_HEADER: "0" * 64}
    assert client.post("/api/check", files=files, headers=wrong).status_code == 403
    cross = {**token, "Origin": "https://evil.example"}
    refused = client.post("/api/check", files=files, headers=cross)
    assert refused.status_code == 403 and "another origin" in refused.text
    site = {**token, "Sec-Fetch-Site": "cross-site"}
    assert client.post("/api/check", files=files, headers=site).status_code == 403
    same = {**token, "Origin": BASE, "Sec-Fetch-Site": "same-origin"}
    assert client.post("/api/check", files=files, headers=same).status_code == 200
    cookies = dict(client.cookies)
    client.cookies.clear()
    try:  # the token alone, without the cookie it is bound to
        assert client.post("/api/check", files=files, headers=token).status_code == 403
    finally:
        client.cookies.update(cookies)


def test_the_token_is_in_the_page_and_bound_to_its_cookie(client: TestClient) -> None:
    page = client.get("/")
    assert (
        "HttpOnly" in page.headers["set-cookie"] and "SameSite=strict" in page.headers["set-cookie"]
    )
    token = re.search(r'<meta name="csrf-token" content="([0-9a-f]{64})">', page.text)
    assert token is not None
    files = [("files", (MAYORS.name, MAYORS.read_bytes()))]
    ok = client.post("/api/check", files=files, headers={CSRF_HEADER: token[1]})
    assert ok.status_code == 200


def test_a_request_for_another_host_is_refused(client: TestClient) -> None:
    response = client.get("/", headers={"Host": "rebound.example:8000"})
    assert response.status_code == 400 and "rebound.example" in response.text
    assert client.get("/", headers={"Host": "localhost:8000"}).status_code == 200


def test_a_file_over_the_limit_is_refused_with_413(temp_root: Path) -> None:
    config = _config(as_of=SEED_DAY, limits=Limits(file_bytes=2_000))
    app = create_app(config, temp_root=temp_root, web_limits=WebLimits(request_bytes=20_000))
    with _client(app) as client:
        big = _post(client, (MAYORS.name, MAYORS.read_bytes()))
        assert big.status_code == 413
        assert big.json()["detail"].startswith(f"{MAYORS.name}: ")
        assert "the limit for one file is 2,000 bytes" in big.json()["detail"]
        text = client.post("/api/check", json={"text": "x" * 2_001}, headers=_token(client))
        assert text.status_code == 413 and "pasted.txt" in text.text
        many = _post(client, *[(f"{n}.txt", b"Job Title: Clerk\n" * 100) for n in range(15)])
        assert many.status_code == 413
        assert "the limit for one request is 20,000 bytes" in many.json()["detail"]
        chunked = client.post(
            "/api/check",
            content=iter([b"{" + b" " * 15_000, b" " * 15_000 + b"}"]),
            headers={**_token(client), "content-type": "application/json"},
        )
        assert chunked.status_code == 413
    assert list(temp_root.iterdir()) == []


def test_too_many_files_are_refused(temp_root: Path) -> None:
    app = create_app(_config(as_of=SEED_DAY), temp_root=temp_root, web_limits=WebLimits(files=3))
    with _client(app) as client:
        refused = _post(client, *[(f"{n}.txt", b"Job Title: Clerk\n") for n in range(4)])
        assert refused.status_code == 400 and "Maximum number of files is 3" in refused.text
        assert _post(client, *[(f"{n}.txt", b"Job Title: Clerk\n") for n in range(3)]).is_success
    assert list(temp_root.iterdir()) == []


def test_checks_from_several_threads_give_what_one_thread_gives(tmp_path: Path) -> None:
    checker = Checker(_config(as_of=SEED_DAY))
    seeds = [MAYORS, INDEPENDENTS] * 4

    def one(number: int) -> list[tuple[str, int | None, str]]:
        folder = tmp_path / str(number)
        folder.mkdir()
        seed = seeds[number]
        done = checker.check([Upload(seed.name, seed.read_bytes())], "auto", SEED_DAY, folder)
        return [(v.rule_id, v.line, v.fingerprint) for v in done.violations]

    alone = [one(n) for n in range(2)]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(one, range(2, len(seeds))))
    assert together == alone * 3


def test_a_file_of_an_unknown_type_is_refused_with_415(client: TestClient, temp_root: Path) -> None:
    png = _post(client, ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100))
    assert png.status_code == 415
    assert png.json()["detail"].startswith("photo.png: not a format postcheck reads")
    assert _post(client, ("setup.exe", b"MZ\x90\x00")).status_code == 415
    wrong = client.post(
        "/api/check", content=b"hello", headers={**_token(client), "content-type": "text/plain"}
    )
    assert wrong.status_code == 415
    empty = client.post("/api/check", data={"council": "auto"}, headers=_token(client))
    assert empty.status_code == 422 and "nothing to check" in empty.text
    assert list(temp_root.iterdir()) == []


def test_a_check_past_the_time_limit_is_refused_and_leaves_nothing(tmp_path: Path) -> None:
    config = _config(as_of=SEED_DAY, limits=Limits(document_seconds=0.001))
    with _client(create_app(config, temp_root=tmp_path)) as client:
        response = _post(client, (MAYORS.name, MAYORS.read_bytes()))
    assert response.status_code == 504 and "longer than 0.001 s" in response.text
    assert list(tmp_path.iterdir()) == []


def test_nothing_uploaded_is_left_after_the_response(client: TestClient, temp_root: Path) -> None:
    made: list[Path] = []
    original = Path.write_bytes

    def recording(path: Path, data: bytes) -> int:
        made.append(path)
        return original(path, data)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Path, "write_bytes", recording)
        assert _post(client, (MAYORS.name, MAYORS.read_bytes())).status_code == 200
    assert made and all(temp_root in p.parents for p in made)  # written where it was told
    assert not any(p.exists() for p in made)
    assert list(temp_root.iterdir()) == []


def test_security_headers_are_on_every_response(client: TestClient) -> None:
    responses = [
        client.get("/"),
        client.get("/assets/app.js"),
        client.get("/api/options"),
        client.get("/openapi.json"),
        client.post("/api/check"),  # refused: no token
        client.get("/nowhere"),
    ]
    for response in responses:
        headers = response.headers
        assert headers["content-security-policy"] == POLICY
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in POLICY and "script-src 'self'" in POLICY
    assert "unsafe" not in POLICY and "http" not in POLICY


class _Markup(HTMLParser):
    """What a page's markup asks of the browser: addresses it loads, and anything inline."""

    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []
        self.inline: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "style" or (tag == "script" and not named.get("src")):
            self.inline.append(tag)
        self.inline += [f"{tag} {k}" for k in named if k.startswith("on") or k == "style"]
        self.addresses += [v for k, v in named.items() if k in ("src", "href") and v]


def test_the_page_loads_only_its_own_files(client: TestClient) -> None:
    markup = _Markup()
    markup.feed(client.get("/").text)
    assert markup.inline == []
    sources = markup.addresses
    assert len(sources) == 4 and all(s.startswith("/") for s in sources), sources
    for source in sources:
        assert client.get(source).status_code == 200, source
    script = client.get("/assets/app.js").text
    assert "innerHTML" not in script and "eval(" not in script


def test_the_api_is_described_and_the_cdn_docs_are_off(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    body = spec["paths"]["/api/check"]["post"]["requestBody"]["content"]
    assert set(body) == {"multipart/form-data", "application/json"}
    assert "/api/report" in spec["paths"] and "/api/options" in spec["paths"]
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


# ---- pieces -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\hr\\Draft JD.docx", "Draft JD.docx"),
        ('a<b>"c".txt', "a_b_c_.txt"),
        (".hidden.txt", "hidden.txt"),
        ("", "upload"),
        (None, "upload"),
        ("x" * 300 + ".pdf", "x" * 116 + ".pdf"),
    ],
)
def test_upload_names_are_made_safe(given: str | None, expected: str) -> None:
    assert safe_name(given, set()) == expected


def test_a_repeated_upload_name_is_numbered() -> None:
    taken: set[str] = set()
    assert [safe_name("a.txt", taken) for _ in range(3)] == ["a.txt", "a (2).txt", "a (3).txt"]


def _violation(line: int | None, evidence: str = "", page: int | None = None) -> Violation:
    return Violation(
        "r",
        "warning",
        "hygiene",
        "t",
        "m",
        "c",
        "u",
        "f",
        "x",
        "doc.txt",
        0,
        line,
        None,
        "p",
        page=page,
        evidence=evidence,
    )


def test_overlapping_findings_cut_a_line_into_pieces() -> None:
    rows = [Row(1, None, "Grade: P04 from May 2023"), Row(2, None, "wrapped on", joins=True)]
    found = [_violation(1, "P04 from"), _violation(1, "from May"), _violation(1), _violation(9)]
    pieces, placed_ = placed(rows, found, "doc.txt")
    assert placed_ == {0, 1, 2}
    assert [(p.text, p.findings) for p in pieces[0]] == [
        ("Grade: ", (2,)),
        ("P04 ", (0, 2)),
        ("from", (0, 1, 2)),
        (" May", (1, 2)),
        (" 2023", (2,)),
    ]
    assert [(p.text, p.findings) for p in pieces[1]] == [("wrapped on", (2,))]
    elsewhere = placed(rows, [_violation(1, "P04")], "other.txt")
    assert elsewhere[1] == set()


def test_a_page_picks_the_line_of_that_page() -> None:
    rows = [Row(3, 1, "first page"), Row(3, 2, "second page")]
    pieces, _ = placed(rows, [_violation(3, "page", page=2)], "doc.txt")
    assert [p.findings for p in pieces[0]] == [()]
    assert [(p.text, p.findings) for p in pieces[1]] == [("second ", ()), ("page", (0,))]
