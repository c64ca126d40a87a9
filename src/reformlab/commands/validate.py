"""``reformlab validate FILE.yaml``: check a constitution or reform file and report every problem."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    app.command("validate", help="Check a constitution or reform file; list every problem (exit 2 if any).")(validate)


def validate(file: str = typer.Argument(..., help="A constitution or reform YAML file.")) -> None:
    """Load FILE, validate every version (a reform: apply it to its base) and report all problems."""
    from reformlab.model.targets import parse_target

    target = parse_target(file)
    if target.reform is not None:
        result = target.resolve()
        typer.echo(f"{file}: valid reform {target.reform.reform!r} of {target.reform.base} "
                   f"({len(target.reform.changes)} changes, applied to the version of {result.version}).")
        return
    document = target.document
    dates = ", ".join(d.isoformat() for d in document.versions)
    typer.echo(f"{file}: valid constitution {document.id!r}, {len(document.versions)} versions ({dates}).")
    unknown = {d: len(document.as_of(d).unknowns()) for d in document.versions}
    if any(unknown.values()):
        counts = ", ".join(f"{d}: {n}" for d, n in unknown.items())
        typer.echo(f"Values marked unknown, by version ({counts}); 'reformlab show' lists them with their notes.")
