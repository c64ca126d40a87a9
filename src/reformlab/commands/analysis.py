"""``reformlab control`` and ``compare``: who controls each body and decision, and how it moved
(``claims`` is in :mod:`reformlab.commands.claims`)."""

from __future__ import annotations

import json

import typer

from reformlab.commands.output import Format, console, echo_csv, echo_json, format_option, readable, styled
from reformlab.errors import ReformlabError


def parse_alignments(values: list[str] | None) -> dict[str, str]:
    """``["Asar=Asar", "Otan=president"]`` -> ``{"Asar": "Asar", "Otan": "president"}``."""
    found = {}
    for value in values or []:
        party, sep, principal = value.partition("=")
        if not sep or not party.strip() or not principal.strip():
            raise ReformlabError(
                f"cannot read the alignment {value!r}", field="--align",
                fix="write PARTY=PRINCIPAL, e.g. --align 'Asar=Asar' (a party answering to itself)",
            )
        found[party.strip()] = principal.strip()
    return found


SCENARIO_HELP = "Scenario filling the bodies (default: the built-in one describing the bodies on that date; see `reformlab list`)."
ELECTION_HELP = ("Fill both sides from this election's votes under each version's own rules: a built-in scenario "
                 "(kz-majilis-2004) or election id (KZ-MAJ-2004).")
ROBUST_HELP = ("Evaluate every verdict over every combination of the scenario's assumptions (exact up to 2^16, "
               "sampled beyond): share of readings and the smallest set of changes that flips it; --align holds "
               "an assumption fixed while the others vary.")
SAMPLES_HELP = "Combinations drawn when the assumption space is beyond the exact limit."
ALIGN_HELP = "Override an alignment, PARTY=PRINCIPAL (repeatable); PARTY=PARTY makes a party its own principal."
CAMP_HELP = "The principal whose control is followed (default: president; any actor, body or party of the version)."


def _fraction_text(value) -> str:
    """An exact value as ``p/q`` when short, else six decimals (never rounding 0.99999 to "1.000")."""
    if value is None:
        return "–"
    text = str(value)
    return text if len(text) <= 13 else f"{float(value):.6f}"


def control_command(
    target: str = typer.Argument(..., help="A version: kz@2007-09-01, a constitution file, FILE.yaml@DATE."),
    scenario: str = typer.Option(None, "--scenario", "-s", help=SCENARIO_HELP),
    align: list[str] = typer.Option(None, "--align", help=ALIGN_HELP),
    election: str = typer.Option(None, "--election", "-e", help=ELECTION_HELP),
    robust: bool = typer.Option(False, "--robust", help=ROBUST_HELP),
    samples: int = typer.Option(4096, "--samples", min=1, max=1_000_000, help=SAMPLES_HELP),
    seed: int = typer.Option(0, "--seed", help="Seed of the sampling beyond the exact limit."),
    camp: str = typer.Option("president", "--camp", help=CAMP_HELP),
    output: Format = format_option(),
) -> None:
    """Who fills each body, and for each decision who can pass it alone or block it."""
    from reformlab.analysis import evaluate

    if robust:
        from reformlab.analysis.robust import robust_control, side
        from reformlab.commands.effects_view import print_robust

        found = robust_control([side(target, scenario, election=election)], actor=camp, samples=samples, seed=seed,
                               fixed=parse_alignments(align))
        print_robust(found, f"The {camp}'s role in each decision of {target} over every reading", output is Format.json)
        return
    from reformlab.analysis.compare import check_camp

    evaluation = evaluate(target, scenario, alignments=parse_alignments(align), election=election)
    check_camp(camp, evaluation)
    data = evaluation.control.to_dict()
    if output is Format.json:
        assumptions = evaluation.scenario.assumptions_data() if evaluation.scenario else []
        from reformlab.analysis.margins import decision_margins

        margins = {k: m.to_dict() for k, m in decision_margins(evaluation, (camp,)).items()}
        echo_json({"target": evaluation.target, "scenario": _scenario_id(evaluation), "camp": camp,
                   "assumptions": assumptions, **data, "margins": margins, "rules": _rule_provenance(evaluation)})
        return
    if output is Format.csv:
        echo_csv(["body", "principal", "seats", "how"],
                 [[s.body, s.principal, s.seats, "; ".join(s.how)] for s in evaluation.control.bodies])
        return
    print_control(evaluation, camp)


def _scenario_id(evaluation):
    return evaluation.scenario.id if evaluation.scenario else None


