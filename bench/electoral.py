"""Benchmark: reformlab seat allocation (exact and batch) against four peer libraries.

Run: ``.venv/bin/python bench/electoral.py [--quick]``. One process; the same random elections for everyone
(8 parties, 98 seats, a 7% threshold of valid votes, fixed seed). Every peer gets the votes of the parties
that pass the threshold (filtered first, the same integer test for all); reformlab exact applies the
threshold itself. Peers: votelib, apportionment, apportionpy, poli-sci-kit (those installed). Then one
allocation over up to 10^6 parties (time per party: near-linear), and a scale run: 1,000,000 elections of 12
parties and 450 seats, in chunks, with peak memory.
"""

from __future__ import annotations

import argparse
import heapq
import importlib
import resource
import statistics
import time
from collections.abc import Callable, Iterator
from fractions import Fraction

import numpy as np

from reformlab.electoral import Threshold, allocate
from reformlab.electoral.batch import allocate_batch, iter_allocate_batch

SEED = 20240607
SHARE = Fraction(7, 100)
METHODS = {"hare": "Hare LR", "d_hondt": "D'Hondt"}
# One loop over all elections is timed; a slow implementation stops after this many seconds and is timed on
# (and compared for) the elections it finished.
LOOP_BUDGET_SECONDS = 60.0


def draw_elections(rng: np.random.Generator, count: int, parties: int) -> np.ndarray:
    """``[count, parties]`` int64 votes: Dirichlet vote shares (a few large parties, a tail of small ones)
    times a turnout between 50,000 and 10,000,000."""
    weights = np.linspace(3.0, 0.4, parties)
    shares = rng.dirichlet(weights, size=count)
    turnout = rng.integers(50_000, 10_000_000, size=count)
    return np.floor(shares * turnout[:, None]).astype(np.int64)


def passing(votes: np.ndarray) -> np.ndarray:
    """The 7% test on valid votes, in integers: ``100 * votes >= 7 * total``."""
    return votes * SHARE.denominator >= SHARE.numerator * votes.sum(axis=1, keepdims=True)


def _peers(method: str) -> dict[str, Callable[[list[int]], list[int]]]:
    """Peer allocators for ``method``, each taking the admitted parties' votes and returning their seats."""
    peers: dict[str, Callable[[list[int]], list[int]]] = {}
    try:
        proportional = importlib.import_module("votelib.evaluate.proportional")
        engine = (
            proportional.LargestRemainder("hare")
            if method == "hare"
            else proportional.HighestAverages("d_hondt")
        )

        def votelib_call(votes: list[int]) -> list[int]:
            won = engine.evaluate(dict(enumerate(votes)), 98)
            return [won.get(i, 0) for i in range(len(votes))]

        peers["votelib"] = votelib_call
    except ImportError:
        pass
    try:
        apportionment = importlib.import_module("apportionment.methods")
        name = "largest_remainder" if method == "hare" else "dhondt"
        peers["apportionment"] = lambda votes: list(apportionment.compute(name, votes, 98))
    except ImportError:
        pass
    try:
        if method == "hare":
            module = importlib.import_module("apportionpy.methods.hamilton")
            peers["apportionpy"] = lambda votes: list(module.calculate_hamilton(98, votes)[1])
        else:
            module = importlib.import_module("apportionpy.methods.jefferson")
            peers["apportionpy"] = lambda votes: list(module.calculate_jefferson(98, votes)[1])
    except ImportError:
        pass
    try:
        methods = importlib.import_module("poli_sci_kit.appointment.methods")
        if method == "hare":
            peers["poli-sci-kit"] = lambda votes: list(methods.largest_remainder("Hare", votes, 98))
        else:
            peers["poli-sci-kit"] = lambda votes: list(methods.highest_averages("Jefferson", votes, 98))
    except ImportError:
        pass
    return peers


