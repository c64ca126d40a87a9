"""Power-index benchmark: reformlab's exact counting against powerindex, powerindices, power-bdd and the reference.

Run ``.venv/bin/python bench/power.py [--quick] [--case NAME ...]``. Every peer runs in its own subprocess with
a time limit, so a peer that hangs or blows the stack is reported, not fatal. The "reference" peer is the
independent Python-integer generating function of ``tests/games/reference_counts.py`` (exact, no numpy, no
moduli): the truth the counting is tested against, timed here side by side. See bench/README.md ("Power").
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import subprocess
import sys
import time
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import numpy as np

from reformlab.games import counting

# Electoral College 2024 and 2028: electors per state (and DC) from the 2020 census apportionment
# (U.S. Census Bureau, "2020 Census Apportionment Results", 26 April 2021; 3 U.S.C. 3: House seats + 2;
# DC 3 under the 23rd Amendment). 538 electors, 270 to win.
ELECTORS = {
    "AL": 9, "AK": 3, "AZ": 11, "AR": 6, "CA": 54, "CO": 10, "CT": 7, "DE": 3, "DC": 3, "FL": 30, "GA": 16,
    "HI": 4, "ID": 4, "IL": 19, "IN": 11, "IA": 6, "KS": 6, "KY": 8, "LA": 8, "ME": 4, "MD": 10, "MA": 11,
    "MI": 15, "MN": 10, "MS": 6, "MO": 10, "MT": 4, "NE": 5, "NV": 6, "NH": 4, "NJ": 14, "NM": 5, "NY": 28,
    "NC": 16, "ND": 3, "OH": 17, "OK": 7, "OR": 8, "PA": 19, "RI": 4, "SC": 9, "SD": 3, "TN": 11, "TX": 40,
    "UT": 6, "VT": 3, "VA": 13, "WA": 12, "WV": 4, "WI": 10, "WY": 3,
}  # fmt: skip

# Population on 1 January 2020, Eurostat (first release, July 2020; dataset tps00001 / demo_pjan). The 19
# largest as tabulated in Wikipedia's "List of European Union member states by population" ("2020 Eurostat
# figure" column); the 8 smallest from tps00001 (2020): Estonia and Luxembourg match Statistics Estonia and
# STATEC for 1 January 2020; Malta's 514,564 matches the NSO figure reported by newsbook.com.mt and
# timesofmalta.com ("Malta records highest population growth in the EU", July 2020); HR, LT, SI, LV and CY
# could not be re-checked against a second source here (the case is a performance case: a wrong digit in a
# small state would change the indices slightly, not the timing).
# EU-27 after the UK's withdrawal; total 447,706,209.
EU_POPULATION = {
    "DE": 83_166_711, "FR": 67_098_824, "IT": 60_244_639, "ES": 47_329_981, "PL": 37_958_138,
    "RO": 19_317_984, "NL": 17_407_585, "BE": 11_549_888, "EL": 10_709_739, "CZ": 10_693_939,
    "SE": 10_327_589, "PT": 10_295_909, "HU": 9_769_526, "AT": 8_901_064, "BG": 6_951_482,
    "DK": 5_822_763, "FI": 5_525_292, "SK": 5_457_873, "IE": 4_963_839, "HR": 4_058_165,
    "LT": 2_794_090, "SI": 2_095_861, "LV": 1_907_675, "EE": 1_328_976, "CY": 888_005,
    "LU": 626_108, "MT": 514_564,
}  # fmt: skip

INDICES = ("banzhaf", "shapley")
PEERS = ("reference", "powerindex", "powerindices", "power-bdd")
RANDOM_PLAYERS = {"random": 200, "random400": 400, "random1000": 1000}
REFERENCE = Path(__file__).resolve().parent.parent / "tests" / "games" / "reference_counts.py"


def random_weights(players: int = 200) -> list[int]:
    """Cases 3, 5, 6: ``players`` weights drawn uniformly from 1..1000 with a fixed seed."""
    return np.random.default_rng(20240601).integers(1, 1001, players).tolist()


def eu_quotas() -> tuple[int, int, int]:
    """States needed (55%), population needed (65%, rounded up exactly), and the no-blocking-minority size."""
    n = len(EU_POPULATION)
    return -(-55 * n // 100), -(-65 * sum(EU_POPULATION.values()) // 100), n - 3


def federal_rule() -> tuple[counting.AnyOf, int]:
    """Case 4 over players: President, Vice-President, 100 senators, 435 representatives (this order).

    A bill becomes law with a House majority (218 of 435), a Senate majority (51 of 100, or 50 and the
    Vice-President's tie-breaking vote) and the President's signature; or, over a veto, with two thirds of
    both chambers (290 and 67). Full membership present and voting.
    """
    def clause(president=0, vp=0, senator=0, representative=0, quota=1) -> counting.Clause:
        return counting.Clause((president, vp) + (senator,) * 100 + (representative,) * 435, quota)

    signed = counting.AllOf(
        (clause(representative=1, quota=218), clause(vp=1, senator=2, quota=101), clause(president=1, quota=1))
    )
    override = counting.AllOf((clause(representative=1, quota=290), clause(senator=1, quota=67)))
    return counting.AnyOf((signed, override)), 537


def eu_rule() -> tuple[counting.AnyOf, int]:
    """Case 2: 55% of the states AND 65% of the population, OR all but at most three states."""
    n = len(EU_POPULATION)
    states, population, no_blocking = eu_quotas()
    heads = (1,) * n
    double = counting.AllOf((counting.Clause(heads, states), counting.Clause(tuple(EU_POPULATION.values()), population)))
    return counting.AnyOf((double, counting.Clause(heads, no_blocking))), n


# --- reformlab: the counting functions directly, and the public reformlab.games.power path ---------------


def ours(case: str, index: str) -> list[Fraction]:
    """The exact index through ``reformlab.games.counting``."""
    if case == "electoral" or case in RANDOM_PLAYERS:
        weights, quota = weighted_case(case)
        if index == "banzhaf":
            return counting.banzhaf_exact(weights, quota)
        return counting.shapley_shubik_exact(weights, quota)
    rule, n = eu_rule() if case == "eu" else federal_rule()
    swings, _ = counting.rule_swings_by_size(rule, n)
    if index == "banzhaf":
        return counting.banzhaf_from_swings([sum(row) for row in swings])
    return counting.shapley_from_swings_by_size(swings)


def weighted_case(case: str) -> tuple[list[int], int]:
    if case == "electoral":
        return list(ELECTORS.values()), 270
    weights = random_weights(RANDOM_PLAYERS[case])
    return weights, sum(weights) // 2 + 1


def public_game(case: str):
    """The same game built from the public classes of :mod:`reformlab.games`."""
    from reformlab.games import AndGame, OrGame, WeightedGame, eu_council

    if case == "electoral" or case in RANDOM_PLAYERS:
        weights, quota = weighted_case(case)
        names = list(ELECTORS) if case == "electoral" else [f"P{i:03d}" for i in range(len(weights))]
        return WeightedGame(dict(zip(names, weights, strict=True)), quota=quota)
    if case == "eu":
        return eu_council(EU_POPULATION)
    senators = [f"S{i:03d}" for i in range(100)]
    house = [f"R{i:03d}" for i in range(435)]
    signed = AndGame(
        (
            WeightedGame(dict.fromkeys(house, 1), quota=218),
            WeightedGame({"VP": 1, **dict.fromkeys(senators, 2)}, quota=101),
            WeightedGame({"P": 1}, quota=1),
        )
    )
    override = AndGame((WeightedGame(dict.fromkeys(house, 1), quota=290), WeightedGame(dict.fromkeys(senators, 1), quota=67)))
    return OrGame((signed, override), players=["P", "VP", *senators, *house])


def public(case: str, index: str) -> list[Fraction]:
    """The exact index through ``reformlab.games.power(game, index, method="exact")``."""
    from reformlab.games import power

    game = public_game(case)
    result = power(game, index, method="exact")
    return [result.values[name] for name in game.players]


# --- peers (each call runs in a child process) ---------------------------------------------------------


def peer_values(peer: str, case: str, index: str) -> list[float]:
    """The peer's index for the case, normalised like reformlab's (Banzhaf: shares of all swings)."""
    if peer == "power-bdd":
        return _bdd(case, index)
    if case != "electoral" and case not in RANDOM_PLAYERS:
        raise NotImplementedError("weighted games only (no AND / OR / several quotas)")
    weights, quota = weighted_case(case)
    if peer == "reference":
        return _reference(weights, quota, index)
    if peer == "powerindex":
        import powerindex

        game = powerindex.Game(quota, weights=list(weights))
        if index == "banzhaf":
            game.calc_banzhaf()
            return list(game.banzhaf)
        game.calc_shapley_shubik()
        return list(game.shapley_shubik)
    import powerindices

    if index == "banzhaf":
        return _shares(powerindices.compute_pbi(quota, list(weights)))
    return [float(v) for v in powerindices.compute_ssi(quota, list(weights))]


def _reference(weights: list[int], quota: int, index: str) -> list[float]:
    """The independent Python-integer generating function (``tests/games/reference_counts.py``), exact."""
    spec = importlib.util.spec_from_file_location("reference_counts", REFERENCE)
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    n = len(weights)
    if index == "banzhaf":
        swings, _ = reference.swings(weights, quota)
        return [float(Fraction(s, sum(swings))) for s in swings]
    if quota * (n + 1) * (n + 9) > 1 << 31:
        raise NotImplementedError(f"by size the packed polynomial would take {quota * (n + 1) * (n + 9) >> 23:,} MB")
    by_size, _ = reference.size_threshold_swings(weights, [quota] * (n + 1))
    orders = [math.factorial(k) * math.factorial(n - k - 1) for k in range(n)]
    return [float(Fraction(sum(c * o for c, o in zip(row, orders, strict=True)), math.factorial(n))) for row in by_size]


def _shares(values) -> list[float]:
    values = [float(v) for v in values]
    total = sum(values)
    return [v / total for v in values]


def _bdd(case: str, index: str) -> list[float]:
    from power_bdd.bdd import BDD, WeightedGame

    def game(quota, weights):
        return BDD(WeightedGame(quota, list(weights)))

    if case == "electoral" or case in RANDOM_PLAYERS:
        weights, quota = weighted_case(case)
        bdd = game(quota, weights)
    elif case == "eu":
        n = len(EU_POPULATION)
        states, population, no_blocking = eu_quotas()
        bdd = (game(states, [1] * n) & game(population, EU_POPULATION.values())) | game(no_blocking, [1] * n)
    else:  # as in power_bdd's own example: (H & S51 & P) | (H & S50 & VP & P) | (H290 & S67)
        def chamber(quota, president=0, vp=0, senator=0, representative=0):
            return game(quota, [president, vp] + [senator] * 100 + [representative] * 435)

        house, president = chamber(218, representative=1), chamber(1, president=1)
        bdd = (
            house & chamber(51, senator=1) & president
            | house & chamber(50, senator=1) & chamber(1, vp=1) & president
            | chamber(290, representative=1) & chamber(67, senator=1)
        )
    return _shares(bdd.calc_banzhaf()) if index == "banzhaf" else [float(v) for v in bdd.calc_shapley()]


def run_peer(peer: str, case: str, index: str, timeout: float) -> tuple[float | None, list[float] | None, str]:
    """``(seconds, values, note)`` from a child process; ``seconds`` is ``None`` when it did not finish."""
    command = [sys.executable, __file__, "--peer", peer, "--case", case, "--index", index]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None, None, f"timeout > {timeout:g} s"
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        last = (done.stderr.strip().splitlines() or ["crashed"])[-1]
        return None, None, f"failed: {last[:70]}"
    answer = json.loads(lines[-1])
    if "error" in answer:
        return None, None, answer["error"]
    return answer["seconds"], answer["values"], ""


def child(peer: str, case: str, index: str) -> None:
    sys.setrecursionlimit(100_000)
    start = time.perf_counter()
    try:
        values = peer_values(peer, case, index)
    except NotImplementedError as error:
        print(json.dumps({"error": f"n/a: {error}"}))
        return
    except Exception as error:  # a peer's own failure is a result to report
        print(json.dumps({"error": f"error: {type(error).__name__}: {str(error)[:60]}"}))
        return
    print(json.dumps({"seconds": time.perf_counter() - start, "values": values}))


# --- the table -----------------------------------------------------------------------------------------

CASES = {
    "electoral": "1. US Electoral College 2024 (51 players, quota 270)",
    "eu": "2. EU Council, 1 Jan 2020 populations, blocking minority (27)",
    "random": "3. random 200 players, weights 1..1000, quota W/2+1",
    "federal": "4. US federal law: House, Senate+VP, President, override (537)",
    "random400": "5. random 400 players, weights 1..1000, quota W/2+1",
    "random1000": "6. random 1,000 players, weights 1..1000, quota W/2+1",
}
TARGETS = {("electoral", "banzhaf"): 0.02, ("electoral", "shapley"): 0.02, ("eu", "banzhaf"): 0.2,
           ("eu", "shapley"): 0.2, ("random", "banzhaf"): 0.4, ("random", "shapley"): 10.0,
           ("federal", "banzhaf"): 5.0}  # fmt: skip


def timed(function: Callable[[], list], repeats: int) -> tuple[float, list]:
    best, values = math.inf, []
    for _ in range(repeats):
        start = time.perf_counter()
        values = function()
        best = min(best, time.perf_counter() - start)
    return best, values


def difference(values, reference: list[Fraction] | None) -> str:
    if values is None or reference is None:
        return ""
    return f"{max(abs(float(v) - float(r)) for v, r in zip(values, reference, strict=True)):.1e}"


def describe_machine(timeout: float, repeats: int) -> str:
    """One line: CPUs, load, versions of Python, numpy and the peers, and the run settings."""
    import importlib.metadata
    import os
    import platform

    versions = []
    for package in ("numpy", *(peer for peer in PEERS if peer != "reference")):
        try:
            versions.append(f"{package} {importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{package} not installed")
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs, load average {load}; Python {platform.python_version()}; {'; '.join(versions)}\n"
        f"reformlab: best of {repeats} run(s); power(): 1 run; peers: 1 run each, child process, limit {timeout:g} s\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one repeat and 15 s peer time limit")
    parser.add_argument("--timeout", type=float, default=None, help="peer time limit in seconds")
    parser.add_argument("--peer"), parser.add_argument("--index")
    parser.add_argument("--case", action="append", choices=list(CASES), help="run only these cases (repeatable)")
    args = parser.parse_args()
    if args.peer:
        child(args.peer, args.case[0], args.index)
        return
    timeout = args.timeout or (15.0 if args.quick else 60.0)
    repeats = 1 if args.quick else 3
    print(describe_machine(timeout, repeats))
    header = f"{'case':<62} {'index':<8} {'implementation':<22} {'seconds':>9} {'x ours':>8} {'max |diff|':>10}  note"
    print(header)
    print("-" * len(header))
    for case, title in CASES.items():
        if args.case and case not in args.case:
            continue
        for index in INDICES:
            try:
                seconds, reference = timed(lambda: ours(case, index), repeats)
                target = TARGETS.get((case, index))
                note = f"target <= {target:g} s" + (" (met)" if seconds <= target else " (MISSED)") if target else ""
            except Exception as error:  # beyond the exact limits: say so, as the library does
                seconds, reference, note = None, None, f"{type(error).__name__}: {str(error)[:70]}"
            rows = [("reformlab.counting", seconds, reference, note)]
            try:
                public_seconds, public_values = timed(lambda: public(case, index), 1)
                rows.append(("reformlab power()", public_seconds, public_values, ""))
            except Exception as error:  # report, do not stop the run
                rows.append(("reformlab power()", None, None, f"{type(error).__name__}: {str(error)[:50]}"))
            for peer in PEERS:
                rows.append((peer, *run_peer(peer, case, index, timeout)))
            for name, took, values, note in rows:
                shown = f"{took:9.3f}" if took is not None else f"{'-':>9}"
                ratio = f"{took / seconds:8.1f}" if took is not None and seconds else f"{'-':>8}"
                print(f"{title:<62} {index:<8} {name:<22} {shown} {ratio} {difference(values, reference):>10}  {note}")
        print()
    print("x ours: time / reformlab.counting time (above 1: reformlab is faster). max |diff|: largest difference")
    print("from reformlab's exact value over all players (peers use floats). Peers ran in child processes.")


if __name__ == "__main__":
    main()
