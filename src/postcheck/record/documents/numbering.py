"""Numbered lists, with the numbers as written so a repeated or skipped number shows, and the
key tasks (duties) they hold.

A list runs on across headings ("Communications", "Culture") and restarts only when numbering
goes back to 1. Its heading is the section heading above its first item. Items of lists headed
like key tasks, duties or responsibilities are the post's duties.
"""

from __future__ import annotations

import re

from postcheck.record.documents.layout import Block
from postcheck.record.documents.sections import Section
from postcheck.record.model import Mention, NumberedItem, NumberedList

_ITEM = re.compile(r"^\s*\(?(?P<number>\d{1,3})[.)]\s+(?P<text>\S.*)$")
_BULLET = re.compile(r"^\s*[-•*·▪◦]\s+(?P<text>\S.*)$")
_DUTIES_HEADING = re.compile(
    r"\b(?:tasks?|dut(?:y|ies)|responsibilit|accountabilit)"
    r"|\bwhat\s+you(?:\s+will|['’]ll)\s+(?:be\s+)?do\b",
    re.I,
)


def numbered_lists(blocks: list[Block], sections: list[Section]) -> list[NumberedList]:
    lists: list[NumberedList] = []
    for block, section in zip(blocks, sections, strict=True):
        found = _ITEM.match(block.text)
        if not found:
            continue
        number = int(found["number"])
        item = NumberedItem(number=number, **block.place.fields())
        if not lists or number == 1:
            lists.append(NumberedList(heading=section.heading, items=[item]))
        else:
            lists[-1].items.append(item)
    return lists


def duties(blocks: list[Block], sections: list[Section]) -> list[Mention]:
    """Numbered items of a key-tasks list; bullet points under a key-tasks heading if none."""
    numbered: list[Mention] = []
    bulleted: list[Mention] = []
    list_heading: str | None = None
    for block, section in zip(blocks, sections, strict=True):
        item = _ITEM.match(block.text)
        if item:
            if int(item["number"]) == 1 or list_heading is None:
                list_heading = section.heading or ""
            if _DUTIES_HEADING.search(list_heading):
                numbered.append(Mention(as_written=item["text"], **block.place.fields()))
            continue
        bullet = _BULLET.match(block.text)
        if bullet and _DUTIES_HEADING.search(section.heading or ""):
            bulleted.append(Mention(as_written=bullet["text"], **block.place.fields()))
    return numbered or bulleted
