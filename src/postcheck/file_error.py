"""The error of a file postcheck cannot use: rules, authorities, configuration, the rule book.

Each kind of file has its own error class, so callers can tell them apart; all of them read
`path:line: reason` (the line where it is known) and keep the three parts for tools."""

from __future__ import annotations

from pathlib import Path


class FileError(ValueError):
    def __init__(self, path: Path, reason: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason
