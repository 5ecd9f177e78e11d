"""Records in, rule ids out: batches records through the compiled catalogue on the engine."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from postcheck.engine.compiler import CompiledCatalogue
from postcheck.engine.durable_backend import DurableRuleset, EngineError, engine_problem
from postcheck.engine.facts import authority_context, to_fact, unbounded_parts
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
        self._contexts: dict[int, tuple[Authority, dict[str, Any]]] = {}

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
        for record in records:
            authority = self._authority_of(record)
            facts.append(
                to_fact(
                    record,
                    authority,
                    catalogue.as_of,
                    catalogue.vocabulary,
                    self._context_of(authority),
                )
            )
        problems = {
            i: p for i, fact in enumerate(facts) if (p := engine_problem(unbounded_parts(fact)))
        }
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

    def _context_of(self, authority: Authority | None) -> dict[str, Any]:
        """The authority's part of the fact, built once per authority (held here with its
        authority, so the id stays that authority's)."""
        if authority is None:
            return {}
        made = self._contexts.get(id(authority))
        if made is None:
            made = self._contexts[id(authority)] = (
                authority,
                authority_context(authority, self.catalogue.as_of),
            )
        return made[1]

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


def _engine_input_error(record: PostRecord, reason: str) -> InputError:
    source = record.provenance
    return InputError(
        source.file, f"the rule engine cannot take this record: {reason}", source.line, source.index
    )
