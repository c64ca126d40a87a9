"""Margins: for each vote a decision needs, how many seats the camp holds against the votes required.

"The president passes it alone" says who wins; the margin says by how much: in the 2007 Majilis the
president's camp held every seat of 107 against the 72 that two thirds of the members need, a margin of 35.
A vote counts its base as full attendance (every member present and voting), as the decision games do.
"""

from __future__ import annotations

import math

from reformlab.model import ApproveStep, Unknown, Vote, iter_steps


def votes_needed(vote: Vote, members: int) -> int | None:
    """The fewest yes votes out of ``members`` that reach ``vote``'s majority (None if none can).

    >>> votes_needed(Vote(body="majilis", majority="2/3", base="members", strict=False), 107)
    72
    >>> votes_needed(Vote(body="majilis", majority="1/2", base="members", strict=True), 107)
    54
    """
    need = vote.majority * members
    fewest = math.floor(need) + 1 if vote.strict else math.ceil(need)
    fewest = max(fewest, 0)
    if fewest > members:
        return None
    if not vote.passes(fewest, members) or (fewest > 0 and vote.passes(fewest - 1, members)):
        raise ValueError(f"the quota of {vote.body} does not match Vote.passes")  # pragma: no cover - a bug
    return fewest


def _decision_votes(constitution, decision_id: str):
    """``(path, role, vote)`` for every vote of a procedure or of an appointment (``appoint:body.group``)."""
    if decision_id.startswith("appoint:"):
        body_id, _, group_id = decision_id.removeprefix("appoint:").partition(".")
        body = constitution.bodies.get(body_id)
        if body is None or isinstance(body.seat_groups, Unknown):
            return
        for number, group in enumerate(body.seat_groups):
            consent = getattr(group, "consent", ())
            if group.id == group_id and not isinstance(consent, Unknown):
                for index, vote in enumerate(consent):
                    yield f"bodies.{body_id}.seat_groups.{number}.consent.{index}", "consent", vote
        return
    procedure = constitution.procedures.get(decision_id)
    if procedure is None or isinstance(procedure, Unknown):
        return
    for part in ("proposal", "decision"):
        for path, step in iter_steps(getattr(procedure, part), f"procedures.{decision_id}.{part}"):
            role = "override" if ".override." in path else "consent" if part == "decision" else "initiative"
            if isinstance(step, ApproveStep):
                yield path, role, step
            elif getattr(step, "initiative", None) is not None:
                yield path + ".initiative", "initiative", step.initiative


def margins(evaluation, decision_id: str, camp: tuple[str, ...] = ("president",)) -> list[dict]:
    """The camp's margin in every vote of one decision: seats held, votes needed, members, the difference.

    A vote whose body, majority or members are unknown is listed with ``margin`` None and the reason.
    """
    found = []
    for path, role, vote in _decision_votes(evaluation.constitution, decision_id):
        entry = {"path": path, "role": role, "body": None if isinstance(vote.body, Unknown) else vote.body,
                 "majority": None, "strict": vote.strict, "base": None if isinstance(vote.base, Unknown) else vote.base,
                 "members": None, "needed": None, "held": None, "margin": None, "unknown": None}
        body = evaluation.filling.bodies.get(entry["body"]) if entry["body"] else None
        if isinstance(vote.majority, Unknown):
            entry["unknown"] = "the majority is not known"
        elif body is None or body.unknown or not body.blocks:
            entry["majority"] = str(vote.majority)
            entry["unknown"] = (body.unknown if body is not None and body.unknown else "its members are not known")
        else:
            entry["majority"] = str(vote.majority)
            seats = body.by_principal()
            members = sum(seats.values())
            held = sum(seats.get(principal, 0) for principal in camp)
            needed = votes_needed(vote, members)
            entry.update(members=members, held=held, needed=needed,
                         margin=None if needed is None else held - needed)
            if needed is None:
                entry["unknown"] = "no number of votes reaches this majority"
        found.append(entry)
    return found
