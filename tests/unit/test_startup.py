"""Start-up cost: each command imports what it uses, and no more.

A pre-commit hook runs postcheck on every commit, so its start-up is paid again and again. The
imports are read from a fresh interpreter's sys.modules once the command has run.
"""

from __future__ import annotations

import gc
import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import postcheck
from postcheck.cli import main
from postcheck.record import wording
from postcheck.startup import collector_paused

SOURCES = Path(postcheck.__file__).resolve().parents[1]
CLEAN = "title: Policy Officer\ngrade: PO3\ndate_last_updated: 2026-06-01\n"


def after(code: str, what: str) -> Any:
    """`what`, evaluated in a fresh interpreter once it has run `code` (SystemExit included)."""
    script = f"import gc, json, sys\ntry:\n    {code}\nexcept SystemExit:\n    pass\n"
    script += f"print(json.dumps({what}))"
    path = os.pathsep.join([str(SOURCES), os.environ.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=path),
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


def imported_by(code: str) -> set[str]:
    """The modules a fresh interpreter holds once it has run `code`."""
    return set(after(code, "sorted(sys.modules)"))


def run_cli(*args: str) -> str:
    """Code that runs `python -m postcheck <args>` as the command line does."""
    return f"import runpy; sys.argv = ['postcheck', *{list(args)!r}]; " + (
        "runpy.run_module('postcheck', run_name='__main__', alter_sys=True)"
    )


def test_version_imports_neither_pydantic_nor_the_rules() -> None:
    modules = imported_by(run_cli("--version"))
    assert "click" in modules  # the report was read
    assert not {m for m in modules if m.split(".")[0] in ("pydantic", "yaml", "snowballstemmer")}
    assert not {m for m in modules if m.startswith(("postcheck.rules", "postcheck.engine"))}


@pytest.mark.skipif(
    importlib.util.find_spec("Stemmer") is not None,
    reason="with PyStemmer installed, snowballstemmer hands out its stemmer, as it always did",
)
def test_wording_loads_the_english_stemmer_alone() -> None:
    modules = imported_by("import postcheck.record.wording")
    assert "postcheck.record._snowball.english_stemmer" in modules
    assert not {m for m in modules if m.startswith("snowballstemmer")}
    assert not {m for m in modules if m.endswith("_stemmer") and "english" not in m}


def test_the_english_stemmer_alone_stems_as_the_package_does() -> None:
    import snowballstemmer

    package = snowballstemmer.stemmer("english")
    words = re.findall(r"[a-z]+", (Path(wording.__file__)).read_text().lower())
    words += ["canvassing", "organisation", "generously", "skies", "dying", "news", "succeeded"]
    assert [wording._STEMMER.stemWord(w) for w in words] == package.stemWords(words)


def test_a_stemmer_module_that_cannot_be_loaded_alone_falls_back_to_the_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A snowballstemmer release laid out otherwise makes the private import fail: the
    package's own stemmer is used instead, and stems the same."""
    loading = wording.importlib.import_module

    def refusing(name: str, package: str | None = None) -> Any:
        if name.startswith(wording._PRIVATE_SNOWBALL):
            raise ImportError(name)
        return loading(name, package)

    monkeypatch.setattr(wording.importlib, "import_module", refusing)
    stemmer = wording._english_stemmer()
    assert type(stemmer).__module__.startswith("snowballstemmer.")
    assert stemmer.stemWords(["canvassing", "skies"]) == wording._STEMMER.stemWords(
        ["canvassing", "skies"]
    )


# -- the collector during start-up (startup.py) -------------------------------------------------


def test_start_up_pauses_the_collector_and_enables_it_again() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # as it was
    finally:
        gc.enable()


@pytest.mark.parametrize("command", [["rules"], ["explain", "fixed-term-ended"]])
def test_the_program_freezes_what_start_up_built(command: list[str]) -> None:
    frozen, enabled = after(run_cli(*command), "[gc.get_freeze_count(), gc.isenabled()]")
    assert frozen > 10_000  # the modules, the rule models, the catalogue
    assert enabled


def test_a_check_freezes_start_up_and_collects_while_reading(tmp_path: Path) -> None:
    (tmp_path / "post.yaml").write_text(CLEAN)
    report = tmp_path / "report.json"
    post = str(tmp_path / "post.yaml")
    code = run_cli("check", post, "--no-config", "--format", "json", "-o", str(report))
    frozen, enabled = after(code, "[gc.get_freeze_count(), gc.isenabled()]")
    assert json.loads(report.read_text())["summary"]["records"] == 1
    assert frozen > 10_000
    assert enabled


def test_commands_run_one_after_another_freeze_nothing() -> None:
    """In a process that runs several commands (these tests), what one command built may be
    garbage once it ends: frozen, it would never be collected."""
    before = gc.get_freeze_count()
    for _ in range(2):
        result = CliRunner().invoke(main, ["rules"])
        assert result.exit_code == 0, result.output
    assert gc.get_freeze_count() == before
    assert gc.isenabled()


@pytest.mark.parametrize("command", [["rules"], ["explain", "fixed-term-ended"]])
def test_listing_the_rules_opens_no_database(command: list[str]) -> None:
    """The cross-record pass keeps its rows in SQLite: only a check counts records."""
    assert "sqlite3" not in imported_by(run_cli(*command))


def test_a_json_check_without_configuration_reads_no_toml_and_draws_no_bar(tmp_path: Path) -> None:
    (tmp_path / "post.yaml").write_text(CLEAN)
    report = str(tmp_path / "report.json")
    code = run_cli(
        "check", str(tmp_path / "post.yaml"), "--no-config", "--format", "json", "-o", report
    )
    modules = imported_by(code)
    assert "postcheck.config" in modules
    assert "tomllib" not in modules
    assert "postcheck.report.progress" in modules
    assert not {m for m in modules if m.split(".")[0] == "rich"}  # no bar, no text report


# -- patterns compiled when first used (lazy_pattern.py) -----------------------------------------

RECORD_MODULES = ["dates", "titles", "polarity", "citations"]


def compiled_patterns(module: str) -> str:
    """An expression: the LazyPatterns of postcheck.record.<module> compiled so far, by name."""
    return (
        f"sorted(n for n, v in vars(sys.modules['postcheck.record.{module}']).items() "
        "if type(v).__name__ == 'LazyPattern' and 'compiled' in vars(v))"
    )


def test_listing_the_rules_compiles_none_of_the_record_patterns() -> None:
    what = "{" + ", ".join(f"{m!r}: {compiled_patterns(m)}" for m in RECORD_MODULES) + "}"
    assert after(run_cli("rules"), what) == {module: [] for module in RECORD_MODULES}


def test_a_lazy_pattern_searches_as_the_compiled_one() -> None:
    from postcheck.lazy_pattern import LazyPattern

    text = "Canvass on 20 May 2028, canvas on 1 June 2029"
    lazy, eager = LazyPattern(r"(\d+) (\w+)", re.I), re.compile(r"(\d+) (\w+)", re.I)
    assert "compiled" not in vars(lazy)
    assert lazy.search(text, 12)[0] == eager.search(text, 12)[0]  # type: ignore[index]
    assert lazy.match(text) is None and eager.match(text) is None
    assert lazy.fullmatch("20 May")[0] == "20 May"  # type: ignore[index]
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.findall(text) == eager.findall(text)
    assert lazy.split(text) == eager.split(text)
    assert lazy.sub(r"\2 \1", text) == eager.sub(r"\2 \1", text)
    assert (lazy.pattern, lazy.flags) == (eager.pattern, re.I)


# -- terms stemmed when their rule is compiled, not when it is loaded -----------------------------


def test_a_wording_condition_is_checked_without_stemming_its_terms() -> None:
    from postcheck.rules.conditions import Wording

    before = wording._stem.cache_info().misses
    Wording(any_of=["zorblaxing", "quuxifying the frobnicators"], none_of=["wibbling"])
    assert wording._stem.cache_info().misses == before
    assert wording.term_forms("zorblaxing") == (wording._stem("zorblax"),)  # when compiled


@pytest.mark.parametrize(
    ("term", "reason"),
    [
        ("of the", "has no content words"),
        ("head of paid service delivery", "has 4 content words; at most 3 are compared"),
        ("sub-agent co-ordinator re-election", "has 6 content words"),  # hyphens read as spaces
    ],
)
def test_a_term_refused_unstemmed_is_refused_by_term_forms_too(term: str, reason: str) -> None:
    with pytest.raises(wording.TermError, match=reason):
        wording.check_term(term)
    with pytest.raises(wording.TermError, match=reason):
        wording.term_forms(term)
