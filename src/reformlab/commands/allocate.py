"""``reformlab allocate``: seats from a votes file or a built-in election, as a table, JSON or CSV."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import typer

from reformlab.commands.output import Format, console, echo_csv, echo_json, fit_words, format_option
from reformlab.errors import ReformlabError

BASE_NAMES = {
    "ballots": "ballots_cast",
    "ballots_cast": "ballots_cast",
    "valid": "valid",
    "valid_plus_against_all": "valid_plus_against_all",
}
BASE_WORDS = {
    "valid": "valid votes",
    "ballots_cast": "ballots cast",
    "valid_plus_against_all": "valid votes plus 'against all'",
    "registered": "registered voters",
}


@dataclass(frozen=True)
class Run:
    """One allocation to show: the result, a title, official seats to compare with, and notes."""

    allocation: object
    title: str
    official: dict | None = None
    notes: tuple[str, ...] = ()


def _as_option(option: str, action):
    """Run ``action``; a library error about a field is re-labelled with the CLI option that set it."""
    try:
        return action()
    except ReformlabError as exc:
        raise ReformlabError(exc.problem, file=exc.file, line=exc.line, field=option, fix=exc.fix) from None


def _threshold_data(share: str | None, base: str | None) -> dict | None:
    if share is None:
        return None
    from reformlab.electoral import Threshold, parse_share

    base_name = BASE_NAMES.get((base or "valid").lower())
    if base_name is None:
        from reformlab.errors import unknown_name

        raise unknown_name("threshold base", base, BASE_NAMES, field="--threshold-base")
    value = _as_option("--threshold", lambda: parse_share(share, field="--threshold"))
    _as_option("--threshold", lambda: Threshold(share=value).validate())
    return {"share": share, "base": base_name}


def _check_seats_and_method(seats: int | None, method: str | None) -> None:
    from reformlab.electoral import method_named

    if seats is not None and seats <= 0:
        raise ReformlabError(
            f"seats must be above 0, got {seats}", field="--seats", fix="give --seats 1 or more"
        )
    if method is not None:
        _as_option("--method", lambda: method_named(method))


def election_run(
    election_id: str,
    method: str | None = None,
    seats: int | None = None,
    threshold: dict | None = None,
    tie_break: str | None = None,
    seed: int | None = None,
) -> Run:
    """Allocate a built-in election's list tier under the rule then in force (or with the options given)."""
    from reformlab.data.election_results import election_inputs
    from reformlab.electoral import ElectoralSystem

    _check_seats_and_method(seats, method)
    inputs = election_inputs(election_id)
    data = inputs.system_data
    data.update(
        {
            k: v
            for k, v in (
                ("method", method),
                ("seats", seats),
                ("threshold", threshold),
                ("tie_break", tie_break),
            )
            if v is not None
        }
    )
    system = _as_option(
        "--tie-break", lambda: ElectoralSystem.from_dict(data)
    )  # the other options are checked
    result = system.allocate(
        inputs.votes, **inputs.figures, seed=seed
    )
    notes = [f"Rule: {inputs.rule['article']}.", f"Source: {inputs.rule['source']}."]
    if inputs.rule.get("data_base"):
        notes.append(
            f"Threshold base used: {BASE_WORDS[inputs.rule['data_base']]}. {inputs.rule['data_base_reason']}"
        )
    return Run(result, f"{election_id} list tier", inputs.official_seats, tuple(notes))


