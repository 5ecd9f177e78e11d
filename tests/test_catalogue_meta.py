"""The catalogue as a whole: well-formed, cited, specified in features/, and self-consistent."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from gherkin.parser import Parser

from postcheck.engine.compiler import compile_catalogue
from postcheck.engine.evaluate import Evaluator, Judged
from postcheck.record.model import PostRecord
from postcheck.rules.catalogue import bundled_rules_dir
from postcheck.rules.model import AnyRule, Certainty, Rule, Severity
from tests.conftest import (
    REPO,
    bundled_catalogue,
    catalogue_patterns,
    compiled_for,
    fires_on_example,
)

CATALOGUE = bundled_catalogue()
RULES = CATALOGUE.all_rules
IDS = {r.id for r in RULES}
AREAS = {r.area.value for r in RULES}
FEATURES = sorted((REPO / "features").glob("*.feature"))
# The outcome steps, in both wordings (tests/features/steps.py): a finding, and its absence.
BREACHES = re.compile(
    r'(?:it breaches|the checker (?:reports an error|warns|notes) under) "([^"]+)"'
)
DOES_NOT_BREACH = re.compile(r'(?:it does not breach|the checker finds nothing under) "([^"]+)"')
CLEAN = ("it breaches no rule", "the checker finds nothing")


def _scenarios() -> list[dict[str, Any]]:
    """Every scenario in features/, with the tags it inherits from its feature and rule."""
    found: list[dict[str, Any]] = []

    def walk(children: list[dict[str, Any]], tags: list[str], path: Path) -> None:
        for child in children:
            if "rule" in child:
                rule = child["rule"]
                walk(rule["children"], tags + [t["name"] for t in rule["tags"]], path)
            elif "scenario" in child:
                scenario = child["scenario"]
                own = [t["name"] for t in scenario["tags"]]
                for steps in _expanded(scenario):
                    found.append(
                        {**scenario, "steps": steps, "all_tags": tags + own, "file": path.name}
                    )

    for path in FEATURES:
        document = Parser().parse(path.read_text(encoding="utf-8"))
        feature = document["feature"]
        walk(feature["children"], [t["name"] for t in feature["tags"]], path)
    return found


def _expanded(scenario: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """A scenario's steps; for an outline, once per Examples row with <placeholders> filled."""
    rows = [
        {
            head["value"]: cell["value"]
            for head, cell in zip(table["tableHeader"]["cells"], row["cells"], strict=True)
        }
        for table in scenario.get("examples") or []
        if table.get("tableHeader")
        for row in table.get("tableBody") or []
    ]
    if not rows:
        return [scenario["steps"]]

    def fill(text: str, row: dict[str, str]) -> str:
        return re.sub(r"<([^<>]+)>", lambda m: row.get(m[1], m[0]), text)

    return [
        [{**step, "text": fill(step["text"], row)} for step in scenario["steps"]] for row in rows
    ]


SCENARIOS = _scenarios()


def test_ids_are_unique_and_match_file_names_and_folders() -> None:
    assert not [i for i, n in Counter(r.id for r in RULES).items() if n > 1]
    for rule in RULES:
        path = CATALOGUE.path_of(rule.id)
        assert path.stem == rule.id
        assert path.parent.name == rule.area.value
        assert path.parent.parent == bundled_rules_dir()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_cited_explained_and_fixable(rule: Rule) -> None:
    assert rule.citations
    for citation in rule.citations:
        assert citation.url.startswith("https://"), citation.url
        assert len(citation.text) > 10
    assert len(rule.rationale.split()) >= 20
    assert len(rule.remediation.split()) >= 5
    if rule.certainty is not Certainty.STATUTE:
        assert rule.severity is not Severity.ERROR


