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
from reformlab.electoral.quota import QUOTA_TERMS, QUOTAS, clear_cut, exact_quota, quota_allocation
from reformlab.electoral.runner_up import MinimumParties
from reformlab.electoral.threshold import Threshold, parse_share
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


#: The usual thresholds, each read and validated once, to ``(rule, num, den, above)`` for a share ``num / den``
#: of the valid votes (``above``: 1 for a strict threshold, else 0), ``(rule, None, None, above)`` for a share
#: of another base: ``"7%"`` (or a Fraction) by value
#: in ``_USUAL_TEXTS``, a Threshold by identity in ``_USUAL_RULES`` (``id``, the rule itself kept in the
#: entry, so that the id stays its own). Bounded: each is cleared when full.
_USUAL_TEXTS: dict = {}
_USUAL_RULES: dict = {}
_USUAL_LIMIT = 256


def _usual_rule(threshold: Threshold | str | Fraction) -> tuple | None:
    """The cache entry for ``threshold`` (see :data:`_USUAL_RULES`), made and kept; ``None`` when it is not
    a share alone, or is invalid (the general path then decides, and raises its errors)."""
    if type(threshold) is Threshold:
        rule, cache, key = threshold, _USUAL_RULES, id(threshold)
    else:
        try:
            rule = Threshold(share=parse_share(threshold, field="threshold"))
        except ReformlabError:
            return None
        cache, key = _USUAL_TEXTS, threshold
    if rule.share_terms(0, 0, 0) is None:  # not a valid share alone (0s: any base's figures will do here)
        return None
    num, den = rule.share.numerator, rule.share.denominator
    above = 0 if rule.inclusive else 1
    entry = (rule, num, den, above) if rule.base == "valid" else (rule, None, None, above)
    if len(cache) >= _USUAL_LIMIT:
        cache.clear()
    cache[key] = entry
    return entry


def _common_case(votes: dict, seats, method, threshold, ballots_cast, against_all) -> Allocation | None:
    """:func:`allocate` for the usual call, with the set-up cut to the bone: whole votes in a dict, a share
    threshold or none, the default tie-break, and (quota methods) one clean cut through the remainders,
    (divisor methods) a few parties with votes and no tie at the last seat.

    Exact all the same: the counts are checked as the general path checks them (whole numbers, no bool,
    none below 0), the threshold test is :meth:`Threshold.passing_votes`' whole-number one, integer parts
    and remainders are ``divmod`` over the quota's whole-number terms (:data:`QUOTA_TERMS`), and divisor
    seats come from :func:`usual_seats`, the same characterisation as the general path's. ``None`` whenever
    anything is out of the ordinary (bad input, another kind of threshold, a tie, a second round of
    remainders), so the general path decides it and raises its errors. Property tests check the two agree.
    """
    spec = METHODS.get(method)
    if spec is None or type(seats) is not int or seats <= 0:
        return None
    try:
        valid = sum(votes.values())  # checked below, with the threshold test
    except TypeError:
        return None
    if threshold is None:
        rule = base_total = None
        den, need = 1, 0
    else:
        kind = type(threshold)
        if kind is Threshold:
            entry = _USUAL_RULES.get(id(threshold))
            if entry is None or entry[0] is not threshold:
                entry = _usual_rule(threshold)
        elif kind is str or kind is Fraction:
            entry = _USUAL_TEXTS.get(threshold) or _usual_rule(threshold)
        else:
            return None
        if entry is None:
            return None
        rule, num, den, above = entry
        if num is None:  # a share of another base
            terms = rule.share_terms(valid, ballots_cast, against_all)
            if terms is None:
                return None
            base_total, den, need = terms
            need += above
        else:
            base_total, need = valid, num * valid + above
    # A party passes when votes * den >= need (whole numbers; ``need`` is one more for a strict threshold).
    admitted_total = 0
    passing = []
    for party, v in votes.items():  # every count a whole number (not a bool), none below 0: as _check_votes
        if type(v) is not int or v < 0:
            return None
        if v * den >= need:
            passing.append(party)
            admitted_total += v
    if not admitted_total:
        return None
    passed = tuple(passing)
    everyone = len(passed) == len(votes)
    ties = ()
    if spec.family == "quota":
        qn, qd = QUOTA_TERMS[method](admitted_total, seats)
        won = {} if everyone else dict.fromkeys(votes, 0)  # every party given, in input order
        remainder = {}
        left = seats
        for party in passed:
            whole, remainder[party] = divmod(votes[party] * qd, qn)
            won[party] = whole
            left -= whole
        if left and not clear_cut(won, remainder, left):
            return None
        quota = exact_quota(qn, qd)
    else:
        admitted = [*map(votes.__getitem__, passed)]
        found = usual_seats(admitted, seats, DIVISORS[method])
        if found is None:  # a tie at the last seat, or not the usual divisor case: the general procedure
            won, ties = highest_averages(dict(zip(passed, admitted)), seats, method, _IN_INPUT_ORDER)
        else:
            won = dict(zip(passed, found))
        quota = None
        if not everyone:  # every party given, in input order
            won = {**dict.fromkeys(votes, 0), **won}
    return _made(won, method, {**votes}, quota, passed, ties, rule, base_total)


_new_instance = object.__new__
_set_frozen = object.__setattr__


def _made(seats, method, votes, quota, passed, ties, rule, base_total) -> Allocation:
    """``Allocation(seats, method, votes, quota, passed, ties, rule, base_total, ())`` in two thirds of the
    time: an Allocation is a frozen attrs class over an instance dict, whose ``__init__`` only stores each
    field in that dict; this stores them all at once (the fast-path tests compare every field)."""
    made = _new_instance(Allocation)
    _set_frozen(made, "__dict__", {
        "seats": seats, "method": method, "votes": votes, "quota": quota, "passed": passed, "ties": ties,
        "threshold": rule, "base_total": base_total, "admitted_by_rule": (),
    })  # fmt: skip
    return made


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
    tie_break: str | TieBreak = "order",
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
    """
    if (
        type(votes) is dict
        and district_wins is None
        and minimum_parties is None
        and type(tie_break) is str
        and tie_break == "order"
        and order is None
        and seed is None
        and rng is None
    ):
        result = _common_case(votes, seats, method, threshold, ballots_cast, against_all)
        if result is not None:
            return result
    return _general(
        votes, seats, method, threshold, ballots_cast, against_all, district_wins, registered,
        minimum_parties, tie_break, order, seed, rng,
    )  # fmt: skip


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
