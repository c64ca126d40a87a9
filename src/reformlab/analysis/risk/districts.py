"""Seats won in single-member districts from the national swing: district-level noise around a uniform swing.

There are no district returns in the fact base, only the seats each party won. The model places the camp's
baseline share in the ``D`` districts (logit scale) at the normal quantiles
``spread * Phi^-1((d + 1/2) / D)``,
shifted so that exactly the camp's recorded number of districts are above 50% (the baseline is reproduced).
A draw moves every district by the national swing ``delta`` (the change in the camp's logit share of the list
vote) plus independent district noise ``N(0, district_sd^2)``; the camp wins the districts left above 50%
(for two-round majority seats this reads the run-off as a two-way race between the camp and the rest).

This is the uniform-swing model with normally distributed district effects used to derive seats-votes curves
(Kendall and Stuart 1950, *British Journal of Sociology* 1(3); Tufte 1973, *APSR* 67(2); Gelman and King
1994, *AJPS* 38(2) 514-554). With zero noise its seats-votes curve is the normal CDF of the swing, close to
the cube law ``s / (1 - s) = (v / (1 - v))^3`` near 50% when ``sqrt(spread^2 + district_sd^2)`` is about 0.55
(the slope of the curve at 50% is ``1.6 / sqrt(spread^2 + district_sd^2)``, the cube law's is 3).
"""

from __future__ import annotations

from statistics import NormalDist

import numpy as np

from reformlab.analysis.risk.draws import BLOCK, DISTRICTS, per_block


def district_margins(districts: int, camp_wins: int, spread: float) -> np.ndarray:
    """Baseline logit margins of the camp, ascending, exactly ``camp_wins`` of them above zero."""
    normal = NormalDist()
    quantiles = np.array([normal.inv_cdf((d + 0.5) / districts) for d in range(districts)]) * spread
    losers = districts - camp_wins
    if losers == 0:
        cut = quantiles[0] - spread
    elif losers == districts:
        cut = quantiles[-1] + spread
    else:
        cut = (quantiles[losers - 1] + quantiles[losers]) / 2
    return quantiles - cut


def district_wins(params, tier, swing: np.ndarray, seed: int, blocks) -> np.ndarray:
    """``[n]`` districts the camp wins, per draw, given the national swing ``swing`` (logit)."""
    margins = district_margins(tier.seats, tier.baseline_camp, params.district_spread)
    shifted = margins[None, :] + swing[:, None]
    if params.district_sd > 0:
        noise = per_block(seed, blocks, DISTRICTS, lambda g, _: g.standard_normal((BLOCK, tier.seats)))
        shifted = shifted + params.district_sd * noise
    return (shifted > 0).sum(axis=1)
