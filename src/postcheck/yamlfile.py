"""Safe YAML with line numbers, so errors in rule files and records point at a line.

Loading is bounded as well as safe (docs/limits.md). A YAML file can ask for far more than its
size suggests: an alias (`*name`) copies a whole subtree, so a few hundred bytes of nested
aliases expand to billions of values; one plain scalar can be an integer of millions of digits;
and a key given twice silently replaces the first. Composing shares an aliased node rather than
copying it, so the composed nodes are as small as the text (and libyaml stops nesting past 1,000
levels); each document's nodes are then checked, without recursion, before anything is built
from them, and a document past a bound is refused with its line.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.error import Mark, MarkedYAMLError
from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode

from postcheck import limits

try:  # the C loader is several times faster on large record files
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

_INT_TAG = "tag:yaml.org,2002:int"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class RefusedYamlError(MarkedYAMLError):
    """YAML that parses but is refused: past a bound, or ambiguous (a key given twice). Its
    `problem` is the whole message; it is not a syntax error."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(problem=problem, problem_mark=mark)


@dataclass(frozen=True)
class YamlDocument:
    data: Any
    node: yaml.Node

    @property
    def line(self) -> int:
        return int(self.node.start_mark.line) + 1

    def line_of(self, path: Sequence[str | int]) -> int:
        """The line of the deepest node along path that exists (1-based)."""
        return int(node_at(self.node, path).start_mark.line) + 1

    def field_lines(self, prefix: str = "") -> dict[str, int]:
        """Dotted path of every mapping key (list items by index) -> its line."""
        return collect_lines(self.node, prefix)

    def items(self) -> Iterator[tuple[Any, int, dict[str, int]]]:
        """A document holding a list: each item with its line and its own field lines
        (collected from the item's node, not filtered out of the whole list's, which takes
        time in the square of the list's length)."""
        nodes = self.node.value if isinstance(self.node, SequenceNode) else []
        for item, node in zip(self.data, nodes, strict=False):
            yield item, int(node.start_mark.line) + 1, collect_lines(node)


def load_documents(text: str) -> Iterator[YamlDocument]:
    """Each document of a YAML stream, lazily. Raises yaml.YAMLError with a mark on bad syntax,
    and RefusedYamlError (a YAMLError too) past a bound or on a key given twice."""
    try:
        loader = _Loader(text)
    except UnicodeEncodeError as error:  # text decoded with surrogateescape from bad bytes
        raise RefusedYamlError("not UTF-8 text", _mark(text.count("\n", 0, error.start))) from None
    checker = _Checker()
    try:
        for node in _nodes(loader):
            checker.check(node)
            try:
                data = loader.construct_document(node)
            except RecursionError:  # keys that are deep collections, under a raised limit
                raise RefusedYamlError(_too_deep(), node.start_mark) from None
            yield YamlDocument(data, node)
    finally:
        loader.dispose()


def _nodes(loader: _Loader) -> Iterator[Node]:
    """Each document's root node; libyaml's own stop at 1,000 levels is reported as the
    depth limit it is past."""
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:  # pragma: no cover - check_node guarantees a node
                return
            yield node
    except MarkedYAMLError as error:
        if "maximum nesting depth" in str(error.problem):
            raise RefusedYamlError(_too_deep(), error.problem_mark) from None
        raise


class _Checker:
    """The bounds of one file's documents, checked on their nodes before they are built.

    An alias shares the anchored node, so a node met again in a walk in document order is an
    alias of it. Copying it costs its height (in nesting) and the aliases inside it, which
    the walk has worked out by then. Aliases are counted as they would be once expanded, so a
    "billion laughs" stops within a few lines; an alias of a scalar copies nothing and is not
    counted."""

    def __init__(self) -> None:
        self.alias_uses = 0

    def check(self, root: Node) -> None:
        bound = limits.current()
        done: dict[int, tuple[int, int]] = {}  # id(collection) -> (height, aliases inside)
        frames = [_Frame(root, 1)] if isinstance(root, CollectionNode) else []
        walking = {id(root)}  # the collections in frames: an alias of one is a cycle
        while frames:
            frame = frames[-1]
            if frame.next == len(frame.children):
                frames.pop()
                walking.discard(id(frame.node))
                done[id(frame.node)] = (frame.height + 1, frame.aliases)
                if frames:
                    frames[-1].took(frame.height + 1, frame.aliases)
                continue
            child, mark = frame.children[frame.next], frame.mark_of(frame.next)
            frame.next += 1
            if isinstance(child, ScalarNode):
                _check_scalar(child)
            elif id(child) in done:
                height, inside = done[id(child)]
                self.alias_uses += 1 + inside
                if self.alias_uses > bound.yaml_aliases:
                    raise RefusedYamlError(_too_many_aliases(), mark)
                if frame.depth + height > bound.nesting_depth:
                    raise RefusedYamlError(_too_deep(), mark)
                frame.took(height, 1 + inside)
            elif id(child) in walking:
                raise RefusedYamlError("an alias (*name) inside the part it names", mark)
            elif frame.depth >= bound.nesting_depth:
                raise RefusedYamlError(_too_deep(), child.start_mark)
            elif isinstance(child, CollectionNode):
                walking.add(id(child))
                frames.append(_Frame(child, frame.depth + 1))
        if isinstance(root, ScalarNode):
            _check_scalar(root)


