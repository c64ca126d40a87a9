"""Reforms as declarative patches (set, add, remove at a path), applied by a pure function.

A reform file::

    reform: majilis_120
    base: kz                 # a built-in id, or a constitution file (relative to the reform file)
    date: 2007-06-01         # the base version the reform amends (default: the latest)
    label: A larger Majilis
    sources: {mine: "https://example.org/proposal"}   # optional, added to the base's sources
    changes:
      - {op: set, path: bodies.majilis.size, value: 120, article: "50(3)", source: mine, confidence: high}
      - {op: add, path: bodies.majilis.seat_groups.-, value: {id: extra, seats: 13, ...}}
      - {op: remove, path: procedures.dissolution}

:func:`apply` never changes its inputs (they are frozen); it returns a new, validated
:class:`~reformlab.model.constitution.Constitution` whose changed leaves carry the change's reference.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, model_validator

from reformlab.errors import ReformlabError, did_you_mean
from reformlab.model.checks import check
from reformlab.model.constitution import Constitution
from reformlab.model.problems import InvalidFile, Problems, add_validation_errors
from reformlab.model.tree import CONTENT, join_path, positional, split_path, to_tree
from reformlab.model.values import Confidence, FrozenModel, Ref, SourceEntry
from reformlab.yamlio import Lines, load_yaml, read_text

_MISSING = object()


class Patch(FrozenModel):
    """One patch operation.

    Attributes:
        op: ``set`` (replace an existing value), ``add`` (a new mapping key, or a list item at an index or
            at ``-``, the end) or ``remove`` (delete a key or a list item).
        path: dotted path in the resolved constitution, e.g. ``bodies.majilis.seat_groups.0.seats``.
        value: the new value (``set`` and ``add``).
        article, source, confidence, note: the reference of the new value.
    """

    op: Literal["set", "add", "remove"]
    path: str = Field(min_length=1)
    value: Any = _MISSING
    article: str | int | None = None
    source: str | tuple[str, ...] | None = None
    confidence: Confidence | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _value_given(self) -> Patch:
        if self.op != "remove" and self.value is _MISSING:
            raise ValueError(f"'{self.op}' needs a 'value'")
        if self.op == "remove" and self.value is not _MISSING:
            raise ValueError("'remove' takes no 'value'")
        return self

    def ref(self, reform_id: str) -> Ref:
        sources = (self.source,) if isinstance(self.source, str) else tuple(self.source or ())
        note = f"reform {reform_id}" + (f": {self.note}" if self.note else "")
        return Ref(article=self.article, sources=sources, confidence=self.confidence, note=note)


class Reform(FrozenModel):
    """A reform: a label, the base it amends and the ordered changes.

    Attributes:
        file, lines: where it was read from and the line of each change (set by :func:`load_reform`).
    """

    reform: str
    base: str
    date: dt.date | None = None
    label: str | None = None
    note: str | None = None
    sources: dict[str, SourceEntry] = {}
    changes: tuple[Patch, ...] = Field(min_length=1)
    file: str | None = Field(default=None, exclude=True)
    lines: tuple[int | None, ...] = Field(default=(), exclude=True)


def is_reform_data(data: Any) -> bool:
    """Whether parsed YAML looks like a reform file (it has a ``reform`` key)."""
    return isinstance(data, dict) and "reform" in data


def reform_from_data(data: Any, lines: Lines, file: str | None) -> Reform:
    """Validate parsed reform data; every problem is reported with its line."""
    problems = Problems(file, lines)
    try:
        reform = Reform.model_validate(data)
    except ValidationError as exc:
        add_validation_errors(problems, exc, data, lines)
        problems.raise_if_any()
        raise  # pragma: no cover - raise_if_any always raises here
    change_lines = tuple(lines.get(("changes", i)) for i in range(len(reform.changes)))
    return reform.model_copy(update={"file": file, "lines": change_lines})


def load_reform(path: str | Path, *, text: str | None = None) -> Reform:
    """Read and validate a reform file (its changes are checked against a base by :func:`apply`)."""
    data, lines = load_yaml(read_text(path) if text is None else text, str(path))
    if not is_reform_data(data):
        raise ReformlabError("not a reform file: it has no 'reform' key", file=str(path), line=1,
                             fix="start the file with 'reform: <id>'")
    return reform_from_data(data, lines, str(path))


def apply(base: Constitution, reform: Reform) -> Constitution:
    """The constitution ``base`` amended by ``reform``, validated (pure: ``base`` is not changed).

    Raises:
        InvalidFile: every change that cannot be applied (a path that does not exist...) and every problem
            of the result, each located at the line of the change in the reform file.
    """
    data = {name: to_tree(getattr(base, name)) for name in CONTENT}
    refs = dict(base.refs)
    problems = Problems(reform.file, {})
    change_line: dict[str, int | None] = {}
    for index, change in enumerate(reform.changes):
        line = reform.lines[index] if index < len(reform.lines) else None
        change_line[change.path] = line
        try:
            change = change.model_copy(update={"path": _positional(data, change.path)})
            final = _patch(data, change)
        except ReformlabError as exc:
            problems.items.append(ReformlabError(exc.problem, file=reform.file, line=line,
                                                 field=f"changes.{index}.path", fix=exc.fix))
            continue
        refs = _move_refs(refs, change, final, reform.reform)
    header = base.model_dump(exclude={"refs", *CONTENT})
    header["sources"] = {**header["sources"], **reform.sources}
    merged = {**header, **data, "refs": refs}
    lines = {tuple(split_path(path)): line for path, line in change_line.items() if line is not None}
    if reform.lines and reform.lines[0] is not None:
        lines[()] = reform.lines[0]  # a problem a change causes elsewhere points at the changes
    try:
        result = Constitution.model_validate(merged)
    except ValidationError as exc:
        add_validation_errors(problems, exc, merged, lines)
        problems.raise_if_any()
        raise  # pragma: no cover
    for path, message, fix in check(result):
        problems.add(path, message, fix, lines=lines)
    _check_sources(reform, result, problems)
    problems.raise_if_any()
    return result


def _check_sources(reform: Reform, result: Constitution, problems: Problems) -> None:
    for index, change in enumerate(reform.changes):
        for source in change.ref(reform.reform).sources:
            if source not in result.sources:
                line = reform.lines[index] if index < len(reform.lines) else None
                problems.items.append(ReformlabError(
                    f"unknown source {source!r}", file=reform.file, line=line, field=f"changes.{index}.source",
                    fix="add it to the reform's 'sources' table or " + did_you_mean(source, result.sources)))


def _positional(data: dict, path: str) -> str:
    """``path`` with each ``name[id]`` (a seat group by id) replaced by its position in the tree being amended."""
    def child(node, name):
        if not isinstance(node, dict) or name not in node:
            raise _Missing
        return node[name]

    try:
        return positional(data, path, child)
    except _Missing:
        return path  # the path does not exist: _patch says so
    except KeyError as error:
        problem, _, ids = str(error).strip("'\"").partition(" (there are: ")
        raise ReformlabError(problem, fix=f"name one of: {ids.rstrip(')')}") from None


class _Missing(Exception):
    """A path step that is not in the tree."""


def _patch(data: dict, change: Patch) -> str:
    """Apply one change to ``data`` in place; return the final path (``-`` replaced by the index)."""
    parts = split_path(change.path)
    if parts[0] not in CONTENT:
        raise ReformlabError(f"path {change.path!r} does not exist", fix=did_you_mean(str(parts[0]), CONTENT))
    parent = data
    for depth, part in enumerate(parts[:-1]):
        parent = _step(parent, part, parts[: depth + 1], change.path)
    last = parts[-1]
    if isinstance(parent, dict):
        exists = last in parent
        if change.op == "add" and exists:
            raise ReformlabError(f"cannot add {change.path!r}: it already exists", fix="use 'op: set'")
        if change.op != "add" and not exists:
            raise ReformlabError(f"path {change.path!r} does not exist", fix=did_you_mean(str(last), parent))
        if change.op == "remove":
            del parent[last]
        else:
            parent[last] = change.value
        return change.path
    if isinstance(parent, list):
        if change.op == "add":
            index = len(parent) if last == "-" else last
            if not isinstance(index, int) or index > len(parent):
                raise ReformlabError(f"cannot add at {change.path!r}: the list has {len(parent)} items",
                                     fix="give an index up to the list's length, or '-' for the end")
            parent.insert(index, change.value)
            return join_path(parts[:-1] + [index])
        if not isinstance(last, int) or last >= len(parent):
            raise ReformlabError(f"path {change.path!r} does not exist: the list has {len(parent)} items")
        if change.op == "remove":
            del parent[last]
        else:
            parent[last] = change.value
        return change.path
    raise ReformlabError(f"path {change.path!r} does not exist: {join_path(parts[:-1])!r} is a single value")


def _step(node: Any, part: Any, so_far: list, path: str) -> Any:
    if isinstance(node, dict) and part in node:
        return node[part]
    if isinstance(node, list) and isinstance(part, int) and part < len(node):
        return node[part]
    choices = [str(k) for k in node] if isinstance(node, dict) else []
    fix = did_you_mean(str(part), choices) if choices else None
    raise ReformlabError(f"path {path!r} does not exist (no {join_path(so_far)!r})", fix=fix)


def _move_refs(refs: dict[str, Ref], change: Patch, final: str, reform_id: str) -> dict[str, Ref]:
    """References after a change: the replaced subtree's are dropped, list items after it renumbered."""
    parts = split_path(final)
    is_item = isinstance(parts[-1], int)
    if change.op == "add" and is_item:
        moved = {_shift(p, parts, 1): r for p, r in refs.items()}
    else:
        prefix = final + "."
        moved = {p: r for p, r in refs.items() if p != final and not p.startswith(prefix)}
        if change.op == "remove" and is_item:
            moved = {_shift(p, parts, -1): r for p, r in moved.items()}
    if change.op != "remove":
        moved[final] = change.ref(reform_id)
    return moved


def _shift(path: str, at: list, shift: int) -> str:
    parts = split_path(path)
    depth = len(at) - 1
    if len(parts) > depth and parts[:depth] == at[:depth] and isinstance(parts[depth], int) and parts[depth] >= at[depth]:
        parts[depth] += shift
    return join_path(parts)