def _fields(node: object) -> set[str]:
    """Every field a condition tests, however deeply nested."""
    if isinstance(node, dict):
        here = {node["field"]} if isinstance(node.get("field"), str) else set()
        here |= {v for k, v in node.items() if k in ("present", "missing") and isinstance(v, str)}
        return here | {f for v in node.values() for f in _fields(v)}
    if isinstance(node, list):
        return {f for v in node for f in _fields(v)}
    return set()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_error_rules_identify_the_post_by_its_statutory_basis(rule: Rule) -> None:
    # A job title alone ("Lord Mayor's Assistant", "Assistant to the Head of Group Audit") does
    # not show which provision governs a post: it may drive a warning, never an error.
    if rule.severity is Severity.ERROR:
        used = _fields(rule.model_dump(mode="json", by_alias=True)[rule.condition_key])
        assert not used & {"derived.kind", "derived.kind_by_title", "derived.assistant"}, rule.id


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_that_rests_on_unsettled_law_says_so(rule: Rule) -> None:
    if rule.certainty in (Certainty.UNCONFIRMED, Certainty.INFERENCE):
        words = rule.rationale.lower()
        assert any(
            w in words
            for w in (
                "not confirmed",
                "unconfirmed",
                "not been",
                "not read",
                "inferred",
                "inference",
                "warning",
            )
        ), rule.id


def test_legislation_is_cited_on_legislation_gov_uk() -> None:
    # An Act or statutory instrument has a legislation.gov.uk page; cite that, not a mirror.
    for rule in RULES:
        for citation in rule.citations:
            if re.search(r"\bAct \d{4}\b|\bRegulations \d{4}\b|\(SI \d{4}/\d+\)", citation.text):
                assert citation.url.startswith("https://www.legislation.gov.uk/"), (
                    rule.id,
                    citation.text,
                )


