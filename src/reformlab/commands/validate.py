"""``reformlab validate FILE.yaml``: check a constitution or reform file and report every problem."""

from __future__ import annotations

import typer

from reformlab.commands.output import Format, echo_csv, echo_json, format_option
from reformlab.errors import ReformlabError


def register(app: typer.Typer) -> None:
    app.command("validate", help="Check a constitution or reform file; list every problem (exit 2 if any).")(validate)


def validate(
    file: str = typer.Argument(..., help="A constitution or reform YAML file."),
    output: Format = format_option(),
) -> None:
    """Load FILE, validate every version (a reform: apply it to its base) and report all problems."""
    try:
        found, text = _checked(file)
    except ReformlabError as error:
        if output is Format.json:  # for machines the problems are data too; a person reads them on stderr
            problems = getattr(error, "problems", None) or [error]
            echo_json({"file": file, "valid": False, "problems": [_problem(p) for p in problems]})
        raise
    if output is Format.json:
        echo_json(found)
    elif output is Format.csv:
        echo_csv(list(found), [[v if not isinstance(v, (list, dict)) else ";".join(map(str, v)) for v in found.values()]])
    else:
        typer.echo(text)


def _problem(error: ReformlabError) -> dict:
    """One problem as data: what, where (file, line, field) and the fix, and the message a person reads."""
    return {"problem": error.problem, "file": error.file, "line": error.line, "field": error.field,
            "fix": error.fix, "message": error.message()}


def _checked(file: str) -> tuple[dict, str]:
    """What ``validate`` reports of a valid ``file``: the data and the sentence (raises on any problem)."""
    from reformlab.model.targets import parse_target

    target = parse_target(file)
    if target.reform is not None:
        result = target.resolve()
        found = {"file": file, "valid": True, "kind": "reform", "id": target.reform.reform,
                 "base": target.reform.base, "changes": len(target.reform.patches),
                 "applied_to_version": result.version.isoformat()}
        text = (f"{file}: valid reform {target.reform.reform!r} of {target.reform.base} "
                f"({len(target.reform.patches)} changes, applied to the version of {result.version}).")
        return found, text
    document = target.document
    unknown = {d.isoformat(): len(document.as_of(d).unknowns()) for d in document.versions}
    found = {"file": file, "valid": True, "kind": "constitution", "id": document.id,
             "versions": list(unknown), "unknown_values": unknown}
    text = f"{file}: valid constitution {document.id!r}, {len(unknown)} versions ({', '.join(unknown)})."
    if any(unknown.values()):
        counts = ", ".join(f"{d}: {n}" for d, n in unknown.items())
        text += (f"\nValues marked unknown, by version ({counts}); "
                 "'reformlab show' lists them with their notes.")
    return found, text
