"""Terms of the post stated in prose or labels: appointment, office attendance, line management,
reporting line and salary. Each reader returns what one sentence states, or None."""

from __future__ import annotations

import itertools
import re

from postcheck.record.dates import FoundDate, PartialDate, find_dates
from postcheck.record.model import (
    Appointment,
    AppointmentType,
    AttendanceStatement,
    EndEvent,
    LineManagement,
    LineManagementScope,
    Salary,
    SalaryPeriod,
)

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a": 1,
    "half": 0.5,
}
_NUMBER = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|half)"

# --- appointment -------------------------------------------------------------------------------
# A fixed-term contract, in the sense of the Fixed-term Employees (Prevention of Less Favourable
# Treatment) Regulations 2002 (reg 1(2)), ends on a date, on completing a task or on a specific
# event: "until the end of the Mayor's term", "until the end of the current administration" and
# "maternity cover" are fixed terms as much as "fixed term until 31 March 2027" is.
_DURATION = (
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen"
    r"|twenty[\s-]+four|thirty[\s-]+six)"
)
_FIXED = re.compile(
    r"\bfixed[\s-]+term\b|\blimited[\s-]+term\b"
    r"|\btemporary\s+(?:post|appointment|contract|basis|role|position|until|till|to|for)\b"
    r"|\bsecondment\b"
    r"|\b(?:maternity|paternity|parental|adoption|sickness)\s+(?:leave\s+)?cover\b"
    r"|\bcover(?:ing)?\s+(?:for\s+)?(?:a\s+)?(?:maternity|paternity|parental|adoption)\s+leave\b"
    rf"|\b{_DURATION}[\s-]+(?:months?|years?|weeks?)['’]?\s+(?:fixed[\s-]+term\s+|temporary\s+)?"
    r"(?:contract|appointment|post|role|position|secondment|placement|basis)\b(?![-‐])"
    r"|\b(?:contract|appointment|post|role|position)\s+(?:is\s+|will\s+be\s+)?(?:offered\s+)?for\s+"
    rf"(?:a\s+(?:fixed\s+)?period\s+of\s+)?(?:up\s+to\s+)?{_DURATION}\s+(?:months?|years?)\b",
    re.I,
)
_PERMANENT = re.compile(
    r"\bpermanent\s*,?\s+(?:(?:full|part)[\s-]+time\s+)?"
    r"(?:post|role|position|appointment|contract|basis)\b"
    r"|\b(?:post|role|position|appointment|contract)\s+is\s+permanent\b"
    r"|\b(?:open[\s-]+ended|indefinite)\s+(?:post|contract|appointment|basis)\b"
    # "The appointment is open-ended", "with no end date", "employed indefinitely"
    r"|\b(?:post|role|position|appointment|contract|employment)\s+(?:is|will\s+be)\s+"
    r"(?:open[\s-]+ended|indefinite|ongoing)\b"
    r"|\b(?:no|without\s+(?:a|any))\s+(?:fixed\s+|set\s+)?end(?:ing)?\s+date\b|\bindefinitely\b"
    # labels run into the prose: "Contract Permanent, full time", "Type of appointment: permanent"
    r"|\b(?:contract|appointment|tenure|employment\s+type)\s*[:–-]?\s*permanent\b",
    re.I,
)
# Statements that a post is not fixed-term (or not permanent) state neither type by themselves.
_NEGATED = re.compile(
    r"\b(?:not|never|no\s+longer)\s+(?:be\s+)?(?:on\s+)?(?:a\s+|an\s+)?"
    r"(?:fixed[\s-]+term|limited[\s-]+term|temporary|secondment|permanent)\b"
    r"|\bnon[\s-]+(?:fixed[\s-]+term|permanent|temporary)\b|\bno\s+fixed[\s-]+term\b",
    re.I,
)
# A labelled value ("Contract: Full Time, Limited Term"): the type is any of these words in it.
_BARE = re.compile(
    r"\b(?P<type>permanent|fixed[\s-]+term|limited[\s-]+term|temporary|secondment)\b"
    r"|^\s*(?P<until>until|till|up\s+to|ending)\b",
    re.I,
)
_END_EVENTS = (
    (
        EndEvent.MAYORS_TERM,
        re.compile(
            # "the Mayor's term", "the Mayor's current four-year term of office", "the mayoral
            # term", "the Mayor's period of office"
            r"\bmayor(?:['’]s|al)\s+(?:[\w-]+\s+){0,2}?(?:term|period\s+(?:of|in)\s+office"
            r"|tenure|time\s+in\s+office)\b"
            r"|\b(?:term|period)\s+of\s+(?:office\s+of\s+)?the\s+(?:current\s+)?(?:directly\s+)?"
            r"(?:elected\s+)?mayor|\bmayoralty\b"
            r"|\bmayor\s+(?:leaves|vacates|ceases\s+to\s+hold|holds|remains\s+in)\s+"
            r"(?:(?:their|his|her|the)\s+)?office\b",
            re.I,
        ),
    ),
    (
        EndEvent.ANNUAL_MEETING,
        re.compile(
            r"\bannual\s+(?:general\s+|council\s+)?meeting\b|\bannual\s+council\b|\bAGM\b", re.I
        ),
    ),
    (EndEvent.FUNDING, re.compile(r"\b(?:end\s+of\s+(?:the\s+)?)?funding\b", re.I)),
    (
        EndEvent.OTHER,
        re.compile(
            r"\b(?:current|present)\s+(?:political\s+)?administration\b"
            r"|\bnext\s+(?:scheduled\s+)?(?:local\s+|council\s+|borough\s+|mayoral\s+)?elections?\b",
            re.I,
        ),
    ),
)
# Words that tie the end of the appointment to an event: "until", "for the duration of" ...
_UNTIL_EVENT = re.compile(
    r"\b(?:until|till|up\s+to|ending\s+(?:at|on|with)|ends?\s+(?:at|on|with)|to\s+the\s+end"
    r"|(?:expir|terminat|finish|end)\w*\s+(?:at|on|with|when)|for\s+the\s+(?:duration|length|life"
    r"|period|remainder|rest|term)|co-?termino?us\s+with|tied\s+to|linked\s+to|no\s+later\s+than"
    r"|for\s+(?:as\s+)?long\s+as|until\s+such\s+time\s+as|runs?\s+with|lasts?\s+for"
    r"|not\s+(?:extend\s+|continue\s+|run\s+)?(?:beyond|past))\b",
    re.I,
)