def _rule_provenance(evaluation) -> dict[str, dict]:
    """Per decision: the confidence of its rule and, for a value read from another date's text, where from."""
    found = {}
    for proc_id in evaluation.control.procedures:
        ref = evaluation.constitution.ref(f"procedures.{proc_id}")
        found[proc_id] = {"confidence": getattr(ref, "confidence", None),
                          "carried_from": getattr(ref, "carried_from", None)}
    return found


def print_control(evaluation, camp: str = "president") -> None:
    from rich.table import Table

    from reformlab.engine.tree import decision_key

    out = console()
    control = evaluation.control
    out.print(styled((evaluation.name, "bold"), f" — version of {evaluation.constitution.version}: "
                         f"{evaluation.constitution.version_label}"))
    bodies = Table(title="Seats by principal", title_justify="left")
    for column in ("body", "principal", "seats", "share", "how filled"):
        bodies.add_column(column, justify="right" if column in ("seats", "share") else "left")
    for share in control.bodies:
        if share.principal.startswith("Independent ") and share.principal != "Independent 1":
            continue
        name = "Independents (each 1 seat)" if share.principal.startswith("Independent ") else share.principal
        seats = sum(s.seats for s in control.bodies if s.body == share.body and s.principal.startswith("Independent ")) \
            if share.principal.startswith("Independent ") else share.seats
        total = sum(s.seats for s in control.bodies if s.body == share.body)
        bodies.add_row(share.body, name, str(seats), f"{seats / total:.1%}", "; ".join(share.how))
    out.print(bodies)
    unknown = [b for b in evaluation.filling.bodies.values() if b.unknown]
    for body in unknown:
        extra = f" (controlled by {body.controlled_by})" if body.controlled_by else ""
        out.print(styled((f"  {body.id}: cannot tell — {body.unknown}{extra}", "dim")))
    procedures = Table(title="Decisions", title_justify="left")
    for column in ("decision", camp, "veto players", "smallest winning coalition"):
        procedures.add_column(column)
    for proc in control.procedures.values():
        if proc.control is not None:
            c = proc.control
            smallest = "nothing wins" if c.smallest_winning is None else ", ".join(c.smallest_winning)
            procedures.add_row(proc.id, proc.role(camp) or "–", ", ".join(c.veto_players) or "none", smallest)
        elif proc.alternatives:
            for assumption, c in proc.alternatives:
                smallest = "nothing wins" if c.smallest_winning is None else ", ".join(c.smallest_winning)
                procedures.add_row(decision_key(proc.id, assumption), c.role(camp), ", ".join(c.veto_players) or "none", smallest)
        else:
            procedures.add_row(proc.id, "cannot tell", "", proc.unknown or "")
    out.print(procedures)
    for proc in control.procedures.values():
        if proc.only_if:
            out.print(f"  {proc.id}: {proc.only_if}")
    for proc_id, rule in _rule_provenance(evaluation).items():
        if evaluation.control.procedures[proc_id].status != "unknown" and (
                rule["confidence"] == "low" or rule["carried_from"]):
            carried = f", carried from {rule['carried_from']}" if rule["carried_from"] else ""
            out.print(styled((f"  {proc_id}: its rule is rated {rule['confidence']}{carried}", "dim")))
    for check in evaluation.filling.checks:
        out.print(styled((f"check: {check}", "dim")))
    if evaluation.scenario:
        for what, assumption in evaluation.scenario.assumptions():
            out.print(styled((f"assumption: {what} {assumption.principal} "
                                  f"({assumption.confidence}; {', '.join(assumption.sources) or 'no source'})", "dim")))


