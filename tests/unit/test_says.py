"""The `says` condition: where it may stand, the engine agreeing with its Python reading, and the
finding it gives pointing at the sentence and line of a document.

The differential tests draw `says` conditions (all_of/any_of groups, none_of, polarity, modality,
`not`, `all`, `any`) over clause items built from a small vocabulary, so that matches are common,
compile them through the real compiler, run them on the real engine and compare each verdict with
`postcheck.engine.locate.holds`, the documented meaning. Rulesets are costly (about a megabyte
each, never given back), so one seeded batch of conditions is compiled once and judged against
many drawn facts, and only a few drawn batches get a ruleset of their own.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Sequence
from functools import cache
from typing import Any, Protocol, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postcheck.engine.clause_facts import NO_TERMS
from postcheck.engine.compiler import CompiledCatalogue, CompileError, compile_catalogue
from postcheck.engine.durable_backend import DurableRuleset, EngineError
from postcheck.engine.locate import holds
from postcheck.record.documents import read_text_document
from postcheck.record.model import PostRecord
from postcheck.record.wording import normalise, phrases
from postcheck.rules.parameters import Parameters
from tests.conftest import judge
from tests.unit.test_engine import make_rule

DAY = dt.date(2026, 11, 23)
NO_PARAMETERS = Parameters.from_mapping({})
# durable-rules keeps at most 31 entries in one rule's expression sequence: each `$and`/`$or`
# takes two (rete.h MAX_SEQUENCE_EXPRESSIONS = 32, checked after the increment). A condition
# with more is refused with "error code: 113"; the drawn conditions stay within it (see
# test_a_rule_the_compiler_accepts_runs_on_the_engine for what happens past it).
ENGINE_MAX_CONNECTIVES = 15
# and it fails a fact with more than 200 actions pending (error 303): one per rule it fires,
# or per matching alternative of a rule's record-level `$or`
ENGINE_MAX_ACTIONS = 190

TERMS = [
    "canvass",
    "party",
    "voter",
    "door knock",
    "view",
    "election",
    "stand",
    "candidate",
    "flexible working",
    "request",
    "sub agent",
]
# Words of drawn clauses: inflected, hyphenated and closed forms of the terms, and function words
WORDS = [
    "canvassing",
    "canvass",
    "party",
    "parties",
    "voters",
    "door-knocking",
    "doorknocking",
    "door",
    "knock",
    "views",
    "election",
    "stand",
    "standing",
    "candidates",
    "flexible",
    "working",
    "requests",
    "sub-agent",
    "sub",
    "agent",
    "the",
    "for",
]
POLARITIES = ["affirmative", "prohibition", "negated"]
MODALITIES = ["obligation", "permission", "statement"]

T = TypeVar("T")


class Chooser(Protocol):
    """Where the choices come from: a seeded Random, or Hypothesis (which can shrink them)."""

    def pick(self, options: Sequence[T]) -> T: ...

    def count(self, low: int, high: int) -> int: ...


class Seeded:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def pick(self, options: Sequence[T]) -> T:
        return self.random.choice(options)

    def count(self, low: int, high: int) -> int:
        return self.random.randint(low, high)


class Drawn:
    def __init__(self, data: st.DataObject) -> None:
        self.data = data

    def pick(self, options: Sequence[T]) -> T:
        return self.data.draw(st.sampled_from(options))

    def count(self, low: int, high: int) -> int:
        return self.data.draw(st.integers(low, high))


def _some(choose: Chooser, options: Sequence[str], high: int) -> list[str]:
    return list(dict.fromkeys(choose.pick(options) for _ in range(choose.count(1, high))))


def wording(choose: Chooser) -> dict[str, Any]:
    said: dict[str, Any] = {}
    if choose.count(0, 1):
        said["all_of"] = [_some(choose, TERMS, 2) for _ in range(choose.count(1, 2))]
    else:
        said["any_of"] = _some(choose, TERMS, 3)
    if choose.count(0, 1):
        said["none_of"] = _some(choose, TERMS, 2)
    if choose.count(0, 1):
        said["polarity"] = _some(choose, POLARITIES, 2)
    if choose.count(0, 2) == 0:
        said["modality"] = _some(choose, MODALITIES, 2)
    return {"says": said}


def clause_condition(choose: Chooser, depth: int = 0) -> dict[str, Any]:
    """A condition on one clause: `says`, `not`, and `all`/`any` of up to two of them."""
    kind = choose.pick(["says", "says", "not", "all", "any"] if depth < 2 else ["says", "not"])
    if kind == "says":
        return wording(choose)
    if kind == "not":
        return {"not": wording(choose) if depth >= 2 else clause_condition(choose, depth + 1)}
    return {kind: [clause_condition(choose, depth + 1) for _ in range(choose.count(1, 2))]}


def record_condition(choose: Chooser) -> dict[str, Any]:
    quantifier = choose.pick(["any_item", "any_item", "all_items"])
    test = {quantifier: {"field": "clauses", "where": clause_condition(choose)}}
    return {"not": test} if choose.count(0, 4) == 0 else test


def clause_item(choose: Chooser) -> dict[str, Any]:
    """A clause as record/clause_facts gives it: its phrases, polarity and modality."""
    text = " ".join(choose.pick(WORDS) for _ in range(choose.count(1, 6)))
    words = normalise(text) or normalise("canvass")
    return {
        "as_written": text,
        "clause": text,
        "phrases": phrases(words),
        "polarity": choose.pick(POLARITIES),
        "modality": choose.pick(MODALITIES),
        "line": choose.count(1, 40),
    }


def fact(choose: Chooser) -> dict[str, Any]:
    """A record's fact; like to_fact, it has no `clauses` key when there is no clause."""
    items = [clause_item(choose) for _ in range(choose.count(0, 4))]
    return {"title": "Political Assistant", **({"clauses": items} if items else {})}


