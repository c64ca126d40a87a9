"""A study's claims as data, each checked against computed figures: holds, fails, or cannot tell.

A claims file (``data/claims/isaacs2008.yaml``) names two versions to compare and, for each claim, its
wording, a quantity from :data:`~reformlab.analysis.quantities.QUANTITIES` and the value the study states
for each side. A claim *holds* when every stated side matches the computed value, *fails* when one does not,
and is *cannot tell* when the data leave a side unknown (the reason is given).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from importlib import resources
from typing import Any

from reformlab.analysis.evaluation import Evaluation, evaluate
from reformlab.analysis.quantities import QUANTITIES, CannotTell
from reformlab.errors import ReformlabError, did_you_mean
from reformlab.model.values import parse_share
from reformlab.yamlio import load_yaml

SIDES = ("before", "after")


@dataclass(frozen=True)
class ClaimResult:
    """One checked claim: what the study says, what was computed, and the verdict."""

    id: str
    text: str
    expected: dict[str, Any]
    computed: dict[str, Any]
    verdict: str
    reason: str | None = None

    def to_dict(self) -> dict:
        return {"id": self.id, "text": self.text, "expected": _plain(self.expected),
                "computed": _plain(self.computed), "verdict": self.verdict, "reason": self.reason}


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


def matches(expected, computed, tolerance: Fraction = Fraction(0)) -> bool:
    """Whether ``computed`` is what ``expected`` states (numbers exactly or within ``tolerance``; lists as sets)."""
    a, b = _number(expected), _number(computed)
    if a is not None and b is not None:
        return abs(a - b) <= tolerance
    if isinstance(expected, dict) and isinstance(computed, dict):
        keys = set(expected) | set(computed)
        return all(matches(expected.get(k, 0), computed.get(k, 0), tolerance) for k in keys)
    if isinstance(expected, (list, tuple)) and isinstance(computed, (list, tuple)):
        return sorted(map(str, expected)) == sorted(map(str, computed))
    if isinstance(expected, str) and isinstance(computed, str):
        return expected.strip().lower() == computed.strip().lower()
    return expected == computed


def load_claims(name: str = "isaacs2008") -> dict:
    """The claims file ``data/claims/<name>.yaml`` as data (safe loader)."""
    resource = resources.files("reformlab.data").joinpath(f"claims/{name}.yaml")
    if not resource.is_file():
        raise ReformlabError(f"no built-in claims {name!r}", field="--claims", fix="use isaacs2008")
    data, _ = load_yaml(resource.read_text(encoding="utf-8"), f"reformlab/data/claims/{name}.yaml")
    return data


def check_claim(claim: dict, sides: dict[str, Evaluation]) -> ClaimResult:
    """Compute a claim's quantity on each side it states, and give the verdict."""
    quantity = dict(claim["quantity"])
    kind = quantity.pop("kind")
    if kind not in QUANTITIES:
        raise ReformlabError(f"unknown quantity kind {kind!r}", field=f"claims.{claim['id']}.quantity.kind",
                             fix=did_you_mean(kind, QUANTITIES))
    tolerance = parse_share(str(claim.get("tolerance", "0")))
    computed, reasons, verdicts = {}, [], []
    for side in SIDES:
        if side not in claim["expected"]:
            continue
        try:
            computed[side] = QUANTITIES[kind](sides[side], **quantity)
        except CannotTell as reason:
            computed[side] = None
            reasons.append(f"{side}: {reason}")
            verdicts.append("cannot tell")
            continue
        verdicts.append("holds" if matches(claim["expected"][side], computed[side], tolerance) else "fails")
    verdict = "fails" if "fails" in verdicts else "cannot tell" if "cannot tell" in verdicts else "holds"
    return ClaimResult(claim["id"], claim["text"], dict(claim["expected"]), computed, verdict,
                       "; ".join(reasons) or None)


def check_claims(name: str = "isaacs2008", *, before: str | None = None, after: str | None = None) -> list[ClaimResult]:
    """Check every claim of a built-in claims file on its two versions (or the ones given)."""
    data = load_claims(name)
    sides = {
        "before": evaluate(before or data["compare"]["before"]),
        "after": evaluate(after or data["compare"]["after"]),
    }
    return [check_claim(claim, sides) for claim in data["claims"]]
