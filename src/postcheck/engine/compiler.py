"""Rules (validated data) compiled into durable-rules conditions, for one --as-of day.

The engine knows no negation of a pattern and treats a missing field as failing every test but
"does not exist", so negation is pushed down to the leaves here with Python's meaning kept
(`not equals` is true when the field is unknown). A top-level `not` that cannot be pushed down
(a negated pattern) becomes an *exception* rule: the violation stands when the rule fires and
none of its exceptions does. Parameters and the as-of day are resolved to literals here, so the
engine sees only plain values.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from postcheck import limits
from postcheck.engine.facts import FACT_SCHEMA, FieldType, lookup, needs_authority, value_at
from postcheck.record.wording import term_forms
from postcheck.rules.conditions import (
    AllItems,
    AllOf,
    AnyItem,
    AnyOf,
    Condition,
    DateCompare,
    Equals,
    FieldValues,
    ItemTest,
    Matches,
    Missing,
    Not,
    NumberCompare,
    OneOf,
    Present,
    Says,
    Scalar,
    Wording,
    parse_period,
    shift_within_calendar,
)
from postcheck.rules.model import Country, Rule, RuleText, SetRule
from postcheck.rules.parameters import Parameters, ParameterValue
from postcheck.rules.patterns import (
    PatternError,
    alternatives,
    check_pattern,
    to_engine_dialect,
    top_level_alternatives,
)

# durable-rules refuses a rule with more than 15 `$and`/`$or` ("error code: 113"; measured)
MAX_LOGIC_OPERATORS = 15
ANCHOR = {"__rec": 1}  # every compiled rule needs a positive test the engine's own state lacks
EXCEPTION_MARK = "~unless~"
_NUMBER_OPS = {"less_than": "$lt", "at_most": "$lte", "greater_than": "$gt", "at_least": "$gte"}
_DATE_OPS = {"before": "$lt", "on_or_before": "$lte", "after": "$gt", "on_or_after": "$gte"}
_OPPOSITE = {"$lt": "$gte", "$lte": "$gt", "$gt": "$lte", "$gte": "$lt"}
_KIND_OF_VALUE = {bool: "bool", int: "number", float: "number", str: "str"}


class CompileError(ValueError):
    """A rule that cannot run as written; `where` names the condition inside the rule."""

    def __init__(self, reason: str, where: tuple[str | int, ...] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        self.where = where
        self.rule_id: str | None = None


class NotApplicableError(Exception):
    """The rule needs a value the parameters do not give for this day; it stays silent."""


class _NotNegatableError(CompileError):
    pass


R = TypeVar("R", Rule, SetRule)


@dataclass(frozen=True)
class CompiledRule(Generic[R]):
    """A rule's condition on the engine: for a per-post rule, the post breaks it; for a
    cross-record rule, the post is one of the records it counts."""

    rule: R
    condition: dict[str, Any]
    exceptions: tuple[dict[str, Any], ...] = ()
    needs_authority: tuple[str, ...] = ()  # authority facts the rule tests, see not_applicable()

    def missing_authority_facts(self, fact: dict[str, Any]) -> bool:
        """Whether none of the authority facts the rule tests is known for this record."""
        return bool(self.needs_authority) and all(
            value_at(fact, f) is None for f in self.needs_authority
        )


@dataclass
class CompiledCatalogue:
    """Every rule in force on `as_of`, ready for the engine, and why the others are silent."""

    as_of: dt.date
    rules: dict[str, CompiledRule[Rule]] = field(default_factory=dict)
    sets: dict[str, CompiledRule[SetRule]] = field(default_factory=dict)
    not_applicable: dict[str, str] = field(default_factory=dict)
    parameter_values: dict[str, ParameterValue] = field(default_factory=dict)
    vocabulary: frozenset[str] = frozenset()  # every form of every `says` term, see clause_facts

    def engine_conditions(self) -> dict[str, dict[str, Any]]:
        """Engine rule name -> condition; exceptions are named `<id>~unless~<n>`."""
        conditions: dict[str, dict[str, Any]] = {}
        every: list[tuple[str, CompiledRule[Rule] | CompiledRule[SetRule]]] = [
            *self.rules.items(),
            *self.sets.items(),
        ]
        for rule_id, compiled in every:
            conditions[rule_id] = compiled.condition
            for n, exception in enumerate(compiled.exceptions):
                conditions[f"{rule_id}{EXCEPTION_MARK}{n}"] = exception
        return conditions

    def violated(self, fired: set[str]) -> list[str]:
        """Rule ids whose violation stands, given the engine rule names that fired for a record."""
        return self._standing(self.rules, fired)

    def member_of(self, fired: set[str]) -> list[str]:
        """Cross-record rules that count this record, given the engine rule names that fired."""
        return self._standing(self.sets, fired)

    def _standing(
        self,
        rules: dict[str, CompiledRule[Rule]] | dict[str, CompiledRule[SetRule]],
        fired: set[str],
    ) -> list[str]:
        """The rules, in catalogue order, whose condition fired and none of whose exceptions
        did. Runs twice a record: only the few names that fired are looked at."""
        if not fired:
            return []
        excepted = {name.partition(EXCEPTION_MARK)[0] for name in fired if EXCEPTION_MARK in name}
        standing = [name for name in fired if name in rules and name not in excepted]
        if len(standing) > 1:
            standing.sort(key=self._rank.__getitem__)
        return standing

    @functools.cached_property
    def _rank(self) -> dict[str, int]:
        """Each rule's place in the catalogue (per-post rules, then cross-record ones)."""
        return {rule_id: n for n, rule_id in enumerate([*self.rules, *self.sets])}


