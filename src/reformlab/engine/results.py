"""Seats for one popular seat group, under the version's own electoral tier (any kind the registry has).

The seat group's ``system`` is read by the electoral layer's tier registry
(:data:`reformlab.electoral.KINDS`), so a reform that changes the rule, or the kind of tier, changes the
result: a ``list`` tier allocates list votes; ``single_member`` elects each district (plurality, or two
rounds: an absolute majority, else the runoff); ``districts`` allocates list votes per district;
``compensatory`` tops district seats up to proportional shares (the house grows by any overhang the tier's
rule keeps); ``parallel`` fills each of its named tiers from the scenario's results for it and adds them.
"""

from __future__ import annotations

from collections import Counter

from reformlab.data.election_results import election_inputs
from reformlab.electoral import (
    CompensatorySystem,
    ElectoralSystem,
    MultiDistrictSystem,
    ParallelSystem,
    SingleMemberSystem,
    tier_to_dict,
)
from reformlab.errors import ReformlabError, unknown_name
from reformlab.model import Unknown
from reformlab.model.electoral_bridge import tier_of

#: What a scenario may give for each tier kind (besides declared ``seats``).
INPUTS = {
    "list": "'votes' or a built-in 'election'",
    "single_member": "'districts' (votes per district, and 'runoff' where no one has a majority) or an "
                     "'election' with tier smd",
    "districts": "'districts' (list votes per district)",
    "compensatory": "'votes' (list votes) or a built-in 'election', and 'district_seats' (single-member seats "
                    "won per party)",
    "parallel": "'tiers': the results of each of its tiers, by the tier's name",
}


def elected_seats(group, spec, *, where: str) -> tuple[dict[str, int], str | None]:
    """Seats by party for ``group`` from the results ``spec`` gives, and a check against the official record.

    A ``list`` tier is allocated from the raw votes with the seat group's own system (the constitution
    version's rule), so changing the rule changes the result. Where the published data cannot support the
    threshold base the law names (see the election's ``data_base_reason``), the base the data support is
    used and the check says so. An ``smd`` election takes the declared winners.
    """
    if spec.seats is not None:
        return _counted(dict(spec.seats), group, where, "the scenario gives"), None
    if spec.election is not None and spec.tier == "smd":
        seats = dict(election_inputs(spec.election).district_seats)
        if sum(seats.values()) != group.seats:
            raise ReformlabError(
                f"{spec.election} declares {sum(seats.values())} single-member winners but {where} has {group.seats} seats",
                field=f"seats.{where}", fix="name an election held under this version",
            )
        return seats, None
    tier = _tier(group, where)
    if isinstance(tier, ParallelSystem) and spec.tiers is not None:
        return _parallel(tier, group, spec, where)
    if isinstance(tier, SingleMemberSystem) and spec.districts is not None:
        return _single_member(tier, spec, where), None
    if isinstance(tier, MultiDistrictSystem) and spec.districts is not None:
        result = tier.allocate(spec.districts)
        return _counted({p: int(n) for p, n in result.seats.items()}, group, where, "the districts give"), None
    if isinstance(tier, CompensatorySystem) and spec.district_seats is not None:
        return _compensatory(tier, group, spec, where)
    if isinstance(tier, ElectoralSystem) and spec.votes is not None:
        result = tier.allocate(spec.votes, ballots_cast=spec.ballots_cast, against_all=spec.against_all)
        return {party: int(n) for party, n in result.seats.items()}, None
    if isinstance(tier, ElectoralSystem) and spec.election is not None:
        return _from_election(tier, group, spec, where)
    kind = tier_kind(group.system)
    raise ReformlabError(
        f"{where} is elected by a {kind} tier, which the scenario's results do not fit",
        field=f"seats.{where}", fix=f"give {INPUTS[kind]}, or the declared 'seats'",
    )


def tier_kind(system) -> str:
    """The tier kind a seat group's system names (``list`` unless it says otherwise)."""
    return system.get("kind", "list")


def _tier(group, where: str):
    if isinstance(group.system, Unknown):
        raise ReformlabError(f"the electoral system of {where} is not known", field=f"seats.{where}",
                             fix="give the declared 'seats' of the seat group")
    data = dict(group.system)
    if tier_kind(data) == "list":
        data["seats"] = group.seats
    return tier_of(data)


