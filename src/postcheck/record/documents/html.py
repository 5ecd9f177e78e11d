"""HTML job descriptions (a CMS page or Word's "save as web page"), parsed with Beautiful Soup.

White space in HTML source is not layout: a paragraph wrapped over several source lines is one
paragraph. A <br> breaks a line, as a Word line break does; the line after it runs on unless it
starts a block of its own (a label, a bullet).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from postcheck.record.documents.layout import Cell, Place, RawLine
from postcheck.record.documents.plaintext import text_lines

_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr", "div", "pre", "caption")
_BREAK = "\u2028"  # LINE SEPARATOR: a <br>, which source white space never is
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def html_lines(text: str) -> list[RawLine]:
    """One line per innermost block, at its source line; table rows and dt/dd pairs keep cells."""
    soup = BeautifulSoup(text, "html.parser")
    for hidden in soup.find_all(["script", "style", "head", "template"]):
        hidden.decompose()
    lines = []
    for block in soup.find_all(_BLOCKS):
        if block.name == "tr":
            cells = block.find_all(["td", "th"], recursive=False)
            lines.append(RawLine(tuple(Cell(_text(c), Place(line=c.sourceline)) for c in cells)))
        elif block.name == "dt":
            after = block.find_next_sibling(["dt", "dd"])
            pair = [block, after] if after is not None and after.name == "dd" else [block]
            lines.append(RawLine(tuple(Cell(_text(c), Place(line=c.sourceline)) for c in pair)))
        elif not _read_elsewhere(block):
            place = Place(line=block.sourceline)
            prefix = _item_number(block)
            for number, part in enumerate(_text(block).split(_BREAK)):
                heading = block.name in _HEADINGS
                lines.append(RawLine((Cell(prefix + part, place),), heading, joins=number > 0))
                prefix = ""
    return lines or text_lines(text)  # text saved with an .html name: read it as text


def _read_elsewhere(block: Tag) -> bool:
    """Blocks read as part of a table row or dt/dd pair, or whose inner blocks are read instead."""
    if block.find_parent(["tr", "dt"]) is not None or block.find(_BLOCKS) is not None:
        return True
    if block.name == "dd":
        before = block.find_previous_sibling(["dt", "dd"])
        return before is not None and before.name == "dt"
    return False


def _text(element: Tag) -> str:
    """Visible text, white space collapsed; each <br> as _BREAK."""
    for br in element.find_all("br"):
        br.replace_with(_BREAK)
    return _SPACE.sub(" ", str(element.get_text(" "))).strip(" ")


def _item_number(block: Tag) -> str:
    """The marker an ordered list shows before an item (honours start= and value=)."""
    item = block if block.name == "li" else block.parent
    if not isinstance(item, Tag) or item.name != "li":
        return ""
    if item is not block and item.find(_BLOCKS) is not block:
        return ""  # only the item's first paragraph carries the number
    parent = item.parent
    if not isinstance(parent, Tag) or parent.name != "ol":
        return "- "
    number = _int(parent.get("start"), 1)
    for sibling in parent.find_all("li", recursive=False):
        number = _int(sibling.get("value"), number)
        if sibling is item:
            return f"{number}. "
        number += 1
    return ""


def _int(value: object, default: int) -> int:
    try:
        return int(str(value)) if value is not None else default
    except ValueError:
        return default
