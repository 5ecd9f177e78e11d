"""Checking uploaded files exactly as `postcheck check` checks files on disk.

The page and the API must give the findings the command line gives for the same file, so
nothing here judges anything itself: uploads are written to a private temporary folder and
read by the command line's reader (`iter_outcomes`), judged by the catalogue compiled with the
configuration's selection and parameters (`gate.compile_with`), against the same authority
files, and reported by the same reporters. What is the page's own is the mapping of findings
back onto the lines of the document a person uploaded (view.py).

The engine is not thread-safe (engine/durable_backend.py), so one lock serialises judging:
reading files, the slow part for Word and PDF, runs outside it, in the caller's threads. One
engine ruleset is built per day judged, kept for the next request on that day; the day the
server starts with is built before it listens, so a broken rule stops `postcheck serve`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import re
import shutil
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from postcheck import __version__
from postcheck.check import Finding, RecordResult, SetResult, Summary, build_evaluator, run
from postcheck.config import Config
from postcheck.engine.compiler import CompiledCatalogue
from postcheck.engine.evaluate import Evaluator
from postcheck.gate import compile_with, exit_status, load_rules
from postcheck.record.columns import ColumnMap, TableOptions, load_column_map
from postcheck.record.documents import FORMATS as DOCUMENT_KINDS
from postcheck.record.model import PostRecord
from postcheck.record.outcome import InputError, ReadOutcome, resolved
from postcheck.record.sources import Walk, detect_format, iter_outcomes
from postcheck.report import RunInfo, make_reporter
from postcheck.report.manifest import run_manifest
from postcheck.rules.authorities import Authority, AuthorityDirectory
from postcheck.rules.catalogue import Catalogue
from postcheck.rules.model import AnyRule
from postcheck.violations import Violation
from postcheck.web.view import Row, document_rows

# Engine rulesets kept, one per day judged. Each holds about a megabyte the engine never gives
# back (tests/conftest.py), so a server asked about many days keeps only the latest few.
ENGINES_KEPT = 8
REPORT_FORMATS = ("html", "xlsx", "json", "sarif")
AUTO = "auto"  # the council choice that matches each record's own authority name
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")
_NAME_CHARACTERS = 120


class RefusedError(ValueError):
    """A request the service will not read: wrong type, too large, unknown council. `status`
    is the HTTP status the web layer answers with; the message names the file."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Upload:
    """One file as a browser or a client sent it: its name (made safe) and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Council:
    """A choice of authority context: `value` as the form sends it, `label` as people read it."""

    value: str
    label: str


@dataclass
class Document:
    """One upload after reading: its format, and for a job description its lines (None when
    it is a table export, or its text could not be shown)."""

    name: str
    kind: str | None
    sha256: str
    rows: list[Row] | None = None


@dataclass
class Checked:
    """Everything a response or a report is made from; sources are the uploads' names."""

    findings: list[Finding]
    summary: Summary
    info: RunInfo
    documents: list[Document]
    council: str
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (file, message)

    @property
    def violations(self) -> list[Violation]:
        """Every violation in report order: index i is the JSON report's violations[i]."""
        return [v for f in self.findings if not isinstance(f, InputError) for v in f.violations]

    @property
    def exit_status(self) -> int:
        """What `postcheck check` would exit with on these files."""
        return exit_status(self.summary, self.info.fail_on)


