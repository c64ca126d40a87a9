"""Checks an electoral-system data dict against ``reformlab.electoral`` when that package is importable.

The model stores electoral systems as plain data (what ``ElectoralSystem.from_dict`` reads) so that the model
layer never depends on the electoral code to load a file; when the electoral package is present, its own
reader validates the dict, so both layers agree on what a valid system is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reformlab.errors import ReformlabError, did_you_mean

#: Single-winner rules used for presidents and single-member districts; not list allocation methods.
SINGLE_WINNER_METHODS = ("plurality", "two_round_majority")


def list_methods() -> tuple[str, ...]:
    """Names of the list allocation methods the electoral package registers (empty if not importable)."""
    try:
        from reformlab.electoral import METHODS
    except ImportError:  # pragma: no cover - the electoral layer is part of the package
        return ()
    return tuple(METHODS)


def check_system(system: Mapping[str, Any]) -> None:
    """Raise ``ValueError`` (turned into a located validation error) if ``system`` is not a usable system.

    Args:
        system: ``{method: hare, seats: 98, threshold: {share: 7%, base: ballots_cast}}`` for a list tier, or
            ``{method: two_round_majority}`` for a single-winner election (absolute majority, else a runoff
            between the top two).
    """
    method = system.get("method")
    if not isinstance(method, str):
        raise ValueError("an electoral system needs a 'method' name, e.g. 'hare' or 'two_round_majority'")
    if method in SINGLE_WINNER_METHODS:
        extra = set(system) - {"method", "seats"}
        if extra:
            raise ValueError(f"a single-winner system takes only 'method' and 'seats', not {sorted(extra)}")
        return
    methods = list_methods()
    if methods and method not in methods:
        raise ValueError(
            f"unknown electoral method {method!r}; " + did_you_mean(method, methods + SINGLE_WINNER_METHODS)
        )
    try:
        from reformlab.electoral import ElectoralSystem
    except ImportError:  # pragma: no cover
        return
    try:
        ElectoralSystem.from_dict(dict(system))
    except ReformlabError as exc:
        text = exc.problem + (f" ({exc.fix})" if exc.fix else "")
        raise ValueError(f"electoral system: {text}") from None
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise ValueError(f"electoral system: {exc}") from None