def file_run(votes_file: Path, seats, method, threshold, base, ballots, against_all, tie_break, seed) -> Run:
    """Allocate the votes in ``votes_file`` with the options given on the command line."""
    from reformlab.electoral import allocate
    from reformlab.electoral.votes_file import read_votes_csv

    if seats is None:
        raise ReformlabError("the number of seats is missing", field="--seats", fix="add --seats N (N > 0)")
    _check_seats_and_method(seats, method)
    rule = _threshold_data(threshold, base)
    votes = read_votes_csv(votes_file)
    options = {"ballots_cast": "--ballots", "against_all": "--against-all", "tie_break": "--tie-break"}
    try:
        result = allocate(
            votes,
            seats,
            method,
            rule,
            ballots_cast=ballots,
            against_all=against_all,
            tie_break=tie_break,
            seed=seed,
        )
    except ReformlabError as exc:
        raise ReformlabError(
            exc.problem, file=votes_file, field=options.get(exc.field, exc.field), fix=exc.fix
        ) from None
    return Run(result, str(votes_file))


def describe(result) -> str:
    """One line: method, seats, threshold and quota."""
    text = f"{result.method}, {result.house} seats"
    if result.threshold is not None and result.threshold.share is not None:
        from reformlab.shares import format_share

        text += f", threshold {format_share(result.threshold.share)} of {BASE_WORDS[result.threshold.base]}"
    if result.quota is not None:
        text += f", quota {result.quota} ({float(result.quota):,.1f})"
    return text


#: A terminal table lists at most this many parties (those with most votes); csv and json list all.
TABLE_PARTIES = 200


def _table_parties(result) -> list:
    """The parties a table shows, in input order: all of them, or the :data:`TABLE_PARTIES` with most votes."""
    if len(result.votes) <= TABLE_PARTIES:
        return list(result.votes)
    import heapq

    keep = set(heapq.nlargest(TABLE_PARTIES, result.votes, key=result.votes.__getitem__))
    return [party for party in result.votes if party in keep]


