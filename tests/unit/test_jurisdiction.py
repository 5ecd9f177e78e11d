"""Rules for English councils only: silent at a Welsh council, run where the country is unknown.

The England-only rules are written out by hand from the law (SI 2002/975 extends to England
only; s.3A LGHA 1989 is England's; the salary limb was removed in England alone), not read from
the rule files, so a rule that loses or gains its `jurisdictions` fails here.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from postcheck.engine.compiler import COUNTRY_FIELD, compile_rule
from postcheck.rules.authorities import Authority, load_authority
from postcheck.rules.model import Country, Rule
from postcheck.rules.parameters import Parameters
from tests.conftest import SEED_DAY, TEST_AUTHORITIES, bundled_catalogue, judge

ENGLAND_ONLY = {
    "mayors-assistant-basis",
    "mayors-assistant-without-elected-mayor",
    "mayors-assistant-not-fixed-term",
    "mayors-assistant-term-beyond-mayor",
    "mayors-assistant-term-not-stated",
    "mayors-assistant-restriction-citation",
    "mayors-assistant-restriction-not-stated",
    "restricted-post-exemption-offered",
    "restriction-by-salary",
    # the s.9 pay cap in pounds is England's; Wales sets its own by pay point (WSI 2019/344)
    "assistant-pay-at-or-above-cap",
    "grade-top-at-or-above-cap",
}

# A mayor's assistant at a council with an elected mayor: permanent (reg 3(3) needs a term
# ending with the mayor's), restriction unstated (reg 3(6)), exemption offered (s.3A), the
# restriction put down to salary (the 2009 Act), and a last-updated day in the future (a rule
# for every country).
MAYORS_ASSISTANT: dict[str, Any] = {
    "title": "Mayor's Assistant",
    "statutory_basis": [
        "This post is established under Regulation 3 of the Local Authorities (Elected Mayor "
        "and Mayor's Assistant) (England) Regulations 2002."
    ],
    "appointment": {"type": "permanent", "as_written": "This is a permanent post."},
    "sentences": [
        "This post is politically restricted because its salary exceeds the threshold.",
        "The post-holder may apply to the Head of Paid Service for exemption.",
    ],
    "date_last_updated": "December 2030",
}
ENGLISH_FINDINGS = {
    "mayors-assistant-not-fixed-term",
    "mayors-assistant-restriction-not-stated",
    "restricted-post-exemption-offered",
    "restriction-by-salary",
    "last-updated-in-future",
}


def _llanfair(country: Country | None) -> Authority:
    """The fictional Welsh council's facts, with its country as given."""
    welsh = load_authority(TEST_AUTHORITIES / "llanfair.yaml")
    assert welsh.country is Country.WALES
    return welsh.model_copy(update={"country": country})


def _found(record: dict[str, Any], authority: Authority | None = None) -> set[str]:
    return {v.rule_id for v in judge(record, SEED_DAY, authority).violations}


def test_a_welsh_councils_mayors_assistant_gets_no_england_only_finding() -> None:
    assert _found(MAYORS_ASSISTANT, _llanfair(Country.WALES)) == {"last-updated-in-future"}


def test_the_same_post_at_an_english_council_gets_them() -> None:
    assert _found(MAYORS_ASSISTANT, _llanfair(Country.ENGLAND)) == ENGLISH_FINDINGS


def test_an_unknown_country_behaves_as_before() -> None:
    assert _found(MAYORS_ASSISTANT, _llanfair(None)) == ENGLISH_FINDINGS


def test_the_welsh_test_council_is_found_by_name() -> None:
    record = MAYORS_ASSISTANT | {"authority": "Llanfair County Council"}
    assert _found(record) == {"last-updated-in-future"}
    english = MAYORS_ASSISTANT | {"authority": "Borchester Borough Council"}
    assert ENGLAND_ONLY & _found(english) == ENGLISH_FINDINGS - {"last-updated-in-future"}


def test_a_record_of_no_known_council_is_judged_by_every_rule() -> None:
    record = MAYORS_ASSISTANT | {"authority": "Ambridge Parish Council"}
    assert _found(record) == ENGLISH_FINDINGS


# --- the rules' jurisdictions ------------------------------------------------------------------


def test_every_rules_jurisdictions_are_valid_and_the_england_only_ones_are_marked() -> None:
    rules = bundled_catalogue().rules
    for rule in rules:
        assert rule.jurisdictions, rule.id
        assert len(set(rule.jurisdictions)) == len(rule.jurisdictions), rule.id
        assert set(rule.jurisdictions) <= {Country.ENGLAND, Country.WALES}, rule.id
    marked = {r.id for r in rules if set(r.jurisdictions) != {Country.ENGLAND, Country.WALES}}
    assert marked == ENGLAND_ONLY
    assert all(r.jurisdictions == [Country.ENGLAND] for r in rules if r.id in ENGLAND_ONLY)


def _rule_data(**changes: Any) -> dict[str, Any]:
    rule = bundled_catalogue().get("restriction-by-salary")
    assert rule is not None
    data: dict[str, Any] = rule.model_dump(mode="json", by_alias=True)
    return data | changes


@pytest.mark.parametrize("bad", [[], ["scotland"], ["england", "england"], "england"])
def test_bad_jurisdictions_are_refused_at_load(bad: Any) -> None:
    with pytest.raises(ValidationError):
        Rule.model_validate(_rule_data(jurisdictions=bad))


def test_a_rule_without_jurisdictions_is_for_both_countries() -> None:
    data = _rule_data()
    del data["jurisdictions"]
    assert Rule.model_validate(data).jurisdictions == [Country.ENGLAND, Country.WALES]


def test_the_country_is_compiled_into_the_condition_but_is_not_a_needed_fact() -> None:
    rule = Rule.model_validate(_rule_data())
    compiled = compile_rule(rule, Parameters(parameters={}), SEED_DAY)
    country = {"$or": [{"$nex": {COUNTRY_FIELD: 1}}, {COUNTRY_FIELD: "england"}]}
    assert country in compiled.condition["$and"]
    assert COUNTRY_FIELD not in compiled.needs_authority
    both = Rule.model_validate(_rule_data(jurisdictions=["england", "wales"]))
    assert country not in compile_rule(both, Parameters(parameters={}), SEED_DAY).condition["$and"]


def test_authority_files_refuse_an_unknown_country() -> None:
    with pytest.raises(ValidationError):
        Authority.model_validate({"name": "Glasgow City Council", "country": "scotland"})
    assert Authority.model_validate({"name": "Somewhere"}).country is None
