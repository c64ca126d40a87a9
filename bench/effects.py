"""Rules/election split and robustness: timings side by side in one run (issue 10).

    .venv/bin/python bench/effects.py [--baseline-sample N]

1. ``--robust`` over 2^12 assumption combinations (bench/data/twelve_assumptions.yaml: nine aligned parties, the
   maslikhats' and the APK's controllers and a defection in the Majilis), every decision of two versions
   (kz@2007-05-21, kz@2007-09-01), against re-running ``evaluate`` with each combination's overrides (the
   defection's seat split off the fresh filling, whose decisions and control are then computed again; timed on
   N combinations and scaled to 4096; said so).
2. The Kazakh 2x2 grid (kz@2007-05-20, kz@2007-05-21 x kz-majilis-2004, kz-majilis-2007).
Absolute times are noisy on this shared machine; the ratio is what the target is about.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

SCENARIO = str(Path(__file__).parent / "data" / "twelve_assumptions.yaml") + "#bench-12"
VERSIONS = ("kz@2007-05-21", "kz@2007-09-01")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline-sample", type=int, default=48)
    args = parser.parse_args()
    from reformlab.analysis import evaluate
    from reformlab.analysis.remap import split_defectors
    from reformlab.analysis.effects import grid
    from reformlab.analysis.evaluation import Evaluation
    from reformlab.analysis.robust import combinations, robust_control, side, space_of

    start = time.perf_counter()
    sides = [side(v, SCENARIO) for v in VERSIONS]
    found = robust_control(sides)
    robust = time.perf_counter() - start
    space = space_of(sides)
    exact, combos = combinations(space)

    start = time.perf_counter()
    for combo in combos[: args.baseline_sample]:
        picks = {c.subject: c.options[i].principal for c, i in zip(space, combo) if i}
        aligned = {k: p for k, p in picks.items() if not k.startswith("defection in ")}
        for v in VERSIONS:
            ev = evaluate(v, SCENARIO, alignments=aligned)
            if len(aligned) < len(picks):  # the defector's seat split off the fresh filling, answering to itself
                defect = [c for c in space if c.kind == "defection" and c.subject in picks]
                ev = Evaluation(ev.target, ev.constitution, ev.scenario, split_defectors(ev.filling, defect))
            _ = {k: p.role("president") for k, p in ev.control.procedures.items()}
    per = (time.perf_counter() - start) / args.baseline_sample
    baseline = per * len(combos)

    start = time.perf_counter()
    table = grid(["kz@2007-05-20", "kz@2007-05-21"], ["kz-majilis-2004", "kz-majilis-2007"])
    table.splits()
    two_by_two = time.perf_counter() - start

    print(f"{os.cpu_count()} CPUs, load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"assumptions {len(space)}, combinations {len(combos)} ({'exact' if exact else 'sampled'}), "
          f"verdicts {len(found)} (every decision of {', '.join(VERSIONS)})")
    print(f"{'case':52} {'seconds':>9}")
    print(f"{'--robust (fill once, count camp seats on the trees)':52} {robust:9.2f}")
    print(f"{'re-run evaluate per combination (scaled from ' + str(args.baseline_sample) + ')':52} {baseline:9.2f}")
    print(f"{'speed-up':52} {baseline / robust:8.1f}x")
    print(f"{'Kazakh 2x2 grid with the Shapley split':52} {two_by_two:9.2f}")


if __name__ == "__main__":
    main()
