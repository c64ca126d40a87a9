"""Any version with any election: the scenario that fills a version's bodies from one election's votes.

The rules come from the version, the votes from the election. For every popular seat group of the version:

* a ``list`` tier is allocated from the election's raw list votes under the version's own rule (its method,
  its threshold, its number of seats);
* a ``single_member`` tier takes the election's declared district winners when it has as many of them as
  the tier has seats; otherwise (the election had no districts, or other ones) the seats come from a
  **district model**: the uniform swing with district noise of :mod:`reformlab.analysis.risk.districts`,
  anchored on the nearest built-in election that has district returns for the body, moved by the change in
  the camp's list share between the two elections; its *expected* camp seats (rounded to the nearest seat)
  go to the camp's largest list, the other districts to independents (each its own principal). This is a
  model, not a result, and every output that uses it says so;
* a ``compensatory`` tier takes the list votes and the declared district winners when there are as many
  as it has districts, else the district model's winners for its districts;
* a ``districts`` tier of one district takes the national list votes; one of several districts cannot be
  filled from national list votes, and the pair is refused with the reason.

:func:`fit_scenario` does the same for a scenario's own election where a reform changed the kind of tier
its results were given for (the web app's default scenario).

The alignments and controllers (who answers to whom) are the election's scenario's: they describe the
parties and bodies of that election. An election is named by a built-in scenario id (``kz-majilis-2004``)
or a built-in election id (``KZ-MAJ-2004``); :func:`resolve_election` says which it took.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from statistics import NormalDist

from reformlab.data.election_results import built_in_elections, election_inputs
from reformlab.engine.scenario import ElectionSeats, Fits, Scenario, builtin_scenarios
from reformlab.errors import ReformlabError, unknown_name
from reformlab.model import Constitution, Unknown

#: The principal whose camp the district model counts (the risk model's default camp).
CAMP = ("president",)


@dataclass(frozen=True)
class ElectionSource:
    """An election as the user named it: the built-in election id, the scenario describing its parties
    (alignments, controllers), and how the name was read (``said``)."""

    name: str
    election_id: str
    scenario: Scenario
    said: str

    @property
    def date(self) -> dt.date:
        return self.scenario.date


def _list_election(scenario: Scenario) -> str | None:
    for spec in scenario.seats.values():
        if spec.election is not None and spec.tier == "list":
            return spec.election
    return None


def resolve_election(name: str) -> ElectionSource:
    """The election ``name`` denotes: a built-in scenario id (its list election and its alignments) or a
    built-in election id (with the alignments of the built-in scenario that uses it).

    Raises:
        ReformlabError: a name that is neither, or a scenario that names no built-in list election.
    """
    if not isinstance(name, str) or not name.strip():
        raise ReformlabError("no election named", field="--election",
                             fix="name a built-in scenario (kz-majilis-2004) or election id (KZ-MAJ-2004)")
    scenarios = builtin_scenarios()
    if name in scenarios:
        scenario = scenarios[name]
        election = _list_election(scenario)
        if election is None:
            raise ReformlabError(
                f"scenario {name!r} names no built-in list election", field="--election",
                fix="name a scenario filled from a built-in election (reformlab list)",
            )
        return ElectionSource(name, election, scenario, f"scenario {name} (election {election})")
    elections = built_in_elections()
    if name in elections:
        using = [s for s in scenarios.values() if _list_election(s) == name]
        if not using:
            raise ReformlabError(
                f"no built-in scenario gives the alignments of the parties of {name}", field="--election",
                fix="name a built-in scenario instead (reformlab list)",
            )
        return ElectionSource(name, name, using[0], f"election {name} (alignments of scenario {using[0].id})")
    raise unknown_name("election", name, list(scenarios) + list(elections), field="--election",
                       problem=f"no built-in scenario or election {name!r}", fix="see reformlab list")


def election_parties(election: str) -> set[str]:
    """The subjects an ``--align`` may name for ``election``: its parties and its scenario's controlled bodies."""
    source = resolve_election(election)
    inputs = election_inputs(source.election_id)
    return set(inputs.votes) | set(inputs.district_seats) | set(source.scenario.alignments) | set(source.scenario.controllers)


def _camp_parties(scenario: Scenario, camp=CAMP) -> set[str]:
    return {party for party, a in scenario.alignments.items() if a.principal in camp} | set(camp)


