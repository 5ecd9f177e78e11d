"""Reading the book's own files (the law file, the sign-off file, the test results): bounded,
safe, and failing with the file, the line and the reason, never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from postcheck import limits
from postcheck.file_error import FileError
from postcheck.yamlfile import YamlDocument, load_documents, mark_line

M = TypeVar("M", bound=BaseModel)


class BookError(FileError):
    """A file the book needs that cannot be used, located to the line where known."""


def read_text(path: Path) -> str:
    """The whole file as UTF-8 text, refused past limits.file_bytes: the law file, the sign-off
    file and the results file are each read whole."""
    bound = limits.current().file_bytes
    try:
        size = path.stat().st_size
        if size > bound:
            raise BookError(path, f"{size:,} bytes, more than {bound:,} (limits.file_bytes)")
        with path.open("rb") as stream:
            data = stream.read(bound + 1)
    except OSError as error:
        raise BookError(path, f"cannot read: {(error.strerror or str(error)).lower()}") from None
    if len(data) > bound:  # grew since stat
        raise BookError(path, f"more than {bound:,} bytes (limits.file_bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise BookError(path, "not UTF-8 text", line) from None


def read_yaml(path: Path) -> YamlDocument:
    """The file's one YAML document, which must be a mapping, read by the project's bounded
    safe loader (which keeps the nodes, so validation errors can name their line)."""
    text = read_text(path)
    try:
        documents = list(load_documents(text))
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error)
        raise BookError(path, f"not valid YAML: {problem}", mark_line(error)) from None
    if len(documents) != 1 or not isinstance(documents[0].data, dict):
        raise BookError(path, "expected exactly one YAML mapping")
    return documents[0]


def validated(model: type[M], document: YamlDocument, path: Path) -> M:
    """The document as `model`, or the first thing wrong with it at its line."""
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        location = ".".join(str(part) for part in first["loc"])
        reason = f"{location}: {first['msg']}" if location else first["msg"]
        raise BookError(path, reason, document.line_of(first["loc"])) from None
