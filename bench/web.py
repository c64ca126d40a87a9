"""Benchmark: the web app. One edit (the Majilis threshold) to updated control and power, and 50 clients.

Targets (issue 16): one edit of the Kazakh default to updated control and power in at most 300 ms of
server time (median and p95 over 100 edits, each a threshold never sent before, so no answer is cached; the
control and power of a decision tree an earlier edit already had are reused, and a third line shows the edit
with nothing kept); 50 concurrent clients on loopback, each making 20 edits: no error, p95 at most 1.5 s,
memory flat (peak RSS before, after, and after a second round of as many new edits). The machine is
shared, so absolute times are noisy: ``--against DIR`` runs the same measurements on another checkout's
source first (e.g. ``git archive main`` unpacked), in the same run, for a side-by-side comparison.

Run: .venv/bin/python bench/web.py [--against DIR]
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

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


def _cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def server_cpu_seconds(pid: int, workers: int) -> float:
    """CPU time the server has used (its workers' for several processes), in seconds."""
    if workers == 1:
        return _cpu_seconds(pid)
    with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as children:
        return sum(_cpu_seconds(int(child)) for child in children.read().split())


def forget_trees() -> None:
    """Empty the control and power kept by decision tree, so the next edit computes every game afresh."""
    from reformlab.analysis import power

    control = sys.modules["reformlab.analysis.control"]
    for cache in (getattr(control, "_control_of_tree", None), getattr(power, "_tree_powers", None)):
        if cache is not None:  # a checkout from before these caches has none to empty
            cache.cache_clear()


def serial_edits(client) -> dict[str, list[float]]:
    """Server time of each edit: new (a reform never sent; decision trees it shares with earlier edits reuse
    their control and power), new with no tree kept (every game enumerated again), and the same edit again."""
    found: dict[str, list[float]] = {"new": [], "no tree kept": [], "again": []}
    for number in range(EDITS):
        for kind, body in (("no tree kept", {"reform": reform(share_of(2000 + number))}),
                           ("new", {"reform": reform(share_of(number))}), ("again", {"reform": reform(share_of(number))})):
            if kind == "no tree kept":
                forget_trees()
            start = time.perf_counter()
            control = client.post("/api/control", json=body)
            power = client.post("/api/power", json=body)
            found[kind].append(time.perf_counter() - start)
            assert control.status_code == power.status_code == 200, control.text[:200]
    return found


PAGE_EDITS = 20


def page_edits(client) -> list[float]:
    """Server time of an edit as the page asks for it: the comparison, control of both sides, the claims
    and the charts (the further views follow once edits pause, and are not counted here)."""
    found = []
    for number in range(PAGE_EDITS):
        after = {"reform": reform(share_of(4000 + number))}
        before = {"target": "kz@2007-05-20"}
        start = time.perf_counter()
        answers = [client.post("/api/compare", json={"before": before, "after": after}),
                   client.post("/api/control", json=before), client.post("/api/control", json=after),
                   client.post("/api/claims", json={"before": before, "after": after}),
                   client.post("/api/charts", json={"before": before, "after": after})]
        found.append(time.perf_counter() - start)
        assert all(a.status_code == 200 for a in answers), [a.text[:200] for a in answers if a.status_code != 200]
    return found


class Connection:
    """One keep-alive HTTP/1.1 connection, written by hand: the load generator must cost far less CPU than the
    server it measures (httpx spends about as much CPU per request as the server does, on the same 2 cores)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def post(self, path: str, body: bytes) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        head = (f"POST {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(body)}\r\n\r\n").encode("ascii")
        self.writer.write(head + body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        length = None
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if not status_line or length is None:
            raise ConnectionError(f"no answer from the server ({status_line!r})")
        return int(status_line.split()[1]), await self.reader.readexactly(length)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def concurrent_clients(address: str, first: int = 5000) -> tuple[list[float], int]:
    """Each client makes its edits one after the other (thresholds from ``first`` on, none sent before)."""
    host, port = address.removeprefix("http://").rsplit(":", 1)
    times, errors, first_error = [], 0, []

    async def one_client(number: int) -> None:
        nonlocal errors
        connection = Connection(host, int(port))
        try:
            for edit in range(PER_CLIENT):
                body = json.dumps({"reform": reform(share_of(first + number * PER_CLIENT + edit))}).encode()
                start = time.perf_counter()
                try:
                    (control, text), (power, _) = (await connection.post("/api/control", body),
                                                   await connection.post("/api/power", body))
                    if control != 200 or power != 200:
                        errors += 1
                        first_error.append(f"{control}/{power}: {text[:200]!r}")
                except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
                    errors += 1
                    first_error.append(f"{type(exc).__name__}: {exc}")
                    connection.close()
                    connection = Connection(host, int(port))
                times.append(time.perf_counter() - start)
        finally:
            connection.close()

    await asyncio.gather(*(one_client(n) for n in range(CLIENTS)))
    if first_error:
        print(f"  first error: {first_error[0]}")
    return times, errors


def main() -> int:
    if "--against" in sys.argv:
        source = Path(sys.argv[sys.argv.index("--against") + 1]).resolve() / "src"
        if not (source / "reformlab").is_dir():
            print(f"--against needs a checkout of reformlab (no {source}/reformlab)")
            return 2
        print(f"== the source in {source} ==", flush=True)
        subprocess.run([sys.executable, __file__], env={**os.environ, "PYTHONPATH": str(source)}, check=False)
        print("== this checkout ==", flush=True)
    from fastapi.testclient import TestClient

    from reformlab.web import create_app

    start = time.perf_counter()
    app = create_app()
    print(f"app built in {time.perf_counter() - start:.2f} s (reformlab serve prints its address after this)")
    client = TestClient(app)
    client.post("/api/control", json={"target": "kz@2007-05-21"})  # warm the imports and the base version
    serial = serial_edits(client)
    median, p95 = statistics.median(serial["new"]), percentile(serial["new"], 0.95)
    print(f"one edit -> control + power, {EDITS} edits (server time, in-process, target "
          f"{TARGET_EDIT * 1000:.0f} ms):")
    for kind, times in serial.items():
        print(f"  {kind}: median {statistics.median(times) * 1000:.1f} ms, p95 {percentile(times, 0.95) * 1000:.1f} ms")
    page = page_edits(client)
    print(f"one edit as the page asks for it (compare, control x2, claims, charts), {PAGE_EDITS} edits: median "
          f"{statistics.median(page) * 1000:.0f} ms, p95 {percentile(page, 0.95) * 1000:.0f} ms")

    results = {workers: concurrent_run(workers) for workers in WORKERS}
    ok = median <= TARGET_EDIT and p95 <= TARGET_EDIT
    for workers, (times, errors, wall, before, after, cpu) in results.items():
        load_p95 = percentile(times, 0.95)
        print(f"{CLIENTS} clients x {PER_CLIENT} edits on loopback, {workers} server process(es): {errors} errors, "
              f"median {statistics.median(times) * 1000:.0f} ms, p95 {load_p95 * 1000:.0f} ms "
              f"(target {TARGET_P95 * 1000:.0f} ms), {len(times) / wall:.0f} edits/s, server CPU "
              f"{cpu / len(times) * 1000:.1f} ms per edit; server peak RSS "
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
        cpu = server_cpu_seconds(server.pid, workers)
        start, client_cpu = time.perf_counter(), time.process_time()
        times, errors = asyncio.run(concurrent_clients(address))
        wall, client_cpu = time.perf_counter() - start, time.process_time() - client_cpu
        after = server_rss_mb(server.pid, workers)
        cpu = server_cpu_seconds(server.pid, workers) - cpu
        # as many new edits again: memory that grows per distinct edit would show here, a bounded cache not
        more, more_errors = asyncio.run(concurrent_clients(address, first=5000 + CLIENTS * PER_CLIENT))
        again = server_rss_mb(server.pid, workers)
        print(f"  ({CLIENTS} clients used {client_cpu / len(times) * 1000:.1f} ms of CPU per edit themselves; a second "
              f"round of {len(more)} new edits: {more_errors} errors, p95 {percentile(more, 0.95) * 1000:.0f} ms, "
              f"server peak RSS {again:.0f} MB after it)")
    finally:
        server.terminate()
        server.wait(timeout=20)
    return times, errors, wall, before, after, cpu


if __name__ == "__main__":
    sys.exit(main())
