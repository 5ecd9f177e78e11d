"""Reading citations: one spelling per legislation page, and the provisions a citation's
text names (the join from rules to the law file rests on both)."""

from __future__ import annotations

import pytest

from postcheck.book.citations import contains, legislation_key, normalise_url, pinpoints

SECTION_2 = "legislation.gov.uk/ukpga/1989/42/section/2"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.legislation.gov.uk/ukpga/1989/42/section/2",
        "http://legislation.gov.uk/ukpga/1989/42/section/2/",
        "https://legislation.gov.uk/en/ukpga/1989/42/section/2/2023-12-26?view=plain",
        "https://legislation.gov.uk/ukpga/1989/42/section/2/1993-09-02/data.xht",
        "http://www.legislation.gov.uk/ukpga/1989/42/section/2/enacted",
        "https://legislation.gov.uk/id/ukpga/1989/42/section/2",
        "https://legislation.gov.uk/cy/ukpga/1989/42/section/2/made#p1",
        "http://legislation.data.gov.uk/ukpga/1989/42/section/2",
        "HTTPS://WWW.Legislation.gov.uk/UKPGA/1989/42/Section/2",
    ],
)
def test_every_spelling_of_one_legislation_page_is_one_address(url: str) -> None:
    assert normalise_url(url) == SECTION_2


def test_other_sites_keep_what_tells_their_pages_apart() -> None:
    kent = "https://democracy.kent.gov.uk/mgAi.aspx?ID=69487"
    assert normalise_url(kent) == "democracy.kent.gov.uk/mgAi.aspx?ID=69487"
    assert normalise_url(kent + "&utm_source=mail") == normalise_url(kent)
    assert normalise_url(kent) != normalise_url("https://democracy.kent.gov.uk/mgAi.aspx?ID=1")
    assert normalise_url("https://www.legislation.gov.uk/ukpga/1989/42/section/9") != SECTION_2


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.legislation.gov.uk/ukpga/1989/42/section/9", ("ukpga/1989/42", ("s:9",))),
        ("https://legislation.gov.uk/uksi/1990/851/schedules/made", ("uksi/1990/851", ("sch:",))),
        (
            "https://www.legislation.gov.uk/ukpga/1972/70/schedule/12/paragraph/1",
            ("ukpga/1972/70", ("sch:12", "para:1")),
        ),
        ("https://www.legislation.gov.uk/uksi/2023/1328/made", ("uksi/2023/1328", ())),
        ("https://legislation.gov.uk/ukpga/2009/20/contents", ("ukpga/2009/20", ())),
        ("https://api.parliament.uk/historic-hansard/written-answers/2002/mar/04/x", None),
    ],
)
def test_a_legislation_address_names_its_instrument_and_provision(
    url: str, expected: tuple[str, tuple[str, ...]] | None
) -> None:
    assert legislation_key(url) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Local Government and Housing Act 1989, s.9(3)", [("s:9", "3")]),
        ("LGHA 1989, s.2(1)(f)", [("s:2", "1", "f")]),
        ("Local Government and Housing Act 1989, s.9", [("s:9",)]),
        ('LGHA 1989, s.9(3)-(4) (the "relevant amount")', [("s:9", "3"), ("s:9", "4")]),
        ("s.9(1) and (2)(d)", [("s:9", "1"), ("s:9", "2", "d")]),
        ("s.9(2)(a) and (d)", [("s:9", "2", "a"), ("s:9", "2", "d")]),
        ("s.9(2)(b) and s.9(3)", [("s:9", "2", "b"), ("s:9", "3")]),
        ("s.3A(1)-(3)", [("s:3a", "1"), ("s:3a", "2"), ("s:3a", "3")]),
        ("s.2(1A)-(1B)", [("s:2", "1a"), ("s:2", "1b")]),
        ("s.9(8), (8A), (8B) and (9)", [("s:9", p) for p in ("8", "8a", "8b", "9")]),
        ("SI 1990/1553, regs 6 and 8", [("reg:6",), ("reg:8",)]),
        ("Regulation 3 of SI 2002/975", [("reg:3",)]),
        (
            "Local Government Officers (Political Restrictions) Regulations 1990 (SI 1990/851), "
            "reg 3(1)(a) and Schedule Part I, para 1",
            [("reg:3", "1", "a"), ("sch:", "part:i", "para:1")],
        ),
        ("SI 1990/851, Sch Pt II", [("sch:", "part:ii")]),
        ("Sch Pt I paras 1-3", [("sch:", "part:i", f"para:{n}") for n in (1, 2, 3)]),
        (
            "SI 2001/3384, Schedule 1, Part I, para 3(e)",
            [("sch:1", "part:i", "para:3", "e")],
        ),
        ("SI 2006/1509 (England), arts 2-3", [("art:2",), ("art:3",)]),
        ("ss. 1-3", [("s:1",), ("s:2",), ("s:3",)]),
        ("LGHA 1989 s.9(4) as enacted (the figure itself, before any order)", [("s:9", "4")]),
        # a title, a year, an SI number and a possessive name no provision
        ("Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002", []),
        ("Hansard, written answer of 10 April 2002 (mayor's assistants)", []),
        ("Flexible Working (Amendment) Regulations 2023 (SI 2023/1328), from 6 April 2024", []),
        # another instrument's provision in a parenthesis is read too; the join ignores it
        (
            "SI 2002/975, reg 3(7) (applying s.9(8)-(9) LGHA 1989)",
            [("reg:3", "7"), ("s:9", "8"), ("s:9", "9")],
        ),
    ],
)
def test_the_provisions_a_citation_names(text: str, expected: list[tuple[str, ...]]) -> None:
    assert pinpoints(text) == expected


def test_a_wide_range_is_kept_as_its_ends() -> None:
    assert pinpoints("ss. 1-900") == [("s:1",), ("s:900",)]


def test_a_provision_contains_what_is_inside_it() -> None:
    assert contains(("s:9", "2"), ("s:9", "2", "c"))
    assert contains((), ("s:9",))
    assert not contains(("s:9", "2", "c"), ("s:9", "2"))
    assert not contains(("s:9", "2"), ("s:9", "3"))
