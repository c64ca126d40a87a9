"""Votes to seats for one tier: the method registry, the threshold, the tie-break, and the result.

:func:`allocate` is the exact reference path: Python ints and :class:`~fractions.Fraction` throughout, no
floats. The decisions are made in whole numbers (shares, quotas and averages cross-multiplied over common
denominators), which is exact and much cheaper than building a Fraction per comparison.
Every party given keeps its place in the result (0 seats below the threshold), in input order, which is
also the default tie-break order ("the list registered earlier", Kazakh election law Art. 97).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from fractions import Fraction
from typing import Any

import attrs

from reformlab.electoral._divisor_moves import usual_seats
from reformlab.electoral.divisor import DIVISORS, highest_averages
from reformlab.electoral.quota import QUOTA_TERMS, QUOTAS, exact_quota, hare, quota_allocation
from reformlab.electoral.runner_up import MinimumParties
from reformlab.electoral.threshold import USUAL_RULES, USUAL_TEXTS, Threshold, parse_share, usual_rule
from reformlab.electoral.ties import Tie, TieBreak
from reformlab.errors import ReformlabError, unknown_name


@attrs.frozen
class Method:
    """A registered allocation method and the properties it guarantees (checked by the conformance tests).

    Args:
        name: the short registry name (``"hare"``, ``"d_hondt"``).
        family: ``"quota"`` (largest remainder) or ``"divisor"`` (highest averages).
        house_monotone: one more seat never costs a party a seat (all divisor methods; not Hare: the
            Alabama paradox).
        lower_quota: every party gets at least its quota ``S * v / V`` rounded down (Hare, D'Hondt).
        upper_quota: no party gets more than its quota rounded up (Hare, Adams).

    Balinski and Young's impossibility theorem: no method is both house monotone and within quota.
    """

    name: str
    family: str
    house_monotone: bool
    lower_quota: bool = False
    upper_quota: bool = False

    @property
    def within_quota(self) -> bool:
        """Both lower and upper quota hold (only Hare among the registered methods)."""
        return self.lower_quota and self.upper_quota


METHODS: dict[str, Method] = {
    **{q: Method(q, "quota", False, lower_quota=q == "hare", upper_quota=q == "hare") for q in QUOTAS},
    **{d: Method(d, "divisor", True, lower_quota=d == "d_hondt", upper_quota=d == "adams") for d in DIVISORS},
}


def method_named(name: str) -> Method:
    """The registered method called ``name``, or a :class:`ReformlabError` suggesting the nearest names."""
    if name not in METHODS:
        raise unknown_name("allocation method", name, METHODS, field="method")
    return METHODS[name]


@attrs.frozen(slots=False)  # a dict-backed instance is built in half the time
class Allocation:
    """The seats of one tier, with how they were reached.

    Args:
        seats: party -> seats, every party given, in input order.
        method: the method name.
        votes: party -> votes as given.
        quota: the quota (quota methods), else ``None``.
        passed: the parties admitted to allocation, in input order.
        ties: every exact tie that decided a seat, resolved by the tie-break rule.
        threshold: the threshold applied, if any.
        base_total: the number the threshold share was taken of.
        admitted_by_rule: parties admitted by a minimum-parties rule (Kazakhstan 2009) below the threshold.
    """

    seats: dict
    method: str
    votes: dict
    quota: Fraction | None = None
    passed: tuple = ()
    ties: tuple[Tie, ...] = ()
    threshold: Threshold | None = None
    base_total: int | None = None
    admitted_by_rule: tuple = ()

    @property
    def house(self) -> int:
        """The number of seats allocated."""
        return sum(self.seats.values())

    def to_dict(self) -> dict[str, Any]:
        """Plain data (the CLI's ``--format json``): exact numbers as strings, measures as floats."""
        from reformlab.electoral.measures import summary

        shown = ("gallagher", "loosemore_hanby", "enp_votes", "enp_seats")
        return {
            "seats": dict(self.seats),
            "method": self.method,
            "quota": None if self.quota is None else str(self.quota),
            "passed": list(self.passed),
            "ties": [t.to_dict() for t in self.ties],
            "measures": {k: float(v) for k, v in summary(self.votes, self.seats).items() if k in shown},
        }


class _QuotaWhenRead:
    """``Allocation.quota`` where the usual call (:func:`_usual_call`) stored only the quota's whole-number
    terms ``(num, den)``: the Fraction in lowest terms, made on the first reading and kept in the instance
    (whose own ``quota`` then hides this). Making it costs about a tenth of that call, and most callers
    read only the seats; every reader (``==``, ``repr``, ``attrs.asdict``, a pickle) sees the general path's
    value."""

    def __get__(self, allocation: Allocation | None, owner: type | None = None) -> Fraction | None:
        if allocation is None:
            return self  # type: ignore[return-value]
        found = allocation.__dict__
        terms = found.get("_quota_terms")
        if terms is None:
            raise AttributeError("quota")
        found["quota"] = quota = exact_quota(*terms)
        return quota


# Set after attrs made the class: where the instance has its own ``quota`` (the general path's), that is read.
Allocation.quota = _QuotaWhenRead()

_IN_INPUT_ORDER = TieBreak()


def _check_votes(votes: Mapping[Hashable, int]) -> dict:
    if not votes:
        raise ReformlabError(
            "no votes were given", field="votes", fix="give at least one party with its votes"
        )
    for party, v in votes.items():
        if type(v) is int and v >= 0:  # the usual case, in one test
            continue
        if isinstance(v, bool) or not isinstance(v, int):
            raise ReformlabError(f"votes for {party!r} must be a whole number, got {v!r}", field="votes")
        if v < 0:
            raise ReformlabError(
                f"votes for {party!r} are negative ({v})", field="votes", fix="correct the count"
            )
    return dict(votes)


def _as_threshold(threshold: Threshold | Mapping | str | Fraction | None) -> Threshold | None:
    if threshold is None or isinstance(threshold, Threshold):
        return threshold
    if isinstance(threshold, Mapping):
        return Threshold.from_dict(threshold)
    return Threshold(share=parse_share(threshold, field="threshold"))


_new_instance = object.__new__
_set_frozen = object.__setattr__
_ORDER = "order"  # the default tie-break


class _Aside(Exception):
    """The usual call's fast path steps aside: the general path decides, and raises its errors."""


def allocate(
    votes: Mapping[Hashable, int],
    seats: int,
    method: str = "d_hondt",
    threshold: Threshold | Mapping | str | Fraction | None = None,
    *,
    ballots_cast: int | None = None,
    against_all: int | None = None,
    district_wins: Mapping[Hashable, int] | None = None,
    registered: int | None = None,
    minimum_parties: MinimumParties | None = None,
    tie_break: str | TieBreak = _ORDER,
    order: tuple | None = None,
    seed: int | None = None,
    rng: Any = None,
) -> Allocation:
    """Allocate ``seats`` among parties from their ``votes`` by a registered ``method``, exactly.

    Args:
        votes: party -> whole votes, in the order the law names (the default tie-break order).
        seats: the number of seats in this tier (> 0).
        method: a name in :data:`METHODS`.
        threshold: a :class:`Threshold`, its dict form, or a share of valid votes (``"7%"``).
        ballots_cast: all ballots cast (threshold base ``ballots_cast``).
        against_all: the "against all" votes (threshold base ``valid_plus_against_all``).
        district_wins: party -> districts won (for a threshold's ``districts`` alternative).
        registered: the voters on the rolls (threshold base ``registered``).
        minimum_parties: a rule admitting runners-up when too few lists pass (Kazakhstan 2009).
        tie_break: ``"order"``, ``"lot"`` or ``"raise"`` (or a :class:`TieBreak`).
        order: the tie-break order for ``"order"`` (default: the order of ``votes``).
        seed: the seed for ``"lot"``; rng: a numpy Generator for ``"lot"`` (not both).

    >>> r = allocate({"A": 100, "B": 80, "C": 5}, seats=10, method="hare", threshold="7%")
    >>> r.seats, r.quota, r.passed
    ({'A': 6, 'B': 4, 'C': 0}, Fraction(18, 1), ('A', 'B'))

    The usual call (whole votes in a dict, a share threshold or none, the default tie-break) is answered by
    :func:`_usual_call` in whole numbers, in about the time of a hand-written integer Hare (``bench/``).
    Exact all the same: every count is checked as the general path checks it (a whole number, not a bool,
    none below 0); the threshold is :meth:`Threshold.passing_votes`' whole-number test; quota seats are
    whole-number divisions over the quota's terms (:data:`QUOTA_TERMS`), the leftover seats going to the
    largest remainders when the cut between them is clean (:func:`~reformlab.electoral.quota.clear_cut`'s
    rule); divisor seats come from :func:`usual_seats`. Anything else (bad input, another kind of
    threshold, a tie at the cut, a second round of remainders) steps aside to the general path, which
    decides it and raises its errors; ``tests/electoral/test_common_case.py`` checks that the two agree.
    """
    if (
        type(votes) is dict
        and district_wins is minimum_parties is order is seed is rng is None
        and (tie_break is _ORDER or tie_break == _ORDER)
        and type(seats) is int
        and seats > 0
    ):
        try:
            return _usual_call(votes, seats, method, threshold, ballots_cast, against_all)
        except _Aside:
            pass
    return _general(
        votes, seats, method, threshold, ballots_cast, against_all, district_wins, registered,
        minimum_parties, tie_break, order, seed, rng,
    )  # fmt: skip


def _usual_call(votes: dict, seats: int, method, threshold, ballots_cast, against_all) -> Allocation:
    """:func:`allocate` for the usual call (its docstring says which, and how it stays exact), or
    :class:`_Aside`. Three passes over the parties: the counts and the threshold; the remainders; the seats.
    The quota's Fraction is made when read (:class:`_QuotaWhenRead`)."""
    try:
        valid = sum(votes.values())  # each count is checked below, with the threshold test
    except TypeError:
        raise _Aside from None
    terms = QUOTA_TERMS.get(method)
    if type(valid) is not int or terms is None and method not in DIVISORS:
        raise _Aside
    # ``least``: the fewest votes that pass (a share ``num / den`` of ``base_total``: ``v * den >= need``)
    rule = base_total = None
    least = 0
    if threshold is not None:
        kind = type(threshold)
        if kind is str or kind is Fraction:
            entry = USUAL_TEXTS.get(threshold) or usual_rule(threshold)
        elif kind is Threshold:
            entry = USUAL_RULES.get(id(threshold))
            if entry is None or entry[0] is not threshold:
                entry = usual_rule(threshold)
        else:
            raise _Aside
        if entry is None:
            raise _Aside
        rule, num, den, above = entry
        if num is None:  # a share of another base
            shared = rule.share_terms(valid, ballots_cast, against_all)
            if shared is None:
                raise _Aside
            base_total, den, need = shared
        else:
            base_total, need = valid, num * valid
        least = -((-need - above) // den)
        if least < 0:  # noqa: PLR1730 - a call to max() costs a fiftieth of the usual call
            least = 0  # counts below 0 are refused below; the rest all pass
    won = {**votes}  # every party given, in input order: the admitted get their seats below
    passing = []
    admitted_total = valid
    for party, v in votes.items():
        if type(v) is not int:
            raise _Aside
        if v >= least:
            passing.append(party)
        elif v < 0:  # below ``least >= 0``: checked only here
            raise _Aside
        else:
            won[party] = 0
            admitted_total -= v
    if not admitted_total:
        raise _Aside
    if terms is None:
        admitted = [*map(votes.__getitem__, passing)]
        found = usual_seats(admitted, seats, DIVISORS[method])
        if found is None:  # a tie at the last seat, or not the usual divisor case: the general procedure
            found, ties = highest_averages(dict(zip(passing, admitted)), seats, method, _IN_INPUT_ORDER)
            won.update(found)
        else:
            ties = ()
            won.update(zip(passing, found))
        made = _new_instance(Allocation)
        _set_frozen(made, "__dict__", {
            "seats": won, "method": method, "votes": {**votes}, "quota": None, "passed": tuple(passing),
            "ties": ties, "threshold": rule, "base_total": base_total, "admitted_by_rule": (),
        })  # fmt: skip
        return made
    qn, qd = (admitted_total, seats) if terms is hare else terms(admitted_total, seats)
    # Party i's integer part is v_i * qd // qn and its remainder v_i * qd % qn; the integer parts add up
    # to (admitted_total * qd - the remainders) / qn. With ``last`` the smallest remainder served (``qn``
    # when none is), party i's seats are (v_i * qd + qn - last) // qn, as 0 <= remainder < qn.
    remainder = []
    for party in passing:
        remainder.append(won[party] * qd % qn)
    left = seats - (admitted_total * qd - sum(remainder)) // qn
    last = qn
    if left:  # clear_cut's rule: fewer seats left than parties, the last one served above the next
        if not 0 < left < len(remainder):
            raise _Aside
        remainder.sort(reverse=True)
        last = remainder[left - 1]
        if last <= remainder[left]:  # a tie at the cut (a remainder of 0 is never served)
            raise _Aside
    shift = qn - last
    for party in passing:
        won[party] = (won[party] * qd + shift) // qn
    made = _new_instance(Allocation)
    _set_frozen(made, "__dict__", {  # the quota's Fraction when read: _QuotaWhenRead
        "seats": won, "method": method, "votes": {**votes}, "_quota_terms": (qn, qd),
        "passed": tuple(passing), "ties": (), "threshold": rule, "base_total": base_total,
        "admitted_by_rule": (),
    })  # fmt: skip
    return made


def _general(
    votes, seats, method, threshold, ballots_cast, against_all, district_wins, registered, minimum_parties,
    tie_break, order, seed, rng,
) -> Allocation:  # fmt: skip
    """:func:`allocate` in general (its own function: the closures here would cost the usual call time)."""
    spec = method_named(method)
    votes = _check_votes(votes)
    if isinstance(seats, bool) or not isinstance(seats, int) or seats <= 0:
        raise ReformlabError(f"seats must be a whole number above 0, got {seats!r}", field="seats")
    if isinstance(tie_break, TieBreak):
        breaker = tie_break.validate()
    elif tie_break == "order" and order is None and seed is None and rng is None:
        breaker = _IN_INPUT_ORDER  # the default, built once: a frozen value
    else:
        breaker = TieBreak(tie_break, order, seed, rng).validate()
    if breaker.rule == "lot" and breaker.rng is None:  # one random stream for every tie of this allocation
        breaker = attrs.evolve(breaker, seed=None, rng=breaker.generator())
    rule = threshold if threshold is None or type(threshold) is Threshold else _as_threshold(threshold)
    base_total = None
    admitted = votes
    if rule is not None:
        rule.validate()
        base_total = rule.base_total(votes, ballots_cast, against_all, registered)
        admitted = rule.passing_votes(votes, base_total, district_wins)
    passed = tuple(admitted)
    extra: tuple = ()
    admission_ties: tuple = ()
    if minimum_parties is not None:
        extra, admission_ties = minimum_parties.validate().runners_up(votes, passed, breaker)
        admitted = {p: v for p, v in votes.items() if p in admitted or p in extra}
        passed = tuple(admitted)
    admitted_total = sum(admitted.values())
    if admitted_total == 0:
        raise ReformlabError(
            "no list with votes is admitted to allocation",
            field="threshold",
            fix="check the votes or lower the threshold",
        )
    correction = minimum = None
    if extra:
        correction = {p: minimum_parties.correction for p in extra}
        minimum = {p: minimum_parties.min_seats for p in extra}
    quota = None
    if spec.family == "quota":
        quota = QUOTAS[method](admitted_total, seats)
        won, ties = quota_allocation(admitted, quota, seats, breaker, minimum, correction)
    else:
        weighted = {p: v * correction.get(p, 1) for p, v in admitted.items()} if correction else admitted
        won, ties = highest_averages(weighted, seats, method, breaker, held=minimum)
    seats_won = dict.fromkeys(votes, 0)  # every party given, in input order
    seats_won.update(won)
    # In field order, positionally: nine keywords cost about as much as the whole threshold test.
    return Allocation(seats_won, method, votes, quota, passed, admission_ties + ties, rule, base_total, extra)
