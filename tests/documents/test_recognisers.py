"""The recognisers on their own: one sentence (or one labelled value) in, what it states out.

Each recogniser is called as assemble.py calls it: prose sentence by sentence with
labelled=False, a labelled value ("Reports to: Head of Policy" gives "Head of Policy") with
labelled=True. Every form taken has a neighbour that must not be taken.
"""

from __future__ import annotations

import pytest

from postcheck.record import titles
from postcheck.record.documents import names, terms
from postcheck.record.model import AppointmentType, EndEvent, LineManagementScope, SalaryPeriod

PLACE: dict[str, int | None] = {"line": 3, "page": None, "paragraph": None}
PA, MA = titles.POLITICAL_ASSISTANT, titles.MAYORS_ASSISTANT


# --- post kind and group from the title ------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Political Assistant", PA),
        ("Senior Political Adviser", PA),
        ("Political Advisor", PA),
        ("Political Officer", PA),
        ("Political Officer (Labour)", PA),
        ("Political Group Assistant", PA),
        ("Political Research Officer", PA),
        ("Assistant to the Labour Group", PA),
        ("Assistant to the Labour Political Group", PA),
        ("Assistant to Political Group (Labour Group)", PA),
        ("Support Officer for the Green Group", PA),
        ("Researcher for the Conservative Group", PA),
        ("Group Support Officer", PA),
        ("Group Support Officer (Green Group)", PA),
        ("Conservative Group Support Officer", PA),
        ("Senior Labour Group Support Officer", PA),
        ("Research and Support Officer (Liberal Democrat Group)", PA),
        ("Political Adviser to the Respect Group", PA),
        ("Green Group Political Assistant", PA),
        ("Newham Independents Group Political Assistant", PA),
        ("Mayor's Assistant", MA),
        ("Mayor’s Assistant", MA),
        ("Mayors Assistant", MA),
        ("Mayor's Political Assistant", MA),
        ("Mayor's Political Adviser", MA),
        ("Mayoral Assistant", MA),
        ("Assistant to the Mayor", MA),
        ("Assistant to the Elected Mayor", MA),
        ("Political Assistant to the Mayor", MA),
        ("Political Adviser to the Directly Elected Mayor", MA),
    ],
)
def test_titles_of_political_and_mayors_assistants(title: str, kind: str) -> None:
    assert titles.kind(title) == kind


@pytest.mark.parametrize(
    "title",
    [
        "Policy Officer",
        "Group Manager",
        "Group Accountant",
        "Democratic Services Officer",
        "Member Support Officer",
        "Assistant Director",
        "Assistant",
        "Officer",
        "Head of Policy",
        "Political Education Officer",  # teaching about politics: no group is served
        "Apolitical Officer",
        "Finance Group Support Officer",
        "Project Officer (Regeneration Group)",
        "Admin Assistant (Parents Group)",
        "Officer for the Green Group",  # "officer" alone is too wide; a support officer is taken
        "Assistant to the Head of Group Audit",
        "Mayor's Office Manager",
        "Mayor's Office Assistant",
        "Mayor's Adviser",  # an elected mayor has one assistant but may have officer advisers
        "Personal Assistant to the Mayor",
        "Executive Assistant to the Mayor",
        "Mayoral Support Officer",
        "Lord Mayor's Assistant",
        "Civic Mayor's Assistant",
        "Deputy Mayor's Assistant",
        "Ceremonial Mayor's Assistant",
        "Assistant to the Deputy Mayor",
        "Political Assistant to the Lord Mayor",
        "Mayoress's Assistant",
        "",
    ],
)
def test_ordinary_titles_are_neither_kind(title: str) -> None:
    assert titles.kind(title) is None


def test_no_title_is_no_kind() -> None:
    assert titles.kind(None) is None
    assert titles.group(None) is None


