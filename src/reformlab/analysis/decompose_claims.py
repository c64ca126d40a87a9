"""Claims read off both sides of a comparison at once: the package between them, split among its amendments.

A claims file names such a quantity like any other (``quantity: {kind: amendments_offset, ...}``) with
``expected: {change: ...}``; :func:`reformlab.analysis.claims.check_claim` computes it here and gives the
verdict.
"""

from __future__ import annotations

from reformlab.analysis.decompose import decompose
from reformlab.analysis.decompose_offsets import package_test
from reformlab.errors import ReformlabError
from reformlab.model.amendments import package_between

_CACHE: dict = {}


def amendments_offset(before, after, *, measure: str = "banzhaf", actor: str = "president"):
    """Whether every amendment that lowered ``actor``'s ``measure`` in a decision is matched by one that
    restored it, on the package that turns ``before`` into ``after`` (two evaluations of one tree; every
    subset filled by ``before``'s scenario, under the readings ``before`` is filled under,
    :func:`readings_of`): :func:`~reformlab.analysis.decompose_offsets.package_test` of that decomposition,
    ``(computed, reason, undecided)``."""
    overrides = readings_of(before)
    key = (id(before.constitution), id(after.constitution), id(before.scenario), tuple(sorted(overrides.items())),
           measure, actor)
    if key not in _CACHE:
        if before.constitution.id != after.constitution.id:
            found = f"{before.target} and {after.target} are not two versions of one constitution"
        else:
            try:
                package, _ = package_between(before.constitution, after.constitution)
                scenario = before.scenario
                if overrides:
                    from reformlab.analysis.assumptions import apply_overrides
                    from reformlab.engine.filling import fill

                    scenario = apply_overrides(scenario, fill(before.constitution, scenario), overrides)
                found = decompose(before.constitution, package, scenario, camp=actor, measures=(measure,),
                                  base_name=before.target)
            except ReformlabError as error:  # no difference, an actor not in the versions, an undeclared dependency
                found = error.problem
        _CACHE[key] = (found, (before, after))  # the sides kept, so that their ids stay theirs
    found = _CACHE[key][0]
    if isinstance(found, str):
        return {"summary": None, "decisions": {}}, f"no package to split: {found}", True
    return package_test(found, measure)


def readings_of(evaluation) -> dict[str, str]:
    """The assumptions under which ``evaluation`` is filled where they differ from its scenario's own:
    ``{party or controlled body: principal}`` read off its seat blocks and controlled bodies (a reading of
    ``reformlab claims --robust`` re-maps the filling, not the scenario; the subsets are filled under it)."""
    scenario = evaluation.scenario
    if scenario is None:
        return {}
    found = {}
    for body in evaluation.filling.bodies.values():
        for block in body.blocks:
            own = scenario.alignments[block.party].principal if block.party in scenario.alignments else block.party
            if block.party is not None and block.principal != own:
                found[block.party] = block.principal
    for body, assumption in scenario.controllers.items():
        held = evaluation.filling.bodies.get(body)
        if held is not None and held.controlled_by is not None and held.controlled_by != assumption.principal:
            found[body] = held.controlled_by
    return found


#: Quantity kinds read off both sides at once: ``(before, after, **args) -> (computed, reason, undecided)``,
#: ``computed["summary"]`` compared with the claim's ``expected.change``.
CHANGE_QUANTITIES = {"amendments_offset": amendments_offset}
