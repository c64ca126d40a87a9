"""Loading constitution files: parse safely, validate every version, report every problem with its line.

:func:`load_constitution` reads a file (or text) into a :class:`ConstitutionDocument`, the dated tree of all
versions, after checking that every version resolves to a valid, consistent :class:`Constitution`. Problems
are collected, not stopped at: :class:`InvalidFile` carries all of them, each a located
:class:`~reformlab.errors.ReformlabError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import ValidationError

from reformlab.errors import ReformlabError, unknown_name
from reformlab.model.checks import check
from reformlab.model.constitution import SCHEMA_VERSION, Constitution
from reformlab.model.dated import parse_date, resolve
from reformlab.model.problems import InvalidFile, Problems, add_validation_errors
from reformlab.yamlio import Lines, load_yaml, read_text

HEADER = ("schema_version", "id", "label", "country", "note", "sources", "versions")


@dataclass(frozen=True)
class ConstitutionDocument:
    """All versions of one constitution as a dated tree; :meth:`as_of` resolves one version.

    Attributes:
        raw: the parsed file (read-only mapping).
        file: where it was read from (for messages).
    """

    raw: Mapping[str, Any]
    file: str | None = None
    lines: Mapping[tuple, int] = field(default_factory=dict, repr=False, compare=False)
    _resolved: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def id(self) -> str:
        return self.raw["id"]

    @property
    def label(self) -> str:
        return self.raw.get("label", self.id)

    @property
    def versions(self) -> tuple[dt.date, ...]:
        """The version dates, earliest first."""
        return tuple(sorted(parse_date(d) for d in self.raw.get("versions", {})))

    def version_label(self, day: dt.date) -> str:
        """The label of the version dated ``day``."""
        for key, info in self.raw.get("versions", {}).items():
            if parse_date(key) == day:
                return info.get("label", "") if isinstance(info, Mapping) else ""
        raise KeyError(day)

    def as_of(self, when: dt.date | str | None = None) -> Constitution:
        """The constitution in force on ``when`` (default: the latest version).

        Raises:
            ReformlabError: ``when`` is before the first version, or the version is invalid.
        """
        day = self.versions[-1] if when is None else parse_date(when)
        if day < self.versions[0]:
            raise ReformlabError(
                f"{self.id} has no version in force on {day}; the first is {self.versions[0]}",
                file=self.file, fix=f"use a date on or after {self.versions[0]}",
            )
        if day not in self._resolved:  # resolving is pure, so each date is resolved once
            problems = Problems(self.file, dict(self.lines))
            result = _resolve_version(self.raw, day, problems)
            problems.raise_if_any()
            self._resolved[day] = result
        return self._resolved[day]

    def latest(self) -> Constitution:
        """The latest version."""
        return self.as_of(None)


def _resolve_version(raw: Mapping, day: dt.date, problems: Problems) -> Constitution | None:
    sources = raw.get("sources")
    versions = {parse_date(d) for d in raw.get("versions", {})}
    res = resolve(raw, day, versions, set(sources) if isinstance(sources, Mapping) else None,
                  problems.lines, skip=("sources", "versions"))
    for raw_path, message, fix in res.problems:
        problems.add(raw_path, message, fix)
    data = dict(res.data, as_of=day, refs=res.refs)
    try:
        constitution = Constitution.model_validate(data)
    except ValidationError as exc:
        add_validation_errors(problems, exc, data, res.lines)
        return None
    for path, message, fix in check(constitution):
        problems.add(path, message, fix, lines=res.lines, version=constitution.version)
    return constitution


def _check_header(raw: Any, problems: Problems) -> list[dt.date]:
    if not isinstance(raw, Mapping):
        problems.add((), "a constitution file must be a mapping with 'schema_version', 'id', 'versions', 'bodies'")
        return []
    if raw.get("schema_version") != SCHEMA_VERSION:
        problems.add(("schema_version",), f"'schema_version' must be {SCHEMA_VERSION}, got {raw.get('schema_version')!r}",
                     f"write 'schema_version: {SCHEMA_VERSION}'")
    versions = raw.get("versions")
    if not isinstance(versions, Mapping) or not versions:
        problems.add(("versions",), "'versions' must map each version date to its label", "add 'versions:'")
        return []
    days = []
    for key in versions:
        try:
            days.append(parse_date(key))
        except ValueError as exc:
            problems.add(("versions", key), str(exc))
    return days


def load_constitution(source: str | Path, *, text: str | None = None) -> ConstitutionDocument:
    """Read and validate a constitution file; every version must resolve cleanly.

    Args:
        source: the file path (also used in messages when ``text`` is given).
        text: the file's content, if already read.

    Raises:
        InvalidFile: listing every problem found, each with file, line and path.
        ReformlabError: the file cannot be read or is not YAML.
    """
    file = str(source)
    raw, lines = load_yaml(read_text(source) if text is None else text, file)
    return document_from_data(raw, lines, file)


def document_from_data(raw: Any, lines: Lines, file: str | None) -> ConstitutionDocument:
    """Validate parsed data (every version) and wrap it as a frozen :class:`ConstitutionDocument`."""
    problems = Problems(file, lines)
    days = _check_header(raw, problems)
    problems.raise_if_any()
    for day in sorted(days):
        _resolve_version(raw, day, problems)
    problems.raise_if_any()
    return ConstitutionDocument(raw=deep_freeze(raw), file=file, lines=MappingProxyType(dict(lines)))


def deep_freeze(value: Any) -> Any:
    """A read-only copy: mappings become ``MappingProxyType``, lists become tuples."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: deep_freeze(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(deep_freeze(v) for v in value)
    return value


def builtin_dir():
    """The folder of built-in constitution files (``reformlab/data/constitutions``)."""
    return resources.files("reformlab.data").joinpath("constitutions")


def builtin_ids() -> tuple[str, ...]:
    """Ids of the built-in constitutions (file stems), sorted."""
    folder = builtin_dir()
    return tuple(sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml")))


def resource_stamp(*files) -> tuple:
    """What tells one state of package data files from another: each file's name, size and modification
    time (data inside a zip cannot change, so it has only its name). A cache of parsed built-in data keyed by
    this never serves a file as it was before someone edited it in a source checkout."""
    stamp = []
    for file in files:
        try:
            status = Path(file).stat() if isinstance(file, Path) else None
        except OSError:
            status = None
        stamp.append((file.name, status.st_size, status.st_mtime_ns) if status else (file.name,))
    return tuple(stamp)


_CACHE: dict[str, tuple[tuple, ConstitutionDocument]] = {}  # id -> (stamp of its file, document); one per id


def load_builtin(constitution_id: str) -> ConstitutionDocument:
    """The built-in constitution ``constitution_id`` (e.g. ``"kz"``), parsed once per state of its file."""
    ids = builtin_ids()
    if constitution_id not in ids:
        raise unknown_name("constitution", constitution_id, ids, field="target",
                           problem=f"no built-in constitution {constitution_id!r}")
    path = builtin_dir().joinpath(f"{constitution_id}.yaml")
    stamp = resource_stamp(path)
    cached = _CACHE.get(constitution_id)
    if cached is None or cached[0] != stamp:
        cached = stamp, load_constitution(f"{constitution_id}.yaml", text=path.read_text("utf-8"))
        _CACHE[constitution_id] = cached
    return cached[1]
