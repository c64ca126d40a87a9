"""One election's votes under another version's rules: the lower chamber refilled, everything else kept.

``reformlab compare A B --election ID`` asks whether a reform moves power on its rules alone: both sides'
lower chamber (its role in ``data/roles.yaml``) is filled from the same built-in election, the party lists
allocated under each version's own electoral rule and the single-member seats taken as declared where the
version has them; every other seat and assumption comes from the scenario fitting each side (or the
election's own when none fits). What the version has no seat group for is dropped, and the label says so.
"""

from __future__ import annotations

from reformlab.analysis.evaluation import Evaluation, evaluate
from reformlab.data.election_results import election_inputs
from reformlab.data.roles import role_mappings
from reformlab.engine.scenario import ElectionSeats, Fits, Scenario, builtin_scenarios, default_scenario
from reformlab.errors import ReformlabError
from reformlab.model import resolve_target
from reformlab.model.values import UNKNOWN


def _lower_chamber(constitution) -> str:
    body = role_mappings().get(constitution.id, {}).get("lower_chamber")
    if body is None or body not in constitution.bodies:
        raise ReformlabError(f"no lower chamber is mapped for {constitution.id!r}", field="--election",
                             fix="add it to data/roles.yaml")
    return body


def _home_scenario(constitution_id: str, election_id: str) -> Scenario | None:
    """The built-in scenario that fills a body from ``election_id`` (its assumptions fit those votes)."""
    for scenario in builtin_scenarios().values():
        if scenario.constitution == constitution_id and any(s.election == election_id for s in scenario.seats.values()):
            return scenario
    return None


def with_election(target: str, election_id: str, *, alignments: dict | None = None) -> Evaluation:
    """Evaluate ``target`` with its lower chamber filled from ``election_id`` under its own rules."""
    constitution = resolve_target(target)
    inputs = election_inputs(election_id)
    body_id = _lower_chamber(constitution)
    base = default_scenario(constitution.id, constitution.as_of) or _home_scenario(constitution.id, election_id)
    if base is None:
        raise ReformlabError(f"no scenario of {constitution.id!r} to take the other bodies from", field="--election")
    groups = constitution.bodies[body_id].seat_groups
    seats = {k: v for k, v in base.seats.items() if not k.startswith(f"{body_id}.")}
    for group in (() if groups is UNKNOWN else groups):
        if group.filled_by != "popular":
            continue
        if group.candidates == "party_lists":
            seats[f"{body_id}.{group.id}"] = ElectionSeats(election=election_id)
        elif group.candidates == "individuals" and inputs.district_seats:
            seats[f"{body_id}.{group.id}"] = ElectionSeats(election=election_id, tier="smd")
    home = _home_scenario(constitution.id, election_id)
    merged = {**(home.alignments if home else {}), **base.alignments}
    scenario = base.model_copy(update={
        "id": f"{base.id}+{election_id}",
        "label": f"{base.label}, with the {body_id} refilled from the votes of {election_id}",
        "fits": Fits.model_validate({"from": constitution.as_of, "to": constitution.as_of}),
        "seats": seats,
        "alignments": merged,
    })
    return evaluate(constitution, scenario, alignments=alignments)
