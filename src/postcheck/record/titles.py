"""What a job title says about the post: a political assistant's or a mayor's assistant's, and the
political group it serves.

The title only suggests the kind of post; the statutory basis decides it (engine/facts.py). So the
patterns below take the titles councils actually use for these posts and leave out the ordinary
officer titles that share words with them:

- political assistant (s.9 LGHA 1989): "Political Assistant", "Political Adviser/Advisor",
  "Political Officer" (with "Senior", "Group", "Research" or "Support" around them), "Assistant
  to the Labour Group", "Support Officer for the Green Group", "Group Support Officer",
  "Conservative Group Researcher", "Research and Support Officer (Liberal Democrat Group)",
  "Assistant to Political Group (Labour Group)". Not: "Policy Officer", "Group Manager", "Group
  Accountant", "Finance Group Support Officer", "Member Support Officer", "Political Education
  Officer" (an education post about politics: a word other than group, research or support between
  "political" and the role is taken as a different job), "Assistant to the Head of Group Audit",
  "Project Officer (Regeneration Group)", "Officer for the Green Group" (a bare "officer" serving
  a group is too wide a net; a support, research or political officer is taken).
- mayor's assistant (reg 3 SI 2002/975): "Mayor's Assistant", "Mayor's Political Assistant",
  "Mayor's Political Adviser", "Mayoral Assistant", "Assistant to the Mayor", "Political Assistant
  (or Adviser) to the Mayor". Not: "Mayor's Office Manager", "Mayor's Adviser" (an elected mayor
  has one assistant but may have many officer advisers), "Personal (or Executive) Assistant to the
  Mayor" (a secretarial officer post), "Mayoral Support Officer". A Lord, civic, ceremonial or
  deputy mayor, or a mayoress, is no elected mayor: a title naming one is neither kind.

The group is taken only from words the title gives: "(Green Group)", "Labour Group Political
Assistant", "Adviser to the Respect Group" give the name ending in "Group"; "Political Officer
(Labour)" gives "Labour", as written, for a party named in brackets, after a dash or after
"to/for the" (nothing is added to it). Generic words ("the Political Group", "the Majority
Group") and departmental groups ("Finance Group", "Steering Group") name no political group.
"""

from __future__ import annotations

import re
from functools import lru_cache

from postcheck.lazy_pattern import LazyPattern

POLITICAL_ASSISTANT = "political_assistant"
MAYORS_ASSISTANT = "mayors_assistant"

# A ceremonial mayor (Lord Mayor, civic mayor) or a deputy is no elected mayor under SI 2002/975.
_NOT_ELECTED_MAYOR = LazyPattern(r"\b(?:lord|civic|deputy|ceremonial)\s+mayor|mayoress", re.I)
_MAYOR = r"(?:(?:directly\s+)?elected\s+|executive\s+)?mayor\b"
_MAYORS_ASSISTANT = LazyPattern(
    r"\bmayor(?:['’]?s|al)\s+(?:political\s+)?assistant\b"
    r"|\bmayor(?:['’]?s|al)\s+political\s+(?:adviser|advisor|officer)\b"
    rf"|\bpolitical\s+(?:assistant|adviser|advisor|officer)\s+to\s+the\s+{_MAYOR}"
    # "Assistant to the Mayor", but not a personal, executive or office assistant to the Mayor
    rf"|(?<!personal\s)(?<!executive\s)(?<!administrative\s)(?<!admin\s)(?<!office\s)(?<!diary\s)"
    rf"(?<!business\s)(?<!support\s)\bassistant\s+to\s+the\s+{_MAYOR}",
    re.I,
)

