"""Defection per seat: camp deputies who leave the camp, by how their seat was won; and controller flips.

A deputy elected in a single-member district owns the seat and defects most readily; a list deputy under the
imperative mandate loses the seat on leaving the party and defects least; appointed or indirectly chosen
members follow their principal. Each camp seat defects independently with the probability of its kind (a
Binomial count per seat group); the probabilities are parameters, presented as assumptions.
Seats chosen by a body the scenario only *assumes* controlled (the maslikhats) may each go over to the
opposition with probability ``controller_flip``; the body itself counts as lost when more than half of the
seats it chooses have gone.
"""

from __future__ import annotations

import numpy as np

from reformlab.analysis.risk.draws import BLOCK, CONTROLLERS, DEFECTION, block_generator


def binomial_by_block(seed: int, blocks, stream: int, sub: int, trials: np.ndarray, probability: float):
    """``[n]`` Binomial(trials[i], probability) counts, drawn block by block from the block's own stream."""
    if probability <= 0:
        return np.zeros(len(trials), dtype=np.int64)
    if probability >= 1:
        return trials.astype(np.int64)
    out = np.empty(len(trials), dtype=np.int64)
    for i, block in enumerate(blocks):
        rows = slice(i * BLOCK, (i + 1) * BLOCK)
        out[rows] = block_generator(seed, block, stream, sub).binomial(trials[rows], probability)
    return out


def defections(params, kind: str | None, camp_seats: np.ndarray, seed: int, blocks, sub: int) -> np.ndarray:
    """Camp seats of one seat group lost to defection, per draw (``kind`` names the probability parameter)."""
    if kind is None:
        return np.zeros(len(camp_seats), dtype=np.int64)
    return binomial_by_block(seed, blocks, DEFECTION, sub, camp_seats, getattr(params, kind))


def flips(params, seats: int, draws: int, seed: int, blocks, sub: int) -> np.ndarray:
    """Seats of one assumed-controlled group that go over to the opposition, per draw."""
    return binomial_by_block(seed, blocks, CONTROLLERS, sub, np.full(draws, seats), params.controller_flip)
