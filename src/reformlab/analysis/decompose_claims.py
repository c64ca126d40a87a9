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
    subset filled by ``before``'s scenario): :func:`~reformlab.analysis.decompose_offsets.package_test` of
    that decomposition, ``(computed, reason, undecided)``."""
    key = (id(before.constitution), id(after.constitution), id(before.scenario), measure, actor)
    if key not in _CACHE:
        if before.constitution.id != after.constitution.id:
            found = f"{before.target} and {after.target} are not two versions of one constitution"
        else:
            try:
                package, _ = package_between(before.constitution, after.constitution)
                found = decompose(before.constitution, package, before.scenario, camp=actor, measures=(measure,),
                                  base_name=before.target)
            except ReformlabError as error:  # no difference, an actor not in the versions, an undeclared dependency
                found = error.problem
        _CACHE[key] = (found, (before, after))  # the sides kept, so that their ids stay theirs
    found = _CACHE[key][0]
    if isinstance(found, str):
        return {"summary": None, "decisions": {}}, f"no package to split: {found}", True
    return package_test(found, measure)


#: Quantity kinds read off both sides at once: ``(before, after, **args) -> (computed, reason, undecided)``,
#: ``computed["summary"]`` compared with the claim's ``expected.change``.
CHANGE_QUANTITIES = {"amendments_offset": amendments_offset}
