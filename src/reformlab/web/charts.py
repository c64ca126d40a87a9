"""The comparison's charts as inline SVG, drawn by the report's chart code (hemicycles, graphs, power bars)."""

from __future__ import annotations

from reformlab.report.build import build_report
from reformlab.report.charts import graph_svg, hemicycle_svg, power_bars_svg
from reformlab.report.charts.layout import union
from reformlab.report.render import changed_relations, paired_chambers


def comparison_charts(comparison) -> dict:
    """``{"hemicycles": [{name, before, after}], "graphs": [before, after], "power": [{decision, svg}]}``;
    a chamber missing on one side has None there."""
    report = build_report(comparison)
    hemicycles = []
    for name, before, after in paired_chambers(report):
        hemicycles.append({
            "name": name,
            **{side: None if chamber is None else hemicycle_svg(chamber.seats, f"{name}, {snap.label.lower()}",
                                                                 note=chamber.note)
               for side, chamber, snap in (("before", before, report.before), ("after", after, report.after))},
        })
    shared = union(report.before.graph, report.after.graph)
    changed = changed_relations(report.before.graph, report.after.graph)
    graphs = [graph_svg(snap.graph, f"{snap.label} ({snap.as_of})", layout=shared, highlight=changed)
              for snap in (report.before, report.after)]
    power = [{"decision": p.procedure, "svg": power_bars_svg(p)} for p in report.power]
    return {"hemicycles": hemicycles, "graphs": graphs, "power": power}
