"""Whether a job description says the post is politically restricted, and the provisions it cites
for the post's basis and restriction, read from whole documents (issue 8).

The expected readings are the legal reviewer's: "not exempt from political restriction" says the
post IS restricted; "not politically restricted" and "exempt from political restriction" say it
is not; an exemption merely offered says neither.
"""

from __future__ import annotations

import pytest

from postcheck.record.documents import read_text_document
from postcheck.record.model import PostRecord

TITLE = "Job Title: Green Group Political Assistant\n"


def read(body: str, kind: str = "text", title: str = TITLE) -> PostRecord:
    (record,) = read_text_document(title + body, "jd.txt", kind)
    assert isinstance(record, PostRecord), record
    return record


@pytest.mark.parametrize(
    "sentence",
    [
        "This post is not exempt from political restriction.",
        "This post cannot be exempted from political restriction.",
        "The post can't be exempted from the political restrictions.",
        "The post is not exempt from the political restrictions.",
        "This post is politically restricted and cannot be exempted.",
        "This post is politically restricted; it is not exempt.",
        "This post is politically restricted.",
        "The post-holder will be subject to political restriction.",
    ],
)
def test_sentences_that_state_the_post_is_restricted(sentence: str) -> None:
    assert read(sentence + "\n").political_restriction.stated is True


@pytest.mark.parametrize(
    "sentence",
    [
        "This post is not politically restricted.",
        "It is not a politically restricted post.",
        "This post is no longer politically restricted.",
        "This post is not subject to political restriction.",
        "Political restriction does not apply to this post.",
        "The post is exempt from political restriction.",
        "The post has been exempted from the political restrictions.",
        "The post is not politically restricted and is exempt.",
    ],
)
def test_sentences_that_state_the_post_is_not_restricted(sentence: str) -> None:
    assert read(sentence + "\n").political_restriction.stated is False


def test_an_exemption_offered_says_neither() -> None:
    # restricted-post-exemption-offered judges the offer; the sentence is kept as a statement
    record = read("The post-holder may apply for exemption from political restriction.\n")
    assert record.political_restriction.stated is None
    assert [m.line for m in record.political_restriction.statements] == [2]


def test_a_sentence_saying_both_does_not_settle_it() -> None:
    record = read(
        "This post is politically restricted, but it is not politically restricted in Wales.\n"
    )
    assert record.political_restriction.stated is None


def test_the_statement_points_at_its_line() -> None:
    record = read("Duties: support the Group.\nThis post is not politically restricted.\n")
    assert record.political_restriction.stated is False
    assert record.political_restriction.statements[0].line == 3


# -- citations in documents -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "basis"),
    [
        ("This post is established under LG&HA 1989, s.9.", ("LGHA 1989", "s.9")),
        ("This post is established under sec. 9 LGHA 1989.", ("LGHA 1989", "s.9")),
        ("This post is established under the LGHA 1989, section 9(1).", ("LGHA 1989", "s.9(1)")),
        ("This post is established under s9 of the LGHA.", ("LGHA 1989", "s.9")),
        ("This post is established under section 9 of the 1989 Act.", ("LGHA 1989", "s.9")),
        (
            "This post is established under the Local Authorities (Elected Mayor and Mayor's "
            "Assistant) (England) Regulations 2002, regulation 3.",
            ("SI 2002/975", "reg.3"),
        ),
        (
            "This post is established under s.9 of the Local Government Act 1989.",
            ("Local Government Act 1989", "s.9"),
        ),
    ],
)
def test_basis_citations_in_prose(sentence: str, basis: tuple[str, str]) -> None:
    record = read(sentence + "\n")
    assert [(c.instrument, c.provision) for c in record.statutory_basis] == [basis]


def test_labelled_basis_after_the_instrument() -> None:
    record = read("Statutory basis: LG&HA 1989, s.9\n")
    assert [(c.instrument, c.provision) for c in record.statutory_basis] == [("LGHA 1989", "s.9")]


@pytest.mark.parametrize(
    "sentence",
    [
        "This post is established under s.9 LGHA 1989 as applied by reg 3(7).",
        "This post is established under section 9 of the Local Government and Housing Act 1989, "
        "as applied by regulation 3(7) of the Local Authorities (Elected Mayor and Mayor's "
        "Assistant) (England) Regulations 2002.",
        "This post is established under s.9 as applied by regulation 3(7) of SI 2002/975.",
        "Statutory basis: s.9 of the 1989 Act as applied by reg 3(7) of the 2002 Regulations",
    ],
)
def test_section_9_as_applied_by_regulation_3_7_is_one_citation(sentence: str) -> None:
    record = read(sentence + "\n", title="Job Title: Mayor's Assistant\n")
    assert [(c.instrument, c.provision) for c in record.statutory_basis] == [
        ("SI 2002/975", "reg.3(7)")
    ]
    assert "applied by" in (record.statutory_basis[0].as_written or "")


def test_two_bases_stay_two() -> None:
    record = read(
        "This post is established under s.9 LGHA 1989.\n"
        "Statutory basis: Regulation 3 of SI 2002/975\n"
    )
    assert [(c.instrument, c.provision) for c in record.statutory_basis] == [
        ("LGHA 1989", "s.9"),
        ("SI 2002/975", "reg.3"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The post is politically restricted under s.2 LGHA 1989, as extended to this post by "
        "reg 3(6).",
        "The post is politically restricted under section 2(1) of the Local Government and "
        "Housing Act 1989 by virtue of regulation 3(6) of the 2002 Regulations.",
    ],
)
def test_restriction_extended_by_regulation_3_6_is_cited_to_it(sentence: str) -> None:
    record = read(sentence + "\n", title="Job Title: Mayor's Assistant\n")
    restriction = record.political_restriction
    assert restriction.stated is True
    assert [(c.instrument, c.provision) for c in restriction.citations] == [
        ("SI 2002/975", "reg.3(6)")
    ]


def test_a_restriction_cited_to_two_provisions_of_one_act_stays_two() -> None:
    record = read(
        "The post is politically restricted under section 2(1)(g) and section 2(3) of the "
        "Local Government and Housing Act 1989.\n"
    )
    assert [(c.instrument, c.provision) for c in record.political_restriction.citations] == [
        ("LGHA 1989", "s.2(1)(g)"),
        ("LGHA 1989", "s.2(3)"),
    ]
