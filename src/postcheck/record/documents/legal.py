"""The statutory basis of a post and its political restriction, with the provisions each cites.

"established under Regulation 3 of ..." cites the basis; "politically restricted under section
2(1) of ..." cites the restriction. A citation belongs to the nearest of those phrases before it,
so one sentence can state both. Citations in other sentences (a person specification asking for
"knowledge of the Local Government and Housing Act 1989") are not the post's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from postcheck.record.citations import INSTRUMENTS, PROVISION, parse_citation
from postcheck.record.documents.labels import Clause
from postcheck.record.documents.sentences import split_sentences
from postcheck.record.model import Citation, Mention

BASIS = "basis"
RESTRICTION = "restriction"

_INSTRUMENTS = tuple(
    (i.key, re.compile("|".join(f"(?:{a})" for a in i.aliases), re.I)) for i in INSTRUMENTS
)
_TRIGGERS = (
    (RESTRICTION, re.compile(r"politically[\s-]+restricted|political\s+restrictions?", re.I)),
    (
        BASIS,
        re.compile(
            r"\b(?:established|appointed|created|designated|in\s+pursuance\s+of|pursuant\s+to"
            r"|statutory\s+basis|legal\s+basis"
            # "post under s.9", but not "a politically restricted post under s.2(1)"
            r"|(?<!restricted\s)(?:post|appointment)\s+(?:made\s+)?under)\b",
            re.I,
        ),
    ),
)
_NEGATED = re.compile(
    r"\b(?:not|no\s+longer|never)\b(?:\s+\w+){0,3}?\s+(?:a\s+)?politically[\s-]+restricted"
    r"|\bexempt(?:ed)?\s+from\s+(?:the\s+)?political\s+restrictions?"
    r"|\bnot\s+subject\s+to\s+(?:the\s+)?political\s+restrictions?",
    re.I,
)
_STATED = re.compile(
    r"\b(?:post|role|position|job|appointment|it|this)\b[^.]{0,60}?"
    r"\b(?:is|will\s+be|has\s+been|are|remains)\b[^.]{0,30}?politically[\s-]+restricted"
    # "This post is established under section 9 of the ... Act 1989 and is politically restricted"
    r"|\b(?:post|role|position|appointment)\b.{0,200}?\b(?:and|which)\s+(?:is|will\s+be)\s+"
    r"(?:also\s+|therefore\s+)?politically[\s-]+restricted"
    r"|\bsubject\s+to\s+(?:the\s+)?political\s+restrictions?"
    r"|\bpolitically[\s-]+restricted\s+(?:post|role|position)\b",
    re.I,
)
# A word every instrument's name or alias holds ("Act", "Regulations", "LGHA", "SI 2002/975")
_MAY_NAME_INSTRUMENT = re.compile(
    r"\bact\b|regulations|\blgha|\bldedca|\blg\s*&|\bs\.?\s?i\b", re.I
)
# a provision named in running text ("section 2(3)"), not the tail of a word ("items 3")
_PROVISION = re.compile(rf"\b(?:{PROVISION.pattern})", re.I)
_ABOUT_EXEMPTION = re.compile(r"\bexempt(?:ion|ed)?\b.{0,80}\bpolitical(?:ly)?[\s-]+restrict", re.I)
_NAMED_AFTER = 40  # characters after "of that Act" where the Act may be named after all
_NAMED_AFTER_GAP = 3
_BACK_REFERENCE = re.compile(
    r"\s+of\s+(?:that|those|these|this|the\s+same|the\s+said|the\s+above)\s+(?:Act|Regulations|Order)\b",
    re.I,
)
_ANSWER = re.compile(r"^\s*(?P<answer>yes|no|true|false)\b", re.I)
_CONNECTORS = re.compile(
    r"^(?:[\s,:;(–-]|\b(?:under|in|pursuance|pursuant|of|to|the|and|by|virtue|is|are|was|as|a|"
    r"post|made|being|been|has|set|out|within|terms)\b)+",
    re.I,
)
_PROVISION_END = re.compile(r"[,;]|\s+and\s+|\s+which\s+|\s+for\s+")
_TAIL = 30


@dataclass
class LegalFindings:
    basis: list[Citation] = field(default_factory=list)
    restriction_citations: list[Citation] = field(default_factory=list)
    restriction_statements: list[tuple[bool | None, Mention]] = field(default_factory=list)


def read_legal(clauses: list[Clause]) -> LegalFindings:
    found = LegalFindings()
    last_act = ""  # the instrument named last, for "of the same Act" in a later sentence
    for clause in clauses:
        if clause.label == "statutory_basis":
            found.basis.extend(_citations(clause.text, clause))
            continue
        if clause.label == "political_restriction":
            _restriction_label(clause, found)
            continue
        for sentence in split_sentences(clause.text):
            sentence = _resolve_back_references(sentence, last_act)
            named = _instrument_spans(sentence)
            if named:
                last_act = sentence[named[-1][0] : named[-1][1]]
            stated = _restriction(sentence)
            if stated is not None or _ABOUT_EXEMPTION.search(sentence):
                # a sentence on exemption from the restriction is a statement about it too,
                # though it says neither that the post is restricted nor that it is not
                found.restriction_statements.append((stated, _mention(sentence, clause)))
            for citation, target in _targeted(sentence, clause, stated is not None):
                (found.basis if target == BASIS else found.restriction_citations).append(citation)
    return found


def _resolve_back_references(sentence: str, last_act: str) -> str:
    """ "s.2(1)(f) of that Act" names the Act cited before it, in this sentence or an earlier
    one; the reference is replaced by that Act's name so that the citation is read whole."""
    if not _BACK_REFERENCE.search(sentence):
        return sentence
    parts: list[str] = []
    start = 0
    for reference in _BACK_REFERENCE.finditer(sentence):
        after = _instrument_spans(sentence[reference.end() : reference.end() + _NAMED_AFTER])
        if after and after[0][0] <= _NAMED_AFTER_GAP:
            continue  # "of those Regulations (SI 2002/975)": the reference names itself
        named = _instrument_spans(sentence[: reference.start()])
        act = sentence[named[-1][0] : named[-1][1]] if named else last_act
        if act:
            parts.append(f"{sentence[start : reference.start()]} of {act}")
            start = reference.end()
    return "".join(parts) + sentence[start:]


