"""Who the post is for: the employing authority and the political group a s.9 post serves.

Only wording that ties the name to the post counts: "employment with the London Borough of
Newham", "Political Assistant to the X Group". A group merely mentioned ("liaising with the Labour
Group Officers") is not the group the post serves.
"""

from __future__ import annotations

import re

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
_GENERIC = frozenset(
    {
        "political",
        "majority",
        "minority",
        "opposition",
        "controlling",
        "largest",
        "ruling",
        "party",
        "the",
        "a",
        "each",
        "any",
        "every",
        "group",
    }
)

_COUNCIL = (
    rf"(?P<body>(?:London|Royal|Metropolitan)?\s*(?:Borough|City|County|District)\s+(?:Council\s+)?"
    rf"of\s+{_NAME_WORD}(?:\s+(?:and\s+)?{_NAME_WORD})*"
    rf"|(?:{_NAME_WORD}\s+){{1,4}}(?:Borough\s+|City\s+|County\s+|District\s+|Town\s+)?Council)"
)
_EMPLOYER = re.compile(
    rf"(?i:employment\s+with|employed\s+by|employer\s+is|appointed\s+by|join)\s+(?:the\s+)?{_COUNCIL}"
)
_COUNCIL_WORDS = frozenset(
    {"the", "full", "council", "borough", "county", "city", "district", "town", "parish", "london"}
    | {"royal", "metropolitan", "of", "and", "county's", "council's"}
)
_LABEL_VALUE = re.compile(rf"^\s*(?:the\s+)?{_COUNCIL}\s*$")


def political_group(sentence: str, labelled: bool) -> str | None:
    """The group the post serves, or None."""
    if labelled:
        value = sentence.strip(" .")
        return value if value.lower().endswith("group") and not _generic(value) else None
    for pattern in _SERVES:
        found = pattern.search(sentence)
        if found and not _generic(found["group"]):
            return " ".join(found["group"].split())
    return None


def authority(sentence: str, labelled: bool) -> str | None:
    """The employing council, from a label or an 'employment with ...' phrase."""
    found = (_LABEL_VALUE if labelled else _EMPLOYER).search(sentence)
    return " ".join(found["body"].split()).rstrip(".") if found else None


def letterhead(line: str) -> str | None:
    """The council a line above the header fields names on its own ("Borsetshire County Council"),
    as a letterhead does; "Full Council" or "The County Council" name no council."""
    name = authority(line, labelled=True)
    if name is None:
        return None
    named = [w for w in name.split() if w.lower() not in _COUNCIL_WORDS]
    return name if named else None


def _generic(name: str) -> bool:
    words = name.split()[:-1]
    return all(word.lower() in _GENERIC for word in words)
