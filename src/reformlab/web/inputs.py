"""What a client may send: built-in versions, reforms as data or YAML text, examples by id; never a path.

Every request names a version by the target syntax restricted to built-in ids (``kz``, ``kz@2007-05-21``),
or carries a reform (as data, as the text of an uploaded YAML file, or the id of one of the server's
examples). Nothing a client sends is ever opened as a file: the server lists its examples itself and a
reform's ``base`` must be a built-in constitution.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from reformlab.errors import ReformlabError, unknown_name
from reformlab.model import Constitution, Reform, apply, builtin_ids, load_builtin
from reformlab.model.dated import parse_date
from reformlab.model.reform import is_reform_data, reform_from_data
from reformlab.yamlio import load_yaml

#: Largest reform YAML accepted (characters); request bodies as a whole are limited in :mod:`.app`.
MAX_YAML = 200_000
MAX_NAME = 200
DEFAULT_BEFORE = "kz@2007-05-20"
DEFAULT_AFTER = "kz@2007-05-21"
#: Where the examples live in a source checkout; an installed wheel has none (the list is then empty).
EXAMPLES_DIR = Path(__file__).resolve().parents[3] / "examples"


class Version(BaseModel):
    """One side of a comparison: a built-in version, or a reform (data, YAML text or example id)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    target: str = Field(DEFAULT_AFTER, max_length=MAX_NAME,
                        description="A built-in version: ID or ID@YYYY-MM-DD, e.g. kz@2007-05-21 (never a path).")
    reform: dict[str, Any] | None = Field(
        None, description="A reform as data, with the keys of a reform file (reform, base, date, changes...); "
                          "it replaces `target`.")
    reform_yaml: str | None = Field(None, max_length=MAX_YAML, description="The text of a reform YAML file.")
    example: str | None = Field(None, max_length=MAX_NAME, description="The id of a server example (GET /api/options).")
    scenario: str | None = Field(None, max_length=MAX_NAME,
                                 description="A built-in scenario id (default: the one fitting the version).")
    alignments: dict[str, str] = Field(default_factory=dict, max_length=100,
                                       description="PARTY -> PRINCIPAL overrides, as --align PARTY=PRINCIPAL.")

    def key(self) -> str:
        """A hash of everything that determines this side (the cache key)."""
        return digest(self.model_dump(mode="json"))


def digest(data: Any) -> str:
    """SHA-256 of ``data`` as canonical JSON."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def examples() -> dict[str, Path]:
    """The server's example reforms by id (the file's stem); only reform files are listed."""
    found = {}
    if EXAMPLES_DIR.is_dir():
        for path in sorted(EXAMPLES_DIR.glob("*.yaml")):
            try:
                data, _ = load_yaml(path.read_text(encoding="utf-8"), path.name)
            except (OSError, ReformlabError):
                continue
            if is_reform_data(data):
                found[path.stem] = path
    return found


def example_label(path: Path) -> str:
    data, _ = load_yaml(path.read_text(encoding="utf-8"), path.name)
    return str(data.get("label") or path.stem)


def builtin_version(target: str, field: str = "target") -> Constitution:
    """The built-in version ``ID`` or ``ID@DATE`` names (the CLI's target syntax, without files)."""
    name, sep, when = target.strip().partition("@")
    if name not in builtin_ids():
        raise unknown_name("constitution", name, builtin_ids(), field=field,
                           problem=f"no built-in constitution {name!r}",
                           fix="open a built-in version (the web app opens built-in versions only)")
    date = None
    if sep:
        try:
            date = parse_date(when)
        except (ValueError, TypeError) as exc:
            raise ReformlabError(f"the date in target {target!r} does not parse: {exc}", field=field,
                                 fix="write ID@YYYY-MM-DD, e.g. kz@2007-06-01") from None
    return load_builtin(name).as_of(date)


def reform_of(version: Version) -> Reform | None:
    """The reform a side carries, validated (at most one of reform, reform_yaml and example)."""
    given = [k for k in ("reform", "reform_yaml", "example") if getattr(version, k) is not None]
    if len(given) > 1:
        raise ReformlabError(f"give one of {', '.join(given)}, not several", field=given[1],
                             fix="send the reform once: as data, as YAML text, or as an example id")
    if not given:
        return None
    if version.example is not None:
        known = examples()
        if version.example not in known:
            raise unknown_name("example", version.example, known, field="example",
                               problem=f"no example {version.example!r}", fix="see GET /api/options")
        path = known[version.example]
        data, lines = load_yaml(path.read_text(encoding="utf-8"), f"examples/{path.name}")
        return reform_from_data(data, lines, f"examples/{path.name}")
    if version.reform_yaml is not None:
        data, lines = load_yaml(version.reform_yaml, "reform.yaml")
        if not is_reform_data(data):
            raise ReformlabError("not a reform file: it has no 'reform' key", file="reform.yaml", line=1,
                                 fix="start the file with 'reform: <id>'")
        return reform_from_data(data, lines, "reform.yaml")
    return reform_from_data(version.reform, {}, "reform")


def constitution_of(version: Version) -> tuple[Constitution, Reform | None]:
    """The constitution a side denotes: the reform applied to its built-in base, else the target."""
    reform = reform_of(version)
    if reform is None:
        return builtin_version(version.target), None
    if reform.base not in builtin_ids():
        raise unknown_name("base", reform.base, builtin_ids(), file=reform.file, field="base",
                           problem=f"the reform's base {reform.base!r} is not a built-in constitution",
                           fix="base it on a built-in version (the web app never opens a file a reform names)")
    base = load_builtin(reform.base).as_of(reform.date)
    return apply(base, reform), reform


def side_name(version: Version, reform: Reform | None, constitution: Constitution) -> str:
    """How a side is named in headings: the target, or ``reform <id>`` on ``base@date``."""
    if reform is None:
        return version.target.strip()
    return f"reform {reform.reform} ({constitution.id}@{constitution.as_of})"
