"""The one progress bar of every long command, shown only when stderr is a terminal.

Usage: the report command runs several slow steps (analyses, charts, a PDF print)::

    with steps("Building report", total=3) as bar:
        with bar.step("computing power"):
            ...
        with bar.step("drawing charts"):
            ...

and the risk command counts draws as chunks finish::

    with counter("draws", total=100_000) as advance:
        simulate(..., progress=advance)  # advance(n) after each chunk; None when no bar shows

Piped or captured runs (tests, CI, ``> file``) see nothing, so outputs and logs stay clean.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import IO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)


class Steps:
    """The handle :func:`steps` yields: names the current step and advances the bar when it ends.

    A ``Steps`` nested inside another (a library call that reports its own steps, inside a command that
    reports its steps) shares the outer bar: its labels show after the outer step's label and it does not
    advance the outer count.
    """

    def __init__(self, progress: Progress | None, task: int | None, *, prefix: str = "",
                 counts: bool = True) -> None:
        self.progress = progress
        self.task = task
        self.prefix = prefix
        self.counts = counts
        self.label = prefix
        self.done: list[str] = []

    @contextmanager
    def step(self, label: str) -> Iterator[None]:
        """Show ``label`` while the block runs, then count the step as done (also when it raises)."""
        self.label = f"{self.prefix}: {label}" if self.prefix else label
        if self.progress is not None:
            self.progress.update(self.task, description=self.label)
        token = _ACTIVE.set(self)
        try:
            yield
        finally:
            _ACTIVE.reset(token)
            self.done.append(label)
            if self.progress is not None and self.counts:
                self.progress.advance(self.task)


_ACTIVE: ContextVar[Steps | None] = ContextVar("reformlab_progress_step", default=None)


def is_terminal(stream: IO[str] | None = None) -> bool:
    """Whether ``stream`` (default: stderr) is an interactive terminal."""
    stream = sys.stderr if stream is None else stream
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


@contextmanager
def steps(description: str, total: int, *, stream: IO[str] | None = None,
          enabled: bool | None = None) -> Iterator[Steps]:
    """A context manager showing a transient progress bar of ``total`` steps on ``stream``.

    Args:
        description: shown before the first step starts.
        total: the number of steps.
        stream: where to draw (default: stderr).
        enabled: force the bar on or off; by default it shows only when ``stream`` is a terminal.
            Inside a step of another ``steps`` bar, the outer bar is reused and these are ignored.

    Yields:
        A :class:`Steps` whose ``step(label)`` context manager marks each step.

    >>> with steps("demo", total=1) as bar:
    ...     with bar.step("one"):
    ...         pass
    >>> bar.done
    ['one']
    """
    outer = _ACTIVE.get()
    if outer is not None:  # inside another bar's step: report there instead of drawing a second bar
        yield Steps(outer.progress, outer.task, prefix=outer.label, counts=False)
        return
    progress = _bar(stream, enabled)
    if progress is None:
        yield Steps(None, None)
        return
    with progress:
        task = progress.add_task(description, total=total)
        yield Steps(progress, task)


@contextmanager
def counter(description: str, total: int, *, stream: IO[str] | None = None,
            enabled: bool | None = None) -> Iterator[Callable[[int], None] | None]:
    """The same bar counting ``total`` units (draws) instead of steps.

    Yields:
        ``advance(n)``, to call as each batch of ``n`` units finishes; None when the bar does not show
        (same rule as :func:`steps`).

    >>> with counter("draws", total=10, enabled=False) as advance:
    ...     advance is None
    True
    """
    with _task(description, total, stream, enabled) as (progress, task):
        yield None if progress is None else lambda n: progress.advance(task, n)


@contextmanager
def tally(description: str, *, stream: IO[str] | None = None,
          enabled: bool | None = None) -> Iterator[Callable[[int, int], None] | None]:
    """The same bar for work whose size is known only once it starts (the readings of ``--robust``).

    Yields:
        ``update(done, total)``, to call as the work advances; None when the bar does not show.

    >>> with tally("readings", enabled=False) as update:
    ...     update is None
    True
    """
    with _task(description, None, stream, enabled) as (progress, task):
        yield None if progress is None else lambda done, total: progress.update(task, completed=done, total=total)


@contextmanager
def _task(description: str, total: int | None, stream: IO[str] | None,
          enabled: bool | None) -> Iterator[tuple[Progress | None, int | None]]:
    """A bar with one task of ``total`` units (None: not known yet), or ``(None, None)`` where none shows."""
    progress = _bar(stream, enabled)
    if progress is None:
        yield None, None
        return
    with progress:
        yield progress, progress.add_task(description, total=total)


def _bar(stream: IO[str] | None, enabled: bool | None) -> Progress | None:
    """The bar's columns and console, or None where it does not show."""
    stream = sys.stderr if stream is None else stream
    show = is_terminal(stream) if enabled is None else enabled
    if not show:
        return None
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}", style="bold", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(file=stream),
        transient=True,
    )
