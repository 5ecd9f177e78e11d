"""The web app: a page for people who write job descriptions, and a JSON API beside it.

`create_app(config)` makes the rules, authorities and engine ready once (service.Checker) and
serves:
- `GET /`: the page (assets/index.html); it sets the session cookie and carries the CSRF token.
- `GET /api/options`, `GET /api/token`: the choices the page offers; a token for API clients.
- `POST /api/check`: files (multipart/form-data) or text (application/json) in, findings out.
- `POST /api/report?format=html|xlsx|json|sarif`: the same input, the report file back.
- `GET /openapi.json`: the API's description. FastAPI's /docs page is off: it loads its
  script from a CDN, and this app fetches nothing from anywhere.

Nothing uploaded outlives its request: files are written to a private temporary folder
(mode 0700) that is deleted before the response is sent, timed out or not. A request may take
`limits.document_seconds` per file; checks run in worker threads, at most `workers` at once.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any, Literal, TypeVar

import anyio
import jinja2
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from postcheck import __version__, limits
from postcheck.check import RecordResult
from postcheck.config import Config
from postcheck.record.outcome import InputError
from postcheck.web import models
from postcheck.web.security import (
    CSRF_COOKIE,
    CSRF_HEADER,
    BodyLimit,
    CsrfCheck,
    HostCheck,
    SecurityHeaders,
    Tokens,
)
from postcheck.web.service import (
    AUTO,
    REPORT_FORMATS,
    Checked,
    Checker,
    Document,
    RefusedError,
    Upload,
    safe_name,
)
from postcheck.web.view import placed

T = TypeVar("T")
ACCEPTED = (".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".csv", ".xlsx")
LOOPBACK = ("127.0.0.1", "localhost", "::1")
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
    "sarif": "application/sarif+json",
}
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_FIELDS = 8  # form fields besides the files: council, as_of, text


@dataclass(frozen=True)
class WebLimits:
    """Bounds of the web layer, beside the run's own (limits.py): the bytes of one request
    (None: room for files of `limits.file_bytes`, at least 50 MB), the files in one request,
    and the checks that run at once."""

    request_bytes: int | None = None
    files: int = 20
    workers: int = 2

    def request_cap(self, file_bytes: int) -> int:
        return self.request_bytes or max(50_000_000, file_bytes + 1_048_576)


@dataclass(frozen=True)
class _Inputs:
    uploads: list[Upload]
    council: str
    day: dt.date


def create_app(
    config: Config | None = None,
    *,
    host: str = "127.0.0.1",
    web_limits: WebLimits | None = None,
    temp_root: Path | None = None,
) -> FastAPI:
    """The app for one configuration. Rules, authorities and the column map load here, so a
    broken file stops the server before it listens (ValueError naming the file)."""
    config = config or Config()
    bounds = web_limits or WebLimits()
    run_limits = config.settings.limits
    request_cap = bounds.request_cap(run_limits.file_bytes)
    checker = Checker(config)
    tokens = Tokens()
    limiter = anyio.CapacityLimiter(bounds.workers)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with limits.use(run_limits):  # the readers' bounds for the server's lifetime
            yield

    app = FastAPI(
        title="postcheck",
        version=__version__,
        description="Checks UK local-authority job descriptions and post records against the "
        f"statutes that govern them. Every POST needs the {CSRF_HEADER} header and the session "
        "cookie from GET /api/token.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    page = _template()

    @app.exception_handler(RefusedError)
    async def refused(request: Request, error: RefusedError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=error.status)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> HTMLResponse:
        session = _session(request)
        html = page.render(
            token=tokens.token_for(session),
            councils=checker.councils(),
            as_of=checker.default_day().isoformat(),
            accepted=",".join(ACCEPTED),
            file_megabytes=f"{run_limits.file_bytes / 1_000_000:g}",
            version=__version__,
        )
        return _with_session(HTMLResponse(html), session)

    @app.get("/api/token", response_model=models.Token)
    def token(request: Request) -> JSONResponse:
        """A CSRF token and the session cookie it is bound to: send both with every POST."""
        session = _session(request)
        body = models.Token(token=tokens.token_for(session), header=CSRF_HEADER)
        return _with_session(JSONResponse(body.model_dump()), session)

    @app.get("/api/options", response_model=models.Options)
    def options() -> models.Options:
        """The councils to choose from, the default day, report formats and limits."""
        return models.Options(
            councils=[models.Council(value=c.value, label=c.label) for c in checker.councils()],
            as_of=checker.default_day(),
            report_formats=list(REPORT_FORMATS),
            accepted=list(ACCEPTED),
            file_bytes=run_limits.file_bytes,
            request_bytes=request_cap,
            files=bounds.files,
        )

    async def checked(request: Request, then: Callable[[Checked], T]) -> T:
        inputs = await _read_inputs(request, checker, run_limits.file_bytes, bounds.files)
        seconds = run_limits.document_seconds * max(1, len(inputs.uploads))

        def work(workdir: Path) -> T:
            return then(checker.check(inputs.uploads, inputs.council, inputs.day, workdir))

        with _private_folder(temp_root) as workdir:
            try:
                with anyio.fail_after(seconds):
                    return await anyio.to_thread.run_sync(
                        partial(work, workdir), abandon_on_cancel=True, limiter=limiter
                    )
            except TimeoutError:
                raise HTTPException(
                    504, f"checking took longer than {seconds:g} s (the limit per file)"
                ) from None

    @app.post("/api/check", response_model=models.CheckResponse, openapi_extra=_REQUEST_BODY)
    async def check(request: Request) -> models.CheckResponse:
        """Check job descriptions or exports: the findings `postcheck check` gives for them,
        and each document's lines with its findings placed on them."""
        return await checked(request, partial(_response, checker))

    @app.post(
        "/api/report",
        response_class=Response,
        openapi_extra=_REQUEST_BODY,
        responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}}},
    )
    async def report(
        request: Request,
        report_format: Literal["html", "xlsx", "json", "sarif"] = Query("html", alias="format"),
    ) -> Response:
        """The same input as /api/check; the report file in one of the command line's formats."""
        data = await checked(request, lambda done: checker.report(done, report_format))
        name = f"postcheck-report.{report_format}"
        return Response(
            data,
            media_type=MEDIA_TYPES[report_format],
            headers={"content-disposition": f'attachment; filename="{name}"'},
        )

    assets = resources.files("postcheck.web") / "assets"
    app.mount("/assets", StaticFiles(directory=str(assets)), name="assets")
    hosts = ["*"] if host in ("0.0.0.0", "::", "") else [host, *LOOPBACK]
    app.add_middleware(BodyLimit, limit=request_cap)
    app.add_middleware(CsrfCheck, tokens=tokens)
    app.add_middleware(HostCheck, hosts=hosts)
    app.add_middleware(SecurityHeaders)
    return app


