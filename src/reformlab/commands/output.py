"""How every command prints: one ``--format`` choice, and consoles that never read user or data text as markup.

Party names, file names, claim text, error messages and fixes are data: ``[bold red]Red Party``,
``[/]close``, ``^[a-z][a-z0-9_]*$`` or ``pip install 'reformlab[dask]'`` must print as written. Rich would
read them as markup (a crash on an unmatched ``[/]``, a colour or a hyperlink injected, bracketed words
dropped), so the consoles made here have markup, emoji codes and highlighting switched off; styling is
given explicitly with :func:`styled` (a :class:`rich.text.Text`), never by markup in a string.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from enum import Enum

import typer

from reformlab.errors import ReformlabError


class Format(str, Enum):
    """What a command prints: a table for people (default), JSON or CSV for machines."""

    table = "table"
    json = "json"
    csv = "csv"


FORMAT_HELP = "table (default), json or csv."


def format_option(default: Format = Format.table):
    """The ``--format`` / ``-f`` option every command takes."""
    return typer.Option(default, "--format", "-f", help=FORMAT_HELP)


def console(*, stderr: bool = False, file=None):
    """A rich console that prints text as written (no markup, no emoji codes, no highlighting).

    Its width is the terminal's (or ``COLUMNS``); tables fold long cells on word boundaries to fit.
    """
    from rich.console import Console

    class Quiet(Console):
        def on_broken_pipe(self) -> None:
            """The reader stopped reading (``| head``): it has what it wanted, so stop quietly, exit 0
            (rich's own handler exits 1, which would read as a failure)."""
            self.quiet = True
            raise BrokenPipeError  # the command's error handler points stdout at the null device, exits 0

    return Quiet(stderr=stderr, file=file, markup=False, emoji=False, highlight=False)


def styled(*parts: str | tuple[str, str]):
    """A :class:`rich.text.Text` of plain strings and ``(text, style)`` pairs; the text is never markup.

    >>> styled(("error:", "bold red"), " [/x] not found").plain
    'error: [/x] not found'
    """
    from rich.text import Text

    return Text.assemble(*parts)


def echo_json(data) -> None:
    """Print ``data`` as indented JSON (UTF-8 kept readable)."""
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def echo_csv(header: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Print a CSV table: ``header`` then ``rows`` (values written as ``str``; ``None`` as empty)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(["" if value is None else value for value in row] for row in rows)
    typer.echo(buffer.getvalue(), nl=False)


def print_error(label: str, message: str) -> None:
    """``label: message`` on standard error, the label in bold red and the message exactly as written."""
    console(stderr=True).print(styled((label, "bold red"), " ", message), soft_wrap=True)


def refuse_format(output: Format, allowed: Sequence[Format], command: str) -> None:
    """Refuse a ``--format`` that ``command`` cannot print (one message naming the ones it can)."""
    if output not in allowed:
        names = ", ".join(f.value for f in allowed)
        raise ReformlabError(f"'{command}' cannot print --format {output.value}", field="--format",
                             fix=f"choose one of: {names}")


def readable(path: str) -> str:
    """A data path or id as words a table can fold without cutting one: ``bodies.president.term_years`` ->
    ``bodies › president › term years`` (JSON and CSV keep the path as it is).

    >>> readable("bodies.president.term_years")
    'bodies › president › term years'
    """
    return path.replace(".", " › ").replace("_", " ")
