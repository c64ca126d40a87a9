"""Chunked Monte Carlo runner, in one process or on Dask: counts that add up exactly across chunks."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from reformlab.analysis.risk.defection import binomial_by_block, defections, flips
from reformlab.analysis.risk.districts import district_wins
from reformlab.analysis.risk.draws import BLOCK, CONTROLLERS, camp_share, list_votes, logit, national_shocks
from reformlab.analysis.risk.trees import evaluate_tree, leaf_inputs
from reformlab.electoral import allocate_batch
from reformlab.errors import ReformlabError

MAX_WITNESSES = 5
KINDS = ("pass", "block")


@dataclass
class Counts:
    """What a run of draws found, as integers that sum over chunks (so any chunking gives the same totals).

    Attributes:
        draws: draws counted.
        losses: version -> decision key -> ``[lost the power to pass alone, lost the power to block]``.
        ties: version -> draws in which a list allocation hit an exact tie (resolved by list order).
        witnesses: ``(version, key, kind)`` -> the first draws (by index) where that power was lost.
        paired: ``(version_a, version_b, key, kind)`` -> ``[lost under a only, lost under b only]``.
    """

    draws: int = 0
    losses: dict = field(default_factory=dict)
    ties: dict = field(default_factory=dict)
    witnesses: dict = field(default_factory=dict)
    paired: dict = field(default_factory=dict)

    def merge(self, other: Counts) -> Counts:
        """Add ``other`` into this one (witnesses: the first :data:`MAX_WITNESSES` by draw index)."""
        self.draws += other.draws
        for version, rows in other.losses.items():
            mine = self.losses.setdefault(version, {})
            for key, pair in rows.items():
                mine[key] = [a + b for a, b in zip(mine.get(key, [0, 0]), pair)]
        for version, ties in other.ties.items():
            self.ties[version] = self.ties.get(version, 0) + ties
        for key, found in other.witnesses.items():
            joined = sorted(self.witnesses.get(key, []) + found, key=lambda w: w["draw"])
            self.witnesses[key] = joined[:MAX_WITNESSES]
        for key, pair in other.paired.items():
            self.paired[key] = [a + b for a, b in zip(self.paired.get(key, [0, 0]), pair)]
        return self


def list_seats(tier, votes: np.ndarray, base: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Seats ``[n, P]`` and tie flags ``[n]`` of a list tier: the batch path, and the exact path
    (:meth:`ElectoralSystem.allocate`) for the rows a minimum-parties rule reaches (too few lists passed),
    which the batch path does not model."""
    batch = allocate_batch(
        votes, tier.seats, tier.method, threshold_share=tier.threshold, base=base, inclusive=tier.inclusive
    )
    if tier.system is None:
        return batch.seats, batch.tie
    seats, ties = batch.seats.copy(), batch.tie.copy()
    for row in np.flatnonzero(batch.passed.sum(axis=1) < tier.system.minimum_parties.parties):
        figures = {}
        if tier.base_kind == "ballots_cast":
            figures["ballots_cast"] = int(base[row])
        elif tier.base_kind == "valid_plus_against_all":
            figures["against_all"] = int(base[row] - votes[row].sum())
        result = tier.system.allocate(dict(zip(tier.parties, votes[row].tolist())), **figures)
        seats[row] = [result.seats[party] for party in tier.parties]
        ties[row] = bool(result.ties)
    return seats, ties


def version_seats(model, params, seed: int, blocks, shocks: np.ndarray):
    """Camp seats per body, controllers lost, camp share and tie flags for every draw of ``blocks``."""
    n = len(shocks)
    seats = {body: np.zeros(n, dtype=np.int64) for body in model.sizes}
    ties = np.zeros(n, dtype=bool)
    swing, share0 = np.zeros(n), np.full(n, np.nan)
    part = 0
    for k, tier in enumerate(model.lists):
        baseline = float(tier.votes[tier.camp].sum() / tier.votes.sum())
        share, turnout = camp_share(params, baseline, shocks)
        if k == 0:
            swing, share0 = logit(share) - logit(baseline), share
        votes, base = list_votes(params, tier, share, turnout, seed, blocks, sub=k)
        allocated, tied = list_seats(tier, votes, base)
        ties |= tied
        won = allocated[:, tier.camp].sum(axis=1)
        seats[tier.body] += won - defections(params, tier.defect, won, seed, blocks, part)
        part += 1
    for tier in model.districts:
        won = district_wins(params, tier, swing, seed, blocks)
        seats[tier.body] += won - defections(params, tier.defect, won, seed, blocks, part)
        part += 1
    flipped = {c: np.zeros(n, dtype=np.int64) for c in model.controllers}
    chosen = dict.fromkeys(model.controllers, 0)
    for i, fixed in enumerate(model.fixed):
        if not fixed.camp:
            continue
        won = np.full(n, fixed.seats, dtype=np.int64)
        if fixed.flippable:
            gone = flips(params, fixed.seats, n, seed, blocks, i)
            for controller in set(fixed.selector.split("+")) & set(model.controllers):
                flipped[controller] += gone
                chosen[controller] += fixed.seats
            won -= gone
        seats[fixed.body] += won - defections(params, fixed.defect, won, seed, blocks, part)
        part += 1
    lost = {}
    for j, controller in enumerate(model.controllers):
        if chosen[controller]:
            lost[controller] = 2 * flipped[controller] > chosen[controller]
        else:  # it chooses no seat here: the body as a whole goes over with the same probability
            lost[controller] = (
                binomial_by_block(
                    seed, blocks, CONTROLLERS, 1000 + j, np.ones(n, np.int64), params.controller_flip
                )
                > 0
            )
    return seats, lost, share0, ties


