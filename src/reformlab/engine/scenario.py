"""Scenarios: who actually sat in each body (election results) and who answers to whom (alignments).

A constitution says how seats are filled; a scenario says with whom. It names, for seat groups filled by
popular vote, the built-in election whose results fill them; for bodies whose membership the fact base does
not give (the maslikhats), the principal assumed to control them; and, for parties, the principal each
answers to (``Nur Otan -> president``). Alignments and controllers are assumptions, each with a source and a
confidence, and can be varied (:meth:`Scenario.with_alignments`).
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, model_validator

from reformlab.errors import ReformlabError, unknown_name
from reformlab.model.loader import resource_stamp
from reformlab.model.problems import Problems, add_validation_errors
from reformlab.model.values import FrozenModel
from reformlab.yamlio import load_yaml, read_text

Confidence = Literal["high", "medium", "low", "unknown"]


class Assumption(FrozenModel):
    """An actor taken to answer to ``principal``, with the evidence for it.

    Attributes:
        principal: the actor at the end of the chain (``president``), or the party itself.
        source: key(s) into the scenario's or the constitution's sources.
        confidence: how sure the evidence is (``high`` / ``medium`` / ``low``).
        note: what the source says, in a sentence.
    """

    principal: str
    source: str | tuple[str, ...] = ()
    confidence: Confidence = "low"
    note: str | None = None

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.source,) if isinstance(self.source, str) else tuple(self.source)


class Choice(FrozenModel):
    """A modelling choice no fact settles (the 18 independents each their own principal), named as an
    assumption: what is taken, why, how sure, and what else it could be.

    Attributes:
        choice: what the scenario takes, in words.
        reason: why (the evidence, or that there is none and what the choice is the bound of).
        confidence: ``medium``, ``low`` or ``unknown`` (a choice no fact supports is never ``high``).
        alternatives: the other readings, in words.
        about: the subject whose choice in the assumption space (:mod:`reformlab.analysis.assumptions`)
            these grounds are for: a party, a body, or ``independents``.
    """

    choice: str = Field(min_length=1)
    reason: str = Field(min_length=1)
    confidence: Literal["medium", "low", "unknown"]
    alternatives: tuple[str, ...] = ()
    source: str | tuple[str, ...] = ()
    about: str | None = None  # the subject of the assumption space it grounds (``independents``, ``apk``)


class ElectionSeats(FrozenModel):
    """Where a seat group's members come from, one of:

    * ``election``: a built-in election: its ``list`` tier allocated under the version's own rule, or the
      declared ``smd`` (single-member) winners;
    * ``votes`` (party -> votes, in ballot order, with optional ``ballots_cast`` and ``against_all``): allocated
      under the version's own rule, so a reform that changes the rule changes the seats;
    * ``districts`` (district -> party or candidate -> votes): for single-member seats (each district
      elected by the tier's formula; ``runoff`` gives the second round where no one has the majority) or
      list seats per district;
    * ``seats`` (party -> seats): the declared result, taken as it is;
    * ``tiers`` (tier name -> any of the above): for a ``parallel`` tier, the results of each of its tiers.

    A compensatory (mixed-member proportional) tier takes list ``votes`` (or a built-in ``election``'s) and
    the ``district_seats`` each party won.
    """

    election: str | None = None
    tier: Literal["list", "smd"] = "list"
    votes: dict[str, int] | None = None
    ballots_cast: int | None = Field(default=None, ge=0)
    against_all: int | None = Field(default=None, ge=0)
    districts: dict[str, dict[str, int]] | None = None
    runoff: dict[str, dict[str, int]] | None = None
    district_seats: dict[str, int] | None = None
    seats: dict[str, int] | None = None
    tiers: dict[str, ElectionSeats] | None = None

    @model_validator(mode="after")
    def _one_source(self) -> ElectionSeats:
        sources = ("election", "votes", "districts", "seats", "tiers")
        given = [name for name in sources if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of 'election', 'votes', 'districts', 'seats' or 'tiers'")
        if self.runoff is not None and self.districts is None:
            raise ValueError("'runoff' goes with 'districts' (the first round)")
        if self.district_seats is not None and self.votes is None and self.election is None:
            raise ValueError("'district_seats' goes with 'votes' or an 'election' (a compensatory tier)")
        counts = [("votes", self.votes), ("seats", self.seats), ("district_seats", self.district_seats)]
        for name, rounds in (("districts", self.districts), ("runoff", self.runoff)):
            counts += [(f"{name}.{district}", votes) for district, votes in (rounds or {}).items()]
        for name, found in counts:
            negative = [party for party, count in (found or {}).items() if count < 0]
            if negative:
                raise ValueError(f"{name} must not be negative ({negative[0]})")
        return self


class Fits(FrozenModel):
    """The dates a scenario describes, ``from_`` to ``to`` inclusive: when the bodies it fills sat (from the
    election to the next one, or to a change of the rules that makes the results no longer fit)."""

    from_: dt.date = Field(alias="from")
    to: dt.date | None = None


class Scenario(FrozenModel):
    """Who fills the bodies of one constitution at one time.

    Attributes:
        id: the name used on the command line (``kz-majilis-2007``).
        label: what it describes.
        constitution: the constitution id it applies to.
        fits: the dates it describes (a target ``kz@DATE`` may use it when DATE is in this range).
        date: the date the composition refers to (the election day).
        seats: ``"body.group" -> ElectionSeats``.
        controllers: body id -> the principal assumed to control it (bodies whose membership is not known).
        alignments: party (or actor) -> the principal it answers to.
        choices: named modelling choices no fact settles, each with its reason and confidence.
        sources: source key -> citation, for the keys the assumptions use.
    """

    id: str
    label: str
    constitution: str
    fits: Fits
    date: dt.date
    seats: dict[str, ElectionSeats] = {}
    controllers: dict[str, Assumption] = {}
    alignments: dict[str, Assumption] = {}
    choices: dict[str, Choice] = {}
    sources: dict[str, str] = {}

    def fits_date(self, day: dt.date) -> bool:
        """Whether the scenario describes the bodies as they sat on ``day``."""
        return self.fits.from_ <= day and (self.fits.to is None or day <= self.fits.to)

    def principal_of_party(self, party: str) -> str:
        """The principal ``party`` answers to (itself when no alignment is given)."""
        assumption = self.alignments.get(party)
        return party if assumption is None else assumption.principal

    def with_alignments(self, overrides: dict[str, str], *, note: str = "set by the user") -> Scenario:
        """A copy with ``party -> principal`` alignments replaced (``party -> party`` removes the alignment)."""
        alignments = dict(self.alignments)
        for party, principal in overrides.items():
            if principal == party:
                alignments.pop(party, None)
            else:
                alignments[party] = Assumption(principal=principal, confidence="unknown", note=note)
        return self.model_copy(update={"alignments": alignments})

    def assumptions(self) -> list[tuple[str, Assumption]]:
        """Every assumption the scenario makes, as ``(what, assumption)``."""
        items = [(f"{body} controlled by", a) for body, a in self.controllers.items()]
        items += [(f"{party} answers to", a) for party, a in self.alignments.items()]
        return items + [(f"{name.replace('_', ' ')}:", Assumption(principal=c.choice, source=c.source,
                                                                 confidence=c.confidence, note=c.reason))
                        for name, c in self.choices.items()]

    def assumptions_data(self) -> list[dict]:
        """Every assumption as JSON-ready data: what, the principal or choice, confidence, sources, reason."""
        return [{"what": what.rstrip(":"), "value": a.principal, "confidence": a.confidence,
                 "sources": list(a.sources), "reason": a.note} for what, a in self.assumptions()]


def load_scenarios(path: str | Path | None = None, *, text: str | None = None) -> dict[str, Scenario]:
    """Read a scenarios file (every built-in one when ``path`` is None), validated with line numbers."""
    if path is None:
        found: dict[str, Scenario] = {}
        for resource in _builtin_files():
            name = f"reformlab/data/scenarios/{resource.name}"
            found.update(load_scenarios(name, text=resource.read_text(encoding="utf-8")))
        return found
    else:
        file = str(path)
        text = read_text(path) if text is None else text
    raw, lines = load_yaml(text, file)
    problems = Problems(file, lines)
    if not isinstance(raw, dict) or not isinstance(raw.get("scenarios"), dict):
        raise ReformlabError(
            "a scenarios file needs a 'scenarios' mapping", file=file, fix="see reformlab/data/scenarios/kz.yaml"
        )
    found = {}
    for name, body in raw["scenarios"].items():
        data = dict(body or {}) if isinstance(body, dict) else body
        if isinstance(data, dict):
            data.setdefault("id", name)
            data.setdefault("constitution", raw.get("constitution"))
            data["sources"] = {**(raw.get("sources") or {}), **(data.get("sources") or {})}
        try:
            found[name] = Scenario.model_validate(data)
        except ValidationError as error:
            add_validation_errors(problems, error, data, _Shifted(lines, ("scenarios", name)))
    problems.raise_if_any()
    return found


class _Shifted(dict):
    """A view of a line map under a prefix path, so a sub-document's errors keep their file lines."""

    def __init__(self, lines: dict, prefix: tuple) -> None:
        super().__init__({key[len(prefix):]: line for key, line in lines.items() if key[: len(prefix)] == prefix})


def builtin_scenarios_dir():
    """The folder of built-in scenario files (``reformlab/data/scenarios``)."""
    return resources.files("reformlab.data").joinpath("scenarios")


def _builtin_files() -> list:
    return sorted((r for r in builtin_scenarios_dir().iterdir() if r.name.endswith(".yaml")), key=lambda r: r.name)


_BUILTIN: list = []  # [(stamp of the scenario files, scenarios)]: the last state read, nothing more


def builtin_scenarios() -> dict[str, Scenario]:
    """The built-in scenarios, by id (a new dict of the frozen scenarios, read again only when a file changed)."""
    stamp = resource_stamp(*_builtin_files())
    if not _BUILTIN or _BUILTIN[0][0] != stamp:
        _BUILTIN[:] = [(stamp, load_scenarios())]
    return dict(_BUILTIN[0][1])


def scenario_named(name: str) -> Scenario:
    """A built-in scenario by id, or every scenario in a YAML file given as ``FILE.yaml#id`` / ``FILE.yaml``."""
    if name.endswith((".yaml", ".yml")) or ".yaml#" in name or ".yml#" in name:
        file, _, wanted = name.partition("#")
        found = load_scenarios(file)
        if wanted:
            if wanted not in found:
                raise unknown_name("scenario", wanted, found, file=file,
                                   problem=f"no scenario {wanted!r} in the file")
            return found[wanted]
        if len(found) != 1:
            raise ReformlabError(
                "the file has several scenarios", file=file, fix="name one as FILE.yaml#ID: " + ", ".join(found)
            )
        return next(iter(found.values()))
    known = builtin_scenarios()
    if name not in known:
        raise unknown_name("scenario", name, known, field="--scenario", problem=f"no built-in scenario {name!r}")
    return known[name]


def default_scenario(constitution_id: str, day: dt.date) -> Scenario | None:
    """The built-in scenario describing the bodies of ``constitution_id`` on ``day`` (the latest such), if any."""
    fitting = [s for s in builtin_scenarios().values() if s.constitution == constitution_id and s.fits_date(day)]
    return max(fitting, key=lambda s: s.date) if fitting else None
