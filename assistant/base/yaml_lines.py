"""Read YAML while remembering the line of every mapping and key.

Dialog authors need errors that point at a line. PyYAML's composed node tree
has the marks; this turns it into plain dicts and lists that also carry them.
"""

from __future__ import annotations

from typing import Any

import yaml

from assistant.base.yamlload import SafeLoader


class LinedDict(dict[Any, Any]):
    """A dict that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LinedList(list[Any]):
    line: int = 0


# libyaml's composer is several times faster (start-up time matters); same nodes, same marks.
_COMPOSER = SafeLoader


def load(text: str) -> Any:
    """Parse YAML text into LinedDict/LinedList/scalars (safe constructors only)."""
    node = yaml.compose(text, Loader=_COMPOSER)
    if node is None:
        return None
    try:
        return _convert(node)
    finally:
        _CONSTRUCTOR.constructed_objects.clear()


def _convert(node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = LinedDict()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            if isinstance(key, (dict, list)):
                key = str(key)
            if key in out:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            out[key] = _convert(value_node)
            out.key_lines[key] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LinedList(_convert(v) for v in node.value)
        seq.line = node.start_mark.line + 1
        return seq
    return _scalar(node)


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _scalar(node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return _CONSTRUCTOR.construct_object(node)
    return _convert(node)
