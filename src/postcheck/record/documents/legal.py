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

from postcheck.record import polarity
from postcheck.record.citations import (
    APPLIED_BY,
    INSTRUMENTS,
    PROVISION,
    other_instruments,
    parse_citation,
)
from postcheck.record.documents.labels import Clause
from postcheck.record.documents.sentences import split_sentences
from postcheck.record.model import Citation, Mention
from postcheck.record.wording import normalise

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
            r"|(?<!restricted\s)(?:post|appointment)\s+(?:(?:is|was|will\s+be)\s+)?(?:made\s+)?"
            r"under)\b",
            re.I,
        ),
    ),
)
# "The post is exempt from political restriction", "has been exempted from the restrictions"
_EXEMPTED = re.compile(r"\bexempt(?:ed)?\s+from\b", re.I)
_RESTRICT, _EXEMPT, _APPLY = normalise("restricted exempted applies")
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
    r"\bact\b|regulations|\border\b|\blgha|\bldedca|\blg\s*&|\bs\.?\s?i\b|\blga\b", re.I
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
# what may stand between an instrument and the provision after it: "LG&HA 1989, s.9"
_AFTER_INSTRUMENT = re.compile(r"^[\s,:–-]*")
_OF = re.compile(r"\s*(?:of|in)\s+(?:the\s+)?$|\s*$", re.I)
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
    """True or False where the sentence says whether the post is restricted, else None.

    Negation is read by record/polarity.py, clause by clause, and judged by what it denies:
    - the restriction ("This post is not politically restricted", "is no longer subject to
      political restriction", "Political restriction does not apply to this post"): False;
    - an exemption ("This post is not exempt from political restriction", "cannot be exempted"):
      the post is restricted, True;
    - an exemption affirmed ("The post is exempt from political restriction", "has been
      exempted from the restrictions"): False; one merely offered or allowed ("may apply for
      exemption") says neither.
    Otherwise an affirmative clause that says the post is restricted (_STATED) gives True. A
    sentence whose clauses say both gives None: it does not settle the question.
    """
    if "restrict" not in sentence.lower():
        return None
    found = (_clause_verdict(c) for c in polarity.clauses(sentence))
    verdicts = {v for v in found if v is not None}
    if not verdicts and _STATED.search(sentence):
        verdicts = {True}
    return verdicts.pop() if len(verdicts) == 1 else None


def _clause_verdict(clause: polarity.Clause) -> bool | None:
    """What one clause says about the restriction (see _restriction); it may name only the
    exemption ("and cannot be exempted"), the sentence having named the restriction."""
    if clause.polarity is not polarity.Polarity.AFFIRMATIVE:
        # what the negation denies first: "not exempt from political restriction" denies the
        # exemption, "not politically restricted and is exempt" the restriction
        denied = next((w for w in clause.scope if w in (_EXEMPT, _RESTRICT, _APPLY)), None)
        if denied == _EXEMPT:
            return True
        if denied == _RESTRICT or (denied == _APPLY and _RESTRICT in clause.words):
            return False
        return None
    if _EXEMPT in clause.words and _EXEMPTED.search(clause.text):
        return False if clause.modality is polarity.Modality.STATEMENT else None
    if _RESTRICT in clause.words and _STATED.search(clause.text):
        return True
    return None


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
    """(start, words) of each instrument cited, with its provision before or just after it.

    "s.9 of the 1989 Act as applied by regulation 3(7) of the 2002 Regulations" is one citation,
    of the applying provision (record/citations.py reads it so), not two bases."""
    spans = _instrument_spans(sentence)
    texts: list[tuple[int, str]] = []
    previous_end = 0
    index = 0
    while index < len(spans):
        start, end, _key = spans[index]
        begin = max([previous_end, *(c for c in cuts if c <= start)])
        stop = _with_provision_after(sentence, begin, end, spans, index)
        index += 1
        while (link := APPLIED_BY.match(sentence, stop)) is not None:
            applying = _PROVISION.match(sentence, link.end())
            if applying is not None:
                stop = applying.end()
                if index < len(spans) and _OF.fullmatch(sentence[stop : spans[index][0]]):
                    stop = _with_provision_after(sentence, stop, spans[index][1], spans, index)
                    index += 1
            elif index < len(spans) and spans[index][0] == link.end():
                stop = _with_provision_after(sentence, stop, spans[index][1], spans, index)
                index += 1
            else:
                break
        words = sentence[begin:stop].rstrip(" .")
        texts.extend((begin, text) for text in _each_provision(words, start - begin))
        previous_end = stop
    if not spans:
        tail_start = max(cuts, default=0)
        words = _PROVISION_END.split(sentence[tail_start:], maxsplit=1)[0].rstrip(" .")
        link = APPLIED_BY.search(words)
        if link is not None and _PROVISION.match(words, link.end()):
            # "s.9 as applied by reg 3(7), ...": the words were cut at the comma, if any
            words = sentence[tail_start:].split(";")[0]
            words = words[: _PROVISION.match(words, link.end()).end()]  # type: ignore[union-attr]
        if cuts and parse_citation(words).number is not None:
            texts.append((tail_start, _CONNECTORS.sub("", words).strip()))
    return texts


def _with_provision_after(
    sentence: str, begin: int, end: int, spans: tuple[tuple[int, int, str], ...], index: int
) -> int:
    """Where the citation of the instrument ending at `end` stops: after a provision that
    follows the name ("LG&HA 1989, s.9") when none comes before it, else at the name's end."""
    if parse_citation(sentence[begin:end]).number is not None:
        return end
    limit = spans[index + 1][0] if index + 1 < len(spans) else len(sentence)
    rest = sentence[end : min(limit, end + _TAIL)]
    gap = _AFTER_INSTRUMENT.match(rest)
    skipped = gap.end() if gap else 0
    # a leading space lets "which ..." and "and ..." end the tail where they open it
    tail = _PROVISION_END.split(" " + rest[skipped:], maxsplit=1)[0][1:]
    if parse_citation(tail).number is None:
        return end
    return end + skipped + len(tail.rstrip(" ."))


def _each_provision(words: str, instrument_at: int) -> list[str]:
    """ "section 2(1)(g) and section 2(3) of the ... Act" cites two provisions of one Act.

    words runs up to the end of the instrument's name, which starts at instrument_at.
    """
    provisions = list(_PROVISION.finditer(words[:instrument_at]))
    # "s.9 as applied by regulation 3(7) of SI 2002/975" is one citation (the applying one)
    if len(provisions) < 2 or APPLIED_BY.search(words, provisions[0].end(), instrument_at):
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
    # an Act not listed ("the Local Government Act 1989") counts where no listed one is named
    for other in other_instruments(text):
        if not any(other[0] < e and s < other[1] for s, e, _ in spans):
            spans.append(other)
    return tuple(sorted(spans))


def _citation(text: str, clause: Clause) -> Citation:
    return Citation(as_written=text, **clause.place.fields())


def _mention(text: str, clause: Clause) -> Mention:
    return Mention(as_written=text, **clause.place.fields())
