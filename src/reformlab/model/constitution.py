"""A constitution version resolved at one date: actors, bodies, procedures, each leaf with its reference.

``ConstitutionSpec`` is what one version says (and what the published JSON Schema describes, with every leaf
allowed to be dated). :class:`Constitution` is a spec resolved at a date by
:meth:`reformlab.model.ConstitutionDocument.as_of`: plain values, plus ``refs``, a map from the dotted path of
each leaf (``"bodies.majilis.size"``) to its :class:`~reformlab.model.values.Ref`.

Iterating a resolved constitution::

    for body_id, body in c.bodies.items(): ...                 # chambers, councils, offices (size-1 bodies)
    for body_id, group in c.iter_seat_groups(): group.filled_by, group.seats
    for proc_id, procedure in c.procedures.items(): procedure.proposal, procedure.decision
    c.ref("bodies.majilis.size")                                # Ref(article='50(3)', sources=(...), ...)
    c.unknowns()                                                # [(path, Ref), ...] every 'unknown' leaf
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterator, Literal

from pydantic import BaseModel, Field

from reformlab.model.bodies import Actor, Body
from reformlab.model.steps import Procedure
from reformlab.model.tree import positional
from reformlab.model.values import ActorId, FrozenModel, Ref, Share, SourceEntry, Unknown

SCHEMA_VERSION = 1


class VersionInfo(FrozenModel):
    """One dated version of a constitution: the act that made it, with sources."""

    label: str
    sources: tuple[str, ...] = ()
    note: str | None = None


class PartyRules(FrozenModel):
    """Rules on parties the constitution fixes (funding, membership of officials, registration).

    Attributes:
        state_funding: whether parties receive funds from the state budget.
        state_funding_threshold: the vote share a party needs for budget funding.
        officials_may_be_members: whether state officials may be party members.
        president_may_lead_party: whether the President may be active in (lead) a political party.
        registration_min_members: members needed to register a party.
    """

    state_funding: Unknown | bool | None = None
    state_funding_threshold: Unknown | Share | None = None
    officials_may_be_members: Unknown | bool | None = None
    president_may_lead_party: Unknown | bool | None = None
    registration_min_members: Unknown | int | None = None


class ConstitutionSpec(FrozenModel):
    """What one version of a constitution says (the file format, once every dated leaf is resolved).

    Attributes:
        schema_version: the file format version (currently 1).
        id: short name used on the command line (``kz``).
        label, country: readable name and ISO country code.
        sources: the sources table; every reference's ``sources`` are keys into it.
        versions: the dates at which the encoded rules change, with the act that changed them.
        actors: actors that are not bodies (persons, parties, the electorate, groups).
        bodies: every body, including offices (bodies of one seat), by id.
        procedures: every regulated decision by id, or ``unknown``.
        party_rules: rules on parties.
        unamendable: provisions that may not be amended.
    """

    schema_version: Literal[1]
    id: ActorId
    label: str
    country: str
    note: str | None = None
    sources: dict[str, SourceEntry] = {}
    versions: dict[date, VersionInfo] = Field(min_length=1)
    actors: dict[ActorId, Actor] = {}
    bodies: dict[ActorId, Body]
    procedures: dict[ActorId, Unknown | Procedure] = {}
    party_rules: PartyRules | None = None
    unamendable: Unknown | tuple[str, ...] = ()


class Constitution(ConstitutionSpec):
    """A constitution resolved at ``as_of``: what was in force that day, with a reference for every leaf."""

    as_of: date
    refs: dict[str, Ref] = {}

    @property
    def version(self) -> date:
        """The date of the version in force on ``as_of`` (the latest version date not after it)."""
        return max(d for d in self.versions if d <= self.as_of)

    @property
    def version_label(self) -> str:
        """The label of the version in force."""
        return self.versions[self.version].label

    def actor_ids(self) -> tuple[str, ...]:
        """Every id that may act: bodies (offices included) and the other actors."""
        return tuple(self.bodies) + tuple(a for a in self.actors if a not in self.bodies)

    def ref(self, path: str) -> Ref | None:
        """The reference of the leaf at ``path``: its own fields, each missing one taken from the nearest
        ancestor that sets it (a leaf citing only a source keeps its body's article). ``None`` if none."""
        try:
            path = self.positional(path)
        except KeyError:
            return None
        parts = path.split(".")
        chain = [self.refs.get(".".join(parts[:n])) for n in range(1, len(parts) + 1)]
        found = [ref for ref in chain if ref is not None]
        if not found:
            return None
        merged = Ref().merged(found[0])  # merged() caps a carried value's confidence
        for ref in found[1:]:
            merged = merged.merged(ref)
        return merged

    def iter_seat_groups(self) -> Iterator[tuple[str, Any]]:
        """``(body_id, seat_group)`` for every known seat group of every body."""
        for body_id, body in self.bodies.items():
            if not isinstance(body.seat_groups, Unknown):
                for group in body.seat_groups:
                    yield body_id, group

    def get(self, path: str) -> Any:
        """The value at a dotted ``path``; ``KeyError`` if absent. A list item with an ``id`` (a seat group) is
        addressed by it: ``"bodies.majilis.seat_groups[list].seats"`` (or by position, ``seat_groups.0``)."""
        node: Any = self
        for part in self.positional(path).split("."):
            node = _child(node, part)
        return node

    def positional(self, path: str) -> str:
        """``path`` with every ``name[id]`` replaced by ``name.<index>`` of the item with that id.

        ``KeyError`` (its message naming the ids there are) when no item has that id.
        """
        return positional(self, path, _child)

    def leaves(self) -> Iterator[tuple[str, Any]]:
        """``(path, value)`` for every leaf of the content (actors, bodies, procedures, rules)."""
        for name in ("actors", "bodies", "procedures", "party_rules", "unamendable"):
            yield from walk(getattr(self, name), name)

    def unknowns(self) -> list[tuple[str, Ref | None]]:
        """Every ``unknown`` leaf with its reference (whose note says what is unknown)."""
        return [(path, self.ref(path)) for path, value in self.leaves() if isinstance(value, Unknown)]

    def spec(self) -> ConstitutionSpec:
        """The version's content without the resolution date and references."""
        return ConstitutionSpec.model_validate(self.model_dump(exclude={"as_of", "refs"}))


def _child(node: Any, part: str) -> Any:
    if isinstance(node, BaseModel):
        if part not in type(node).model_fields:
            raise KeyError(part)
        return getattr(node, part)
    if isinstance(node, dict):
        for key in node:
            if str(key) == part:
                return node[key]
        raise KeyError(part)
    if isinstance(node, (tuple, list)):
        if not part.isdigit() or int(part) >= len(node):
            raise KeyError(part)
        return node[int(part)]
    raise KeyError(part)


def walk(node: Any, path: str) -> Iterator[tuple[str, Any]]:
    """``(path, leaf)`` for every leaf under ``node`` (models, dicts and tuples are descended into)."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from walk(getattr(node, name), f"{path}.{name}")
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{path}.{key}")
    elif isinstance(node, (tuple, list)):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}.{index}")
    else:
        yield path, node
