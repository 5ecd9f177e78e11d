"""Fingerprints: which finding is which from one run to the next, for baselines and waivers.

A finding is the same finding when the same post breaks the same version of the same rule on
the same evidence. So its fingerprint is made of exactly those four things and nothing about
where the text sat: re-wrapping a paragraph, reordering sections, converting the document to PDF
or moving the file leave it alone; changing the words the finding rests on, or the rule, do not.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from functools import lru_cache
from typing import Any

from postcheck.rules.model import AnyRule

_SEPARATOR = "\x1f"
_WORD = re.compile(r"[^\W_]+")


def rule_version(rule: AnyRule) -> str:
    """A short hash of everything the rule file states: a changed rule is a new version."""
    text = json.dumps(rule.model_dump(mode="json", by_alias=True), sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def post_identity(
    authority: str | None, post_number: str | None, title: str | None, source: str
) -> str:
    """The post a finding is about, as stable as the record allows: the council and post
    number; else the council and title; else the file's name (not its folder)."""
    council = _council(authority) if authority else ""
    if post_number:
        return f"{council}/{post_number.strip()}" if council else post_number.strip()
    if title:
        return f"{council}/title:{normalised(title)}"
    return f"{council}/file:{source.replace(chr(92), '/').rsplit('/', 1)[-1]}"


@lru_cache(maxsize=1024)  # a run names a few councils, on every one of its posts
def _council(authority: str) -> str:
    return normalised(authority)


def normalised(text: str) -> str:
    """Words only, in lower case: spacing, line breaks, punctuation and case do not count."""
    return " ".join(_WORD.findall(text.casefold()))


def fingerprint(post: str, rule_id: str, version: str, evidence: str) -> str:
    parts = [post, rule_id, version, normalised(evidence)]
    return hashlib.sha256(_SEPARATOR.join(parts).encode("utf-8")).hexdigest()[:32]


def file_digest(path: str) -> str | None:
    """SHA-256 of a file's bytes, for the run manifest; None if it cannot be read, or is not a
    regular file (a FIFO or a device would block or never end: readers refuse them too)."""
    digest = hashlib.sha256()
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def digest_of(data: Any) -> str:
    """SHA-256 of plain data, canonically serialised."""
    text = json.dumps(data, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
