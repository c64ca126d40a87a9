"""Built-in data: election results and constitutions, each number with its source and confidence.

Files are read on demand (never at import time) with ``importlib.resources``.
"""

from __future__ import annotations


def elections(country: str = "KZ"):
    """Official election results for ``country`` as a pandas DataFrame (see ``reformlab.data.election_results``)."""
    from reformlab.data.election_results import load_elections

    return load_elections(country)
