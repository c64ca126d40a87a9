"""Named quantities a claim can ask for, computed from an evaluation (a registry: data never names code).

Each function takes an :class:`~reformlab.analysis.Evaluation` and the claim's parameters and returns a
plain value (int, Fraction, str, list, dict, bool), or raises :class:`CannotTell` with the reason.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

from reformlab.analysis.control import decision_tally
from reformlab.errors import unknown_name
from reformlab.model import Unknown
from reformlab.model.tree import NoSuchItem


class CannotTell(Exception):
    """The data leave the quantity unknown; the message says why."""


def follows_camp(parameter: str):
    """Mark a quantity whose ``parameter`` names the camp a claim is about, so that ``claims --camp`` can
    ask it of another camp (the mark is the registry's metadata, read as ``quantity.camp_parameter``)."""
    def mark(function):
        function.camp_parameter = parameter
        return function
    return mark


def value(ev, path: str):
    """The value at ``path`` in the resolved version (``bodies.majilis.size``)."""
    try:
        found = ev.constitution.get(path)
    except NoSuchItem as error:  # a claim naming a seat group that is not there is a mistake
        raise unknown_name("seat group", error.wanted, error.ids, field=path, problem=error.sentence) from None
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


def _filled(ev, body: str):
    """The filled body, or :class:`CannotTell` when this version has no such body or its seats are unknown
    (a claim about the Majilis, checked on a constitution without one, cannot be told there)."""
    filled = ev.filling.bodies.get(body)
    if filled is None:
        raise CannotTell(f"{body} does not exist in this version")
    if filled.unknown:
        raise CannotTell(filled.unknown)
    return filled


@follows_camp("principal")
def principal_seats(ev, body: str, principal: str, filled_by: str | None = None) -> int:
    """Seats of ``body`` whose principal is ``principal`` under the scenario (optionally of one filling)."""
    filled = _filled(ev, body)
    return sum(b.seats for b in filled.blocks if b.principal == principal and (filled_by is None or b.filled_by == filled_by))


def majority(ev, procedure: str, body: str) -> str:
    """The majority ``body``'s consent needs in ``procedure`` (its first consent step), as text (``"1/2"``)."""
    from reformlab.model import ApproveStep, iter_steps

    proc = value(ev, f"procedures.{procedure}")
    for _, step in iter_steps(proc.decision):
        if isinstance(step, ApproveStep) and isinstance(step.body, Unknown):
            raise CannotTell(f"which body decides {procedure} is unknown")
        if isinstance(step, ApproveStep) and step.body == body:
            if isinstance(step.majority, Unknown):
                raise CannotTell(f"the majority in {body} for {procedure} is unknown")
            return str(step.majority)
    raise CannotTell(f"{body} takes no part in {procedure}")


def deciding_bodies(ev, procedure: str) -> list[str]:
    """The bodies whose vote ``procedure``'s decision steps require (sorted)."""
    from reformlab.model import ApproveStep, iter_steps

    proc = value(ev, f"procedures.{procedure}")
    found = set()
    for _, step in iter_steps(proc.decision):
        if isinstance(step, ApproveStep):
            if isinstance(step.body, Unknown):
                raise CannotTell(f"which body decides {procedure} is unknown")
            found.add(step.body)
    return sorted(found)


def consent_majority(ev, body: str, consenting: str) -> str:
    """The majority by which ``consenting`` consents to an appointment to ``body`` (``"1/2"``)."""
    for group in _groups(ev, body):
        if group.filled_by == "appointed" and not isinstance(group.consent, Unknown):
            for vote in group.consent:
                if vote.body == consenting:
                    if isinstance(vote.majority, Unknown):
                        raise CannotTell(f"the majority of {consenting} for {body} is unknown")
                    return str(vote.majority)
    raise CannotTell(f"{consenting} does not consent to the appointment of {body}")


def appointment_roles(ev, body: str) -> dict:
    """Who nominates for ``body``'s appointed seats and whom the appointer must consult first."""
    for group in _groups(ev, body):
        if group.filled_by == "appointed":
            nominator = group.nominated_by or group.by
            if isinstance(nominator, Unknown):
                raise CannotTell(f"who nominates for {body} is unknown")
            return {"nominates": str(nominator), "consults": sorted(getattr(group, "after_consulting", ()) or ())}
    raise CannotTell(f"no seat of {body} is appointed")


def seats_appointed_by(ev, body: str, by: list[str]) -> int:
    """Seats of ``body`` appointed by any of ``by`` (e.g. the two chambers)."""
    return sum(n for appointer, n in appointed_by(ev, body).items() if appointer in by)


def party_list_share(ev, body: str) -> Fraction:
    """Share of ``body``'s popularly elected seats that are filled from party lists."""
    popular = [g for g in _groups(ev, body) if g.filled_by == "popular"]
    total = sum(g.seats for g in popular)
    if not total:
        raise CannotTell(f"{body} has no popularly elected seats")
    return Fraction(sum(g.seats for g in popular if g.candidates == "party_lists"), total)


def party_seat_share(ev, body: str, party: str, filled_by: str | None = None) -> Fraction:
    """Share of ``body``'s seats (optionally only those filled ``filled_by``) held by ``party`` in the scenario."""
    filled = _filled(ev, body)
    blocks = [b for b in filled.blocks if filled_by is None or b.filled_by == filled_by]
    total = sum(b.seats for b in blocks)
    if not total:
        raise CannotTell(f"no seat of {body} is filled that way")
    return Fraction(sum(b.seats for b in blocks if b.party == party), total)


def effective_parties(ev, body: str) -> Fraction:
    """Laakso-Taagepera effective number of parties in ``body``'s elected seats (each independent counted as
    a party of one), in the scenario filling that version."""
    from reformlab.electoral.measures import effective_number

    filled = _filled(ev, body)
    counts = Counter()
    for block in filled.blocks:
        if block.party is not None:
            counts[block.party] += block.seats
    if not counts:
        raise CannotTell(f"no party seats in {body}")
    return effective_number(counts)


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


@follows_camp("actor")
def president_role(ev, procedure: str, actor: str = "president") -> str:
    """The actor's role in a decision: ``passes alone``, ``veto`` or ``none``."""
    pc = ev.control.procedures.get(procedure)
    if pc is None:
        raise CannotTell(f"no decision {procedure} in this version")
    role = pc.role(actor)
    if role is None:
        raise CannotTell(pc.unknown or f"{procedure} is not known")
    return role


@follows_camp("actor")
def decisions_president_passes_alone(ev, actor: str = "president") -> str:
    """``all`` when the actor passes every decision alone; ``k of n computed`` when some computed decision
    needs others. When every computed one passes alone but some cannot be told, "all" cannot be told (raises
    :class:`CannotTell` naming them): a decision not computed is not counted as passed."""
    tally = decision_tally(ev.control.procedures, actor)
    if not tally.told:
        raise CannotTell("no decision can be told")
    alone, untold = tally.alone, tally.untold
    if len(alone) < tally.told:
        return f"{len(alone)} of {tally.told} computed" + (f", {len(untold)} cannot tell" if untold else "")
    if untold:
        raise CannotTell(f"{len(alone)} of {tally.total} decisions computed, all passed alone; "
                         f"{len(untold)} cannot tell ({', '.join(untold)})")
    return "all"


QUANTITIES = {
    f.__name__: f
    for f in (
        value, seats_filled, appointed_by, appointed_share, principal_seats, majority, consent_bodies,
        term_limit_exempt, wholly_popular_chambers, president_role, decisions_president_passes_alone,
        deciding_bodies, consent_majority, appointment_roles, seats_appointed_by, party_list_share,
        party_seat_share, effective_parties,
    )
}
