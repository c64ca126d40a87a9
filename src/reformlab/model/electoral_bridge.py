"""Checks a seat group's electoral system against the electoral layer's tier registry, so both speak one
vocabulary.

The model stores an electoral system as the plain data a tier of :data:`reformlab.electoral.KINDS` reads
(``tier_from_dict``): ``{method: hare, seats: 98, threshold: {share: 7%, base: ballots_cast}}`` for a list
tier (``kind: list`` is the default), ``{kind: single_member, seats: 67, formula: two_round}`` for
single-member districts (a president is one district: ``seats: 1``), ``{kind: districts, ...}`` for list
seats per multi-member district, ``{kind: compensatory, ...}`` for a mixed-member proportional house,
``{kind: parallel, tiers: {name: tier, ...}}`` for a parallel (segmented) mixed system in one seat group (or
write a mixed chamber as two seat groups, each with its own tier).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reformlab.errors import ReformlabError, unknown_name

#: Single-winner formulas written as a list method, and how the tier registry says them.
SINGLE_WINNER_HINT = "single-winner seats are {kind: single_member, seats: N, formula: plurality or two_round}"


def tier_of(system: Mapping[str, Any]):
    """The electoral tier ``system`` describes (``reformlab.electoral.tier_from_dict``).

    Raises:
        ReformlabError: ``system`` is not a tier the registry reads.
    """
    from reformlab.electoral import tier_from_dict

    return tier_from_dict(dict(system))


def check_system(system: Mapping[str, Any]) -> None:
    """Raise ``ValueError`` (turned into a located validation error) if ``system`` is not a usable tier.

    >>> check_system({"kind": "single_member", "seats": 1, "formula": "two_round"})
    >>> check_system({"method": "two_round_majority", "seats": 1})
    Traceback (most recent call last):
    ...
    ValueError: unknown electoral method 'two_round_majority'; single-winner seats are {kind: single_member, seats: N, formula: plurality or two_round}
    """
    from reformlab.electoral import METHODS

    method = system.get("method")
    if system.get("kind", "list") == "list" and isinstance(method, str) and method not in METHODS:
        single = method.startswith(("two_round", "plurality", "single"))
        error = unknown_name("electoral method", method, () if single else METHODS,
                             fix=SINGLE_WINNER_HINT if single else None)
        raise ValueError(f"{error.problem}; {error.fix}")
    try:
        tier_of(system)
    except ReformlabError as exc:
        text = exc.problem + (f" ({exc.fix})" if exc.fix else "")
        where = f" (field '{exc.field}')" if exc.field and exc.field not in ("system", "tier") else ""
        raise ValueError(f"electoral system{where}: {text}") from None
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise ValueError(f"electoral system: {exc}") from None


def tier_seats(system: Mapping[str, Any], constituencies: int | None) -> int | None:
    """Seats a valid tier fills: a list tier's ``seats`` in each of ``constituencies``; any other tier's own
    count (:attr:`elected_seats`); None when ``system`` is not a valid tier."""
    try:
        tier = tier_of(system)
    except (ReformlabError, TypeError, ValueError, KeyError, AttributeError):
        return None
    if system.get("kind", "list") == "list":
        return tier.seats * (constituencies if isinstance(constituencies, int) else 1)
    return tier.elected_seats