def render_table(run: Run, width: int | None = None):
    """A rich renderable: the seats table, then measures, ties and notes; at ``width`` columns the table folds
    on words (a party name at its own spaces; a word is cut only when longer than the whole name column)."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from reformlab.electoral import measures

    result = run.allocation
    total = sum(result.votes.values())
    table = Table(title=f"{run.title}: {describe(result)}", title_justify="left")
    for name in ("Party", "Votes", "Share", "Passed", "Seats", "Seat share"):
        table.add_column(name, justify="left" if name == "Party" else "right", overflow="fold")
    if run.official is not None:
        table.add_column("Official", justify="right")
    passed = set(result.passed)
    shown_parties = _table_parties(result)
    for party in shown_parties:
        votes, seats = result.votes[party], result.seats[party]
        row = [
            str(party),
            f"{votes:,}",
            f"{100 * votes / total:.2f}%",
            "yes" if party in passed else "",
            str(seats),
            f"{100 * seats / result.house:.2f}%",
        ]
        if run.official is not None:
            official = run.official.get(party, 0)
            row.append(str(official) if official == seats else Text(str(official), style="bold red"))
        table.add_row(*row)
    if width is not None:
        fit_words(table, width)
    shown = {k: float(v) for k, v in measures.summary(result.votes, result.seats).items()}
    lines = [
        f"Gallagher {shown['gallagher']:.2f} · Loosemore-Hanby {shown['loosemore_hanby']:.2f} · "
        f"ENP votes {shown['enp_votes']:.2f}, seats {shown['enp_seats']:.2f} · "
        f"Golosov votes {shown['golosov_votes']:.2f}, seats {shown['golosov_seats']:.2f}"
    ]
    for tie in result.ties:
        lines.append(
            f"Tie for {tie.seats} seat(s) among {', '.join(map(str, tie.parties))}: "
            f"resolved by {tie.resolved_by} to {', '.join(map(str, tie.awarded_to))}"
        )
    if len(shown_parties) < len(result.votes):
        lines.append(f"{len(result.votes) - len(shown_parties):,} more parties with fewer votes are not shown; "
                     "--format csv or json lists every party.")
    lines += list(run.notes)
    return Group(table, *(Text(line) for line in lines))


def print_run(run: Run, output: Format = Format.table) -> None:
    """Print one allocation in the chosen format on standard output."""
    if output is Format.json:
        echo_json(run.allocation.to_dict())
    elif output is Format.csv:
        echo_csv(["party", "votes", "passed", "seats"], csv_rows(run))
    else:
        out = console()
        out.print(render_table(run, out.width))


def csv_rows(run: Run) -> list[list]:
    """One row per party: party, votes, passed, seats."""
    passed, seats = set(run.allocation.passed), run.allocation.seats
    return [[party, votes, party in passed, seats[party]] for party, votes in run.allocation.votes.items()]


def _check_companions(threshold, base, ballots, against_all, tie_break, seed, election: bool) -> None:
    """Refuse options that would be silently ignored, and a lot without a seed (not reproducible)."""
    if threshold is None:
        for option, value in (("--threshold-base", base), ("--ballots", ballots), ("--against-all", against_all)):
            if value is not None:
                raise ReformlabError(f"{option} has no effect without --threshold", field=option,
                                     fix="add --threshold SHARE (e.g. 7%), or drop " + option)
    if election and (ballots is not None or against_all is not None):
        option = "--ballots" if ballots is not None else "--against-all"
        raise ReformlabError(f"{option} is taken from the built-in election's data", field=option,
                             fix="drop " + option + " (or allocate a votes file)")
    if tie_break == "lot" and seed is None:
        raise ReformlabError("--tie-break lot needs --seed: a lot drawn without one differs on every run",
                             field="--seed", fix="add --seed N (any whole number) and report it with the result")
    if seed is not None and tie_break != "lot":
        raise ReformlabError(f"--seed has no effect with --tie-break {tie_break}: only a lot draws", field="--seed",
                             fix="add --tie-break lot, or drop --seed")


def allocate_command(
    votes_file: Path = typer.Argument(
        None, metavar="VOTES.csv", help="CSV with a header including party,votes."
    ),
    election: str = typer.Option(
        None, "--election", help="A built-in election, e.g. KZ-MAJ-2012 (its rule then)."
    ),
    seats: int = typer.Option(None, "--seats", help="Seats to allocate (> 0)."),
    method: str = typer.Option(
        None, "--method", help="hare, droop, d_hondt, sainte_lague, ... (default d_hondt)."
    ),
    threshold: str = typer.Option(None, "--threshold", help="Legal threshold: '7%', '7/100' or '0.07'."),
    threshold_base: str = typer.Option(
        None, "--threshold-base", help="valid (default), ballots or valid_plus_against_all; needs --threshold."
    ),
    ballots: int = typer.Option(None, "--ballots", help="Ballots cast (for --threshold-base ballots)."),
    against_all: int = typer.Option(
        None, "--against-all", help="'Against all' votes (valid_plus_against_all)."
    ),
    tie_break: str = typer.Option(
        "order", "--tie-break", help="order (file order), lot (with --seed) or raise."
    ),
    seed: int = typer.Option(None, "--seed", help="Seed for --tie-break lot."),
    output: Format = format_option(),
) -> None:
    """Allocate seats from votes, exactly; or replay a built-in election under the rule then in force."""
    _check_companions(threshold, threshold_base, ballots, against_all, tie_break, seed, bool(election))
    if election and votes_file:
        raise ReformlabError("give a votes file or --election, not both", field="--election", fix="drop one")
    if election:
        rule = _threshold_data(threshold, threshold_base)
        run = election_run(election, method, seats, rule, None if tie_break == "order" else tie_break, seed)
    elif votes_file:
        run = file_run(
            votes_file,
            seats,
            method or "d_hondt",
            threshold,
            threshold_base,
            ballots,
            against_all,
            tie_break,
            seed,
        )
    else:
        raise ReformlabError("nothing to allocate", fix="give a VOTES.csv file or --election KZ-MAJ-2012")
    print_run(run, output)


def register(app: typer.Typer) -> None:
    app.command("allocate", help="Allocate seats from votes (exact), or replay a built-in election.")(
        allocate_command
    )