def _connectives(node: object) -> int:
    if isinstance(node, dict):
        return sum((key in ("$and", "$or")) + _connectives(v) for key, v in node.items())
    if isinstance(node, list):
        return sum(_connectives(v) for v in node)
    return 0


def _record_alternatives(node: Any) -> int:
    """How many actions the engine can fire for one fact and this condition: one per matching
    alternative of an `$or` at the record's level (item tests count as one)."""
    if isinstance(node, dict) and set(node) == {"$or"}:
        return sum(_record_alternatives(branch) for branch in node["$or"])
    if isinstance(node, dict) and set(node) == {"$and"}:
        product = 1
        for part in node["$and"]:
            product *= _record_alternatives(part)
        return product
    return 1


def compiled_batch(conditions: list[dict[str, Any]]) -> CompiledCatalogue:
    """The conditions as rules, compiled one by one into one catalogue. A rule the compiler
    refuses (with its reason) never reaches the engine, so it has no verdict to compare; those
    past the engine's size limit are left out too, and the batch stops before one fact could
    fire more actions than the engine holds."""
    catalogue = CompiledCatalogue(DAY)
    actions = 0
    for i, when in enumerate(conditions):
        try:
            one = compile_catalogue(
                [make_rule(f"says-{i}", when, field="clauses")], NO_PARAMETERS, DAY
            )
        except CompileError:
            continue
        for rule_id, compiled in one.rules.items():
            parts = (compiled.condition, *compiled.exceptions)
            actions += sum(_record_alternatives(part) for part in parts)
            if actions > ENGINE_MAX_ACTIONS:
                return catalogue
            if all(_connectives(part) <= ENGINE_MAX_CONNECTIVES for part in parts):
                catalogue.rules[rule_id] = compiled
        catalogue.vocabulary = catalogue.vocabulary | one.vocabulary
    return catalogue


def pruned(one: dict[str, Any], vocabulary: frozenset[str]) -> dict[str, Any]:
    """The fact as the Evaluator gives it to the engine: each clause keeps only the phrases some
    rule's terms use, or the placeholder (engine/clause_facts.py)."""
    if "clauses" not in one:
        return one
    items = [
        {**item, "phrases": [p for p in item["phrases"] if p in vocabulary] or [NO_TERMS]}
        for item in one["clauses"]
    ]
    return {**one, "clauses": items}


def disagreements(
    catalogue: CompiledCatalogue, ruleset: DurableRuleset, facts: list[dict[str, Any]]
) -> list[str]:
    """Where the engine, given the pruned facts, and Python's reading of the whole facts differ."""
    found = []
    engine_facts = [pruned(one, catalogue.vocabulary) for one in facts]
    for one, fired in zip(facts, ruleset.match(engine_facts), strict=True):
        by_engine = set(catalogue.violated(fired))
        for rule_id, compiled in catalogue.rules.items():
            python = holds(compiled.rule, one, {}, DAY)
            if (rule_id in by_engine) != python:
                when = compiled.rule.when.model_dump(mode="json", by_alias=True, exclude_none=True)
                found.append(
                    f"{rule_id}: engine {rule_id in by_engine}, python {python}\n"
                    f"  when: {json.dumps(when)}\n  fact: {json.dumps(one)}"
                )
    return found