def _camp_share(election_id: str, scenario: Scenario) -> float:
    votes = election_inputs(election_id).votes
    camp = _camp_parties(scenario)
    return sum(v for p, v in votes.items() if p in camp) / sum(votes.values())


def _district_reference(constitution_id: str, day: dt.date) -> tuple[str, Scenario] | None:
    """The built-in election of the same country (constitution) with district returns nearest ``day``, with
    the scenario giving its parties; None when that country has none (another country's districts say
    nothing of its own)."""
    found = []
    for scenario in builtin_scenarios().values():
        if scenario.constitution != constitution_id:
            continue
        for spec in scenario.seats.values():
            if spec.election is not None and spec.tier == "smd":
                found.append((abs((scenario.date - day).days), spec.election, scenario))
    return min(found, key=lambda f: f[0])[1:] if found else None


def modelled_district_seats(seats: int, election: ElectionSource, *, district_spread: float = 0.5,
                            district_sd: float = 0.3) -> tuple[dict[str, int], str]:
    """Expected district seats of the camp under ``election`` by the uniform-swing district model, and the
    sentence saying so (see the module docstring).

    Raises:
        ReformlabError: no built-in election has district returns to anchor the model.
    """
    from reformlab.analysis.risk.districts import district_margins

    country = election.scenario.constitution
    reference = _district_reference(country, election.date)
    if reference is None:
        raise ReformlabError(
            f"{election.election_id} has no district returns, and no built-in election of '{country}' has any to "
            "anchor the district model (another country's districts are no guide)",
            field="--election", fix="name an election held under single-member districts, or give the district "
            "results in a scenario (seats: {group: {districts: ...}})",
        )
    ref_id, ref_scenario = reference
    declared = election_inputs(ref_id).district_seats
    camp_ref = _camp_parties(ref_scenario)
    ref_wins = sum(n for p, n in declared.items() if p in camp_ref)
    wins = round(ref_wins * seats / sum(declared.values()))
    logit = lambda v: math.log(v / (1 - v))  # noqa: E731
    swing = logit(_camp_share(election.election_id, election.scenario)) - logit(_camp_share(ref_id, ref_scenario))
    margins = district_margins(seats, wins, district_spread)
    normal = NormalDist()
    if district_sd > 0:
        expected = sum(normal.cdf((float(m) + swing) / district_sd) for m in margins)
    else:
        expected = float(sum(1 for m in margins if m + swing > 0))
    camp_seats = min(seats, max(0, round(expected)))
    camp = _camp_parties(election.scenario) - set(CAMP)
    votes = election_inputs(election.election_id).votes
    party = max((p for p in votes if p in camp), key=lambda p: votes[p], default=CAMP[0])
    note = (f"district model, not a result: {camp_seats} of {seats} districts to the camp ({party}; expected "
            f"{expected:.1f}), from {ref_id}'s {wins} camp districts moved by the change in the camp's list share "
            f"({_camp_share(ref_id, ref_scenario):.1%} -> {_camp_share(election.election_id, election.scenario):.1%}; "
            f"uniform swing, district_spread {district_spread}, district_sd {district_sd}); the other "
            f"{seats - camp_seats} to independents")
    return {party: camp_seats, "Independents (district model)": seats - camp_seats}, note


def _tier_results(system: dict, seats: int, source: ElectionSource, where: str, version: str,
                  notes: list[str]) -> ElectionSeats:
    """What ``source`` gives a tier of ``seats`` seats: list votes for a list tier, the declared or the
    modelled district winners for single-member seats, list votes and the declared district winners for a
    compensatory tier with as many districts, each tier's own for a parallel one."""
    kind = system.get("kind", "list")
    won = election_inputs(source.election_id).district_seats
    declared = sum(won.values())
    if kind == "list":
        return ElectionSeats(election=source.election_id)
    if kind == "single_member" and declared == seats:
        return ElectionSeats(election=source.election_id, tier="smd")
    if kind == "single_member":
        modelled, note = modelled_district_seats(seats, source)
        notes.append(f"{where}: {note}")
        return ElectionSeats(seats=modelled)
    if kind == "compensatory" and declared == system.get("districts"):
        return ElectionSeats(election=source.election_id, district_seats=dict(won))
    if kind == "compensatory" and isinstance(system.get("districts"), int):
        modelled, note = modelled_district_seats(system["districts"], source)
        notes.append(f"{where}: {note}")
        return ElectionSeats(election=source.election_id, district_seats=modelled)
    if kind == "districts" and isinstance(system.get("seats"), dict) and len(system["seats"]) == 1:
        (name,) = system["seats"]  # one district is the whole country: its list votes are the national ones
        return ElectionSeats(districts={name: dict(election_inputs(source.election_id).votes)})
    if kind == "parallel":
        return ElectionSeats(tiers={name: _tier_results(tier, tier.get("seats"), source, f"{where}.{name}", version,
                                                        notes) for name, tier in system["tiers"].items()})
    raise ReformlabError(
        f"{source.said} cannot fill {where} of {version}: it is elected by a {kind} tier, which needs "
        "votes per district, and the election gives national list votes only",
        field="--election", fix="give the seat group's results in a scenario file (--scenario)",
    )


