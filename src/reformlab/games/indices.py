"""Power indices, exact (integer counts, ``Fraction`` results) with a Monte Carlo path for large games.

Every index is computed from the counts in :class:`~reformlab.games.counting.enumeration.Profile`: swing counts by
coalition size (Banzhaf, Penrose, Shapley-Shubik, Coleman), minimal winning coalitions (Holler,
Deegan-Packel) and critical sets (Johnston). :func:`power` picks the exact path when one fits and says
which path it used. Notation: ``n`` players, ``eta_i`` the number of coalitions in which ``i`` is a swing
(a losing coalition without ``i`` that wins with ``i``), ``W`` the number of winning coalitions.
"""

from __future__ import annotations

from fractions import Fraction
from math import factorial

from reformlab.errors import ReformlabError, did_you_mean
from reformlab.games import montecarlo
from reformlab.games.counting.enumeration import ENUMERATION_LIMIT, Profile
from reformlab.games.base import Game
from reformlab.games import counting
from reformlab.games.exact_path import exact_profile
from reformlab.games.result import GAME_KEY, PowerResult

METHODS = ("auto", "exact", "monte_carlo")
NEEDS = {"holler": "minimal", "deegan_packel": "minimal", "johnston": "critical"}  # the others: "swings"
_FIELD = {"swings": "swings", "totals": "swings", "minimal": "minimal", "critical": "johnston"}  # the Profile count each needs


def _ratio(numerators: list, denominator, what: str) -> list[Fraction]:
    if not denominator:
        raise ReformlabError(
            f"this index is undefined for the game: {what}",
            fix="check the game: some coalition must win, some must lose, and some player must matter",
        )
    return [Fraction(value) / denominator for value in numerators]


def _eta(profile: Profile) -> list[int]:
    return [sum(row) for row in profile.swings]


def _per_player(profile: Profile, values: list[Fraction]) -> dict[str, Fraction]:
    return dict(zip(profile.players, values, strict=True))


def _banzhaf(profile: Profile) -> dict[str, Fraction]:
    eta = _eta(profile)
    return _per_player(profile, _ratio(eta, sum(eta), "no player is ever a swing"))


def _penrose(profile: Profile) -> dict[str, Fraction]:
    n = len(profile.players)
    return _per_player(profile, [Fraction(e, 2 ** (n - 1)) for e in _eta(profile)])


def _shapley(profile: Profile) -> dict[str, Fraction]:
    # integer sums with one Fraction per distinct row: players of one type (435 representatives) share a row
    return _per_player(profile, counting.shapley_from_swings_by_size(profile.swings))


def _holler(profile: Profile) -> dict[str, Fraction]:
    counts = [sum(row) for row in profile.minimal]
    return _per_player(profile, _ratio(counts, sum(counts), "there is no minimal winning coalition"))


def _deegan_packel(profile: Profile) -> dict[str, Fraction]:
    shares = [sum((Fraction(c, s) for s, c in enumerate(row) if s), Fraction(0)) for row in profile.minimal]
    return _per_player(
        profile, _ratio(shares, sum(profile.minimal_total), "there is no minimal winning coalition")
    )


def _johnston(profile: Profile) -> dict[str, Fraction]:
    return _per_player(
        profile, _ratio(list(profile.johnston), sum(profile.johnston), "no player is ever critical")
    )


def _coleman_collectivity(profile: Profile) -> dict[str, Fraction]:
    return {GAME_KEY: Fraction(profile.winning, 2 ** len(profile.players))}


def _coleman_preventive(profile: Profile) -> dict[str, Fraction]:
    return _per_player(profile, _ratio(_eta(profile), profile.winning, "no coalition wins"))


def _coleman_initiative(profile: Profile) -> dict[str, Fraction]:
    losing = 2 ** len(profile.players) - profile.winning
    return _per_player(profile, _ratio(_eta(profile), losing, "every coalition wins"))


_EXACT = {
    "banzhaf": _banzhaf,
    "penrose": _penrose,
    "shapley": _shapley,
    "holler": _holler,
    "deegan_packel": _deegan_packel,
    "johnston": _johnston,
    "coleman_collectivity": _coleman_collectivity,
    "coleman_preventive": _coleman_preventive,
    "coleman_initiative": _coleman_initiative,
}


def _check_options(indices: list[str], method: str) -> None:
    for name in indices:
        if name not in _EXACT:
            raise ReformlabError(
                f"unknown power index {name!r}", field="index", fix=did_you_mean(name, _EXACT)
            )
    if method not in METHODS:
        raise ReformlabError(f"unknown method {method!r}", field="method", fix=did_you_mean(method, METHODS))


