"""Loading process files: parse safely, validate the schema and every cross-reference, each problem with its line.

:func:`load_process` reads the built-in process (``data/process/kz_2002_2007.yaml``) or a user's file. Problems
are collected and raised together as one :class:`~reformlab.model.InvalidFile`, each naming the file, the line,
the field and the fix (a proposal whose outcome names no amendment, an end before the start, more members than
the body has, an unknown outcome kind, an unknown source...).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from reformlab.errors import ReformlabError, unknown_name
from reformlab.model.problems import Problems, data_path, validate_or_raise
from reformlab.yamlio import Lines, load_yaml, read_text
from reformlab.process import schema
from reformlab.process.schema import OUTCOMES, Process, facts

BUILTIN = "kz_2002_2007"
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def builtin_path() -> Path:
    """Where the built-in process file lives (counterfactual reform files are relative to it)."""
    return Path(str(resources.files("reformlab.data").joinpath(f"process/{BUILTIN}.yaml")))


def load_process(path: str | Path | None = None, *, text: str | None = None) -> Process:
    """Read and validate a process file (the built-in Kazakh one when ``path`` is None).

    Raises:
        InvalidFile: every problem found, each located (file, line, field) with its fix.
    """
    path = builtin_path() if path is None else Path(path)
    file = f"reformlab/data/process/{BUILTIN}.yaml" if path == builtin_path() else str(path)
    data, lines = load_yaml(read_text(path) if text is None else text, file)
    if not isinstance(data, dict) or "bodies" not in data:
        raise ReformlabError("not a process file: it has no 'bodies'", file=file, line=1,
                             fix="start from reformlab/data/process/kz_2002_2007.yaml")
    problems = Problems(file, lines)
    process = validate_or_raise(Process, data, problems, lines, translate=_add_validation_errors)
    check_process(process, data, problems, base=path.parent)
    problems.raise_if_any()
    return process.model_copy(update={"file": str(path)})


def _add_validation_errors(problems: Problems, error: ValidationError, data: Any, lines: Lines) -> None:
    """Pydantic errors as located problems, one per mistake: the deepest error of a path only, and a misspelt
    field reported once (as the unknown field, with the missing one as the fix) rather than twice."""
    found: dict[tuple, tuple[str, str]] = {}
    for err in error.errors(include_url=False):
        loc = tuple(err["loc"])
        path = data_path(data, loc) if err["type"] != "missing" else data_path(data, loc[:-1]) + (loc[-1],)
        found.setdefault(path, (err["type"], err["msg"].removeprefix("Value error, ")))
    missing = {path for path, (kind, _) in found.items() if kind == "missing"}
    for path, (kind, message) in found.items():
        if any(other != path and other[: len(path)] == path for other in found):
            continue  # a container whose items have their own, more precise errors
        fix = None
        if kind == "missing":
            if any(p[:-1] == path[:-1] and found[p][0] == "extra_forbidden" for p in found):
                continue  # reported with the misspelt field beside it
            message = f"missing field {str(path[-1])!r}"
            fix = f"add '{path[-1]}: ...' (write 'unknown' if no source gives it)"
        elif kind == "extra_forbidden":
            siblings = [str(p[-1]) for p in missing if p[:-1] == path[:-1]]
            message = f"unknown field {str(path[-1])!r}"
            fix = unknown_name("field", path[-1], siblings or _field_names()).fix
        problems.add(path, message, fix, lines=lines)


def _field_names() -> set[str]:
    names: set[str] = set()
    for value in vars(schema).values():
        if isinstance(value, type) and issubclass(value, schema.ProcessModel):
            names |= set(value.model_fields)
    return names


def partial_date_range(value: Any) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date as precise as its source can mean (``2004-11`` -> Nov 1 .. Nov 30).

    >>> partial_date_range("2004-11")
    (datetime.date(2004, 11, 1), datetime.date(2004, 11, 30))
    """
    if isinstance(value, dt.date):
        return value, value
    match = _PARTIAL.match(str(value)) if isinstance(value, (str, int)) else None
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            exact = dt.date(year, month, day)
            return exact, exact
        if month is not None:
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


