"""A study's claims as data, each checked against computed figures: holds, fails, or cannot tell.

A claims file (``data/claims/isaacs2008.yaml``) names two versions to compare and, for each claim, its
wording, a quantity from :data:`~reformlab.analysis.quantities.QUANTITIES` and the value the study states
for each side. A claim *holds* when every stated side matches the computed value, *fails* when one does not,
and is *cannot tell* when the data leave a side unknown (the reason is given).

Numbers are compared exactly. Where the study writes a rounded figure ("thirty percent" for 15 of 47), the
claim states the study's rounding (``rounding: {to: 1/10, rule: ...}``): the exact figure is rounded by that
rule, and both are shown; there is no tolerance. ``expected: {not: X}`` states what a side is *not*;
``trend: lower | higher | same`` compares the two sides' figures (the study's "illusory pluralism").
A quantity of :data:`~reformlab.analysis.decompose_claims.CHANGE_QUANTITIES` is read off both sides at once
(``expected: {change: ...}``): the package between them, split among its amendments, decision by decision.
A claims file checks the pair of versions it names; on any other pair the claims are *about another
comparison* (:data:`ABOUT_ANOTHER`), never refuted by it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from importlib import resources
from typing import Any

from reformlab.analysis.evaluation import Evaluation, evaluate
from reformlab.analysis.quantities import QUANTITIES, CannotTell
from reformlab.errors import ReformlabError, unknown_name
from reformlab.model.values import parse_share
from reformlab.yamlio import load_yaml

SIDES = ("before", "after")
ABOUT_ANOTHER = "about another comparison"
TRENDS = {"lower": lambda a, b: b < a, "higher": lambda a, b: b > a, "same": lambda a, b: a == b}


@dataclass(frozen=True)
class ClaimResult:
    """One checked claim: what the study says, what was computed, and the verdict."""

    id: str
    text: str
    expected: dict[str, Any]
    computed: dict[str, Any]
    verdict: str
    reason: str | None = None
    rounding: str | None = None
    rounded: dict[str, Any] | None = None
    camp: str | None = None  # the camp the quantity was asked of, when ``--camp`` replaced the study's

    def to_dict(self) -> dict:
        found = {"id": self.id, "text": self.text, "expected": _plain(self.expected),
                 "computed": _plain(self.computed), "verdict": self.verdict, "reason": self.reason,
                 "rounding": self.rounding, "rounded": _plain(self.rounded)}
        return {**found, "camp": self.camp} if self.camp is not None else found


def _plain(value):
    if isinstance(value, Fraction):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _number(value) -> Fraction | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, Fraction)):
        return Fraction(value)
    if isinstance(value, str):
        try:
            return parse_share(value)
        except (ValueError, ZeroDivisionError, ReformlabError):
            return None
    return None


def round_to(value: Fraction, step: Fraction) -> Fraction:
    """``value`` rounded to the nearest multiple of ``step``, halves up (``15/47`` to tenths: ``3/10``)."""
    return math.floor(value / step + Fraction(1, 2)) * step


def matches(expected, computed) -> bool:
    """Whether ``computed`` is what ``expected`` states (numbers exactly; lists as sets; ``{not: X}``)."""
    if isinstance(expected, dict) and set(expected) == {"not"}:
        return not matches(expected["not"], computed)
    a, b = _number(expected), _number(computed)
    if a is not None and b is not None:
        return a == b
    if isinstance(expected, dict) and isinstance(computed, dict):
        keys = set(expected) | set(computed)
        return all(matches(expected.get(k, 0), computed.get(k, 0)) for k in keys)
    if isinstance(expected, (list, tuple)) and isinstance(computed, (list, tuple)):
        return sorted(map(str, expected)) == sorted(map(str, computed))
    if isinstance(expected, str) and isinstance(computed, str):
        return expected.strip().lower() == computed.strip().lower()
    return expected == computed


def change_verdict(expected, summary, undecided: bool) -> str:
    """The verdict on a quantity read off both sides: holds when its summary is what the study states, cannot
    tell when it is not and the data leave part of it open (``undecided``), fails otherwise."""
    return "holds" if matches(expected, summary) else "cannot tell" if undecided else "fails"


def load_claims(name: str = "isaacs2008") -> dict:
    """The claims file ``data/claims/<name>.yaml`` as data (safe loader)."""
    resource = resources.files("reformlab.data").joinpath(f"claims/{name}.yaml")
    if not resource.is_file():
        raise ReformlabError(f"no built-in claims {name!r}", field="--claims", fix="use isaacs2008")
    data, _ = load_yaml(resource.read_text(encoding="utf-8"), f"reformlab/data/claims/{name}.yaml")
    return data


STUDY_CAMP = "president"  # the camp a claims file speaks of, unless it says ``camp:``


def check_claim(claim: dict, sides: dict[str, Evaluation], *, camp: str | None = None,
                study_camp: str = STUDY_CAMP) -> ClaimResult:
    """Compute a claim's quantity on each side it states, and give the verdict.

    With ``camp``, a quantity that follows a camp (:func:`~reformlab.analysis.quantities.follows_camp`) and
    names the study's camp (or leaves it to its default) is asked of ``camp`` instead: would the study's
    statement hold of that camp? Claims whose quantity names no camp are checked as they are."""
    quantity = dict(claim["quantity"])
    kind = quantity.pop("kind")
    from reformlab.analysis.decompose_claims import CHANGE_QUANTITIES

    function = QUANTITIES.get(kind) or CHANGE_QUANTITIES.get(kind)
    if function is None:
        raise unknown_name("quantity kind", kind, [*QUANTITIES, *CHANGE_QUANTITIES],
                           field=f"claims.{claim['id']}.quantity.kind")
    parameter = getattr(function, "camp_parameter", None)
    followed = None
    if camp not in (None, study_camp) and parameter is not None and quantity.get(parameter, study_camp) == study_camp:
        quantity[parameter] = followed = camp
    if kind in CHANGE_QUANTITIES:  # read off both sides at once (the package between them)
        computed, reason, undecided = function(sides["before"], sides["after"], **quantity)
        verdict = change_verdict(claim["expected"]["change"], computed["summary"], undecided)
        return ClaimResult(claim["id"], claim["text"], dict(claim["expected"]), {"change": computed}, verdict,
                           reason, camp=followed)
    if "tolerance" in claim:
        raise ReformlabError("a claim has no tolerance", field=f"claims.{claim['id']}.tolerance",
                             fix="state the study's rounding instead: rounding: {to: 1/10, rule: ...}")
    rounding = claim.get("rounding")
    step = parse_share(str(rounding["to"])) if rounding else None
    expected = dict(claim["expected"])
    trend = expected.pop("trend", None)
    if trend is not None and trend not in TRENDS:
        raise unknown_name("trend", trend, TRENDS, field=f"claims.{claim['id']}.expected.trend")
    computed, rounded, reasons, verdicts = {}, {}, [], []
    for side in SIDES:
        if side not in expected and trend is None:
            continue
        try:
            computed[side] = QUANTITIES[kind](sides[side], **quantity)
        except CannotTell as reason:
            computed[side] = None
            reasons.append(f"{side}: {reason}")
            verdicts.append("cannot tell")
            continue
        if side not in expected:
            continue
        figure = computed[side]
        if step is not None and _number(figure) is not None:
            figure = rounded[side] = round_to(_number(figure), step)
        if not matches(expected[side], figure):
            verdicts.append("fails")
            reasons.append(f"{side}: the study states {_plain(expected[side])}, the encoded facts give "
                           f"{_plain(computed[side])}" + (f" (rounded {_plain(figure)})" if side in rounded else ""))
        else:
            verdicts.append("holds")
    if trend is not None and None not in (computed.get("before"), computed.get("after")):
        if TRENDS[trend](computed["before"], computed["after"]):
            verdicts.append("holds")
        else:
            verdicts.append("fails")
            reasons.append(f"the figure is not {trend} after ({_plain(computed['before'])} -> "
                           f"{_plain(computed['after'])})")
    if trend is not None:
        expected["trend"] = trend
    verdict = "fails" if "fails" in verdicts else "cannot tell" if "cannot tell" in verdicts else "holds"
    rule = f"the study's rounding: {rounding.get('rule') or 'to the nearest ' + str(step)}" if rounding else None
    return ClaimResult(claim["id"], claim["text"], expected, computed, verdict, "; ".join(reasons) or None,
                       rule, rounded or None, followed)


def check_claims(name: str = "isaacs2008", *, before: str | None = None, after: str | None = None,
                 alignments: dict[str, str] | None = None, camp: str | None = None) -> list[ClaimResult]:
    """Check every claim of a built-in claims file on its two versions (or the ones given); ``alignments``
    (``--align``) go to the side whose scenario makes the assumption; ``camp`` (``--camp``) is asked the
    claims about the study's camp instead (see :func:`check_claim`).

    Raises:
        ReformlabError: ``camp`` is no actor or principal of either version (field ``--camp``)."""
    from reformlab.analysis.assumptions import overrides_per_side

    data = load_claims(name)
    own = data["compare"]
    given = {"before": before or own["before"], "after": after or own["after"]}
    if not _same_pair(own, given):
        reason = (f"the study's claims are about {own['before']} -> {own['after']} (the versions of those dates); "
                  f"this comparison is {given['before']} -> {given['after']}")
        return [ClaimResult(claim["id"], claim["text"], dict(claim["expected"]), {}, ABOUT_ANOTHER, reason)
                for claim in data["claims"]]
    sides = {side: evaluate(target) for side, target in given.items()}
    if alignments:
        per_side = overrides_per_side(sides, alignments)
        sides = {k: evaluate(ev.constitution, ev.scenario, alignments=per_side[k]) if per_side[k] else ev
                 for k, ev in sides.items()}
    if camp is not None:
        from reformlab.analysis.compare import check_camp

        check_camp(camp, *sides.values())
    return check_claims_on(sides, name, camp=camp)


def check_claims_on(sides: dict[str, Evaluation], name: str = "isaacs2008", *,
                    camp: str | None = None) -> list[ClaimResult]:
    """Check every claim of a claims file on two evaluations given as they are (a test's edited facts)."""
    data = load_claims(name)
    study_camp = data.get("camp", STUDY_CAMP)
    return [check_claim(claim, sides, camp=camp, study_camp=study_camp) for claim in data["claims"]]


def _same_pair(own: dict, given: dict) -> bool:
    """Whether ``given`` compares the same built-in versions as the claims file's own pair (a reform file, a
    reversed pair or one version against itself is another comparison)."""
    from reformlab.model.targets import resolve_target

    if any(str(given[side]).lower().endswith((".yaml", ".yml")) or ".yaml@" in str(given[side]) for side in SIDES):
        return False
    try:
        versions = {side: (resolve_target(given[side]).id, resolve_target(given[side]).version) for side in SIDES}
    except ReformlabError:
        return False
    return all(versions[side] == (resolve_target(own[side]).id, resolve_target(own[side]).version) for side in SIDES)
