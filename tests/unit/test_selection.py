"""Which rules a run uses: selectors (id, area, severity, certainty, glob), suggestions for
misspelt ones, and the profiles of rules/profiles.yaml, bundled and in a copied rules folder.

The expected rule ids are written out from the rule files, not taken from the selection code.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from postcheck.cli import main
from postcheck.rules.catalogue import RuleFileError, bundled_rules_dir, load_catalogue
from postcheck.rules.model import Certainty
from postcheck.rules.selection import (
    Profile,
    SelectionError,
    choose,
    load_profiles,
    matching,
    profile_named,
    profile_rules,
)
from tests.conftest import bundled_catalogue

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "seeds"
AS_OF = ["--as-of", "2026-11-23"]

STATUTE = {
    "fixed-term-ended",
    "mayors-assistant-not-fixed-term",
    "mayors-assistant-term-not-stated",
    "s9-not-fixed-term",
    "s9-term-not-stated",
    "mayors-assistants-over-one",
    "s9-posts-over-three",
    "flexible-working-request-denied",
    "assistant-stated-not-restricted",
    "mayors-assistant-restriction-citation",
    "s9-restriction-paragraph",
    "s9-restriction-wrong-paragraph",
    "mayors-assistant-without-elected-mayor",
}
GRADING = {
    "grade-code-typo",
    "grade-mentions-disagree",
    "grade-not-on-scale",
    "grade-top-at-or-above-cap",
    "salary-outside-grade",
}
ERRORS = {
    "fixed-term-ended",
    "mayors-assistant-not-fixed-term",
    "s9-not-fixed-term",
    "mayors-assistants-over-one",
    "s9-posts-over-three",
    "assistant-stated-not-restricted",
    "mayors-assistant-restriction-citation",
    "s9-restriction-wrong-paragraph",
    "mayors-assistant-without-elected-mayor",
}
S9 = {
    "s9-appointed-on-merit",
    "s9-not-fixed-term",
    "s9-term-not-stated",
    "s9-posts-over-three",
    "s9-posts-per-group-over-one",
    "s9-restriction-not-stated",
    "s9-restriction-paragraph",
    "s9-restriction-wrong-paragraph",
    "s9-group-below-one-tenth",
    "s9-group-not-named",
    "s9-group-not-on-council",
    "s9-wrong-act",
}
# What the seeds break on 2026-11-23 (post number, rule), every rule, and statute rules only.
SEED_FINDINGS = {
    ("31214", "fixed-term-ended"),
    ("31214", "grade-code-typo"),
    ("31214", "last-updated-stale"),
    ("31214", "leftover-markup"),
    ("31214", "mayors-assistant-restriction-citation"),
    ("3527", "leftover-markup"),
    ("3527", "repeated-item-number"),
    ("3527", "s9-restriction-paragraph"),
    ("3527", "s9-term-not-stated"),
}
SEED_STATUTE_FINDINGS = {
    ("31214", "fixed-term-ended"),
    ("31214", "mayors-assistant-restriction-citation"),
    ("3527", "s9-restriction-paragraph"),
    ("3527", "s9-term-not-stated"),
}


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def findings(*args: str) -> set[tuple[str, str]]:
    result = invoke("check", str(SEEDS), "--format", "json", *AS_OF, *args)
    assert result.exit_code == 1, result.output
    violations: list[dict[str, str]] = json.loads(result.stdout)["violations"]
    return {(v["post_number"], v["rule_id"]) for v in violations}


def profile(description: str = "A profile made for a test.", **fields: object) -> Profile:
    return Profile.model_validate({"description": description, **fields})


# --- selectors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("selector", "ids"),
    [
        ("s9-not-fixed-term", {"s9-not-fixed-term"}),
        ("title-grades-differ", {"title-grades-differ"}),  # a cross-record rule
        ("grading", GRADING),
        ("error", ERRORS),
        ("statute", STATUTE),
        ("s9-*", S9),
        (
            "s9-group-*",
            {"s9-group-below-one-tenth", "s9-group-not-named", "s9-group-not-on-council"},
        ),
        ("*-fixed-term", {"s9-not-fixed-term", "mayors-assistant-not-fixed-term"}),
        ("grade-[mn]*", {"grade-mentions-disagree", "grade-not-on-scale"}),
        ("fixed-term-?????", {"fixed-term-ended"}),
        ("fixed-term-*", {"fixed-term-ended", "fixed-term-lapsed"}),
    ],
)
def test_selector_names_these_rules(selector: str, ids: set[str]) -> None:
    assert matching(selector, bundled_catalogue().all_rules) == ids


def test_info_severity_and_practice_certainty() -> None:
    rules = bundled_catalogue().all_rules
    assert matching("info", rules) == {
        "title-grades-differ",
        "leftover-markup",
        "repeated-item-number",
        "s9-restriction-paragraph",
    }
    practice = matching("practice", rules)
    assert {"last-updated-stale", "leftover-markup", "post-number-repeated"} <= practice
    assert not practice & STATUTE


@pytest.mark.parametrize(
    ("selector", "hint"),
    [
        ("s9-not-fixed-trem", "(did you mean 's9-not-fixed-term'?)"),
        ("gradng", "(did you mean 'grading'?)"),
        ("statue", "(did you mean 'statute'?)"),
        ("warnings", "(did you mean 'warning'?)"),
        ("Grading", "(did you mean 'grading'?)"),  # selectors are exact: no case folding
        ("zz-*", "(see `postcheck rules`)"),
    ],
)
def test_selector_naming_nothing_is_refused_with_a_hint(selector: str, hint: str) -> None:
    with pytest.raises(SelectionError) as raised:
        matching(selector, bundled_catalogue().all_rules)
    assert str(raised.value) == f"{selector!r} names no rule {hint}"


def test_choose_narrows_to_select_then_removes_ignore() -> None:
    rules = bundled_catalogue().all_rules
    assert choose(rules, select=["grading", "s9-wrong-act"]) == GRADING | {"s9-wrong-act"}
    assert choose(rules, select=["s9-*"], ignore=["inference", "unconfirmed"]) == {
        "s9-not-fixed-term",
        "s9-term-not-stated",
        "s9-posts-over-three",
        "s9-restriction-paragraph",
        "s9-restriction-wrong-paragraph",
    }
    everything = {r.id for r in rules}
    assert choose(rules) == everything
    assert choose(rules, ignore=["grading"]) == everything - GRADING


def test_misspelt_ignore_stops_the_run() -> None:
    result = invoke("check", str(SEEDS), *AS_OF, "--ignore", "gradng")
    assert result.exit_code == 2
    assert "'gradng' names no rule (did you mean 'grading'?)" in result.output


def test_misspelt_select_stops_the_run() -> None:
    result = invoke("check", str(SEEDS), *AS_OF, "--select", "s9-term-not-stat")
    assert result.exit_code == 2
    assert "(did you mean 's9-term-not-stated'?)" in result.output


# --- bundled profiles ----------------------------------------------------------------------------


def test_bundled_profiles_nest() -> None:
    catalogue = bundled_catalogue()
    profiles = catalogue.profiles
    assert set(profiles) == {"statutory", "recommended", "strict"}

    def ids(name: str) -> set[str]:
        return profile_rules(profiles[name], profiles, catalogue.all_rules)

    statutory, recommended, strict = ids("statutory"), ids("recommended"), ids("strict")
    assert statutory == STATUTE
    assert statutory < recommended < strict
    assert strict == {r.id for r in catalogue.all_rules}
    by_certainty = {r.id: r.certainty for r in catalogue.all_rules}
    assert {by_certainty[i] for i in statutory} == {Certainty.STATUTE}
    assert {by_certainty[i] for i in recommended - statutory} == {
        Certainty.INFERENCE,
        Certainty.UNCONFIRMED,
    }
    assert {by_certainty[i] for i in strict - recommended} == {Certainty.PRACTICE}
    assert {"grade-code-typo", "s9-wrong-act"} <= recommended - statutory
    assert {"last-updated-stale", "leftover-markup"} <= strict - recommended


def test_profile_statutory_drops_the_findings_of_other_rules() -> None:
    assert findings() == SEED_FINDINGS
    assert findings("--profile", "statutory") == SEED_STATUTE_FINDINGS
    assert findings("--profile", "strict") == SEED_FINDINGS
    assert findings("--profile", "recommended") == SEED_STATUTE_FINDINGS | {
        ("31214", "grade-code-typo")
    }


def test_profile_and_ignore_combine() -> None:
    assert findings("--profile", "statutory", "--ignore", "s9-term-not-stated") == {
        ("31214", "fixed-term-ended"),
        ("31214", "mayors-assistant-restriction-citation"),
        ("3527", "s9-restriction-paragraph"),
    }
    assert findings("--profile", "strict", "--ignore", "practice", "--ignore", "inference") == (
        SEED_STATUTE_FINDINGS
    )


def test_profile_from_the_configuration_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "postcheck.toml").write_text(
        'profile = "statutory"\nignore = ["fixed-term-ended"]\n'
    )
    monkeypatch.chdir(tmp_path)
    assert findings() == SEED_STATUTE_FINDINGS - {("31214", "fixed-term-ended")}
    assert findings("--profile", "strict") == SEED_FINDINGS - {("31214", "fixed-term-ended")}


def test_unknown_profile_names_the_known_ones() -> None:
    result = invoke("check", str(SEEDS), *AS_OF, "--profile", "statutry")
    assert result.exit_code == 2
    assert (
        "unknown profile 'statutry' (did you mean 'statutory'?); "
        "profiles: recommended, statutory, strict"
    ) in result.output
    result = invoke("check", str(SEEDS), *AS_OF, "--profile", "lenient")
    assert result.exit_code == 2
    assert "unknown profile 'lenient'; profiles: recommended, statutory, strict" in result.output


def test_profile_named_without_profiles() -> None:
    with pytest.raises(SelectionError, match=r"unknown profile 'strict'; profiles: none"):
        profile_named("strict", {})


# --- profile semantics ---------------------------------------------------------------------------


def test_a_profile_takes_its_parents_rules_then_its_own() -> None:
    rules = bundled_catalogue().all_rules
    profiles = {
        "base": profile(select=["grading", "leftover-markup"]),
        "child": profile(extends="base", select=["s9-wrong-act"], ignore=["grade-code-typo"]),
        "grandchild": profile(extends="child", select=["grade-code-typo"], ignore=["hygiene"]),
    }
    assert profile_rules(profiles["child"], profiles, rules) == (
        GRADING - {"grade-code-typo"} | {"leftover-markup", "s9-wrong-act"}
    )
    assert profile_rules(profiles["grandchild"], profiles, rules) == GRADING | {"s9-wrong-act"}


def test_select_narrows_a_profile() -> None:
    catalogue = bundled_catalogue()
    statutory = catalogue.profiles["statutory"]
    chosen = choose(
        catalogue.all_rules, ["s9-*"], ["s9-term-not-stated"], statutory, catalogue.profiles
    )
    assert chosen == {
        "s9-not-fixed-term",
        "s9-posts-over-three",
        "s9-restriction-paragraph",
        "s9-restriction-wrong-paragraph",
    }


def test_profiles_in_a_circle_are_refused() -> None:
    rules = bundled_catalogue().all_rules
    profiles = {"a": profile(extends="b", select=["grading"]), "b": profile(extends="a")}
    with pytest.raises(SelectionError, match="circle"):
        profile_rules(profiles["a"], profiles, rules)
    alone = {"self": profile(extends="self", select=["grading"])}
    with pytest.raises(SelectionError, match="circle"):
        profile_rules(alone["self"], alone, rules)


def test_profile_with_a_misspelt_selector_is_refused_when_used() -> None:
    rules = bundled_catalogue().all_rules
    profiles = {"p": profile(select=["statue"])}
    with pytest.raises(
        SelectionError, match=r"'statue' names no rule \(did you mean 'statute'\?\)"
    ):
        profile_rules(profiles["p"], profiles, rules)


# --- profiles.yaml in a copied rules folder ------------------------------------------------------


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "rules"
    shutil.copytree(bundled_rules_dir(), copy)
    return copy


def write_profiles(rules: Path, text: str) -> Path:
    path = rules / "profiles.yaml"
    path.write_text(text, encoding="utf-8")
    return path


CIRCLE = """\
first:
  description: Extends the second, which extends this one.
  extends: second
  select: [statute]
