"""One constitution version under one scenario, evaluated: filled bodies, decision games, control."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from reformlab.analysis.control import Control, control
from reformlab.engine.decisions import Decision, decisions
from reformlab.engine.filling import Filling, fill
from reformlab.engine.scenario import Scenario, default_scenario, scenario_named
from reformlab.errors import ReformlabError
from reformlab.model import Constitution
from reformlab.model.targets import resolve_target


@dataclass(frozen=True)
class Evaluation:
    """A version filled under a scenario, with its decisions and their control (computed once, on demand)."""

    target: str
    constitution: Constitution
    scenario: Scenario | None
    filling: Filling
    election: str | None = None  # how --election was read, when the votes come from another election
    modelled: tuple[str, ...] = ()  # what is modelled rather than taken from results (district seats)

    @cached_property
    def decisions(self) -> dict[str, Decision]:
        return decisions(self.filling)

    @cached_property
    def control(self) -> Control:
        return control(self.filling, self.decisions)

    @property
    def name(self) -> str:
        """``target`` with the scenario, for headings (``kz@2007-09-01 / kz-majilis-2007``)."""
        return self.target + (f" / {self.scenario.id}" if self.scenario else "")


def evaluate(
    target: str | Constitution,
    scenario: str | Scenario | None = None,
    *,
    alignments: dict[str, str] | None = None,
    election: str | None = None,
) -> Evaluation:
    """Resolve ``target`` (``kz@2007-09-01``, a file, or a :class:`Constitution`), pick the scenario (given, or
    the built-in one describing the bodies on that date), apply alignment overrides and fill the bodies.

    With ``election`` (a built-in scenario or election id) the bodies are filled from that election's votes
    under the version's own rules instead (:func:`reformlab.analysis.elections.scenario_for`), whatever the
    date; ``scenario`` must then be None.

    Raises:
        ReformlabError: an unknown target or scenario, a scenario made for another constitution or version,
            an election that cannot fill the version's bodies.
    """
    constitution = resolve_target(target) if isinstance(target, str) else target
    name = target if isinstance(target, str) else f"{constitution.id}@{constitution.as_of}"
    if election is not None:
        from reformlab.analysis.elections import resolve_election, scenario_for

        if scenario is not None:
            raise ReformlabError("give --scenario or --election, not both", field="--election",
                                 fix="--election fills the bodies from that election's votes under the version's rules")
        source = resolve_election(election)
        filled_by, modelled = scenario_for(constitution, source)
        if alignments:
            from reformlab.analysis.assumptions import apply_overrides

            filled_by = apply_overrides(filled_by, fill(constitution, filled_by), alignments)
        return Evaluation(name, constitution, filled_by, fill(constitution, filled_by), source.said, modelled)
    if isinstance(scenario, str):
        scenario = scenario_named(scenario)
    elif scenario is None:
        scenario = default_scenario(constitution.id, constitution.as_of)
    if scenario is not None:
        if scenario.constitution != constitution.id:
            raise ReformlabError(
                f"scenario {scenario.id!r} is for constitution {scenario.constitution!r}, not {constitution.id!r}",
                field="--scenario", fix="choose a scenario of this constitution (reformlab list)",
            )
        if not scenario.fits_date(constitution.as_of):
            raise ReformlabError(
                f"scenario {scenario.id!r} describes the bodies from {scenario.fits.from_} to {scenario.fits.to or 'now'}, "
                f"not on {constitution.as_of} ({name})",
                field="--scenario", fix="choose a date in that range or a scenario that fits (reformlab list)",
            )
        if alignments:
            from reformlab.analysis.assumptions import apply_overrides

            scenario = apply_overrides(scenario, fill(constitution, scenario), alignments)
    elif alignments:
        raise ReformlabError("--align needs a scenario: nothing fills the bodies of this version",
                             field="--align", fix="give --scenario (reformlab list shows them)")
    return Evaluation(name, constitution, scenario, fill(constitution, scenario))


def evaluate_pair(before, after, scenario_before=None, scenario_after=None, *, alignments: dict[str, str] | None = None,
                  election: str | None = None) -> tuple[Evaluation, Evaluation]:
    """Both sides of a comparison evaluated, each taking the ``--align`` overrides about its own subjects (a
    party of one side only is no error on the other).

    Raises:
        ReformlabError: an override about a subject of neither side, or what :func:`evaluate` raises.
    """
    sides = (evaluate(before, scenario_before, election=election), evaluate(after, scenario_after, election=election))
    if not alignments:
        return sides
    from reformlab.analysis.assumptions import overrides_per_side

    per_side = overrides_per_side(dict(zip(("before", "after"), sides)), alignments)
    return tuple(evaluate(target, scenario, alignments=part, election=election) if part else side
                 for target, scenario, part, side in zip((before, after), (scenario_before, scenario_after),
                                                         per_side.values(), sides))


def _check_alignments(alignments: dict[str, str], filling, scenario: Scenario) -> None:
    """Every party to re-align must hold seats in the filling or be aligned by the scenario (a typo would
    otherwise change nothing, silently)."""
    from reformlab.errors import unknown_name

    known = {block.party for body in filling.bodies.values() for block in body.blocks if block.party}
    known |= set(scenario.alignments)
    for party in alignments:
        if party not in known:
            raise unknown_name("party", party, sorted(known), field="--align",
                               fix=f"name a party that holds seats in scenario {scenario.id!r}")
