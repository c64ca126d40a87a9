"""The study's claims about the reform process, checked against the process data and its counterfactuals.

A process claims file (``data/claims/isaacs2008_process.yaml``) names the process and, per claim, a quantity
from :data:`PROCESS_QUANTITIES` and the value the study states. Each quantity computes its value and gives the
verdict itself, because "cannot tell" depends on what the data leave open: a party whose participation the
sources dispute, member counts no source gives. Results are :class:`~reformlab.analysis.claims.ClaimResult`,
shown by ``reformlab claims --claims isaacs2008_process`` like the other claims.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import Any, Callable

from reformlab.analysis.claims import ClaimResult, load_claims, matches
from reformlab.errors import ReformlabError, unknown_name
from reformlab.model.tree import split_path, to_tree
from reformlab.process import STATUSES, Process, facts, load_process, package_versions
from reformlab.process.measures import pro_presidential_share, verdict_of

Verdict = tuple[str, Any, str | None]


@dataclass
class Context:
    """What the quantities read: the process, the package's ``after`` version, and (computed on demand) the
    counterfactual analysis."""

    process: Process

    @cached_property
    def after(self):
        return package_versions(self.process.constitution, self.process.package.before, self.process.package.after)[1]

    @cached_property
    def analysis(self):
        from reformlab.analysis.process import analyse

        return analyse(self.process)

    def body(self, body_id: str):
        ids = [b.id for b in self.process.bodies]
        if body_id not in ids:
            raise unknown_name("body", body_id, ids, field="quantity.body")
        return self.process.body(body_id)


def _simple(expected, computed, reason: str | None = None) -> Verdict:
    if computed is None:
        return "cannot tell", None, reason
    return ("holds" if matches(expected, computed) else "fails"), computed, reason


def body_status(ctx: Context, expected, *, body: str) -> Verdict:
    """The body's legal status (:data:`~reformlab.process.STATUSES`); conflicting sources: cannot tell."""
    values = {f.value for f in facts(ctx.body(body).status) if f.known}
    if len(values) != 1:
        return "cannot tell", None, "the sources conflict" if values else "no source gives the status"
    return _simple(expected, values.pop())


def status_rises(ctx: Context, expected, *, bodies: list[str]) -> Verdict:
    """Whether each body's status ranks above the one before it."""
    ranks = []
    for body_id in bodies:
        values = {f.value for f in facts(ctx.body(body_id).status) if f.known and f.value in STATUSES}
        if len(values) != 1:
            return "cannot tell", None, f"the status of {body_id} is unknown or disputed"
        ranks.append(STATUSES[values.pop()]["rank"])
    rises = all(a < b for a, b in zip(ranks, ranks[1:]))
    return _simple(expected, rises, f"ranks {ranks}")


def chaired_by_head_of_state(ctx: Context, expected, *, body: str) -> Verdict:
    """Whether the President chaired the body."""
    values = {f.head_of_state for f in facts(ctx.body(body).chair) if f.known and f.head_of_state is not None}
    if len(values) != 1:
        return "cannot tell", None, "the sources conflict" if values else "no source names the chair"
    chair = "; ".join(f"{f.value} ({', '.join(f.sources)}, {f.confidence or 'ungraded'})"
                      for f in facts(ctx.body(body).chair))
    return _simple(expected, values.pop(), f"chair: {chair}")


def opposition_took_part(ctx: Context, expected, *, body: str) -> Verdict:
    """The opposition parties that took part (``body: all`` for every body). A party the sources dispute or
    leave open makes it cannot tell, unless the parties known to have taken part already contradict the claim."""
    bodies = ctx.process.bodies if body == "all" else (ctx.body(body),)
    took, unclear = [], []
    for item in bodies:
        for party in (p for p in item.parties if p.camp == "opposition"):
            label = party.party if body != "all" else f"{party.party} ({item.id})"
            verdict = verdict_of(party.took_part)
            if verdict == "yes":
                took.append(label)
            elif verdict in ("unknown", "conflict"):
                sources = "; ".join(f"{f.value} per {', '.join(f.sources) or 'no source'}"
                                    for f in facts(party.took_part))
                unclear.append(f"{label}: {verdict} ({sources})")
    expected_parties = {str(e) for e in expected}
    names = {t.split(" (")[0] for t in took} if body == "all" else set(took)
    if not names <= expected_parties:
        return "fails", took, "took part: " + ", ".join(took) + (f"; not settled: {len(unclear)}" if unclear else "")
    if unclear:
        return "cannot tell", took, "not settled: " + "; ".join(unclear)
    return _simple(expected, sorted(names))


