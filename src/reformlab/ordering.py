"""Natural order of names: digit runs read as numbers (``Independent 2`` before ``Independent 10``)."""

from __future__ import annotations

import re


def natural_key(name: str) -> tuple:
    """Sort key reading digit runs as numbers: ``Independent 2`` before ``Independent 10``.

    >>> sorted(["Independent 10", "Independent 2", "Amanat"], key=natural_key)
    ['Amanat', 'Independent 2', 'Independent 10']
    """
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
                 for part in re.split(r"(\d+)", name) if part)
