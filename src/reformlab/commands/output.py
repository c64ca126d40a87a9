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


def fit_words(table, width: int) -> bool:
    """Give ``table``'s columns fixed widths at which rich folds every cell on word boundaries: each column at
    least its longest word (header included), the rest of ``width`` shared by how much more each would take.

    A table that fits ``width`` unfolded is left as it is. When the longest words do not fit side by side it
    returns False (the caller prints another layout, or keeps the table): the columns with the longest words
    are narrowed to fit, so only a word longer than its whole column is cut.
    """
    from rich.cells import cell_len
    from rich.text import Text

    def plain(cell) -> str:
        return cell.plain if isinstance(cell, Text) else str(cell)

    columns = table.columns
    texts = [[plain(column.header), *map(plain, column._cells)] for column in columns]
    natural = [max(cell_len(line) for text in cells for line in text.splitlines() or [""]) for cells in texts]
    longest = [max((cell_len(word) for text in cells for word in text.split()), default=1) for cells in texts]
    _top, right, _bottom, left = table.padding
    room = width - len(columns) * (left + right) - (len(columns) + 1 if table.box else 0)
    if sum(natural) <= room:
        return True
    fits = sum(longest) <= room
    widths = list(longest)
    while sum(widths) > room and max(widths) > 1:  # the longest words cannot all fit: narrow the longest
        widths[widths.index(max(widths))] -= 1
    spare = room - sum(widths)
    wants = [n - w for n, w in zip(natural, widths)]
    total = sum(wants)
    if spare > 0 and total:
        shares = [spare * want // total for want in wants]
        for index in sorted(range(len(wants)), key=lambda i: -(spare * wants[i] % total))[:spare - sum(shares)]:
            shares[index] += 1
        widths = [w + s for w, s in zip(widths, shares)]
    for column, cells in zip(columns, widths):
        column.width = cells
    return fits


def break_at_dots(path: str, width: int) -> str:
    """A dotted path longer than ``width`` with line breaks after its dots, each line at most ``width`` (a part
    longer than that is folded by the console); a shorter path as it is.

    >>> print(break_at_dots("procedures.amendment.decision.0.majority", 24))
    procedures.amendment.
    decision.0.majority
    """
    from rich.cells import cell_len

    if cell_len(path) <= width:
        return path
    parts = path.split(".")
    lines = [""]
    for index, part in enumerate(parts):
        piece = part + ("." if index < len(parts) - 1 else "")
        if lines[-1] and cell_len(lines[-1] + piece) > width:
            lines.append("")
        lines[-1] += piece
    return "\n".join(lines)
