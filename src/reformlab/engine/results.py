"""Seats from a built-in election for one seat group, under the version's own electoral system."""

from __future__ import annotations

from reformlab.data.election_results import election_inputs
from reformlab.electoral import ElectoralSystem
from reformlab.errors import ReformlabError
from reformlab.model import Unknown


def elected_seats(group, spec, *, where: str) -> tuple[dict[str, int], str | None]:
    """Seats by party for ``group`` from the election ``spec`` names, and a check against the official record.

    A ``list`` tier is allocated from the raw votes with the seat group's own system (the constitution
    version's rule), so changing the rule changes the result. Where the published data cannot support the
    threshold base the law names (see the election's ``data_base_reason``), the base the data support is
    used and the check says so. An ``smd`` tier takes the declared winners.
    """
    if spec.seats is not None:
        if sum(spec.seats.values()) != group.seats:
            raise ReformlabError(
                f"the scenario gives {sum(spec.seats.values())} seats but {where} has {group.seats}",
                field=f"seats.{where}.seats", fix="make the seats add up to the seat group's size",
            )
        return dict(spec.seats), None
    if spec.votes is not None:
        return _allocated(group, spec.votes, spec.ballots_cast, spec.against_all, where), None
    inputs = election_inputs(spec.election)
    if spec.tier == "smd":
        seats = dict(inputs.district_seats)
        if sum(seats.values()) != group.seats:
            raise ReformlabError(
                f"{spec.election} declares {sum(seats.values())} single-member winners but {where} has {group.seats} seats",
                field=f"seats.{where}", fix="name an election held under this version",
            )
        return seats, None
    if isinstance(group.system, Unknown):
        raise ReformlabError(f"the electoral system of {where} is not known", field=f"seats.{where}")
    data = dict(group.system)
    if data.get("seats") != group.seats:
        data["seats"] = group.seats
    notes = []
    law_base = (inputs.rule.get("system") or {}).get("threshold", {}).get("base")
    threshold = data.get("threshold")
    if inputs.rule.get("data_base") and isinstance(threshold, dict) and threshold.get("base") == law_base:
        data["threshold"] = {**threshold, "base": inputs.rule["data_base"]}
        notes.append(f"threshold base taken as {inputs.rule['data_base']} ({inputs.rule.get('data_base_reason', '').strip()})")
    result = ElectoralSystem.from_dict(data).allocate(
        inputs.votes, ballots_cast=inputs.ballots_cast, against_all=inputs.against_all, registered=inputs.registered
    )
    seats = {party: int(n) for party, n in result.seats.items()}
    official = {p: n for p, n in inputs.official_seats.items() if n}
    same = {p: n for p, n in seats.items() if n} == official
    verdict = "reproduces the official seats" if same else f"differs from the official seats {official}"
    check = f"{where} from {spec.election}: {verdict}" + (f"; {notes[0]}" if notes else "")
    return seats, check


def _allocated(group, votes, ballots_cast, against_all, where: str) -> dict[str, int]:
    """Seats by party from ``votes`` under the seat group's own electoral system."""
    if isinstance(group.system, Unknown):
        raise ReformlabError(f"the electoral system of {where} is not known", field=f"seats.{where}")
    data = {**dict(group.system), "seats": group.seats}
    result = ElectoralSystem.from_dict(data).allocate(votes, ballots_cast=ballots_cast, against_all=against_all)
    return {party: int(n) for party, n in result.seats.items()}
