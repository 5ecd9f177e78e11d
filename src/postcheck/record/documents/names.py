"""Who the post is for: the employing authority and the political group a s.9 post serves.

Only wording that ties the name to the post counts: "employment with the London Borough of
Newham", "Political Assistant to the X Group", a job title that names its group ("Group Support
Officer (Green Group)", record/titles.py). A group merely mentioned ("liaising with the Labour
Group Officers") is not the group the post serves, and a team ("the Project Group") is no
political group.

A council is named the way councils name themselves: "London Borough of X", "Royal Borough of X",
"City of X Council", "X Council", "X Borough (or County, District, City, Metropolitan Borough)
Council", "Borough Council of X". Words that name no particular council ("Full Council", "the
Council", "the County Council") and bodies that are not local authorities ("Arts Council", "Youth
Council", "Health and Safety Council") are not an authority.
"""

from __future__ import annotations

import re

from postcheck.record import titles

_NAME_WORD = r"[A-Z][\w'’&-]*"
_GROUP_NAME = rf"(?P<group>(?:{_NAME_WORD}\s+){{1,5}}Group)\b"
# Phrases that say the post serves a group; case matters for the name, not for the phrase.
_SERVES = (
    re.compile(rf"^{_GROUP_NAME}\s+Political\s+Assistant\b"),
    re.compile(
        rf"(?i:political\s+assistant|assistant|support|assistance|services?)\s+"
        rf"(?i:to|for)\s+the\s+{_GROUP_NAME}"
    ),
    # a post title naming its group after a dash or in brackets: "Political Assistant (Green Group)"
    re.compile(
        rf"(?i:assistant|officer|adviser|advisor)\s*(?:[-–—]\s*|\(\s*)(?:the\s+)?{_GROUP_NAME}"
    ),
    re.compile(
        rf"(?i:assist|serve|support)\s+the\s+(?i:members\s+of\s+the\s+)?{_GROUP_NAME}"
        rf"(?!\s+(?:Leader|Officers?|Whip|Secretary|Chair|meetings?))"
    ),
)
# A labelled value that is a party's name without "Group" ("Political group: Labour").
_PARTY_VALUE = re.compile(
    r"^(?:the\s+)?(?:Labour|Conservatives?|Liberal\s+Democrats?|Lib\s+Dems?|Greens?|Reform\s+UK"
    r"|Reform|Independents?|Plaid\s+Cymru|SNP|Respect|UKIP)(?:\s+Party)?$"
)
# A title-like value is short and is not a sentence.
_MAX_TITLE_WORDS = 12

_COUNCIL = (
    r"(?P<body>(?:(?i:London|Royal|Metropolitan)\s+)?(?i:Borough|City|County|District)\s+"
    rf"(?:(?i:Council)\s+)?(?i:of)\s+{_NAME_WORD}(?:\s+(?:(?i:and)\s+)?{_NAME_WORD})*"
    rf"|(?:{_NAME_WORD}\s+){{1,4}}(?:(?i:Borough|City|County|District|Town|Parish)\s+)?"
    r"(?i:Council))(?![\w'’])"
)
_EMPLOYER = (
    re.compile(
        r"(?i:employment\s+with|employed\s+by|employee\s+of|employer\s+is|appointed\s+by|join)"
        rf"\s+(?:(?i:the)\s+)?{_COUNCIL}"
    ),
    # "Borsetshire County Council is an equal opportunities employer"
    re.compile(
        rf"^\s*(?:(?i:the)\s+)?{_COUNCIL}\s+(?i:is\s+(?:an?\s+)?(?:[\w-]+\s+){{0,3}}employer)\b"
    ),
)
_COUNCIL_WORDS = frozenset(
    {"the", "full", "council", "borough", "county", "city", "district", "town", "parish", "london"}
    | {"royal", "metropolitan", "of", "and", "county's", "council's", "this", "our", "your"}
    | {"local", "authority", "whole", "same", "other", "host", "employing", "relevant"}
)
# Councils that are no local authority, and words that are no council's name.
_NOT_AUTHORITY = frozenset(
    {"arts", "youth", "research", "british", "privy", "trades", "trade", "health", "safety"}
    | {"sport", "sports", "medical", "press", "student", "students", "school", "schools"}
    | {"pupil", "college", "university", "works", "staff", "ethics", "advisory", "nursing"}
    | {"security", "european", "national", "regional", "standards", "design", "energy"}
)
_LABEL_VALUE = re.compile(rf"^\s*(?:(?i:the)\s+)?{_COUNCIL}\s*(?:\([^()]*\))?\s*\.?\s*$")


def political_group(sentence: str, labelled: bool) -> str | None:
    """The group the post serves, or None.

    A labelled value is taken when it names a group ("Labour Group") or a party ("Labour").
    A job title (short, no full stop) gives the group record/titles.py finds in it.
    """
    if labelled:
        value = " ".join(sentence.strip(" .").split())
        if _PARTY_VALUE.match(value):
            return value
        return titles.group_name(value) if value.lower().endswith("group") else None
    for pattern in _SERVES:
        for found in pattern.finditer(sentence):
            name = titles.group_name(" ".join(found["group"].split()))
            if name is not None:
                return name
    text = sentence.strip()
    if (
        len(text.split()) <= _MAX_TITLE_WORDS
        and not text.endswith(".")
        and titles.opens_as_title(text)
    ):
        return titles.group(text)
    return None


def authority(sentence: str, labelled: bool) -> str | None:
    """The employing council, from a label or an 'employment with ...' phrase."""
    patterns = (_LABEL_VALUE,) if labelled else _EMPLOYER
    for pattern in patterns:
        found = pattern.search(sentence)
        if found:
            name = " ".join(found["body"].split()).rstrip(".")
            return name if _names_a_council(name) else None
    return None


def letterhead(line: str) -> str | None:
    """The council a line above the header fields names on its own ("Borsetshire County Council"),
    as a letterhead does; "Full Council" or "The County Council" name no council."""
    return authority(line, labelled=True)


def _names_a_council(name: str) -> bool:
    words = [w.lower().strip("'’") for w in name.split()]
    if any(w in _NOT_AUTHORITY for w in words):
        return False
    return any(w not in _COUNCIL_WORDS for w in words)
