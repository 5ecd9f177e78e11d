"""The one module that talks to durable-rules. Nothing else in postcheck imports it.

How it is used, and why (measured on durable-rules 2.0.28, see docs/engine.md):
- Facts, not events: an event is consumed by the first rule it fires, so a record breaking
  three rules would report one. Every fact fires every rule it matches.
- The C functions are called directly: the Python Host starts timer threads, runs actions on
  them at random, and its batch call raises before running actions when any record matches
  nothing. Here a batch is asserted, every queued action is drained, then the state is deleted,
  so memory stays flat however long the stream.
- Each batch carries a sentinel fact that some rule always matches, and the ruleset is warmed up
  once: deleting a state whose first message matched nothing crashes the engine.
- Ruleset names are process-global, so each instance takes a fresh name. The engine is not
  thread-safe: use one instance per process.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import math
import re
from collections.abc import Sequence
from typing import Any

import durable_rules_engine as _engine
import orjson

from postcheck.limits import current

SENTINEL_RULE = "__sentinel"
_SID = "batch"
_SENTINEL = orjson.dumps({"__sentinel": 1, "id": "sentinel", "sid": _SID})  # batch's last
# the keys each batch member carries, before its own: its index, id and state
_HEAD = b'{"__rec":1,"__i":%d,"id":"%d","sid":"' + _SID.encode() + b'"'
_RULE_NAME = re.compile(r'\{\s*"([^"]+)"')
_FACT_INDEX = re.compile(r'"__i"\s*:\s*(\d+)')
_names = itertools.count()
MAX_PROPERTIES = 240  # the engine fails past 252 flattened properties, helper fields included
MAX_STRING = 1_000_000  # characters; the engine fails past 16 MB, and no real value is near this
MAX_RULES = 500  # a node with more than 512 children makes ruleset creation hang


class EngineError(RuntimeError):
    """The engine rejected a ruleset or a fact; the message says which and why."""


class DurableRuleset:
    """A compiled ruleset: assert a batch of facts, learn which rules each one fired."""

    def __init__(self, conditions: dict[str, dict[str, Any]]) -> None:
        if len(conditions) > MAX_RULES:
            raise EngineError(f"{len(conditions)} engine rules; durable-rules supports {MAX_RULES}")
        definition = {name: {"all": [{"m": condition}]} for name, condition in conditions.items()}
        definition[SENTINEL_RULE] = {"all": [{"m": {"__sentinel": 1}}]}
        try:
            self._handle = _engine.create_ruleset(
                f"postcheck-{next(_names)}", json.dumps(definition, ensure_ascii=False)
            )
        except Exception as error:  # the extension raises bare Exception("error code: N")
            raise EngineError(f"durable-rules rejected the ruleset: {error}") from error
        self.match([])  # warm-up: the state's first message now always has run an action

    def match(self, facts: Sequence[dict[str, Any]]) -> list[set[str] | str]:
        """For each fact, the names of the rules it matched, or why the engine was not given
        it (too much text: see `too_much_text`). Facts are not modified."""
        encoded = [encode(fact) for fact in facts]
        limit = current().record_characters
        if all(len(e) <= limit for e in encoded):  # the usual case, checked at C speed
            return list(self._assert(encoded))
        results: list[set[str] | str] = [too_much_text(len(e), limit) or set() for e in encoded]
        taken = [i for i, result in enumerate(results) if not isinstance(result, str)]
        for i, fired in zip(taken, self._assert([encoded[i] for i in taken]), strict=True):
            results[i] = fired
        return results

    def _assert(self, facts: Sequence[bytes]) -> list[set[str]]:
        """The rules each encoded fact fires: one batch asserted, its actions drained."""
        # each fact's own keys spliced into its JSON: no dict copied, no fact encoded twice
        pieces: list[bytes | memoryview] = [b"["]
        for index, fact in enumerate(facts):
            pieces += (_HEAD % (index, index), b"," if fact != b"{}" else b"", memoryview(fact)[1:])
            pieces.append(b",")
        pieces.append(_SENTINEL + b"]")
        batch = b"".join(pieces)
        fired: list[set[str]] = [set() for _ in facts]
        try:
            result = _engine.assert_facts(self._handle, batch.decode())
            state = result[1]
            started = _engine.start_action_for_state(self._handle, state)
            message = started[1] if started else None
            while message:
                name, index = _fired(message)
                if name != SENTINEL_RULE:
                    fired[index].add(name)
                message = _engine.complete_and_start_action(self._handle, state)
        except Exception as error:
            raise EngineError(f"durable-rules failed on a batch: {error}") from error
        finally:
            self._delete_state()
        return fired

    def _delete_state(self) -> None:
        # error 309: no state was created (the batch was rejected up front)
        with contextlib.suppress(Exception):
            _engine.delete_state(self._handle, _SID)


def encode(fact: dict[str, Any]) -> bytes:
    """A fact as the engine reads it: JSON in UTF-8, by orjson (a tenth of json.dumps's time).

    Its length is what the engine's size limit is about (`too_much_text`). EngineError for a
    value JSON cannot hold (an integer past 64 bits)."""
    try:
        return orjson.dumps(fact)
    except orjson.JSONEncodeError as error:
        raise EngineError(f"a value the rule engine cannot take: {error}") from error


def too_much_text(encoded: int, limit: int) -> str | None:
    """Why a fact of this many bytes (encoded) is kept from the engine, or None.

    durable-rules crashes the whole process, not just the record, when one property's JSON
    passes 16,777,216 bytes, and no one value need be long: 175 tasks of 99,000 characters do
    it. The bound (`limits.record_characters`, at most 16,000,000) is checked on the fact as
    encoded for the engine, which is done anyway: its length in bytes of UTF-8, field names and
    JSON marks included, bounds every property's and costs nothing to measure. A letter outside
    ASCII counts 2 to 4, an escaped control character 6.
    """
    if encoded <= limit:
        return None
    return (
        f"{encoded:,} characters of text, counting every field and what is worked out from "
        f"them; the limit is {limit:,}"
    )


def _fired(message: str) -> tuple[str, int]:
    """Rule name and fact index of an action message, without decoding the whole fact.

    The message is `{"<rule>": {"m": {...fact...}}}`. Rule names are postcheck's ids, and `__i`
    is the only key of that name (records cannot carry extra keys), so two searches suffice.
    """
    name = _RULE_NAME.match(message)
    index = _FACT_INDEX.search(message)
    if name is None or (index is None and name[1] != SENTINEL_RULE):
        raise EngineError(f"unexpected action message: {message[:80]}")
    return name[1], int(index[1]) if index else -1


Reading = tuple[str | None, int]
"""What the engine-safety walk found in part of a fact: the first value the engine cannot take
(or None), and the properties the part counts for."""


def engine_problem(fact: dict[str, Any], elsewhere: Reading = (None, 0)) -> str | None:
    """Why the engine cannot take this fact, or None. Checked before the C code sees it: a
    float it cannot parse (written with an exponent) or a string past its limit crashes the
    process rather than raising, which would take every other record down with it. One walk
    over the fact finds both those values and the number of properties (this runs once per
    record on the hot path). `elsewhere` is the reading of the fact's other parts, walked
    once for many facts (a council's context, shared by its posts)."""
    if elsewhere[0] is not None:
        return elsewhere[0]
    problem, properties = _walk(fact)
    if problem is None and properties + elsewhere[1] > MAX_PROPERTIES:
        problem = f"more than {MAX_PROPERTIES} fields after flattening"
    return problem


def engine_reading(part: dict[str, Any]) -> Reading:
    """The engine-safety walk over part of a fact, for engine_problem's `elsewhere`."""
    return _walk(part)


def _walk(mapping: dict[str, Any]) -> tuple[str | None, int]:
    """(the first value the engine cannot take, properties as the engine counts them: nested
    objects flattened, a list is one property)."""
    count = 0
    for value in mapping.values():
        kind = type(value)
        if kind is dict:
            problem, inner = _walk(value)
            if problem:
                return problem, count
            count += inner
            continue
        count += 1
        if kind in _SCALARS_SAFE:
            continue
        problem = _unsafe_value(value)
        if problem:
            return problem, count
    return None, count


def _unsafe_value(value: Any) -> str | None:
    kind = type(value)
    if kind is dict:
        for child in value.values():
            if type(child) in _SCALARS_SAFE:
                continue
            found = _unsafe_value(child)
            if found:
                return found
    elif kind is list:
        for child in value:
            if type(child) in _SCALARS_SAFE:
                continue
            found = _unsafe_value(child)
            if found:
                return found
    elif kind is float and (not math.isfinite(value) or "e" in repr(value)):
        return f"the number {value!r} cannot be read by the rule engine"
    elif kind is str and len(value) > MAX_STRING:
        return f"a text value of {len(value):,} characters is over the engine's limit"
    return None


_SCALARS_SAFE = (int, bool, type(None))  # str and float need a look