def simulate_chunk(models, params, seed: int, blocks, draws: int) -> Counts:
    """Simulate the draws of ``blocks`` (whole blocks; draws at index >= ``draws`` are dropped) for every
    version, evaluate every decision, and count."""
    blocks = list(blocks)
    shocks = national_shocks(seed, blocks)
    index = np.concatenate([np.arange(b * BLOCK, (b + 1) * BLOCK) for b in blocks])
    keep = index < draws
    counts = Counts(draws=int(keep.sum()))
    lost_by_version = {}
    for model in models:
        seats, lost_controllers, share, ties = version_seats(model, params, seed, blocks, shocks)
        inputs = leaf_inputs(model, seats, lost_controllers)
        cache: dict = {}
        rows, found = {}, {}
        for decision in model.decisions:
            if decision.tree is None:
                continue
            camp_wins, others_win = evaluate_tree(decision.tree, inputs, cache)
            pair = (~camp_wins & keep, others_win & keep)
            found[decision.key] = pair
            rows[decision.key] = [int(pair[0].sum()), int(pair[1].sum())]
            for kind, mask in zip(KINDS, pair):
                hits = np.flatnonzero(mask)[:MAX_WITNESSES]
                if len(hits):
                    counts.witnesses[(model.target, decision.key, kind)] = [
                        _witness(i, index, share, seats, model, lost_controllers) for i in hits
                    ]
        counts.losses[model.target] = rows
        counts.ties[model.target] = int((ties & keep).sum())
        lost_by_version[model.target] = found
    first = models[0].target if models else None
    for model in models[1:]:
        for key, pair in lost_by_version[model.target].items():
            if key in lost_by_version[first]:
                for kind, a, b in zip(KINDS, lost_by_version[first][key], pair):
                    counts.paired[(first, model.target, key, kind)] = [
                        int((a & ~b).sum()),
                        int((~a & b).sum()),
                    ]
    return counts


def _witness(i: int, index, share, seats, model, lost_controllers) -> dict:
    return {
        "draw": int(index[i]),
        "camp_share": None if math.isnan(share[i]) else round(float(share[i]), 6),
        "seats": {body: int(s[i]) for body, s in seats.items() if model.sizes[body] > 1},
        "sizes": {body: size for body, size in model.sizes.items() if size > 1},
        "controllers_lost": sorted(c for c, lost in lost_controllers.items() if lost[i]),
    }


def chunks_of(draws: int, chunk: int) -> list[range]:
    """Block ranges of about ``chunk`` draws each (rounded up to whole blocks) covering ``draws``."""
    if isinstance(chunk, bool) or not isinstance(chunk, int) or chunk < 1:
        raise ReformlabError(f"the chunk size must be a whole number >= 1, got {chunk!r}", field="--chunk")
    blocks = math.ceil(draws / BLOCK)
    step = max(1, math.ceil(chunk / BLOCK))
    return [range(start, min(start + step, blocks)) for start in range(0, blocks, step)]


def run_serial(models, params, seed: int, draws: int, chunk: int, progress=None) -> Counts:
    """All chunks in this process, in order."""
    total = Counts()
    for blocks in chunks_of(draws, chunk):
        part = simulate_chunk(models, params, seed, blocks, draws)
        total.merge(part)
        if progress is not None:
            progress(part.draws)
    return total


def check_address(address: str, timeout: float = 2.0) -> None:
    """Fail fast, before any work, if nothing listens at the Dask scheduler ``address`` (``tcp://host:port``).

    Raises:
        ReformlabError: an address that is not ``tcp://host:port`` or ``tls://host:port``, or nothing answers.
    """
    import socket
    from urllib.parse import urlsplit

    fix = (
        "start one (dask scheduler) or check the address, e.g. tcp://127.0.0.1:8786; leave --address out "
        "for a local cluster"
    )
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        host = port = None
    if parts.scheme not in ("tcp", "tls") or not host or not port:
        raise ReformlabError(
            f"cannot read the Dask scheduler address {address!r}", field="--address", fix=fix
        )
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError as exc:
        raise ReformlabError(
            f"cannot reach the Dask scheduler at {address}: {exc.strerror or exc}", field="--address", fix=fix
        ) from None


def run_dask(
    models,
    params,
    seed: int,
    draws: int,
    chunk: int,
    *,
    address: str | None = None,
    workers: int = 2,
    processes: bool = True,
    timeout: float = 3.0,
    progress=None,
) -> Counts:
    """Chunks as Dask tasks: on the scheduler at ``address``, or on a LocalCluster of ``workers`` workers.

    Raises:
        ReformlabError: Dask is not installed, or the scheduler cannot be reached within ``timeout`` seconds.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ReformlabError(
            "--scheduler dask needs dask.distributed",
            field="--scheduler",
            fix="pip install 'reformlab[dask]'",
        ) from None
    cluster = None
    try:
        if address:
            client = Client(address, timeout=f"{timeout}s", set_as_default=False)
        else:
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=processes, dashboard_address=None
            )
            client = Client(cluster, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as exc:
        if cluster is not None:
            cluster.close()
        raise ReformlabError(
            f"cannot reach the Dask scheduler at {address}: {exc}",
            field="--address",
            fix="start one (dask scheduler) or check the address, e.g. tcp://127.0.0.1:8786; "
            "leave --address out for a local cluster",
        ) from None
    try:
        futures = [
            client.submit(simulate_chunk, models, params, seed, list(blocks), draws, pure=False)
            for blocks in chunks_of(draws, chunk)
        ]
        total = Counts()
        for future in futures:  # in submission order; the sum does not depend on it
            part = future.result()
            total.merge(part)
            if progress is not None:
                progress(part.draws)
        return total
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
