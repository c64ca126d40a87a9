"""Named quantities a claim can ask for, computed from an evaluation (a registry: data never names code).

Each function takes an :class:`~reformlab.analysis.Evaluation` and the claim's parameters and returns a
plain value (int, Fraction, str, list, dict, bool), or raises :class:`CannotTell` with the reason.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

from reformlab.model import Unknown


class CannotTell(Exception):
    """The data leave the quantity unknown; the message says why."""


def value(ev, path: str):
    """The value at ``path`` in the resolved version (``bodies.majilis.size``)."""
    try:
        found = ev.constitution.get(path)
    except KeyError:
        raise CannotTell(f"{path} does not exist in this version") from None
    if isinstance(found, Unknown):
        raise CannotTell(f"{path} is unknown")
    return found


def _groups(ev, body: str):
    groups = value(ev, f"bodies.{body}.seat_groups")
    if any(isinstance(g.seats, Unknown) for g in groups):
        raise CannotTell(f"the seats of some groups of {body} are unknown")
    return groups


def seats_filled(ev, body: str) -> dict:
    """Seats of ``body`` by how they are filled (``popular``, ``indirect``, ``appointed``)."""
    counts = Counter()
    for group in _groups(ev, body):
        counts[group.filled_by] += group.seats
    return dict(counts)


def appointed_by(ev, body: str) -> dict:
    """Appointed seats of ``body`` by appointer."""
    counts = Counter()
    for group in _groups(ev, body):
        if group.filled_by == "appointed":
            if isinstance(group.by, Unknown):
                raise CannotTell(f"who appoints {body}.{group.id} is unknown")
            counts[group.by] += group.seats
    return dict(counts)


def appointed_share(ev, body: str, by: str) -> Fraction:
    """Share of ``body``'s seats appointed by ``by``."""
    size = value(ev, f"bodies.{body}.size")
    return Fraction(appointed_by(ev, body).get(by, 0), size)


def principal_seats(ev, body: str, principal: str, filled_by: str | None = None) -> int:
    """Seats of ``body`` whose principal is ``principal`` under the scenario (optionally of one filling)."""
    filled = ev.filling.bodies[body]
    if filled.unknown:
        raise CannotTell(filled.unknown)
    return sum(b.seats for b in filled.blocks if b.principal == principal and (filled_by is None or b.filled_by == filled_by))


def majority(ev, procedure: str, body: str) -> str:
    """The majority a body's consent needs in ``procedure``, as text (``"1/2"``); ``body: any`` takes the first
    consent step whatever its body."""
    from reformlab.model import ApproveStep, iter_steps

    proc = value(ev, f"procedures.{procedure}")
    for _, step in iter_steps(proc.decision):
        if isinstance(step, ApproveStep) and (step.body == body or body == "any"):
            if isinstance(step.majority, Unknown):
                raise CannotTell(f"the majority in {body} for {procedure} is unknown")
            return str(step.majority)
        if isinstance(step, ApproveStep) and isinstance(step.body, Unknown):
            raise CannotTell(f"which body decides {procedure} is unknown")
    raise CannotTell(f"{body} takes no part in {procedure}")


def consent_bodies(ev, body: str) -> list[str]:
    """The bodies whose consent an appointment to ``body`` needs (sorted)."""
    found = set()
    for group in _groups(ev, body):
        if group.filled_by == "appointed":
            if isinstance(group.consent, Unknown):
                raise CannotTell(f"the consent for {body}.{group.id} is unknown")
            found |= {vote.body for vote in group.consent}
    return sorted(str(b) for b in found)


def term_limit_exempt(ev, body: str, actor: str) -> bool:
    """Whether ``actor`` is exempt from ``body``'s term limit (and a limit exists)."""
    limit = value(ev, f"bodies.{body}.max_consecutive_terms")
    return limit is not None and actor in value(ev, f"bodies.{body}.exempt")


def wholly_popular_chambers(ev) -> list[str]:
    """Chambers every seat of which is filled by popular vote (Copenhagen Document 1990, para. 7.2)."""
    found = []
    for body_id, body in ev.constitution.bodies.items():
        if body.kind == "chamber" and not isinstance(body.seat_groups, Unknown):
            if all(g.filled_by == "popular" for g in body.seat_groups if not g.seats == 0):
                found.append(body_id)
    return found


def president_role(ev, procedure: str, actor: str = "president") -> str:
    """The actor's role in a decision: ``passes alone``, ``veto`` or ``none``."""
    pc = ev.control.procedures.get(procedure)
    if pc is None:
        raise CannotTell(f"no decision {procedure} in this version")
    role = pc.role(actor)
    if role is None:
        raise CannotTell(pc.unknown or f"{procedure} is not known")
    return role


def decisions_president_passes_alone(ev, actor: str = "president") -> str:
    """``all`` when the actor passes every decision that can be told alone, else the count ``k of n``."""
    roles = {}
    for proc_id, pc in ev.control.procedures.items():
        role = pc.role(actor)
        if role is not None:
            roles[proc_id] = role
    if not roles:
        raise CannotTell("no decision can be told")
    alone = [p for p, r in roles.items() if r == "passes alone"]
    return "all" if len(alone) == len(roles) else f"{len(alone)} of {len(roles)}"


QUANTITIES = {
    f.__name__: f
    for f in (
        value, seats_filled, appointed_by, appointed_share, principal_seats, majority, consent_bodies,
        term_limit_exempt, wholly_popular_chambers, president_role, decisions_president_passes_alone,
    )
}