def powers(
    game: Game,
    indices: list[str] | tuple[str, ...],
    *,
    method: str = "auto",
    samples: int = 20_000,
    seed: int | None = None,
    rng=None,
    limit: int = ENUMERATION_LIMIT,
) -> dict[str, PowerResult]:
    """Several indices of one game, sharing the exact counts (see :func:`power` for the arguments)."""
    indices = list(indices)
    _check_options(indices, method)
    game.validate()
    results: dict[str, PowerResult] = {}
    if method != "monte_carlo":
        found: list[Profile] = []  # an enumerated profile has every count: reuse it for every index
        tried: set[str] = set()
        by_size = "shapley" in indices  # otherwise swing totals suffice, which weighted games count faster
        for name in indices:
            needs = NEEDS.get(name, "swings" if by_size else "totals")
            profile = next((p for p in found if getattr(p, _FIELD[needs]) is not None), None)
            if profile is None and needs not in tried:
                tried.add(needs)
                profile = exact_profile(game, needs=needs, limit=limit)
                if profile is not None:
                    found.append(profile)
            if profile is not None:
                results[name] = PowerResult(name, _EXACT[name](profile), "exact")
    missing = [name for name in indices if name not in results]
    if missing and method == "exact":
        raise ReformlabError(
            f"{missing[0]} has no exact path for this game ({len(game.players)} players)",
            field="method",
            fix="allow Monte Carlo estimation (method 'auto' or 'monte_carlo'), or simplify the game",
        )
    if missing:
        results.update(montecarlo.estimate(game, missing, samples=samples, seed=seed, rng=rng))
    return {name: results[name] for name in indices}


def power(game: Game, index: str = "banzhaf", **options) -> PowerResult:
    """One power index of ``game``.

    Args:
        game: any game of :mod:`reformlab.games`.
        index: a short name from :data:`INDICES`.
        method: ``"auto"`` (exact when a path fits, else Monte Carlo), ``"exact"`` (raise when none fits) or
            ``"monte_carlo"``.
        samples: Monte Carlo sample count.
        seed: Monte Carlo seed (or give ``rng``, a ``numpy.random.Generator``; not both).
        limit: most players to enumerate exactly.

    >>> from reformlab.games import WeightedGame
    >>> power(WeightedGame({"A": 40, "B": 30, "C": 20, "D": 10}, quota=51), "shapley").values["A"]
    Fraction(5, 12)
    """
    return powers(game, [index], **options)[index]


def banzhaf(game: Game, **options) -> PowerResult:
    """Normalised Banzhaf index: ``eta_i / sum_j eta_j`` (Banzhaf 1965, "Weighted voting doesn't work",
    Rutgers Law Review 19: 317-343). Options as in :func:`power`."""
    return power(game, "banzhaf", **options)


def penrose(game: Game, **options) -> PowerResult:
    """Absolute Banzhaf (Penrose) index: ``eta_i / 2^(n-1)``, the probability that ``i`` decides the
    outcome when all others vote at random (Penrose 1946, "The elementary statistics of majority voting",
    JRSS 109: 53-57). Options as in :func:`power`."""
    return power(game, "penrose", **options)


def shapley(game: Game, **options) -> PowerResult:
    """Shapley-Shubik index: the share of the ``n!`` orderings in which ``i`` is pivotal,
    ``sum_S k!(n-k-1)!/n!`` over swing coalitions ``S`` of size ``k`` (Shapley & Shubik 1954, "A method for
    evaluating the distribution of power in a committee system", APSR 48: 787-792)."""
    return power(game, "shapley", **options)


def holler(game: Game, **options) -> PowerResult:
    """Holler's public good index: the number of minimal winning coalitions containing ``i``, normalised to
    sum to 1 (Holler 1982, "Forming coalitions and measuring voting power", Political Studies 30: 262-271)."""
    return power(game, "holler", **options)


def deegan_packel(game: Game, **options) -> PowerResult:
    """Deegan-Packel index: ``(1/|M|) sum_{S in M, i in S} 1/|S|`` over the minimal winning coalitions ``M``
    (Deegan & Packel 1978, "A new index of power for simple n-person games", IJGT 7: 113-123)."""
    return power(game, "deegan_packel", **options)


def johnston(game: Game, **options) -> PowerResult:
    """Johnston index: over winning coalitions where ``i`` is critical, the sum of 1 / (number of critical
    players), normalised to sum to 1 (Johnston 1978, "On the measurement of power: some reactions to Laver",
    Environment and Planning A 10: 907-914)."""
    return power(game, "johnston", **options)


def coleman_collectivity(game: Game, **options) -> PowerResult:
    """Coleman's power of a collectivity to act: ``W / 2^n``, the share of coalitions that win (Coleman 1971,
    "Control of collectivities and the power of a collectivity to act", in Lieberman (ed.), Social Choice).
    Its value belongs to the game: key ``"<game>"``."""
    return power(game, "coleman_collectivity", **options)


def coleman_preventive(game: Game, **options) -> PowerResult:
    """Coleman's power to prevent action: ``eta_i / W``, the share of winning coalitions that ``i`` can turn
    into losing ones by leaving (Coleman 1971)."""
    return power(game, "coleman_preventive", **options)


def coleman_initiative(game: Game, **options) -> PowerResult:
    """Coleman's power to initiate action: ``eta_i / (2^n - W)``, the share of losing coalitions that ``i``
    turns into winning ones by joining (Coleman 1971)."""
    return power(game, "coleman_initiative", **options)


INDICES = {
    "banzhaf": banzhaf,
    "penrose": penrose,
    "shapley": shapley,
    "holler": holler,
    "deegan_packel": deegan_packel,
    "johnston": johnston,
    "coleman_collectivity": coleman_collectivity,
    "coleman_preventive": coleman_preventive,
    "coleman_initiative": coleman_initiative,
}
