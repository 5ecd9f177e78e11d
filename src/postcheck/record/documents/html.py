"""HTML job descriptions (a CMS page or Word's "save as web page"), parsed with Beautiful Soup.

White space in HTML source is not layout: a paragraph wrapped over several source lines is one
paragraph. A <br> breaks a line, as a Word line break does; the line after it runs on unless it
starts a block of its own (a label, a bullet).

A page nested deeper than `limits.html_depth` is refused once parsed, before it is read: the
reading looks up each block's ancestors and inner blocks, so a page 10,000 elements deep took
over a minute. Parsing is quick at any depth; the depth is measured in one pass over the tree.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString

from postcheck.limits import current
from postcheck.record.documents import deadline
from postcheck.record.documents.formats import DocumentError
from postcheck.record.documents.layout import Cell, Place, RawLine
from postcheck.record.documents.plaintext import text_lines

_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr", "div", "pre", "caption")
_BREAK = "\u2028"  # LINE SEPARATOR: a <br>, which source white space never is
_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_BLOCK_NAMES = frozenset(_BLOCKS)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def html_lines(text: str) -> list[RawLine]:
    """One line per innermost block, at its source line; table rows and dt/dd pairs keep cells."""
    soup = BeautifulSoup(text, "html.parser")
    _check_depth(soup, current().html_depth)
    for hidden in soup.find_all(["script", "style", "head", "template"]):
        hidden.decompose()
    lines = []
    numbers = _ItemNumbers()
    for block in soup.find_all(_BLOCKS):
        deadline.check()  # the time limit where no alarm can interrupt (deadline.py)
        if block.name == "tr":
            cells = block.find_all(["td", "th"], recursive=False)
            lines.append(RawLine(tuple(Cell(_text(c), Place(line=c.sourceline)) for c in cells)))
        elif block.name == "dt":
            after = block.find_next_sibling(["dt", "dd"])
            pair = [block, after] if after is not None and after.name == "dd" else [block]
            lines.append(RawLine(tuple(Cell(_text(c), Place(line=c.sourceline)) for c in pair)))
        elif not _read_elsewhere(block):
            place = Place(line=block.sourceline)
            prefix = numbers.marker(block)
            for number, part in enumerate(_text(block).split(_BREAK)):
                heading = block.name in _HEADINGS
                lines.append(RawLine((Cell(prefix + part, place),), heading, joins=number > 0))
                prefix = ""
    return lines or text_lines(text)  # text saved with an .html name: read it as text


def _check_depth(soup: BeautifulSoup, limit: int) -> None:
    """DocumentError if elements nest deeper than the limit. Python's parser leaves an element
    whose end tag is omitted (<li>, <p>, <td>) open, holding all that follows, so each counts."""
    depths = {id(soup): 0}
    deepest = 0
    for element in soup.descendants:
        if isinstance(element, Tag):
            depth = depths[id(element.parent)] + 1
            depths[id(element)] = depth
            deepest = max(deepest, depth)
    if deepest > limit:
        raise DocumentError(
            f"HTML nested {deepest:,} elements deep; the limit is {limit:,} (an element whose "
            "end tag is left out, such as <li> or <p>, holds everything after it)"
        )


def _read_elsewhere(block: Tag) -> bool:
    """Blocks read as part of a table row or dt/dd pair, or whose inner blocks are read instead."""
    if any(p.name in ("tr", "dt") for p in block.parents) or _first_block(block) is not None:
        return True
    if block.name == "dd":
        before = block.find_previous_sibling(["dt", "dd"])
        return before is not None and before.name == "dt"
    return False


def _first_block(element: Tag) -> Tag | None:
    """The first block inside the element (`find(_BLOCKS)`, without building Beautiful Soup's
    filter at each call, which was most of the time a long list took)."""
    for node in element.descendants:
        if isinstance(node, Tag) and node.name in _BLOCK_NAMES:
            return node
    return None


def _text(element: Tag) -> str:
    """Visible text, white space collapsed; each <br> as _BREAK.

    The strings get_text(" ") joins (those of the types Beautiful Soup counts as text), taken in
    one pass with each <br> in its place: replacing each <br> in the tree first cost its place
    among its siblings, so a paragraph of 40,000 line breaks took minutes.
    """
    wanted = element.interesting_string_types or Tag.MAIN_CONTENT_STRING_TYPES
    types = (wanted,) if isinstance(wanted, type) else tuple(wanted)
    parts: list[str] = []
    for node in element.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                parts.append(_BREAK)
        elif isinstance(node, NavigableString) and type(node) in types:
            parts.append(node)
    return _SPACE.sub(" ", " ".join(parts)).strip(" ")


class _ItemNumbers:
    """The marker an ordered list shows before an item (honours start= and value=), each list
    counted once: counting an item's earlier siblings for every item cost a list of 20,000
    items minutes."""

    def __init__(self) -> None:
        self._lists: dict[int, dict[int, str]] = {}  # id of an <ol>: id of its item: marker

    def marker(self, block: Tag) -> str:
        item = block if block.name == "li" else block.parent
        if not isinstance(item, Tag) or item.name != "li":
            return ""
        if item is not block and _first_block(item) is not block:
            return ""  # only the item's first paragraph carries the number
        parent = item.parent
        if not isinstance(parent, Tag) or parent.name != "ol":
            return "- "
        if id(parent) not in self._lists:
            self._lists[id(parent)] = _numbered(parent)
        return self._lists[id(parent)].get(id(item), "")


def _numbered(ordered: Tag) -> dict[int, str]:
    number = _int(ordered.get("start"), 1)
    markers: dict[int, str] = {}
    for item in ordered.find_all("li", recursive=False):
        number = _int(item.get("value"), number)
        markers[id(item)] = f"{number}. "
        number += 1
    return markers


def _int(value: object, default: int) -> int:
    try:
        return int(str(value)) if value is not None else default
    except ValueError:
        return default