@pytest.mark.parametrize(
    ("title", "group"),
    [
        ("Group Support Officer (Green Group)", "Green Group"),
        ("Assistant to Political Group (Labour Group)", "Labour Group"),
        ("Political Adviser to the Respect Group", "Respect Group"),
        ("Research and Support Officer (Conservative Group)", "Conservative Group"),
        ("Support Officer for the Liberal Democrat Group", "Liberal Democrat Group"),
        ("Senior Labour Group Support Officer", "Labour Group"),
        ("Newham Independents Group Political Assistant", "Newham Independents Group"),
        ("Political Assistant - Green Group", "Green Group"),
        # a party named without "Group" is kept as written, not made into "Labour Group"
        ("Political Officer (Labour)", "Labour"),
        ("Political Assistant - Green Party", "Green Party"),
        ("Political Adviser to the Conservatives", "Conservatives"),
    ],
)
def test_group_from_the_title(title: str, group: str) -> None:
    assert titles.group(title) == group


@pytest.mark.parametrize(
    "title",
    [
        "Political Assistant",
        "Group Support Officer",
        "Political Assistant (Part-time)",
        "Political Assistant (Fixed Term)",
        "Assistant to the Political Group",
        "Assistant to the Majority Group",
        "Project Officer (Regeneration Group)",  # not a political assistant's title at all
        "Mayor's Assistant (Labour Group)",  # a mayor's assistant serves the mayor, not a group
    ],
)
def test_titles_that_name_no_group(title: str) -> None:
    assert titles.group(title) is None


# --- political group in prose, labels and titles ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "labelled", "group"),
    [
        ("To provide political support to the Green Group.", False, "Green Group"),
        (
            "Political Assistant to the Conservative Group on the Council.",
            False,
            "Conservative Group",
        ),
        ("Group Support Officer (Green Group)", False, "Green Group"),
        ("Political Officer (Labour)", False, "Labour"),
        ("Labour Group", True, "Labour Group"),
        ("Labour", True, "Labour"),
    ],
)
def test_political_group_forms(text: str, labelled: bool, group: str) -> None:
    assert names.political_group(text, labelled) == group


@pytest.mark.parametrize(
    ("text", "labelled"),
    [
        ("To liaise with the Labour Group Officers and attend Group meetings.", False),
        ("To support the Leader of the Majority Group.", False),
        ("To serve the Political Group.", False),
        ("To provide support to the Project Group.", False),
        ("Liaise with the Labour Group Support Officer", False),  # another post, not this one
        ("Corporate Resources Group", True),
        ("Finance", True),
        ("N/A", True),
    ],
)
def test_political_group_refusals(text: str, labelled: bool) -> None:
    assert names.political_group(text, labelled) is None


