"""Benchmark: the default report (`reformlab report`), end to end and by stage. Target: under 10 s.

Run: .venv/bin/python bench/report.py
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 10.0


def main() -> int:
    stages = {}
    start = time.perf_counter()
    from reformlab.analysis.claims import check_claims
    from reformlab.analysis.compare import compare
    from reformlab.report import render_html
    from reformlab.report.build import build_report
    from reformlab.commands.report import make_report

    stages["import"] = time.perf_counter() - start
    mark = time.perf_counter()
    comparison = compare("kz@2007-05-20", "kz@2007-05-21")
    comparison.power()
    stages["evaluate + power"] = time.perf_counter() - mark
    mark = time.perf_counter()
    claims = check_claims()
    stages["claims"] = time.perf_counter() - mark
    mark = time.perf_counter()
    html = render_html(build_report(comparison, claims))
    stages["build + render"] = time.perf_counter() - mark
    staged = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as folder:
        mark = time.perf_counter()
        path = make_report(output=Path(folder) / "report.html")
        end_to_end = time.perf_counter() - mark
        size = path.stat().st_size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("Default report (kz@2007-05-20 -> kz@2007-05-21), one process")
    for name, seconds in stages.items():
        print(f"  {name:<18} {seconds:6.2f} s")
    print(f"  {'staged total':<18} {staged:6.2f} s   (HTML {len(html) / 1024:.0f} KiB)")
    print(f"  {'make_report again':<18} {end_to_end:6.2f} s   (file {size / 1024:.0f} KiB; caches warm)")
    print(f"  peak RSS {peak:.0f} MiB")
    verdict = "meets" if staged <= TARGET_SECONDS else "MISSES"
    print(f"target <= {TARGET_SECONDS:.0f} s cold: {staged:.2f} s ({verdict}; ratio {staged / TARGET_SECONDS:.2f} of budget)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