def compile_catalogue(
    rules: list[Rule],
    parameters: Parameters,
    as_of: dt.date,
    set_rules: Sequence[SetRule] = (),
) -> CompiledCatalogue:
    catalogue = CompiledCatalogue(
        as_of, parameter_values={n: parameters.value_on(n, as_of) for n in parameters.parameters}
    )
    every: list[Rule | SetRule] = [*rules, *set_rules]
    for rule in every:
        if not rule.effective.covers(as_of):
            catalogue.not_applicable[rule.id] = f"not in force on {as_of.isoformat()}"
            continue
        try:
            if isinstance(rule, SetRule):
                catalogue.sets[rule.id] = compile_rule(rule, parameters, as_of)
                _check_set_fields(rule)
            else:
                catalogue.rules[rule.id] = compile_rule(rule, parameters, as_of)
            catalogue.vocabulary |= term_vocabulary(rule.condition)
        except NotApplicableError as reason:
            catalogue.not_applicable[rule.id] = str(reason)
        except CompileError as error:
            error.rule_id = rule.id
            raise
    return catalogue


def compile_rule(rule: R, parameters: Parameters, as_of: dt.date) -> CompiledRule[R]:
    """CompileError for a rule that cannot run; NotApplicableError for one silent today."""
    compiler = _Compiler(parameters, as_of)
    if rule.field == "." or lookup(FACT_SCHEMA, rule.field) is None:
        raise CompileError(f"unknown field {rule.field!r}", ("field",))
    if rule.evidence is not None and (
        rule.evidence == "." or lookup(FACT_SCHEMA, rule.evidence) is None
    ):
        raise CompileError(f"unknown field {rule.evidence!r}", ("evidence",))
    when = rule.condition
    key = rule.condition_key
    conjuncts = when.all if isinstance(when, AllOf) else [when]
    positives: list[dict[str, Any]] = [ANCHOR]
    exceptions: list[dict[str, Any]] = []
    jurisdiction = jurisdiction_condition(rule)
    if jurisdiction is not None:  # first, so the engine drops another country's record early
        positives.append(compiler.compile(jurisdiction, ("jurisdictions",)))
    for index, conjunct in enumerate(conjuncts):
        where: tuple[str | int, ...] = (key, "all", index) if isinstance(when, AllOf) else (key,)
        try:
            positives.append(compiler.compile(conjunct, where))
        except _NotNegatableError:
            refuse_dates_in_exception(conjunct, where)
            if isinstance(conjunct, AllItems):
                # every item satisfies X: the list is known, and no item is an exception
                test = conjunct.all_items
                positives.append({"$ex": {test.field: 1}})
                opposite = AnyItem(
                    any_item=ItemTest(field=test.field, where=Not(**{"not": test.where}))
                )
                inner = compiler.compile(opposite, (*where, "all_items"))
            elif isinstance(conjunct, Not):
                inner = compiler.compile(conjunct.not_, (*where, "not"))
            else:
                raise
            exceptions.append({"$and": [ANCHOR, inner]})
    needs = tuple(sorted({f for f in fields_named(when) if needs_authority(f)}))
    positives = [engine_safe(p) for p in positives]
    exceptions = [engine_safe(e) for e in exceptions]
    for index, condition in enumerate([{"$and": positives}, *exceptions]):
        part = "the rule" if index == 0 else f"its exception {index}"
        widest = widest_or(condition)
        if widest > limits.current().pattern_alternatives:
            raise CompileError(
                f"{part} becomes an `any` of {widest} alternatives on the engine (its terms' "
                f"forms, patterns and values spread out); at most "
                f"{limits.current().pattern_alternatives} (limits.pattern_alternatives): split it",
                (key,),
            )
        used = logic_operators(condition)
        if used > MAX_LOGIC_OPERATORS:
            raise CompileError(
                f"{part} needs {used} `all`/`any` groups on the engine, which takes at most "
                f"{MAX_LOGIC_OPERATORS} per rule (each `says` uses about four): split the rule",
                (key,),
            )
    return CompiledRule(rule, {"$and": positives}, tuple(exceptions), needs)