# --- fixed terms -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "labelled", "kind", "event", "end"),
    [
        ("Employment Term: Full Time, Limited Term", False, "fixed", None, None),
        ("Full Time, Limited Term", True, "fixed", None, None),
        ("This is a fixed-term contract until 31 March 2027.", False, "fixed", None, "2027-03-31"),
        (
            "The appointment is for the duration of the Mayor's term.",
            False,
            "fixed",
            EndEvent.MAYORS_TERM,
            None,
        ),
        ("Temporary until the annual meeting", True, "fixed", EndEvent.ANNUAL_MEETING, None),
        (
            "This post is temporary until the annual meeting of the Council.",
            False,
            "fixed",
            EndEvent.ANNUAL_MEETING,
            None,
        ),
        (
            "The appointment will end no later than the Council's annual meeting in May 2027.",
            False,
            "fixed",
            EndEvent.ANNUAL_MEETING,
            "2027-05",
        ),
        # an event-terminated contract is a fixed-term one (SI 2002/2034 reg 1(2))
        (
            "The appointment will run until the end of the current administration.",
            False,
            "fixed",
            EndEvent.OTHER,
            None,
        ),
        ("This is a 12 month contract.", False, "fixed", None, None),
        ("12-month fixed term contract", True, "fixed", None, None),
        ("The contract is for 2 years.", False, "fixed", None, None),
        ("Maternity cover", True, "fixed", None, None),
        ("This post is to cover maternity leave.", False, "fixed", None, None),
        ("Until 31 March 2027", True, "fixed", None, "2027-03-31"),
        (
            "Type of appointment: Fixed term up to the end of the Mayor's current term of office "
            "ie 7 May 2026.",
            False,
            "fixed",
            EndEvent.MAYORS_TERM,
            "2026-05-07",
        ),
        ("Full-time, permanent", True, "permanent", None, None),
        # labels run together in the text: "Salary ... Contract Permanent, full time"
        ("Salary £42,708 per annum Contract Permanent, full time", False, "permanent", None, None),
        ("Contract: Permanent, Full Time", True, "permanent", None, None),
        ("This is a permanent, full-time post.", False, "permanent", None, None),
        ("This is a permanent post, not a fixed-term one.", False, "permanent", None, None),
        ("This is not a fixed-term post; it is a permanent post.", False, "permanent", None, None),
    ],
)
def test_appointment_forms(
    text: str, labelled: bool, kind: str, event: EndEvent | None, end: str | None
) -> None:
    found = terms.appointment(text, labelled, PLACE)
    assert found is not None
    expected = AppointmentType.FIXED_TERM if kind == "fixed" else AppointmentType.PERMANENT
    assert (found.type, found.end_event) == (expected, event)
    assert (found.end_date.iso() if found.end_date else None) == end
    assert (found.as_written, found.line) == (text, 3)


@pytest.mark.parametrize(
    ("text", "labelled"),
    [
        ("Full Time", True),  # the hours, not the contract
        ("Full time, 37 hours per week.", False),
        ("This is not a fixed-term post.", False),  # not fixed, and not said to be permanent
        ("The post is not temporary.", False),
        ("We serve permanent residents.", False),
        ("You will attend the annual meeting of the Council.", False),
        ("Papers for the annual meeting must be prepared up to the deadline.", False),
        ("To support the Mayor's term priorities.", False),
        ("A 6 month probationary period applies.", False),
        ("Experience of working for 12 months in local government.", False),
        ("At least two years' post-qualifying experience in children's social care.", False),
    ],
)
def test_appointment_refusals(text: str, labelled: bool) -> None:
    assert terms.appointment(text, labelled, PLACE) is None


# --- reporting lines -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "labelled", "title"),
    [
        ("Head of Policy", True, "Head of Policy"),
        # a labelled value keeps what names the post: a bracket, or a place after a comma
        ("Finance Manager (Capital)", True, "Finance Manager (Capital)"),
        ("Registered Manager, Lakeside Care Home", True, "Registered Manager, Lakeside Care Home"),
        ("Head of Policy, who sets the Group's priorities", True, "Head of Policy"),
        ("Head of Policy or their nominee", True, "Head of Policy"),
        (
            "Head of Democratic Services (dotted line to Group Leader)",
            True,
            "Head of Democratic Services",
        ),
        ("The Head of Policy", True, "Head of Policy"),
        (
            "The post holder reports to Head of Democratic Services, but day to day management "
            "of work priorities will be from the Leader.",
            False,
            "Head of Democratic Services",
        ),
        (
            "You will report to the Mayor's External Affairs & Communications Adviser.",
            False,
            "Mayor's External Affairs & Communications Adviser",
        ),
        (
            "The post holder is accountable to the Head of Democratic Services.",
            False,
            "Head of Democratic Services",
        ),
        ("Accountable to: Leader of the Labour Group", False, "Leader of the Labour Group"),
        (
            "You will be responsible to the Chief Executive for the delivery of the programme.",
            False,
            "Chief Executive",
        ),
        (
            "Your line manager will be the Head of Policy and Performance.",
            False,
            "Head of Policy and Performance",
        ),
        ("Reporting to the Chief Executive, you will lead the work.", False, "Chief Executive"),
        (
            "The role, reporting to the Director of Housing, covers the borough.",
            False,
            "Director of Housing",
        ),
        (
            "The post holder reports directly to the Leader of the Group and works closely with "
            "members.",
            False,
            "Leader of the Group",
        ),
        (
            "The post is line managed by the Head of Member Services.",
            False,
            "Head of Member Services",
        ),
        (
            "The post holder works under the direct supervision of the Group Leader.",
            False,
            "Group Leader",
        ),
        (
            "You will report to the Assistant Director for Housing or their nominee.",
            False,
            "Assistant Director for Housing",
        ),
    ],
)
def test_reports_to_forms(text: str, labelled: bool, title: str) -> None:
    assert terms.reports_to(text, labelled) == title


