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

# Capitalised words that end a council's name rather than continue it: an address ("Royal
# Borough of Kingsbridge Guildhall"), the document's kind ("... Job Description"), a department.
_NOT_NAME = (
    r"(?!(?i:Guildhall|Town\s+Hall|Civic|Offices?|House|Centre|Center|Job|Role|Post|Person|Grade"
    r"|Description|Profile|Specification|Vacancy|Vacancies|Recruitment|Careers?|Jobs|Department"
    r"|Directorate|Services?|Team|Legal|Children|Adults?|Human|People|Corporate|Resources)\b)"
)
_COUNCIL = (
    r"(?P<body>(?:(?i:London|Royal|Metropolitan)\s+)?(?i:Borough|City|County|District)\s+"
    rf"(?:(?i:Council)\s+)?(?i:of)\s+{_NAME_WORD}(?:\s+(?:(?i:and|upon|on)\s+)?{_NOT_NAME}{_NAME_WORD})*"
    rf"|{_NAME_WORD}(?:\s+(?:(?:upon|on|and)\s+)?{_NAME_WORD}){{0,4}}\s+"
    r"(?:(?i:Borough|City|County|District|Town|Parish)\s+)?"
    r"(?i:Council))(?![\w'’])"
)
_EMPLOYER = (
    re.compile(
        r"(?i:employment\s+with|employed\s+by|employee\s+of|employer\s+is|appointed\s+by|join"
        r"|join\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,3}?(?:team|service|department|directorate)"
        r"\s+(?:at|of|in))"
        rf"\s+(?:(?i:the)\s+)?{_COUNCIL}"
    ),
    # "Borsetshire County Council is an equal opportunities employer", "... is recruiting a ..."
    re.compile(
        rf"^\s*(?:(?i:the)\s+)?{_COUNCIL}\s+(?i:(?:is|are)\s+(?:an?\s+)?(?:[\w-]+\s+){{0,3}}"
        r"employer|(?:is|are)\s+(?:now\s+)?(?:recruiting|(?:looking\s+for|seeking|hiring)\s+(?:an?|two|three)\s)"
        r"|(?:wants|wishes)\s+to\s+(?:recruit|appoint))\b"
    ),
    # the publisher of the page: "© Borchester Borough Council", "Copyright 2026 Newham Council"
    re.compile(
        rf"^\s*(?:©|\(c\)|(?i:copyright))\s*(?:\d{{4}}\s+)?(?:(?i:the)\s+)?{_COUNCIL}\s*\.?\s*$"
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
# A letterhead may go on after the name: "Borsetshire County Council – Legal Services",
# "London Borough of Ambridge | Grade SM2", "London Borough of Southmere Job Description".
_LETTERHEAD = re.compile(
    rf"^\s*(?:(?i:the)\s+)?{_COUNCIL}\s*(?:\([^()]*\))?\s*"
    r"(?:$|[-–—|·•:,]\s*\S|(?i:(?:job|role|post)\s+(?:description|profile)|person\s+specification"
    r"|guildhall|town\s+hall|civic\s+cent\w*)\b)"
)
_SMALL_WORDS = frozenset({"of", "and", "upon", "on", "the", "in"})
_MAY_NAME_COUNCIL = re.compile(r"council|borough|city|county|district", re.I)


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
    # every phrase that ties a post to a group names the group: "... Group"
    for pattern in _SERVES if "Group" in sentence else ():
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
    """The employing council, from a label or an employer phrase ("employment with ...",
    "X Council is recruiting ...", "© X Council")."""
    return _council_in(sentence, (_LABEL_VALUE,) if labelled else _EMPLOYER)


def letterhead(line: str) -> str | None:
    """The council a line above the header fields names on its own ("Borsetshire County Council"),
    as a letterhead does, or at the head of the line before a department, a separator or the
    document's kind; "Full Council" or "The County Council" name no council."""
    return _council_in(line, (_LETTERHEAD,))


def _council_in(text: str, patterns: tuple[re.Pattern[str], ...]) -> str | None:
    if not _MAY_NAME_COUNCIL.search(text):
        return None  # every council's name holds one of these words: most sentences hold none
    for pattern in patterns:
        found = pattern.search(text)
        if found:
            name = " ".join(found["body"].split()).rstrip(".")
            return _cased(name) if _names_a_council(name) else None
    return None


def _cased(name: str) -> str:
    """A name written in capitals as a name is written: "BOROUGH OF X" is "Borough of X"."""
    if not name.isupper():
        return name
    words = [w.lower() if w.lower() in _SMALL_WORDS else w.capitalize() for w in name.split()]
    return " ".join(words)


def _names_a_council(name: str) -> bool:
    words = [w.lower().strip("'’") for w in name.split()]
    if any(w in _NOT_AUTHORITY for w in words):
        return False
    return any(w not in _COUNCIL_WORDS for w in words)
