"""What a sentence does with what it mentions: asks for it, forbids it, or denies it.

"Canvass for the party", "The post holder must not canvass" and "You are not required to
canvass" use the same words; only the first asks for canvassing. The wording rules therefore
read each clause's polarity as well as its words. The heuristic, in full:

1. Clauses. A sentence is cut at ";", at "but", "however", "whereas", "although", "though",
   "except that", before "where", "if", "unless", "when" and "provided that" (a condition is
   its own clause), after a leading condition ("If you believe the duties are not sensitive,
   ..."), at ", not" and ", without" ("because of its duties, not its salary"), and where
   "and" or "or" is followed by a new negation ("... the group, and must not canvass"). Other
   commas, lists and colons never cut: "canvass voters, residents and businesses for the party"
   is one clause, and so is "Flexible working: no requests accepted".
2. Cues. Contractions are expanded first ("can't" -> "can not", "isn't" -> "is not"). A
   *prohibition* cue forbids: "must/may/shall/should/can not", "will not" (but not "will not
   be required/expected to"), "is not to", "is not permitted/allowed", "is prohibited/barred/
   forbidden/precluded/prevented/restricted from", "prohibits", "forbids", "bars ... from",
   "prevents", "under no circumstances", "at no time", "never", "no <gerund>" ("No canvassing",
   "No door-knocking"). A *negation* cue denies: "not", "no", "nor", "neither", "none",
   "without", "nothing", "nobody", "unable", "ineligible" ("no later than" and "No. 12" are
   not negations).
3. Scope. A cue governs its clause: the clause's polarity is that of its first cue
   (prohibition wins when a prohibition and a negation cue share the clause), and the words
   after the cue are its scope (`Clause.scope`, in order): in "not exempt from political
   restriction" the scope starts at "exempt", so a reader can tell it from "not politically
   restricted".
   Words before a cue share the clause's polarity:
   "Canvassing for a party is not permitted" forbids canvassing.
4. Modality, for rules that care whether a clause asks or allows: *obligation* ("must", "will",
   "shall", "is required/expected to", "is responsible for", "duty", "need to"), *permission*
   ("may", "can", "is able/eligible/entitled/allowed/permitted to", "option"), else *statement*
   (which is how a duty in a list, "Canvassing on behalf of ...", reads).

Double negatives are not resolved ("it is not true that you may not ...") and a cue outside the
clause it governs is missed ("Nothing in this role requires you to canvass" reads as negated,
rightly, but "Without exception, canvass ..." reads as negated, wrongly). tests/unit/
test_polarity.py holds the cases, both ways.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from postcheck.lazy_pattern import LazyPattern
from postcheck.record.wording import normalise, phrases


class Polarity(StrEnum):
    AFFIRMATIVE = "affirmative"
    PROHIBITION = "prohibition"
    NEGATED = "negated"


class Modality(StrEnum):
    OBLIGATION = "obligation"
    PERMISSION = "permission"
    STATEMENT = "statement"


@dataclass(frozen=True)
class Clause:
    text: str
    words: tuple[str, ...]
    polarity: Polarity
    modality: Modality
    scope: tuple[str, ...]  # normalised words inside the negation's scope, in order

    @property
    def negated(self) -> frozenset[str]:
        return frozenset(self.scope)

    @property
    def phrases(self) -> list[str]:
        return phrases(self.words)


_CONTRACTIONS = (
    (LazyPattern(r"\bcan[’']t\b", re.I), "can not"),
    (LazyPattern(r"\bwon[’']t\b", re.I), "will not"),
    (LazyPattern(r"\bshan[’']t\b", re.I), "shall not"),
    (LazyPattern(r"\b(\w+)n[’']t\b", re.I), r"\1 not"),
    (LazyPattern(r"\bcannot\b", re.I), "can not"),
)
_CUT = LazyPattern(
    r"\s*;\s*"
    r"|,?\s+\b(?:but|however|whereas|although|though|except\s+that)\b[,\s]*"
    r"|,\s+(?=(?:not|without)\b)"
    r"|\s+(?=\b(?:where|if|unless|when|provided\s+that)\b)"
    r"|,?\s+\b(?:and|or)\b(?=\s+(?:(?:is|are|will|must|may|shall|should|can|does|do)\s+)?"
    r"(?:not|never)\b)",
    re.I,
)
# "If you believe the duties are not sensitive, you may ask ...": a leading condition is its
# own clause, so its negation does not reach the main clause
_LEADING_CONDITION = LazyPattern(
    r"^\s*(?:if|where|when|unless|although|though|while|once|since)\b[^,]*,\s*", re.I
)
_PROHIBITION = LazyPattern(
    r"\b(?:must|may|shall|should|can|could)\s+not\b(?!\s+(?:only|just|necessarily)\b)"
    r"|\b(?:is|are)\s+not\s+to\b"
    r"|\bwill\s+not\b(?!\s+(?:be\s+)?(?:required|expected|asked|obliged|needed|necessary|"
    r"necessarily|normally|usually|always|only|just)\b)"
    r"|\bnot\s+(?:be\s+)?(?:permitted|allowed)\b"
    r"|\b(?:prohibited|barred|forbidden|precluded|prevented|restricted|disqualified|debarred)"
    r"\s+from\b"
    r"|\b(?:prohibits?|forbids?|prevents?|precludes?)\b|\bbars?\s+(?:\S+\s+){0,3}?from\b"
    r"|\bunder\s+no\s+circumstances\b|\bat\s+no\s+time\b|\bnever\b"
    r"|\bno\s+(?:[a-z]+-)*[a-z]+ing\b",
    re.I,
)
_NEGATION = LazyPattern(
    r"\b(?:not|nor|neither|none|without|nothing|nobody|unable|ineligible)\b"
    # "no", but not "no later than" (a deadline) nor "Post No. 1234" (a number)
    r"|\bno\b(?!\s+(?:later|earlier|more|less|fewer|longer|sooner)\s+than\b)(?!\.?\s*\d)",
    re.I,
)
_OBLIGATION = LazyPattern(
    r"\b(?:must|shall|will|required\s+to|expected\s+to|responsible\s+for|need\s+to|needs\s+to|"
    r"duty|duties|obliged\s+to|has\s+to|have\s+to)\b",
    re.I,
)
_PERMISSION = LazyPattern(
    r"\b(?:may|can|able\s+to|eligible|entitled|allowed|permitted|option|opportunity)\b", re.I
)


def _expanded(sentence: str) -> str:
    for pattern, replacement in _CONTRACTIONS:
        sentence = pattern.sub(replacement, sentence)
    return sentence


@lru_cache(maxsize=16384)
def clauses(sentence: str) -> tuple[Clause, ...]:
    """The sentence's clauses with their words, polarity, modality and negation scope."""
    found: list[Clause] = []
    text = _expanded(sentence)
    condition = _LEADING_CONDITION.match(text)
    parts = [text[: condition.end()], text[condition.end() :]] if condition else [text]
    for part in (piece for whole in parts for piece in _CUT.split(whole)):
        text = part.strip(" ,.")
        words = normalise(text)
        if not words:
            continue
        found.append(_clause(text, words))
    return tuple(found)


def _clause(text: str, words: tuple[str, ...]) -> Clause:
    prohibition = _PROHIBITION.search(text)
    negation = _NEGATION.search(text)
    cue = prohibition or negation
    if cue is None:
        polarity, scope = Polarity.AFFIRMATIVE, tuple[str, ...]()
    else:
        polarity = Polarity.PROHIBITION if prohibition else Polarity.NEGATED
        first = min((m for m in (prohibition, negation) if m is not None), key=lambda m: m.start())
        scope = normalise(text[first.end() :])
    if _OBLIGATION.search(text):
        modality = Modality.OBLIGATION
    elif _PERMISSION.search(text):
        modality = Modality.PERMISSION
    else:
        modality = Modality.STATEMENT
    return Clause(text, words, polarity, modality, scope)
