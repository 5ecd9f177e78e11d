"""The rule book as plain data: law, rules, scenarios, their status and their review, joined.

`build_book` does every join the book shows, so a renderer (book/html.py, or a PDF or JSON
one later) only lays it out:

- each rule with the provisions its citations rest on (and, through the dated parameters it
  uses, the orders and sources behind each value), its scenarios with their last status, and
  its sign-off;
- per area, each provision those rules rest on, with the rules under it; each rule is set out
  in full under the first provision it cites and referred to under the others;
- the traceability matrix (provision -> rules -> scenarios -> status) and its reverse (rule ->
  provisions), the rules resting on unconfirmed or inferred law with what would confirm it,
  and the provisions of the fact sheet no rule rests on yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from postcheck.book.provisions import Instrument, Law, LawIndex, Match, Provision
from postcheck.book.scenarios import (
    Results,
    Run,
    RunStatus,
    Scenario,
    ScenarioStatus,
    status_of,
    unmatched_runs,
)
from postcheck.book.signoff import RuleReview, SignOff, SignOffs, orphans, reviews
from postcheck.explain import parameters_used
from postcheck.rules.catalogue import Catalogue
from postcheck.rules.model import AnyRule, Area, Certainty, LegalReference
from postcheck.rules.parameters import DatedValue, Parameter

UNCERTAIN = (Certainty.UNCONFIRMED, Certainty.INFERENCE)


@dataclass(frozen=True)
class Grounding:
    """A provision a rule rests on, and the citation (or parameter value) that says so."""

    provision: Provision
    instrument: Instrument
    citation: str  # the citation's text, or "parameter NAME: SOURCE"
    by: str  # "address" | "text" | "parameter"


@dataclass(frozen=True)
class ParameterEntry:
    name: str
    parameter: Parameter
    in_force: DatedValue | None  # on the book's as-of day


@dataclass(frozen=True)
class ScenarioEntry:
    scenario: Scenario
    status: ScenarioStatus


@dataclass(frozen=True)
class RuleEntry:
    rule: AnyRule
    file: str  # the rule file, as the book names it
    grounds: tuple[Grounding, ...]
    unmatched: tuple[LegalReference, ...]  # citations resting on no provision of the law file
    parameters: tuple[ParameterEntry, ...]
    scenarios: tuple[ScenarioEntry, ...]
    review: RuleReview

    @property
    def id(self) -> str:
        return self.rule.id

    @property
    def provisions(self) -> list[Provision]:
        return list({g.provision.id: g.provision for g in self.grounds}.values())

    @property
    def uncertain_provisions(self) -> list[Provision]:
        return [p for p in self.provisions if p.uncertain]

    @property
    def rests_on_uncertain_law(self) -> bool:
        return self.rule.certainty in UNCERTAIN or bool(self.uncertain_provisions)

    @property
    def home(self) -> str | None:
        """The provision it is set out in full under: the first its own citations rest on,
        else the first a parameter's source rests on."""
        cited = [g for g in self.grounds if g.by != "parameter"] or list(self.grounds)
        return cited[0].provision.id if cited else None

    def tally(self) -> dict[RunStatus, int]:
        counts = dict.fromkeys(RunStatus, 0)
        for entry in self.scenarios:
            counts[entry.status.status] += 1
        return counts


@dataclass(frozen=True)
class ProvisionSection:
    provision: Provision
    instrument: Instrument
    rules: tuple[str, ...]  # set out in full here
    also: tuple[str, ...]  # resting on it too, set out under another provision


@dataclass(frozen=True)
class AreaSection:
    area: Area
    provisions: tuple[ProvisionSection, ...]
    outside: tuple[str, ...]  # rules resting on no provision of the law file


@dataclass(frozen=True)
class MatrixRow:
    """One provision (or one citation outside the law file) and the rules resting on it."""

    label: str
    address: str
    status: str  # the provision's status, or "not in the fact sheet"
    provision: Provision | None
    rules: tuple[str, ...]


@dataclass(frozen=True)
class Book:
    generated: dt.datetime
    as_of: dt.date
    rules_dir: str
    law_file: str
    fact_sheet: str
    features_dir: str
    results: Results
    signoff_file: str
    law: Law
    rules: dict[str, RuleEntry]
    areas: tuple[AreaSection, ...]
    matrix: tuple[MatrixRow, ...]
    uncovered: tuple[tuple[Instrument, Provision], ...]
    untagged: tuple[Scenario, ...]  # scenarios whose tags name no rule
    stale_runs: tuple[Run, ...]  # results no scenario accounts for
    orphan_signoffs: tuple[tuple[SignOff, int], ...]
    scenarios: tuple[Scenario, ...] = field(default=())

    @property
    def uncertain(self) -> list[RuleEntry]:
        return [r for r in self.rules.values() if r.rests_on_uncertain_law]

    def tally(self) -> dict[RunStatus, int]:
        counts = dict.fromkeys(RunStatus, 0)
        statuses = {
            e.scenario.key: e.status.status for r in self.rules.values() for e in r.scenarios
        }
        for status in statuses.values():
            counts[status] += 1
        return counts


@dataclass(frozen=True)
class Sources:
    """Where the book's inputs came from, as it names them."""

    rules_dir: Path
    law_file: Path
    features_dir: Path
    signoff_file: Path