_NAME_WORD = r"[A-Z][\w'’&-]*"
# A named group: capitalised words ending in "Group" ("Newham Independents Group").
_NAMED = rf"(?:{_NAME_WORD}\s+){{1,5}}Group\b"
_NAMED_GROUP = rf"(?P<group>{_NAMED})"
_ROLE = r"(?:assistant|adviser|advisor|officer|researcher|co-?ordinator)"
_POLITICAL_ROLE = LazyPattern(
    rf"\bpolitical\s+(?:(?:group|research|support)\s+(?:and\s+\w+\s+)?)?{_ROLE}s?\b"
    # "Assistant to (the) Political Group", "Officer for the Labour Political Group"
    rf"|\b{_ROLE}\s+(?:to|for)\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}political\s+groups?\b",
    re.I,
)
# Roles that serve a named group: "Assistant to the Green Group", "Support Officer (Green Group)",
# "Green Group Support Officer", "Group Support Officer".
_GROUP_ROLE = (
    r"(?:(?:political\s+|research\s+(?:and\s+support\s+)?|support\s+)(?:assistant|officer)"
    r"|assistant|adviser|advisor|researcher)"
)
_SERVES_NAMED = LazyPattern(
    rf"(?i:{_GROUP_ROLE})\s*(?:(?i:to|for)\s+(?i:the\s+)?|\(\s*(?i:the\s+)?|[-–—:]\s*(?i:the\s+)?)"
    rf"(?P<after>{_NAMED})"
    rf"|(?P<before>{_NAMED})\s+(?i:(?:political\s+)?(?:assistant|adviser|advisor|researcher)"
    r"|(?:support|research)\s+(?:officer|assistant)|political\s+officer)\b"
)
_GROUP_SUPPORT = LazyPattern(
    r"^(?:(?:senior|principal|trainee|interim|acting)\s+)?group\s+"
    r"(?:support\s+(?:officer|assistant)|research(?:er|\s+officer|\s+assistant))\b",
    re.I,
)
# Parties named without "Group": "Political Officer (Labour)", "Political Adviser - Green Party".
_PARTY_WORDS = (
    r"(?:Labour|Conservatives?|Liberal\s+Democrats?|Lib\s+Dems?|Greens?|Green\s+Party|Reform(?:\s+UK)?"
    r"|Independents?|Plaid\s+Cymru|SNP|Respect|Residents['’]?(?:\s+Association)?|UKIP"
    rf"|(?:{_NAME_WORD}\s+){{1,3}}Independents|(?:{_NAME_WORD}\s+){{1,3}}First)"
)
_PARTY = LazyPattern(
    rf"(?:\(\s*(?:the\s+)?(?P<bracket>{_PARTY_WORDS}(?:\s+Party)?)\s*\)"
    rf"|[-–—:]\s*(?:the\s+)?(?P<dash>{_PARTY_WORDS}(?:\s+Party)?)\s*$"
    rf"|(?i:to|for)\s+the\s+(?P<to>{_PARTY_WORDS}(?:\s+Party)?)\s*$)"
)
# Words that make a "... Group" a team, board or company, not a political group.
_NOT_POLITICAL = frozenset(
    {
        "finance",
        "financial",
        "audit",
        "project",
        "projects",
        "working",
        "steering",
        "management",
        "corporate",
        "service",
        "services",
        "it",
        "ict",
        "digital",
        "technical",
        "advisory",
        "strategy",
        "strategic",
        "support",
        "user",
        "customer",
        "housing",
        "homes",
        "planning",
        "legal",
        "resources",
        "leadership",
        "executive",
        "programme",
        "directorate",
        "business",
        "operations",
        "development",
        "health",
        "safety",
        "task",
        "reference",
        "focus",
        "stakeholder",
        "partnership",
        "policy",
        "scrutiny",
        "review",
        "officer",
        "officers",
        "assistant",
        "manager",
        "director",
        "head",
        "team",
        "action",
        "regeneration",
        "procurement",
        "network",
        "networks",
        "staff",
        "employee",
        "employees",
        "youth",
        "community",
        "parents",
        "users",
        "carers",
        "patients",
        "friends",
        "volunteer",
        "volunteers",
        "faith",
        "interest",
        "special",
        "learning",
        "training",
        "study",
    }
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
        "relevant",
        "respective",
        "their",
        "your",
        "our",
    }
)
# Seniority and role words that open a title before the group's name ("Senior Labour Group ...").
_LEADING = frozenset(
    {"senior", "principal", "junior", "lead", "chief", "trainee", "interim", "acting", "deputy"}
    | {"assistant", "political", "research", "support", "officer", "adviser", "advisor", "and"}
)

# How a political assistant's title begins, so that a line that only mentions such a post
# ("Liaise with the Labour Group Support Officer") is not read as the post's own title.
_TITLE_START = LazyPattern(
    r"^(?i:(?:senior|principal|junior|lead|chief|trainee|interim|acting|deputy)\s+)*"
    r"(?:(?i:political|assistant|adviser|advisor|officer|researcher|co-?ordinator)\b"
    r"|(?i:group\s+(?:support|research))\b"
    r"|(?i:(?:support|research)\s+(?:and\s+support\s+)?(?:officer|assistant))\b"
    rf"|{_NAMED}\s+(?i:political|support|research|assistant|adviser|advisor|researcher)\b)"
)


@lru_cache(maxsize=8192)  # an establishment repeats a few hundred titles many times over
def kind(title: str | None) -> str | None:
    """political_assistant or mayors_assistant as the title suggests; None for any other title."""
    if not title or _NOT_ELECTED_MAYOR.search(title):
        return None
    if _MAYORS_ASSISTANT.search(title):
        return MAYORS_ASSISTANT
    if (
        _POLITICAL_ROLE.search(title)
        or _GROUP_SUPPORT.search(title.strip())
        or _serves_named_group(title) is not None
    ):
        return POLITICAL_ASSISTANT
    return None


def group(title: str | None) -> str | None:
    """The political group a political assistant's title names, as written; None if it names none.

    A title of another kind names no group ("Project Officer (Regeneration Group)")."""
    if not title or kind(title) != POLITICAL_ASSISTANT:
        return None
    served = _serves_named_group(title)
    if served is not None:
        return served
    for found in re.finditer(_NAMED_GROUP, title):
        name = group_name(found["group"])
        if name is not None:
            return name
    party = _PARTY.search(title)
    if party:
        return " ".join((party["bracket"] or party["dash"] or party["to"]).split())
    return None


def opens_as_title(text: str) -> bool:
    """Whether the text begins as a political assistant's job title does."""
    return _TITLE_START.match(text.strip()) is not None


def group_name(name: str) -> str | None:
    """A named group without any leading seniority or role words, or None if the name is generic
    ("the Majority Group") or a team's ("Finance Group")."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in _LEADING:
        words = words[1:]
    named = words[:-1]
    if not named or all(w.lower() in _GENERIC for w in named):
        return None
    if any(w.lower().strip("'’") in _NOT_POLITICAL for w in named):
        return None
    return " ".join(words)


def _serves_named_group(title: str) -> str | None:
    for found in _SERVES_NAMED.finditer(title):
        name = group_name(found["after"] or found["before"])
        if name is not None:
            return name
    return None
