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

A package of amendments groups its changes, each group with an id, the articles it amends and the
amendments it cannot stand without (see :mod:`reformlab.model.amendments` for what is done with them)::

    amendments:
      - id: larger_majilis
        label: A Majilis of 107
        articles: ["50(3)"]
        changes: [{op: set, path: bodies.majilis.size, value: 107}]
      - id: apk_seats
        depends_on: [larger_majilis]
        changes: [...]

:func:`apply` never changes its inputs (they are frozen); it returns a new, validated
:class:`~reformlab.model.constitution.Constitution` whose changed leaves carry the change's reference.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, model_validator

from reformlab.errors import ReformlabError, unknown_name
from reformlab.model.checks import check, find_cycle
from reformlab.model.constitution import Constitution
from reformlab.model.problems import InvalidFile, Problems, validate_or_raise
from reformlab.model.tree import CONTENT, NoSuchItem, join_path, positional, split_path, to_tree
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


class Amendment(FrozenModel):
    """One named amendment of a reform package: the changes that stand or fall together.

    Attributes:
        id: a short name (``apk_seats``), unique in the reform.
        label: what it does, in words.
        articles: the constitution's articles it amends.
        sources: the sources that describe it (keys of the reform's or the base's ``sources``).
        depends_on: the amendments it cannot stand without (the APK's nine Majilis seats need the larger
            Majilis); every subset of a package that is evaluated contains each member's prerequisites.
        changes: its patch operations, at least one.
    """

    id: str = Field(min_length=1)
    label: str | None = None
    articles: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    depends_on: tuple[str, ...] = ()
    note: str | None = None
    changes: tuple[Patch, ...] = ()

    @model_validator(mode="after")
    def _has_changes(self) -> Amendment:
        if not self.changes:
            raise ValueError(f"amendment {self.id!r} has no changes: give it at least one under 'changes', or remove it")
        return self


class Reform(FrozenModel):
    """A reform: a label, the base it amends and the ordered changes, given flat (``changes``) or grouped
    into named amendments (``amendments``, each with its own ``changes``), not both.

    Attributes:
        file, lines: where it was read from and the line of each change (set by :func:`load_reform`).
    """

    reform: str
    base: str
    date: dt.date | None = None
    label: str | None = None
    note: str | None = None
    sources: dict[str, SourceEntry] = {}
    changes: tuple[Patch, ...] = ()
    amendments: tuple[Amendment, ...] = ()
    file: str | None = Field(default=None, exclude=True)
    lines: tuple[int | None, ...] = Field(default=(), exclude=True)

    @model_validator(mode="after")
    def _changes_or_amendments(self) -> Reform:
        if self.changes and self.amendments:
            raise ValueError("the reform has both 'changes' and 'amendments': give the changes either flat under "
                             "'changes' or grouped under 'amendments', not both")
        if not self.changes and not self.amendments:
            raise ValueError("a reform needs 'changes' (or 'amendments', each with its changes)")
        return self

    @property
    def patches(self) -> tuple[Patch, ...]:
        """Every change in file order, whether given flat or by amendment."""
        if self.changes:
            return self.changes
        return tuple(change for amendment in self.amendments for change in amendment.changes)

    def change_field(self, index: int) -> str:
        """The data path of the ``index``-th of :attr:`patches` (for messages)."""
        if self.changes:
            return f"changes.{index}"
        for number, amendment in enumerate(self.amendments):
            if index < len(amendment.changes):
                return f"amendments.{number}.changes.{index}"
            index -= len(amendment.changes)
        return "changes"


def is_reform_data(data: Any) -> bool:
    """Whether parsed YAML looks like a reform file (it has a ``reform`` key)."""
    return isinstance(data, dict) and "reform" in data


