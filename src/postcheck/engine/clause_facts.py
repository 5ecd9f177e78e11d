"""The clauses of a post's text, as the wording rules see them: words, polarity, modality.

Every sentence the record holds is a candidate for every wording rule. A document gives all of
its sentences (`PostRecord.sentences`); a record from a spreadsheet or YAML has only the text of
its fields, so those are read too (duties, restriction and attendance statements, appointment,
line management, pay). No keyword decides which sentences a rule may see: the rules' own terms
do, in the engine. Each clause keeps the sentence and line it came from, for the report.

Given the catalogue's vocabulary (every form of every term its rules use), a clause keeps only
the phrases in it: a phrase no rule names can never make a term match or an exception hold, so
the verdicts are the same, and the engine, which pays for every phrase of every clause in every
rule, runs several times faster. A clause none of whose phrases is in the vocabulary keeps the
placeholder NO_TERMS, so that "none of these terms" stays true on it in the engine as in Python.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from typing import Any

from postcheck.record.documents.sentences import split_sentences
from postcheck.record.model import Mention, PostRecord
from postcheck.record.polarity import clauses

NO_TERMS = "-"  # never a normalised phrase: those are letters and digits


def clause_facts(record: PostRecord, vocabulary: Set[str] | None = None) -> list[dict[str, Any]]:
    """One item per clause, in the order the text gives them; a sentence said twice counts once.
    With a vocabulary, each clause keeps only the phrases in it (see the module's docstring)."""
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for mention in _mentions(record):
        for sentence in split_sentences(mention.as_written or ""):
            key = " ".join(sentence.lower().split())
            if key in seen:
                continue
            seen.add(key)
            place = {
                k: v
                for k, v in (
                    ("line", mention.line),
                    ("page", mention.page),
                    ("paragraph", mention.paragraph),
                )
                if v is not None
            }
            for clause in clauses(sentence):
                items.append(
                    {
                        "as_written": sentence,
                        "clause": clause.text,
                        "phrases": _kept(clause.phrases, vocabulary),
                        "polarity": clause.polarity.value,
                        "modality": clause.modality.value,
                        **place,
                    }
                )
    return items


def _mentions(record: PostRecord) -> Iterator[Mention]:
    yield from record.sentences
    yield from record.duties
    yield from record.political_restriction.statements
    yield from record.office_attendance.statements
    for single in (record.appointment, record.line_management, record.salary):
        if single is not None and single.as_written:
            yield single


def _kept(phrases: list[str], vocabulary: Set[str] | None) -> list[str]:
    if vocabulary is None:
        return phrases
    return [p for p in phrases if p in vocabulary] or [NO_TERMS]
