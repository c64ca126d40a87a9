"""``reformlab list``: the built-in constitutions with their versions, scenarios and elections.

The list is built from :data:`CATALOG_SOURCES`, functions each returning :class:`CatalogEntry` rows; a later
layer adds its own (scenarios) with ``CATALOG_SOURCES.append(my_entries)`` or :func:`add_catalog_source`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field

import typer

from reformlab.commands.output import Format, console, echo_csv, echo_json, format_option


@dataclass(frozen=True)
class CatalogEntry:
    """One row of ``reformlab list``.

    Attributes:
        kind: ``constitution`` or ``scenario`` (or any other kind a later layer adds).
        id: what to type as a target (``kz``, ``kz@2007-06-01``).
        label: readable description.
        versions: ``(date, label)`` pairs, for constitutions.
    """

    kind: str
    id: str
    label: str
    versions: tuple[tuple[str, str], ...] = field(default=())


def constitution_entries() -> Iterable[CatalogEntry]:
    """One entry per built-in constitution, with its version dates and labels."""
    from reformlab.model import builtin_ids, load_builtin

    for constitution_id in builtin_ids():
        document = load_builtin(constitution_id)
        versions = tuple((d.isoformat(), document.version_label(d)) for d in document.versions)
        yield CatalogEntry("constitution", constitution_id, document.label, versions)


def scenario_entries() -> Iterable[CatalogEntry]:
    """One entry per built-in scenario, with the versions it can fill."""
    from reformlab.engine.scenario import builtin_scenarios

    for scenario in builtin_scenarios().values():
        until = scenario.fits.to.isoformat() if scenario.fits.to else "now"
        yield CatalogEntry(
            "scenario", scenario.id,
            f"{scenario.label}; {scenario.constitution} from {scenario.fits.from_} to {until}",
        )


def election_entries() -> Iterable[CatalogEntry]:
    """One entry per built-in election with a list-tier rule (``reformlab allocate --election ID``)."""
    from reformlab.data.election_results import built_in_elections, load_rules

    for election_id in built_in_elections():
        rule = load_rules(election_id.split("-", 1)[0])[election_id]
        yield CatalogEntry("election", election_id, f"{rule['body']}; rule: {rule['article']}")


CATALOG_SOURCES: list[Callable[[], Iterable[CatalogEntry]]] = [constitution_entries, scenario_entries, election_entries]


def add_catalog_source(source: Callable[[], Iterable[CatalogEntry]]) -> None:
    """Add a source of catalog rows (e.g. the engine's scenarios); idempotent."""
    if source not in CATALOG_SOURCES:
        CATALOG_SOURCES.append(source)


def catalog() -> list[CatalogEntry]:
    """Every entry of every source, in source order."""
    return [entry for source in CATALOG_SOURCES for entry in source()]


def register(app: typer.Typer) -> None:
    app.command("list", help="List built-in constitutions, their versions (dates) and scenarios.")(list_command)


def list_command(
    output: Format = format_option(),
    json_output: bool = typer.Option(False, "--json", hidden=True, help="Deprecated: use --format json."),
) -> None:
    """Print the catalog."""
    from rich.table import Table

    entries = catalog()
    if json_output or output is Format.json:
        echo_json([asdict(e) for e in entries])
        return
    if output is Format.csv:
        echo_csv(["kind", "id", "version", "label"],
                 [row for e in entries for row in [[e.kind, e.id, "", e.label],
                                                   *([e.kind, f"{e.id}@{d}", d, label] for d, label in e.versions)]])
        return
    # The table fits the terminal: the version date is in the id already (no column of its own), and a file
    # (a built-in reform) shows its name, its folder said once below, so that labels keep their width.
    table = Table(title="Built-in constitutions and scenarios")
    for column in ("kind", "id", "label"):
        table.add_column(column, overflow="fold")
    folders: list[str] = []
    for entry in entries:
        shown = entry.id
        if entry.id.endswith((".yaml", ".yml")) and os.sep in entry.id:
            folder, shown = os.path.split(_relative(entry.id))
            folders += [folder] if folder not in folders else []
        table.add_row(entry.kind, shown, entry.label)
        for day, label in entry.versions:
            table.add_row("", f"{entry.id}@{day}", label)
    if folders:
        table.caption = "reform files: in " + ", ".join(f + os.sep for f in folders)
    console().print(table)


def _relative(path: str) -> str:
    """``path`` from the working directory when it lies inside it (what one types), else as it is."""
    relative = os.path.relpath(path)
    return path if relative.startswith(os.pardir) else relative
