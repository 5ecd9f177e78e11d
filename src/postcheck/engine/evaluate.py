"""Records in, rule ids out: batches records through the compiled catalogue on the engine."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from postcheck.engine.compiler import CompiledCatalogue
from postcheck.engine.durable_backend import (
    DurableRuleset,
    EngineError,
    Reading,
    engine_problem,
    engine_reading,
)
from postcheck.engine.facts import SHARED_PART, authority_context, record_unbounded_parts, to_fact
from postcheck.record.model import PostRecord
from postcheck.record.outcome import InputError, ReadOutcome
from postcheck.rules.authorities import Authority, AuthorityDirectory

BATCH_SIZE = 1000  # fact insertion slows as a state grows; 100-5000 all run near the peak


@dataclass(frozen=True)
class Judged:
    """One record, the ids of the rules it breaks (in catalogue order), and of the
    cross-record rules whose sets it belongs to."""

    record: PostRecord
    rule_ids: list[str]
    fact: dict[str, Any]
    set_rule_ids: list[str] = field(default_factory=list)  # cross-record rules counting it


class Evaluator:
    """Holds one engine ruleset; feed it any number of records, in one process, one thread."""

    def __init__(
        self, catalogue: CompiledCatalogue, authorities: AuthorityDirectory | None = None
    ) -> None:
        self.catalogue = catalogue
        self.authorities = authorities
        self._ruleset = DurableRuleset(catalogue.engine_conditions())
        self._contexts: dict[int, _Context] = {}

    def with_authorities(self, authorities: AuthorityDirectory | None) -> Evaluator:
        """The same engine ruleset (costly to build) judging against other authority context."""
        other = copy.copy(self)
        other.authorities = authorities
        other._contexts = {}
        return other

    def judge(self, outcomes: Iterable[ReadOutcome]) -> Iterator[Judged | InputError]:
        """Judged records and input errors, in input order; a bad record never stops the run."""
        pending: list[ReadOutcome] = []
        for outcome in outcomes:
            pending.append(outcome)
            if len(pending) >= BATCH_SIZE:
                yield from self._judge_batch(pending)
                pending = []
        if pending:
            yield from self._judge_batch(pending)

    def _judge_batch(self, outcomes: list[ReadOutcome]) -> Iterator[Judged | InputError]:
        records = [o for o in outcomes if isinstance(o, PostRecord)]
        catalogue = self.catalogue
        facts = []
        problems: dict[int, str] = {}
        for i, record in enumerate(records):
            authority = self._authority_of(record)
            context = self._context_of(authority)
            fact = to_fact(record, authority, catalogue.as_of, catalogue.vocabulary, context.facts)
            problem = engine_problem(record_unbounded_parts(fact), context.reading)
            if problem:
                problems[i] = problem
            facts.append(fact)
        usable = [i for i in range(len(facts)) if i not in problems]
        fired = self._match([facts[i] for i in usable])
        verdicts: dict[int, Judged | InputError] = {
            i: _engine_input_error(records[i], problem) for i, problem in problems.items()
        }
        for position, i in enumerate(usable):
            verdict = fired[position]
            verdicts[i] = (
                Judged(
                    records[i],
                    catalogue.violated(verdict),
                    facts[i],
                    catalogue.member_of(verdict),
                )
                if isinstance(verdict, set)
                else _engine_input_error(records[i], verdict)
            )
        record_index = iter(range(len(records)))
        for outcome in outcomes:
            yield outcome if isinstance(outcome, InputError) else verdicts[next(record_index)]

    def _authority_of(self, record: PostRecord) -> Authority | None:
        return self.authorities.for_name(record.authority) if self.authorities else None

    def _context_of(self, authority: Authority | None) -> _Context:
        """The authority's part of the fact and its engine-safety reading, made once per
        authority (held here with its authority, so the id stays that authority's)."""
        made = self._contexts.get(id(authority))
        if made is None:
            facts = authority_context(authority, self.catalogue.as_of)
            made = _Context(authority, facts, engine_reading({SHARED_PART: facts}))
            self._contexts[id(authority)] = made
        return made

    def _match(self, facts: list[dict[str, object]]) -> list[set[str] | str]:
        """Rule names per fact; if the engine rejects a batch, find the culprit one by one."""
        try:
            return list(self._ruleset.match(facts))
        except EngineError:
            results: list[set[str] | str] = []
            for fact in facts:
                try:
                    results.append(self._ruleset.match([fact])[0])
                except EngineError as error:
                    results.append(str(error))
            return results


@dataclass(frozen=True)
class _Context:
    """A council's part of every fact of its posts on the run's day (shared, read-only)."""

    authority: Authority | None
    facts: dict[str, Any]
    reading: Reading


def _engine_input_error(record: PostRecord, reason: str) -> InputError:
    source = record.provenance
    return InputError(
        source.file, f"the rule engine cannot take this record: {reason}", source.line, source.index
    )
