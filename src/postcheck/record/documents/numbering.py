"""Numbered lists, with the numbers as written so a repeated or skipped number shows, and the
key tasks (duties) they hold.

A list runs on across headings ("Communications", "Culture") and restarts only when numbering
goes back to 1. Its heading is the section heading above its first item. Items of lists headed
like key tasks, duties or responsibilities are the post's duties.
"""

from __future__ import annotations

import re

from postcheck.record.documents.blocks import LIST_MARKER
from postcheck.record.documents.layout import Block
from postcheck.record.documents.sections import Section, numbered_heading
from postcheck.record.model import Mention, NumberedItem, NumberedList

_ITEM = re.compile(r"^\s*\(?(?P<number>\d{1,3})[.)]\s+(?P<text>\S.*)$")
_DUTIES_HEADING = re.compile(
    r"\b(?:tasks?|dut(?:y|ies)|responsibilit|accountabilit)"
    r"|\bwhat\s+(?:you|the\s+post\s*holder)(?:\s+will|['’]ll)\s+(?:be\s+)?do(?:ing)?\b"
    r"|\bin\s+this\s+role\b",
    re.I,
)
# A sentence that introduces the duties: "In this role you will:", "Your duties will include:"
_LEAD_IN = re.compile(
    r"\b(?:you|post\s*holder|job\s*holder)\s+will(?:\s+(?:be\s+)?(?:expected|required)\s+to)?:$"
    r"|\b(?:duties|responsibilities)\s+(?:will\s+)?include:$",
    re.I,
)


def numbered_lists(blocks: list[Block], sections: list[Section]) -> list[NumberedList]:
    lists: list[NumberedList] = []
    for block, section in zip(blocks, sections, strict=True):
        found = _ITEM.match(block.text)
        if not found or numbered_heading(block.text):
            continue
        number = int(found["number"])
        item = NumberedItem(number=number, **block.place.fields())
        if not lists or number == 1:
            lists.append(NumberedList(heading=section.heading, items=[item]))
        else:
            lists[-1].items.append(item)
    return lists


def duties(blocks: list[Block], sections: list[Section]) -> list[Mention]:
    """Numbered items of a key-tasks list; bullet or lettered points under a key-tasks
    heading if none.

    A list's heading is the heading above its first item, with the headings straight above that
    one: "Key tasks" then the sub-heading "Research and briefing" heads a list of duties.
    """
    numbered: list[Mention] = []
    bulleted: list[Mention] = []
    list_heading: str | None = None
    headings: list[str] = []  # the run of headings above the current block
    after_heading = False
    lead_in = False  # the bullets follow a sentence that introduces duties
    for index, (block, section) in enumerate(zip(blocks, sections, strict=True)):
        starts_section = section.heading is not None and (
            index == 0 or sections[index - 1].heading != section.heading
        )
        if starts_section:
            headings = (
                [*headings, section.heading or ""] if after_heading else [section.heading or ""]
            )
            after_heading = True
            continue
        above = " / ".join(headings)
        item = None if numbered_heading(block.text) else _ITEM.match(block.text)
        if item:
            if int(item["number"]) == 1 or list_heading is None:
                list_heading = above
            if _DUTIES_HEADING.search(list_heading):
                numbered.append(Mention(as_written=item["text"], **block.place.fields()))
        elif bullet := LIST_MARKER.match(block.text):
            if lead_in or _DUTIES_HEADING.search(above):
                text = block.text[bullet.end() :]
                bulleted.append(Mention(as_written=text, **block.place.fields()))
        else:
            lead_in = bool(_LEAD_IN.search(block.text.strip()))
        after_heading = False
    return numbered or bulleted
