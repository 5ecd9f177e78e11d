"""Terms of the post stated in prose or labels: appointment, office attendance, line management,
reporting line and salary. Each reader returns what one sentence states, or None."""

from __future__ import annotations

import re

from postcheck.record.dates import parse_partial_date
from postcheck.record.model import (
    Appointment,
    AppointmentType,
    AttendanceStatement,
    EndEvent,
    LineManagement,
    LineManagementScope,
    Salary,
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
_FIXED = re.compile(
    r"\bfixed[\s-]+term\b|\btemporary\s+(?:post|appointment|contract|basis)\b"
    r"|\bsecondment\b",
    re.I,
)
_PERMANENT = re.compile(
    r"\bpermanent\s+(?:post|role|position|appointment|contract|basis)\b"
    r"|\b(?:post|role|position|appointment|contract)\s+is\s+permanent\b",
    re.I,
)
_BARE = re.compile(r"^\s*(?P<type>permanent|fixed[\s-]+term|temporary)\b", re.I)
_END_EVENTS = (
    (
        EndEvent.MAYORS_TERM,
        re.compile(
            r"\bmayor(?:['’]s|al)\s+(?:current\s+)?term\b"
            r"|\bterm\s+of\s+(?:office\s+of\s+)?the\s+(?:elected\s+)?mayor",
            re.I,
        ),
    ),
    (
        EndEvent.ANNUAL_MEETING,
        re.compile(r"\bannual\s+(?:general\s+|council\s+)?meeting\b|\bAGM\b", re.I),
    ),
    (EndEvent.FUNDING, re.compile(r"\b(?:end\s+of\s+(?:the\s+)?)?funding\b", re.I)),
)


def appointment(sentence: str, labelled: bool, place: dict[str, int | None]) -> Appointment | None:
    """Fixed-term or permanent, and what a fixed term ends with (a date, the mayor's term ...)."""
    bare = _BARE.match(sentence) if labelled else None
    if _FIXED.search(sentence) or (bare and bare["type"].lower() != "permanent"):
        kind = AppointmentType.FIXED_TERM
    elif _PERMANENT.search(sentence) or bare:
        kind = AppointmentType.PERMANENT
    else:
        return None
    end_event = end_date = None
    if kind is AppointmentType.FIXED_TERM:
        end_event = next((event for event, p in _END_EVENTS if p.search(sentence)), None)
        end_date = parse_partial_date(sentence)
    return Appointment(
        as_written=sentence,
        type=kind,
        end_event=end_event,
        end_date=end_date.model_dump() if end_date else None,  # a dict keeps "as written"
        **place,
    )


# --- office attendance -------------------------------------------------------------------------
_DAYS = re.compile(
    rf"(?P<floor>\bat\s+least|\b(?:a\s+)?minimum\s+(?:of\s+)?|\bnot\s+less\s+than|\bno\s+fewer\s+than)?"
    rf"\s*\b(?P<n>{_NUMBER})(?:\s*\(\d+(?:\.\d+)?\))?\s+(?:(?:working|office)\s+)?days?"
    r"\s+(?:a|per|each|every|of\s+the|in\s+the|in\s+a)\s+(?:working\s+)?week\b",
    re.I,
)
_IN_PERSON = re.compile(
    r"\bin\s+the\s+office\b|\boffice[\s-]+(?:based|attendance|days?)\b|\bon[\s-]+site\b"
    r"|\bin[\s-]+person\b|\bphysical(?:ly)?\s+(?:attend|present|presence)|\battend(?:ance)?\s+"
    r"(?:in|at)\s+(?:the\s+)?(?:office|workplace|town\s+hall|civic\s+cent)|\bhybrid\b"
    r"|\bworkplace\b",
    re.I,
)


def attendance(sentence: str, place: dict[str, int | None]) -> AttendanceStatement | None:
    """A statement about working in person; days_per_week where it gives a number of days."""
    days = _DAYS.search(sentence)
    in_person = _IN_PERSON.search(sentence)
    if days and (days["floor"] or in_person):
        return AttendanceStatement(as_written=sentence, days_per_week=_number(days["n"]), **place)
    if in_person:
        return AttendanceStatement(as_written=sentence, **place)
    return None


def _number(word: str) -> float:
    return float(NUMBER_WORDS.get(word.lower(), 0) or word)


# --- line management ---------------------------------------------------------------------------
_NO_MANAGEMENT = re.compile(
    r"\bno\s+(?:direct\s+|formal\s+)?(?:line[\s-]+)?(?:management|supervisory)\s+responsibilit"
    r"|\bno\s+(?:direct\s+)?line[\s-]+management\b|\bno\s+direct\s+reports\b"
    r"|\bnot\s+(?:have|be\s+expected\s+to\s+have)\s+(?:any\s+)?(?:line[\s-]+)?manage"
    r"|\bdoes\s+not\s+(?:line[\s-]+)?manage\b",
    re.I,
)
_NO_ANSWER = re.compile(r"^\s*(?:none|nil|n/?a|no)\b", re.I)
_CLERICAL = re.compile(
    r"\b(?:supervis|manag|direct)\w*\s+(?:\w+\s+){0,4}?(?:clerical|secretarial|administrative)"
    r"(?:\s*(?:/|\band\b|\bor\b|\band/or\b)\s*(?:clerical|secretarial|administrative))?"
    r"\s+(?:support|staff|assistants?|officers?)\b",
    re.I,
)
_STAFF = re.compile(
    r"\bline[\s-]+manag\w*\s+(?:of\s+)?(?:a\s+team|\d+|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|the|staff|officers)\b|\bmanag\w*\s+(?:a\s+team\s+of|\d+\s+(?:staff|officers|people))"
    r"|\bdirect\s+reports\b|\bresponsible\s+for\s+(?:managing|supervising)\s+(?:a\s+team|staff|"
    r"\d+|the\s+\w+\s+team)",
    re.I,
)


def line_management(
    sentence: str, place: dict[str, int | None], answer: str | None = None
) -> LineManagement | None:
    """What staff the post manages: none, clerical or secretarial support only, or staff.

    answer is the value of a "Line management:" label, where "None" or "N/A" is enough.
    """
    # Clerical first: "no line management, but supervises secretarial support" is clerical.
    if _CLERICAL.search(sentence):
        return LineManagement(as_written=sentence, scope=LineManagementScope.CLERICAL, **place)
    if _NO_MANAGEMENT.search(sentence) or (answer is not None and _NO_ANSWER.match(answer)):
        return LineManagement(as_written=sentence, scope=LineManagementScope.NONE, **place)
    if _STAFF.search(sentence):
        return LineManagement(as_written=sentence, scope=LineManagementScope.STAFF, **place)
    return None


# --- reporting line ----------------------------------------------------------------------------
_REPORTS = re.compile(
    r"\b(?:you|post[\s-]?holder|jobholder|job\s+holder|post|role|position|officer)\s+(?:will\s+)?"
    r"(?:directly\s+)?(?:reports?|reporting)\s+(?:directly\s+)?to\s+(?P<to>.+)"
    r"|^\s*(?:reporting|reports|accountable|responsible)\s+(?:directly\s+)?to\s+(?P<lead>.+)",
    re.I,
)
_REPORT_END = re.compile(
    r"[,;:(]|\.(?:\s|$)|\s+(?:but|who|although|while|whilst|on|for|in\s+"
    r"respect|and\s+(?:will|is|the\s+post)|with)\b",
    re.I,
)
_MAX_TITLE_WORDS = 12


def reports_to(sentence: str, labelled: bool) -> str | None:
    """The job title the post reports to, without a leading 'the'."""
    if labelled:
        target = sentence
    else:
        found = _REPORTS.search(sentence)
        if not found:
            return None
        target = found["to"] or found["lead"]
    title = _REPORT_END.split(target, maxsplit=1)[0].strip(" .")
    title = re.sub(r"^(?:the|a|an)\s+", "", title, flags=re.I)
    if not title or len(title.split()) > _MAX_TITLE_WORDS:
        return None
    return title


# --- salary ------------------------------------------------------------------------------------
_AMOUNT = r"£\s?(?P<{0}>\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.(?P<{0}p>\d{{2}}))?\s*(?P<{0}k>k\b)?"
_RANGE = re.compile(_AMOUNT.format("low") + r"\s*(?:-|–|—|to)\s*" + _AMOUNT.format("high"), re.I)
_SINGLE = re.compile(
    r"(?P<lead>up\s+to|from|starting\s+at|rising\s+to|maximum\s+of)?\s*" + _AMOUNT.format("one"),
    re.I,
)
_PAY_WORDS = re.compile(r"\bsalary|\bper\s+annum\b|\bp\.?a\.?\b|\bpay\b|\bgrade\b", re.I)


def salary(sentence: str, labelled: bool, place: dict[str, int | None]) -> Salary | None:
    """A pay range ('£40,000 - £45,000', '£40k to £45k per annum') or a single figure."""
    if not labelled and not _PAY_WORDS.search(sentence):
        return None
    found = _RANGE.search(sentence)
    if found:
        low, high = _amount(found, "low"), _amount(found, "high")
        if low <= high:
            return Salary(as_written=found[0].strip(), minimum=low, maximum=high, **place)
        return None
    single = _SINGLE.search(sentence)
    if not single:
        return None
    value = _amount(single, "one")
    lead = (single["lead"] or "").lower()
    minimum = None if lead in ("up to", "rising to", "maximum of") else value
    maximum = None if lead in ("from", "starting at") else value
    return Salary(as_written=single[0].strip(), minimum=minimum, maximum=maximum, **place)


def _amount(found: re.Match[str], name: str) -> float:
    value = float(found[name].replace(",", "")) + float(f"0.{found[name + 'p'] or 0}")
    return value * 1000 if found[name + "k"] else value
