"""Imports only flow downwards (record <- rules <- engine <- violations/check <- waivers and
baseline <- report <- gate/cli), and only the engine's backend module touches durable-rules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "postcheck"
# What each layer may import from postcheck, besides itself and the shared helpers.
ALLOWED = {
    "record": {"record", "yamlfile"},
    "rules": {"record", "rules", "yamlfile"},
    "engine": {"record", "rules", "engine", "yamlfile"},
    "fingerprint": {"rules"},
    "violations": {"record", "rules", "engine", "fingerprint"},
    "check": {"record", "rules", "engine", "violations", "fingerprint"},
    # governance of findings: which count (waivers, baselines), set by the configuration
    "config": {"rules"},
    "waivers": {"rules", "violations", "fingerprint", "yamlfile"},
    "baseline": {"violations"},
    "report": {
        "record",
        "rules",
        "engine",
        "violations",
        "check",
        "report",
        "fingerprint",
        "config",
        "baseline",
    },
    # the rule book reads rules and the law; it judges nothing
    "book": {"rules", "book", "yamlfile", "atomic", "explain"},
}
# Helpers every layer may use: the run's limits, safe YAML, writing files whole, stopping
# cleanly, text safe for terminals, and patterns compiled when first used.
SHARED = {"limits", "yamlfile", "atomic", "interrupt", "printable", "file_error", "lazy_pattern"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _layer(path: Path) -> str:
    relative = path.relative_to(SRC)
    return relative.parts[0].removesuffix(".py")


MODULES = sorted(p for p in SRC.rglob("*.py") if _layer(p) in ALLOWED)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_flow_downwards(path: Path) -> None:
    allowed = ALLOWED[_layer(path)] | SHARED
    upward = {
        name
        for name in _imports(path)
        if name.startswith("postcheck.") and name.split(".")[1] not in allowed
    }
    assert not upward, f"{path.relative_to(SRC)} imports {sorted(upward)}"


def test_only_the_backend_imports_durable_rules() -> None:
    importers = {
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if any(n.split(".")[0] in ("durable", "durable_rules_engine") for n in _imports(p))
    }
    assert importers == {"engine/durable_backend.py"}