SCALAR_KINDS = ("str", "number", "bool")


def _check_set_fields(rule: SetRule) -> None:
    """A set is grouped by, and compared on, single values: a field that is unknown or a list
    would group nothing or everything."""
    for where, path in [
        *((("group_by", n), path) for n, path in enumerate(rule.group_by)),
        *(
            (("having", n, "distinct", "field"), test.distinct.field)
            for n, test in enumerate(rule.having)
            if test.distinct
        ),
        *((("show", n), path) for n, path in enumerate(rule.show)),
    ]:
        kind = lookup(FACT_SCHEMA, path)
        if kind is None:
            raise CompileError(f"unknown field {path!r}", where)
        if kind.kind not in SCALAR_KINDS:
            raise CompileError(f"{path!r} holds a {kind.kind}, not a single value", where)


COUNTRY_FIELD = "authority_context.country"


def jurisdiction_condition(rule: RuleText) -> Condition | None:
    """The rule's `jurisdictions` as a condition the engine tests like any other: the authority's
    country is one of them, or is unknown (then the rule runs, as it did before countries were
    known). None for a rule of every country. Not counted among the authority facts the rule
    needs: an unknown country never keeps a rule from judging."""
    if set(rule.jurisdictions) == set(Country):
        return None
    countries: list[Scalar] = [c.value for c in rule.jurisdictions]
    listed = OneOf(one_of=FieldValues(field=COUNTRY_FIELD, values=countries))
    return AnyOf(any=[Missing(missing=COUNTRY_FIELD), listed])


ITEM_ALWAYS = {"$nex": {"$i.__end": 1}}  # true of every list item, object or value


def engine_safe(node: Any) -> Any:
    """The condition rewritten around two faults of durable-rules 2.0.28's item tests
    (`$iany`, `$iall`; measured, see docs/engine.md):

    - an `$or` whose branches test different fields of the item can be false though an
      earlier branch holds;
    - the engine reads the type of the node an item test's condition ended on, and an `$or`
      ends on a node whose type it never sets (rete.c, createForwardAlpha), so the ruleset is
      refused at random ("error code: 102").

    "Some item satisfies A or B" is "some item satisfies A, or some item satisfies B", and a
    conjunction can end on any of its parts, so an `$iany` is rewritten for both without
    adding a group. "Every item satisfies A or B" has no such form: the compiler refuses one
    over several fields (_Compiler._items), and one that ends in an `$or` of one field is
    closed by ITEM_ALWAYS."""
    if isinstance(node, list):
        return [engine_safe(part) for part in node]
    if not isinstance(node, dict):
        return node
    node = {key: engine_safe(value) for key, value in node.items()}
    for quantifier in ("$iany", "$iall"):
        if set(node) == {quantifier} and isinstance(node[quantifier], dict):
            ((path, inner),) = node[quantifier].items()
            if quantifier == "$iany" and _mixed_or(inner):
                tests = [engine_safe({"$iany": {path: alt}}) for alt in _alternatives(inner)]
                return tests[0] if len(tests) == 1 else {"$or": tests}
            if not _ends_in_or(inner):
                return node
            if quantifier == "$iany":
                return _spread_item_test(path, inner)
            # "every item satisfies A or B" cannot be spread: end it on a test that always
            # holds (no item has a field of that name; records cannot carry `__` keys)
            return {"$iall": {path: {"$and": [*_flattened(inner), ITEM_ALWAYS]}}}
    return node