def time_loop(run: Callable[[int], list[int]], count: int) -> tuple[float, list[list[int] | None]]:
    """Call ``run(i)`` for each election in order.

    Returns:
        Seconds per election, and the results (None where the call raised).
    """
    results: list[list[int] | None] = []
    start = time.process_time()  # CPU time: far less disturbed than the wall clock by other jobs
    for i in range(count):
        try:
            results.append(run(i))
        except Exception:  # a peer failing on an election counts as a disagreement, not a crash
            results.append(None)
        if time.process_time() - start > LOOP_BUDGET_SECONDS:
            break
    return (time.process_time() - start) / len(results), results


def compare_method(method: str, votes: np.ndarray) -> list[tuple[str, float, int, int]]:
    """Rows ``(implementation, seconds per election, elections run, disagreements with reformlab exact)``."""
    admitted = passing(votes)
    rows_as_lists = votes.tolist()
    threshold = Threshold(share=SHARE)

    def exact(i: int) -> list[int]:
        return list(allocate(dict(enumerate(rows_as_lists[i])), 98, method, threshold).seats.values())

    exact_seconds, reference = time_loop(exact, len(votes))
    exact_seats = np.array(reference)
    count = len(exact_seats)
    table = [("reformlab exact", exact_seconds, count, 0)]

    batch_times = []
    for _ in range(7):
        start = time.process_time()
        batch = allocate_batch(votes[:count], 98, method, threshold_share=SHARE)
        batch_times.append(time.process_time() - start)
    batch_wrong = int((batch.seats != exact_seats).any(axis=1).sum())
    table.append(("reformlab batch", statistics.median(batch_times) / count, count, batch_wrong))
    print(f"{METHODS[method]}: batch best of 7 runs {min(batch_times) / count * 1e6:.3f} us/election")

    columns = [np.flatnonzero(admitted[i]) for i in range(count)]
    for name, peer in _peers(method).items():

        def run(i: int, peer: Callable = peer) -> list[int]:
            seats = [0] * votes.shape[1]
            for column, won in zip(columns[i], peer([rows_as_lists[i][c] for c in columns[i]]), strict=True):
                seats[column] = int(won)
            return seats

        seconds, results = time_loop(run, count)
        wrong = sum(got != exact_seats[i].tolist() for i, got in enumerate(results))
        table.append((name, seconds, len(results), wrong))
    return table


def plain_hare(votes: list[int], seats: int = 98) -> list[int]:
    """Hare largest remainder with a 7% threshold of valid votes, the way one writes it by hand (exact ints)."""
    total = sum(votes)
    passed = [i for i, v in enumerate(votes) if v * SHARE.denominator >= SHARE.numerator * total]
    base = sum(votes[i] for i in passed)
    won, rest = [0] * len(votes), {}
    for i in passed:
        won[i], rest[i] = divmod(votes[i] * seats, base)
    for i in sorted(rest, key=rest.__getitem__, reverse=True)[: seats - sum(won)]:
        won[i] += 1
    return won


def plain_hare_floats(votes: dict, seats: int = 98) -> dict:
    """Hare with a 7% threshold as most people write it: party names in and out, float quotients."""
    total = sum(votes.values())
    passed = {p: v for p, v in votes.items() if v >= 0.07 * total}
    quota = sum(passed.values()) / seats
    quotients = {p: v / quota for p, v in passed.items()}
    won = {p: int(q) for p, q in quotients.items()}
    for p in sorted(passed, key=lambda p: quotients[p] - won[p], reverse=True)[: seats - sum(won.values())]:
        won[p] += 1
    return {p: won.get(p, 0) for p in votes}


def plain_d_hondt(votes: list[int], seats: int = 98) -> list[int]:
    """D'Hondt with a 7% threshold by hand: a heap of averages (floats, exact for these sizes but ties)."""
    total = sum(votes)
    won = [0] * len(votes)
    heap = [(-v, i) for i, v in enumerate(votes) if v * SHARE.denominator >= SHARE.numerator * total]
    heapq.heapify(heap)
    for _ in range(seats):
        _, i = heapq.heappop(heap)
        won[i] += 1
        heapq.heappush(heap, (-votes[i] / (won[i] + 1), i))
    return won