# A word every statement of a contract's type or end holds; most sentences hold none and are
# passed over before the patterns above are tried (the patterns are many and slow).
_TERM_WORDS = (
    *("fixed", "limited", "temporar", "secondment", "cover", "month", "year", "week"),
    *("permanent", "open", "indefinite", "contract", "appointment", "tenure", "employment"),
    *("mayor", "annual", "agm", "funding", "administration", "election"),
)
_UNTIL_REACH = 40  # characters between "until" and the event: "until the end of the current"


def appointment(sentence: str, labelled: bool, place: dict[str, int | None]) -> Appointment | None:
    """Fixed-term or permanent, and what a fixed term ends with (a date, the mayor's term ...).

    "Full Time" is the hours, not the contract: alone it states no type. "This is not a
    fixed-term post" states no type either, unless the sentence also says the post is permanent.
    """
    lowered = sentence.lower()
    if not labelled and not any(word in lowered for word in _TERM_WORDS):
        return None
    text = _NEGATED.sub(" ", sentence)
    bare = _BARE.search(text) if labelled else None
    event, tied_to_event = _end_event(text)
    if (
        _FIXED.search(text)
        or tied_to_event
        or (bare and (bare["until"] or bare["type"].lower() != "permanent"))
    ):
        kind = AppointmentType.FIXED_TERM
    elif _PERMANENT.search(text) or bare:
        kind = AppointmentType.PERMANENT
    else:
        return None
    end_event = end_date = None
    if kind is AppointmentType.FIXED_TERM:
        end_event = event
        end_date = _end_date(text, event is not None)
    return Appointment(
        as_written=sentence,
        type=kind,
        end_event=end_event,
        end_date=end_date.model_dump() if end_date else None,  # a dict keeps "as written"
        **place,
    )


# Words just before a date that make it the day the appointment ends, or the day it starts.
_END_MARK = re.compile(
    r"(?:\b(?:until|till|til|to|ending|ends?|end\s+date|expir\w*|terminat\w*|finish\w*|through"
    r"|no\s+later\s+than|not\s+(?:beyond|after|later\s+than)|by|up\s+to)|\s[-–—]|[-–—])"
    r"(?:\s+(?:on|at|in|of|is|date|the\s+end\s+of))*\s*[:,]?\s*$",
    re.I,
)
_START_MARK = re.compile(
    r"\b(?:from|starting|start(?:ing)?\s+date|commenc\w*|beginning|begins?|effective|w\.?e\.?f\.?"
    r"|dated|updated|closing\s+date|interviews?)(?:\s+(?:on|at|in|of|is|date|from))*\s*[:,–—-]?\s*$",
    re.I,
)
_MARK_REACH = 30  # characters before a date where "until" or "from" still governs it
_EVENT_YEAR_REACH = 40  # characters after an event's words where its year may stand