def _ends_in_or(node: Any) -> bool:
    if isinstance(node, dict) and set(node) == {"$or"}:
        return True
    if isinstance(node, dict) and set(node) == {"$and"} and node["$and"]:
        return _ends_in_or(node["$and"][-1])
    return False


def _spread_item_test(path: str, inner: dict[str, Any]) -> dict[str, Any]:
    if set(inner) == {"$or"}:
        return {"$or": [engine_safe({"$iany": {path: branch}}) for branch in inner["$or"]]}
    parts = _flattened(inner)
    settled = [part for part in parts if not _ends_in_or(part)]
    if settled:  # end on a part that is not an "or"
        last = settled[-1]
        ordered = [part for part in parts if part is not last] + [last]
        return {"$iany": {path: {"$and": ordered}}}
    if len(parts) == 1:
        only: dict[str, Any] = engine_safe({"$iany": {path: parts[0]}})
        return only
    *rest, last_or = parts  # every part is an "or" now
    branches = last_or["$or"]
    return {
        "$or": [engine_safe({"$iany": {path: {"$and": [*rest, branch]}}}) for branch in branches]
    }


def _flattened(node: dict[str, Any]) -> list[dict[str, Any]]:
    """The parts of a conjunction, nested conjunctions opened."""
    if set(node) == {"$and"}:
        return [part for child in node["$and"] for part in _flattened(child)]
    return [node]


def refuse_dates_in_exception(conjunct: Condition, where: tuple[str | int, ...]) -> None:
    """An exception rule negates its whole condition at once, where a `not` elsewhere is
    pushed down to the tests: `not before` is `on or after`, which a partial date ("May
    2026") straddling the day passes no more than `before`. With a date comparison inside,
    the two readings differ, so such a rule is refused rather than judged one way here and
    another by engine/locate.py."""
    if _compares_dates(conjunct):
        raise CompileError(
            "a `not` (or `all_items`) over a pattern or a test of several item fields cannot "
            "also compare dates: the engine can only negate it as a whole, which reads a "
            "partial date differently; move the date comparison out of it",
            where,
        )


def _compares_dates(node: object) -> bool:
    if isinstance(node, DateCompare):
        return True
    if isinstance(node, BaseModel):
        return any(_compares_dates(getattr(node, name)) for name in type(node).model_fields)
    if isinstance(node, list):
        return any(_compares_dates(item) for item in node)
    return False


def widest_or(node: Any) -> int:
    """The most alternatives one `$or` of a compiled condition holds: the engine hangs, deaf
    to Ctrl-C, building a rule whose `$or` has some 520 (measured on durable-rules 2.0.28)."""
    widest = 0
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            if isinstance(current.get("$or"), list):
                widest = max(widest, len(current["$or"]))
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
    return widest


def _too_many(count: int, what: str, where: tuple[str | int, ...]) -> None:
    """CompileError when a list the rule gives would make an engine `$or` past the limit."""
    widest = limits.current().pattern_alternatives
    if count > widest:
        raise CompileError(
            f"{what} gives {count} alternatives; at most {widest} (limits.pattern_alternatives): "
            "the engine hangs on a wide `any`, so split the rule or the list",
            where,
        )


def logic_operators(node: Any) -> int:
    """How many `$and`/`$or` a compiled condition holds, as the engine counts its limit."""
    if isinstance(node, dict):
        return sum((k in ("$and", "$or")) + logic_operators(v) for k, v in node.items())
    if isinstance(node, list):
        return sum(logic_operators(v) for v in node)
    return 0


