"""Seeded draws of national shocks and vote shares, reproducible draw by draw whatever the chunking.

Randomness is cut into fixed blocks of :data:`BLOCK` draws. Block ``b`` draws stream ``s`` from
``numpy.random.SeedSequence(seed, spawn_key=(b, s, k))`` (what ``SeedSequence(seed).spawn`` hands its
``b``-th child, one level deeper), so a draw's numbers depend on the seed and its index only: a chunk is a run
of whole blocks and any grouping of blocks into chunks or workers gives the same draws. Every version uses
the same national shocks (stream 0) and the same party stream (1): common random numbers, so a difference
between versions is the rules', not the noise's.

The vote model (see docs/risk.md):

* ``dirichlet`` (default): shares ~ Dirichlet(c * baseline). By the aggregation property the camp's total is
  Beta(c v0, c (1 - v0)) and the split within the camp and within the rest are independent Dirichlets of
  the same concentration. The camp's total is drawn as ``G1 / (G1 + G2)`` with gammas made from two common
  standard normals by the Wilson-Hilferty cube-root transform (Wilson and Hilferty 1931), a monotone map, so
  two versions with different baselines receive the same national shock at the same quantile.
* ``swing``: a uniform national swing in logit space, ``logit v = logit v0 + swing_sd * z``.

Then both add ``admin_shift`` and ``turnout_effect * log-turnout deviation`` to the camp's logit share.
"""

from __future__ import annotations

import math

import numpy as np

from reformlab.errors import ReformlabError

BLOCK = 4096
NATIONAL, PARTIES, DISTRICTS, DEFECTION, CONTROLLERS = range(5)


def block_generator(seed: int, block: int, stream: int, sub: int = 0) -> np.random.Generator:
    """The generator of ``stream`` (and ``sub``-stream) in block ``block`` for ``seed``."""
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(block, stream, sub))))


def check_seed(seed=None, rng=None) -> int:
    """The integer seed to use: ``seed``, or one drawn from ``rng``; both given or a bad seed raise."""
    if seed is not None and rng is not None:
        raise ReformlabError("give seed or rng, not both", field="seed")
    if rng is not None:
        return int(rng.integers(0, 2**63 - 1))
    if seed is None:
        return int(np.random.SeedSequence().entropy % (2**63))
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ReformlabError(f"the seed must be a whole number >= 0, got {seed!r}", field="--seed")
    return int(seed)


def per_block(seed: int, blocks, stream: int, make, sub: int = 0) -> np.ndarray:
    """Concatenate ``make(generator, position)`` over ``blocks``; each call makes :data:`BLOCK` rows."""
    return np.concatenate([make(block_generator(seed, b, stream, sub), i) for i, b in enumerate(blocks)])


def national_shocks(seed: int, blocks) -> np.ndarray:
    """``[n, 3]`` standard normals per draw: the camp's shock, the rest's shock, turnout."""
    return per_block(seed, blocks, NATIONAL, lambda g, _: g.standard_normal((BLOCK, 3)))


def wilson_hilferty(shape: float, z: np.ndarray) -> np.ndarray:
    """Gamma(``shape``) quantiles at standard normal ``z`` by the Wilson-Hilferty transform (good for shape >=
    1, rough below), floored just above zero."""
    width = 1.0 / (9.0 * shape)
    return shape * np.maximum(1.0 - width + z * math.sqrt(width), 1e-6) ** 3


def logit(p):
    p = np.clip(p, 1e-15, 1 - 1e-15)  # a share drawn as exactly 0 or 1 in floating point
    return np.log(p) - np.log1p(-p)


def expit(x):
    return 1.0 / (1.0 + np.exp(-x))


def camp_share(params, baseline: float, shocks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The camp's drawn share of the valid votes and the turnout factor, per draw."""
    concentration = params.concentration
    if params.model == "swing":
        logits = logit(baseline) + params.swing_sd * shocks[:, 0]
    elif math.isinf(concentration) or baseline in (0.0, 1.0):
        logits = np.full(len(shocks), logit(min(max(baseline, 1e-12), 1 - 1e-12)))
    else:
        camp = wilson_hilferty(concentration * baseline, shocks[:, 0])
        rest = wilson_hilferty(concentration * (1 - baseline), shocks[:, 1])
        logits = np.log(camp) - np.log(rest)
    turnout = params.turnout_sd * shocks[:, 2]
    logits = logits + params.admin_shift + params.turnout_effect * turnout
    return expit(logits), np.exp(turnout)


def list_votes(params, tier, share: np.ndarray, turnout: np.ndarray, seed: int, blocks, sub: int):
    """Integer votes ``[n, P]`` for a list tier and the threshold base ``[n]`` (None: valid votes).

    The camp gets ``share`` of the valid votes, split among its parties, and the rest ``1 - share`` among the
    others, each split by a Dirichlet of the same concentration around the baseline (the baseline split when
    the concentration is infinite). Totals scale with turnout.
    """
    baseline = tier.votes / tier.votes.sum()
    if math.isinf(params.concentration):
        weights = np.broadcast_to(baseline, (len(share), len(baseline))).copy()
    else:
        alpha = np.maximum(params.concentration * baseline, 1e-9)
        weights = per_block(
            seed, blocks, PARTIES, lambda g, _: g.standard_gamma(alpha, (BLOCK, len(alpha))), sub
        )
    shares = np.empty_like(weights)
    for side, amount in ((tier.camp, share), (~tier.camp, 1.0 - share)):
        part = weights[:, side]
        total = part.sum(axis=1, keepdims=True)
        within = np.divide(part, total, out=np.full_like(part, 1.0 / max(part.shape[1], 1)), where=total > 0)
        shares[:, side] = within * amount[:, None]
    totals = tier.votes.sum() * turnout
    votes = np.rint(shares * totals[:, None]).astype(np.int64)
    base = None
    if tier.base_ratio is not None:
        base = votes.sum(axis=1) * tier.base_ratio.numerator // tier.base_ratio.denominator
    return votes, base
