"""The report's summary, written from the numbers in a :class:`ReportData` (no canned prose).

Each sentence is built from counts and values found in the data: chamber sizes and how seats are filled,
the strongest actor and the veto players of each procedure, the tally of verdicts, and the unknowns. A
sentence is left out when the data it needs is absent, so the summary never states what was not computed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from reformlab.report.charts.bars import actor_order, display_name
from reformlab.report.charts.svg import format_power, format_value
from reformlab.report.data import FILLINGS, VERDICTS, Chamber, ProcedurePower, ReportData


def _names(names) -> str:
    """``a``, ``a and b``, ``a, b and c``; "none" for no names."""
    names = sorted(names)
    if not names:
        return "none"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _not_by_voters(chamber: Chamber) -> Counter:
    return Counter(seat.filled_by for seat in chamber.seats if seat.filled_by not in ("elected", "indirect"))


def chamber_sentence(before: Chamber | None, after: Chamber | None) -> str:
    """One sentence on a chamber's size and on the seats that no voter fills, before and after."""
    name = (after or before).name
    if before is None or after is None:
        present = after or before
        state = "is created" if before is None else "is abolished"
        return f"The {name} {state} ({len(present.seats)} seats)."
    size = (
        f"The {name} grows from {len(before.seats)} to {len(after.seats)} seats"
        if len(after.seats) != len(before.seats)
        else f"The {name} keeps {len(after.seats)} seats"
    )
    old, new = _not_by_voters(before), _not_by_voters(after)
    old_total, new_total = sum(old.values()), sum(new.values())
    detail = ", ".join(f"{count} {FILLINGS[kind]}" for kind, count in new.items())
    return (
        f"{size}; seats not filled by any vote go from {old_total} "
        f"({format_value(old_total / len(before.seats), '%')}) to {new_total} "
        f"({format_value(new_total / len(after.seats), '%')})" + (f": {detail}." if detail else ".")
    )


def power_sentence(power: ProcedurePower) -> str:
    """One sentence on who holds the most power in a procedure, and on its veto players."""
    leader = actor_order(power)[0]
    before = format_power(power.before.get(leader))
    after = format_power(power.after.get(leader))
    veto = (
        f"veto players stay {_names(power.veto_after)}"
        if power.veto_before == power.veto_after
        else f"veto players change from {_names(power.veto_before)} to {_names(power.veto_after)}"
    )
    return (
        f"In {power.procedure}, {leader} holds the most power after the reform "
        f"({display_name(power.index)} index {after}, before {before}); {veto}."
    )


def claims_sentence(report: ReportData) -> str:
    """One sentence tallying the verdicts on the study's claims."""
    tally = Counter(claim.verdict for claim in report.claims)
    parts = [f"{tally[verdict]} {text}" for verdict, text in VERDICTS.items() if tally[verdict]]
    return f"Of the study's {len(report.claims)} claims checked, " + ", ".join(parts) + "."


def summary_sentences(report: ReportData) -> Iterator[str]:
    """The summary of ``report``, sentence by sentence."""
    before = {chamber.name: chamber for chamber in report.before.chambers}
    after = {chamber.name: chamber for chamber in report.after.chambers}
    for name in dict.fromkeys([*before, *after]):
        yield chamber_sentence(before.get(name), after.get(name))
    for power in report.power:
        if power.before or power.after:
            yield power_sentence(power)
    if report.changes:
        yield f"The amendments change {len(report.changes)} structural rules (section 5)."
    if report.claims:
        yield claims_sentence(report)
    if report.unknowns:
        count = len(report.unknowns)
        yield (f"{count} {'input is' if count == 1 else 'inputs are'} unknown and replaced by stated assumptions "
               f"(section 7); results that depend on {'it' if count == 1 else 'them'} say so.")
