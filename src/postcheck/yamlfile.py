"""Safe YAML with line numbers, so errors in rule files and records point at a line."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

try:  # the C loader is several times faster on large record files
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


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
        lines: dict[str, int] = {}
        _collect_lines(self.node, prefix, lines)
        return lines


def load_documents(text: str) -> Iterator[YamlDocument]:
    """Each document of a YAML stream, lazily; raises yaml.YAMLError with a mark on bad syntax."""
    loader = _Loader(text)
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:  # pragma: no cover - check_node guarantees a node
                break
            yield YamlDocument(loader.construct_document(node), node)
    finally:
        loader.dispose()


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


def _collect_lines(node: yaml.Node, prefix: str, lines: dict[str, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                path = f"{prefix}.{key.value}" if prefix else str(key.value)
                lines[path] = int(key.start_mark.line) + 1
                _collect_lines(value, path, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            path = f"{prefix}.{index}" if prefix else str(index)
            lines[path] = int(item.start_mark.line) + 1
            _collect_lines(item, path, lines)


def mark_line(error: yaml.YAMLError) -> int | None:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return int(mark.line) + 1 if mark is not None else None