def _end_date(text: str, has_event: bool) -> PartialDate | None:
    """The day the appointment ends, from the dates the sentence writes.

    A date after "until", "to", "ending (on)", "expires", "no later than" or a dash in a range
    is the end ("from 1 June 2026 until 31 March 2027" ends on the second date); a date after
    "from", "starting" or "commencing" is a start and never the end. A sentence with one date
    and no such word ("Fixed term: 31 March 2027") ends on it. With an end event, a year
    written with the event is its year: "the annual meeting in 2026", "the 2026 annual meeting".
    """
    found = find_dates(text)
    starts = [f for f in found if _START_MARK.search(_before(text, f))]
    marked = [f for f in found if f not in starts and _END_MARK.search(_before(text, f))]
    if marked:
        return marked[0].date
    unmarked = [f for f in found if f not in starts]
    if len(unmarked) == 1:
        return unmarked[0].date
    if not found and has_event:
        return _event_year(text)
    return None


def _before(text: str, found: FoundDate) -> str:
    return text[max(0, found.start - _MARK_REACH) : found.start]


def _event_year(text: str) -> PartialDate | None:
    """The year written with an end event: "the annual meeting in 2026", "the 2026 AGM"."""
    for _, pattern in _END_EVENTS:
        event = pattern.search(text)
        if event is None:
            continue
        after = text[event.end() : event.end() + _EVENT_YEAR_REACH]
        before = text[max(0, event.start() - 12) : event.start()]
        years = [
            *(f for f in find_dates(after, bare_years=True) if f.date.month is None),
            *(f for f in find_dates(before, bare_years=True)[-1:] if f.date.month is None),
        ]
        if years:
            return years[0].date
        return None
    return None


def _end_event(text: str) -> tuple[EndEvent | None, bool]:
    """The event the sentence names, and whether the appointment is said to end with it: an
    "until" or "for the duration of" shortly before the event's words."""
    for event, pattern in _END_EVENTS:
        found = pattern.search(text)
        if found:
            tied = any(
                0 <= found.start() - until.end() <= _UNTIL_REACH
                for until in _UNTIL_EVENT.finditer(text, 0, found.start())
            )
            return event, tied
    return None, False


# --- office attendance -------------------------------------------------------------------------
_DAYS = re.compile(
    rf"(?P<floor>\bat\s+least|\b(?:a\s+)?minimum\s+(?:of\s+)?|\bnot\s+less\s+than|\bno\s+fewer\s+than)?"
    rf"\s*\b(?P<n>{_NUMBER})(?:\s*\(\d+(?:\.\d+)?\))?\s+(?:(?:working|office)\s+)?days?"
    r"\s+(?:a|per|each|every|of\s+the|in\s+the|in\s+a)\s+(?:working\s+)?week\b",
    re.I,
)
# Being in a council workplace, as a statement of attendance says it ("in the office",
# "on site", "in person", "attending the Town Hall")
_IN_THE_OFFICE = (
    r"\b(?:in|at|from)\s+the\s+office\b|\boffice[\s-]+(?:based|attendance|days?)\b|\bon[\s-]+site\b"
    r"|\bin[\s-]+person\b|\bphysical(?:ly)?\s+(?:attend|present|presence)"
    r"|\battend(?:ing|ance)?\s+(?:in\s+|at\s+)?(?:the\s+)?(?:office|workplace|town\s+hall|civic\s+cent)"
    r"|\bworkplace\b"
)
_IN_PERSON = re.compile(_IN_THE_OFFICE + r"|\bhybrid\b", re.I)

# A word each attendance pattern holds, tried first
_MENTIONS_ATTENDANCE = re.compile(r"day|office|site|person|physical|attend|hybrid|workplace", re.I)
# A council building named with a number of days: "work from the Town Hall one day a week".
_WORKPLACE = re.compile(
    r"\b(?:at|from|in)\s+(?:the\s+)?(?:town\s+hall|city\s+hall|county\s+hall|guildhall"
    r"|civic\s+cent(?:re|er)|council\s+offices)\b",
    re.I,
)


# Days worked from home, not in the office: "from home 2 days a week", "2 days remotely".
_HOME = re.compile(
    r"\b(?:from|at)\s+home\b|\bhome[\s-]*(?:working|based)\b|\bhomeworking\b|\bremote(?:ly)?\b"
    r"|\bWFH\b|\bwork(?:ing)?\s+from\s+(?:home|anywhere)\b|\boff[\s-]+site\b",
    re.I,
)
# A clause placing its days in the office; "hybrid" alone places none.
_OFFICE = re.compile(_IN_THE_OFFICE, re.I)
# Where one clause of a split week ends and the next begins: "2 days from home and 3 in the
# office", "in the office 3 days a week, the rest at home".
_CLAUSE_BREAK = re.compile(r"[,;()]|\s[-–—]\s|\b(?:and|with|but|while|whilst|plus|or)\b", re.I)
# A count of office days with the week left unsaid, as the second half of a split week:
# "... and 3 in the office", "3 days on site".
_ELLIPTIC_DAYS = re.compile(
    rf"\b(?P<n>{_NUMBER})\s+(?:(?:working\s+|office\s+)?days?\s+)?(?:in\s+the\s+office|on[\s-]+site"
    r"|in[\s-]+person|at\s+(?:the\s+)?(?:office|workplace|town\s+hall|civic\s+cent(?:re|er)))\b",
    re.I,
)