def compare_command(
    before: str = typer.Argument(..., help="The earlier version, e.g. kz@2007-05-20."),
    after: str = typer.Argument(..., help="The later version or a reform file, e.g. kz@2007-05-21."),
    scenario: list[str] = typer.Option(
        None, "--scenario", "-s",
        help="Scenario for both sides, or give it twice (before, then after). Default: the one fitting each version.",
    ),
    index: str = typer.Option("banzhaf", "--index", help="Power index compared (banzhaf, shapley, ...)."),
    align: list[str] = typer.Option(None, "--align", help=ALIGN_HELP),
    election: str = typer.Option(None, "--election", "-e", help=ELECTION_HELP),
    robust: bool = typer.Option(False, "--robust", help=ROBUST_HELP),
    samples: int = typer.Option(4096, "--samples", min=1, max=1_000_000, help=SAMPLES_HELP),
    seed: int = typer.Option(0, "--seed", help="Seed of the sampling beyond the exact limit."),
    camp: str = typer.Option("president", "--camp", help=CAMP_HELP),
    roles: str = typer.Option(None, "--roles", help="Role mapping YAML for a comparison across constitutions "
                              "({id: {head_of_state, lower_chamber, upper_chamber, government}}); default: built-in."),
    output: Format = format_option(),
) -> None:
    """What changed between two versions, with articles and sources, and how control and power moved."""
    if robust:
        from reformlab.analysis.robust import robust_control, side
        from reformlab.commands.effects_view import print_robust

        if scenario:
            raise ReformlabError("--robust varies the assumptions of the scenario fitting each side", field="--robust",
                                 fix="drop --scenario (--election and --align are allowed)")
        sides = [side(before, election=election), side(after, election=election)]
        print_robust(robust_control(sides, actor=camp, samples=samples, seed=seed, fixed=parse_alignments(align)),
                     f"The {camp}'s role in each decision, both versions, over every reading", output is Format.json)
        return
    from reformlab.analysis.compare import compare
    from reformlab.games import INDICES

    if index not in INDICES:
        from reformlab.errors import unknown_name

        raise unknown_name("index", index, INDICES, field="--index")
    scenarios = list(scenario or [])
    if len(scenarios) > 2:
        raise ReformlabError("--scenario is given at most twice (before, after)", field="--scenario")
    first = scenarios[0] if scenarios else None
    second = scenarios[-1] if scenarios else None
    from reformlab.analysis.evaluation import evaluate_pair

    alignments = parse_alignments(align)
    if election and scenarios:
        raise ReformlabError("give --election or --scenario, not both", field="--election", fix="drop one")
    sides = evaluate_pair(before, after, first, second, alignments=alignments, election=election)
    if sides[0].constitution.id != sides[1].constitution.id:
        from reformlab.analysis.crosscompare import cross_compare

        crossed = cross_compare(*sides, camp=camp, roles_file=roles)
        if output is Format.json:
            echo_json(crossed.to_dict())
        elif output is Format.csv:
            echo_csv(["decision", "before", "after"],
                     [[name, row["before"], row["after"]] for name, row in crossed.control().items()])
        else:
            print_cross_comparison(crossed)
        return
    comparison = compare(*sides, index=index, camp=camp)
    from reformlab.analysis.effects import change_split

    split = None if election else change_split(*sides, actor=camp)
    if output is Format.json:
        from reformlab.analysis.margins import decision_margins

        margins = {side: {k: m.to_dict() for k, m in decision_margins(getattr(comparison, side), (camp,)).items()}
                   for side in ("before", "after")}
        echo_json({**comparison.to_dict(), "rules_and_election": split, "margins": margins})
        return
    if output is Format.csv:
        echo_csv(["path", "before", "after", "article", "source"],
                 [[c["path"], _json(c["before"]), _json(c["after"]), c["article"], "; ".join(c["source"])]
                  for c in comparison.to_dict()["changes"]])
        return
    print_comparison(comparison)
    if split and split.get("decisions"):
        console().print("Rules or votes? (the two versions under the two elections, Shapley split)")
        for entry in split["decisions"].values():
            console().print("  " + entry["sentence"])
        for note in dict.fromkeys(split["modelled"]):
            console().print(f"  {note}")
    elif split and split.get("unavailable"):
        console().print(f"rules or votes: cannot split ({split['unavailable']})")


#: How each kind of change is counted in words (reformlab.model.diff.KINDS).
CHANGE_KINDS = {
    "amendment": "amendments",
    "newly_known": "newly known (unknown before: a gap in the sources, not an amendment)",
    "carried": "carried (a side read from another date's text)",
    "unknown_after": "unknown after",
}


