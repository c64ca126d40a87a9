"""Inline SVG charts for reports: hemicycles, appointment graphs and power bars (no external references)."""

from reformlab.report.charts.bars import power_bars_svg
from reformlab.report.charts.graph import graph_svg
from reformlab.report.charts.hemicycle import FILLING_MARKS, hemicycle_svg

__all__ = ["FILLING_MARKS", "graph_svg", "hemicycle_svg", "power_bars_svg"]
