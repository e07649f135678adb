"""Read YAML into plain data while keeping every node's position.

PyYAML's constructors lose positions and silently keep the last of two
duplicate keys. We compose the node tree instead (which keeps marks and does
not expand aliases), then convert it ourselves: duplicate keys become
problems (dossier/problems.py), aliases are expanded under a budget (so an alias bomb is refused,
not expanded), and dates become ISO strings so the data is JSON-shaped for
schema validation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import field
from typing import Any

import yaml

from e4cli.dossier.problems import ComplexKey, DuplicateKey, Problem, UnsupportedTag
from e4cli.rules.findings import Location, Span
from e4cli.util.record import record

try:  # the C parser is several times faster; fall back when libyaml is absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_NODES = 50_000
MAX_DEPTH = 50
MAX_EVENTS = 2 * MAX_NODES  # a scalar is one parser event, a collection two
MAX_YAML_BYTES = 1 << 20  # 1 MiB: a real manifest or réalisation is a few KiB

PathElem = str | int


class TooComplex(Exception):
    """The document expands beyond MAX_NODES or nests deeper than MAX_DEPTH."""


@record(frozen=False)
class YamlDocument:
    """A parsed YAML file: its plain data and its node tree for positions."""

    path: str
    root: yaml.Node | None
    data: Any
    problems: list[Problem] = field(default_factory=list)
    _indexes: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    text: str = field(default="", repr=False)  # the source, for the spans of `e4 check --fix`

    def node_at(self, path: Sequence[PathElem]) -> tuple[yaml.Node | None, int]:
        """The deepest node along `path`, and how many path elements it consumed."""
        node = self.root
        depth = 0
        for elem in path:
            child = self._child(node, elem)[1] if node is not None else None
            if child is None:
                break
            node = child
            depth += 1
        return node, depth

    def locate(self, path: Sequence[PathElem] = ()) -> Location:
        """Location of the value at `path`, or of its nearest existing ancestor."""
        node, _ = self.node_at(path)
        return self._loc(node)

    def locate_key(self, path: Sequence[PathElem]) -> Location:
        """Location of the key that holds the value at `path` (a mapping key)."""
        if not path:
            return self.locate(())
        parent, depth = self.node_at(path[:-1])
        if depth == len(path) - 1 and isinstance(parent, yaml.MappingNode):
            key, _ = self._child(parent, path[-1])
            if key is not None:
                return self._loc(key)
        return self.locate(path)

    def _child(self, node: yaml.Node, elem: PathElem) -> tuple[yaml.Node | None, yaml.Node | None]:
        """(key node, value node) of `elem` under `node`; a mapping is indexed once.

        Finding one key among the 40,000 of a hostile file must not walk them all
        for each of its findings.
        """
        if isinstance(node, yaml.MappingNode):
            index = self._indexes.get(id(node))
            if index is None:
                index = {}
                for key, value in node.value:  # first occurrence wins, as in conversion
                    if isinstance(key, yaml.ScalarNode):
                        index.setdefault(str(key.value), (key, value))
                self._indexes[id(node)] = index
            return index.get(str(elem), (None, None))
        if (
            isinstance(node, yaml.SequenceNode)
            and isinstance(elem, int)
            and 0 <= elem < len(node.value)
        ):
            item: yaml.Node = node.value[elem]
            return None, item
        return None, None
    def span(self, path: Sequence[PathElem]) -> Span | None:
        """The source text of the scalar at `path`, quotes included; None if not a scalar."""
        node, depth = self.node_at(path)
        if depth != len(path) or not isinstance(node, yaml.ScalarNode):
            return None
        return self._span(node)

    def key_span(self, path: Sequence[PathElem]) -> Span | None:
        """The source text of the key that holds the value at `path`."""
        if not path:
            return None
        parent, depth = self.node_at(path[:-1])
        if depth != len(path) - 1 or not isinstance(parent, yaml.MappingNode):
            return None
        key, _ = self._child(parent, path[-1])
        return self._span(key) if key is not None else None

    def _span(self, node: yaml.Node) -> Span | None:
        start, end = node.start_mark, node.end_mark
        lines = self.text.split("\n")
        if not self.text or end.line >= len(lines):
            return None
        if start.line == end.line:
            text = lines[start.line][start.column : end.column]
        else:
            middle = lines[start.line + 1 : end.line]
            text = "\n".join(
                [lines[start.line][start.column :], *middle, lines[end.line][: end.column]]
            )
        return Span(self.path, start.line, start.column, end.line, end.column, text)

    def written(self, path: Sequence[PathElem]) -> str | None:
        """The text of the scalar at `path` exactly as written (`02271634506`, not 317143366)."""
        node, depth = self.node_at(path)
        if depth == len(path) and isinstance(node, yaml.ScalarNode):
            return str(node.value)
        return None

    def has(self, path: Sequence[PathElem]) -> bool:
        _, depth = self.node_at(path)
        return depth == len(path)

    def _loc(self, node: yaml.Node | None) -> Location:
        if node is None:
            return Location(self.path)
        mark = node.start_mark
        return Location(self.path, mark.line + 1, mark.column + 1)


_PRECHECK_ABOVE = 64 * 1024  # characters; a real manifest or réalisation is a few KiB


def parse_yaml(text: str, path: str) -> YamlDocument:
    """Compose and convert `text`. Raises yaml.YAMLError or TooComplex."""
    # libyaml composes without Python recursion and stops at its own nesting limit
    # (1,000 levels); only the pure-Python composer needs the event pre-check, and
    # so do very long texts, whose value count it bounds before anything is built.
    if _Loader is not getattr(yaml, "CSafeLoader", None) or len(text) > _PRECHECK_ABOVE:
        precheck(text)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        if exc.problem and "nesting depth" in exc.problem:
            raise TooComplex(f"plus de {MAX_DEPTH} niveaux d'imbrication") from exc
        raise
    doc = YamlDocument(path=path, root=root, data=None, text=text)
    if root is not None:
        doc.data = _Converter(doc).convert(root, 0)
    return doc


def precheck(text: str) -> None:
    """Refuse deep nesting and oversized documents from the event stream, before composing.

    The parser is iterative (libyaml's and PyYAML's alike) while composers recurse, so
    nesting is measured here, where it costs nothing and cannot overflow a stack. Aliases
    are not expanded by events: the converter's budget handles alias bombs.
    """
    loader = _Loader(text)
    try:
        depth = events = 0
        while loader.check_event():
            event = loader.get_event()
            events += 1
            if events > MAX_EVENTS:
                raise TooComplex(f"plus de {MAX_NODES} valeurs")
            if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise TooComplex(f"plus de {MAX_DEPTH} niveaux d'imbrication")
            elif isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:  # libyaml's own nesting limit, hit while scanning ahead
        if exc.problem and "nesting depth" in exc.problem:
            raise TooComplex(f"plus de {MAX_DEPTH} niveaux d'imbrication") from exc
        raise
    finally:
        loader.dispose()


_STR_TAG = "tag:yaml.org,2002:str"
# The tags PyYAML gives plain YAML on its own; any other was written by hand (`!!binary`).
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge")
)


class _Converter:
    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.budget = MAX_NODES
        self.scalars = yaml.constructor.SafeConstructor()

    def convert(self, node: yaml.Node, depth: int) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise TooComplex(f"plus de {MAX_NODES} valeurs")
        if depth > MAX_DEPTH:
            raise TooComplex(f"plus de {MAX_DEPTH} niveaux d'imbrication")
        if node.tag not in _PLAIN_TAGS:
            self._tagged(node)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, depth + 1) for item in node.value]
        return self._scalar(node)

    def _tagged(self, node: yaml.Node) -> None:
        """An explicit tag (!!binary, !!set, !custom…): the value is kept as written, and said."""
        mark = node.start_mark
        where = Location(self.doc.path, mark.line + 1, mark.column + 1)
        self.doc.problems.append(UnsupportedTag(where, node.tag))

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                mark = key_node.start_mark
                self.doc.problems.append(
                    ComplexKey(Location(self.doc.path, mark.line + 1, mark.column + 1))
                )
                continue
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in first_seen:
                self.doc.problems.append(
                    DuplicateKey(
                        Location(self.doc.path, line, key_node.start_mark.column + 1),
                        key,
                        first_seen[key],
                    )
                )
                continue
            first_seen[key] = line
            result[key] = self.convert(value_node, depth + 1)
        return result

    def _scalar(self, node: yaml.Node) -> Any:
        tag = node.tag
        if tag == _STR_TAG:  # most values: skip the constructor's dispatch
            return node.value  # as written: outputs make it safe to show (util/safetext)
        if tag not in _PLAIN_TAGS:
            return str(node.value)
        try:
            value = self.scalars.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError):
            return str(node.value)  # e.g. 2027-02-30: an impossible date stays text
        if isinstance(value, dt.datetime | dt.date):
            return value.isoformat()
        if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 63:
            return str(node.value)  # 0x…4000 digits: no field holds such a number, and
            # Python refuses to print an int of more than 4,300 digits
        if isinstance(value, float) and value != value:  # NaN is not JSON
            return str(node.value)
        return value


def field_name(path: list[PathElem]) -> str:
    """A value's path as the candidate reads it: `stages[2].debut` (1-based list places)."""
    text = ""
    for elem in path:
        text += f"[{elem + 1}]" if isinstance(elem, int) else (f".{elem}" if text else elem)
    return text or "le document"
