"""Benchmark: the web app. One edit (the Majilis threshold) to updated control and power, and 50 clients.

Targets (issue 16): one edit of the Kazakh default to updated control and power in at most 300 ms of
server time (median and p95 over 100 edits, each a threshold never sent before, so nothing is cached);
50 concurrent clients on loopback, each making 20 edits: no error, p95 at most 1.5 s, memory flat (peak RSS
before and after). The machine is shared, so absolute times are noisy; the cold/cached ratio is measured in
the same run.

Run: .venv/bin/python bench/web.py
"""

from __future__ import annotations

import asyncio
import re
import resource
import statistics
import subprocess
import sys
import time

THRESHOLD = "bodies.majilis.seat_groups.0.system.threshold.share"
EDITS = 100
CLIENTS, PER_CLIENT = 50, 20
TARGET_EDIT, TARGET_P95 = 0.300, 1.5
WORKERS = (1, 2)


def reform(share: str) -> dict:
    return {"reform": "bench", "base": "kz", "date": "2007-05-21",
            "changes": [{"op": "set", "path": THRESHOLD, "value": share}]}


def share_of(number: int) -> str:
    """A distinct threshold per edit (1.000% to 9.999%), so every edit is computed, not cached."""
    return f"{1 + number // 1000}.{number % 1000:03d}%"


def percentile(values, p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p * (len(values) - 1)))]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _peak_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def server_rss_mb(pid: int, workers: int) -> float:
    """The server's peak resident memory (VmHWM), in MB: the process, or the sum over its workers."""
    if workers == 1:
        return _peak_mb(pid)
    with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as children:
        return sum(_peak_mb(int(child)) for child in children.read().split())


def serial_edits(client) -> tuple[list[float], list[float]]:
    cold, cached = [], []
    for number in range(EDITS):
        body = {"reform": reform(share_of(number))}
        start = time.perf_counter()
        control = client.post("/api/control", json=body)
        power = client.post("/api/power", json=body)
        cold.append(time.perf_counter() - start)
        assert control.status_code == power.status_code == 200, control.text[:200]
        start = time.perf_counter()
        client.post("/api/control", json=body), client.post("/api/power", json=body)
        cached.append(time.perf_counter() - start)
    return cold, cached


async def concurrent_clients(address: str) -> tuple[list[float], int]:
    import httpx

    times, errors = [], 0

    async def one_client(number: int, http: httpx.AsyncClient) -> None:
        nonlocal errors
        for edit in range(PER_CLIENT):
            body = {"reform": reform(share_of(5000 + number * PER_CLIENT + edit))}
            start = time.perf_counter()
            try:
                control = await http.post(address + "/api/control", json=body)
                power = await http.post(address + "/api/power", json=body)
                if control.status_code != 200 or power.status_code != 200:
                    errors += 1
            except httpx.HTTPError:
                errors += 1
            times.append(time.perf_counter() - start)

    limits = httpx.Limits(max_connections=CLIENTS)
    async with httpx.AsyncClient(timeout=60, limits=limits) as http:
        await asyncio.gather(*(one_client(n, http) for n in range(CLIENTS)))
    return times, errors


def main() -> int:
    from fastapi.testclient import TestClient

    from reformlab.web import create_app

    start = time.perf_counter()
    app = create_app()
    print(f"app built in {time.perf_counter() - start:.2f} s (reformlab serve prints its address after this)")
    client = TestClient(app)
    client.post("/api/control", json={"target": "kz@2007-05-21"})  # warm the imports and the base version
    cold, cached = serial_edits(client)
    median, p95 = statistics.median(cold), percentile(cold, 0.95)
    print(f"one edit -> control + power, {EDITS} edits (server time, in-process): median {median * 1000:.0f} ms, "
          f"p95 {p95 * 1000:.0f} ms (target {TARGET_EDIT * 1000:.0f} ms); cached: median "
          f"{statistics.median(cached) * 1000:.1f} ms ({median / statistics.median(cached):.0f}x faster)")

    results = {workers: concurrent_run(workers) for workers in WORKERS}
    ok = median <= TARGET_EDIT and p95 <= TARGET_EDIT
    for workers, (times, errors, wall, before, after) in results.items():
        load_p95 = percentile(times, 0.95)
        print(f"{CLIENTS} clients x {PER_CLIENT} edits on loopback, {workers} server process(es): {errors} errors, "
              f"median {statistics.median(times) * 1000:.0f} ms, p95 {load_p95 * 1000:.0f} ms "
              f"(target {TARGET_P95 * 1000:.0f} ms), {len(times) / wall:.0f} edits/s; server peak RSS "
              f"{before:.0f} MB before, {after:.0f} MB after")
        ok = ok and errors == 0 and load_p95 <= TARGET_P95
    print("targets met" if ok else "targets NOT met")
    return 0 if ok else 1


def concurrent_run(workers: int):
    """The 50 clients (in this process) against `reformlab serve --workers N` in its own process(es)."""
    import httpx

    server = subprocess.Popen([sys.executable, "-m", "reformlab.cli", "serve", "--port", "0", "--workers", str(workers)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        address = re.search(r"http://[0-9.]+:[0-9]+", server.stdout.readline()).group(0)
        for _ in range(300):  # until every worker answers (each imports the app on its own)
            try:
                for _ in range(2 * workers):
                    httpx.post(address + "/api/control", json={"target": "kz@2007-05-21"}, timeout=30)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        before = server_rss_mb(server.pid, workers)
        start = time.perf_counter()
        times, errors = asyncio.run(concurrent_clients(address))
        wall = time.perf_counter() - start
        after = server_rss_mb(server.pid, workers)
    finally:
        server.terminate()
        server.wait(timeout=20)
    return times, errors, wall, before, after


if __name__ == "__main__":
    sys.exit(main())