def print_comparison(comparison) -> None:
    from rich.table import Table

    out = console()
    data = comparison.to_dict()
    out.print(styled((comparison.before.name, "bold"), "  →  ", (comparison.after.name, "bold")))
    from reformlab.commands.effects_view import print_votes

    print_votes(comparison.before, comparison.after)
    counts = data["change_counts"]
    title = "What changed: " + (", ".join(f"{n} {CHANGE_KINDS[kind]}" for kind, n in counts.items() if n) or "no change")
    if out.width < 120:  # narrow: one line per change, folding on words; sources in --format json/csv
        out.print(styled((title, "bold"), " (sources: --format json or csv)"))
        for change in data["changes"]:
            article = f"  (art. {change['article']})" if change["article"] else ""
            kind = change["kind"].replace("_", " ")
            out.print(styled((readable(change["path"]), "bold"),
                             f" [{kind}]: {_short(change['before'])} → {_short(change['after'])}", (article, "dim")))
    else:
        changes = Table(title=title, title_justify="left")
        for column in ("kind", "path", "before", "after", "article", "source"):
            changes.add_column(column, overflow="fold")
        for change in data["changes"]:
            kind = change["kind"].replace("_", " ") + (f" ({change['carried_from']})" if change["carried_from"] else "")
            changes.add_row(kind, readable(change["path"]), _short(change["before"]), _short(change["after"]),
                            change["article"] or "", ", ".join(change["source"]))
        out.print(changes)
    seats = Table(title="Seats by principal", title_justify="left")
    for column in ("body", "principal", "before", "after"):
        seats.add_column(column, justify="right" if column in ("before", "after") else "left")
    for body, principals in data["seats"].items():
        for principal, sides in principals.items():
            if principal == "?" and len(principals) > 1:
                continue  # the principals' rows show "?" on the side where the membership is unknown
            seats.add_row(body, "cannot tell" if principal == "?" else principal,
                          *("?" if sides[k] is None else str(sides[k]) for k in ("before", "after")))
    out.print(seats)
    from reformlab.analysis.margins import decision_margins

    margins = [decision_margins(side, (comparison.camp,)) for side in (comparison.before, comparison.after)]
    wide = out.width >= 120  # narrow: the margins are in --format json (the decision names stay whole)
    control = Table(title=f"The control of {comparison.camp} over each decision " + (
        "(margin: seats beyond (+) or short of (-) the quota on the best route, and the fewest seats that flip "
        "control)" if wide else "(margins: a wider terminal or --format json)"), title_justify="left")
    columns = ("decision", "before", "after") + (("margin\nbefore", "margin\nafter") if wide else ())
    for column in columns + (f"{comparison.index}\nbefore", f"{comparison.index}\nafter"):
        control.add_column(column, overflow="fold")
    power = comparison.power()
    for proc, actors in data["control"].items():
        roles = [actors.get(comparison.camp, {}).get(side) or "cannot tell" for side in ("before", "after")]
        cells = [_margin_cell(found, proc) for found in margins] if wide else []
        values = power.get(proc, {}).get(comparison.camp, {})
        control.add_row(readable(proc), *roles, *cells,
                        _fraction_text(values.get("before")), _fraction_text(values.get("after")))
    out.print(control)


def _margin_cell(found: dict, proc: str) -> str:
    """The margin of a decision, or of its readings when they agree (else ``differs by reading``)."""
    from reformlab.analysis.margins import margin_text

    if proc in found:
        return margin_text(found[proc])
    texts = {margin_text(m) for key, m in found.items() if key.startswith(f"{proc} (")}
    return texts.pop() if len(texts) == 1 else ("differs by reading" if texts else "–")


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


def print_cross_comparison(crossed) -> None:
    """Two constitutions side by side: bodies by role, and the camp's role in each shared decision."""
    from rich.table import Table

    out = console()
    out.print(styled((crossed.before.name, "bold"), "  |  ", (crossed.after.name, "bold"), "  (by role)"))
    bodies = Table(title=f"Bodies by role, seats answering to {crossed.camp}", title_justify="left")
    for column in ("role", crossed.before.target, crossed.after.target):
        bodies.add_column(column, overflow="fold")

    def cell(entry):
        if entry is None:
            return "absent"
        if entry["seats"] is None:
            return f"{entry['label']}: membership not known"
        return f"{entry['label']}: {entry['camp_seats']} of {entry['seats']} ({float(entry['camp_share']):.1%})"

    for role, row in crossed.bodies().items():
        bodies.add_row(role.replace("_", " "), cell(row["before"]), cell(row["after"]))
    out.print(bodies)
    control = Table(title=f"The control of {crossed.camp} over each decision both regulate", title_justify="left")
    for column in ("decision", crossed.before.target, crossed.after.target):
        control.add_column(column, overflow="fold")
    for name, row in crossed.control().items():
        control.add_row(name, row["before"] or "cannot tell", row["after"] or "cannot tell")
    out.print(control)


def _short(value) -> str:
    text = _json(value)
    return text if len(text) <= 60 else text[:57] + "..."


def register(app: typer.Typer) -> None:
    app.command("control", help="Who fills each body, and who can pass or block each decision.")(control_command)
    app.command("compare", help="Compare two versions: rule changes with articles, and how power moved.")(compare_command)