def _check_package(process: Process, base: Path, problems: Problems) -> None:
    """``package.reform`` names a shipped reform (or a reform file beside the process file) of the process's
    constitution and date, and every amendment is one of its amendments (by id or ``in_package``)."""
    from reformlab.process.amendments import package_of

    if process.package.reform is None:
        return
    try:
        package = package_of(process.package.reform, base)
    except ReformlabError as error:
        problems.add("package.reform", error)
        return
    if package.base != process.constitution or (package.date is not None and package.date != process.package.before):
        problems.add("package.reform", f"the reform {package.reform!r} amends {package.base}@{package.date}, not "
                     f"{process.constitution}@{process.package.before}", "name the reform that makes this package")
        return
    ids = [a.id for a in package.amendments]
    for index, amendment in enumerate(process.amendments):
        if amendment.package_id not in ids:
            field = "in_package" if amendment.in_package else "id"
            problems.add(f"amendments.{index}.{field}", unknown_name(
                "amendment", amendment.package_id, ids, fix="give its id, or the package's id in 'in_package'",
                problem=f"the reform {package.reform!r} has no amendment {amendment.package_id!r}"))


def check_process(process: Process, data: dict, problems: Problems, *, base: Path) -> None:
    """Every cross-reference and number that the schema alone cannot check."""
    from reformlab.model import builtin_ids

    if process.constitution not in builtin_ids():
        problems.add("constitution", unknown_name("constitution", process.constitution, builtin_ids(),
                                                  problem=f"no built-in constitution {process.constitution!r}"))
    if process.package.after <= process.package.before:
        problems.add("package.after", f"the package takes effect ({process.package.after}) before the version it "
                     f"amends ({process.package.before})", "give 'after' a later date than 'before'")
    ids = {}
    for section in ("bodies", "areas", "amendments", "proposals", "counterfactuals", "district_assumptions"):
        ids[section] = _unique(getattr(process, section), section, problems)
    _check_sources(data, set(process.sources), problems)
    for name in ("announced", "adopted"):
        field = getattr(process.package, name)
        for j, fact in enumerate(facts(field)):
            if fact.known and partial_date_range(fact.value) is None:
                at = f"package.{name}" + (f".{j}" if isinstance(field, tuple) else "") + ".value"
                problems.add(at, f"{fact.value!r} is not a date", "write YYYY-MM-DD, YYYY-MM or YYYY")
    for index, body in enumerate(process.bodies):
        _check_body(body, f"bodies.{index}", problems)
    for index, area in enumerate(process.areas):
        if area.body not in ids["bodies"]:
            problems.add(f"areas.{index}.body", unknown_name("body", area.body, ids["bodies"]))
    found = len(problems.items)
    for index, proposal in enumerate(process.proposals):
        _check_proposal(proposal, f"proposals.{index}", ids, problems)
    if len(problems.items) == found:  # a broken outcome would make every amendment it names look untraced
        _check_traces(process, ids["amendments"], problems)
    for index, amendment in enumerate(process.amendments):
        for j, other in enumerate(amendment.requires):
            if other not in ids["amendments"]:
                problems.add(f"amendments.{index}.requires.{j}",
                             unknown_name("amendment", other, ids["amendments"]))
    _check_package(process, base, problems)
    for index, counterfactual in enumerate(process.counterfactuals):
        where = f"counterfactuals.{index}"
        for j, proposal in enumerate(counterfactual.proposals):
            if proposal not in ids["proposals"]:
                problems.add(f"{where}.proposals.{j}", unknown_name("proposal", proposal, ids["proposals"]))
        if not (base / counterfactual.file).is_file():
            problems.add(f"{where}.file", f"the reform file {counterfactual.file!r} does not exist",
                         "give a path relative to the process file")
    for index, assumption in enumerate(process.district_assumptions):
        if (assumption.seats is None) == (assumption.election is None):
            problems.add(f"district_assumptions.{index}", "give exactly one of 'seats' or 'election'",
                         "declare the districts won (seats: {party: n}) or name a built-in election")
            continue
        negative = [party for party, seats in (assumption.seats or {}).items() if seats < 0]
        if negative:
            problems.add(f"district_assumptions.{index}.seats.{negative[0]}", "seats must not be negative",
                         "give a whole number of districts, 0 or more")