_ANY_DAYS = re.compile(rf"\b{_NUMBER}\s+(?:working\s+)?days?\b", re.I)


def attendance(sentence: str, place: dict[str, int | None]) -> AttendanceStatement | None:
    """A statement about working in person; days_per_week where it gives the office days.

    A week split between home and office gives the office days, whichever comes first: in
    "from home 2 days a week, in the office 3 days a week" and "2 days from home and 3 in the
    office" the post is in the office 3 days. A count in a clause about home (or remote)
    working is never an office count.
    """
    if not _MENTIONS_ATTENDANCE.search(sentence):
        return None
    in_person = _IN_PERSON.search(sentence)
    days = _office_days(sentence, in_person is not None)
    if days is not None:
        return AttendanceStatement(as_written=sentence, days_per_week=days, **place)
    if in_person:
        return AttendanceStatement(as_written=sentence, **place)
    return None


def _office_days(sentence: str, in_person: bool) -> float | None:
    """The office days a sentence states, reading each clause of a split week on its own.
    `in_person`: the sentence speaks of attending in person somewhere (_IN_PERSON)."""
    at_home = _HOME.search(sentence) is not None
    # the office count may leave "days" unsaid only where the sentence counts days elsewhere
    split = (at_home or len(_DAYS.findall(sentence)) > 1) and _ANY_DAYS.search(sentence) is not None
    in_office = in_person or _WORKPLACE.search(sentence) is not None
    unplaced: list[re.Match[str]] = []
    for clause in _clauses(sentence):
        office = _OFFICE.search(clause) or _WORKPLACE.search(clause)
        home = _HOME.search(clause)
        found = _DAYS.search(clause) or (_ELLIPTIC_DAYS.search(clause) if split else None)
        if found is None or (home and not office):
            continue
        if office:
            return _number(found["n"])
        unplaced.append(found)
    for found in unplaced:  # "at least 3 days a week" with the office named elsewhere
        if ("floor" in found.re.groupindex and found["floor"]) or (in_office and not at_home):
            return _number(found["n"])
    return None


def _clauses(sentence: str) -> list[str]:
    """The sentence cut at commas, dashes and joining words, keeping each day count whole."""
    pieces, start = [], 0
    for cut in _CLAUSE_BREAK.finditer(sentence):
        pieces.append(sentence[start : cut.start()])
        start = cut.end()
    pieces.append(sentence[start:])
    return [p for p in pieces if p.strip()]


def _number(word: str) -> float:
    return float(NUMBER_WORDS.get(word.lower(), 0) or word)


