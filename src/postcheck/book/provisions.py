"""The law file (law/provisions.yaml): each provision the legal fact sheet describes, in plain
English, with its address and how sure the fact sheet is of it; and the join from a rule's
citations to those provisions.

A citation is joined by its address first. On legislation.gov.uk an address names a section,
so the instrument comes from the address and the provision from the citation's pinpoint
(s.9(3), reg 3(6)); elsewhere (Hansard, guidance) the address must be the provision's own or
one it is `also_at`. A citation whose address the file does not know falls back to the
instrument its text names, down to a numbered provision only: a title alone is too loose a
match to say a rule rests on a provision. See docs/rule-book.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from postcheck.book.citations import (
    Pinpoint,
    contains,
    legislation_key,
    normalise_url,
    pinpoints,
)
from postcheck.book.files import read_yaml, validated

PROVISION_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
WEB_ADDRESS = re.compile(r"https?://[\w.-]+\.[a-z]{2,}(/\S*)?")


class LawData(BaseModel):
    """Strict, as rule files are: a misspelt key is an error, not an ignored field."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Status(StrEnum):
    """How the fact sheet marks a fact: read and clear, not read (secondary sources only), or a
    reading of text that was seen."""

    CONFIRMED = "confirmed"
    UNCONFIRMED = "unconfirmed"
    INFERENCE = "inference"


class Kind(StrEnum):
    ACT = "act"
    STATUTORY_INSTRUMENT = "statutory-instrument"
    GUIDANCE = "guidance"
    POLICY = "policy"
    COLLECTIVE_AGREEMENT = "collective-agreement"


def _web_address(value: str) -> str:
    if not WEB_ADDRESS.fullmatch(value):
        raise ValueError(f"not a web address: {value!r}")
    return value


class Source(LawData):
    text: str = Field(min_length=3)
    url: str

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return _web_address(value)


class Provision(LawData):
    id: str
    cited: str = Field(min_length=3, description="As a lawyer cites it; its pinpoint is read.")
    title: str = Field(min_length=3)
    says: str = Field(min_length=20, description="What it says, in plain English.")
    address: str
    status: Status
    confirm_by: str | None = Field(default=None, min_length=10)
    note: str | None = None
    sources: list[Source] = Field(min_length=1)
    fact_sheet: str = Field(pattern=r"^\d+(\.\d+)?(, \d+(\.\d+)?)*$")
    also_at: list[str] = Field(default_factory=list)
    names: list[str] = Field(default_factory=list)
    unnumbered: bool = False

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not PROVISION_ID.fullmatch(value):
            raise ValueError("ids are lower-case words and numbers joined by hyphens")
        return value

    @field_validator("address")
    @classmethod
    def _address(cls, value: str) -> str:
        return _web_address(value)

    @field_validator("also_at")
    @classmethod
    def _also_at(cls, value: list[str]) -> list[str]:
        return [_web_address(v) for v in value]

    @model_validator(mode="after")
    def _confirmation(self) -> Provision:
        if self.status is not Status.CONFIRMED and self.confirm_by is None:
            raise ValueError(
                f"a provision marked {self.status.value} must say what would confirm it "
                "(confirm_by)"
            )
        return self

    @property
    def pinpoints(self) -> list[Pinpoint]:
        """Where it sits in its instrument; none when its subsection is not known, and the
        instrument as a whole, (), when `cited` names no provision."""
        if self.unnumbered:
            return []
        return pinpoints(self.cited) or [()]

    @property
    def uncertain(self) -> bool:
        return self.status is not Status.CONFIRMED


class Instrument(LawData):
    id: str
    title: str = Field(min_length=3)
    short: str = Field(min_length=2)
    kind: Kind
    address: str
    names: list[str] = Field(default_factory=list)
    note: str | None = None
    provisions: list[Provision] = Field(min_length=1)

    @field_validator("address")
    @classmethod
    def _address(cls, value: str) -> str:
        return _web_address(value)


