"""The target syntax every command shares: ``kz``, ``kz@2007-06-01``, ``my.yaml``, ``my.yaml@2007-06-01``.

A target names a built-in constitution (by id) or a file: a constitution file, or a reform file (which is
applied to its base). ``@DATE`` picks the version in force that day; without it, the latest version (for a
reform: its own ``date``, else the base's latest).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reformlab.errors import ReformlabError, unknown_name
from reformlab.model.constitution import Constitution
from reformlab.model.dated import parse_date
from reformlab.model.loader import ConstitutionDocument, builtin_ids, document_from_data, load_builtin
from reformlab.model.reform import Reform, apply, is_reform_data, reform_from_data
from reformlab.yamlio import load_yaml, read_text


@dataclass(frozen=True)
class Target:
    """A parsed target: what it names and at which date.

    Attributes:
        text: the target as written.
        document: the constitution (all versions), or for a reform its base.
        reform: the reform, when the target is a reform file.
        date: the ``@DATE`` part, if any.
    """

    text: str
    document: ConstitutionDocument
    reform: Reform | None = None
    date: dt.date | None = None

    def resolve(self) -> Constitution:
        """The constitution the target denotes (a reform applied to its base).

        A date after today is refused: the data record the law as enacted, not as it will be, so the last
        version would be shown for a future it may not describe.
        """
        today = dt.date.today()
        if self.date is not None and self.date > today:
            last = max(d for d in self.document.versions if d <= today) if any(
                d <= today for d in self.document.versions) else min(self.document.versions)
            raise ReformlabError(
                f"{self.date} is in the future; the last version of {self.document.id!r} known is of {last} "
                f"({self.document.version_label(last)})", field="target",
                fix=f"give a date up to {today}, or {self.text.rpartition('@')[0]} alone for the latest version")
        if self.reform is None:
            return self.document.as_of(self.date)
        return apply(self.document.as_of(self.date or self.reform.date), self.reform)


def split_target(text: str) -> tuple[str, dt.date | None]:
    """``"kz@2007-06-01"`` -> ``("kz", date(2007, 6, 1))``; ``"kz"`` -> ``("kz", None)``.

    >>> split_target("kz@2007-06-01")
    ('kz', datetime.date(2007, 6, 1))
    """
    if "@" not in text or Path(text).is_file():
        return text, None
    name, _, when = text.rpartition("@")
    try:
        return name, parse_date(when)
    except ValueError as exc:
        raise ReformlabError(f"the date in target {text!r} does not parse: {exc}", field="target",
                             fix="write ID@YYYY-MM-DD, e.g. kz@2007-06-01") from None


def parse_target(text: str) -> Target:
    """Parse and load a target (see the module docstring); nothing is resolved yet."""
    name, when = split_target(text.strip())
    path = Path(name)
    if name in builtin_ids() and not path.is_file():
        return Target(text, load_builtin(name), date=when)
    if path.suffix.lower() in (".yaml", ".yml") or path.exists():
        return _file_target(text, path, when)
    raise unknown_name("constitution", name, builtin_ids(), field="target", fix="give a path to a .yaml file",
                       problem=f"no built-in constitution or file {name!r}")


def _file_target(text: str, path: Path, when: dt.date | None) -> Target:
    data, lines = load_yaml(read_text(path), str(path))
    if is_reform_data(data):
        reform = reform_from_data(data, lines, str(path))
        return Target(text, _base_document(reform, path), reform=reform, date=when)
    return Target(text, document_from_data(data, lines, str(path)), date=when)


def _base_document(reform: Reform, path: Path) -> ConstitutionDocument:
    if reform.base in builtin_ids():
        return load_builtin(reform.base)
    base_path = (path.parent / reform.base) if not Path(reform.base).is_absolute() else Path(reform.base)
    if not base_path.is_file():
        raise unknown_name("base", reform.base, builtin_ids(), file=str(path), field="base",
                           problem=f"the reform's base {reform.base!r} is neither a built-in id nor a file")
    data, lines = load_yaml(read_text(base_path), str(base_path))
    return document_from_data(data, lines, str(base_path))


def resolve_target(text: str) -> Constitution:
    """The constitution a target denotes: ``kz`` (latest), ``kz@2007-06-01``, a file, ``file.yaml@DATE``.

    >>> resolve_target("kz@2007-06-01").bodies["majilis"].size
    107
    """
    return parse_target(text).resolve()
