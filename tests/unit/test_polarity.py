"""The polarity heuristic (record/polarity.py), case by case and both ways.

Each case is a sentence a council could write, with the reading the module's docstring promises
for it, written by hand: its clauses, each clause's polarity (affirmative, prohibition, negated),
modality (obligation, permission, statement) and negation scope. The docstring's known limits
are tested as they stand, marked as limits, so a change to them is a decision, not an accident.
"""

from __future__ import annotations

import pytest

from postcheck.record.polarity import Clause, Modality, Polarity, clauses
from postcheck.record.wording import normalise

AFF, PRO, NEG = Polarity.AFFIRMATIVE, Polarity.PROHIBITION, Polarity.NEGATED
OBL, PER, STA = Modality.OBLIGATION, Modality.PERMISSION, Modality.STATEMENT


def only(sentence: str) -> Clause:
    """The sentence's one clause (the case is written so that nothing cuts it)."""
    found = clauses(sentence)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


def reading(sentence: str) -> list[tuple[str, Polarity]]:
    return [(c.text, c.polarity) for c in clauses(sentence)]


# -- prohibition cues --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The post holder must not canvass on behalf of a political party.",
        "The post holder MUST NOT canvass.",
        "You may not canvass for the party.",
        "The post holder shall not canvass.",
        "The post holder should not canvass.",
        "The post-holder cannot canvass.",
        "You can't stand for election.",
        "You can’t stand for election.",
        "You shouldn't canvass.",
        "The postholder is not permitted to speak in public on party matters.",
        "The postholder isn't allowed to canvass.",
        "You will not be permitted to canvass.",
        "Staff are not to canvass.",
        "The post holder is prohibited from canvassing.",
        "The post holder is barred from standing for election.",
        "The post holder is forbidden from canvassing.",
        "The post holder is precluded from standing for election.",
        "Political restrictions prevent the post-holder from canvassing.",
        "The regulations bar the post holder from canvassing.",
        "This post prohibits canvassing.",
        "The regulations forbid canvassing.",
        "No canvassing.",
        # a hyphenated gerund is a gerund: the code's "no \w+ing" misses it (reads as negated)
        "No door-knocking for the party.",
        "Under no circumstances should the post-holder canvass.",
        "At no time may the post holder canvass.",
        "The post holder will never canvass for a party.",
        "Never canvass for a party.",
    ],
)
def test_a_prohibition_cue_forbids(sentence: str) -> None:
    assert only(sentence).polarity is PRO


@pytest.mark.parametrize(
    "sentence",
    ["The post holder will not canvass for a party.", "You won't canvass for the party."],
)
def test_will_not_is_a_prohibition_cue_as_documented(sentence: str) -> None:
    # The docstring lists "must/may/shall/should/cannot/will not" as prohibition cues, but the
    # code knows "will not" only before "be permitted/allowed": these read as negated today.
    assert only(sentence).polarity is PRO


def test_words_before_the_cue_share_its_polarity() -> None:
    clause = only("Canvassing for a party is not permitted.")
    assert clause.polarity is PRO
    assert "canvass" in clause.words


def test_prohibition_wins_over_a_negation_in_the_same_clause() -> None:
    # the negation "no" comes first; the prohibition later in the same clause still wins
    assert only("There is no exemption: the post holder must not canvass.").polarity is PRO
    assert only("Without exception the post holder may not canvass.").polarity is PRO


# -- negation cues -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "You are not required to canvass for the party.",
        "You won't be required to canvass.",
        "This is not legally required.",
        "Attendance is not legally required.",
        "You will be unable to stand for election.",
        "There is no right to request flexible working.",
        "The role doesn't involve canvassing.",
        "You need not canvass.",
        "Neither canvassing nor speaking is allowed.",
        "The post holder is ineligible for exemption.",
        "Nothing in this role requires you to canvass.",
        "Nobody in the team canvasses.",
        "None of the duties involve canvassing.",
        "This post is not politically restricted.",
        "This post is not exempt from political restriction.",
        "Flexible working: no requests accepted.",
        # "not necessarily" denies, it does not forbid
        "You may not necessarily be required to attend.",
    ],
)
def test_a_negation_cue_denies(sentence: str) -> None:
    assert only(sentence).polarity is NEG


# -- affirmatives ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Canvass residents on behalf of the Group's candidates.",  # imperative
        "To canvass for the party's candidates at elections.",  # infinitive duty
        "Canvassing on behalf of the party.",  # gerund
        "Canvassing is carried out by the post holder.",  # passive
        "The post holder will go door-knocking with the Group's candidates.",
        "You may apply for exemption.",
        "The post is politically restricted.",  # "restricted" alone is no cue
        "Applications for exemption should be made to the Monitoring Officer.",
        "However, you may apply for exemption.",  # a leading "however" cuts nothing
        "Give notice of the meeting to the Monitoring Officer.",  # "notice" is not "not"
        "Knowledge of the Nolan principles is essential.",  # nor "knowledge" "no"
        "Canvass voters, residents and businesses for the party.",
    ],
)
def test_a_sentence_without_a_cue_is_affirmative(sentence: str) -> None:
    clause = only(sentence)
    assert clause.polarity is AFF
    assert clause.negated == frozenset()