class _Frame:
    """A collection being walked: its children (a mapping's keys and values in turn), and the
    height and aliases of those walked so far."""

    __slots__ = ("aliases", "children", "depth", "height", "next", "node")

    def __init__(self, node: CollectionNode, depth: int) -> None:
        self.node, self.depth, self.next, self.height, self.aliases = node, depth, 0, 0, 0
        if isinstance(node, MappingNode):
            _check_keys(node)
            self.children: list[Node] = [part for pair in node.value for part in pair]
        else:
            self.children = list(node.value)

    def took(self, height: int, aliases: int) -> None:
        self.height = max(self.height, height)
        self.aliases += aliases

    def mark_of(self, index: int) -> Any:
        """Where a child is written. An aliased node carries its anchor's mark, so a
        mapping's value is placed at its key, and a list's item at the list."""
        if isinstance(self.node, MappingNode):
            return self.children[index - index % 2].start_mark
        return self.node.start_mark


def _check_keys(node: MappingNode) -> None:
    seen: dict[tuple[str, str], Node] = {}
    for key, _ in node.value:
        if isinstance(key, ScalarNode):
            earlier = seen.setdefault((key.tag, key.value), key)
            if earlier is not key:
                raise RefusedYamlError(
                    f"duplicate key {key.value!r} (also at line {earlier.start_mark.line + 1}); "
                    "give each field once",
                    key.start_mark,
                )


def _check_scalar(node: ScalarNode) -> None:
    """An integer past Python's conversion limit (4,300 digits) is refused with its line; the
    limit counts the characters, so hexadecimal and 1:20:30 forms are bounded too."""
    if node.tag == _INT_TAG and len(node.value) > _max_digits():
        raise RefusedYamlError(f"a number of more than {_max_digits()} digits", node.start_mark)


class _Loader(_SafeLoader):
    """The safe loader, with a date not on the calendar (2023-02-30) refused at its line:
    PyYAML raises a bare ValueError there, which would end the run."""

    def construct_yaml_timestamp(self, node: ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as error:
            raise ConstructorError(
                None, None, f"{node.value[:40]!r} is not a date: {error}", node.start_mark
            ) from None


_Loader.add_constructor(_TIMESTAMP_TAG, _Loader.construct_yaml_timestamp)


def _max_digits() -> int:
    return sys.get_int_max_str_digits() or 4300


def _too_deep() -> str:
    return f"nested more than {limits.current().nesting_depth} deep (limits.nesting_depth)"


def _too_many_aliases() -> str:
    return (
        f"more than {limits.current().yaml_aliases} aliases (*name), counting those inside "
        "the parts they copy (limits.yaml_aliases)"
    )


def _mark(line: int) -> Mark:
    return Mark("<text>", 0, line, 0, None, None)  # type: ignore[arg-type]


def node_at(node: yaml.Node, path: Sequence[str | int]) -> yaml.Node:
    """The node along path; parts with no node (validators' union tags) are passed over."""
    current = node
    for part in path:
        child = _child(current, part)
        if child is not None:
            current = child
    return current


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return value  # type: ignore[no-any-return]
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]  # type: ignore[no-any-return]
    return None


def collect_lines(node: yaml.Node, prefix: str = "") -> dict[str, int]:
    """Dotted path of every mapping key (list items by index) under node -> its line, in
    document order; walked with a stack, not recursion, as nodes nest up to the depth limit."""
    lines: dict[str, int] = {}
    stack = list(reversed(_children(node, prefix)))
    while stack:
        path, line, child = stack.pop()
        lines[path] = line
        stack.extend(reversed(_children(child, path)))
    return lines


def _children(node: yaml.Node, prefix: str) -> list[tuple[str, int, yaml.Node]]:
    """(dotted path, line, node) of each key's value or list item directly under node."""
    named: list[tuple[str, yaml.Node, yaml.Node]] = []
    if isinstance(node, yaml.MappingNode):
        named = [(str(k.value), k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)]
    elif isinstance(node, yaml.SequenceNode):
        named = [(str(i), item, item) for i, item in enumerate(node.value)]
    return [
        (f"{prefix}.{name}" if prefix else name, int(marked.start_mark.line) + 1, child)
        for name, marked, child in named
    ]


def mark_line(error: yaml.YAMLError) -> int | None:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return int(mark.line) + 1 if mark is not None else None