@pytest.mark.parametrize(
    "text",
    [
        "To prepare reports to Cabinet.",
        "You will present reports directly to Cabinet.",
        "You will be responsible to ensure that papers are ready.",
        "You will be accountable to the Council for the quality of the service.",
        "Responsible for the Group's research programme.",
        "The post holder will report on progress regularly.",
    ],
)
def test_reports_to_refusals(text: str) -> None:
    assert terms.reports_to(text, labelled=False) is None


# --- line management -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "answer", "scope"),
    [
        ("The post holder manages 3 staff.", None, LineManagementScope.STAFF),
        ("You will line manage two officers.", None, LineManagementScope.STAFF),
        ("Supervises a team of 4 officers.", None, LineManagementScope.STAFF),
        ("The post holder has 2 direct reports.", None, LineManagementScope.STAFF),
        ("Manages up to 4 directly managed staff", None, LineManagementScope.STAFF),
        ("You will be responsible for a team of 6.", None, LineManagementScope.STAFF),
        ("You will line manage the Research Officer.", None, LineManagementScope.STAFF),
        ("You will manage the Group's research team.", None, LineManagementScope.STAFF),
        ("Direct reports: 3", "3", LineManagementScope.STAFF),
        ("There are no direct reports.", None, LineManagementScope.NONE),
        ("The post has no line management responsibility.", None, LineManagementScope.NONE),
        ("No staff management responsibilities.", None, LineManagementScope.NONE),
        ("The post holder will not manage staff.", None, LineManagementScope.NONE),
        ("Direct reports: 0", "0", LineManagementScope.NONE),
        ("Line management: None", "None", LineManagementScope.NONE),
        ("Line management: N/A", "N/A", LineManagementScope.NONE),
        (
            "Line management: clerical support only",
            "clerical support only",
            LineManagementScope.CLERICAL,
        ),
        (
            "May direct staff providing clerical or secretarial support.",
            None,
            LineManagementScope.CLERICAL,
        ),
        (
            "There is no line management, but you will supervise secretarial support staff.",
            None,
            LineManagementScope.CLERICAL,
        ),
        (
            "The post holder will supervise the Group's clerical support but will not manage any "
            "other staff.",
            None,
            LineManagementScope.CLERICAL,
        ),
        (
            "The post holder will direct the work of the Group's secretarial support and will "
            "have no other line management responsibility.",
            None,
            LineManagementScope.CLERICAL,
        ),
        ("Manages up to 12 operatives on early and late shifts.", None, LineManagementScope.STAFF),
        (
            "The Director leads adult social care for the city and manages 5 heads of service.",
            None,
            LineManagementScope.STAFF,
        ),
        (
            "Supervises up to 3 social workers and newly qualified staff.",
            None,
            LineManagementScope.STAFF,
        ),
    ],
)
def test_line_management_forms(text: str, answer: str | None, scope: LineManagementScope) -> None:
    found = terms.line_management(text, PLACE, answer)
    assert found is not None
    assert (found.scope, found.as_written, found.line) == (scope, text, 3)