def reform_from_data(data: Any, lines: Lines, file: str | None) -> Reform:
    """Validate parsed reform data; every problem is reported with its line."""
    problems = Problems(file, lines)
    reform = validate_or_raise(Reform, data, problems, lines)
    if reform.changes:
        change_lines = tuple(lines.get(("changes", i)) for i in range(len(reform.changes)))
    else:
        change_lines = tuple(lines.get(("amendments", i, "changes", j))
                             for i, amendment in enumerate(reform.amendments) for j in range(len(amendment.changes)))
        _check_amendments(reform, lines, problems)
        problems.raise_if_any()
    return reform.model_copy(update={"file": file, "lines": change_lines})


def _check_amendments(reform: Reform, lines: Lines, problems: Problems) -> None:
    """Ids unique, dependencies that name amendments and form no cycle, no path written two ways."""
    ids = [a.id for a in reform.amendments]
    seen: set[str] = set()
    for i, amendment in enumerate(reform.amendments):
        if amendment.id in seen:
            problems.add(("amendments", i, "id"), f"amendment id {amendment.id!r} is used twice",
                         "give each amendment its own id")
        seen.add(amendment.id)
        for j, other in enumerate(amendment.depends_on):
            if other not in ids:
                problems.add(("amendments", i, "depends_on", j), unknown_name("amendment", other, ids, problem=(
                    f"amendment {amendment.id!r} depends on {other!r}, which is no amendment of this reform")))
            elif other == amendment.id:
                problems.add(("amendments", i, "depends_on", j), f"amendment {amendment.id!r} depends on itself",
                             "remove it from its own 'depends_on'")
    cycle = _dependency_cycle(reform.amendments)
    if cycle:
        first = ids.index(cycle[0])
        problems.add(("amendments", first, "depends_on"), "the dependencies form a cycle: " + " -> ".join(cycle),
                     "an amendment cannot need, directly or through others, an amendment that needs it: "
                     "remove one dependency of the cycle")
    if cycle:
        return
    needs = _all_needs(reform.amendments)
    written: dict[str, tuple[int, Patch]] = {}
    for i, amendment in enumerate(reform.amendments):
        for j, change in enumerate(amendment.changes):
            if change.path.endswith(".-"):
                continue  # appending to a list: two amendments may each add an item
            earlier = written.get(change.path)
            if earlier is not None and earlier[0] != i:
                first = reform.amendments[earlier[0]].id
                if first in needs[amendment.id]:
                    pass  # a dependent amendment refines what its prerequisite wrote (applied after it)
                elif amendment.id in needs[first]:
                    problems.add(("amendments", i, "id"), f"amendment {first!r} depends on {amendment.id!r} "
                                 f"but comes before it, and both write {change.path!r}",
                                 f"list {amendment.id!r} before {first!r}")
                elif (earlier[1].op, earlier[1].value) != (change.op, change.value):
                    problems.add(("amendments", i, "changes", j, "path"),
                                 f"amendments {first!r} and {amendment.id!r} both write {change.path!r}, differently",
                                 "let one amendment own each path, merge them, or make the one that refines "
                                 "the other depend on it")
            written[change.path] = (i, change)


def _all_needs(amendments) -> dict[str, set[str]]:
    """Each amendment's direct and indirect prerequisites (no cycles)."""
    direct = {a.id: set(a.depends_on) for a in amendments}
    found: dict[str, set[str]] = {}

    def of(ident: str) -> set[str]:
        if ident not in found:
            found[ident] = set()
            for other in direct.get(ident, ()):
                found[ident] |= {other} | of(other)
        return found[ident]

    for ident in direct:
        of(ident)
    return found


