"""The one YAML reader: safe, guarded, and remembering the line of every value so errors can name it.

Every YAML file reformlab reads (constitutions, reforms, scenarios, claims, games, built-in data) comes
through :func:`read_yaml` / :func:`load_yaml`. The text is *composed* into nodes with PyYAML's ``SafeLoader`` (so only standard tags exist: ``!!python/...``
tags are refused, never constructed), then built into plain dicts, lists and scalars while recording
``path -> line``. Duplicate keys, recursive aliases and alias bombs are errors here, where ``yaml.safe_load``
would silently take the last key or blow up. Hostile files are bounded before they cost memory or time:
at most :data:`MAX_BYTES` of text, :data:`MAX_DEPTH` levels of nesting and :data:`MAX_NODES` values
after aliases are expanded (an alias bomb of a few lines stops here, not after gigabytes); a binary file is
refused as "not UTF-8 text".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from reformlab.errors import ReformlabError

Lines = dict[tuple, int]
#: Values after alias expansion: the built-in constitution has about 6,000; a bomb reaches billions.
MAX_NODES = 200_000
#: Nesting levels: the deepest built-in file has 12; PyYAML's composer recurses and would overflow the stack.
MAX_DEPTH = 100
#: Bytes of text: the largest built-in file is about 150 KB.
MAX_BYTES = 20_000_000
STANDARD_TAG = "tag:yaml.org,2002:"


def read_text(path: str | Path) -> str:
    """The text of ``path`` (a leading BOM dropped), or a :class:`ReformlabError` if it is not readable UTF-8 text."""
    path = Path(path)
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ReformlabError("file not found", file=path, fix="check the path") from None
    except IsADirectoryError:
        raise ReformlabError("this is a directory, not a file", file=path, fix="give the path of a file") from None
    except OSError as exc:
        raise ReformlabError(f"cannot read the file ({exc.strerror or exc})", file=path) from None
    if len(raw) > MAX_BYTES:
        raise ReformlabError(f"the file is larger than {MAX_BYTES:,} bytes", file=path,
                             fix="split it, or check that it is the file you meant")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ReformlabError(f"not UTF-8 text (byte {exc.start + 1} is {raw[exc.start]:#04x}; a binary file?)",
                             file=path, line=line, fix="give a YAML text file saved as UTF-8") from None


def read_yaml(path: str | Path) -> tuple[Any, Lines]:
    """Read and parse the YAML file ``path``: :func:`read_text` then :func:`load_yaml`."""
    return load_yaml(read_text(path), path)


def load_yaml(text: str, file: str | Path | None = None) -> tuple[Any, Lines]:
    """Parse ``text`` safely; return the data and a map from each value's path (a tuple of keys) to its line.

    >>> data, lines = load_yaml("a:\\n  b: [1, 2]\\n")
    >>> data, lines[("a", "b", 1)]
    ({'a': {'b': [1, 2]}}, 2)
    """
    loader = None
    try:
        loader = _GuardedLoader(text)
        node = loader.get_single_node()
        if node is None:
            return None, {}
        builder = _Builder(loader, file)
        return builder.build(node, ()), builder.lines
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "malformed YAML"
        raise ReformlabError(
            f"malformed YAML: {problem}", file=file, line=None if mark is None else mark.line + 1,
            fix="check indentation, colons and quotes on that line",
        ) from None
    except yaml.YAMLError as exc:
        raise ReformlabError(f"malformed YAML: {exc}", file=file, fix="check the file's syntax") from None
    except _TooDeep as exc:
        raise ReformlabError(f"the YAML is nested more than {MAX_DEPTH} levels deep", file=file, line=exc.line,
                             fix="flatten the structure") from None
    except RecursionError:
        raise ReformlabError("the YAML is nested too deeply", file=file, fix="flatten the structure") from None
    finally:
        if loader is not None:
            loader.dispose()


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


class _GuardedLoader(yaml.SafeLoader):
    """PyYAML's safe loader whose composer stops at :data:`MAX_DEPTH` levels instead of overflowing the stack."""

    depth = 0

    def compose_node(self, parent, index):
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _TooDeep(self.peek_event().start_mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _Builder:
    """Builds plain Python data from composed nodes, recording lines."""

    def __init__(self, loader: yaml.SafeLoader, file) -> None:
        self.loader = loader
        self.file = file
        self.lines: Lines = {}
        self.count = 0
        self.active: set[int] = set()

    def error(self, problem: str, node: Node, fix: str | None = None, path: tuple = ()) -> ReformlabError:
        field = ".".join(str(p) for p in path if p != "<key>") or None
        return ReformlabError(problem, file=self.file, line=node.start_mark.line + 1, field=field, fix=fix)

    def build(self, node: Node, path: tuple) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.error("the YAML expands to too many values (an alias bomb?)", node, "remove aliases")
        self.lines.setdefault(path, node.start_mark.line + 1)
        if not node.tag.startswith(STANDARD_TAG):
            raise self.error(f"tag {node.tag!r} is not allowed", node, "remove the tag; only plain YAML is read")
        if node.tag.startswith(STANDARD_TAG + "python/"):
            raise self.error(f"Python tag {node.tag!r} is not allowed", node, "remove the tag")
        if isinstance(node, ScalarNode):
            try:
                return self.loader.construct_object(node)
            except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
                what = "a date" if node.tag.endswith(":timestamp") else "a value"
                raise self.error(f"{node.value!r} is not {what} ({exc})", node,
                                 "write dates as YYYY-MM-DD" if what == "a date" else None, path) from None
        if id(node) in self.active:
            raise self.error("an alias refers to itself", node, "remove the recursive alias")
        self.active.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
            if isinstance(node, MappingNode):
                return self.mapping(node, path)
            raise self.error("unsupported YAML node", node)  # pragma: no cover
        finally:
            self.active.discard(id(node))

    def mapping(self, node: MappingNode, path: tuple) -> dict:
        self.loader.flatten_mapping(node)
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise self.error("a mapping key must be a plain value", key_node, "use a name as the key")
            key = self.build(key_node, path + ("<key>",))
            try:
                hash(key)
            except TypeError:  # pragma: no cover - scalars are hashable
                raise self.error("a mapping key must be a plain value", key_node) from None
            if key in result:
                raise self.error(f"duplicate key {key!r}", key_node, "keep only one of them")
            self.lines[path + (key,)] = key_node.start_mark.line + 1  # errors point at the key's line
            result[key] = self.build(value_node, path + (key,))
        return result
