"""Benchmark: attributing the May 2007 package to its amendments, every decision, control and Banzhaf; then
with risk as the measure.

Prints the wall time, the number of versions evaluated against the naive 2**n per decision, and the time
one full evaluation (fill + every decision + control + Banzhaf) takes, so that the saving is a ratio measured
in the same run. Then the risk measure: 100,000 draws per relevant subset, every subset on the same draws
(one seed), serially and on the Dask path (a LocalCluster of 2 workers), with the count of relevant subsets
and the target of 120 s side by side.

    .venv/bin/python bench/decompose.py [--draws 100000] [--no-dask]
"""

from __future__ import annotations

import argparse
import time

from reformlab.analysis.control import procedure_control
from reformlab.analysis.decompose import decompose
from reformlab.analysis.decompose_inputs import decomposition_inputs
from reformlab.analysis.power import decision_powers
from reformlab.engine.decisions import decisions
from reformlab.engine.filling import fill
from reformlab.model.amendments import apply_subset


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    base, package, scenario, _, source = decomposition_inputs("kz@2007-05-20", "kz@2007-05-21")
    amendments = package.amendments
    print(f"package: {source}; {len(amendments)} amendments; scenario {scenario.id if scenario else None}")
    start = time.perf_counter()
    result = decompose(base, package, scenario, measures=("control", "banzhaf"))
    elapsed = time.perf_counter() - start
    decided = sum(1 for d in result.decisions.values() if d.cannot_tell is None)
    print(f"decompose: {elapsed:.2f} s for {len(result.decisions)} decisions ({decided} computed), "
          f"{result.evaluations} versions evaluated")
    naive = 2 ** len(amendments)
    print(f"naive: {naive} subsets per decision x {len(result.decisions)} decisions = {result.naive_evaluations}")
    start = time.perf_counter()
    rounds = 5
    for _ in range(rounds):
        made = decisions(fill(apply_subset(base, package, [a.id for a in amendments]), scenario))
        for decision in made.values():
            procedure_control(decision)
            decision_powers(decision, ("banzhaf",))
    one = (time.perf_counter() - start) / rounds
    print(f"one full evaluation: {one * 1000:.0f} ms; naive enumeration of one decision would take "
          f"~{one * naive:.0f} s, all decisions ~{one * result.naive_evaluations / 60:.0f} min")
    print(f"ratio naive / measured: {one * result.naive_evaluations / elapsed:.0f}x")
    for scheduler in ("serial",) + (() if args.no_dask else ("dask",)):
        start = time.perf_counter()
        risky = decompose(base, package, scenario, measures=("risk",), draws=args.draws, seed=0, scheduler=scheduler)
        elapsed = time.perf_counter() - start
        moved = sum(1 for d in risky.decisions.values() for s in d.shares if s.total)
        assert all(sum(s.shares.values()) == s.total for d in risky.decisions.values() for s in d.shares)
        print(f"risk ({scheduler}): {elapsed:.1f} s for {risky.risk['subsets']} relevant subsets x "
              f"{risky.risk['draws']:,} draws on the same draws (target 120 s); {moved} figures moved, "
              "every split exact (shares sum to the estimated change)")


if __name__ == "__main__":
    main()
