"""``reformlab claims``: whether the study's claims hold, as computed figures (holds / fails / cannot tell)."""

from __future__ import annotations

import typer

from reformlab.commands.analysis import ALIGN_HELP, ROBUST_HELP, SAMPLES_HELP, _json, _short, parse_alignments
from reformlab.commands.output import Format, console, echo_csv, echo_json, fit_words, format_option, styled
from reformlab.errors import ReformlabError


def claims_command(
    claims: str = typer.Option("isaacs2008", "--claims", help="Built-in claims file: isaacs2008 (the results) or isaacs2008_process (the process)."),
    align: list[str] = typer.Option(None, "--align", help=ALIGN_HELP),
    robust: bool = typer.Option(False, "--robust", help=ROBUST_HELP),
    samples: int = typer.Option(4096, "--samples", min=1, max=1_000_000, help=SAMPLES_HELP),
    seed: int = typer.Option(0, "--seed", help="Seed of the sampling beyond the exact limit."),
    camp: str = typer.Option(None, "--camp", help="Ask the claims about the study's camp (the President) of "
                             "another actor, body or party instead; claims about no camp are checked as they are."),
    output: Format = format_option(),
) -> None:
    """Check the study's claims against computed figures: holds, fails or cannot tell."""
    from reformlab.analysis.claims import check_claims
    from reformlab.analysis.process_claims import check_process_claims, is_process_claims

    if camp is not None and (robust or is_process_claims(claims)):
        raise ReformlabError("--camp asks the results claims of another camp", field="--camp",
                             fix="drop --robust, and use --claims isaacs2008" if robust else "use --claims isaacs2008")
    if robust:
        if is_process_claims(claims):
            raise ReformlabError("--robust varies the assumptions of the results claims; the process claims fill "
                                 "no bodies", field="--robust", fix="use --claims isaacs2008")
        from reformlab.analysis.robust import robust_claims
        from reformlab.commands.effects_view import print_robust
        from reformlab.report.progress import tally

        fixed = parse_alignments(align)
        with tally("readings") as progress:  # a package split per reading of the earlier side: ~20 s in all
            found = robust_claims(claims, samples=samples, seed=seed, fixed=fixed, progress=progress)
        print_robust(found, f"Claims of {claims} over every reading", output is Format.json)
        return
    if is_process_claims(claims):
        if align:
            raise ReformlabError("the process claims fill no bodies; --align does not apply", field="--align")
        results = check_process_claims(claims)
    else:
        results = check_claims(claims, alignments=parse_alignments(align), camp=camp)
    rows = [r.to_dict() for r in results]
    if output is Format.json:
        echo_json(rows)
        return
    if output is Format.csv:
        echo_csv(list(rows[0]) if rows else ["id"], [[_json(v) if v is not None else None for v in r.values()]
                                                     for r in rows])
        return
    out = console()
    title = f"Claims of {claims}" + (f", those about the study's camp asked of {camp}" if camp else "")
    colours = {"holds": "green", "fails": "red", "cannot tell": "yellow"}
    table = _table(title, results, colours)
    if fit_words(table, out.width):
        out.print(table)
    else:  # narrow: one block per claim, folding on words (the table's columns would cut ids and words)
        print_blocks(out, title, results, colours)
    counts = {v: sum(r.verdict == v for r in results) for v in colours}
    out.print(", ".join(f"{n} {v}" for v, n in counts.items()))


def _table(title: str, results, colours: dict[str, str]):
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_lines=True)
    for column in ("claim", "expected", "computed", "verdict"):
        table.add_column(column, overflow="fold")
    for result in results:
        data = result.to_dict()
        verdict = styled((result.verdict, colours[result.verdict]), f"\n{result.reason}" if result.reason else "")
        if getattr(result, "rounding", None):
            verdict += f"\n{result.rounding}: rounded {_short(data['rounded'])}"
        claim = f"\n{result.text}" + (f"\n(asked of {result.camp})" if result.camp else "")
        table.add_row(styled((result.id, "bold"), claim), _short(data["expected"]),
                      _short(data["computed"]), verdict)
    return table


def print_blocks(out, title: str, results, colours: dict[str, str]) -> None:
    """Each claim as a block: its id and verdict, its text, then the expected and computed figures in full
    (compact JSON), the reason and the study's rounding, each line folded on words."""
    from rich.padding import Padding

    out.print(styled((title, "bold")))
    for result in results:
        data = result.to_dict()
        out.print()
        out.print(styled((result.id, "bold"), ": ", (result.verdict, colours[result.verdict])))
        lines = [styled(result.text)]
        if result.camp:
            lines.append(styled(f"(asked of {result.camp})"))
        lines += [styled(("expected: ", "dim"), _json(data["expected"])),
                  styled(("computed: ", "dim"), _json(data["computed"]))]
        if result.reason:
            lines.append(styled(("reason: ", "dim"), result.reason))
        if getattr(result, "rounding", None):
            lines.append(styled(("rounding: ", "dim"), f"{result.rounding}: rounded {_json(data['rounded'])}"))
        for line in lines:
            out.print(Padding(line, (0, 0, 0, 2), expand=False))
    out.print()


def register(app: typer.Typer) -> None:
    app.command("claims", help="Check the study's claims as computed figures: holds / fails / cannot tell.")(claims_command)
