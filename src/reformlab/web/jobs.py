"""Long computations (the Monte Carlo risk) as jobs: started, polled for progress, cancelled, or finished.

A job runs on its own thread; the risk simulation reports each finished chunk of draws, and the job
stops at the next chunk once cancelled. Few jobs run at once and few are kept, so a client cannot pile up
work or memory: beyond :attr:`Jobs.running_limit` a new job is refused with a 429 and a message saying why.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from reformlab.errors import ReformlabError


class Cancelled(Exception):
    """Raised inside a job's progress callback once the job is cancelled."""


class Busy(ReformlabError):
    """Too many jobs are running; the client should wait for one to finish or cancel one."""


@dataclass
class Job:
    """One computation: its state (``running``, ``done``, ``cancelled``, ``failed``), progress and result."""

    id: str
    total: int
    done: int = 0
    state: str = "running"
    result: dict | None = None
    error: dict | None = None
    started: float = field(default_factory=time.monotonic)
    cancel_requested: threading.Event = field(default_factory=threading.Event)

    def advance(self, amount: int) -> None:
        if self.cancel_requested.is_set():
            raise Cancelled()
        self.done = min(self.total, self.done + amount)

    def to_dict(self) -> dict:
        return {"id": self.id, "state": self.state, "done": self.done, "total": self.total,
                "progress": self.done / self.total if self.total else 1.0,
                "seconds": round(time.monotonic() - self.started, 3), "result": self.result, "error": self.error}


class Jobs:
    """The server's jobs: at most ``running_limit`` running, the ``kept`` most recent remembered."""

    def __init__(self, running_limit: int = 2, kept: int = 16) -> None:
        self.running_limit = running_limit
        self.kept = kept
        self.items: OrderedDict[str, Job] = OrderedDict()
        self.lock = threading.Lock()

    def start(self, total: int, work: Callable[[Job], dict], error_of: Callable[[Exception], dict]) -> Job:
        """Run ``work(job)`` on a thread; ``error_of`` turns a failure into the JSON error the API gives."""
        with self.lock:
            running = sum(job.state == "running" for job in self.items.values())
            if running >= self.running_limit:
                raise Busy(f"{running} computations are already running", field="draws",
                           fix="wait for one to finish, or cancel one")
            job = Job(secrets.token_hex(8), total)
            self.items[job.id] = job
            finished = [k for k, j in self.items.items() if j.state != "running"]
            while len(self.items) > self.kept and finished:
                self.items.pop(finished.pop(0))

        def run() -> None:
            try:
                job.result = work(job)
                job.done, job.state = job.total, "done"
            except Cancelled:
                job.state = "cancelled"
            except Exception as exc:  # noqa: BLE001 - reported to the client through the job, never raised
                job.error, job.state = error_of(exc), "failed"

        threading.Thread(target=run, name=f"reformlab-job-{job.id}", daemon=True).start()
        return job

    def get(self, job_id: str) -> Job:
        with self.lock:
            job = self.items.get(job_id)
        if job is None:
            raise ReformlabError(f"no job {job_id!r}", field="job", fix="start one with POST /api/risk")
        return job

    def cancel(self, job_id: str) -> Job:
        job = self.get(job_id)
        job.cancel_requested.set()
        return job
