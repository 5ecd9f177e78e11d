"""Runs every feature in features/ with the shared lawyer-worded steps, and checks the features
themselves: each `Rule:` states its provision's address in its text (a `#` comment is not part
of the specification a reader sees), and every rule in the catalogue has a scenario."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from gherkin.parser import Parser
from pytest_bdd import scenarios

from tests.conftest import REPO, bundled_catalogue
from tests.features.steps import *  # noqa: F403  (pytest-bdd finds steps in the test module)

scenarios(".")

FEATURES = sorted((REPO / "features").glob("*.feature"))
ADDRESS = re.compile(r"https://[^\s)]+")


def _rule_blocks() -> list[dict[str, Any]]:
    """Every `Rule:` block: its file, line, title, description and the rule ids it tags."""
    blocks = []
    for path in FEATURES:
        feature = Parser().parse(path.read_text(encoding="utf-8"))["feature"]
        for child in feature["children"]:
            if "rule" not in child:
                continue
            rule = child["rule"]
            tagged = {
                tag["name"].removeprefix("@")
                for item in rule["children"]
                if "scenario" in item
                for tag in [*item["scenario"]["tags"], *rule["tags"]]
            }
            blocks.append(
                {
                    "where": f"{path.name}:{rule['location']['line']}",
                    "title": rule["name"],
                    "description": rule.get("description", ""),
                    "tagged": tagged,
                }
            )
    return blocks


BLOCKS = _rule_blocks()


def _scenario_tags(path: Path) -> set[str]:
    tags: set[str] = set()

    def walk(children: list[dict[str, Any]]) -> None:
        for child in children:
            if "rule" in child:
                tags.update(t["name"].removeprefix("@") for t in child["rule"]["tags"])
                walk(child["rule"]["children"])
            elif "scenario" in child:
                tags.update(t["name"].removeprefix("@") for t in child["scenario"]["tags"])

    walk(Parser().parse(path.read_text(encoding="utf-8"))["feature"]["children"])
    return tags


def test_the_features_have_rule_blocks() -> None:
    # Guards the checks below against passing on nothing (a parser that lost the Rules).
    assert len(BLOCKS) >= 30


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: b["where"])
def test_every_rule_states_its_provisions_address_in_its_text(block: dict[str, Any]) -> None:
    addresses = set(ADDRESS.findall(block["description"]))
    assert addresses, f"{block['where']}: Rule {block['title']!r} states no address in its text"
    catalogue = bundled_catalogue()
    cited = {
        citation.url
        for rule_id in block["tagged"]
        if (rule := catalogue.get(rule_id)) is not None
        for citation in rule.citations
    }
    assert addresses & cited, (
        f"{block['where']}: none of {sorted(addresses)} is cited by the rules it specifies "
        f"({sorted(block['tagged'])})"
    )


TAGS = set().union(*(_scenario_tags(path) for path in FEATURES))


@pytest.mark.parametrize("rule_id", [r.id for r in bundled_catalogue().all_rules])
def test_every_rule_appears_in_a_scenario_tag(rule_id: str) -> None:
    assert rule_id in TAGS, f"no scenario in features/ is tagged @{rule_id}"


def _document_scenarios() -> dict[str, dict[str, int]]:
    """Rule id -> how many scenarios judge a whole job description (a doc string) and find
    something under it ("warns", "reports an error"), or nothing ("finds nothing")."""
    counts: dict[str, dict[str, int]] = {}
    for path in FEATURES:
        feature = Parser().parse(path.read_text(encoding="utf-8"))["feature"]
        children = [c["rule"]["children"] for c in feature["children"] if "rule" in c]
        for item in (item for group in children for item in group):
            scenario = item.get("scenario")
            if scenario is None:
                continue
            steps = scenario["steps"]
            if not any("docString" in step for step in steps):
                continue
            said = " ".join(step["text"] for step in steps)
            for tag in scenario["tags"]:
                rule_id = tag["name"].removeprefix("@")
                mine = counts.setdefault(rule_id, {"found": 0, "nothing": 0})
                quoted = f'"{rule_id}"'
                if re.search(rf"(warns|reports an error|notes) under {quoted}", said):
                    mine["found"] += 1
                if f"finds nothing under {quoted}" in said or said.endswith("finds nothing"):
                    mine["nothing"] += 1
                if "<outcome>" in said:  # an outline: its Examples give both outcomes
                    mine["found"] += 1
                    mine["nothing"] += 1
    return counts


# the rules on what the text says: every rule on clauses, and those on the basis it cites
BASIS_RULES = {"political-assistant-basis", "mayors-assistant-basis", "s9-wrong-act"}
WORDING_RULES = sorted(
    rule.id
    for rule in bundled_catalogue().rules
    if rule.field == "clauses" or rule.id in BASIS_RULES
)


@pytest.mark.parametrize("rule_id", WORDING_RULES)
def test_every_wording_rule_is_judged_on_whole_documents_both_ways(rule_id: str) -> None:
    """What users run is the reader: each rule that judges what a job description says has a
    scenario where a whole document breaks it and one where a whole document does not."""
    counts = _document_scenarios().get(rule_id, {"found": 0, "nothing": 0})
    assert counts["found"] >= 1, f"{rule_id}: no document scenario that finds it"
    assert counts["nothing"] >= 1, f"{rule_id}: no document scenario that finds nothing under it"
