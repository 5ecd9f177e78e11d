"""The second pass: cross-record rules judged on the sets of records they count.

As records stream out of the engine, each record a cross-record rule counts (its `members`
condition fired) is projected to one row: the values of the rule's `group_by` fields, the
values its `distinct` tests compare, the post it describes and where it was read. Nothing else
of the record is kept. Rows go to a private SQLite database on disk that is deleted when the
pass closes, so memory stays flat however many records and groups a run has; at the end one
`GROUP BY ... HAVING` query per rule finds the sets that break it.

The SQL is the pass's own: columns are named by position (k0.., v0..), rule ids and thresholds
are bound parameters, and no text from a rule file or a record ever becomes SQL.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from postcheck.engine.compiler import CompiledCatalogue
from postcheck.rules.model import MAX_DISTINCT_FIELDS, MAX_GROUP_FIELDS, Bound, SetRule

if TYPE_CHECKING:  # imported when a record is first counted: `rules` and `explain` never are
    import sqlite3

_KEYS = [f"k{n}" for n in range(MAX_GROUP_FIELDS)]
_VALUES = [f"v{n}" for n in range(MAX_DISTINCT_FIELDS)]
_SCHEMA = f"""
CREATE TABLE member (
    rule INTEGER NOT NULL, {", ".join(f"{k} TEXT" for k in _KEYS)},
    post TEXT NOT NULL, {", ".join(f"{v} TEXT" for v in _VALUES)},
    ordinal INTEGER NOT NULL, source INTEGER NOT NULL, line INTEGER, item INTEGER,
    label TEXT NOT NULL, post_number TEXT
);
CREATE TABLE source (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
"""
_COLUMNS = 8 + len(_KEYS) + len(_VALUES)
_INSERT = f"INSERT INTO member VALUES ({', '.join('?' * _COLUMNS)})"
_GROUP = ", ".join(_KEYS)
_SAME_GROUP = " AND ".join(f"{k} IS ?" for k in _KEYS)


@dataclass(frozen=True)
class Member:
    """One record of a set, as a finding names it."""

    source: str
    index: int | None
    line: int | None
    label: str
    post_number: str | None


# (rule number, group values, compared values, the record as the set's finding names it)
Projection = tuple[int, tuple[str | None, ...], tuple[str | None, ...], Member]
# (rule number, group row: its values, posts and first record) of a set that breaks its rule
Group = tuple[int, tuple[Any, ...]]


@dataclass(frozen=True)
class BrokenSet:
    """A group of records that breaks a cross-record rule."""

    rule: SetRule
    key: dict[str, str]  # group_by field -> the group's value of it
    posts: int  # records giving one post number are one post
    distinct: dict[str, list[str]]  # distinct field -> the different values, sorted
    members: list[Member]  # in input order


class SetPass:
    """Collects the members of every cross-record rule in force, then judges their sets.

    A run in worker processes gives each worker a pass of its own, stored in a file (`store`):
    the workers add the members of the batches they judge, and the run's pass `absorb`s their
    stores once they are done, so the parent process does not insert every member itself."""

    def __init__(self, catalogue: CompiledCatalogue, store: Path | None = None) -> None:
        self._store = store
        self.rules = [compiled.rule for compiled in catalogue.sets.values()]
        # per rule, worked out once: its number and the paths it groups and compares by
        self._plans = {
            rule.id: (
                n,
                rule,
                tuple(tuple(p.split(".")) for p in rule.group_by),
                tuple(tuple(p.split(".")) for p in rule.distinct_fields),
            )
            for n, rule in enumerate(self.rules)
        }
        self._sources: dict[str, int] = {}
        self._pending: list[tuple[Any, ...]] = []
        self._ordinal = 0
        self._db: sqlite3.Connection | None = None
        self._names: dict[int, str] | None = None  # source number -> file, once read back
        self._read_only = False

    @classmethod
    def reading(cls, catalogue: CompiledCatalogue, store: Path) -> SetPass:
        """A pass over a store another process `publish`ed (its groups found), for `set_of`
        in a worker: opened read-only, nothing added."""
        reader = cls(catalogue, store)
        reader._read_only = True
        return reader

    def __bool__(self) -> bool:
        return bool(self.rules)

    def project(
        self,
        fact: dict[str, Any],
        rule_ids: list[str],
        member_for: Callable[[SetRule], Member],
    ) -> list[Projection]:
        """What one judged record contributes to the sets of the rules that count it: plain
        values only, so a worker process can compute it and send it back. A record that lacks
        a value it would be grouped by belongs to no set of that rule."""
        rows: list[Projection] = []
        for rule_id in rule_ids:
            number, rule, group_by, compared = self._plans[rule_id]
            keys = [_text(_at(fact, parts)) for parts in group_by]
            if None in keys:
                continue
            member = member_for(rule)
            values = [_text(_at(fact, parts)) for parts in compared]
            rows.append((number, tuple(keys), tuple(values), member))
        return rows

    def add(self, rows: list[Projection], ordinal: int | None = None) -> None:
        """One record's projection (`project`), numbered in input order: the next number, or
        `ordinal` (a worker numbers its records by their place in the whole input)."""
        self._ordinal = self._ordinal + 1 if ordinal is None else ordinal
        for number, keys, values, member in rows:
            source = self._sources.setdefault(member.source, len(self._sources))
            self._pending.append(
                (
                    number,
                    *_padded(list(keys), MAX_GROUP_FIELDS),
                    member.post_number or f"#{self._ordinal}",
                    *_padded(list(values), MAX_DISTINCT_FIELDS),
                    self._ordinal,
                    source,
                    member.line,
                    member.index,
                    member.label,
                    member.post_number,
                )
            )
        if len(self._pending) >= 1000:
            self._flush()

    def broken(self) -> Iterator[BrokenSet]:
        """Every set that breaks its rule: the most severe first, then in the order their
        first record was read. Streamed from the database one set at a time, so memory stays
        flat however many sets break (an export can break one per title of every council)."""
        for group in self.broken_groups():
            yield self.set_of(group)

    def broken_groups(self) -> Iterator[Group]:
        """The groups that break their rule, in the order `broken` gives their sets: the
        cheap part, one query a rule. Reading each set whole (`set_of`) is the costly part,
        which a run in worker processes shares out (check.py), each worker reading the store
        this pass `publish`ed."""
        self.publish()
        if self._db is None:
            return
        self._db.execute(f"CREATE INDEX member_group ON member (rule, {_GROUP}, ordinal)")
        self._db.commit()
        plans = list(self._plans.values())
        for rank in sorted({rule.severity.rank for _, rule, _, _ in plans}, reverse=True):
            # each rule's sets come in the order of their first record; merged by it, a tie
            # (one record first in sets of two rules) goes to the rule loaded first
            streams = [
                self._groups(number, rule)
                for number, rule, _, _ in plans
                if rule.severity.rank == rank
            ]
            for _, number, row in heapq.merge(*streams, key=lambda group: group[:2]):
                yield number, row

    def _groups(self, number: int, rule: SetRule) -> Iterator[tuple[int, int, tuple[Any, ...]]]:
        """(ordinal of its first record, rule number, group row) for each set of one rule
        that breaks it, in the order of their first record."""
        assert self._db is not None
        having, bounds = _having(rule, rule.distinct_fields)
        for row in self._db.execute(
            f"SELECT {_GROUP}, COUNT(DISTINCT post), MIN(ordinal) FROM member WHERE rule = ? "
            f"GROUP BY {_GROUP} HAVING {having} ORDER BY MIN(ordinal)",
            (number, *bounds),
        ):
            yield row[MAX_GROUP_FIELDS + 1], number, tuple(row)

    def set_of(self, group: Group) -> BrokenSet:
        """One broken set, read whole: its distinct values and its records in input order."""
        number, row = group
        rule = self.rules[number]
        db = self._connect()
        if self._names is None:
            self._names = dict(db.execute("SELECT id, name FROM source"))
        keys = row[:MAX_GROUP_FIELDS]
        same = (number, *keys)
        distinct = {
            path: [
                value
                for (value,) in db.execute(
                    f"SELECT DISTINCT {_VALUES[n]} FROM member WHERE rule = ? AND "
                    f"{_SAME_GROUP} AND {_VALUES[n]} IS NOT NULL ORDER BY 1",
                    same,
                )
            ]
            for n, path in enumerate(rule.distinct_fields)
        }
        names = self._names
        members = [
            Member(names[source], item, line, label, post_number)
            for source, line, item, label, post_number in db.execute(
                "SELECT source, line, item, label, post_number FROM member "
                f"WHERE rule = ? AND {_SAME_GROUP} ORDER BY ordinal",
                same,
            )
        ]
        return BrokenSet(
            rule,
            dict(zip(rule.group_by, keys, strict=False)),
            row[MAX_GROUP_FIELDS],
            distinct,
            members,
        )

    def publish(self) -> None:
        """Everything added so far is in the store, with its sources, committed: a worker
        calls this before it hands a batch back, and a run before other processes read it."""
        self._flush()
        if self._db is not None:
            self._db.execute("DELETE FROM source")
            self._db.executemany("INSERT INTO source VALUES (?, ?)", self._sources_by_id())
            self._db.commit()

    def absorb(self, store: Path) -> None:
        """The members a worker's pass stored (`flush`), its sources numbered as this pass's."""
        self._flush()
        db = self._connect()
        db.commit()  # SQLite attaches outside a transaction
        db.execute("ATTACH DATABASE ? AS worker", (str(store),))
        try:
            db.execute("CREATE TEMP TABLE source_map (theirs INTEGER PRIMARY KEY, ours INTEGER)")
            db.executemany(
                "INSERT INTO source_map VALUES (?, ?)",
                [
                    (theirs, self._sources.setdefault(name, len(self._sources)))
                    for theirs, name in db.execute("SELECT id, name FROM worker.source")
                ],
            )
            before = ", ".join(["rule", *_KEYS, "post", *_VALUES, "ordinal"])
            db.execute(
                f"INSERT INTO member SELECT {before}, source_map.ours, line, item, label, "
                "post_number FROM worker.member JOIN source_map ON source = source_map.theirs"
            )
            db.execute("DROP TABLE source_map")
            db.commit()
        finally:
            db.execute("DETACH DATABASE worker")

    def _sources_by_id(self) -> list[tuple[int, str]]:
        return [(n, name) for name, n in self._sources.items()]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _flush(self) -> None:
        if not self._pending:
            return
        self._connect().executemany(_INSERT, self._pending)
        self._pending = []

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            import sqlite3

            if self._read_only:
                assert self._store is not None
                uri = f"{self._store.resolve().as_uri()}?mode=ro"
                self._db = sqlite3.connect(uri, uri=True)
                return self._db
            # "" is a private temporary database: on disk once it outgrows the page cache,
            # deleted when the connection closes. A worker's store is a file its run deletes.
            self._db = sqlite3.connect("" if self._store is None else str(self._store))
            self._db.executescript(_SCHEMA)
        return self._db


def _having(rule: SetRule, distinct_fields: list[str]) -> tuple[str, list[int]]:
    """The rule's `having` tests as SQL over the pass's own columns, and their thresholds."""
    tests: list[str] = []
    bounds: list[int] = []
    for test in rule.having:
        bound: Bound
        if test.count is not None:
            bound, counted = test.count, "post"
        else:
            assert test.distinct is not None
            bound = test.distinct
            counted = _VALUES[distinct_fields.index(test.distinct.field)]
        tests.append(f"COUNT(DISTINCT {counted}) >= ?")
        bounds.append(bound.least)
    return " AND ".join(tests), bounds


def _at(fact: dict[str, Any], parts: tuple[str, ...]) -> Any:
    """A fact's value at a path already split (the fields sets group by are plain objects)."""
    current: Any = fact
    for part in parts:
        if type(current) is not dict:
            return None
        current = current.get(part)
    return current


def _text(value: Any) -> str | None:
    """A fact value as the pass stores and compares it; a list or object is no group key."""
    if value is None or isinstance(value, dict | list):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _padded(values: list[str | None], width: int) -> list[str | None]:
    return values + [None] * (width - len(values))
