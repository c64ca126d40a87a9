"""Analyses of filled constitutions: control of bodies and decisions, power indices, comparisons, claims.

>>> from reformlab.analysis import evaluate
>>> ev = evaluate("kz@2007-09-01", "kz-majilis-2007")
>>> ev.control.procedures["no_confidence"].dictator
'president'
"""

from reformlab.analysis.control import BodyShare, Control, ProcedureControl, control
from reformlab.analysis.evaluation import Evaluation, evaluate
from reformlab.analysis.power import power_frame

__all__ = ["BodyShare", "Control", "Evaluation", "ProcedureControl", "control", "evaluate", "power_frame"]
