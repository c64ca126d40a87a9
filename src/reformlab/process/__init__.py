"""The reform process as data: who sat at the table, what they proposed, what was adopted, what was left out.

Public API::

    from reformlab.process import load_process, package_coverage, apply_amendments, body_measures
    process = load_process()                      # the built-in Kazakh process, 2002-2007 (validated)
    process.origin("first_president_unlimited_terms")   # 'outside'
    apply_amendments(process, ["senate_15_appointed"])  # the 1998 text with only that amendment
    package_coverage(process).uncovered           # [] : every change of the package is accounted for

This layer sits beside ``reformlab.model``: it imports ``model`` and ``errors`` only (its amendments are the
shipped package's, applied by ``reformlab.model.amendments``); ``analysis`` evaluates
its counterfactuals and single-amendment effects (``reformlab.analysis.process``).
"""

from reformlab.process.amendments import (
    Coverage, apply_amendments, id_path, index_path, package_coverage, package_subset, package_versions,
    process_package,
)
from reformlab.process.loader import builtin_path, load_process, partial_date_range
from reformlab.process.measures import area_measures, body_measures, trace_table
from reformlab.process.schema import (
    AFFILIATIONS, COMPOSITIONS, OUTCOMES, OUTPUT_KINDS, STATUSES, Amendment, Area, Body, Fact, Outcome, Process,
    Proposal, facts,
)

__all__ = [
    "AFFILIATIONS", "COMPOSITIONS", "OUTCOMES", "OUTPUT_KINDS", "STATUSES",
    "Amendment", "Area", "Body", "Coverage", "Fact", "Outcome", "Process", "Proposal",
    "apply_amendments", "area_measures", "body_measures", "builtin_path", "facts", "id_path", "index_path",
    "load_process", "package_coverage", "package_subset", "package_versions", "partial_date_range",
    "process_package", "trace_table",
]