class Checker:
    """The run's settings made ready once: rules, authorities, column map, engines by day."""

    def __init__(self, config: Config) -> None:
        settings = config.settings
        self.config = config
        self.catalogue: Catalogue = load_rules(config)
        self.authorities = AuthorityDirectory.load(
            self.catalogue.directory, settings.authority, settings.authorities
        )
        self.column_map: ColumnMap | None = (
            load_column_map(settings.columns) if settings.columns else None
        )
        self.rules: dict[str, AnyRule] = {r.id: r for r in self.catalogue.all_rules}
        self._engines: OrderedDict[dt.date, tuple[CompiledCatalogue, Evaluator]] = OrderedDict()
        self._manifests: dict[dt.date, tuple[CompiledCatalogue, dict[str, Any]]] = {}
        self._lock = threading.Lock()
        with self._lock:
            self._engine_for(self.default_day())

    def default_day(self) -> dt.date:
        return self.config.settings.as_of or dt.date.today()

    def councils(self) -> list[Council]:
        """The automatic choice first (or the configured authority file), then every known
        council by name, then the neutral default context."""
        forced = self.authorities.forced
        first = (
            Council(AUTO, f"{forced.name} (from the configuration)")
            if forced is not None
            else Council(AUTO, "The council the document names")
        )
        named = sorted(self.authorities.authorities, key=lambda a: a.name.casefold())
        default = self.authorities.default
        return [
            first,
            *(Council(a.name, a.name) for a in named),
            Council(default.name, "None of these (no council's facts)"),
        ]

    def check(
        self, uploads: Iterable[Upload], council: str, day: dt.date, workdir: Path
    ) -> Checked:
        """Reads the uploads from files in `workdir` (emptied again before judging), then
        judges them; the caller deletes `workdir` itself, whatever happens here."""
        directory = self._directory_for(council)
        warnings: list[tuple[str, str]] = []
        documents, outcomes, named = self._read(list(uploads), workdir, warnings)
        with self._lock:
            compiled, evaluator = self._engine_for(day)
            findings = list(
                run(outcomes, compiled, evaluator=evaluator.with_authorities(directory))
            )
            manifest = self._manifest_for(compiled)
        findings = [_renamed(f, named) for f in findings]
        warnings = [(named.get(file, file), message) for file, message in warnings]
        summary = Summary()
        for finding in findings:
            summary.add(finding)
        summary.unmatched_authorities = directory.unmatched()
        summary.manifest = {
            **manifest,
            "inputs": [{"path": d.name, "sha256": d.sha256} for d in documents],
        }
        return Checked(findings, summary, self._info(compiled), documents, council, warnings)

    def report(self, checked: Checked, report_format: str) -> bytes:
        """The report in one of the command line's formats, written to memory."""
        if report_format not in REPORT_FORMATS:
            raise RefusedError(
                422, f"{report_format!r} is not a report format: {_listed(REPORT_FORMATS)}"
            )
        buffer = io.BytesIO()
        stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
        reporter = make_reporter(report_format, stream, checked.info, color=False)
        for finding in checked.findings:
            reporter.add(finding)
        reporter.finish(checked.summary)
        stream.flush()
        data = buffer.getvalue()
        stream.detach()
        return data

    def _read(
        self, uploads: list[Upload], workdir: Path, warnings: list[tuple[str, str]]
    ) -> tuple[list[Document], list[ReadOutcome], dict[str, str]]:
        """Each upload written to a folder of its own, typed as the command line types files,
        read whole, then deleted: judging holds no file open."""
        settings = self.config.settings
        tables = TableOptions(
            self.column_map,
            settings.strict_columns,
            settings.sheet,
            lambda file, message: warnings.append((file, message)),
        )
        paths: list[Path] = []
        documents: list[Document] = []
        try:
            for number, upload in enumerate(uploads):
                folder = workdir / str(number)
                folder.mkdir()
                path = folder / upload.name
                path.write_bytes(upload.data)
                kind = detect_format(path)
                if kind is None:
                    raise RefusedError(415, f"{upload.name}: {_NOT_READ}")
                paths.append(path)
                documents.append(Document(upload.name, kind, _sha256(upload.data)))
            outcomes = list(
                resolved(iter_outcomes([str(p) for p in paths], "auto", tables, Walk()))
            )
        finally:
            for child in workdir.iterdir():
                shutil.rmtree(child, ignore_errors=True)
        named = {str(path): upload.name for path, upload in zip(paths, uploads, strict=True)}
        read_files = {o.provenance.file for o in outcomes if isinstance(o, PostRecord)}
        for path, upload, document in zip(paths, uploads, documents, strict=True):
            if document.kind in DOCUMENT_KINDS and str(path) in read_files:
                document.rows = document_rows(upload.data, document.kind)
        return documents, outcomes, named

    def _directory_for(self, council: str) -> AuthorityDirectory:
        """A directory of this request's own (unmatched names are counted per request), with
        the chosen council forced on every record, as `--authority FILE` does."""
        base = self.authorities
        forced: Authority | None
        if council == AUTO:
            forced = base.forced
        else:
            forced = next((a for a in [*base.authorities, base.default] if a.name == council), None)
            if forced is None:
                choices = _listed(c.value for c in self.councils())
                raise RefusedError(
                    422, f"{council!r} is not a known council; choose one of {choices}"
                )
        return AuthorityDirectory(base.authorities, base.default, forced, base.sources)

    def _engine_for(self, day: dt.date) -> tuple[CompiledCatalogue, Evaluator]:
        """The catalogue compiled for the day and its engine; call with the lock held."""
        kept = self._engines.get(day)
        if kept is not None:
            self._engines.move_to_end(day)
            return kept
        compiled = compile_with(self.config, self.catalogue, day)
        made = (compiled, build_evaluator(self.catalogue, compiled, self.authorities))
        self._engines[day] = made
        while len(self._engines) > ENGINES_KEPT:
            self._engines.popitem(last=False)
        return made

    def _manifest_for(self, compiled: CompiledCatalogue) -> dict[str, Any]:
        """The run manifest but its inputs: the same for every request judged on one day
        (the authority files listed are the directory's, whichever council is chosen), and
        hashing every rule costs a tenth of a check, so it is made once per day. Call with
        the lock held."""
        made = self._manifests.get(compiled.as_of)
        if made is None or made[0] is not compiled:
            manifest = run_manifest(
                compiled, str(self.catalogue.directory), self.authorities, self.config, ()
            )
            made = self._manifests[compiled.as_of] = (compiled, manifest)
            for day in [d for d in self._manifests if d not in self._engines]:
                del self._manifests[day]
        return dict(made[1])

    def _info(self, compiled: CompiledCatalogue) -> RunInfo:
        in_force = [c.rule for c in compiled.rules.values()] + [
            c.rule for c in compiled.sets.values()
        ]
        return RunInfo(
            __version__,
            compiled.as_of,
            str(self.catalogue.directory),
            self.config.settings.fail_on,
            tuple(sorted(compiled.not_applicable.items())),
            tuple(in_force),
        )


