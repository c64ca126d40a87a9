"""Shares, exactly: the one reader (``"7%"``, ``"7/100"``, ``"0.07"``, ``2/3``) and the one printer of a share.

Every layer reads a share (a threshold, a majority, a turnout quorum, a correction) through
:func:`parse_share` and writes one through :func:`format_share`; range checks belong to whoever knows the
range (a threshold is below 100%, a majority at most 1).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from reformlab.errors import ReformlabError

#: Up to this denominator a share is written as the law writes it, a fraction ("1/2", "2/3", "1/5");
#: beyond it, as a percent where it is a finite decimal ("7%", "5.5%").
FRACTION_DENOMINATORS = 6


def parse_share(value: str | int | float | Fraction, *, field: str = "share") -> Fraction:
    """An exact share from ``"7%"``, ``"7 %"``, ``"7/100"``, ``"0.07"`` or a number (floats through their
    decimal text, so ``0.07`` is exactly 7/100).

    >>> parse_share("7%"), parse_share("7/100"), parse_share("0.07"), parse_share(0.05), parse_share("2/3")
    (Fraction(7, 100), Fraction(7, 100), Fraction(7, 100), Fraction(1, 20), Fraction(2, 3))

    Raises:
        ReformlabError: ``value`` is no number (``true``/``false`` included), on ``field``.
    """
    if isinstance(value, (Fraction, int)) and not isinstance(value, bool):
        return Fraction(value)
    if isinstance(value, bool) or not isinstance(value, (str, float)):
        raw = None
    else:
        raw = repr(value) if isinstance(value, float) else value.strip().replace(" ", "")
    try:
        if raw is None:
            raise ValueError
        return Fraction(raw[:-1]) / 100 if raw.endswith("%") else Fraction(raw)
    except (ValueError, ZeroDivisionError, OverflowError):
        raise ReformlabError(
            f"cannot read {value!r} as a share", field=field, fix="write it like '1/2', '2/3', '7%' or '0.07'"
        ) from None


def format_share(share: Fraction) -> str:
    """The text of a share as the law writes it: a fraction with a small denominator (``"1/2"``, ``"2/3"``),
    else a percent where it is a finite decimal (``"7%"``, ``"5.5%"``), else the exact fraction (``"1/7"``).
    :func:`parse_share` reads every output back to the same value.

    >>> [format_share(Fraction(*f)) for f in ((1, 2), (2, 3), (7, 100), (55, 1000), (1, 10), (1, 7), (1, 1))]
    ['1/2', '2/3', '7%', '5.5%', '10%', '1/7', '1']
    """
    share = Fraction(share)
    if share.denominator <= FRACTION_DENOMINATORS:
        return str(share)
    percent = share * 100
    rest = percent.denominator
    for factor in (2, 5):
        while rest % factor == 0:
            rest //= factor
    if rest != 1:
        return str(share)
    return f"{Decimal(percent.numerator) / Decimal(percent.denominator)}%"