# -- (a) where `says` may stand ----------------------------------------------------------------


@pytest.mark.parametrize(
    "when",
    [
        {"says": {"any_of": ["canvass"]}},
        {"all": [{"present": "title"}, {"says": {"any_of": ["canvass"]}}]},
        {"not": {"says": {"any_of": ["canvass"]}}},
        {"any_item": {"field": "duties", "where": {"says": {"any_of": ["canvass"]}}}},
        {"any_item": {"field": "grade", "where": {"says": {"any_of": ["canvass"]}}}},
        {
            "all_items": {
                "field": "political_restriction.statements",
                "where": {"not": {"says": {"any_of": ["exempt"]}}},
            }
        },
    ],
)
def test_says_outside_an_item_test_on_clauses_is_a_compile_error(when: dict[str, Any]) -> None:
    rule = make_rule("misplaced", when, field="clauses")
    with pytest.raises(CompileError, match="`says` tests a clause") as caught:
        compile_catalogue([rule], NO_PARAMETERS, DAY)
    assert caught.value.rule_id == "misplaced"
    assert caught.value.where[-1] == "says"


@pytest.mark.parametrize(
    "when",
    [
        {"any_item": {"field": "clauses", "where": {"says": {"any_of": ["canvass"]}}}},
        {"all_items": {"field": "clauses", "where": {"says": {"any_of": ["canvass"]}}}},
        {"any_item": {"field": "clauses", "where": {"not": {"says": {"any_of": ["canvass"]}}}}},
        {"not": {"any_item": {"field": "clauses", "where": {"says": {"any_of": ["canvass"]}}}}},
        {
            "all": [
                {"present": "title"},
                {"not": {"any_item": {"field": "clauses", "where": {"says": {"any_of": ["x1"]}}}}},
            ]
        },
    ],
)
def test_says_inside_an_item_test_on_clauses_compiles_without_exception_rules(
    when: dict[str, Any],
) -> None:
    catalogue = compile_catalogue([make_rule("placed", when, field="clauses")], NO_PARAMETERS, DAY)
    assert catalogue.rules["placed"].exceptions == ()  # `not says` negates without a pattern


# -- (b) the engine agrees with the Python reading ---------------------------------------------


@cache
def _seeded_engine() -> tuple[CompiledCatalogue, DurableRuleset]:
    choose = Seeded(8)
    # a fact may have at most 200 actions pending on the engine (error 303): keep the batch small
    catalogue = compiled_batch([record_condition(choose) for _ in range(60)])
    assert len(catalogue.rules) > 25, "enough drawn conditions must compile and fit the engine"
    return catalogue, DurableRuleset(catalogue.engine_conditions())


def test_the_seeded_conditions_both_match_and_miss() -> None:
    # a differential test where every rule always (or never) fires would show nothing
    catalogue, ruleset = _seeded_engine()
    choose = Seeded(9)
    facts = [fact(choose) for _ in range(300)]
    engine_facts = [pruned(one, catalogue.vocabulary) for one in facts]
    fired = [set(catalogue.violated(f)) for f in ruleset.match(engine_facts)]
    rates = [sum(rule_id in f for f in fired) / len(facts) for rule_id in catalogue.rules]
    assert sum(0.05 < rate < 0.95 for rate in rates) > len(rates) / 3


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_engine_agrees_with_python_on_random_clauses(data: st.DataObject) -> None:
    catalogue, ruleset = _seeded_engine()
    choose = Drawn(data)
    facts = [fact(choose) for _ in range(choose.count(1, 6))]
    found = disagreements(catalogue, ruleset, facts)
    assert not found, "\n".join(found[:3])


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_engine_agrees_with_python_on_random_conditions(data: st.DataObject) -> None:
    choose = Drawn(data)
    catalogue = compiled_batch([record_condition(choose) for _ in range(choose.count(1, 4))])
    if not catalogue.rules:
        return
    ruleset = DurableRuleset(catalogue.engine_conditions())
    facts = [fact(choose) for _ in range(choose.count(1, 12))]
    found = disagreements(catalogue, ruleset, facts)
    assert not found, "\n".join(found[:3])