# --- line management ---------------------------------------------------------------------------
_NO_MANAGEMENT = re.compile(
    r"\bno\s+(?:direct\s+|formal\s+)?(?:line[\s-]+|staff\s+)?(?:management|supervisory|managerial)"
    r"\s+(?:responsibilit|duties|role)"
    r"|\bno\s+(?:direct\s+)?(?:line|staff)[\s-]+management\b|\bno\s+direct\s+reports\b"
    r"|\b(?:zero|0|nil)\s+direct\s+reports\b"
    r"|\bno\s+(?:staff|employees|officers|one)\s+(?:to\s+manage|report(?:s|ing)?\s+to)\b"
    r"|\bno\s+responsibility\s+for\s+(?:managing|supervising|the\s+(?:line\s+)?management\s+of)\s+"
    r"(?:staff|other\s+staff|officers|employees|people)\b"
    r"|\bnot\s+(?:have|be\s+expected\s+to\s+have)\s+(?:any\s+)?(?:line[\s-]+)?manage"
    r"|\b(?:does|will|shall)\s+not\s+(?:line[\s-]+)?manage\b"
    r"|\bnot\s+(?:line[\s-]+)?manag(?:e|ing)\s+(?:any\s+)?(?:staff|people|officers|employees|a\s+team)\b",
    re.I,
)
# A word each line-management pattern holds, tried first
_MENTIONS_MANAGEMENT = re.compile(r"manag|supervis|oversee|direct|report|responsib", re.I)
_NO_ANSWER = re.compile(r"^\s*(?:none|nil|n/?a|no|not\s+applicable|0|zero)\b", re.I)
_COUNT_ANSWER = re.compile(
    r"^\s*(?:up\s+to\s+)?(?:[1-9]\d*|one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I
)
_CLERICAL = re.compile(
    r"\b(?:supervis|manag|direct)\w*\s+(?:[\w'’]+\s+){0,6}?(?:clerical|secretarial|administrative)"
    r"(?:\s*(?:/|\band\b|\bor\b|\band/or\b)\s*(?:clerical|secretarial|administrative))?"
    r"\s+(?:support|staff|assistants?|officers?)\b",
    re.I,
)
_CLERICAL_ANSWER = re.compile(r"\b(?:clerical|secretarial|administrative)\b", re.I)
_COUNT = (
    r"(?:(?:up\s+to|around|approximately|about|over|at\s+least)\s+)?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
)
_STAFF_NOUN = (
    r"(?:staff|officers|employees|people|posts|direct\s+reports|team\s+members|members\s+of\s+staff"
    r"|FTE|assistants|researchers|advisers|advisors|workers|colleagues|operatives|managers"
    r"|team\s+leaders|supervisors|heads(?:\s+of\s+service)?|practitioners|engineers|accountants"
    r"|lawyers|solicitors|inspectors|planners|analysts|co-?ordinators|administrators|apprentices"
    r"|trainees|caseworkers|drivers|technicians|specialists|surveyors|assessors)\b"
)
_MANAGE = (
    r"(?:line[\s-]+manag(?:e|es|ing)|manag(?:e|es|ing)|supervis(?:e|es|ing)|oversee(?:s|ing)?)"
)
_STAFF = re.compile(
    # "line manages the Research Officer", "line management of 4 officers"; not "line management
    # of this post", "line managed by"
    r"\bline[\s-]+manag(?:e|es|ing|ement)\s+(?:of\s+)?"
    r"(?!(?:the|this|that)\s+(?:post|role|position|post[\s-]?holder|job)\b)"
    r"(?:a\s+team|\d+|one|two|three|four|five|six|seven|eight|nine|ten|the\s+[A-Z\w]|staff|officers)"
    # "manages 3 staff", "Manages up to 4 directly managed staff", "supervises a team of 4 officers"
    rf"|\b{_MANAGE}\s+(?:a\s+(?:small\s+)?team\s+of\s+)?{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?{_STAFF_NOUN}"
    rf"|\b{_MANAGE}\s+a\s+(?:small\s+)?team\s+of\s+{_COUNT}\b"
    # "manages a team", "supervises the research team"; not "manages the team's diary"
    rf"|\b{_MANAGE}\s+(?:a|the|their|his|her|its)\s+(?:small\s+)?(?:[\w'’-]+\s+){{0,3}}?team\b(?!['’])"
    rf"|\b{_MANAGE}\s+(?:all\s+|other\s+)?(?:staff|officers|employees)\b"
    # "has 3 direct reports", "4 direct reports"
    rf"|(?:^|\b(?:has|have|having|with|will\s+have)\s+){_COUNT}\s+direct\s+reports\b"
    # "responsible for a team of 6", "responsible for managing staff"
    rf"|\bresponsible\s+for\s+(?:a\s+team\s+of\s+{_COUNT}|{_COUNT}\s+{_STAFF_NOUN}"
    r"|(?:managing|supervising|leading|line[\s-]+managing|the\s+(?:line\s+)?management\s+of)\s+"
    rf"(?:a\s+team|staff|officers|{_COUNT}|the\s+\w+\s+team))",
    re.I,
)
# A person specification asks for experience of management; it does not give the post any.
# A person specification asks for experience of management; it does not give the post any:
# "Experience of managing a team of 5 staff", "...; experience of managing staff; ...".
_REQUIREMENT = re.compile(
    r"\b(?:experience|ability|able|knowledge|evidence|track\s+record|understanding|skills?"
    r"|capable|competence)\b",
    re.I,
)


def _asked_for(sentence: str, found: re.Match[str] | None) -> bool:
    """Whether the match is part of a requirement: a requirement word earlier in its clause."""
    if found is None:
        return False
    clause = re.split(r"[;:,]", sentence[: found.start()])[-1]
    return _REQUIREMENT.search(clause) is not None


def line_management(
    sentence: str, place: dict[str, int | None], answer: str | None = None
) -> LineManagement | None:
    """What staff the post manages: none, clerical or secretarial support only, or staff.

    answer is the value of a "Line management:" label, where "None", "N/A" or "0" is enough, a
    number of staff means staff, and "clerical support only" means clerical. Managing things
    ("manages the Mayor's diary") is not managing staff.
    """
    if answer is None and not _MENTIONS_MANAGEMENT.search(sentence):
        return None
    clerical = _CLERICAL.search(sentence)
    staff = _STAFF.search(sentence)
    if answer is not None and _NO_ANSWER.match(answer):
        scope = LineManagementScope.NONE
    # Clerical before none: "no line management, but supervises secretarial support" is clerical.
    elif (answer is not None and _CLERICAL_ANSWER.search(answer)) or (
        clerical and not _asked_for(sentence, clerical)
    ):
        scope = LineManagementScope.CLERICAL
    elif _NO_MANAGEMENT.search(sentence):
        scope = LineManagementScope.NONE
    elif (staff and not _asked_for(sentence, staff)) or (
        answer is not None and _COUNT_ANSWER.match(answer)
    ):
        scope = LineManagementScope.STAFF
    else:
        return None
    return LineManagement(as_written=sentence, scope=scope, **place)


