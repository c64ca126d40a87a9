"""reformlab: constitutions as executable rules, and who really holds power under them.

Layers, lowest first (a layer never imports one above it):

- :mod:`reformlab.electoral` -- votes to seats (knows nothing of constitutions);
- :mod:`reformlab.games` -- simple games and power indices (knows nothing of constitutions);
- :mod:`reformlab.model` -- what a constitution is: actors, bodies, seat groups, procedures, dated versions;
- :mod:`reformlab.engine` -- a constitution plus a scenario becomes filled bodies and decision trees;
- :mod:`reformlab.analysis` -- control, power, risk, comparison, the study's claims;
- :mod:`reformlab.report` -- HTML / Markdown reports;
- :mod:`reformlab.cli` -- the ``reformlab`` command.
"""

__version__ = "0.1.0"
