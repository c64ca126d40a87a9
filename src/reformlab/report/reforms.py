"""Several reforms on one page: the camp's control of each decision before and after, and the Shugart-Carey plane.

Each reform is a pair of versions of one constitution, evaluated and compared as in the single report
(:func:`reformlab.analysis.compare.compare`); the plane places each version by its presidential-power score
ranges (:mod:`reformlab.analysis.scores`) and draws the reform as an arrow. Names come from each
constitution's report spec (:mod:`reformlab.report.spec`), so nothing here knows a country.
"""

from __future__ import annotations

from dataclasses import dataclass

from reformlab.analysis.compare import compare
from reformlab.analysis.scores import CCP, SHUGART_CAREY, scores
from reformlab.errors import ReformlabError
from reformlab.report.charts.plane import PlaneMove, plane_svg
from reformlab.report.spec import report_spec

ROLE_WORDS = {"passes alone": "passes alone", "veto": "can block", "none": "no part", "absent": "no such decision",
              None: "cannot tell"}


@dataclass(frozen=True)
class ReformRow:
    """One decision of one reform: the camp's role before and after, in words."""

    decision: str
    before: str
    after: str

    @property
    def moved(self) -> bool:
        return self.before != self.after


@dataclass(frozen=True)
class ReformSummary:
    """One reform: its name, targets, the camp's control per decision and the score ranges of both sides."""

    label: str
    before: str
    after: str
    camp: str
    rows: tuple[ReformRow, ...]
    totals: dict  # side -> {"legislative": (low, high), "non_legislative": (...), "ccp": (...)}

    def move(self) -> PlaneMove:
        def point(side):
            t = self.totals[side]
            return t["non_legislative"], t["legislative"]

        return PlaneMove(self.label, point("before"), point("after"))


def summarize(before: str, after: str, *, camp: str | None = None) -> ReformSummary:
    """Evaluate, compare and score one reform given as two targets of one constitution."""
    comparison = compare(before, after)
    spec = report_spec(comparison.after.constitution)
    if camp or spec.camp != comparison.camp:
        comparison = compare(comparison.before, comparison.after, camp=camp or spec.camp)
    control = comparison.control()
    rows = tuple(
        ReformRow(name, ROLE_WORDS.get(roles.get(comparison.camp, {}).get("before"), "cannot tell"),
                  ROLE_WORDS.get(roles.get(comparison.camp, {}).get("after"), "cannot tell"))
        for name, roles in control.items()
    )
    totals = {}
    for side in ("before", "after"):
        result = scores(getattr(comparison, side).constitution, head=spec.camp if spec.camp in
                        getattr(comparison, side).constitution.bodies else "president")
        totals[side] = {"legislative": result.total(SHUGART_CAREY, "legislative"),
                        "non_legislative": result.total(SHUGART_CAREY, "non-legislative"), "ccp": result.total(CCP)}
    label = f"{spec.country} {comparison.after.constitution.version.year}"
    return ReformSummary(label, before, after, comparison.camp, rows, totals)


def parse_reform(text: str) -> tuple[str, str]:
    """``"kz@2007-05-20:kz@2007-05-21"`` -> the two targets; one clear error otherwise."""
    before, sep, after = text.partition(":")
    if not sep or not before or not after:
        raise ReformlabError(f"cannot read the reform {text!r}", field="--reform",
                             fix="write it as BEFORE:AFTER, e.g. kz@2007-05-20:kz@2007-05-21")
    return before, after


def reforms_page(summaries: list[ReformSummary], *, format: str = "html", generated_on: str = "") -> str:
    """The page as HTML (with the plane inline) or Markdown (the plane's numbers as a table)."""
    from markupsafe import Markup

    from reformlab.report.render import _environment

    if not summaries:
        raise ReformlabError("no reform was given", field="--reform", fix="give --reform BEFORE:AFTER at least once")
    html = format == "html"
    template = _environment(autoescape=html).get_template("reforms.html.j2" if html else "reforms.md.j2")
    plane = Markup(plane_svg([s.move() for s in summaries])) if html else ""
    return template.render(summaries=summaries, plane=plane, generated_on=generated_on)
