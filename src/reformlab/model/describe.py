"""Plain-English descriptions of steps, votes and seat groups (for tables, reports and messages).

>>> from reformlab.model.steps import Vote
>>> describe_vote(Vote(body="majilis", majority="1/2", base="members", strict=True))
'majilis: more than 1/2 of members'
"""

from __future__ import annotations

from fractions import Fraction

from reformlab.model.bodies import AppointedSeats, ExOfficioSeats, IndirectSeats, PopularSeats
from reformlab.model.grounds import GroundReadings
from reformlab.model.steps import (
    AnyOfStep, ConsultStep, NominateStep, ProposeStep, ReadingsStep, ReferendumStep, SignStep, VetoStep, Vote,
)
from reformlab.model.values import Unknown


def describe_share(share, strict, base) -> str:
    """``more than 1/2 of members``, ``at least 2/3 of voting``, ``unknown majority``."""
    if not isinstance(share, Fraction):
        return "unknown majority"
    if strict is None:
        quantifier = ""
    else:
        quantifier = "more than " if strict else "at least "
    return f"{quantifier}{share} of {base if base is not None else 'an unstated base'}"


def describe_vote(vote: Vote) -> str:
    """``majilis: more than 1/2 of members`` (``(joint session)`` added when the chambers sit together)."""
    text = f"{vote.body}: {describe_share(vote.majority, vote.strict, vote.base)}"
    return text + (" (joint session)" if vote.in_joint_session else "")


def describe_step(step) -> str:
    """One line saying what a step requires."""
    if isinstance(step, Unknown):
        return "unknown step"
    if isinstance(step, ProposeStep):
        who = list(step.by) + ([f"{describe_vote(step.initiative)} (initiative)"] if step.initiative else [])
        return "proposed by " + " or ".join(who)
    if isinstance(step, NominateStep):
        after = f" after consulting {', '.join(step.after_consulting)}" if step.after_consulting else ""
        return f"nominated by {step.by}{after}"
    if isinstance(step, ConsultStep):
        return f"consult {', '.join(step.actors)} (not binding)"
    if isinstance(step, SignStep):
        return f"{step.by} must sign (no override)"
    if isinstance(step, VetoStep):
        if isinstance(step.override, Unknown):
            return f"{step.by} may veto; override unknown"
        return f"{step.by} may veto; overridden by " + " and ".join(describe_vote(s) for s in step.override)
    if isinstance(step, ReferendumStep):
        turnout = step.turnout
        quorum = ""
        if turnout is not None and not isinstance(turnout, Unknown):
            quorum = f", valid if turnout is {describe_share(turnout.share, turnout.strict, turnout.base)}"
        return f"referendum: {describe_share(step.majority, step.strict, step.base)}{quorum}"
    if isinstance(step, AnyOfStep):
        routes = ["; ".join(describe_step(s) for s in alt) for alt in step.alternatives]
        return "any of: " + " | ".join(f"({r})" for r in routes)
    if isinstance(step, ReadingsStep):
        readings = " | ".join(f"{r.label} ({r.confidence})" for r in step.readings)
        return f"not found ({step.missing}); read as: {readings}"
    return "approve " + describe_vote(step)


def describe_condition(condition) -> str:
    """A ground or a limit of a procedure in words (:mod:`reformlab.model.grounds`): its label and article,
    or, for grounds not known in full, what is missing and how it is read."""
    if isinstance(condition, Unknown):
        return "not known"
    if isinstance(condition, GroundReadings):
        readings = " | ".join(f"{r.label} ({r.confidence})" for r in condition.readings)
        return f"not found ({condition.missing}); read as: {readings}"
    return condition.label + (f" (Art. {condition.article})" if condition.article else "")


def describe_procedure(procedure) -> str:
    """A whole procedure in one line: what is decided, who proposes, who decides, on which grounds."""
    parts = [procedure.label]
    for name in ("proposal", "decision"):
        steps = getattr(procedure, name)
        text = "unknown" if isinstance(steps, Unknown) else "; ".join(describe_step(s) for s in steps) or "none"
        parts.append(f"{name}: {text}")
    for name in ("grounds", "limits"):
        items = getattr(procedure, name)
        if isinstance(items, Unknown) or items:
            text = "not known" if isinstance(items, Unknown) else "; or ".join(describe_condition(i) for i in items)
            parts.append(f"{name}: {text}")
    if procedure.conditions:
        parts.append("conditions: " + "; ".join(procedure.conditions))
    return ". ".join(parts)


def _tier_words(system: dict) -> str:
    """``hare``, ``single member (two_round)``, ``parallel: list hare 69 + districts single member (two_round) 29``."""
    kind = system.get("kind", "list")
    if kind == "parallel":
        tiers = system.get("tiers") or {}
        return "parallel: " + " + ".join(f"{name} {_tier_words(tier)} {tier.get('seats')}"
                                         for name, tier in tiers.items())
    if kind == "list":
        return system.get("method")
    return f"{kind.replace('_', ' ')} ({system.get('formula', system.get('method'))})"


def describe_seat_group(group) -> str:
    """How a seat group is filled, in one line."""
    if isinstance(group, PopularSeats):
        if isinstance(group.system, Unknown):
            return "popular election, system unknown"
        parts = [f"popular election, {_tier_words(group.system)}"]
        threshold = group.system.get("threshold")
        if isinstance(threshold, dict) and threshold.get("share") is not None:
            parts.append(f"threshold {threshold['share']} of {threshold.get('base', 'valid')}")
        if group.constituencies not in (1, None):
            parts.append(f"{group.constituencies} constituencies")
        return ", ".join(parts)
    if isinstance(group, IndirectSeats):
        text = f"elected by {', '.join(group.electors)}"
        if group.units is not None:
            text += f" in {group.units} units x {group.seats_per_unit}"
        return text + (f", nominated by {group.nominated_by}" if group.nominated_by is not None else "")
    if isinstance(group, AppointedSeats):
        text = f"appointed by {group.by}"
        if group.nominated_by is not None:
            text += f" on the nomination of {group.nominated_by}"
        if isinstance(group.consent, Unknown):
            return text + ", consent unknown"
        if group.consent:
            text += " with consent of " + " and ".join(describe_vote(v) for v in group.consent)
        return text
    if isinstance(group, ExOfficioSeats):
        return "ex officio: " + ", ".join(group.holders)
    return str(group)  # pragma: no cover