# --- reporting line ----------------------------------------------------------------------------
_SUBJECT = (
    r"(?:you|post[\s-]?holder|jobholder|job\s+holder|incumbent|appointee|post|role|position"
    r"|officer|assistant|adviser|advisor|he\s+or\s+she|they)"
)
_AUX = r"(?:(?:will|shall|is\s+to|are\s+to|would)\s+)?(?:(?:be|is|are)\s+)?(?:directly\s+)?"
_REPORTS = re.compile(
    # "The post holder reports to ...", "You will be accountable to ...", "The post is line
    # managed by ..."
    rf"\b{_SUBJECT}\s+{_AUX}(?:(?:reports?|reporting|accountable|responsible)\s+(?:directly\s+)?to"
    r"|(?:line[\s-]+)?managed\s+by)\s+(?P<to>.+)"
    # "Reporting to the Head of Policy, you will ...", "..., reporting to the Chief Executive"
    r"|(?:^|[,;:(–—-]\s*)(?:reporting|reports|accountable|responsible)\s+(?:directly\s+)?to\s*:?\s+"
    r"(?P<lead>.+)"
    r"|\breports\s+directly\s+to\s+(?P<direct>.+)"
    # "Your line manager will be the Head of Policy", "The line manager for this post is ..."
    r"|\bline\s+manager\s+(?:for\s+(?:this|the)\s+(?:post|role)\s+)?(?:is|will\s+be)\s+(?P<manager>.+)"
    r"|\bunder\s+the\s+(?:direct\s+)?(?:line\s+)?(?:management|supervision)\s+of\s+(?P<under>.+)",
    re.I,
)
# A word each reporting-line pattern holds, tried first
_MENTIONS_REPORTING = re.compile(
    r"report|accountable|responsible|managed|manager|supervision", re.I
)
_REPORT_END = re.compile(
    r"[,;:(]|\s[-–—]\s|\.(?:\s|$)|\s+(?:but|who|whom|although|while|whilst|on|via|through"
    r"|in\s+respect|as\s+(?:well|required|appropriate|and)|when|where|and\s+(?:will|is|are|has"
    r"|works?|the\s+post|to|through|via|day)|or\s+(?:their|his|her|a|an)\s+(?:nominee|delegate"
    r"|representative|deputy)|or\s+equivalent|with|dotted|day[\s-]+to[\s-]+day"
    r"|for\s+(?!(?-i:[A-Z])))\b",
    re.I,
)
# Words that open a note about the reporting line rather than continue the title.
_NOTE = (
    r"(?:dotted|solid|matrix|day[\s-]+to[\s-]+day|for|via|with|and|or|who|on|through|see|reporting"
    r"|line|currently|tbc|to\s+be|but|when|where|although|while|whilst|in|as|acting|interim)\b"
)
# A bracket or dash that is part of the title: "Finance Manager (Capital)", "Senior Social
# Worker – Children in Care"; not "(dotted line to the Leader)".
_TITLE_BRACKET = re.compile(rf"\(\s*(?!{_NOTE})[^()]{{1,40}}\)", re.I)
_TITLE_DASH = re.compile(rf"\s[-–—]\s+(?!{_NOTE})(?-i:[A-Z])", re.I)
# In a labelled value a comma may carry the title on: "Registered Manager, Lakeside Care Home".
_TITLE_COMMA = re.compile(rf",\s+(?!{_NOTE})(?-i:[A-Z])", re.I)
# What follows "accountable/responsible to" that is no job title: "to ensure", "to the Council".
_NOT_A_TITLE = frozenset(
    {"ensure", "deliver", "provide", "achieve", "meet", "support", "make", "maintain", "help"}
    | {"him", "her", "them", "their", "his", "its", "you", "whom", "council", "councillors"}
    | {"members", "residents", "public", "committee", "committees", "cabinet", "full", "all"}
    | {"this", "that", "which", "be", "do", "work", "carry", "undertake", "other", "others"}
)
_MAX_TITLE_WORDS = 12