class _Compiler:
    def __init__(self, parameters: Parameters, as_of: dt.date) -> None:
        self.parameters = parameters
        self.as_of = as_of

    def compile(
        self,
        condition: Condition,
        where: tuple[str | int, ...],
        negated: bool = False,
        item: FieldType | None = None,
    ) -> dict[str, Any]:
        if isinstance(condition, AllOf | AnyOf):
            parts = condition.all if isinstance(condition, AllOf) else condition.any
            key = "all" if isinstance(condition, AllOf) else "any"
            if isinstance(condition, AllOf) == negated:  # an `$or` on the engine
                _too_many(len(parts), f"`{key}`", (*where, key))
            compiled = [
                self.compile(part, (*where, key, i), negated, item) for i, part in enumerate(parts)
            ]
            conjunctive = isinstance(condition, AllOf) != negated
            return {"$and" if conjunctive else "$or": compiled}
        if isinstance(condition, Not):
            return self.compile(condition.not_, (*where, "not"), not negated, item)
        if isinstance(condition, Equals):
            path = self._field(condition.equals.field, where, item, {"str", "number", "bool"})
            self._check_value(condition.equals.value, path, (*where, "equals"), item)
            return self._equals_any(path, [condition.equals.value], negated)
        if isinstance(condition, OneOf):
            path = self._field(condition.one_of.field, where, item, {"str", "number"})
            values = condition.one_of.values or self._list_param(condition.one_of.param, where)
            _too_many(len(values), "`one_of`", (*where, "one_of"))
            for value in values:
                self._check_value(value, path, (*where, "one_of"), item)
            return self._equals_any(path, values, negated)
        if isinstance(condition, Matches):
            return self._matches(condition, where, negated, item)
        if isinstance(condition, Says):
            return self._says(condition.says, where, negated, item)
        if isinstance(condition, Present | Missing):
            name = condition.present if isinstance(condition, Present) else condition.missing
            if name == ".":
                raise CompileError(
                    f"`{'present' if isinstance(condition, Present) else 'missing'}: .` tests "
                    "nothing: '.' is a list item itself, which always exists inside an item "
                    "test and means nothing outside one; name a field (of the record, or of "
                    "the item)",
                    where,
                )
            path = self._field(name, where, item, None)
            exists = isinstance(condition, Present) != negated
            return {"$ex" if exists else "$nex": {path: 1}}
        if isinstance(condition, NumberCompare):
            return self._number(condition, where, negated, item)
        if isinstance(condition, DateCompare):
            return self._date(condition, where, negated, item)
        if isinstance(condition, AnyItem | AllItems):
            return self._items(condition, where, negated, item)
        raise CompileError(f"unsupported condition {type(condition).__name__}", where)

    # -- leaves -----------------------------------------------------------------------------

    def _equals_any(self, path: str, values: list[Any], negated: bool) -> dict[str, Any]:
        if not negated:
            tests = [{path: v} for v in values]
            return tests[0] if len(tests) == 1 else {"$or": tests}
        different = [{"$neq": {path: v}} for v in values]
        none_of = different[0] if len(different) == 1 else {"$and": different}
        if path == "$i":  # a list item always exists
            return none_of
        return {"$or": [{"$nex": {path: 1}}, none_of]}

    def _matches(
        self,
        condition: Matches,
        where: tuple[str | int, ...],
        negated: bool,
        item: FieldType | None,
    ) -> dict[str, Any]:
        spec = condition.matches
        if negated:
            raise _NotNegatableError(
                "a negated pattern is only allowed as a `not` directly under the rule's top-level "
                "`all` (the engine cannot negate a pattern inside other conditions)",
                where,
            )
        path = self._field(spec.field, where, item, {"str"})
        written = (
            [spec.pattern]
            if spec.pattern is not None
            else spec.patterns or self._list_param(spec.param, where)
        )
        try:
            for pattern in written:
                if not isinstance(pattern, str):
                    raise PatternError(f"parameter {spec.param!r} must list patterns (strings)")
                check_pattern(pattern, spec.ignore_case)
            _too_many(sum(alternatives(p) for p in written), "the patterns", (*where, "matches"))
            branches = [
                to_engine_dialect(branch)
                for pattern in written
                for branch in top_level_alternatives(pattern)
            ]
        except PatternError as error:
            raise CompileError(str(error), (*where, "matches")) from None
        op = "$imt" if spec.ignore_case else "$mt"
        tests = [{op: {path: branch}} for branch in branches]
        return tests[0] if len(tests) == 1 else {"$or": tests}

    def _says(
        self,
        wording: Wording,
        where: tuple[str | int, ...],
        negated: bool,
        item: FieldType | None,
    ) -> dict[str, Any]:
        """Each group: some phrase of the clause is one of its terms' forms (`$iany`); the
        exceptions: every phrase differs from all of theirs (`$iall`). Both negate without a
        pattern, so `not says` is allowed anywhere."""
        if item is None or "phrases" not in item.children:
            raise CompileError(
                "`says` tests a clause: use it inside an item test on `clauses`", (*where, "says")
            )

        def forms(terms: list[str]) -> list[str]:
            found = list(dict.fromkeys(f for term in terms for f in term_forms(term)))
            _too_many(len(found), "a group of terms, in all their forms,", (*where, "says"))
            return found

        def has_any(terms: list[str]) -> dict[str, Any]:
            tests = [{"$i": f} for f in forms(terms)]
            return {"$iany": {"$i.phrases": tests[0] if len(tests) == 1 else {"$or": tests}}}

        def has_none(terms: list[str]) -> dict[str, Any]:
            tests = [{"$neq": {"$i": f}} for f in forms(terms)]
            return {"$iall": {"$i.phrases": tests[0] if len(tests) == 1 else {"$and": tests}}}

        choices: list[tuple[str, list[str]]] = []
        if wording.polarity:
            choices.append(("$i.polarity", [p.value for p in wording.polarity]))
        if wording.modality:
            choices.append(("$i.modality", [m.value for m in wording.modality]))
        # cheap equality tests first: the engine stops an `$and` at its first false test
        parts = [self._equals_any(path, values, negated) for path, values in choices]
        if not negated:
            parts += [has_any(group) for group in wording.groups]
            if wording.none_of:
                parts.append(has_none(wording.none_of))
            return parts[0] if len(parts) == 1 else {"$and": parts}
        parts += [has_none(group) for group in wording.groups]
        if wording.none_of:
            parts.append(has_any(wording.none_of))
        return parts[0] if len(parts) == 1 else {"$or": parts}

    def _number(
        self,
        condition: NumberCompare,
        where: tuple[str | int, ...],
        negated: bool,
        item: FieldType | None,
    ) -> dict[str, Any]:
        operand = condition.operand
        path = self._field(operand.field, where, item, {"number"})
        op = _NUMBER_OPS[condition.operator]
        if negated:
            op = _OPPOSITE[op]
        guards: list[dict[str, Any]] = []
        value: Any
        if operand.other_field is not None:
            other = self._field(operand.other_field, where, None, {"number"})
            value = {"$m": other}
            guards.append({"$ex" if not negated else "$nex": {other: 1}})
        elif operand.param is not None:
            value = self._number_param(operand.param, where)
        else:
            value = operand.value
        engine_number(value, (*where, condition.operator))
        test = {op: {path: value}}
        if not negated:
            return {"$and": [*guards, test]} if guards else test
        return {"$or": [{"$nex": {path: 1}}, *guards, test]}

    def _date(
        self,
        condition: DateCompare,
        where: tuple[str | int, ...],
        negated: bool,
        item: FieldType | None,
    ) -> dict[str, Any]:
        operand = condition.operand
        base = self._field(operand.field, where, item, {"date"})
        # `not before X` is read as `on or after X`, and so on: the test that remains is judged
        # like any other, and a partial date ("May 2023") passes it only where every day it
        # can mean agrees: `before` looks at its last day, `after` at its first.
        op = _DATE_OPS[condition.operator]
        if negated:
            op = _OPPOSITE[op]
        before = op in ("$lt", "$lte")
        path = f"{base}.{'latest' if before else 'earliest'}"
        unknown = [{"$nex": {path: 1}}] if negated else []
        if operand.other_field is not None:
            other_base = self._field(operand.other_field, where, None, {"date"})
            other = f"{other_base}.{'earliest' if before else 'latest'}"
            if negated:
                unknown.append({"$nex": {other: 1}})
                return {"$or": [*unknown, {op: {path: {"$m": other}}}]}
            return {"$and": [{"$ex": {other: 1}}, {op: {path: {"$m": other}}}]}
        day = self.as_of if operand.as_of else operand.date
        assert day is not None  # the operand model requires one of the three
        period = operand.minus or operand.plus
        if period is not None:
            text = period.period or self._text_param(period.param, where)
            day = shift_within_calendar(day, text, -1 if operand.minus is not None else 1)
        test = {op: {path: day.isoformat()}}
        return {"$or": [*unknown, test]} if negated else test

    def _items(
        self,
        condition: AnyItem | AllItems,
        where: tuple[str | int, ...],
        negated: bool,
        item: FieldType | None,
    ) -> dict[str, Any]:
        if item is not None:
            raise CompileError("item tests cannot be nested inside another item test", where)
        test = condition.any_item if isinstance(condition, AnyItem) else condition.all_items
        key = "any_item" if isinstance(condition, AnyItem) else "all_items"
        path = self._field(test.field, where, None, {"list"})
        kind = lookup(FACT_SCHEMA, test.field)
        assert kind is not None and kind.item is not None
        inner = self.compile(test.where, (*where, key, "where"), negated, kind.item)
        wants_any = isinstance(condition, AnyItem) != negated
        if not wants_any and _mixed_or(inner):
            # "every item satisfies A or B" has no safe engine form (see engine_safe); "no item
            # satisfies not-A and not-B" does, as the rule's exception rule
            raise _NotNegatableError(
                "`all_items` or `not any_item` over a test of several item fields is only "
                "allowed directly under the rule's top-level `all` (the engine's item `or` is "
                "unsafe there; the compiler turns it into an exception rule)",
                (*where, key),
            )
        quantified = {"$iany" if wants_any else "$iall": {path: inner}}
        if negated:  # not any(...) and not all(...) both hold for an unknown list
            return {"$or": [{"$nex": {path: 1}}, quantified]}
        return quantified

    # -- fields, values and parameters ----------------------------------------------------

    def _field(
        self,
        name: str,
        where: tuple[str | int, ...],
        item: FieldType | None,
        kinds: set[str] | None,
    ) -> str:
        if name == "." and item is None:
            raise CompileError(
                "'.' is the list item itself: it only has a meaning inside the `where` of an "
                "`any_item` or `all_items` test; name a record field here",
                where,
            )
        schema = item if item is not None else FACT_SCHEMA
        found = lookup(schema, name)
        if found is None:
            scope = "list item" if item is not None else "record"
            raise CompileError(f"unknown {scope} field {name!r} (see `postcheck schema`)", where)
        if kinds is not None and found.kind not in kinds:
            raise CompileError(
                f"field {name!r} holds {found.kind}; this test needs {' or '.join(sorted(kinds))}",
                where,
            )
        if item is None:
            return name
        return "$i" if name == "." else f"$i.{name}"

    def _check_value(
        self, value: Any, path: str, where: tuple[str | int, ...], item: FieldType | None
    ) -> None:
        engine_number(value, where)
        schema = item if item is not None else FACT_SCHEMA
        name = "." if path == "$i" else path.removeprefix("$i.")
        expected = lookup(schema, name)
        actual = _KIND_OF_VALUE.get(type(value))
        if expected is not None and actual != expected.kind:
            raise CompileError(
                f"{value!r} is a {actual} but field {name!r} holds {expected.kind}; the engine "
                "would coerce one into the other",
                where,
            )

    def _param(self, name: str | None, where: tuple[str | int, ...]) -> ParameterValue:
        if name is None or name not in self.parameters:
            raise CompileError(f"unknown parameter {name!r} (see rules/parameters.yaml)", where)
        value = self.parameters.value_on(name, self.as_of)
        if value is None:
            day = self.as_of.isoformat()
            raise NotApplicableError(f"parameter {name} has no known value on {day}")
        return value

    def _number_param(self, name: str, where: tuple[str | int, ...]) -> int | float:
        value = self._param(name, where)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise CompileError(f"parameter {name!r} is not a number", where)
        return value

    def _text_param(self, name: str | None, where: tuple[str | int, ...]) -> str:
        value = self._param(name, where)
        if not isinstance(value, str):
            raise CompileError(f"parameter {name!r} is not a period such as P2Y", where)
        try:
            parse_period(value)
        except ValueError as error:
            raise CompileError(f"parameter {name!r}: {error}", where) from None
        return value

    def _list_param(self, name: str | None, where: tuple[str | int, ...]) -> list[Any]:
        value = self._param(name, where)
        if not isinstance(value, list) or not value:
            raise CompileError(f"parameter {name!r} is not a non-empty list", where)
        return value


