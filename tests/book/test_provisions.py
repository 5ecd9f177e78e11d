"""The law file, and the join from the rules' citations to its provisions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from postcheck.book import BookError, load_law
from postcheck.book.provisions import Law, LawIndex, Status
from tests.conftest import REPO, bundled_catalogue

FACT_SHEET = REPO.parent / "shared" / "law" / "political-posts.md"
# Sources the law file names that the fact sheet gives only in part (it cites "bailii copy:
# uk/legis/num_reg/1990/uksi_19901636_en.html", without the host).
PARTLY_GIVEN = {"https://www.bailii.org/uk/legis/num_reg/1990/uksi_19901636_en.html"}


@pytest.fixture(scope="module")
def law() -> Law:
    return load_law(REPO / "law" / "provisions.yaml")


@pytest.fixture(scope="module")
def index(law: Law) -> LawIndex:
    return LawIndex.of(law)


def _fact_sheet() -> str:
    assert FACT_SHEET.is_file(), f"the fact sheet is expected beside the repo, at {FACT_SHEET}"
    return FACT_SHEET.read_text(encoding="utf-8")


def test_the_law_file_names_the_fact_sheet_it_encodes(law: Law) -> None:
    assert (REPO / law.fact_sheet).resolve() == FACT_SHEET.resolve()


def test_every_provision_gives_an_address_and_its_status(law: Law) -> None:
    provisions = [p for _, p in law.provisions()]
    assert len(provisions) >= 80
    assert {p.status for p in provisions} == set(Status)
    for p in provisions:
        assert p.address.startswith("https://"), p.id
        assert p.status is Status.CONFIRMED or p.confirm_by, p.id


def test_every_source_is_one_the_fact_sheet_gives(law: Law) -> None:
    """The law file invents no source: each address is in the fact sheet (with or without
    its scheme), so a reviewer can check the plain English against what was read."""
    sheet = _fact_sheet()
    for _, p in law.provisions():
        for source in p.sources:
            if source.url in PARTLY_GIVEN:
                continue
            bare = re.sub(r"^https?://", "", source.url)
            assert bare in sheet, f"{p.id}: {source.url} is not in the fact sheet"


def test_every_fact_sheet_section_named_exists(law: Law) -> None:
    headings = set(re.findall(r"^#{2,3} (\d+(?:\.\d+)?)[. ]", _fact_sheet(), re.MULTILINE))
    for _, p in law.provisions():
        for section in p.fact_sheet.split(", "):
            assert section in headings, f"{p.id}: no section {section} in the fact sheet"


def test_the_fact_sheets_uncertain_facts_are_marked(law: Law) -> None:
    by_id = {p.id: p for _, p in law.provisions()}
    for provision_id in (
        "lgha-1989-s2-3",  # sensitive duties: statutory wording UNCONFIRMED
        "lgha-1989-s9-8-9",  # duties: subsection text UNCONFIRMED
        "lgha-1989-s9-allocation",  # one per group: subsection numbers UNCONFIRMED
        "ldedca-2009-s30",  # text of s.30 UNCONFIRMED
        "remuneration-order-2021",  # SI number and article text UNCONFIRMED
        "si-1990-851-sch-3",  # Part III: exact text UNCONFIRMED
    ):
        assert by_id[provision_id].status is Status.UNCONFIRMED, provision_id
    assert by_id["grade-codes"].status is Status.INFERENCE  # "P04" very probably a typo
    assert by_id["lgha-1989-s2-1-f"].status is Status.CONFIRMED


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "provisions.yaml"
    path.write_text(text, encoding="utf-8")
    return path


LAW = """\
fact_sheet: sheet.md
instruments:
  - id: lgha
    title: Local Government and Housing Act 1989
    short: LGHA 1989
    kind: act
    names: [Local Government and Housing Act 1989]
    address: https://www.legislation.gov.uk/ukpga/1989/42
    provisions:
      - id: s9
        cited: LGHA 1989, s.9
        title: Assistants
        says: Lets an authority employ assistants to political groups.
        address: https://www.legislation.gov.uk/ukpga/1989/42/section/9
        status: confirmed
        sources: [{text: Act, url: "https://example.org/act"}]
        fact_sheet: "1.4"
      - id: s9-2
        cited: LGHA 1989, s.9(2)
        title: Conditions
        says: The four conditions an appointment under s.9 has to meet.
        address: https://www.legislation.gov.uk/ukpga/1989/42/section/9
        status: confirmed
        sources: [{text: Act, url: "https://example.org/act"}]
        fact_sheet: "1.4"
      - id: s9-2-c
        cited: LGHA 1989, s.9(2)(c)
        title: Three posts
        says: No more than three posts are created for s.9.
        address: https://www.legislation.gov.uk/ukpga/1989/42/section/9
        status: confirmed
        sources: [{text: Act, url: "https://example.org/act"}]
        fact_sheet: "1.4"
      - id: s9-3
        cited: LGHA 1989, s.9(3)
        title: Pay and term
        says: Pay below the relevant amount and an end at the annual meeting.
        address: https://www.legislation.gov.uk/ukpga/1989/42/section/9
        status: confirmed
        sources: [{text: Act, url: "https://example.org/act"}]
        fact_sheet: "1.4"
      - id: allocation
        cited: LGHA 1989, s.9 (allocation)
        title: One per group
        says: At most one post per political group, as secondary sources report.
        address: https://www.legislation.gov.uk/ukpga/1989/42/section/9
        status: unconfirmed
        confirm_by: Find the subsection and read it.
        unnumbered: true
        also_at: ["https://api.parliament.uk/historic-hansard/written-answers/2002/mar/04/x"]
        sources: [{text: Hansard, url: "https://example.org/hansard"}]
        fact_sheet: "1.4"
  - id: order
    title: An order and its guidance
    short: Order 2021
    kind: statutory-instrument
    address: https://www.gov.uk/guidance
    provisions:
      - id: order-2021
        cited: The Remuneration Order 2021
        title: The order
        says: Sets the relevant amount in England at present.
        address: https://www.gov.uk/guidance
        status: unconfirmed
        confirm_by: Read the order on legislation.gov.uk.
        names: [Order 2021]
        sources: [{text: Guidance, url: "https://www.gov.uk/guidance"}]
        fact_sheet: "1.5"
      - id: guidance
        cited: The guidance (2021)
        title: The guidance
        says: Non-statutory guidance on value for money and openness.
        address: https://www.gov.uk/guidance
        status: confirmed
        names: [guidance]
        sources: [{text: Guidance, url: "https://www.gov.uk/guidance"}]
        fact_sheet: "1.5"
