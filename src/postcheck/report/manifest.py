"""The run manifest: what an auditor needs to reproduce a run, or compare two.

Every machine-readable report carries it: the versions of postcheck, the engine and Python;
the day judged; the profile and the effective configuration; a hash of each rule and of the
whole rule set; the authority files used and their hashes; and every input file read, with
its hash. Two runs with equal manifests judged the same inputs with the same rules.
"""

from __future__ import annotations

import platform
from collections.abc import Iterable
from importlib import metadata
from typing import Any

from postcheck import __version__
from postcheck.config import Config
from postcheck.engine.compiler import CompiledCatalogue
from postcheck.fingerprint import digest_of, file_digest, rule_version
from postcheck.rules.authorities import AuthorityDirectory
from postcheck.rules.model import Rule, SetRule


def run_manifest(
    compiled: CompiledCatalogue,
    rules_dir: str,
    authorities: AuthorityDirectory,
    config: Config,
    inputs: Iterable[str],
) -> dict[str, Any]:
    rules: list[Rule | SetRule] = [
        *(c.rule for c in compiled.rules.values()),
        *(c.rule for c in compiled.sets.values()),
    ]
    versions = {rule.id: rule_version(rule) for rule in sorted(rules, key=lambda r: r.id)}
    settings = config.settings.model_dump(mode="json")
    return {
        "postcheck_version": __version__,
        "engine": {"durable_rules": _version("durable_rules")},
        "python": platform.python_version(),
        "as_of": compiled.as_of.isoformat(),
        "profile": config.settings.profile,
        "configuration": {
            "file": str(config.file) if config.file else None,
            "sha256": file_digest(str(config.file)) if config.file else None,
            "settings": settings,
            "origins": {name: config.origin(name) for name in settings},
        },
        "rules": {
            "directory": rules_dir,
            "sha256": digest_of(versions),
            "versions": versions,
            "parameters": dict(sorted(compiled.parameter_values.items())),
        },
        "authorities": [
            {"name": name, "file": str(path), "sha256": file_digest(str(path))}
            for name, path in sorted(authorities.sources.items())
        ],
        "inputs": [{"path": path, "sha256": file_digest(path)} for path in dict.fromkeys(inputs)],
    }


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None
