"""Which rules a run uses: selectors, and the named profiles built from them.

A selector names rules the way people think of them: one rule (`s9-not-fixed-term`), an area
(`grading`), a severity (`error`), a certainty (`statute`), or a glob over ids (`s9-*`). A
profile (`rules/profiles.yaml`) is a named list of selectors that may extend another, so
`strict` is `recommended` plus the rules of good practice. A selector that names nothing is an
error with a suggestion: a misspelt `--ignore` must not leave a rule running unnoticed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from difflib import get_close_matches
from fnmatch import fnmatchcase
from pathlib import Path

from pydantic import Field, ValidationError

from postcheck.rules.data import DataFileError, RuleData, read_documents
from postcheck.rules.model import AnyRule, Area, Certainty, Severity
from postcheck.yamlfile import YamlDocument

PROFILES_FILE = "profiles.yaml"


class Profile(RuleData):
    description: str = Field(min_length=10)
    extends: str | None = None
    select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list)


class SelectionError(ValueError):
    """A selector or profile that cannot be used; `line` is its line in profiles.yaml, where
    the error is about that file."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def matching(selector: str, rules: Sequence[AnyRule]) -> set[str]:
    """The ids of the rules one selector names; SelectionError if it names none."""
    chosen = {
        rule.id
        for rule in rules
        if selector in (rule.id, rule.area.value, rule.severity.value, rule.certainty.value)
        or (_is_glob(selector) and fnmatchcase(rule.id, selector))
    }
    if not chosen:
        raise SelectionError(f"{selector!r} names no rule{_suggestion(selector, rules)}")
    return chosen


def choose(
    rules: Sequence[AnyRule],
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    profile: Profile | None = None,
    profiles: dict[str, Profile] | None = None,
) -> set[str]:
    """The ids a run uses: the profile's rules (all, without one), narrowed to `select` if
    given, less `ignore`."""
    chosen = {r.id for r in rules}
    if profile is not None:
        chosen = profile_rules(profile, profiles or {}, rules)
    wanted = list(select)
    if wanted:
        chosen &= set().union(*(matching(s, rules) for s in wanted))
    for selector in ignore:
        chosen -= matching(selector, rules)
    if not chosen:
        raise SelectionError(
            "the profile and selectors leave no rule to run: a gate that checks nothing passes "
            "everything"
        )
    return chosen


def profile_rules(
    profile: Profile, profiles: dict[str, Profile], rules: Sequence[AnyRule]
) -> set[str]:
    """A profile's rules: those of the profile it extends, plus its own selection, less its
    own ignores."""
    seen: list[Profile] = []
    current: Profile | None = profile
    chain: list[Profile] = []
    while current is not None:
        if current in seen:
            raise SelectionError("profiles extend each other in a circle")
        seen.append(current)
        chain.append(current)
        current = profiles[current.extends] if current.extends else None
    chosen: set[str] = set()
    for step in reversed(chain):
        for selector in step.select:
            chosen |= matching(selector, rules)
        for selector in step.ignore:
            chosen -= matching(selector, rules)
    return chosen


def load_profiles(rules_dir: Path) -> dict[str, Profile]:
    """The profiles beside a rule catalogue; none when it has no profiles.yaml. Read like the
    rule files (rules/data.py), so a FIFO, an oversized file or bad YAML is refused alike."""
    path = rules_dir / PROFILES_FILE
    if not (path.exists() or path.is_symlink()):  # a FIFO or a broken link is refused, not passed
        return {}
    try:
        documents = read_documents(path)
    except DataFileError as problem:
        raise SelectionError(problem.reason, problem.line) from None
    if len(documents) > 1:
        raise SelectionError(f"expected one YAML document, found {len(documents)}")
    if not documents or documents[0].data is None:
        return {}
    document = documents[0]
    if not isinstance(document.data, dict):
        raise SelectionError("expected a mapping of profile names to profiles", document.line)
    profiles: dict[str, Profile] = {}
    for name, body in document.data.items():
        try:
            profiles[str(name)] = Profile.model_validate(body)
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            where = [name, *first["loc"]]
            reason = str(first["msg"]).removeprefix("Value error, ")
            line = document.line_of(where)
            raise SelectionError(f"{'.'.join(map(str, where))}: {reason}", line) from None
    _check_extends(profiles, document)
    return profiles


def _check_extends(profiles: dict[str, Profile], document: YamlDocument) -> None:
    """Each `extends` names a profile, and no chain of them comes back to where it began (a
    profile extending itself is the shortest such circle)."""
    for name, profile in profiles.items():
        seen = [name]
        while profile.extends:
            line = document.line_of([seen[-1], "extends"])
            if profile.extends not in profiles:
                raise SelectionError(
                    f"profile {seen[-1]!r} extends unknown {profile.extends!r}", line
                )
            if profile.extends in seen:
                chain = " -> ".join([*seen, profile.extends])
                raise SelectionError(f"profiles extend each other in a circle: {chain}", line)
            seen.append(profile.extends)
            profile = profiles[profile.extends]


def check_profiles(profiles: dict[str, Profile], rules: Sequence[AnyRule]) -> None:
    """Every selector of every profile names a rule: a misspelt one in a profile nobody runs
    today would drop rules the day someone does."""
    for name, profile in profiles.items():
        for selector in [*profile.select, *profile.ignore]:
            try:
                matching(selector, rules)
            except SelectionError as error:
                raise SelectionError(f"profile {name!r}: {error}") from None


def profile_named(name: str, profiles: dict[str, Profile]) -> Profile:
    if name not in profiles:
        close = get_close_matches(name, list(profiles), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        known = ", ".join(sorted(profiles)) or "none"
        raise SelectionError(f"unknown profile {name!r}{hint}; profiles: {known}")
    return profiles[name]


def _is_glob(selector: str) -> bool:
    return any(ch in selector for ch in "*?[")


def _suggestion(selector: str, rules: Sequence[AnyRule]) -> str:
    words = {r.id for r in rules} | {a.value for a in Area} | {s.value for s in Severity}
    words |= {c.value for c in Certainty}
    close = get_close_matches(selector, sorted(words), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else " (see `postcheck rules`)"
