"""Reading a votes table (CSV with at least ``party,votes``) into an ordered mapping, with precise errors.

The row order is kept: it is the order the law names for tie-breaks (e.g. registration order) unless
another is given. Every problem is a :class:`~reformlab.errors.ReformlabError` naming the file, the line
and the column, and saying what to do.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from reformlab.errors import ReformlabError

REQUIRED = ("party", "votes")


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ReformlabError("file not found", file=path, fix="check the path") from None
    except IsADirectoryError:
        raise ReformlabError("this is a folder, not a file", file=path, fix="give a CSV file") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ReformlabError(
            f"the file is not UTF-8 text (byte {exc.start})",
            file=path,
            line=line,
            fix="save the file as UTF-8",
        ) from None


def _whole_number(text: str, path: Path, line: int) -> int:
    value = text.strip().replace("_", "")
    if value.startswith("-") and value[1:].isdigit():
        raise ReformlabError(
            f"votes must not be negative, got {text!r}",
            file=path,
            line=line,
            field="votes",
            fix="correct the count",
        )
    if not value.isdigit() or not value.isascii():
        raise ReformlabError(
            f"votes must be a whole number, got {text!r}",
            file=path,
            line=line,
            field="votes",
            fix="write the votes as digits only, e.g. 12345",
        )
    return int(value)


def read_votes_csv(path: str | Path) -> dict[str, int]:
    """Party -> votes from a CSV file whose header has ``party`` and ``votes`` (other columns are ignored).

    Raises :class:`ReformlabError` for: an unreadable or non-UTF-8 file, an empty file, a missing
    column, an empty party name, a duplicate party, and votes that are negative or not whole numbers.
    """
    path = Path(path)
    text = _read_text(path)
    if not text.strip():
        raise ReformlabError(
            "the file is empty", file=path, fix="write a header 'party,votes' and one row per party"
        )
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip().lower() for name in reader.fieldnames or []]
    for column in REQUIRED:
        if column not in header:
            raise ReformlabError(
                f"the header has no '{column}' column (found: {', '.join(header) or 'nothing'})",
                file=path,
                line=1,
                field=column,
                fix="start the file with a header line such as 'party,votes'",
            )
    reader.fieldnames = header
    votes: dict[str, int] = {}
    first_line: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        party = (row.get("party") or "").strip()
        if not party:
            raise ReformlabError(
                "the party name is empty", file=path, line=line, field="party", fix="name the party"
            )
        if party in votes:
            raise ReformlabError(
                f"party {party!r} appears twice (first on line {first_line[party]})",
                file=path,
                line=line,
                field="party",
                fix="give each party one row, or add up its votes",
            )
        votes[party] = _whole_number(row.get("votes") or "", path, line)
        first_line[party] = line
    if not votes:
        raise ReformlabError("the file has a header but no parties", file=path, fix="add one row per party")
    return votes
