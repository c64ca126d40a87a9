"""The report's summary, written from the numbers in a :class:`ReportData` (no canned prose).

Each sentence is built from counts and values found in the data: chamber sizes and how seats are filled,
the strongest actor and the veto players of each procedure, the tally of verdicts, and the unknowns. A
sentence is left out when the data it needs is absent, so the summary never states what was not computed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from reformlab.report.charts.bars import actor_order, display_name
from reformlab.report.charts.svg import format_power, format_value
from reformlab.report.data import FILLINGS, VERDICTS, Chamber, ProcedurePower, ReportData
from reformlab.report.figures import DecisionCount


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


def _before_text(power: ProcedurePower, actor: str) -> str:
    if not power.before:
        return "not computed before"
    if actor not in power.before:
        return "no role before"
    return f"before {format_power(power.before[actor])}"


def _veto_text(power: ProcedurePower) -> str:
    if not power.before or power.veto_before == power.veto_after:
        return f"veto players: {_names(power.veto_after)}"
    return f"veto players change from {_names(power.veto_before)} to {_names(power.veto_after)}"


def power_sentence(power: ProcedurePower) -> str:
    """One sentence on who holds the most power in a procedure, and on its veto players."""
    leader = actor_order(power)[0]
    return (
        f"In {power.procedure}, {leader} holds the most power after the reform "
        f"({display_name(power.index)} index {format_power(power.after.get(leader))}, "
        f"{_before_text(power, leader)}); {_veto_text(power)}."
    )


def power_sentences(powers: Iterable[ProcedurePower], *, listed: int = 3) -> Iterator[str]:
    """Sentences on power, one per group of procedures with the same leader, value and veto players.

    A report on a whole constitution measures many procedures, often with the same outcome (one actor
    decides alone); grouping keeps the summary short while every figure stays in section 4.
    """
    groups: dict[tuple, list[ProcedurePower]] = {}
    for power in powers:
        if power.after:
            leader = actor_order(power)[0]
            key = (leader, power.index, format_power(power.after[leader]), power.veto_after)
            groups.setdefault(key, []).append(power)
    for (leader, index, value, vetoes), members in groups.items():
        if len(members) == 1:
            yield power_sentence(members[0])
            continue
        names = [power.procedure for power in members]
        shown = ", ".join(names[:listed]) + (f" and {len(names) - listed} more" if len(names) > listed else "")
        changes = Counter(_before_text(power, leader).split(" ")[0] for power in members)
        same = sum(1 for power in members if power.before.get(leader) == power.after[leader])
        detail = [f"{same} unchanged"] if same else []
        if changes["before"] - same:
            detail.append(f"{changes['before'] - same} changed")
        detail += [f"{changes[word]} with {label}" for word, label in
                   (("no", "no role before"), ("not", "nothing computed before")) if changes[word]]
        yield (
            f"In {len(members)} procedures ({shown}), {leader} holds the most power after the reform "
            f"({display_name(index)} index {value}; {', '.join(detail)}); veto players: {_names(vetoes)}."
        )


def _untold(count: int, names: tuple[str, ...], side: str) -> str:
    return f"{count} cannot be told {side}: " + "; ".join(names) if count else ""


def count_sentence(count: DecisionCount) -> str:
    """How many decisions the actor passes alone on each side, of those that can be told, and which cannot
    be told (the same count as the key figures)."""
    untold = [text for text in (_untold(len(count.untold_after), count.untold_after, "after"),
                                _untold(len(count.untold_before), count.untold_before, "before")) if text]
    return (f"{count.actor} can pass {len(count.alone_after)} of the {count.told_after} decisions computed after "
            f"the reform alone, against {len(count.alone_before)} of {count.told_before} before"
            + (f" ({'; '.join(untold)}: their rules are not known)." if untold else "."))


def control_sentences(report: ReportData) -> Iterator[str]:
    """Who can pass decisions alone, before and after (:attr:`ReportData.decision_counts`), and each decision
    where that changed (with the witness coalition that was needed before). Decisions not computed on a side
    are counted apart, never as "none"."""
    for count in report.decision_counts:
        yield count_sentence(count)
        actor = count.actor
        for p in report.power:
            if p.before and p.after and p.alone_before != actor and p.alone_after == actor:
                needed = f" (a smallest winning coalition: {', '.join(p.witness_before)})" if p.witness_before else ""
                yield f"{p.procedure[0].upper()}{p.procedure[1:]}: before the reform {actor} needed others{needed}; after it, {actor} decides alone."
            elif p.before and p.after and p.alone_before == actor and p.alone_after != actor:
                needed = f" (a smallest winning coalition: {', '.join(p.witness_after)})" if p.witness_after else ""
                yield f"{p.procedure[0].upper()}{p.procedure[1:]}: {actor} decided alone before the reform; after it, {actor} needs others{needed}."


def _rules(count: int) -> str:
    return f"{count} rule{'' if count == 1 else 's'}"


def changes_counted(report: ReportData) -> str:
    """The changes counted apart by kind (:meth:`ReportData.change_counts`), as the summary and section 5
    both state them: amendments are not gaps in the sources."""
    counts = report.change_counts()
    articles = report.amendment_articles()
    parts = []
    if counts.get("amendment"):
        parts.append(f"{_rules(counts['amendment'])} amended"
                     + (f" ({', '.join(articles[:8])}{', ...' if len(articles) > 8 else ''})" if articles else ""))
    if counts.get("newly_known"):
        parts.append(f"{_rules(counts['newly_known'])} whose earlier wording is not known (a gap in the sources, "
                     "not an amendment)")
    if counts.get("carried"):
        parts.append(f"{_rules(counts['carried'])} read on one side from another date's text")
    if counts.get("unknown_after"):
        parts.append(f"{_rules(counts['unknown_after'])} not known after")
    return "; ".join(parts)


def changes_sentence(report: ReportData) -> str:
    """The structural changes, counted apart by kind (section 5)."""
    return f"What changed (section 5): {changes_counted(report)}."


def claims_counted(report: ReportData) -> str:
    """The verdicts on the study's claims (:meth:`ReportData.verdict_counts`), as the summary and section 6
    both state them."""
    tally = report.verdict_counts()
    parts = [f"{tally[verdict]} {text}" for verdict, text in VERDICTS.items() if tally.get(verdict)]
    return f"{len(report.claims)} claims checked: " + ", ".join(parts)


def claims_sentence(report: ReportData) -> str:
    """One sentence tallying the verdicts on the study's claims."""
    return f"Of the study's {claims_counted(report)}."


def summary_sentences(report: ReportData) -> Iterator[str]:
    """The summary of ``report``, sentence by sentence."""
    before = {chamber.name: chamber for chamber in report.before.chambers}
    after = {chamber.name: chamber for chamber in report.after.chambers}
    for name in dict.fromkeys([*before, *after]):
        side = "before" if name not in before else "after"
        if name in getattr(report, side).unfilled:  # it exists then; only its membership is not known
            yield f"The membership of the {name} {side} the reform is not known (no scenario fills it)."
            continue
        yield chamber_sentence(before.get(name), after.get(name))
    yield from control_sentences(report)
    yield from power_sentences(report.power)
    if report.changes:
        yield changes_sentence(report)
    if report.claims:
        yield claims_sentence(report)
    if report.unknowns:
        count = len(report.unknowns)
        yield (f"{count} {'input is' if count == 1 else 'inputs are'} unknown and replaced by stated assumptions "
               f"(section 7); results that depend on {'it' if count == 1 else 'them'} say so.")