def test_features_cover_every_area() -> None:
    assert {p.stem for p in FEATURES} >= AREAS - {"cross-record"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_has_failing_and_passing_scenarios(rule: Rule) -> None:
    failing = passing = 0
    for scenario in SCENARIOS:
        texts = [s["text"] for s in scenario["steps"]]
        if f"@{rule.id}" not in scenario["all_tags"]:
            continue
        failing += any(BREACHES.fullmatch(t) and BREACHES.fullmatch(t)[1] == rule.id for t in texts)
        passing += any(
            (DOES_NOT_BREACH.fullmatch(t) and DOES_NOT_BREACH.fullmatch(t)[1] == rule.id)
            or t in CLEAN
            for t in texts
        )
    assert failing >= 1, f"no scenario tagged @{rule.id} shows it breached"
    assert passing >= 1, f"no scenario tagged @{rule.id} shows it not breached"


def test_every_scenario_tag_names_a_rule_or_an_area() -> None:
    unknown = {
        (s["file"], tag)
        for s in SCENARIOS
        for tag in s["all_tags"]
        if tag.removeprefix("@") not in IDS | AREAS
    }
    assert not unknown


def test_every_scenario_names_the_rules_it_asserts_in_its_tags() -> None:
    for scenario in SCENARIOS:
        for step in scenario["steps"]:
            for pattern in (BREACHES, DOES_NOT_BREACH):
                m = pattern.fullmatch(step["text"])
                if m:
                    assert m[1] in IDS, (scenario["name"], m[1])
                    assert f"@{m[1]}" in scenario["all_tags"], (scenario["name"], m[1])


def test_steps_speak_law_not_data() -> None:
    # Lawyer-worded steps: no field paths, no JSON, no snake_case names.
    for scenario in SCENARIOS:
        for step in scenario["steps"]:
            text = step["text"]
            assert not re.search(
                r"[{}\[\]]|\b[a-z]+_[a-z_]+\b|\bderived\.|\bauthority_context", text
            ), (
                scenario["name"],
                text,
            )


# -- the engine reads every pattern as Python does ------------------------------------------


def _strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def _corpus() -> list[str]:
    texts: set[str] = set()
    for rule in RULES:
        texts.update(_strings(rule.examples.model_dump(mode="json", by_alias=True)))
    documents = []  # whole job descriptions: scenario doc strings and the seeds
    for scenario in SCENARIOS:
        for step in scenario["steps"]:
            texts.update(re.findall(r'"([^"]+)"', step["text"]))
            if step.get("docString"):
                documents.append(step["docString"]["content"])
    seeds = REPO.parent / "shared" / "seeds"
    documents += [path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt"))]
    for document in documents:
        for line in document.splitlines():
            texts.update(s.strip() for s in re.split(r"(?<=[.!?])\s+|</?p>", line) if s.strip())
    return sorted(t for t in texts if "\t" not in t and "\n" not in t)


def _probe(rule_id: str, pattern: str, ignore_case: bool) -> Rule:
    """A rule that fires when a post's title matches the pattern."""
    when = {"matches": {"field": "title", "pattern": pattern, "ignore_case": ignore_case}}
    return Rule.model_validate(
        {
            "id": rule_id,
            "title": f"probe {rule_id}",
            "area": "hygiene",
            "severity": "info",
            "certainty": "practice",
            "citations": [{"text": "no provision", "url": "https://www.legislation.gov.uk/"}],
            "rationale": "a probe rule used only to compare the two regex engines",
            "remediation": "nothing to fix",
            "message": "probe",
            "field": "title",
            "when": when,
            "examples": {"fail": [{}], "pass": [{}]},
        }
    )


def test_engine_and_python_agree_on_every_catalogue_pattern() -> None:
    """Differential test: the engine's regex dialect has automaton bugs (alternatives that share
    a prefix, a second `.*` segment), so each pattern must match exactly what Python's does on
    every example, scenario and seed sentence."""
    corpus = _corpus()
    disagreements: defaultdict[str, list[str]] = defaultdict(list)
    patterns = catalogue_patterns(CATALOGUE)
    for n, (pattern, ignore_case) in enumerate(patterns):
        rule = _probe(f"p{n}", pattern, ignore_case)
        compiled = compile_catalogue([rule], CATALOGUE.parameters, dt.date(2026, 1, 1))
        judged = list(Evaluator(compiled).judge(PostRecord(title=t) for t in corpus))
        flags = re.IGNORECASE if ignore_case else 0
        for text, verdict in zip(corpus, judged, strict=True):
            assert isinstance(verdict, Judged)
            engine = bool(verdict.rule_ids)
            if engine != bool(re.fullmatch(pattern, text, flags)):
                disagreements[pattern].append(text)
    assert not disagreements


# -- effective dates: silent the day before a rule applies, and the day after it ends --------

_DAY = dt.timedelta(days=1)


def _judged_by_the_day(rule: AnyRule) -> bool:
    """A rule whose fail example turns on the day itself (a date compared with the day judged,
    or a council's dated facts), so that it need not fire on the first day the rule applies."""
    when = str(rule.model_dump(mode="json", by_alias=True)[rule.condition_key])
    example = str(rule.examples.fail[0])
    return "'as_of'" in when or "authority_context" in when or "authority" in example


def _fires(rule: AnyRule, day: dt.date) -> bool:
    return fires_on_example(rule, rule.examples.fail[0], day)


DATED = [r for r in RULES if r.effective.from_ or r.effective.to]


@pytest.mark.parametrize("rule", DATED, ids=lambda r: r.id)
def test_rule_is_silent_outside_its_effective_dates(rule: Rule) -> None:
    start, end = rule.effective.from_, rule.effective.to
    for day, inside in [
        *([(start - _DAY, False), (start, True)] if start else []),
        *([(end, True), (end + _DAY, False)] if end else []),
    ]:
        silent_because = compiled_for(day).not_applicable.get(rule.id)
        in_force = silent_because != f"not in force on {day.isoformat()}"
        assert in_force is inside, f"{rule.id} on {day}: {silent_because or 'in force'}"
        if not inside:
            assert not _fires(rule, day), f"{rule.id} fires on {day}, outside its dates"
        elif not _judged_by_the_day(rule):
            assert _fires(rule, day), f"{rule.id}'s first fail example is silent on {day}"