def reports_to(sentence: str, labelled: bool) -> str | None:
    """The job title the post reports to, without a leading 'the'.

    Read from "reports (directly) to", "reporting to", "accountable to", "responsible to", "line
    managed by", "line manager is" and "under the management of"; the title stops at a comma,
    bracket, dash, full stop or a word that starts a new clause ("who", "but", "for the ...").
    """
    if labelled:
        target = sentence
    else:
        found = _REPORTS.search(sentence) if _MENTIONS_REPORTING.search(sentence) else None
        if not found:
            return None
        target = next(v for v in found.groupdict().values() if v)
    title = _title_end(target, labelled).strip(" .")
    title = re.sub(r"^(?:the|a|an|your|its)\s+", "", title, flags=re.I)
    words = title.split()
    if not words or len(words) > _MAX_TITLE_WORDS or words[0].lower() in _NOT_A_TITLE:
        return None
    return title


def _title_end(target: str, labelled: bool) -> str:
    """The target up to where the title ends; a bracket or dash that names part of the post
    ("(Capital)") belongs to it, and in a labelled value so does a comma before a name."""
    pos = 0
    while (end := _REPORT_END.search(target, pos)) is not None:
        mark = end.group().strip()
        kept = (
            (_TITLE_BRACKET.match(target, end.start()) if mark == "(" else None)
            or (_TITLE_DASH.match(target, end.start()) if mark in ("-", "–", "—") else None)
            or (_TITLE_COMMA.match(target, end.start()) if mark == "," and labelled else None)
        )
        if kept is None:
            return target[: end.start()]
        pos = kept.end()
    return target


# --- salary ------------------------------------------------------------------------------------
# "£44,000", "£44k", "£49.3k" (thousands with a decimal), "£15.50" (pence)
_AMOUNT = (
    r"£\s?(?P<{0}>\d{{1,3}}(?:,\d{{3}})+|\d+)"
    r"(?:(?:\.(?P<{0}p>\d{{2}}))(?!\d|\s*k\b)|\.(?P<{0}d>\d{{1,2}})(?=\s*k\b))?\s*(?P<{0}k>k\b)?"
)
# The top of a range may drop its "£": "£44,000 - 49,282", "£44k to 49.3k".
_RANGE = re.compile(
    _AMOUNT.format("low")
    + r"\s*(?:-|–|—|to)\s*"
    + _AMOUNT.format("high").replace("£\\s?", "£?\\s?", 1),
    re.I,
)
_SINGLE = re.compile(
    r"(?P<lead>up\s+to|from|starting\s+at|rising\s+to|maximum\s+of)?\s*" + _AMOUNT.format("one"),
    re.I,
)
# NJC spinal column points: "SCP 34 - 38", "SCP 34-38", "SCPs 34 to 38", "spinal column points
# 34-38", "SCP 34 - SCP 38"; one point: "SCP 38".
_POINT_WORD = r"(?:SCPs?|spinal\s+(?:column\s+)?points?|(?:pay|scale)\s+points?)"
_POINTS = re.compile(
    rf"\b{_POINT_WORD}\s*:?\s*(?P<low>\d{{1,2}})(?!\d|[.,]\d)"
    rf"(?:\s*(?:-|–|—|to)\s*(?:{_POINT_WORD}\s*)?(?P<high>\d{{1,2}})(?!\d|[.,]\d))?",
    re.I,
)
_PAY_WORDS = re.compile(
    r"\bsalary|\bper\s+annum\b|\bp\.?a\.?\b|\bpay\b|\bgrade\b|\bwages?\b|\bremuneration\b"
    r"|\brate\b",
    re.I,
)
# How often the amount is paid, written after it ("£40,000 per annum", "£15.50 ph") ...
_PERIODS = (
    (
        SalaryPeriod.ANNUAL,
        r"per\s+annum|p\.\s?a\.?|pa|a\s+year|per\s+year|annual(?:ly)?|yearly|/\s?(?:yr|year|annum)",
    ),
    (
        SalaryPeriod.MONTHLY,
        r"per\s+(?:calendar\s+)?month|a\s+month|monthly|p\.?c\.?m\.?|/\s?(?:month|mth)",
    ),
    (SalaryPeriod.WEEKLY, r"per\s+week|a\s+week|weekly|p\.?w\.?|/\s?(?:week|wk)"),
    (SalaryPeriod.DAILY, r"per\s+day|a\s+day|daily|per\s+diem|/\s?day"),
    (SalaryPeriod.HOURLY, r"per\s+hour|an\s+hour|hourly|p\.?h\.?|p/h|/\s?(?:hr|hour)"),
)
_PERIOD_AFTER = re.compile(  # used with match() at the amount's end
    r"\s*(?:\(?\s*(?:pro[\s-]*rata|FTE|full[\s-]+time\s+equivalent|gross)\s*\)?\s*,?\s*)?(?:"
    + "|".join(f"(?P<{period.name}>{words})" for period, words in _PERIODS)
    + r")(?![\w])",
    re.I,
)
# ... or before it ("Hourly rate: £15.50", "annual salary of £40,000", "Salary per annum: £40,000").
_PERIOD_BEFORE = re.compile(
    r"(?:\b(?P<ANNUAL>annual|yearly)|\b(?P<MONTHLY>monthly)|\b(?P<WEEKLY>weekly)"
    r"|\b(?P<DAILY>daily|day)|\b(?P<HOURLY>hourly))\s+(?:salary|pay|rate|wage|remuneration)\b"
    r"|\b(?:salary|pay|rate)\s+\(?(?:(?P<ANNUAL2>per\s+annum|p\.a\.|a\s+year)|(?P<HOURLY2>per\s+hour)"
    r"|(?P<DAILY2>per\s+day))\)?",
    re.I,
)
_MAX_AMOUNTS = 4  # amounts looked at in one sentence for the one stated by the year
_PERIOD_REACH = 60  # characters before an amount where "hourly rate" or "salary per annum" count
_PRO_RATA = re.compile(r"\bpro[\s-]*rata\b", re.I)