def opposition_invited_vs_took_part(ctx: Context, expected, *, body: str) -> Verdict:
    """How many opposition parties were invited, and how many took part."""
    parties = [p for p in ctx.body(body).parties if p.camp == "opposition"]
    invited = [verdict_of(p.invited) for p in parties]
    took = [verdict_of(p.took_part) for p in parties]
    if any(v in ("unknown", "conflict") for v in invited + took):
        return "cannot tell", None, "the invitation or participation of some opposition party is not settled"
    return _simple(expected, {"invited": invited.count("yes"), "took_part": took.count("yes")})


def pro_presidential_majority(ctx: Context, expected, *, body: str) -> Verdict:
    """Whether pro-presidential and government members were more than half, from member counts (a source's
    adjective is not a count)."""
    share, why = pro_presidential_share(ctx.body(body))
    if share is None:
        return "cannot tell", None, why
    return _simple(expected, share > Fraction(1, 2), f"share {share}")


def output(ctx: Context, expected, *, body: str) -> Verdict:
    """What the body produced (:data:`~reformlab.process.OUTPUT_KINDS`); sources that disagree: cannot tell."""
    items = facts(ctx.body(body).output)
    kinds = {f.kind for f in items}
    if len(kinds) != 1:
        return "cannot tell", None, "the sources disagree: " + "; ".join(
            f"{f.kind} per {', '.join(f.sources)} ({f.value})" for f in items)
    return _simple(expected, kinds.pop())


def _value_at(constitution, path: str):
    node: Any = {name: to_tree(getattr(constitution, name)) for name in ("bodies", "procedures", "party_rules")}
    for part in split_path(path):
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            raise ReformlabError(f"path {path!r} does not exist in the adopted version",
                                 field="quantity.path") from None
    return node


def proposed_vs_adopted(ctx: Context, expected, *, proposal: str, path: str) -> Verdict:
    """The proposal's value beside the adopted version's value at ``path``."""
    item = ctx.process.proposal(proposal)
    if item.value is None:
        return "cannot tell", None, "the proposal gives no value"
    return _simple(expected, {"proposed": item.value, "adopted": _value_at(ctx.after, path)})


def outcome(ctx: Context, expected, *, proposal: str, path: str | None = None) -> Verdict:
    """The proposal's outcome kind (with the adopted version's value at ``path``, to check it against the law)."""
    item = ctx.process.proposal(proposal)
    computed: Any = item.outcome.kind
    if path is not None:
        computed = {"outcome": item.outcome.kind, "adopted": _value_at(ctx.after, path)}
    return _simple(expected, computed, item.outcome.note)


def added_by(ctx: Context, expected, *, amendment: str) -> Verdict:
    """Who added the amendment outside the process (cannot tell when no source traces it)."""
    who = [p.outcome.by for p in ctx.process.traced_to(amendment) if p.outcome.by]
    if not who:
        origin = ctx.process.origin(amendment)
        return ("cannot tell", None, "no source traces it") if origin == "untraced" else ("fails", origin, None)
    return _simple(expected, who[0] if len(who) == 1 else who)


def share_from_process(ctx: Context, expected) -> Verdict:
    """The share of the package's amendments that came from the bodies' proposals: exact when every amendment
    is traced, else the range the untraced ones leave (cannot tell when the stated share is inside it)."""
    origins = [ctx.process.origin(a.id) for a in ctx.process.amendments]
    total, inside, open_ = len(origins), origins.count("process"), origins.count("untraced")
    low, high = Fraction(inside, total), Fraction(inside + open_, total)
    if not open_:
        return _simple(expected, low)
    stated = Fraction(str(expected).strip()) if not isinstance(expected, Fraction) else expected
    computed = {"from_process": inside, "untraced": open_, "outside": origins.count("outside"), "of": total,
                "between": f"{low} and {high}"}
    why = (f"{inside} of {total} amendments trace to a proposal, {open_} are untraced: "
           f"the share is between {low} and {high}")
    return ("cannot tell" if low <= stated <= high else "fails"), computed, why