def _unique(items, section: str, problems: Problems) -> list[str]:
    found: list[str] = []
    for index, item in enumerate(items):
        if item.id in found:
            problems.add(f"{section}.{index}.id", f"duplicate id {item.id!r}", "give each entry its own id")
        found.append(item.id)
    return found


def _check_sources(data: Any, known: set[str], problems: Problems, path: tuple = ()) -> None:
    """Every ``source`` key anywhere in the file names an entry of ``sources``."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "source" and path[:1] != ("sources",):
                for j, name in enumerate([value] if isinstance(value, str) else value or []):
                    if isinstance(name, str) and name not in known:
                        at = path + (key,) if isinstance(value, str) else path + (key, j)
                        problems.add(at, unknown_name("source", name, known, fix="add it to the 'sources' table"))
            elif key != "sources" or path:
                _check_sources(value, known, problems, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _check_sources(value, known, problems, path + (index,))


def _check_body(body, where: str, problems: Problems) -> None:
    starts, ends = [], []
    for name, out in (("start", starts), ("end", ends)):
        for j, fact in enumerate(facts(getattr(body, name))):
            if not fact.known:
                continue
            span = partial_date_range(fact.value)
            at = f"{where}.{name}" + (f".{j}" if isinstance(getattr(body, name), tuple) else "") + ".value"
            if span is None:
                problems.add(at, f"{fact.value!r} is not a date", "write YYYY-MM-DD, YYYY-MM or YYYY")
            else:
                out.append(span)
    if starts and ends and max(end for _, end in ends) < min(start for start, _ in starts):
        problems.add(f"{where}.end", f"the body ends ({max(e for _, e in ends)}) before it starts "
                     f"({min(s for s, _ in starts)})", "check the dates and their sources")
    for j, fact in enumerate(facts(body.status)):
        if fact.known and fact.value not in schema.STATUSES:
            problems.add(f"{where}.status" + (f".{j}" if isinstance(body.status, tuple) else "") + ".value",
                         unknown_name("status", fact.value, schema.STATUSES))
    for j, fact in enumerate(facts(body.composition)):
        if fact.known and fact.value not in schema.COMPOSITIONS:
            problems.add(f"{where}.composition.value",
                         unknown_name("composition", fact.value, schema.COMPOSITIONS))
    for j, fact in enumerate(facts(body.output)):
        if fact.kind not in schema.OUTPUT_KINDS and fact.kind != "unknown":
            problems.add(f"{where}.output.kind", unknown_name("output kind", fact.kind, schema.OUTPUT_KINDS))
    sizes = [f.value for f in facts(body.size) if f.known]
    bad_size = [s for s in sizes if isinstance(s, bool) or not isinstance(s, int) or s < 1]
    if bad_size:
        problems.add(f"{where}.size.value", f"the size must be a whole number of members, got {bad_size[0]!r}",
                     "write the number of members, or 'unknown'")
        return
    _check_members(body, where, min(sizes) if sizes else None, problems)
    for j, party in enumerate(body.parties):
        for name in ("invited", "took_part"):
            for fact in facts(getattr(party, name)):
                if fact.known and not isinstance(fact.value, bool):
                    problems.add(f"{where}.parties.{j}.{name}", f"{name} must be true, false or unknown, "
                                 f"got {fact.value!r}", "write true, false or unknown")


def _check_members(body, where: str, size: int | None, problems: Problems) -> None:
    total = 0
    for j, group in enumerate(body.members):
        if group.affiliation not in schema.AFFILIATIONS:
            problems.add(f"{where}.members.{j}.affiliation",
                         unknown_name("affiliation", group.affiliation, schema.AFFILIATIONS))
        if not isinstance(group.count, int):
            continue
        if group.count < 0:
            problems.add(f"{where}.members.{j}.count", "a member count must not be negative", "write 0 or more")
            continue
        named = len(group.names)
        if group.count < named:
            problems.add(f"{where}.members.{j}.count", f"{group.count} members, but {named} are named",
                         "raise the count or write 'unknown'")
        if size is not None and group.count > size:
            problems.add(f"{where}.members.{j}.count", f"{group.count} {group.affiliation} members, more than the "
                         f"body's {size}", "check the count against the body's size (or write 'unknown')")
            return
        total += group.count
    if size is not None and total > size:
        problems.add(f"{where}.members", f"the member counts add up to {total}, more than the body's {size}",
                     "check the counts against the body's size")


def _check_proposal(proposal, where: str, ids: dict, problems: Problems) -> None:
    if proposal.body is not None and proposal.body not in ids["bodies"]:
        problems.add(f"{where}.body", unknown_name("body", proposal.body, ids["bodies"]))
    if proposal.area is not None and proposal.area not in ids["areas"]:
        problems.add(f"{where}.area", unknown_name("area", proposal.area, ids["areas"]))
    for j, counterfactual in enumerate(proposal.counterfactuals):
        if counterfactual not in ids["counterfactuals"]:
            problems.add(f"{where}.counterfactuals.{j}",
                         unknown_name("counterfactual", counterfactual, ids["counterfactuals"]))
    outcome = proposal.outcome
    if outcome.kind not in OUTCOMES:
        problems.add(f"{where}.outcome.kind", unknown_name("outcome kind", outcome.kind, OUTCOMES))
        return
    meaning = OUTCOMES[outcome.kind]
    if meaning["needs_amendments"] and not outcome.amendments:
        problems.add(f"{where}.outcome", f"the outcome '{outcome.kind}' names no amendment",
                     "list the ids of the amendments that implement it under 'amendments' "
                     "(or use 'kind: not_adopted')")
    if not meaning["needs_amendments"] and outcome.amendments:
        problems.add(f"{where}.outcome.amendments", f"a proposal '{outcome.kind}' implements no amendment",
                     "move them to 'instead' (adopted in its place) or change the kind")
    if meaning["inside"] and proposal.body is None:
        problems.add(f"{where}.body", f"a proposal '{outcome.kind}' needs the body it came from",
                     "name the body, or use 'kind: added_outside_process' with 'by'")
    if not meaning["inside"] and not outcome.by:
        problems.add(f"{where}.outcome", "an addition outside the process needs 'by' (who added it)",
                     "add 'by: parliament' (or whoever the sources name)")
    for name in ("amendments", "instead"):
        for j, amendment in enumerate(getattr(outcome, name)):
            if amendment not in ids["amendments"]:
                problems.add(f"{where}.outcome.{name}.{j}",
                             unknown_name("amendment", amendment, ids["amendments"]))


def _check_traces(process: Process, amendment_ids: list[str], problems: Problems) -> None:
    """Every amendment traces to a proposal, or is listed as untraced (never both, never neither)."""
    untraced = {}
    for index, item in enumerate(process.untraced):
        if item.amendment not in amendment_ids:
            problems.add(f"untraced.{index}.amendment", unknown_name("amendment", item.amendment, amendment_ids))
        untraced[item.amendment] = index
    for index, amendment in enumerate(process.amendments):
        traced = process.traced_to(amendment.id)
        if traced and amendment.id in untraced:
            problems.add(f"untraced.{untraced[amendment.id]}.amendment",
                         f"amendment {amendment.id!r} is traced to {traced[0].id!r} and also listed as untraced",
                         "remove it from 'untraced'")
        elif not traced and amendment.id not in untraced:
            problems.add(f"amendments.{index}.id", f"amendment {amendment.id!r} traces to no proposal",
                         "name it in a proposal's outcome (or one added outside the process), "
                         "or list it under 'untraced' with a note")