class Law(LawData):
    fact_sheet: str = Field(min_length=3, description="The fact sheet this file encodes.")
    instruments: list[Instrument] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Law:
        seen: set[str] = set()
        for instrument in self.instruments:
            for provision in instrument.provisions:
                if provision.id in seen:
                    raise ValueError(f"provision id {provision.id!r} is given twice")
                seen.add(provision.id)
        return self

    def provisions(self) -> Iterator[tuple[Instrument, Provision]]:
        for instrument in self.instruments:
            for provision in instrument.provisions:
                yield instrument, provision


def bundled_law_file() -> Path:
    """The law file: inside the wheel, or the repo's law/ when run from a checkout."""
    packaged = Path(str(resources.files("postcheck"))) / "_bundled" / "law" / "provisions.yaml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[3] / "law" / "provisions.yaml"


def load_law(path: Path) -> Law:
    """The law file, validated; a mistake stops with the file, line and reason."""
    document = read_yaml(path)
    return validated(Law, document, path)


@dataclass(frozen=True)
class Match:
    """A provision a citation was joined to, and how: by its address or by its text."""

    provision: Provision
    instrument: Instrument
    by: str  # "address" | "text"


@dataclass
class LawIndex:
    """The law file arranged for joining citations to provisions."""

    law: Law
    _by_instrument: dict[str, list[tuple[Instrument, Provision]]] = field(default_factory=dict)
    _by_address: dict[str, list[tuple[Instrument, Provision]]] = field(default_factory=dict)

    @classmethod
    def of(cls, law: Law) -> LawIndex:
        index = cls(law)
        for instrument, provision in law.provisions():
            for url in (provision.address, *provision.also_at):
                index._by_address.setdefault(normalise_url(url), []).append((instrument, provision))
                key = legislation_key(url)
                if key is not None and url == provision.address:
                    index._by_instrument.setdefault(key[0], []).append((instrument, provision))
        return index

    def resolve(self, text: str, url: str) -> list[Match]:
        """The provisions a citation (its text and address) rests on; [] when the law file
        has none of them."""
        found = self._by_legislation(text, url)
        if not found:
            found = self._by_page(text, url)
        if not found:
            found = self._by_name(text)
        return list({m.provision.id: m for m in found}.values())

    def _by_legislation(self, text: str, url: str) -> list[Match]:
        key = legislation_key(url)
        if key is None or key[0] not in self._by_instrument:
            return []
        cited = pinpoints(text) or [key[1]]
        entries = self._by_instrument[key[0]]
        return [Match(p, i, "address") for i, p in _select(entries, cited)]

    def _by_page(self, text: str, url: str) -> list[Match]:
        entries = self._by_address.get(normalise_url(url), [])
        return [Match(p, i, "address") for i, p in entries if _named(p, text)]

    def _by_name(self, text: str) -> list[Match]:
        cited = pinpoints(text)
        if not cited:
            return []
        folded = _fold(text)
        for instrument in self.law.instruments:
            if any(_fold(name) in folded for name in instrument.names):
                entries = [(instrument, p) for p in instrument.provisions]
                return [Match(p, i, "text") for i, p in _select(entries, cited)]
        return []


def _select(
    entries: list[tuple[Instrument, Provision]], cited: list[Pinpoint]
) -> list[tuple[Instrument, Provision]]:
    """For each pinpoint cited: the provision at exactly that place; else the provisions
    inside it (s.3A(2) -> s.3A(2)(a)); else the most specific one around it (s.9(3)(a) ->
    s.9(3))."""
    chosen: list[tuple[Instrument, Provision]] = []
    for point in cited:
        exact = [e for e in entries if point in e[1].pinpoints]
        inside = [e for e in entries if point and any(contains(point, p) for p in e[1].pinpoints)]
        around: dict[int, list[tuple[Instrument, Provision]]] = {}
        for entry in entries:
            depths = [len(p) for p in entry[1].pinpoints if contains(p, point)]
            if depths:
                around.setdefault(max(depths), []).append(entry)
        chosen += exact or inside or (around[max(around)] if around else [])
    return chosen


def _named(provision: Provision, text: str) -> bool:
    """A provision with `names` is matched at an address only by a citation that uses one."""
    folded = _fold(text)
    return not provision.names or any(_fold(name) in folded for name in provision.names)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())
