"""A reform as a package of amendments: the units it is made of, any subset of them, and a package read off
two versions of one tree.

The effect of a package is attributed to its amendments (:mod:`reformlab.analysis.decompose`) by evaluating
the base amended by subsets of them. This module gives those subsets: :func:`units` lists the amendments (a
flat reform's changes are each their own amendment), :func:`restrict` keeps some of them, and
:func:`package_from_versions` groups the differences of two dated versions into amendments when no package
is written for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from reformlab.errors import ReformlabError, unknown_name
from reformlab.model.constitution import Constitution
from reformlab.model.diff import diff
from reformlab.model.reform import Amendment, Patch, Reform, apply
from reformlab.model.tree import split_path


def units(reform: Reform) -> tuple[Amendment, ...]:
    """The amendments of ``reform``; a flat reform's changes each become one, named ``change-1``, ...."""
    if reform.amendments:
        return reform.amendments
    return tuple(
        Amendment(id=f"change-{n}", label=f"{change.op} {change.path}",
                  articles=(str(change.article),) if change.article is not None else (),
                  sources=(change.source,) if isinstance(change.source, str) else tuple(change.source or ()),
                  changes=(change,))
        for n, change in enumerate(reform.changes, start=1)
    )


def as_package(reform: Reform) -> Reform:
    """``reform`` with its changes grouped into amendments (a flat reform: one per change)."""
    if reform.amendments:
        return reform
    lines = reform.lines
    return reform.model_copy(update={"changes": (), "amendments": units(reform), "lines": lines})


def restrict(reform: Reform, keep: Iterable[str]) -> Reform | None:
    """The package with only the amendments named in ``keep`` (in the reform's order), or ``None`` when that
    leaves no change (the base itself)."""
    package = as_package(reform)
    keep = set(keep)
    unknown = keep - {a.id for a in package.amendments}
    if unknown:
        name = sorted(unknown)[0]
        raise unknown_name("amendment", name, [a.id for a in package.amendments],
                           problem=f"no amendment {name!r} in reform {reform.reform!r}")
    kept, lines, position = [], [], 0
    for amendment in package.amendments:
        count = len(amendment.changes)
        if amendment.id in keep:
            kept.append(amendment)
            lines.extend(package.lines[position:position + count])
        position += count
    if not kept:
        return None
    return package.model_copy(update={"amendments": tuple(kept), "lines": tuple(lines)})


def apply_subset(base: Constitution, reform: Reform, keep: Iterable[str]) -> Constitution:
    """``base`` amended by the amendments in ``keep`` only.

    Raises:
        ReformlabError: the subset does not make a valid constitution, which means an amendment in it needs
            one that is left out and does not say so.
    """
    keep = tuple(keep)
    partial = restrict(reform, keep)
    if partial is None:
        return base
    try:
        return apply(base, partial)
    except ReformlabError as exc:
        apply(base, reform)  # a package broken as a whole says so in its own words
        names = ", ".join(keep)
        raise ReformlabError(
            f"the amendments {{{names}}} without the others do not make a valid constitution: {exc.problem}",
            file=reform.file, line=exc.line,
            fix="declare what each amendment cannot stand without in its 'depends_on'",
        ) from exc


def package_from_versions(before: Constitution, after: Constitution, *, name: str | None = None) -> Reform:
    """The differences from ``before`` to ``after`` (two dated versions of one tree) as a package.

    Changes are grouped by the institution they touch (``bodies.majilis``, ``procedures.no_confidence``) and
    the article that makes them; a change inside a list (seat groups) replaces the whole list, since its
    items' positions differ between the versions. A group that cannot stand without the others of its
    institution is merged with them.
    """
    groups: dict[tuple[str, str], dict[str, Patch]] = {}
    after_tree = {name_: _tree(after, name_) for name_ in ("actors", "bodies", "procedures", "party_rules",
                                                           "unamendable")}
    for change in diff(before, after):
        path = _lift(change.path)
        institution = ".".join(split_path(path)[:2])
        article = change.article or "article unknown"
        key = (institution, article)
        value = _get(after_tree, path)
        patch = Patch(op="remove", path=path) if value is _ABSENT else Patch(
            op="set" if _get({k: _tree(before, k) for k in after_tree}, path) is not _ABSENT else "add",
            path=path, value=value, article=change.article, source=change.sources or None,
            confidence=change.confidence)
        groups.setdefault(key, {})[path] = patch
    merged = _merge_nested(groups)
    amendments = []
    taken: set[str] = set()
    for key, patches in merged.items():
        institution, article = key
        base_id = institution.split(".")[-1]
        if change_article := (article if article != "article unknown" else ""):
            base_id += "_" + "_".join("".join(ch if ch.isalnum() else " " for ch in change_article.split(";")[0]).split())
        ident = base_id
        count = 2
        while ident in taken:
            ident = f"{base_id}_{count}"
            count += 1
        taken.add(ident)
        amendments.append(Amendment(
            id=ident, label=f"{institution}: {', '.join(sorted({p.path for p in patches.values()}))}",
            articles=tuple(dict.fromkeys(str(p.article) for p in patches.values() if p.article is not None)),
            changes=tuple(patches.values())))
    if not amendments:
        raise ReformlabError(f"{before.id}@{before.as_of} and {after.id}@{after.as_of} do not differ: there is no "
                             "amendment to split", field="reform",
                             fix="give a later version in which some rule changes, or a reform file")
    reform = Reform(reform=name or f"{after.id}@{after.as_of}", base=before.id, date=before.as_of,
                    label=f"the changes from {before.as_of} to {after.as_of}", amendments=tuple(amendments))
    return _merge_dependent(before, reform)