second:
  description: Extends the first, which extends this one.
  extends: first
  select: [grading]
"""


def test_copied_rules_folder_with_its_own_profile(rules_copy: Path) -> None:
    write_profiles(
        rules_copy,
        "gate:\n  description: Only what fails a post, and no markup.\n"
        "  select: [error]\n  ignore: [fixed-term-ended]\n",
    )
    assert findings("--rules", str(rules_copy), "--profile", "gate") == {
        ("31214", "mayors-assistant-restriction-citation")
    }
    result = invoke("check", str(SEEDS), *AS_OF, "--rules", str(rules_copy), "--profile", "strict")
    assert result.exit_code == 2
    assert "unknown profile 'strict'; profiles: gate" in result.output


def test_copied_rules_folder_without_profiles_has_none(rules_copy: Path) -> None:
    (rules_copy / "profiles.yaml").unlink()
    assert load_profiles(rules_copy) == {}
    assert findings("--rules", str(rules_copy)) == SEED_FINDINGS
    result = invoke("check", str(SEEDS), *AS_OF, "--rules", str(rules_copy), "--profile", "strict")
    assert result.exit_code == 2
    assert "unknown profile 'strict'; profiles: none" in result.output


def test_profile_in_a_circle_stops_the_run(rules_copy: Path) -> None:
    write_profiles(rules_copy, CIRCLE)
    result = invoke("check", str(SEEDS), *AS_OF, "--rules", str(rules_copy), "--profile", "first")
    assert result.exit_code == 2
    assert "profiles extend each other in a circle" in result.output


def test_profiles_in_a_circle_are_a_broken_rules_folder(rules_copy: Path) -> None:
    """An unknown `extends` is refused when the folder loads; a circle is as broken, and must
    not wait until someone happens to choose one of its profiles."""
    path = write_profiles(rules_copy, CIRCLE)
    with pytest.raises(RuleFileError, match="circle") as raised:
        load_catalogue(rules_copy)
    assert str(path) in str(raised.value)
    result = invoke("check", str(SEEDS), *AS_OF, "--rules", str(rules_copy))
    assert result.exit_code == 2


def test_unknown_extends_stops_the_run(rules_copy: Path) -> None:
    path = write_profiles(
        rules_copy,
        "gate:\n  description: Extends a profile nobody wrote.\n  extends: statutroy\n",
    )
    with pytest.raises(RuleFileError, match="profile 'gate' extends unknown 'statutroy'"):
        load_catalogue(rules_copy)
    result = invoke("check", str(SEEDS), *AS_OF, "--rules", str(rules_copy))
    assert result.exit_code == 2
    assert f"{path}:" in result.output
    assert "profile 'gate' extends unknown 'statutroy'" in result.output


@pytest.mark.parametrize(
    "text",
    [
        "gate:\n  description: A profile with a misspelt key.\n  selct: [statute]\n",
        "gate:\n  description: short\n  select: [statute]\n",
        "gate:\n  select: [statute]\n",
        "- just a list\n",
        "gate: [statute\n",
    ],
)
def test_malformed_profiles_file_stops_the_run(rules_copy: Path, text: str) -> None:
    path = write_profiles(rules_copy, text)
    result = invoke("check", str(SEEDS), *AS_OF, "--rules", str(rules_copy))
    assert result.exit_code == 2
    assert str(path) in result.output