@pytest.mark.parametrize(
    ("where", "phrased", "expected"),
    [
        # one group: any term; two groups: a term of each, in any order
        ({"any_of": ["canvass", "door knock"]}, "go door-knocking", True),
        ({"all_of": [["canvass"], ["party"]]}, "for the party canvassing", True),
        ({"all_of": [["canvass"], ["party"]]}, "canvassing residents", False),
        # an exception term vetoes the clause
        ({"any_of": ["canvass"], "none_of": ["view"]}, "canvass the views of residents", False),
        # polarity and modality are both required when given
        ({"any_of": ["canvass"], "polarity": ["prohibition"]}, "canvass", False),
        ({"any_of": ["canvass"], "modality": ["statement"]}, "canvass", True),
    ],
)
def test_says_by_hand(where: dict[str, Any], phrased: str, expected: bool) -> None:
    """Hand-written verdicts for one affirmative statement clause, on both readings."""
    rule = make_rule(
        "by-hand", {"any_item": {"field": "clauses", "where": {"says": where}}}, field="clauses"
    )
    catalogue = compile_catalogue([rule], NO_PARAMETERS, DAY)
    item = {
        "as_written": phrased,
        "clause": phrased,
        "phrases": phrases(normalise(phrased)),
        "polarity": "affirmative",
        "modality": "statement",
    }
    one = {"clauses": [item]}
    (fired,) = DurableRuleset(catalogue.engine_conditions()).match([one])
    assert ("by-hand" in catalogue.violated(fired)) is expected
    assert holds(rule, one, {}, DAY) is expected


CANVASSING_OBLIGATION = {
    "as_written": "canvassing",
    "clause": "canvassing",
    "phrases": ["canvass"],
    "polarity": "affirmative",
    "modality": "obligation",
}


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        # the clause does not mention the party, so `not says party` holds of it
        (
            {"any_item": {"field": "clauses", "where": {"not": {"says": {"any_of": ["party"]}}}}},
            True,
        ),
        (
            {
                "any_item": {
                    "field": "clauses",
                    "where": {"not": {"says": {"any_of": ["party"], "modality": ["obligation"]}}},
                }
            },
            True,
        ),
        (
            {
                "any_item": {
                    "field": "clauses",
                    "where": {"not": {"says": {"any_of": ["canvass"], "polarity": ["negated"]}}},
                }
            },
            True,
        ),
        # no clause says the party with an obligation
        (
            {
                "not": {
                    "any_item": {
                        "field": "clauses",
                        "where": {"says": {"any_of": ["party"], "modality": ["obligation"]}},
                    }
                }
            },
            True,
        ),
        # `any` of a plain item test and a `says`: the `says` holds
        (
            {
                "any_item": {
                    "field": "clauses",
                    "where": {
                        "any": [
                            {"equals": {"field": "polarity", "value": "negated"}},
                            {"says": {"any_of": ["canvass"]}},
                        ]
                    },
                }
            },
            True,
        ),
        # `any` of two `says`, one with a polarity and one without: the second holds
        (
            {
                "any_item": {
                    "field": "clauses",
                    "where": {
                        "any": [
                            {"says": {"any_of": ["view"], "polarity": ["affirmative"]}},
                            {"says": {"any_of": ["canvass"]}},
                        ]
                    },
                }
            },
            True,
        ),
        # and the negative of each: nothing holds
        (
            {
                "any_item": {
                    "field": "clauses",
                    "where": {"not": {"says": {"any_of": ["canvass"], "modality": ["obligation"]}}},
                }
            },
            False,
        ),
    ],
)
def test_shapes_of_says_by_hand(when: dict[str, Any], expected: bool) -> None:
    """Hand-written verdicts, on both readings, for one clause "canvassing" (affirmative,
    obligation): `not says` with a polarity or modality, `not any_item`, and `any` mixing `says`
    with other item tests, the shapes the drawn conditions found the engine getting wrong."""
    rule = make_rule("shape", when, field="clauses")
    one = {"clauses": [CANVASSING_OBLIGATION]}
    assert holds(rule, one, {}, DAY) is expected
    try:
        catalogue = compile_catalogue([rule], NO_PARAMETERS, DAY)
    except CompileError as error:
        # a refusal with a reason is allowed where the engine has no form for the test: every
        # item (`all_items`, `not any_item`); "some item" always has one
        assert set(when) & {"not", "all_items"}, error.reason
        return
    (fired,) = DurableRuleset(catalogue.engine_conditions()).match([one])
    assert ("shape" in catalogue.violated(fired)) is expected, json.dumps(
        catalogue.rules["shape"].condition
    )


