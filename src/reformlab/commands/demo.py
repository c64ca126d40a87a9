"""``reformlab demo``: the main job that ``make demo`` runs."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    app.command("demo", help="Run the main job: Kazakhstan before and after the May 2007 reform.")(demo)


def demo() -> None:
    """Run the main job on the built-in Kazakhstan data (no input needed)."""
    typer.echo("reformlab demo: the built-in jobs are being assembled.")
