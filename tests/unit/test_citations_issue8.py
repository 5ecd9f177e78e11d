"""Citations as the legal review wrote them (issue 8), and the kind of post they make it.

Expected values are written by hand from the provisions: s.9 LGHA 1989 is the political
assistant's basis, reg 3 SI 2002/975 the mayor's assistant's; "as applied by" and "as extended
by" cite the applying provision.
"""

from __future__ import annotations

from typing import Any

import pytest

from postcheck.engine.facts import derive
from postcheck.record.citations import canonical_instrument, other_instruments, parse_citation
from postcheck.record.model import Citation, PostRecord


def _read(text: str) -> tuple[str | None, str | None]:
    parsed = parse_citation(text)
    return parsed.instrument, parsed.provision


@pytest.mark.parametrize(
    ("text", "instrument", "provision"),
    [
        ("LG&HA 1989, s.9", "LGHA 1989", "s.9"),
        ("LG & HA 1989 s.9(1)", "LGHA 1989", "s.9(1)"),
        ("sec. 9 LGHA 1989", "LGHA 1989", "s.9"),
        ("Sec 9 of the LGHA", "LGHA 1989", "s.9"),
        ("sect. 9(3) LGHA 1989", "LGHA 1989", "s.9(3)"),
        ("s9 LGHA 1989", "LGHA 1989", "s.9"),
        ("s 9 LGHA", "LGHA 1989", "s.9"),
        ("S.9 LGHA", "LGHA 1989", "s.9"),
        ("section 9 of the 1989 Act", "LGHA 1989", "s.9"),
        ("Section 9 of the Local Government & Housing Act 1989", "LGHA 1989", "s.9"),
    ],
)
def test_section_9_is_read_however_it_is_abbreviated(
    text: str, instrument: str, provision: str
) -> None:
    assert _read(text) == (instrument, provision)


@pytest.mark.parametrize(
    "text",
    [
        "the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002, "
        "regulation 3",
        "Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002 reg 3",
        "the Elected Mayor and Mayor's Assistant Regulations 2002, regulation 3",
    ],
)
def test_the_year_of_the_regulations_is_not_a_regulation_number(text: str) -> None:
    assert _read(text) == ("SI 2002/975", "reg.3")


def test_regulations_named_without_a_provision_cite_none() -> None:
    # before the fix: ("SI 2002/975", "reg.2002")
    assert _read(
        "the Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002"
    ) == ("SI 2002/975", None)


def test_a_record_field_reads_the_year_as_a_year_too() -> None:
    citation = Citation.model_validate(
        "Local Authorities (Elected Mayor and Mayor's Assistant) (England) Regulations 2002, "
        "regulation 3(1)"
    )
    assert (citation.instrument, citation.kind, citation.number, citation.subsection) == (
        "SI 2002/975",
        "regulation",
        "3",
        "1",
    )


@pytest.mark.parametrize(
    ("text", "instrument"),
    [
        ("s.9 of the Local Government Act 1989", "Local Government Act 1989"),
        ("section 9, Local Government Act 1989", "Local Government Act 1989"),
        ("s.9 LGA 1989", "Local Government Act 1989"),
        ("Under the Housing Act 1985, section 9", "Housing Act 1985"),
    ],
)
def test_an_act_not_listed_is_named_by_its_short_title(text: str, instrument: str) -> None:
    assert _read(text) == (instrument, "s.9")


def test_a_listed_act_is_never_taken_for_an_unlisted_one() -> None:
    assert _read("s.9 of the Local Government and Housing Act 1989") == ("LGHA 1989", "s.9")
    assert _read("s.9 of the Local Government Act 2000") == ("LGA 2000", "s.9")
    assert other_instruments("section 9 of the Local Government and Housing Act 1989") == []
    # a key for rule files stays a listed instrument's key or nothing
    assert canonical_instrument("Local Government Act 1989") is None


def test_words_that_open_a_sentence_are_not_part_of_the_title() -> None:
    assert [
        title for _, _, title in other_instruments("Under The Equality Act 2010 this post")
    ] == ["Equality Act 2010"]