def build_book(
    catalogue: Catalogue,
    law: Law,
    scenarios: list[Scenario],
    results: Results,
    signoffs: SignOffs,
    sources: Sources,
    as_of: dt.date,
    generated: dt.datetime | None = None,
) -> Book:
    index = LawIndex.of(law)
    review = reviews(catalogue, signoffs)
    known = [r.id for r in catalogue.all_rules]
    by_rule = _scenarios_by_rule(scenarios, results, known)
    rules = {
        rule.id: _rule_entry(rule, catalogue, index, by_rule.get(rule.id, []), review, as_of)
        for rule in catalogue.all_rules
    }
    covered = {p.id for entry in rules.values() for p in entry.provisions}
    return Book(
        generated=generated or dt.datetime.now(dt.UTC),
        as_of=as_of,
        rules_dir=str(sources.rules_dir),
        law_file=str(sources.law_file),
        fact_sheet=law.fact_sheet,
        features_dir=str(sources.features_dir),
        results=results,
        signoff_file=str(sources.signoff_file),
        law=law,
        rules=rules,
        areas=tuple(_areas(law, rules)),
        matrix=tuple(_matrix(law, rules)),
        uncovered=tuple((i, p) for i, p in law.provisions() if p.id not in covered),
        untagged=tuple(s for s in scenarios if not s.rule_ids(known)),
        stale_runs=tuple(unmatched_runs(results, scenarios)),
        orphan_signoffs=tuple(orphans(catalogue, signoffs)),
        scenarios=tuple(scenarios),
    )


def _scenarios_by_rule(
    scenarios: list[Scenario], results: Results, known: list[str]
) -> dict[str, list[ScenarioEntry]]:
    found: dict[str, list[ScenarioEntry]] = {}
    for scenario in scenarios:
        entry = ScenarioEntry(scenario, status_of(scenario, results))
        for rule_id in scenario.rule_ids(known):
            found.setdefault(rule_id, []).append(entry)
    return found


def _rule_entry(
    rule: AnyRule,
    catalogue: Catalogue,
    index: LawIndex,
    scenarios: list[ScenarioEntry],
    review: dict[str, RuleReview],
    as_of: dt.date,
) -> RuleEntry:
    grounds: list[Grounding] = []
    unmatched: list[LegalReference] = []
    for citation in rule.citations:
        matches = index.resolve(citation.text, citation.url)
        grounds += [_grounding(m, citation.text) for m in matches]
        if not matches:
            unmatched.append(citation)
    parameters = []
    for name in parameters_used(rule):
        if name not in catalogue.parameters:
            continue
        parameter = catalogue.parameters.parameters[name]
        parameters.append(ParameterEntry(name, parameter, parameter.entry_on(as_of)))
        for value in parameter.values:
            if value.url:
                via = f"parameter {name}: {value.source}"
                grounds += [
                    Grounding(m.provision, m.instrument, via, "parameter")
                    for m in index.resolve(value.source, value.url)
                ]
    return RuleEntry(
        rule=rule,
        file=_shown(catalogue.path_of(rule.id), catalogue.directory),
        grounds=tuple(_first_each(grounds)),
        unmatched=tuple(unmatched),
        parameters=tuple(parameters),
        scenarios=tuple(scenarios),
        review=review[rule.id],
    )


def _grounding(match: Match, citation: str) -> Grounding:
    return Grounding(match.provision, match.instrument, citation, match.by)


def _first_each(grounds: list[Grounding]) -> list[Grounding]:
    """One grounding per provision: a citation's own before a parameter's."""
    kept: dict[str, Grounding] = {}
    for g in grounds:
        kept.setdefault(g.provision.id, g)
    return list(kept.values())


def _shown(path: Path, directory: Path) -> str:
    """The rule file relative to the rules folder's parent (rules/grading/x.yaml)."""
    try:
        return path.relative_to(directory.parent).as_posix()
    except ValueError:
        return str(path)


def _areas(law: Law, rules: dict[str, RuleEntry]) -> list[AreaSection]:
    sections = []
    for area in Area:
        mine = [r for r in rules.values() if r.rule.area is area]
        if not mine:
            continue
        resting: dict[str, list[str]] = {}
        for entry in mine:
            for provision in entry.provisions:
                resting.setdefault(provision.id, []).append(entry.id)
        provisions = []
        for instrument, provision in law.provisions():
            ids = resting.get(provision.id, [])
            if not ids:
                continue
            homed = tuple(i for i in ids if rules[i].home == provision.id)
            provisions.append(
                ProvisionSection(
                    provision, instrument, homed, tuple(i for i in ids if i not in homed)
                )
            )
        outside = tuple(r.id for r in mine if r.home is None)
        sections.append(AreaSection(area, tuple(provisions), outside))
    return sections


def _matrix(law: Law, rules: dict[str, RuleEntry]) -> list[MatrixRow]:
    """Every provision of the law file (those no rule rests on too), then each citation that
    rests on no provision, each with its address."""
    rows = []
    for _, provision in law.provisions():
        resting = tuple(
            r.id for r in rules.values() if provision.id in {p.id for p in r.provisions}
        )
        rows.append(
            MatrixRow(
                f"{provision.cited}: {provision.title}",
                provision.address,
                provision.status.value,
                provision,
                resting,
            )
        )
    outside: dict[tuple[str, str], list[str]] = {}
    for entry in rules.values():
        for citation in entry.unmatched:
            outside.setdefault((citation.text, citation.url), []).append(entry.id)
    rows += [
        MatrixRow(text, url, "not in the fact sheet", None, tuple(ids))
        for (text, url), ids in outside.items()
    ]
    return rows
