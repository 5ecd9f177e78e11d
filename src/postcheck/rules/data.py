"""The base of everything read from the rules folder: strict (a misspelt key is an error, not a
silently ignored option), frozen (loaded once, shared by every record) and finite (a NaN or an
infinity compares false with everything, so a rule or a pay band holding one would quietly judge
nothing). Also the one reader of the folder's YAML files, so that rule, parameter, profile and
authority files are refused alike when they would hang or exhaust the run."""

from __future__ import annotations

import math
import os
import re
import stat
import unicodedata
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

from postcheck import limits
from postcheck.yamlfile import RefusedYamlError, YamlDocument, load_documents, mark_line


class RuleData(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, allow_inf_nan=False
    )


def refuse_non_finite(value: Any) -> Any:
    """A before-validator: NaN and infinity (YAML's .nan and .inf) are refused with a plain
    reason. Without it a union of types reports the first member's complaint ("Input should
    be a valid string") for a value that is a number."""
    values = value if isinstance(value, list) else [value]
    for item in values:
        if isinstance(item, float) and not math.isfinite(item):
            raise ValueError(f"{item} is not a number a rule can compare with; give a finite one")
    return value


# A public http(s) address: no spaces, quotes, angle brackets or control characters, which a
# report would otherwise print raw (a terminal escape, or markup in the HTML report)
_WEB_ADDRESS = re.compile(r"https?://[\w.-]+\.[a-z]{2,}(?:/[^\s\"<>\\^`{|}]*)?")
_LONGEST_ADDRESS = 2_000  # characters; browsers and servers refuse much past this


def web_address(value: str | None) -> str | None:
    """A validator: the value is a public web address (legislation.gov.uk, a council's site),
    or not given."""
    if value is None:
        return None
    if (
        len(value) > _LONGEST_ADDRESS
        or not _WEB_ADDRESS.fullmatch(value)
        or any(unicodedata.category(c).startswith("C") for c in value)
    ):
        shown = value if len(value) <= 80 else value[:77] + "..."
        raise ValueError(f"not a web address: {shown!r}")
    return value


class DataFileError(ValueError):
    """Why a file of the rules folder cannot be used, and its line where known; the caller
    names the file in its own error class (RuleFileError, AuthorityFileError: file_error.py)."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def read_documents(path: Path) -> list[YamlDocument]:
    """Every YAML document of one file. Refused before parsing: anything but a regular file
    (a FIFO blocks for ever, /dev/zero never ends) and a file over limits.file_bytes; while
    parsing, whatever postcheck.yamlfile refuses (bad YAML, aliases, depth, long integers,
    keys given twice), with its line."""
    text = _bounded_text(path)
    try:
        return list(load_documents(text))
    except RefusedYamlError as error:  # past a bound, or a key given twice: not bad syntax
        raise DataFileError(str(error.problem), mark_line(error)) from None
    except yaml.YAMLError as error:
        reason = getattr(error, "problem", None) or str(error)
        raise DataFileError(f"not valid YAML: {reason}", mark_line(error)) from None
    except RecursionError:
        raise DataFileError("not valid YAML: nested too deep") from None
    except ValueError as error:  # a scalar the loader's bounds did not foresee
        raise DataFileError(f"not valid YAML: {error}") from None


def _bounded_text(path: Path) -> str:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise DataFileError("not a regular file (a folder, FIFO or device cannot be read)")
        bound = limits.current().file_bytes
        with path.open("rb") as stream:
            data = stream.read(bound + 1)
    except OSError as error:
        raise DataFileError(f"cannot read: {error.strerror or error}") from None
    if len(data) > bound:
        raise DataFileError(f"larger than {bound:,} bytes (limits.file_bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise DataFileError("not UTF-8 text", line) from None