def output_suits_president(ctx: Context, expected) -> Verdict:
    """Whether the adopted output suits the President, computed from the counterfactuals and the amendments.

    Holds when all three hold: (1) no proposal as proposed gives the President control of a decision he does
    not control under the adopted package, under any district assumption; (2) some proposal as proposed makes a
    decision he controls under the adopted package depend on seats no election of 2007 gave him (a break-even
    above zero, or an office whose holder cannot be told); (3) at least as many amendments raised his power as
    lowered it (single-amendment effects). Fails when one of them fails; cannot tell when (1) or (2) cannot be
    computed.
    """
    analysis = ctx.analysis
    gained = sorted({f"{r.counterfactual}: {p}" for r in analysis.runs for p in r.gained})
    risks = [f"{cf}: {proc} needs {k}" for cf, found in analysis.break_even.items() for proc, k in found.items() if k]
    offices = sorted({f"{r.counterfactual}: {body} ({cell['adopted']} held -> cannot tell)" for r in analysis.runs
                      for body, cell in r.offices.items() if cell["counterfactual"] is None and cell["adopted"]})
    risks += offices
    raised = sum(e.effect == "raised" for e in analysis.effects)
    lowered = sum(e.effect == "lowered" for e in analysis.effects)
    if not analysis.runs:
        return "cannot tell", None, "no counterfactual could be evaluated"
    suits = not gained and bool(risks) and raised >= lowered
    computed = {"suits": suits, "gained_under_proposals": gained, "risks_under_proposals": len(risks),
                "amendments_raised": raised, "amendments_lowered": lowered, "amendments": len(analysis.effects)}
    needs = "; ".join(f"{cf}: the President keeps {analysis.break_even_text(cf, ' with ')} districts won"
                      for cf, found in analysis.break_even.items() if any(found.values()))
    reason = "; ".join(part for part in (needs, "; ".join(offices), f"{raised} of {len(analysis.effects)} amendments "
                                         f"raised his power, {lowered} lowered it") if part)
    return ("holds" if suits == bool(expected) else "fails"), computed, reason


#: Quantity kind -> function ``(context, expected, **args) -> (verdict, computed, reason)``.
PROCESS_QUANTITIES: dict[str, Callable[..., Verdict]] = {
    "body_status": body_status,
    "status_rises": status_rises,
    "chaired_by_head_of_state": chaired_by_head_of_state,
    "opposition_took_part": opposition_took_part,
    "opposition_invited_vs_took_part": opposition_invited_vs_took_part,
    "pro_presidential_majority": pro_presidential_majority,
    "output": output,
    "proposed_vs_adopted": proposed_vs_adopted,
    "outcome": outcome,
    "added_by": added_by,
    "share_from_process": share_from_process,
    "output_suits_president": output_suits_president,
}


def is_process_claims(name: str) -> bool:
    """Whether the built-in claims file ``name`` is about a reform process (it names one)."""
    return "process" in load_claims(name)


def check_process_claims(data: dict | str = "isaacs2008_process",
                         process: Process | None = None) -> list[ClaimResult]:
    """Check every claim of a process claims file (a built-in name, or parsed data) against the process it names."""
    if isinstance(data, str):
        data = load_claims(data)
    if process is None:
        if data.get("process") != "kz_2002_2007":
            raise ReformlabError(f"no built-in process {data.get('process')!r}", field="process",
                                 fix="use process: kz_2002_2007")
        process = load_process()
    ctx = Context(process)
    if process == load_process():
        from reformlab.analysis.process import builtin_analysis

        ctx.__dict__["analysis"] = builtin_analysis()  # computed once per run, shared with the report
    results = []
    for claim in data["claims"]:
        quantity = dict(claim["quantity"])
        kind = quantity.pop("kind")
        if kind not in PROCESS_QUANTITIES:
            raise unknown_name(
                "quantity kind", kind, PROCESS_QUANTITIES, field=f"claims.{claim['id']}.quantity.kind"
            )
        verdict, computed, reason = PROCESS_QUANTITIES[kind](ctx, claim["expected"], **quantity)
        results.append(ClaimResult(claim["id"], claim["text"], {"process": claim["expected"]}, {"process": computed},
                                   verdict, reason))
    return results