def _dependency_cycle(amendments) -> list[str] | None:
    """One cycle of ``depends_on`` as a list of ids (first repeated at the end), or ``None``."""
    ids = {a.id for a in amendments}
    return find_cycle({a.id: [d for d in a.depends_on if d != a.id and d in ids] for a in amendments})


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
    for index, change in enumerate(reform.patches):
        line = reform.lines[index] if index < len(reform.lines) else None
        change_line[change.path] = line
        try:
            change = change.model_copy(update={"path": _positional(data, change.path)})
            final = _patch(data, change)
        except ReformlabError as exc:
            problems.items.append(ReformlabError(exc.problem, file=reform.file, line=line,
                                                 field=f"{reform.change_field(index)}.path", fix=exc.fix))
            continue
        refs = _move_refs(refs, change, final, reform.reform)
    header = base.model_dump(exclude={"refs", *CONTENT})
    header["sources"] = {**header["sources"], **reform.sources}
    merged = {**header, **data, "refs": refs}
    lines = {tuple(split_path(path)): line for path, line in change_line.items() if line is not None}
    if reform.lines and reform.lines[0] is not None:
        lines[()] = reform.lines[0]  # a problem a change causes elsewhere points at the changes
    result = validate_or_raise(Constitution, merged, problems, lines)
    for path, message, fix in check(result):
        problems.add(path, message, fix, lines=lines)
    _check_sources(reform, result, problems)
    problems.raise_if_any()
    return result


def _check_sources(reform: Reform, result: Constitution, problems: Problems) -> None:
    for number, amendment in enumerate(reform.amendments):
        for source in amendment.sources:
            if source not in result.sources:
                problems.items.append(unknown_name(
                    "source", source, result.sources, file=reform.file,
                    line=reform.lines[0] if reform.lines else None, field=f"amendments.{number}.sources",
                    fix="add it to the reform's 'sources' table"))
    for index, change in enumerate(reform.patches):
        for source in change.ref(reform.reform).sources:
            if source not in result.sources:
                line = reform.lines[index] if index < len(reform.lines) else None
                problems.items.append(unknown_name(
                    "source", source, result.sources, file=reform.file, line=line,
                    field=f"{reform.change_field(index)}.source", fix="add it to the reform's 'sources' table"))


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
    except NoSuchItem as error:
        raise unknown_name("item", error.wanted, error.ids, problem=error.sentence) from None


class _Missing(Exception):
    """A path step that is not in the tree."""


def _patch(data: dict, change: Patch) -> str:
    """Apply one change to ``data`` in place; return the final path (``-`` replaced by the index)."""
    parts = split_path(change.path)
    if parts[0] not in CONTENT:
        raise unknown_name("path", parts[0], CONTENT, problem=f"path {change.path!r} does not exist")
    parent = data
    for depth, part in enumerate(parts[:-1]):
        parent = _step(parent, part, parts[: depth + 1], change.path)
    last = parts[-1]
    if isinstance(parent, dict):
        exists = last in parent
        if change.op == "add" and exists:
            raise ReformlabError(f"cannot add {change.path!r}: it already exists", fix="use 'op: set'")
        if change.op != "add" and not exists:
            raise unknown_name("path", last, parent, problem=f"path {change.path!r} does not exist")
        if change.op == "remove":
            del parent[last]
        else:
            parent[last] = copy.deepcopy(change.value)  # a later change must not edit the reform's own value
        return change.path
    if isinstance(parent, list):
        if change.op == "add":
            index = len(parent) if last == "-" else last
            if not isinstance(index, int) or index > len(parent):
                raise ReformlabError(f"cannot add at {change.path!r}: the list has {len(parent)} items",
                                     fix="give an index up to the list's length, or '-' for the end")
            parent.insert(index, copy.deepcopy(change.value))  # never share the reform's own value
            return join_path(parts[:-1] + [index])
        if not isinstance(last, int) or last >= len(parent):
            raise ReformlabError(f"path {change.path!r} does not exist: the list has {len(parent)} items")
        if change.op == "remove":
            del parent[last]
        else:
            parent[last] = copy.deepcopy(change.value)
        return change.path
    raise ReformlabError(f"path {change.path!r} does not exist: {join_path(parts[:-1])!r} is a single value")


def _step(node: Any, part: Any, so_far: list, path: str) -> Any:
    if isinstance(node, dict) and part in node:
        return node[part]
    if isinstance(node, list) and isinstance(part, int) and part < len(node):
        return node[part]
    choices = [str(k) for k in node] if isinstance(node, dict) else []
    raise unknown_name("path", part, choices, problem=f"path {path!r} does not exist (no {join_path(so_far)!r})")


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