# -- modality ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("The post holder must attend the office three days a week.", OBL),
        ("The post holder will attend meetings of the group.", OBL),
        ("The post holder shall attend the Group's AGM.", OBL),
        ("The post holder is required to canvass.", OBL),
        ("The post holder is expected to attend meetings.", OBL),
        ("The post holder is responsible for canvassing.", OBL),
        ("The post holder needs to attend.", OBL),
        ("The post holder has to attend.", OBL),
        ("The post holder is obliged to attend.", OBL),
        ("It is the duty of the post holder to brief members.", OBL),
        ("You may apply for exemption.", PER),
        ("You can work from home on Fridays.", PER),
        ("You are entitled to apply for exemption.", PER),
        ("The post holder is able to work from home.", PER),
        ("The post holder is eligible for exemption.", PER),
        ("There is an option to work from home.", PER),
        ("Members of staff have the opportunity to work flexibly.", PER),
        ("Canvassing on behalf of the party.", STA),
        ("Canvass residents on behalf of the Group's candidates.", STA),
        ("The post holder attends meetings of the group.", STA),
        ("Applications for exemption should be made to the Monitoring Officer.", STA),
        ("This post is politically restricted.", STA),
    ],
)
def test_modality(sentence: str, modality: Modality) -> None:
    assert only(sentence).modality is modality


def test_modality_and_polarity_are_independent() -> None:
    forbidden = only("The post holder must not canvass.")
    assert (forbidden.polarity, forbidden.modality) == (PRO, OBL)
    denied = only("You are not required to canvass.")
    assert (denied.polarity, denied.modality) == (NEG, OBL)
    refused = only("You may not canvass.")
    assert (refused.polarity, refused.modality) == (PRO, PER)


# -- where a sentence is cut -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The post is politically restricted; you may not canvass.",
            [("The post is politically restricted", AFF), ("you may not canvass", PRO)],
        ),
        (
            "The post is restricted, but you may apply for exemption.",
            [("The post is restricted", AFF), ("you may apply for exemption", AFF)],
        ),
        (
            "The post is restricted, however you may apply for exemption.",
            [("The post is restricted", AFF), ("you may apply for exemption", AFF)],
        ),
        (
            "The post is restricted although you may apply for exemption.",
            [("The post is restricted", AFF), ("you may apply for exemption", AFF)],
        ),
        (
            "You must canvass whereas others may not.",
            [("You must canvass", AFF), ("others may not", PRO)],
        ),
        (
            "The post is restricted, except that you may apply for exemption.",
            [("The post is restricted", AFF), ("you may apply for exemption", AFF)],
        ),
        (
            "Restricted because of its duties, not its salary.",
            [("Restricted because of its duties", AFF), ("not its salary", NEG)],
        ),
        (
            "Canvass voters, without naming the party.",
            [("Canvass voters", AFF), ("without naming the party", NEG)],
        ),
        (
            "If you believe the duties are not sensitive, you may apply for exemption.",
            [
                ("If you believe the duties are not sensitive", NEG),
                ("you may apply for exemption", AFF),
            ],
        ),
        (
            "Unless told otherwise, canvass for the party.",
            [("Unless told otherwise", AFF), ("canvass for the party", AFF)],
        ),
        (
            "You may apply for exemption where the duties are not sensitive.",
            [("You may apply for exemption", AFF), ("where the duties are not sensitive", NEG)],
        ),
        (
            "You may canvass views unless the consultation is closed.",
            [("You may canvass views", AFF), ("unless the consultation is closed", AFF)],
        ),
        (
            "You may apply for exemption provided that the duties allow.",
            [("You may apply for exemption", AFF), ("provided that the duties allow", AFF)],
        ),
        (
            "Support the Group, and must not canvass.",
            [("Support the Group", AFF), ("must not canvass", PRO)],
        ),
        (
            "Brief the Group and never canvass.",
            [("Brief the Group", AFF), ("never canvass", PRO)],
        ),
        (
            "Brief the Group or not attend.",
            [("Brief the Group", AFF), ("not attend", NEG)],
        ),
    ],
)
def test_where_a_sentence_is_cut(sentence: str, expected: list[tuple[str, Polarity]]) -> None:
    assert reading(sentence) == expected


def test_a_negated_condition_does_not_reach_the_main_clause() -> None:
    condition, main = clauses("If you are not sure, canvass for the party.")
    assert condition.polarity is NEG
    assert main.polarity is AFF
    assert "canvass" in main.words and "canvass" not in condition.words