def test_a_rule_the_compiler_accepts_runs_on_the_engine() -> None:
    """restricted-duty-candidacy compiles to 15 `$and`/`$or`, the engine's most; a fourth
    alternative of the same shape takes it past, and the engine refuses the ruleset with
    "error code: 113" although the compiler accepted the rule. Either the compiler refuses such
    a rule with its reason, or what it accepts runs."""
    alternative = {
        "says": {
            "polarity": ["affirmative"],
            "all_of": [["stand", "contest"], ["election", "seat"]],
            "none_of": ["agm", "group secretary"],
        }
    }
    when = {"any_item": {"field": "clauses", "where": {"any": [alternative] * 4}}}
    try:
        catalogue = compile_catalogue(
            [make_rule("long", when, field="clauses")], NO_PARAMETERS, DAY
        )
    except CompileError:
        return  # refused up front, with a reason: acceptable
    try:
        DurableRuleset(catalogue.engine_conditions())
    except EngineError as error:
        pytest.fail(f"the compiler accepted a rule the engine refuses: {error}")


# -- (c) the finding names the sentence and its line -------------------------------------------

DOCUMENT = """\
Job Description

Job title: Political Assistant
Statutory basis: section 9 of the Local Government and Housing Act 1989.
Grade: PO3

This post is politically restricted. The post holder must not canvass on behalf of a party.

Main duties
1. To provide research and briefing to members of the Labour Group.
2. To draft press releases for the Group.
3. To canvass the views of residents on the Group's priorities.
4. Canvass residents on behalf of the Group's candidates.
5. To organise Group meetings.
"""


def _read(text: str) -> PostRecord:
    (record,) = read_text_document(text, "jd.txt", "text")
    assert isinstance(record, PostRecord), record
    return record


def _findings(text: str, rule_id: str) -> list[tuple[int | None, str]]:
    return [(v.line, v.message) for v in judge(_read(text)).violations if v.rule_id == rule_id]


def test_a_wording_finding_quotes_the_sentence_and_points_at_its_line() -> None:
    # the prohibition (line 7) and the views duty (line 12) mention canvassing too; the
    # finding must name the duty that asks for it, on line 13
    ((line, message),) = _findings(DOCUMENT, "restricted-duty-canvassing")
    assert line == 13
    assert '("Canvass residents on behalf of the Group\'s candidates.")' in message
    assert "must not canvass" not in message


def test_a_document_that_only_forbids_canvassing_has_no_canvassing_finding() -> None:
    lawful = DOCUMENT.replace(
        "4. Canvass residents on behalf of the Group's candidates.\n",
        "4. To brief councillors before Council meetings.\n",
    )
    assert _findings(lawful, "restricted-duty-canvassing") == []


def test_a_second_clause_of_a_sentence_fires_and_the_whole_sentence_is_quoted() -> None:
    text = DOCUMENT.replace(
        "5. To organise Group meetings.",
        "5. To organise Group meetings, but canvass voters for the party at elections.",
    ).replace("4. Canvass residents on behalf of the Group's candidates.\n", "")
    ((line, message),) = _findings(text, "restricted-duty-canvassing")
    assert line == 13
    assert '"To organise Group meetings, but canvass voters for the party at elections."' in (
        message
    )


def test_a_sentence_that_starts_inside_a_wrapped_paragraph_points_at_its_own_line() -> None:
    # The second sentence of this paragraph starts on line 5. Today every sentence of a block
    # takes the block's first line (record/documents/assemble.py `_sentences`), so the finding
    # points at line 4, a line that says nothing about canvassing.
    text = (
        "Job title: Political Assistant\n"
        "Statutory basis: section 9 of the Local Government and Housing Act 1989.\n"
        "\n"
        "The post holder will support the Group in its work and is politically\n"
        "restricted. The post holder will canvass voters for the party before\n"
        "polling day.\n"
    )
    ((line, message),) = _findings(text, "restricted-duty-canvassing")
    assert "The post holder will canvass voters for the party before polling day." in message
    assert line == 5