def _restriction(sentence: str) -> bool | None:
    """True or False where the sentence says whether the post is restricted, else None."""
    if "restrict" not in sentence.lower():
        return None
    if _NEGATED.search(sentence):
        return False
    return True if _STATED.search(sentence) else None


def _restriction_label(clause: Clause, found: LegalFindings) -> None:
    answer = _ANSWER.match(clause.text)
    stated = None if answer is None else answer["answer"].lower() in ("yes", "true")
    if stated is not None:
        found.restriction_statements.append((stated, _mention(clause.written, clause)))
    found.restriction_citations.extend(_citations(clause.text, clause))


def _targeted(
    sentence: str, clause: Clause, is_restriction_statement: bool
) -> list[tuple[Citation, str]]:
    triggers = sorted(
        (m.start(), m.end(), kind)
        for kind, pattern in _TRIGGERS
        for m in pattern.finditer(sentence)
    )
    if not triggers:
        return []
    targeted = []
    for start, text in _citation_texts(sentence, [t[1] for t in triggers]):
        before = [t for t in triggers if t[0] < start + 1]
        if not before:
            continue
        kind = before[-1][2]
        if kind == RESTRICTION and not is_restriction_statement:
            continue
        targeted.append((_citation(text, clause), kind))
    return targeted


def _citations(text: str, clause: Clause) -> list[Citation]:
    """Every citation in a labelled value ("Statutory basis: s.9 LGHA 1989")."""
    return [_citation(t, clause) for _, t in _citation_texts(text, [])]


def _citation_texts(sentence: str, cuts: list[int]) -> list[tuple[int, str]]:
    """(start, words) of each instrument cited, with its provision before or just after it."""
    spans = _instrument_spans(sentence)
    texts: list[tuple[int, str]] = []
    previous_end = 0
    for index, (start, end, _key) in enumerate(spans):
        begin = max([previous_end, *(c for c in cuts if c <= start)])
        words = sentence[begin:end]
        if parse_citation(words).number is None:
            limit = spans[index + 1][0] if index + 1 < len(spans) else len(sentence)
            tail = _PROVISION_END.split(sentence[end : min(limit, end + _TAIL)], maxsplit=1)[0]
            if parse_citation(tail).number is not None:
                words += tail.rstrip(" .")
        texts.extend((begin, text) for text in _each_provision(words, start - begin))
        previous_end = end
    if not spans:
        tail_start = max(cuts, default=0)
        words = _PROVISION_END.split(sentence[tail_start:], maxsplit=1)[0].rstrip(" .")
        if cuts and parse_citation(words).number is not None:
            texts.append((tail_start, _CONNECTORS.sub("", words).strip()))
    return texts


def _each_provision(words: str, instrument_at: int) -> list[str]:
    """ "section 2(1)(g) and section 2(3) of the ... Act" cites two provisions of one Act.

    words runs up to the end of the instrument's name, which starts at instrument_at.
    """
    provisions = list(_PROVISION.finditer(words[:instrument_at]))
    if len(provisions) < 2:
        return [_CONNECTORS.sub("", words).strip()]
    act = words[provisions[-1].end() :]
    return [_CONNECTORS.sub("", f"{p[0]}{act}").strip() for p in provisions]


@lru_cache(maxsize=4096)
def _instrument_spans(text: str) -> tuple[tuple[int, int, str], ...]:
    """Each instrument named, leftmost and longest first, never overlapping (a sentence is asked
    this more than once, so answers are kept)."""
    if not _MAY_NAME_INSTRUMENT.search(text):
        return ()
    matches = sorted(
        ((m.start(), m.end(), key) for key, p in _INSTRUMENTS for m in p.finditer(text)),
        key=lambda span: (span[0], -span[1]),
    )
    spans: list[tuple[int, int, str]] = []
    for span in matches:
        if not spans or span[0] >= spans[-1][1]:
            spans.append(span)
    return tuple(spans)


def _citation(text: str, clause: Clause) -> Citation:
    return Citation(as_written=text, **clause.place.fields())


def _mention(text: str, clause: Clause) -> Mention:
    return Mention(as_written=text, **clause.place.fields())