@pytest.mark.parametrize(
    "sentence",
    [
        "Canvass voters, residents and businesses for the party.",
        "Canvass voters, residents, and businesses for the party.",  # the Oxford comma
        "Duties: canvass residents, brief members and draft leaflets for the party.",
        "Brief members and draft leaflets.",  # "and" before no negation
        "Attend meetings or events.",
    ],
)
def test_commas_lists_and_colons_do_not_cut(sentence: str) -> None:
    assert only(sentence).polarity is AFF


def test_a_colon_does_not_cut_a_labelled_refusal() -> None:
    clause = only("Flexible working: no requests accepted.")
    assert clause.polarity is NEG
    assert {"flexibl", "work", "request", "accept"} <= set(clause.words)


def test_a_clause_keeps_its_words_and_phrases() -> None:
    clause = only("Canvass residents on behalf of the Group's candidates.")
    assert clause.text == "Canvass residents on behalf of the Group's candidates"
    assert clause.words == normalise(clause.text)
    assert "group candid" in clause.phrases


def test_contractions_are_expanded_in_the_clause_text() -> None:
    assert only("The post isn't restricted.").text == "The post is not restricted"
    assert only("You can't canvass.").text == "You can not canvass"
    assert only("You won't canvass.").text == "You will not canvass"
    assert only("The post holder cannot canvass.").text == "The post holder can not canvass"


def test_a_sentence_of_function_words_only_has_no_clause() -> None:
    assert clauses("") == ()
    assert clauses("It is.") == ()
    # an empty piece between two cuts is dropped, the rest kept
    assert reading("Canvass; ; brief.") == [("Canvass", AFF), ("brief", AFF)]


# -- negation scope ----------------------------------------------------------------------------


def test_scope_tells_not_exempt_from_not_restricted() -> None:
    not_exempt = only("This post is not exempt from political restriction.")
    not_restricted = only("This post is not politically restricted.")
    assert not_exempt.polarity is not_restricted.polarity is NEG
    assert "exempt" in not_exempt.negated
    assert "exempt" not in not_restricted.negated
    assert {"polit", "restrict"} <= not_exempt.negated
    assert {"polit", "restrict"} <= not_restricted.negated
    # the words before the cue are not in its scope
    assert "post" not in not_exempt.negated
    assert "post" not in not_restricted.negated


def test_scope_of_a_prohibition_is_what_it_forbids() -> None:
    clause = only("The post holder must not canvass on behalf of a political party.")
    assert {"canvass", "behalf", "polit", "parti"} <= clause.negated
    assert not {"holder", "post"} & clause.negated
    before = only("Canvassing for a party is not permitted.")
    assert "canvass" not in before.negated and "parti" not in before.negated


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("This post is not exempt from political restriction.", {"exempt", "polit", "restrict"}),
        ("The post holder must not canvass for a party.", {"canvass", "parti"}),
    ],
)
def test_scope_is_the_words_after_the_cue(sentence: str, scope: set[str]) -> None:
    # The docstring: "the words after the cue are its scope ... in 'not exempt from political
    # restriction' the scope starts at 'exempt'". The code starts the scope at the cue itself,
    # so the cue's own words ("not", "must") are in `negated` today.
    assert only(sentence).negated == frozenset(scope)


def test_scope_of_a_cut_clause_stays_in_its_clause() -> None:
    first, second = clauses("The post is politically restricted, but it is not exempt.")
    assert first.negated == frozenset()
    assert "restrict" not in second.negated


# -- the documented limits, as they stand ------------------------------------------------------


def test_known_limit_double_negatives_are_not_resolved() -> None:
    # KNOWN LIMIT (docstring): "it is not true that you may not ..." permits, but reads as a
    # prohibition because the clause holds a prohibition cue.
    assert only("It is not true that you may not canvass.").polarity is PRO


def test_known_limit_a_cue_governs_its_whole_clause() -> None:
    # KNOWN LIMIT (docstring): a cue outside what it governs still sets the clause. Rightly for
    # "Nothing ... requires you to canvass" (a denial) ...
    assert only("Nothing in this role requires you to canvass.").polarity is NEG
    # ... wrongly for "Without exception, canvass ...", an instruction that reads as negated.
    assert only("Without exception, canvass for the party.").polarity is NEG


def test_clauses_are_cached_and_immutable() -> None:
    sentence = "The post holder must not canvass."
    assert clauses(sentence) is clauses(sentence)
    with pytest.raises(AttributeError):
        clauses(sentence)[0].polarity = AFF  # type: ignore[misc]


@pytest.mark.parametrize(
    "sentence",
    [
        "Canvass voters in the ward no later than polling day.",
        "Post No. 1234: canvass for the party's candidates.",
        "Support no more than three councillors at a time.",
    ],
)
def test_no_in_a_deadline_or_a_number_is_not_a_negation(sentence: str) -> None:
    assert [c.polarity for c in clauses(sentence)] == [Polarity.AFFIRMATIVE]


def test_no_longer_is_still_a_negation() -> None:
    (clause,) = clauses("This post is no longer politically restricted.")
    assert clause.polarity is Polarity.NEGATED