@pytest.mark.parametrize(
    ("text", "instrument", "provision"),
    [
        ("s.9 as applied by reg 3(7)", "SI 2002/975", "reg.3(7)"),
        ("s.9 LGHA 1989 as applied by reg 3(7)", "SI 2002/975", "reg.3(7)"),
        (
            "section 9 of the Local Government and Housing Act 1989, as applied by regulation 3(7) "
            "of the Local Authorities (Elected Mayor and Mayor's Assistant) (England) "
            "Regulations 2002",
            "SI 2002/975",
            "reg.3(7)",
        ),
        ("s.9(3) LGHA 1989 as modified by reg 3(8)", "SI 2002/975", "reg.3(8)"),
        ("s.2 LGHA 1989, as extended to this post by reg 3(6)", "SI 2002/975", "reg.3(6)"),
        (
            "s.2(1) LGHA 1989 by virtue of regulation 3(6) of the 2002 Regulations",
            "SI 2002/975",
            "reg.3(6)",
        ),
    ],
)
def test_a_provision_applied_by_another_is_cited_by_the_other(
    text: str, instrument: str, provision: str
) -> None:
    assert _read(text) == (instrument, provision)


@pytest.mark.parametrize(
    ("text", "instrument", "provision"),
    [
        # amended is not applied: the amended provision is still the one cited
        (
            "s.2(1) LGHA 1989, as amended by s.30 of the Local Democracy, Economic Development "
            "and Construction Act 2009",
            "LGHA 1989",
            "s.2(1)",
        ),
        # a regulation other than 3 is not guessed to be of the 2002 Regulations
        ("s.9 LGHA 1989 as applied by reg 5", None, "reg.5"),
    ],
)
def test_only_application_is_read_as_application(
    text: str, instrument: str | None, provision: str
) -> None:
    assert _read(text) == (instrument, provision)


# -- the kind of post -------------------------------------------------------------------------


def _derived(**record: Any) -> dict[str, Any]:
    return derive(PostRecord.model_validate(record))


def test_a_section_9_basis_makes_an_assistant() -> None:
    derived = _derived(title="Group Political Assistant", statutory_basis=["s.9 LGHA 1989"])
    assert derived["assistant"] is True and derived["assistant_by_basis"] is True
    assert derived["kind_by_basis"] == "political_assistant"


def test_a_regulation_3_basis_makes_an_assistant() -> None:
    derived = _derived(title="Clerk", statutory_basis=["Regulation 3 of SI 2002/975"])
    assert derived["assistant"] is True and derived["assistant_by_basis"] is True
    assert derived["kind_by_basis"] == "mayors_assistant"


def test_a_conflicting_basis_is_an_assistant_under_either_reading() -> None:
    derived = _derived(
        title="Assistant", statutory_basis=["s.9 LGHA 1989", "Regulation 3 of SI 2002/975"]
    )
    assert "kind_by_basis" not in derived
    assert derived["assistant"] is True and derived["assistant_by_basis"] is True
    assert derived["statutory_bases_distinct"] == 2


def test_section_9_applied_by_regulation_3_7_is_one_basis_a_mayors_assistant() -> None:
    derived = _derived(
        title="Mayor's Assistant", statutory_basis=["s.9 LGHA 1989 as applied by reg 3(7)"]
    )
    assert derived["kind_by_basis"] == "mayors_assistant"
    assert derived["statutory_bases_distinct"] == 1


def test_a_title_alone_makes_an_assistant_but_not_by_its_basis() -> None:
    derived = _derived(title="Mayor's Assistant")
    assert derived["assistant"] is True
    assert "assistant_by_basis" not in derived


def test_the_basis_decides_before_the_title() -> None:
    # a title suggesting neither kind does not undo a s.9 basis
    assert _derived(title="Policy Officer", statutory_basis=["s.9 LGHA 1989"])["assistant"]


def test_unknown_is_left_out_not_false() -> None:
    derived = _derived(title="Policy Officer", statutory_basis=["s.112 LGA 1972"])
    assert "assistant" not in derived and "assistant_by_basis" not in derived
    # a wrong Act is no s.9 basis
    wrong = _derived(
        title="Policy Officer", statutory_basis=["s.9 of the Local Government Act 1989"]
    )
    assert "assistant" not in wrong


@pytest.mark.parametrize(
    "text",
    [
        "The post is established under regulation 3 of SI 2002/975 and is politically restricted "
        "under s.2 LGHA 1989, as extended to this post by reg 3(6).",
        "Appointed under regulation 3 of SI 2002/975, with s.9(1), (3) and (4) of the 1989 Act "
        "applied by reg 3(7).",
        "Appointed under regulation 3(1) of S.I. 2002/975; the salary limit in s.9(3)-(4) of the "
        "1989 Act applies by virtue of reg 3(7).",
    ],
)
def test_an_application_explained_after_the_basis_leaves_the_basis_first(text: str) -> None:
    parsed = parse_citation(text)
    assert (parsed.instrument, parsed.kind, parsed.number) == ("SI 2002/975", "regulation", "3")
