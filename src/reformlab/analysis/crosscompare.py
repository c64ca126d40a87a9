"""Compare versions of two different constitutions, body by role (head of state, chambers, government).

Bodies differ across countries (the Majilis, the Verkhovna Rada), so they are lined up by the roles of
``data/roles.yaml``; decisions are lined up by their shared ids (``ordinary_law``, ``dissolution``...) and
the government's appointment by the government role. What one side lacks is ``absent``, never a zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from reformlab.analysis.evaluation import Evaluation, evaluate
from reformlab.data.roles import ROLES, role_mappings
from reformlab.errors import ReformlabError

GOVERNMENT = "appoint government"


@dataclass(frozen=True)
class CrossComparison:
    """Two versions of different constitutions, by role.

    Attributes:
        before, after: the evaluations (``before`` is simply the first named).
        roles: constitution id -> {role: body id} for both sides.
        camp: the principal followed on both sides.
    """

    before: Evaluation
    after: Evaluation
    roles: dict
    camp: str = "president"

    def _sides(self):
        return (("before", self.before), ("after", self.after))

    def bodies(self) -> dict[str, dict[str, dict | None]]:
        """``{role: {"before": {body, label, seats, camp_seats, camp_share}, "after": ...}}``; None where the
        constitution has no body in that role; seats None where the membership is unknown."""
        found: dict = {}
        for role in ROLES:
            row = {}
            for label, side in self._sides():
                body_id = self.roles[side.constitution.id].get(role)
                if body_id is None:
                    row[label] = None
                    continue
                filled = side.filling.bodies.get(body_id)
                seats = camp = None
                if filled is not None and not filled.unknown and filled.blocks:
                    seats = sum(b.seats for b in filled.blocks)
                    camp = filled.by_principal().get(self.camp, 0)
                row[label] = {"body": body_id, "label": side.constitution.bodies[body_id].label, "seats": seats,
                              "camp_seats": camp, "camp_share": None if seats is None else Fraction(camp, seats)}
            if any(row.values()):
                found[role] = row
        return found

    def _procedure(self, side: Evaluation, name: str):
        if name == GOVERNMENT:
            body = self.roles[side.constitution.id].get("government")
            found = [pc for key, pc in side.control.procedures.items() if body and key.startswith(f"appoint:{body}.")]
            return found[0] if found else None
        return side.control.procedures.get(name)

    def control(self) -> dict[str, dict[str, str | None]]:
        """``{decision: {"before": role, "after": role}}`` of the camp for the decisions both constitutions
        regulate and the government's appointment; ``absent`` where a side has no such decision, None where
        it cannot be told."""
        shared = [p for p in self.before.control.procedures if p in self.after.control.procedures
                  and not p.startswith("appoint:")]
        found = {}
        for name in [GOVERNMENT, *shared]:
            row = {}
            for label, side in self._sides():
                pc = self._procedure(side, name)
                row[label] = "absent" if pc is None else pc.role(self.camp)
            found[name] = row
        return found

    def to_dict(self) -> dict:
        def plain(cell):
            if cell is None:
                return None
            return {k: (str(v) if isinstance(v, Fraction) else v) for k, v in cell.items()}

        return {
            "kind": "across constitutions",
            "before": {"target": self.before.target, "constitution": self.before.constitution.id,
                       "scenario": self.before.scenario.id if self.before.scenario else None},
            "after": {"target": self.after.target, "constitution": self.after.constitution.id,
                      "scenario": self.after.scenario.id if self.after.scenario else None},
            "camp": self.camp,
            "bodies": {role: {k: plain(v) for k, v in row.items()} for role, row in self.bodies().items()},
            "control": self.control(),
        }


def cross_compare(before, after, *, scenario_before=None, scenario_after=None, alignments=None,
                  camp: str = "president", roles_file=None) -> CrossComparison:
    """Evaluate both sides and line them up by role.

    Raises:
        ReformlabError: a side's constitution has no role mapping, a mapped body is not in its version, or
            ``camp`` is no actor or principal of one side.
    """
    from reformlab.analysis.compare import check_camp

    if not isinstance(before, Evaluation):
        before = evaluate(before, scenario_before, alignments=alignments)
    if not isinstance(after, Evaluation):
        after = evaluate(after, scenario_after, alignments=alignments)
    mappings = role_mappings(roles_file)
    for side in (before, after):
        cid = side.constitution.id
        if cid not in mappings:
            raise ReformlabError(
                f"no role mapping for constitution {cid!r}: its bodies cannot be lined up with another country's",
                field="--roles",
                fix=f"give --roles FILE.yaml with '{cid}: {{head_of_state: ..., lower_chamber: ..., government: ...}}'",
            )
        for role, body in mappings[cid].items():
            if body not in side.constitution.bodies:
                raise ReformlabError(f"the role {role!r} of {cid!r} names {body!r}, which {side.target} does not have",
                                     field=f"--roles {cid}.{role}")
        check_camp(camp, side)
    return CrossComparison(before, after, {s.constitution.id: mappings[s.constitution.id] for s in (before, after)}, camp)
