"""Power indices: the registry (one record per index), the nine indices, and :func:`power` / :func:`powers`.

Every index is registered ONCE here with :func:`power_index`: its exact formula over the counts in
:class:`~reformlab.games.counting.enumeration.Profile`, the counts it needs, its Monte Carlo statistic, its
label and the axioms it promises. The rest is derived: :func:`powers` picks the counting path from ``needs``,
:mod:`~reformlab.games.montecarlo` estimates with ``estimator``, ``reformlab power`` takes its ``--index``
choices and headers from :data:`INDICES`, and ``tests/games/test_index_axioms.py`` checks every record
against the axioms its flags promise. :func:`power` picks the exact path when one fits and says which path
it used (exact integer counts, ``Fraction`` results; Monte Carlo for games too large). Notation: ``n`` players, ``eta_i`` the number of coalitions in which ``i`` is a
swing (a losing coalition without ``i`` that wins with ``i``), ``W`` the number of winning coalitions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from reformlab.errors import ReformlabError, unknown_name
from reformlab.games import counting, montecarlo
from reformlab.games.base import Game
from reformlab.games.counting.enumeration import Profile
from reformlab.games.exact_path import exact_profile
from reformlab.games.limits import ENUMERATION_LIMIT
from reformlab.games.result import GAME_KEY, PowerResult

POWER_METHODS = ("auto", "exact", "monte_carlo")
"""How :func:`power` may compute: exact when a path fits else Monte Carlo, exact or an error, Monte Carlo."""
_FIELD = {"swings": "swings", "totals": "swings", "minimal": "minimal", "critical": "johnston"}  # the Profile count each needs


# --- the registry -----------------------------------------------------------------------------------------

NEEDS = ("totals", "swings", "minimal", "critical")
"""What an index is computed from, cheapest first: swing totals and the winning count (``"totals"``), swing
counts by coalition size (``"swings"``), minimal winning coalitions (``"minimal"``), critical sets
(``"critical"``)."""
SAMPLINGS = ("coalitions", "orderings")
"""What a Monte Carlo estimator draws: random coalitions (each player in with probability 1/2, each flipped
in and out) or random orderings of the players."""

Statistic = tuple[np.ndarray, np.ndarray, np.ndarray]
"""``(numerator rows m x k, their divisors m, denominator rows m)``: the estimate is
``sum_r numerator[r] / divisors[r]`` over ``sum_r denominator[r]``."""


@dataclass(frozen=True)
class PowerIndex:
    """One power index: what it is computed from, how it is estimated, and what it promises.

    Attributes:
        name: the short name users type (``"banzhaf"``).
        exact: the exact values from a profile, ``{player: Fraction}`` (``{GAME_KEY: ...}`` for a game value).
        needs: one of :data:`NEEDS`.
        estimator: the Monte Carlo statistic from a sample of kind ``sampling``.
        sampling: one of :data:`SAMPLINGS`.
        label: column header (at most 8 characters).
        family: the ``--index`` group that names several indices at once (``"coleman"``), or ``None``.
        per_player: ``False`` for a value of the whole game (Coleman's power of a collectivity to act).
        null_player: a player who is never a swing gets exactly 0.
        symmetric: interchangeable players get equal values.
        efficient: the values sum to 1 over the players.
        doc: the definition and its source (the formula's docstring).
    """

    name: str
    exact: Callable[[object], dict[str, Fraction]]
    needs: str
    estimator: Callable[[object], Statistic]
    sampling: str = "coalitions"
    label: str = ""
    family: str | None = None
    per_player: bool = True
    null_player: bool = True
    symmetric: bool = True
    efficient: bool = False
    doc: str = ""

    def __call__(self, game, **options):
        """This index of ``game``: ``power(game, self.name, **options)``."""
        return power(game, self.name, **options)


INDICES: dict[str, PowerIndex] = {}
"""Every registered index by name, in registration order (the order tables and ``--index all`` use)."""


def power_index(
    name: str,
    *,
    needs: str,
    estimator: Callable[[object], Statistic],
    label: str,
    sampling: str = "coalitions",
    family: str | None = None,
    per_player: bool = True,
    null_player: bool = True,
    symmetric: bool = True,
    efficient: bool = False,
) -> Callable:
    """Register the decorated exact formula as the power index ``name`` (see :class:`PowerIndex`).

    Raises:
        ValueError: a name registered twice, or an unknown ``needs`` / ``sampling`` (a programming error).
    """
    if name in INDICES:
        raise ValueError(f"power index {name!r} is registered twice")
    if needs not in NEEDS or sampling not in SAMPLINGS:
        raise ValueError(f"power index {name!r}: needs must be one of {NEEDS}, sampling one of {SAMPLINGS}")

    def register(exact: Callable) -> Callable:
        INDICES[name] = PowerIndex(
            name=name,
            exact=exact,
            needs=needs,
            estimator=estimator,
            sampling=sampling,
            label=label,
            family=family,
            per_player=per_player,
            null_player=null_player and per_player,
            symmetric=symmetric and per_player,
            efficient=efficient and per_player,
            doc=" ".join((exact.__doc__ or "").split()),
        )
        return exact

    return register


def families() -> dict[str, tuple[str, ...]]:
    """``--index`` groups: each family name with its indices in registration order (``coleman`` -> three)."""
    groups: dict[str, list[str]] = {}
    for record in INDICES.values():
        if record.family is not None:
            groups.setdefault(record.family, []).append(record.name)
    return {family: tuple(names) for family, names in groups.items()}


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


# --- the indices: one registration each --------------------------------------------------------------------


@power_index("banzhaf", needs="totals", label="Banzhaf", efficient=True,
             estimator=lambda s: (s.swing, s.ones, s.swing.sum(axis=1)))  # fmt: skip
def banzhaf(profile: Profile) -> dict[str, Fraction]:
    """Normalised Banzhaf index: ``eta_i / sum_j eta_j`` (Banzhaf 1965, "Weighted voting doesn't work",
    Rutgers Law Review 19: 317-343)."""
    eta = _eta(profile)
    return _per_player(profile, _ratio(eta, sum(eta), "no player is ever a swing"))


@power_index("penrose", needs="totals", label="Penrose", estimator=lambda s: (s.swing, s.ones, s.ones))
def penrose(profile: Profile) -> dict[str, Fraction]:
    """Absolute Banzhaf (Penrose) index: ``eta_i / 2^(n-1)``, the probability that ``i`` decides the outcome
    when all others vote at random (Penrose 1946, "The elementary statistics of majority voting", JRSS 109:
    53-57)."""
    n = len(profile.players)
    return _per_player(profile, [Fraction(e, 2 ** (n - 1)) for e in _eta(profile)])


@power_index("shapley", needs="swings", label="Shapley", sampling="orderings", efficient=True,
             estimator=lambda s: (s.pivots, s.ones, s.ones))  # fmt: skip
def shapley(profile: Profile) -> dict[str, Fraction]:
    """Shapley-Shubik index: the share of the ``n!`` orderings in which ``i`` is pivotal, ``sum_S
    k!(n-k-1)!/n!`` over swing coalitions ``S`` of size ``k`` (Shapley & Shubik 1954, "A method for
    evaluating the distribution of power in a committee system", APSR 48: 787-792)."""
    # integer sums with one Fraction per distinct row: players of one type (435 representatives) share a row
    return _per_player(profile, counting.shapley_from_swings_by_size(profile.swings))


@power_index("holler", needs="minimal", label="Holler", efficient=True,
             estimator=lambda s: (s.minimal[:, None] & s.members, s.ones, s.minimal * s.size))  # fmt: skip
def holler(profile: Profile) -> dict[str, Fraction]:
    """Holler's public good index: the number of minimal winning coalitions containing ``i``, normalised to
    sum to 1 (Holler 1982, "Forming coalitions and measuring voting power", Political Studies 30: 262-271)."""
    counts = [sum(row) for row in profile.minimal]
    return _per_player(profile, _ratio(counts, sum(counts), "there is no minimal winning coalition"))


def _deegan_packel_sample(s) -> tuple:
    return s.minimal[:, None] & s.members, np.maximum(s.size, 1), s.minimal.astype(np.int64)


@power_index("deegan_packel", needs="minimal", label="D-Packel", efficient=True, estimator=_deegan_packel_sample)
def deegan_packel(profile: Profile) -> dict[str, Fraction]:
    """Deegan-Packel index: ``(1/|M|) sum_{S in M, i in S} 1/|S|`` over the minimal winning coalitions ``M``
    (Deegan & Packel 1978, "A new index of power for simple n-person games", IJGT 7: 113-123)."""
    shares = [sum((Fraction(c, s) for s, c in enumerate(row) if s), Fraction(0)) for row in profile.minimal]
    return _per_player(
        profile, _ratio(shares, sum(profile.minimal_total), "there is no minimal winning coalition")
    )


def _johnston_sample(s) -> tuple:
    return s.critical, np.maximum(s.n_critical, 1), (s.n_critical > 0).astype(np.int64)


@power_index("johnston", needs="critical", label="Johnston", efficient=True, estimator=_johnston_sample)
def johnston(profile: Profile) -> dict[str, Fraction]:
    """Johnston index: over winning coalitions where ``i`` is critical, the sum of 1 / (number of critical
    players), normalised to sum to 1 (Johnston 1978, "On the measurement of power: some reactions to Laver",
    Environment and Planning A 10: 907-914)."""
    return _per_player(
        profile, _ratio(list(profile.johnston), sum(profile.johnston), "no player is ever critical")
    )


@power_index("coleman_collectivity", needs="totals", label="Col.coll", family="coleman", per_player=False,
             estimator=lambda s: (s.win[:, None], s.ones, s.ones))  # fmt: skip
def coleman_collectivity(profile: Profile) -> dict[str, Fraction]:
    """Coleman's power of a collectivity to act: ``W / 2^n``, the share of coalitions that win (Coleman 1971,
    "Control of collectivities and the power of a collectivity to act", in Lieberman (ed.), Social Choice).
    Its value belongs to the game: key ``"<game>"``."""
    return {GAME_KEY: Fraction(profile.winning, 2 ** len(profile.players))}


@power_index("coleman_preventive", needs="totals", label="Col.prev", family="coleman",
             estimator=lambda s: (s.swing, s.ones, 2 * s.win))  # fmt: skip
def coleman_preventive(profile: Profile) -> dict[str, Fraction]:
    """Coleman's power to prevent action: ``eta_i / W``, the share of winning coalitions that ``i`` can turn
    into losing ones by leaving (Coleman 1971)."""
    return _per_player(profile, _ratio(_eta(profile), profile.winning, "no coalition wins"))


@power_index("coleman_initiative", needs="totals", label="Col.init", family="coleman",
             estimator=lambda s: (s.swing, s.ones, 2 * ~s.win))  # fmt: skip
def coleman_initiative(profile: Profile) -> dict[str, Fraction]:
    """Coleman's power to initiate action: ``eta_i / (2^n - W)``, the share of losing coalitions that ``i``
    turns into winning ones by joining (Coleman 1971)."""
    losing = 2 ** len(profile.players) - profile.winning
    return _per_player(profile, _ratio(_eta(profile), losing, "every coalition wins"))


# --- computing them -------------------------------------------------------------------------------------------


def _check_options(indices: list[str], method: str) -> None:
    for name in indices:
        if name not in INDICES:
            raise unknown_name("power index", name, INDICES, field="index")
    if method not in POWER_METHODS:
        raise unknown_name("method", method, POWER_METHODS, field="method")


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
    game.checked()
    results: dict[str, PowerResult] = {}
    if method != "monte_carlo":
        found: list[Profile] = []  # an enumerated profile has every count: reuse it for every index
        tried: set[str] = set()
        # swing totals suffice unless some index needs them by size: then all share the by-size counts
        by_size = any(INDICES[name].needs == "swings" for name in indices)
        for name in indices:
            needs = INDICES[name].needs
            if needs == "totals" and by_size:
                needs = "swings"
            profile = next((p for p in found if getattr(p, _FIELD[needs]) is not None), None)
            if profile is None and needs not in tried:
                tried.add(needs)
                profile = exact_profile(game, needs=needs, limit=limit)
                if profile is not None:
                    found.append(profile)
            if profile is not None:
                results[name] = PowerResult(name, INDICES[name].exact(profile), "exact")
    missing = [name for name in indices if name not in results]
    if missing and method == "exact":
        raise ReformlabError(
            f"{missing[0]} has no exact path for this game ({len(game.players)} players)",
            field="method",
            fix="allow Monte Carlo estimation (method 'auto' or 'monte_carlo'), or simplify the game",
        )
    if missing:
        results.update(
            montecarlo.estimate(game, [INDICES[name] for name in missing], samples=samples, seed=seed, rng=rng)
        )
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


__all__ = ["INDICES", "POWER_METHODS", "PowerIndex", "families", "power", "power_index", "powers"]