@pytest.mark.parametrize(
    "text",
    [
        "To manage the Mayor's diary and correspondence.",
        "To manage the team's diary.",
        "You will manage the arrangements for the Mayor's participation in events.",
        "You will manage projects and priorities.",
        "Support the Head of Service and their direct reports.",
        "The line management of this post is provided by the Head of Democratic Services.",
        "Experience of managing a team of 5 staff.",  # a requirement, not the post's own duty
        "Person specification: a good understanding of local government; experience of managing "
        "staff; excellent writing.",
        "You will provide clerical and secretarial support to the Group.",  # gives it, not directs
    ],
)
def test_line_management_refusals(text: str) -> None:
    assert terms.line_management(text, PLACE) is None


# --- salary and its period -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "labelled", "minimum", "maximum", "period", "pro_rata"),
    [
        ("Salary up to £500 per day", False, None, 500, SalaryPeriod.DAILY, None),
        ("£40,000 - £45,000 per annum", True, 40000, 45000, SalaryPeriod.ANNUAL, None),
        ("£40,000 - £45,000 p.a.", True, 40000, 45000, SalaryPeriod.ANNUAL, None),
        ("£40,000 pa", True, 40000, 40000, SalaryPeriod.ANNUAL, None),
        ("£40k-£45k a year", True, 40000, 45000, SalaryPeriod.ANNUAL, None),
        ("£35,000 annual salary", True, 35000, 35000, SalaryPeriod.ANNUAL, None),
        ("Salary per annum: £40,000", False, 40000, 40000, SalaryPeriod.ANNUAL, None),
        ("Salary: £30,000 p.a. pro rata", False, 30000, 30000, SalaryPeriod.ANNUAL, True),
        ("£49,282 (pro rata) per annum", True, 49282, 49282, SalaryPeriod.ANNUAL, True),
        ("£40,000 - £45,000 pro rata", True, 40000, 45000, None, True),
        ("£2,500 per month", True, 2500, 2500, SalaryPeriod.MONTHLY, None),
        ("£600 a week", True, 600, 600, SalaryPeriod.WEEKLY, None),
        ("£15.50 per hour", True, 15.5, 15.5, SalaryPeriod.HOURLY, None),
        ("£15.50 an hour", True, 15.5, 15.5, SalaryPeriod.HOURLY, None),
        ("£15.50 ph", True, 15.5, 15.5, SalaryPeriod.HOURLY, None),
        ("The hourly rate of pay is £12.60.", False, 12.6, 12.6, SalaryPeriod.HOURLY, None),
        ("Daily rate: £500", False, 500, 500, SalaryPeriod.DAILY, None),
        ("The day rate is £450 a day.", False, 450, 450, SalaryPeriod.DAILY, None),
        # the annual figure beside an hourly one is the one rules compare
        (
            "Salary: £15 per hour (£28,000 per annum)",
            False,
            28000,
            28000,
            SalaryPeriod.ANNUAL,
            None,
        ),
        # a period that belongs to the hours, not the pay, is not the pay's period
        ("Salary £40,000, 37 hours per week", False, 40000, 40000, None, None),
        ("Salary £41,500 plus annual leave of 28 days", False, 41500, 41500, None, None),
        ("Salary: £40,000", False, 40000, 40000, None, None),
    ],
)
def test_salary_forms(
    text: str,
    labelled: bool,
    minimum: float | None,
    maximum: float | None,
    period: SalaryPeriod | None,
    pro_rata: bool | None,
) -> None:
    found = terms.salary(text, labelled, PLACE)
    assert found is not None
    assert (found.minimum, found.maximum, found.period, found.pro_rata) == (
        minimum,
        maximum,
        period,
        pro_rata,
    )


@pytest.mark.parametrize(
    "text",
    [
        "You will manage a budget of £40,000 for events.",
        "Expenses of up to £50 a day are reimbursed.",
        "The Group's annual budget is £10,000.",
    ],
)
def test_money_that_is_not_pay(text: str) -> None:
    assert terms.salary(text, labelled=False, place=PLACE) is None