def salary(sentence: str, labelled: bool, place: dict[str, int | None]) -> Salary | None:
    """A pay range ('£40,000 - £45,000', '£40k to £45k per annum', '£44k - £49.3k', '£44,000
    to 49,282') or a single figure, with how often it is paid where the text says ('per annum',
    'per hour', 'a day'; None if it does not) and whether it is pro rata ('£30,000 pro rata';
    None if not said).

    Pay stated only in NJC spinal column points ('SCP 34 - 38') is kept as written, with no
    amounts: postcheck has no table of what each point is worth, so it does not guess one.
    """
    if "£" not in sentence:
        points = _POINTS.search(sentence)
        if points is None or _point_range(points) is None:
            return None
        return Salary(as_written=points[0].strip(), **place)
    if not labelled and not _PAY_WORDS.search(sentence):
        return None
    minimum: float | None
    maximum: float | None
    found = _RANGE.search(sentence)
    if found:
        minimum, maximum = _amount(found, "low"), _amount(found, "high")
        # "£42,000 - £38,000" is a pay range written the wrong way round: read as written, so
        # salary-range-inverted reports it; "£44,000 - 5 days": the second number is not pay
        if minimum > maximum and "£" not in sentence[found.end("low") : found.start("high")]:
            found = None
    if not found:
        singles = list(itertools.islice(_SINGLE.finditer(sentence), _MAX_AMOUNTS))
        if not singles:
            return None
        periods = [_period(sentence, s.start(), s.end()) for s in singles]
        # "£15 per hour (£28,000 per annum)": the annual figure is the one rules compare.
        chosen = next(
            (i for i, p in enumerate(periods) if p is SalaryPeriod.ANNUAL and periods[0] is not p),
            0,
        )
        found = singles[chosen]
        value = _amount(found, "one")
        lead = (found["lead"] or "").lower()
        minimum = None if lead in ("up to", "rising to", "maximum of") else value
        maximum = None if lead in ("from", "starting at") else value
    return Salary(
        as_written=found[0].strip(),
        minimum=minimum,
        maximum=maximum,
        period=_period(sentence, found.start(), found.end()),
        pro_rata=True if _PRO_RATA.search(sentence) else None,
        **place,
    )


def _period(sentence: str, start: int, end: int) -> SalaryPeriod | None:
    """The period written just after the amount, else just before it in the same clause."""
    after = _PERIOD_AFTER.match(sentence, end)
    if after:
        return SalaryPeriod[next(name for name, v in after.groupdict().items() if v)]
    clause = re.split(r"[.;]\s", sentence[max(0, start - _PERIOD_REACH) : start])[-1]
    before = list(_PERIOD_BEFORE.finditer(clause))
    if before:
        name = next(name for name, v in before[-1].groupdict().items() if v)
        return SalaryPeriod[name.rstrip("2")]
    return None


def _amount(found: re.Match[str], name: str) -> float:
    whole = float(found[name].replace(",", ""))
    if found[name + "k"]:  # "£49.3k" is £49,300
        return (whole + float(f"0.{found[name + 'd'] or 0}")) * 1000
    return whole + float(f"0.{found[name + 'p'] or 0}")


def pay_points(sentence: str) -> tuple[int, int] | None:
    """The NJC spinal column points a sentence states, lowest and highest ('SCP 34 - 38' is
    (34, 38); 'SCP 38' is (38, 38)); None when it states none, or an inverted range."""
    found = _POINTS.search(sentence)
    return None if found is None else _point_range(found)


def _point_range(found: re.Match[str]) -> tuple[int, int] | None:
    low = int(found["low"])
    high = int(found["high"] or low)
    return (low, high) if low <= high else None
