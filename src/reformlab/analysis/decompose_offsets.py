"""The study's test of a package, decision by decision: was every amendment that lowered the camp's power
matched by one that restored it? (Isaacs 2008: the liberalising changes were "conditioned by mechanisms
which minimize" the president's risk.)

Read off a :class:`~reformlab.analysis.decompose.Decomposition`: in a decision, an amendment *lowered* the
camp's measure when its Shapley share is negative, *raised* it when positive. The lowering amendments are
paired, largest first, with the raising ones whose shares make up for them; the decision is *restored* when
the shares sum to no loss (the net change is not negative). As a computed claim
(:mod:`reformlab.analysis.decompose_claims`, quantity kind ``amendments_offset`` in a claims file), each
decision gets its own verdict, with the pairs (:func:`package_test`), and the claim holds when every
decision's does.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

NOTHING_LOWERED = "no amendment lowered it"


@dataclass(frozen=True)
class Offset:
    """One decision and measure where some amendment lowered the camp's value.

    Attributes:
        lowered, raised: ``(amendment, share)`` of the amendments with a negative / positive share.
        pairs: each lowering amendment with the raising amendments that make up for it (largest first).
        net: the whole reform's change of the measure.
    """

    decision: str
    measure: str
    lowered: tuple[tuple[str, Fraction], ...]
    raised: tuple[tuple[str, Fraction], ...]
    pairs: tuple[tuple[str, tuple[str, ...]], ...]
    net: Fraction

    @property
    def restored(self) -> bool:
        return self.net >= 0

    def text(self) -> str:
        """``a by b, c; d by nothing (net -1/4)``: each lowering amendment and what restored it."""
        pairs = "; ".join(f"{a} by {', '.join(p) if p else 'nothing'}" for a, p in self.pairs)
        return f"{'restored' if self.restored else 'not restored'}: {pairs} (net {_text(self.net)})"


def _text(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else str(value)


def offset_of(share, decision: str) -> Offset | None:
    """The :class:`Offset` of one :class:`~reformlab.analysis.decompose.Share` (None: nothing lowered it)."""
    lowered = tuple(sorted(((a, v) for a, v in share.shares.items() if v < 0), key=lambda item: item[1]))
    if not lowered:
        return None
    raised = tuple(sorted(((a, v) for a, v in share.shares.items() if v > 0), key=lambda item: -item[1]))
    pairs, pool = [], [list(item) for item in raised]
    for amendment, value in lowered:
        need, partners = -value, []
        for item in pool:
            if need <= 0:
                break
            if item[1] > 0:
                used = min(item[1], need)
                item[1] -= used
                need -= used
                partners.append(item[0])
        pairs.append((amendment, tuple(partners)))
    label = decision + (f" ({share.assumption})" if share.assumption else "")
    return Offset(label, share.measure, lowered, raised, tuple(pairs), share.total)


def offsets(result, measure: str = "banzhaf") -> tuple[Offset, ...]:
    """For every decision where some amendment lowered the camp's ``measure``: was it matched by one that
    restored it? Decisions whose shares cannot be told are left out; a caller reports them."""
    found = []
    for attribution in result.decisions.values():
        for share in attribution.shares:
            if share.measure == measure and share.actor == result.camp:
                offset = offset_of(share, attribution.decision)
                if offset is not None:
                    found.append(offset)
    return tuple(found)


def per_decision(result, measure: str = "banzhaf") -> tuple[dict[str, str], list[str]]:
    """``({decision: verdict text}, [decisions that cannot be told])`` for every decision of ``result``."""
    found, untold = {}, []
    for attribution in result.decisions.values():
        if attribution.cannot_tell:
            found[attribution.decision] = "cannot tell: " + attribution.cannot_tell
            untold.append(attribution.decision)
            continue
        for share in attribution.shares:
            if share.measure != measure or share.actor != result.camp:
                continue
            label = attribution.decision + (f" ({share.assumption})" if share.assumption else "")
            offset = offset_of(share, attribution.decision)
            found[label] = NOTHING_LOWERED if offset is None else offset.text()
    return found, untold


def package_test(result, measure: str = "banzhaf") -> tuple[dict, str, bool]:
    """``(computed, reason, undecided)`` of the claim on one decomposition: computed is ``{"summary": ...,
    "decisions": {decision: its verdict with the pairs}}``; the summary is ``restored`` when no decision is
    left lowered and every one can be told. ``undecided``: some decision's shares cannot be told and none is
    left lowered (the claim cannot be told rather than fail)."""
    found, untold = per_decision(result, measure)
    lowered = [d for d, text in found.items() if text.startswith("not restored")]
    restored = [d for d, text in found.items() if text.startswith("restored")]
    told = len(found) - len(untold)
    if lowered:
        summary = f"not restored in {len(lowered)} of {len(found)} decisions"
    elif untold:
        summary = f"none left lowered in the {told} decisions told; {len(untold)} of {len(found)} cannot be told"
    else:
        summary = "restored"
    power = f"{result.camp}'s {measure.replace('_', '-').title()} power"
    reason = (f"no amendment lowered {power} in any of the {told} decisions told" if not restored else
              f"in {len(restored)} of the {told} decisions told an amendment lowered {power} and others restored "
              f"it; in {told - len(restored) - len(lowered)} none lowered it")
    if lowered:
        reason = f"not restored in: {', '.join(lowered)}"
    elif untold:
        reason += f"; the shares cannot be told in: {', '.join(untold)}"
    return {"summary": summary, "decisions": found}, reason, bool(untold) and not lowered