def _template() -> jinja2.Template:
    """The page, autoescaped: every value put in it is HTML-escaped."""
    source = (resources.files("postcheck.web") / "assets" / "index.html").read_text("utf-8")
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return environment.from_string(source)


def _session(request: Request) -> str:
    """The session cookie's value, or a new one (a cookie of another shape is replaced)."""
    given = request.cookies.get(CSRF_COOKIE, "")
    return given if re.fullmatch(r"[\w-]{16,64}", given) else Tokens.new_session()


R = TypeVar("R", bound=Response)


def _with_session(response: R, session: str) -> R:
    response.set_cookie(CSRF_COOKIE, session, httponly=True, samesite="strict", path="/")
    return response


@contextmanager
def _private_folder(root: Path | None) -> Iterator[Path]:
    """A temporary folder only this user can read, deleted on leaving whatever happened."""
    folder = Path(tempfile.mkdtemp(prefix="postcheck-upload-", dir=root))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


async def _read_inputs(
    request: Request, checker: Checker, file_bytes: int, max_files: int
) -> _Inputs:
    """The uploads, council and day of a multipart form or a JSON body, sizes checked."""
    kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    taken: set[str] = set()
    if kind == "application/json":
        try:
            sent = models.TextCheck.model_validate_json(await request.body())
        except ValidationError as error:
            raise HTTPException(422, _validation_message(error)) from None
        data = sent.text.encode("utf-8")
        uploads = [_sized(Upload(safe_name(sent.name, taken), data), file_bytes)]
        day = sent.as_of or checker.default_day()
        return _Inputs(_nonempty(uploads), sent.council, day)
    if kind not in ("multipart/form-data", "application/x-www-form-urlencoded"):
        raise HTTPException(415, "send multipart/form-data (files) or application/json (text)")
    form = await request.form(max_files=max_files, max_fields=_FIELDS, max_part_size=file_bytes + 1)
    uploads = []
    for part in form.getlist("files"):
        if not isinstance(part, UploadFile):
            raise HTTPException(422, "the files field must hold files, not text")
        name = safe_name(part.filename, taken)
        if part.size is not None and part.size > file_bytes:
            raise HTTPException(413, _too_large(name, part.size, file_bytes))
        uploads.append(_sized(Upload(name, await part.read(file_bytes + 1)), file_bytes))
    text = form.get("text")
    if isinstance(text, str) and text.strip():
        uploads.append(_sized(Upload(safe_name("pasted.txt", taken), text.encode()), file_bytes))
    council = form.get("council")
    as_of = form.get("as_of")
    return _Inputs(
        _nonempty(uploads),
        council if isinstance(council, str) and council else AUTO,
        _day(as_of) if isinstance(as_of, str) and as_of.strip() else checker.default_day(),
    )


def _sized(upload: Upload, file_bytes: int) -> Upload:
    if len(upload.data) > file_bytes:
        raise HTTPException(413, _too_large(upload.name, len(upload.data), file_bytes))
    return upload