_ABSENT = object()


def _tree(constitution: Constitution, name: str):
    from reformlab.model.tree import to_tree

    return to_tree(getattr(constitution, name))


def _get(trees: dict, path: str):
    node = trees
    for part in split_path(path):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return _ABSENT
    return node


def _lift(path: str) -> str:
    """The path up to the first list it goes through (the list as a whole)."""
    parts = split_path(path)
    for depth, part in enumerate(parts):
        if isinstance(part, int):
            return ".".join(str(p) for p in parts[:depth])
    return path


def _merge_nested(groups: dict[tuple[str, str], dict[str, Patch]]) -> dict[tuple[str, str], dict[str, Patch]]:
    """Groups whose paths overlap (one inside another's) become one: a path is written by one amendment."""
    merged: dict[tuple[str, str], dict[str, Patch]] = {}
    for key, patches in groups.items():
        target = next((k for k, ps in merged.items()
                       if any(_overlap(a, b) for a in ps for b in patches)), None)
        if target is None:
            merged[key] = dict(patches)
            continue
        for path, patch in patches.items():
            merged[target].setdefault(path, patch)
        _drop_inner(merged[target])
    return merged


def _overlap(a: str, b: str) -> bool:
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def _drop_inner(patches: dict[str, Patch]) -> None:
    for path in list(patches):
        if any(path.startswith(other + ".") for other in patches if other != path):
            del patches[path]


def _merge_dependent(base: Constitution, reform: Reform) -> Reform:
    """Make every amendment stand: one that is invalid alone gets as prerequisite the one other amendment
    that makes it valid and stands alone; where that one cannot stand without it either, or none helps,
    the two are merged (failing a helper, with another of its institution). No cycle of dependencies results."""
    amendments = {a.id: a for a in reform.amendments}

    def stands(ids: set[str]) -> bool:
        try:
            apply_subset(base, reform.model_copy(update={"amendments": tuple(amendments.values())}), ids)
        except ReformlabError:
            return False
        return True

    def closure(ident: str) -> set[str]:
        found, todo = set(), [ident]
        while todo:
            current = todo.pop()
            if current not in found:
                found.add(current)
                todo.extend(amendments[current].depends_on)
        return found

    for _ in range(len(reform.amendments) * 2):
        broken = next((i for i in amendments if not stands(closure(i))), None)
        if broken is None:
            break
        own = closure(broken)
        helper = next((other for other in amendments if other not in own and stands(own | closure(other))), None)
        if helper is not None and broken not in closure(helper) and stands(closure(helper)):
            amendment = amendments[broken]
            amendments[broken] = amendment.model_copy(update={"depends_on": amendment.depends_on + (helper,)})
            continue
        # the helper cannot stand without this one either (or there is none): one amendment, not a cycle
        institution = _institution(amendments[broken])
        partner = helper or next((i for i, a in amendments.items() if i != broken and _institution(a) == institution),
                                 None)
        if partner is None:
            break
        first, second = amendments[partner], amendments.pop(broken)
        amendments[partner] = first.model_copy(update={
            "articles": tuple(dict.fromkeys(first.articles + second.articles)),
            "depends_on": tuple(d for d in dict.fromkeys(first.depends_on + second.depends_on) if d != partner),
            "changes": first.changes + second.changes,
        })
        amendments = {i: a.model_copy(update={"depends_on": tuple(partner if d == broken else d for d in a.depends_on)})
                      for i, a in amendments.items()}
    return reform.model_copy(update={"amendments": tuple(amendments.values())})


def _institution(amendment: Amendment) -> str:
    return ".".join(str(p) for p in split_path(amendment.changes[0].path)[:2])


@lru_cache(maxsize=1)
def builtin_packages() -> tuple[Reform, ...]:
    """The reform packages shipped in ``reformlab/data/reforms`` (written amendment by amendment; read once)."""
    from importlib import resources

    from reformlab.model.reform import load_reform

    folder = resources.files("reformlab.data") / "reforms"
    if not folder.is_dir():
        return ()
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml")):
            found.append(load_reform(f"reformlab/data/reforms/{entry.name}", text=entry.read_text(encoding="utf-8")))
    return tuple(found)


def package_between(before: Constitution, after: Constitution) -> tuple[Reform, bool]:
    """The package that turns ``before`` into ``after``: a shipped one that does exactly that (``True``), or
    the differences grouped by :func:`package_from_versions` (``False``)."""
    for package in builtin_packages():
        if package.base != before.id or (package.date is not None and package.date != before.as_of):
            continue
        if not diff(apply(before, package), after):
            return package, True
    return package_from_versions(before, after), False