_NOT_READ = (
    "not a format postcheck reads: send a job description (txt, md, html, docx, pdf) or an "
    "export (csv, xlsx)"
)


def safe_name(raw: str | None, taken: set[str]) -> str:
    """A file name as a browser sent it, made safe to write and to show: no folders, no
    control characters, not hidden, not too long, and not the same as another upload's."""
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE_NAME.sub("_", name).strip(" .") or "upload"
    if name.startswith("."):
        name = "upload" + name
    stem, dot, suffix = name.rpartition(".")
    if not dot or len(suffix) > 10:
        stem, suffix = name, ""
    stem = stem[: _NAME_CHARACTERS - len(suffix) - 1]
    candidate, copy = (f"{stem}.{suffix}" if suffix else stem), 1
    while candidate.casefold() in taken:
        copy += 1
        candidate = f"{stem} ({copy}).{suffix}" if suffix else f"{stem} ({copy})"
    taken.add(candidate.casefold())
    return candidate


def _renamed(finding: Finding, named: dict[str, str]) -> Finding:
    """The finding with the temporary paths replaced by the names the person uploaded."""

    def name(source: str) -> str:
        return named.get(source, source)

    def violation(v: Violation) -> Violation:
        members = tuple(dataclasses.replace(m, source=name(m.source)) for m in v.records)
        return dataclasses.replace(v, source=name(v.source), records=members)

    if isinstance(finding, InputError):
        reason = finding.reason
        for path, shown in named.items():
            reason = reason.replace(path, shown)
        return dataclasses.replace(finding, file=name(finding.file), reason=reason)
    if isinstance(finding, RecordResult):
        return dataclasses.replace(
            finding,
            source=name(finding.source),
            violations=[violation(v) for v in finding.violations],
        )
    return SetResult(finding.label, [violation(v) for v in finding.violations])


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _listed(values: Iterable[str]) -> str:
    return ", ".join(repr(v) for v in values)