def _parallel(tier: ParallelSystem, group, spec, where: str) -> tuple[dict[str, int], str | None]:
    """Each named tier from the scenario's results for it (any kind, as if it were a seat group of its own
    seats), then the seats added party by party."""
    for name in spec.tiers:
        if name not in tier.tiers:
            raise unknown_name("tier", name, tier.tiers, field=f"seats.{where}.tiers.{name}",
                               problem=f"{where} has no tier {name!r}")
    results, checks = {}, []
    for name, sub in tier.tiers.items():
        if name not in spec.tiers:
            raise ReformlabError(f"the scenario gives no results for the {name!r} tier of {where}",
                                 field=f"seats.{where}.tiers", fix=f"give {name}: {INPUTS[sub.kind]}")
        part = group.model_copy(update={"seats": sub.elected_seats, "system": tier_to_dict(sub)})
        results[name], check = elected_seats(part, spec.tiers[name], where=f"{where}.{name}")
        checks += [check] if check else []
    return {p: int(n) for p, n in tier.combine(results).seats.items()}, "; ".join(checks) or None


def _compensatory(tier: CompensatorySystem, group, spec, where: str) -> tuple[dict[str, int], str | None]:
    """List votes (the scenario's or a built-in election's) topped up over the declared district seats."""
    won = sum(spec.district_seats.values())
    if won != tier.districts:
        raise ReformlabError(f"the scenario gives {won} district seats but {where} has {tier.districts} districts",
                             field=f"seats.{where}.district_seats", fix="give the winner of every district")
    notes = []
    if spec.votes is not None:
        votes, figures = spec.votes, {"ballots_cast": spec.ballots_cast, "against_all": spec.against_all}
    elif spec.election is not None:
        inputs = election_inputs(spec.election)
        votes, figures = inputs.votes, inputs.figures
        data, note = _data_base(dict(group.system), inputs)
        tier = tier_of(data) if note else tier
        notes += [f"list votes from {spec.election}"] + ([note] if note else [])
    else:
        raise ReformlabError(f"{where} is a compensatory tier: it needs list votes", field=f"seats.{where}",
                             fix=f"give {INPUTS['compensatory']}")
    result = tier.allocate(votes, spec.district_seats, **figures)
    if result.overhang:
        notes.append(f"overhang {dict(result.overhang)} ({tier.overhang}): {result.house} seats, not {tier.seats}")
    return {p: int(n) for p, n in result.seats.items()}, (f"{where}: " + "; ".join(notes)) if notes else None


def _data_base(system: dict, inputs) -> tuple[dict, str | None]:
    """``system`` with its threshold base set to the one the election's data support, where the law's base
    is not in the published results (the rule's ``data_base``), and the note saying so."""
    law_base = (inputs.rule.get("system") or {}).get("threshold", {}).get("base")
    threshold = tier_of(system).threshold
    if not inputs.rule.get("data_base") or threshold is None or threshold.base != law_base:
        return system, None
    data_base = inputs.rule["data_base"]
    system = {**system, "threshold": {**system["threshold"], "base": data_base}}
    return system, f"threshold base taken as {data_base} ({inputs.rule.get('data_base_reason', '').strip()})"


def _counted(seats: dict[str, int], group, where: str, who: str) -> dict[str, int]:
    if sum(seats.values()) != group.seats:
        raise ReformlabError(
            f"{who} {sum(seats.values())} seats but {where} has {group.seats}",
            field=f"seats.{where}", fix="make the seats add up to the seat group's size",
        )
    return seats


def _single_member(tier: SingleMemberSystem, spec, where: str) -> dict[str, int]:
    results = tier.elect(spec.districts, spec.runoff)
    undecided = [district for district, result in results.items() if result.winner is None]
    if undecided:
        raise ReformlabError(
            f"no candidate has the majority in {len(undecided)} districts of {where} ({undecided[0]}, ...)",
            field=f"seats.{where}.runoff", fix="give the runoff votes of those districts under 'runoff'",
        )
    return dict(Counter(str(result.winner) for result in results.values()))


def _from_election(tier: ElectoralSystem, group, spec, where: str) -> tuple[dict[str, int], str]:
    inputs = election_inputs(spec.election)
    data, note = _data_base({**dict(group.system), "seats": group.seats}, inputs)
    notes = [note] if note else []
    tier = tier_of(data) if note else tier
    result = tier.allocate(inputs.votes, **inputs.figures)
    seats = {party: int(n) for party, n in result.seats.items()}
    official = {p: n for p, n in inputs.official_seats.items() if n}
    same = {p: n for p, n in seats.items() if n} == official
    verdict = "reproduces the official seats" if same else f"differs from the official seats {official}"
    check = f"{where} from {spec.election}: {verdict}" + (f"; {notes[0]}" if notes else "")
    return seats, check