"""


@pytest.fixture
def small(tmp_path: Path) -> LawIndex:
    return LawIndex.of(load_law(_write(tmp_path, LAW)))


def _ids(index: LawIndex, text: str, url: str) -> list[str]:
    return [m.provision.id for m in index.resolve(text, url)]


SECTION_9 = "https://www.legislation.gov.uk/ukpga/1989/42/section/9"


def test_a_citation_rests_on_the_provision_its_pinpoint_names(small: LawIndex) -> None:
    assert _ids(small, "LGHA 1989, s.9(2)(c)", SECTION_9) == ["s9-2-c"]
    assert _ids(small, "LGHA 1989, s.9(2)", SECTION_9) == ["s9-2"]
    assert _ids(small, "LGHA 1989, s.9", SECTION_9) == ["s9"]
    # s.9(3)(a) is inside s.9(3): the most specific provision around it
    assert _ids(small, "LGHA 1989, s.9(3)(a)", SECTION_9) == ["s9-3"]
    assert _ids(small, "LGHA 1989, s.9(2)(c) and s.9(3)", SECTION_9) == ["s9-2-c", "s9-3"]
    # no pinpoint in the text: the address's own section
    assert _ids(small, "the Act", SECTION_9 + "/enacted") == ["s9"]


def test_a_provision_whose_subsection_is_unknown_is_found_only_at_its_other_address(
    small: LawIndex,
) -> None:
    assert "allocation" not in _ids(small, "LGHA 1989, s.9", SECTION_9)
    hansard = "https://api.parliament.uk/historic-hansard/written-answers/2002/mar/04/x/"
    assert _ids(small, "Hansard, 4 March 2002", hansard) == ["allocation"]


def test_names_tell_apart_two_provisions_at_one_address(small: LawIndex) -> None:
    url = "https://www.gov.uk/guidance"
    assert _ids(small, "The Remuneration Order 2021, as applied", url) == ["order-2021"]
    assert _ids(small, "DLUHC guidance", url) == ["guidance"]
    assert _ids(small, "a page about something else", url) == []


def test_an_unknown_address_falls_back_to_the_instrument_the_text_names(small: LawIndex) -> None:
    mirror = "http://www.opsi.gov.uk/Acts/acts1989/ukpga_19890042_en_3"
    assert _ids(small, "Local Government and Housing Act 1989, s.9(3)", mirror) == ["s9-3"]
    # a title with no numbered provision is too loose a match
    assert _ids(small, "Local Government and Housing Act 1989", mirror) == []
    assert _ids(small, "Employment Rights Act 1996, s.1", "https://example.org/era") == []


def _refused(tmp_path: Path, text: str) -> BookError:
    path = _write(tmp_path, text)
    with pytest.raises(BookError) as caught:
        load_law(path)
    assert str(caught.value).startswith(f"{path}:")
    return caught.value


def test_an_unconfirmed_provision_must_say_what_would_confirm_it(tmp_path: Path) -> None:
    error = _refused(
        tmp_path, LAW.replace("        confirm_by: Find the subsection and read it.\n", "")
    )
    assert "marked unconfirmed must say what would confirm it (confirm_by)" in error.reason
    assert error.line == LAW.splitlines().index("      - id: allocation") + 1


def test_a_missing_field_names_the_provision_it_is_missing_from(tmp_path: Path) -> None:
    error = _refused(tmp_path, LAW.replace("        title: Three posts\n", ""))
    assert error.reason == "instruments.0.provisions.2.title: Field required"
    assert error.line == LAW.splitlines().index("      - id: s9-2-c") + 1


def test_an_unknown_key_is_refused_at_its_line(tmp_path: Path) -> None:
    text = LAW.replace(
        "        title: Three posts\n", "        title: Three posts\n        titel: x\n"
    )
    error = _refused(tmp_path, text)
    assert error.reason.startswith("instruments.0.provisions.2.titel: Extra inputs")
    assert error.line == text.splitlines().index("        titel: x") + 1


def test_a_web_address_is_checked(tmp_path: Path) -> None:
    error = _refused(tmp_path, LAW.replace('url: "https://example.org/hansard"', "url: hansard"))
    assert "not a web address: 'hansard'" in error.reason


def test_bad_yaml_names_its_line(tmp_path: Path) -> None:
    error = _refused(tmp_path, "fact_sheet: sheet.md\ninstruments: [unclosed\n")
    assert error.reason.startswith("not valid YAML") and error.line == 3


def test_a_provision_id_given_twice_is_refused(tmp_path: Path) -> None:
    doubled = LAW.replace("      - id: s9-2-c\n", "      - id: s9-2\n")
    with pytest.raises(BookError, match="provision id 's9-2' is given twice"):
        load_law(_write(tmp_path, doubled))


def test_a_missing_law_file_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(BookError, match=r"nowhere\.yaml: cannot read: no such file"):
        load_law(tmp_path / "nowhere.yaml")


# ---- the bundled rules on the bundled law file ----------------------------------------------


def _resting(index: LawIndex) -> dict[str, set[str]]:
    """Provision id -> the ids of the bundled rules whose citations rest on it."""
    found: dict[str, set[str]] = {}
    for rule in bundled_catalogue().all_rules:
        for citation in rule.citations:
            for match in index.resolve(citation.text, citation.url):
                found.setdefault(match.provision.id, set()).add(rule.id)
    return found


def test_which_rules_rest_on_s2_1_f(index: LawIndex) -> None:
    """The question the issue asks, answered by hand from the rule files' citations."""
    assert _resting(index)["lgha-1989-s2-1-f"] == {
        "assistant-stated-not-restricted",
        "restricted-post-exemption-offered",
        "s9-restriction-not-stated",
        "s9-restriction-paragraph",
        "s9-restriction-wrong-paragraph",
    }


def test_the_bundled_rules_join_where_their_citations_say(index: LawIndex) -> None:
    resting = _resting(index)
    assert resting["lgha-1989-s9-2-c"] == {"s9-posts-over-three"}
    assert {"mayors-assistants-over-one", "mayors-assistant-basis"} <= resting["si-2002-975-reg3-1"]
    # through Hansard, cited for the one-per-group and one-tenth tests
    assert resting["lgha-1989-s9-allocation"] == {
        "s9-group-below-one-tenth",
        "s9-posts-per-group-over-one",
    }
    # the Schedule of SI 1990/851, cited with reg 3(1)(a) at one address
    assert resting["si-1990-851-sch-1-5"] == {"restricted-duty-canvassing"}
    assert "restricted-duty-canvassing" in resting["si-1990-851-reg3-1-a"]
    assert resting["remuneration-order-2021"] == {"assistant-pay-at-or-above-cap"}
    assert "grade-code-typo" in resting["grade-codes"]
    # a citation of the Employment Rights Act, which the fact sheet does not describe
    cited = {p for p, rules in resting.items() if "fixed-term-lapsed" in rules}
    assert cited == set()
