"""``/api/allocate``: votes to seats, for a built-in election's list tier or for votes the client sends."""

from __future__ import annotations

from reformlab.errors import ReformlabError, unknown_name

THRESHOLD_BASES = {"ballots": "ballots_cast", "ballots_cast": "ballots_cast", "valid": "valid",
                   "valid_plus_against_all": "valid_plus_against_all"}


def _threshold(share: str | None, base: str | None) -> dict | None:
    if share is None:
        return None
    name = THRESHOLD_BASES.get((base or "valid").lower())
    if name is None:
        raise unknown_name("threshold base", base, THRESHOLD_BASES, field="--threshold-base")
    return {"share": share, "base": name}


def allocate(request) -> dict:
    """The allocation as ``reformlab allocate --format json`` prints it (with the official seats for an election)."""
    from reformlab.electoral import ElectoralSystem, method_named
    from reformlab.electoral import allocate as run

    if (request.election is None) == (request.votes is None):
        raise ReformlabError("give either an election or votes", field="election",
                             fix="e.g. {\"election\": \"KZ-MAJ-2007\"} or {\"votes\": {\"A\": 100}, \"seats\": 10}")
    if request.seats is not None and request.seats <= 0:
        raise ReformlabError(f"seats must be above 0, got {request.seats}", field="--seats", fix="give --seats 1 or more")
    if request.method is not None:
        method_named(request.method)
    threshold = _threshold(request.threshold, request.threshold_base)
    if request.election is not None:
        from reformlab.data.election_results import election_inputs

        inputs = election_inputs(request.election)
        data = inputs.system_data
        data.update({k: v for k, v in (("method", request.method), ("seats", request.seats),
                                       ("threshold", threshold), ("tie_break", request.tie_break)) if v is not None})
        result = ElectoralSystem.from_dict(data).allocate(
            inputs.votes, ballots_cast=inputs.ballots_cast, against_all=inputs.against_all, seed=request.seed)
        return {**result.to_dict(), "election": request.election, "official_seats": inputs.official_seats,
                "rule": {"article": inputs.rule.get("article"), "source": inputs.rule.get("source")}}
    if request.seats is None:
        raise ReformlabError("the number of seats is missing", field="--seats", fix="add --seats N (N > 0)")
    if not request.votes:
        raise ReformlabError("no votes given", field="votes", fix="give votes by party, e.g. {\"A\": 100, \"B\": 50}")
    negative = [party for party, votes in request.votes.items() if votes < 0]
    if negative:
        raise ReformlabError(f"votes must not be negative ({negative[0]})", field="votes", fix="correct the count")
    result = run(dict(request.votes), request.seats, request.method or "d_hondt", threshold,
                 ballots_cast=request.ballots_cast, against_all=request.against_all,
                 tie_break=request.tie_break or "order", seed=request.seed)
    return result.to_dict()