def _single_callers(method: str) -> dict[str, Callable[[dict, list[int]], object]]:
    """Name -> ``call(named_votes, votes)`` for one allocation; each applies the 7% threshold itself."""
    threshold = Threshold(share=SHARE)
    callers: dict[str, Callable[[dict, list[int]], object]] = {
        "reformlab allocate": lambda named, votes: allocate(named, 98, method, "7%"),
        "reformlab, Threshold": lambda named, votes: allocate(named, 98, method, threshold),
        # the quota's Fraction is made when first read: this row reads it, to show what that costs
        "reformlab, quota read": lambda named, votes: allocate(named, 98, method, "7%").quota,
    }
    if method == "hare":
        callers["plain Python, ints"] = lambda named, votes: plain_hare(votes)
        callers["plain Python, floats"] = lambda named, votes: plain_hare_floats(named)
    else:
        callers["plain Python, heap"] = lambda named, votes: plain_d_hondt(votes)
    try:
        module = importlib.import_module(
            "apportionpy.methods." + ("hamilton" if method == "hare" else "jefferson")
        )
        peer = module.calculate_hamilton if method == "hare" else module.calculate_jefferson

        def apportionpy(named: dict, votes: list[int]) -> object:
            total = sum(votes)
            return peer(98, [v for v in votes if v * SHARE.denominator >= SHARE.numerator * total])[1]

        callers["apportionpy"] = apportionpy
    except ImportError:
        pass
    return callers


def single_allocation(votes: np.ndarray, rounds: int = 9) -> None:
    """One allocation per call (the interactive case), side by side: every round calls each implementation
    once on each election, in turn, timed in CPU time (``time.process_time``: less disturbed by other jobs);
    the median round gives microseconds per call."""
    elections = votes.tolist()
    named = [{f"P{k + 1}": v for k, v in enumerate(row)} for row in elections]
    print(
        f"\nOne allocation per call: {len(elections):,} elections x {rounds} rounds, each implementation in "
        "turn, CPU time; median round (fastest round)"
    )
    for method in METHODS:
        callers = _single_callers(method)
        times: dict[str, list[float]] = {name: [] for name in callers}
        for _ in range(rounds):
            for name, call in callers.items():
                start = time.process_time()
                for row, votes_dict in zip(elections, named, strict=True):
                    call(votes_dict, row)
                times[name].append((time.process_time() - start) / len(elections))
        reference = [list(allocate(n, 98, method, "7%").seats.values()) for n in named]
        plain = plain_hare if method == "hare" else plain_d_hondt
        wrong = sum(plain(row) != seats for row, seats in zip(elections, reference, strict=True))
        medians = {name: statistics.median(values) for name, values in times.items()}
        ours = medians["reformlab allocate"]
        print(f"\n{METHODS[method]} (8 parties, 98 seats, 7% threshold)")
        print(f"{'implementation':<22} {'us/call':>8} {'fastest':>8} {'x reformlab':>12}")
        for name, median in medians.items():
            print(f"{name:<22} {median * 1e6:>8.3f} {min(times[name]) * 1e6:>8.3f} {median / ours:>12.2f}")
        rivals = {n: m for n, m in medians.items() if not n.startswith("reformlab")}
        verdict = ", ".join(f"{m / ours:.2f}x the speed of {n}" for n, m in rivals.items())
        print(f"reformlab allocate (exact, validated, a full Allocation): {verdict} (target >= 1 each); "
              f"the hand-written version disagrees on {wrong} of {len(elections):,}")
    print("x reformlab: time / reformlab allocate's time (above 1: reformlab is faster)")


def many_parties(sizes: tuple[int, ...] = (1_000, 10_000, 100_000)) -> None:
    """One exact allocation over many parties (random votes, 450 seats, a threshold of 1/10^7 of the votes, so
    that most pass and the threshold test runs on all): the time per party should stay about flat as the
    parties grow tenfold (near-linear; issue 13 found it quadratic)."""
    rng = np.random.default_rng(SEED + 2)
    print("\nOne exact allocation over many parties (450 seats, threshold 1/10^7 of the votes), CPU time")
    print(f"{'parties':>9} " + " ".join(f"{METHODS[m] + ' s':>12} {'us/party':>9}" for m in METHODS))
    for size in sizes:
        votes = {f"P{i}": int(v) for i, v in enumerate(rng.integers(1, 1_000_000, size))}
        cells = []
        for method in METHODS:
            start = time.process_time()
            allocate(votes, 450, method, "1/10000000")
            seconds = time.process_time() - start
            cells.append(f"{seconds:>12.3f} {seconds / size * 1e6:>9.2f}")
        print(f"{size:>9,} " + " ".join(cells))