def _alternatives(node: dict[str, Any]) -> list[dict[str, Any]]:
    """The node as a disjunction of conjunctions at the item's level (nested item tests over
    a list inside the item, such as a clause's phrases, are leaves and keep their own "or").
    Only an "or" that mixes fields is spread: one over a single field is safe as it is."""
    if not _mixed_or(node):
        found = [node]
    elif set(node) == {"$or"}:
        found = [alt for branch in node["$or"] for alt in _alternatives(branch)]
    elif set(node) == {"$and"}:
        found = [{"$and": []}]
        for part in node["$and"]:
            options = _alternatives(part)
            found = [
                {"$and": [*done["$and"], *_conjuncts(option)]}
                for done in found
                for option in options
            ]
            if len(found) > limits.current().pattern_alternatives:
                break
    else:
        found = [node]
    widest = limits.current().pattern_alternatives
    if len(found) > widest:
        raise CompileError(
            f"an item test spreads into more than {widest} alternatives "
            "(limits.pattern_alternatives)",
            ("when",),
        )
    return found


def _conjuncts(node: dict[str, Any]) -> list[dict[str, Any]]:
    return list(node["$and"]) if set(node) == {"$and"} else [node]


def _mixed_or(node: Any) -> bool:
    """Whether an "or" at the item's level has branches that test different item fields."""
    if not isinstance(node, dict):
        return False
    if set(node) == {"$or"}:
        if len({frozenset(_item_fields(branch)) for branch in node["$or"]}) > 1:
            return True
        return any(_mixed_or(branch) for branch in node["$or"])
    if set(node) == {"$and"}:
        return any(_mixed_or(part) for part in node["$and"])
    return False