def scenario_for(constitution: Constitution, election: str | ElectionSource) -> tuple[Scenario, tuple[str, ...]]:
    """The scenario filling ``constitution``'s popular seat groups from ``election``, with notes on what is
    modelled rather than taken from the results.

    Raises:
        ReformlabError: a seat group the election cannot fill, with the reason.
    """
    source = resolve_election(election) if isinstance(election, str) else election
    inputs = election_inputs(source.election_id)
    version = f"{constitution.id}@{constitution.as_of}"
    if source.scenario.constitution != constitution.id:
        raise ReformlabError(
            f"{source.said} is an election of {source.scenario.constitution!r}, not of {constitution.id!r} ({version})",
            field="--election", fix="name an election of this country (reformlab list)",
        )
    seats: dict[str, ElectionSeats] = {}
    notes: list[str] = []
    for body_id, group in constitution.iter_seat_groups():
        body = constitution.bodies[body_id]
        if group.filled_by != "popular" or body_id in source.scenario.controllers or body.kind == "office":
            continue
        where = f"{body_id}.{group.id}"
        declared = sum(inputs.district_seats.values())
        if (isinstance(group.system, Unknown) and not isinstance(group.seats, Unknown) and declared == group.seats
                and getattr(group, "candidates", None) == "individuals"):
            seats[where] = ElectionSeats(election=source.election_id, tier="smd")  # the declared winners
            continue
        if isinstance(group.system, Unknown) or isinstance(group.seats, Unknown):
            raise ReformlabError(
                f"{source.said} cannot fill {where} of {version}: its electoral system or size is not known",
                field="--election", fix="give the seat group's results in a scenario file (--scenario)",
            )
        seats[where] = _tier_results(dict(group.system), group.seats, source, where, version, notes)
    scenario = source.scenario.model_copy(update={
        "id": f"{source.name}@{version}",
        "label": f"the votes of {source.election_id} under the rules of {version}",
        "fits": Fits.model_validate({"from": constitution.as_of, "to": constitution.as_of}),
        "seats": seats,
    })
    return scenario, tuple(notes)


def fit_scenario(constitution: Constitution,
                 scenario: Scenario | None) -> tuple[Scenario | None, tuple[str, ...]]:
    """``scenario`` with every popular seat group it fills from a built-in election's list votes, but whose
    tier is now of another kind (a reform made it parallel, compensatory...), filled from that election as
    ``--election`` fills it (:func:`_tier_results`), and the notes on what is modelled. Other groups, and
    results given in any other form, are left as they are."""
    if scenario is None:
        return None, ()
    seats, notes = dict(scenario.seats), []
    version = f"{constitution.id}@{constitution.as_of}"
    for body_id, group in constitution.iter_seat_groups():
        where = f"{body_id}.{group.id}"
        spec = seats.get(where)
        if (group.filled_by != "popular" or spec is None or spec.election is None or spec.tier != "list"
                or not isinstance(group.system, dict) or group.system.get("kind", "list") == "list"
                or isinstance(group.seats, Unknown)):
            continue
        source = ElectionSource(scenario.id, spec.election, scenario, f"election {spec.election}")
        try:
            seats[where] = _tier_results(dict(group.system), group.seats, source, where, version, notes)
        except ReformlabError as error:  # said of the seat group edited, not of a command-line option
            raise ReformlabError(
                f"a {group.system.get('kind')} system for {where} needs results the scenario {scenario.id} "
                f"does not give: {error.problem}", field=where,
                fix=f"give that group's results in a scenario file (seats: {where}: ...), or keep a list system",
            ) from None
    if not notes and seats == scenario.seats:
        return scenario, ()
    return scenario.model_copy(update={"seats": seats}), tuple(notes)