def print_table(method: str, table: list[tuple[str, float, int, int]]) -> None:
    """One block per method: time per election, its ratio to reformlab exact and to the batch (time over
    their time: below 1 is faster), and the disagreements with reformlab exact."""
    exact, batch = table[0][1], table[1][1]
    print(f"\n{METHODS[method]} (8 parties, 98 seats, 7% threshold)")
    print(
        f"{'implementation':<17} {'us/election':>12} {'x exact':>9} {'x batch':>9} "
        f"{'elections':>10} {'disagree':>9}"
    )
    for name, seconds, count, wrong in table:
        print(
            f"{name:<17} {seconds * 1e6:>12.3f} {seconds / exact:>9.3g} {seconds / batch:>9.4g} "
            f"{count:>10,} {wrong:>9}"
        )
    peers = table[2:]
    if peers:
        fastest = min(peers, key=lambda row: row[1])
        print(
            f"batch: {batch * 1e6:.3f} us/election (target <= 0.5), {fastest[1] / batch:.0f}x faster "
            f"than the fastest peer ({fastest[0]}, {fastest[1] * 1e6:.1f} us)"
        )
    votelib = [row for row in peers if row[0] == "votelib"]
    if votelib:
        print(f"exact: {votelib[0][1] / exact:.2f}x the speed of votelib (target >= 3)")


def scale_run(method: str, elections: int, chunk: int) -> None:
    """Allocate ``elections`` random elections of 12 parties and 450 seats in chunks; time and memory."""
    rng = np.random.default_rng(SEED + 1)
    drawing = [0.0]

    def chunks() -> Iterator[np.ndarray]:
        for start in range(0, elections, chunk):
            begin = time.perf_counter()
            piece = draw_elections(rng, min(chunk, elections - start), 12)
            drawing[0] += time.perf_counter() - begin
            yield piece

    seats = ties = 0
    start = time.perf_counter()
    for part in iter_allocate_batch(chunks(), 450, method, chunk=chunk, threshold_share=SHARE):
        seats += int(part.seats.sum())
        ties += int(part.tie.sum())
    total = time.perf_counter() - start
    allocating = total - drawing[0]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{METHODS[method]:<8} {elections:,} elections x 12 parties x 450 seats, chunk {chunk:,}: "
        f"{allocating:.2f} s allocating ({allocating / elections * 1e6:.3f} us/election), "
        f"{drawing[0]:.2f} s drawing votes; seats {seats:,} (= {elections * 450:,}), ties {ties}; "
        f"peak RSS {peak:.0f} MiB"
    )


def main() -> None:
    """Parse ``--quick`` and run both parts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="1,000 elections and a 100,000-election scale run"
    )
    parser.add_argument("--single", action="store_true", help="only the one-allocation-per-call comparison")
    args = parser.parse_args()
    count, scale = (1_000, 100_000) if args.quick else (10_000, 1_000_000)
    votes = draw_elections(np.random.default_rng(SEED), count, 8)
    single_allocation(votes[:1_000])
    if args.single:
        return
    many_parties((1_000, 10_000) if args.quick else (1_000, 10_000, 100_000, 1_000_000))
    print(
        f"\n{count:,} random elections, seed {SEED}; median of 7 runs for batch, one timed loop for the others "
        "(CPU time)"
    )
    for method in METHODS:
        print_table(method, compare_method(method, votes))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS before the scale run (imports, peers, the runs above): {before:.0f} MiB")
    for method in METHODS:
        scale_run(method, scale, chunk=50_000)


if __name__ == "__main__":
    main()
