"""Reports a reader opens: one self-contained HTML page (or Markdown, or PDF) comparing two constitutions,
and the same report's data as JSON for machines (:func:`render_json`).

The analyses build a :class:`ReportData` from the records in :mod:`reformlab.report.data`; the functions
here render it, and :mod:`reformlab.report.seating` helps build chambers from seat counts. Charts (hemicycles, appointment graphs, power bars) are inline SVG strings from
:mod:`reformlab.report.charts`, usable on their own.
"""

from reformlab.report.data import (
    CONFIDENCES,
    FILLINGS,
    RELATIONS,
    VERDICTS,
    Actor,
    AppointmentGraph,
    Chamber,
    Change,
    Claim,
    Fact,
    Figure,
    KeyFigure,
    ProcedurePower,
    Relation,
    ReportData,
    Seat,
    Snapshot,
    Source,
    Unknown,
)
from reformlab.report.figures import DecisionCount
from reformlab.report.json_data import render_json, report_dict
from reformlab.report.progress import steps
from reformlab.report.render import FORMATS, render_html, render_markdown, render_pdf, write_report
from reformlab.report.seating import chamber_from_counts, party_colors, seats_from_counts
from reformlab.report.validate import validate_report

__all__ = [
    "CONFIDENCES", "FILLINGS", "FORMATS", "RELATIONS", "VERDICTS",
    "Actor", "AppointmentGraph", "Chamber", "Change", "Claim", "Fact", "DecisionCount", "Figure", "KeyFigure", "ProcedurePower",
    "Relation", "ReportData", "Seat", "Snapshot", "Source", "Unknown",
    "chamber_from_counts", "party_colors", "render_html", "render_json", "render_markdown", "render_pdf",
    "report_dict", "seats_from_counts", "steps", "validate_report", "write_report",
]