def _too_large(name: str, size: int, file_bytes: int) -> str:
    return f"{name}: {size:,} bytes or more; the limit for one file is {file_bytes:,} bytes"


def _nonempty(uploads: list[Upload]) -> list[Upload]:
    if not uploads:
        raise HTTPException(422, "nothing to check: send a file, or paste some text")
    return uploads


def _day(text: str) -> dt.date:
    """A day written YYYY-MM-DD, refused in the command line's words."""
    text = text.strip()
    if not _DAY.fullmatch(text):
        raise HTTPException(422, f"as_of: {text!r} is not a day written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise HTTPException(422, f"as_of: {text!r} is not a real date") from None


def _validation_message(error: ValidationError) -> str:
    parts = []
    for item in error.errors(include_url=False):
        where = ".".join(str(p) for p in item["loc"]) or "body"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts)


def _response(checker: Checker, done: Checked) -> models.CheckResponse:
    """The API's answer: the JSON report's findings, and the page's view of each upload."""
    report = json.loads(checker.report(done, "json"))
    violations = done.violations
    across = [i for i, v in enumerate(violations) if v.records]
    summary = done.summary
    rules = {
        v.rule_id: _rule_info(checker, v.rule_id) for v in violations if v.rule_id in checker.rules
    }
    errors = [f for f in done.findings if isinstance(f, InputError)]
    return models.CheckResponse(
        postcheck_version=__version__,
        as_of=done.info.as_of,
        council=done.council,
        summary=models.Summary(
            records=summary.records,
            violations=summary.violations,
            input_errors=summary.input_errors,
            by_severity={s: summary.by_severity[s] for s in ("error", "warning", "info")},
            unmatched_authorities=[
                models.Unmatched(name=n, records=r) for n, r in summary.unmatched_authorities
            ],
            fail_on=done.info.fail_on,
            exit_status=done.exit_status,
        ),
        violations=report["violations"],
        input_errors=report["input_errors"],
        rules=rules,
        documents=[_document_view(done, d, errors) for d in done.documents],
        across_records=across,
        warnings=[models.FileWarning(file=f, message=m) for f, m in done.warnings],
    )


def _document_view(
    done: Checked, document: Document, errors: list[InputError]
) -> models.DocumentView:
    """One upload as the page shows it: its text with findings placed, or its posts."""
    name = document.name
    violations = done.violations
    own = [i for i, v in enumerate(violations) if v.source == name and not v.records]
    own_errors = [i for i, e in enumerate(errors) if e.file == name]
    if document.rows is not None:
        pieces, found = placed(document.rows, violations, name)
        rows = [
            models.Row(
                line=row.line,
                page=row.page,
                pieces=[models.Piece(text=p.text, findings=list(p.findings)) for p in cut],
            )
            for row, cut in zip(document.rows, pieces, strict=True)
        ]
        return models.DocumentView(
            name=name,
            kind=document.kind,
            view="text",
            rows=rows,
            findings=own,
            unplaced=[i for i in own if i not in found],
            input_errors=own_errors,
        )
    posts = _posts(done, name)
    return models.DocumentView(
        name=name,
        kind=document.kind,
        view="table" if posts else "none",
        posts=posts,
        findings=own,
        unplaced=own,
        input_errors=own_errors,
    )


def _posts(done: Checked, name: str) -> list[models.Post]:
    """The posts read from an export, each with the indices of its findings."""
    posts = []
    index = 0
    for finding in done.findings:
        if isinstance(finding, InputError):
            continue
        count = len(finding.violations)
        if isinstance(finding, RecordResult) and finding.source == name:
            lines = [v.line for v in finding.violations if v.line is not None]
            posts.append(
                models.Post(
                    index=finding.index,
                    label=finding.label,
                    post_number=finding.post_number,
                    line=min(lines) if lines else None,
                    findings=list(range(index, index + count)),
                )
            )
        index += count
    return posts


def _rule_info(checker: Checker, rule_id: str) -> models.RuleInfo:
    rule = checker.rules[rule_id]
    return models.RuleInfo(
        id=rule.id,
        title=rule.title,
        area=str(rule.area.value),
        severity=str(rule.severity.value),
        certainty=str(rule.certainty.value),
        rationale=rule.rationale,
        remediation=rule.remediation,
        citations=[models.Citation(text=c.text, url=c.url) for c in rule.citations],
    )


_REQUEST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "Job descriptions (txt, md, html, docx, pdf) or "
                            "exports (csv, xlsx).",
                        },
                        "text": {"type": "string", "description": "Pasted text, read as .txt."},
                        "council": {"type": "string", "default": AUTO},
                        "as_of": {"type": "string", "format": "date"},
                    },
                }
            },
            "application/json": {"schema": models.TextCheck.model_json_schema()},
        },
    }
}
