"""Start-up cost: each command imports what it uses, and no more.

A pre-commit hook runs postcheck on every commit, so its start-up is paid again and again. The
imports are read from a fresh interpreter's sys.modules once the command has run.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import postcheck
from postcheck.record import wording

SOURCES = Path(postcheck.__file__).resolve().parents[1]


def imported_by(code: str) -> set[str]:
    """The modules a fresh interpreter holds once it has run `code` (SystemExit included)."""
    script = f"import json, sys\ntry:\n    {code}\nexcept SystemExit:\n    pass\n"
    script += "print(json.dumps(sorted(sys.modules)))"
    path = os.pathsep.join([str(SOURCES), os.environ.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=path),
        timeout=120,
        check=True,
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


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