def _item_fields(node: Any) -> set[str]:
    """The item fields (`$i.x`, or `$i` itself) a test reads, not descending into nested
    item tests beyond naming the list they run over."""
    if isinstance(node, dict):
        found: set[str] = set()
        for key, value in node.items():
            if key.startswith("$i"):
                found.add(key)
            elif key in ("$iany", "$iall"):
                found |= {k for k in value if k.startswith("$i")}
                continue
            found |= (
                _item_fields(value)
                if key
                in (
                    "$and",
                    "$or",
                    "$neq",
                    "$lt",
                    "$lte",
                    "$gt",
                    "$gte",
                    "$ex",
                    "$nex",
                    "$mt",
                    "$imt",
                )
                else set()
            )
        return found
    if isinstance(node, list):
        return {f for part in node for f in _item_fields(part)}
    return set()


def fields_named(node: object) -> list[str]:
    """Every record-level field a condition names (item fields are relative, so left out)."""
    if isinstance(node, ItemTest):
        return [node.field]
    if isinstance(node, Present | Missing):
        return [node.present if isinstance(node, Present) else node.missing]
    if isinstance(node, BaseModel):
        found = []
        for name in type(node).model_fields:
            value = getattr(node, name)
            if name in ("field", "other_field") and isinstance(value, str):
                found.append(value)
            elif isinstance(value, BaseModel | list):
                found += fields_named(value)
        return found
    if isinstance(node, list):
        return [f for item in node for f in fields_named(item)]
    return []


def term_vocabulary(node: object) -> frozenset[str]:
    """Every form of every term (exceptions included) the `says` tests of a condition name."""
    if isinstance(node, Says):
        wording = node.says
        terms = [t for group in wording.groups for t in group] + wording.none_of
        return frozenset(f for term in terms for f in term_forms(term))
    if isinstance(node, BaseModel):
        return frozenset().union(
            *(term_vocabulary(getattr(node, n)) for n in type(node).model_fields)
        )
    if isinstance(node, list):
        return frozenset().union(*(term_vocabulary(item) for item in node))
    return frozenset()


def engine_number(value: Any, where: tuple[str | int, ...]) -> None:
    """CompileError for a number the engine cannot read, which Python would compare happily
    (so the two would disagree): a float that JSON writes with an exponent (1e-05, 1e+16) or
    that is not finite."""
    if isinstance(value, float) and (not math.isfinite(value) or "e" in repr(value)):
        raise CompileError(
            f"the number {value!r} cannot be read by the rule engine (it takes numbers written "
            "out in full, between 0.0001 and 10**16): give it in other units",
            where,
        )
