"""Benchmark: 1,000,000 draws of the two Kazakh versions with every procedure, timed, peak memory printed.

Run: ``.venv/bin/python bench/risk.py [--draws N] [--scheduler serial|dask] [--chunk N]``. The target is
<= 60 s on a 2-core machine with memory bounded by the chunk size.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

from reformlab.analysis.risk import compile_versions, simulate
from reformlab.engine.tree import decision_key

TARGETS = ["kz@2004-10-01", "kz@2007-09-01"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--chunk", type=int, default=65536)
    parser.add_argument("--scheduler", choices=("serial", "dask"), default="serial")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    models = compile_versions(TARGETS)
    compiled = time.perf_counter() - started
    result = simulate(
        TARGETS,
        draws=args.draws,
        seed=args.seed,
        chunk=args.chunk,
        scheduler=args.scheduler,
        workers=args.workers,
        models=models,
    )
    elapsed = time.perf_counter() - started
    decisions = sum(d.status == "simulated" for m in models for d in m.decisions)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"risk: {args.draws:,} draws x {len(TARGETS)} versions, {decisions} decisions, "
        f"scheduler {args.scheduler}, "
        f"chunk {args.chunk}: {elapsed:.1f} s (compile {compiled:.1f} s), peak RSS {peak:.0f} MiB"
    )
    frame = result.frame()
    simulated = frame[frame["status"] == "simulated"]
    for row in simulated.itertuples():
        name = decision_key(row.procedure, row.assumption if isinstance(row.assumption, str) else None)
        print(
            f"  {row.version:15} {name:75} p_lose_pass {row.p_lose_pass:.4f}  "
            f"p_lose_block {row.p_lose_block:.4f}"
        )
    return 0 if elapsed <= 60 else 1


if __name__ == "__main__":
    sys.exit(main())