# --- office attendance (days at a named council building) -----------------------------------


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("The post holder will be expected to work from the Town Hall one day a week.", 1),
        ("You will work 3 days a week at the Civic Centre customer hub.", 3),
    ],
)
def test_attendance_at_a_council_building(sentence: str, days: float) -> None:
    found = terms.attendance(sentence, PLACE)
    assert found is not None and found.days_per_week == days


def test_days_without_a_place_are_not_attendance() -> None:
    assert terms.attendance("The post is part-time, 3 days a week.", PLACE) is None


# --- the employing authority -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "council"),
    [
        ("London Borough of Newham", "London Borough of Newham"),
        ("Newham Council", "Newham Council"),
        ("NEWHAM COUNCIL", "Newham Council"),  # capitals are a letterhead's style, not the name
        ("LONDON BOROUGH OF NEWHAM", "London Borough of Newham"),
        ("Borsetshire County Council", "Borsetshire County Council"),
        ("Borchester Borough Council", "Borchester Borough Council"),
        ("Wirral Metropolitan Borough Council", "Wirral Metropolitan Borough Council"),
        ("Royal Borough of Kensington and Chelsea", "Royal Borough of Kensington and Chelsea"),
        ("City of York Council", "City of York Council"),
        (
            "Borough Council of King's Lynn and West Norfolk",
            "Borough Council of King's Lynn and West Norfolk",
        ),
        ("London Borough of Newham (LBN)", "London Borough of Newham"),
    ],
)
def test_letterhead_forms(line: str, council: str) -> None:
    assert names.letterhead(line) == council
    assert names.authority(line, labelled=True) == council


@pytest.mark.parametrize(
    ("line", "council"),
    [
        ("Borsetshire County Council – Legal Services", "Borsetshire County Council"),
        ("London Borough of Ambridge | Grade SM2", "London Borough of Ambridge"),
        ("Felpersham City Council · Children's Services", "Felpersham City Council"),
        ("London Borough of Southmere Job Description Grade PO2", "London Borough of Southmere"),
        ("Royal Borough of Kingsbridge Guildhall, Kingsbridge", "Royal Borough of Kingsbridge"),
    ],
)
def test_letterhead_with_more_on_the_line(line: str, council: str) -> None:
    assert names.letterhead(line) == council
    assert names.authority(line, labelled=True) is None  # a labelled value is the name alone


@pytest.mark.parametrize(
    "line",
    [
        "Full Council",
        "The Council",
        "The County Council",
        "Council",
        "Health and Safety Council",
        "Arts Council",
        "Youth Council",
        "Job Description and Person Specification",
    ],
)
def test_letterhead_refusals(line: str) -> None:
    assert names.letterhead(line) is None
    assert names.authority(line, labelled=True) is None


@pytest.mark.parametrize(
    ("sentence", "council"),
    [
        (
            "We are committed to equality in all aspects of employment with the London Borough "
            "of Newham.",
            "London Borough of Newham",
        ),
        ("You will be employed by Newham Council.", "Newham Council"),
        ("Terms of employment with the City of Westminster apply.", "City of Westminster"),
        ("This is a chance to join Camden Council as a Political Assistant.", "Camden Council"),
        (
            "Borsetshire County Council is an equal opportunities employer.",
            "Borsetshire County Council",
        ),
    ],
)
def test_authority_in_prose(sentence: str, council: str) -> None:
    assert names.authority(sentence, labelled=False) == council


@pytest.mark.parametrize(
    "sentence",
    [
        "We work closely with Essex County Council.",
        "Every member of staff working for Newham Council should understand our values.",
        "You will be employed by the Council.",
        "The Council is an equal opportunities employer.",
        "Physical attendance at meetings of Full Council is expected.",
        "You will join Full Council meetings.",
        "The Green Group has six members on Borchester Borough Council.",
        "© Jobs Go Public 2026",
        "Newham Council supports flexible working for its staff.",
        "Borsetshire County Council is seeking views on its budget.",
    ],
)
def test_authority_refusals_in_prose(sentence: str) -> None:
    assert names.authority(sentence, labelled=False) is None
