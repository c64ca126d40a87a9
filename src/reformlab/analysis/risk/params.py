"""The risk model's parameters as data: each with a default, a range for sweeps and a sentence on why.

Every number here is an assumption of the model, not a fact about Kazakhstan: the defaults are chosen to be
plausible and are meant to be varied (``reformlab risk --sweep NAME=LOW:HIGH:STEP``). ``docs/risk.md`` gives
the model they feed and the literature behind it.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import numpy as np

from reformlab.errors import ReformlabError, unknown_name

VOTE_MODELS = ("dirichlet", "swing")


@dataclass(frozen=True)
class Parameter:
    """One parameter of the risk model.

    Attributes:
        name: the key used in the API and on the command line.
        default: the value used unless set.
        low, high: the range a sensitivity sweep covers.
        kind: ``probability`` (in [0, 1]), ``positive`` (> 0; ``inf`` means no noise), ``scale`` (>= 0) or
            ``real`` (any finite number).
        why: one sentence on what it stands for and why the default.
    """

    name: str
    default: float
    low: float
    high: float
    kind: str
    why: str

    def check(self, value) -> float:
        """``value`` as a float if it is allowed, else a :class:`ReformlabError` naming the parameter."""
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ReformlabError(f"{self.name} must be a number, got {value!r}", field=self.name) from None
        if math.isnan(number):
            raise ReformlabError(f"{self.name} must be a number, got NaN", field=self.name)
        if self.kind == "probability" and not 0 <= number <= 1:
            raise ReformlabError(
                f"{self.name} is a probability and must be in [0, 1], got {value}",
                field=self.name,
                fix=f"give a value such as {self.default}",
            )
        if self.kind == "positive" and not number > 0:
            raise ReformlabError(
                f"{self.name} must be above 0, got {value}",
                field=self.name,
                fix=f"give a value such as {self.default} (larger means less noise)",
            )
        if self.kind == "scale" and not (0 <= number < math.inf):
            raise ReformlabError(f"{self.name} must be a finite number >= 0, got {value}", field=self.name)
        if self.kind == "real" and not math.isfinite(number):
            raise ReformlabError(f"{self.name} must be a finite number, got {value}", field=self.name)
        return number


#: Every numeric parameter, in the order the docs and the CLI list them.
PARAMETERS: dict[str, Parameter] = {
    p.name: p
    for p in (
        Parameter(
            "concentration",
            100.0,
            20.0,
            400.0,
            "positive",
            "Dirichlet concentration of the vote shares around the baseline: the camp's share has standard "
            "deviation about sqrt(v(1-v)/(c+1)), 3-4 points at 100; inf means no vote noise (the default's "
            "grounds: docs/risk.md).",
        ),
        Parameter(
            "swing_sd",
            0.3,
            0.0,
            1.5,
            "scale",
            "Standard deviation of the uniform national swing in logit space (model 'swing' only): 0.3 moves "
            "a camp at 80% by about 5 points either way in two draws out of three.",
        ),
        Parameter(
            "admin_shift",
            0.0,
            -1.0,
            1.0,
            "real",
            "Shift of the camp's share in logit space standing for administrative resources beyond those "
            "already in the baseline result (OSCE/ODIHR 2004, 2007); negative values withdraw them.",
        ),
        Parameter(
            "turnout_sd",
            0.05,
            0.0,
            0.3,
            "scale",
            "Standard deviation of log turnout around the baseline election's; it scales the vote totals, "
            "which matters only through turnout_effect and the rounding of votes.",
        ),
        Parameter(
            "turnout_effect",
            0.0,
            -2.0,
            2.0,
            "real",
            "Logit shift of the camp's share per unit of log-turnout deviation; its sign is disputed "
            "(mobilised public-sector voters help the incumbent, protest turnout hurts), so 0 by default.",
        ),
        Parameter(
            "district_spread",
            0.5,
            0.2,
            2.0,
            "positive",
            "Spread (logit standard deviation) of the camp's baseline share across single-member districts; "
            "it sets the slope of the seats-votes curve: 0.5 with district_sd 0.3 gives a slope of about "
            "2.7 at 50%, close to the cube law's 3.",
        ),
        Parameter(
            "district_sd",
            0.3,
            0.0,
            1.0,
            "scale",
            "District-level noise around the national swing (logit), independent across districts; "
            "Gelman and King (1994) find unexplained district variation of the order of 0.06-0.07 of the "
            "vote in US House elections, about 0.25-0.3 in logit near 50%.",
        ),
        Parameter(
            "defect_district",
            0.05,
            0.0,
            0.3,
            "probability",
            "Probability that a camp deputy elected in a single-member district defects: the seat is their "
            "own, so leaving the party costs nothing formal.",
        ),
        Parameter(
            "defect_list_free",
            0.03,
            0.0,
            0.3,
            "probability",
            "Probability that a camp list deputy with a free mandate defects (also used where the mandate "
            "is unknown, as before 2007): the party placed them, but the seat stays theirs.",
        ),
        Parameter(
            "defect_list_imperative",
            0.005,
            0.0,
            0.1,
            "probability",
            "Probability that a camp list deputy under the imperative mandate defects: leaving the party "
            "ends the mandate (the 2007 amendments; see kz.yaml), so defection costs the seat itself.",
        ),
        Parameter(
            "defect_appointed",
            0.0,
            0.0,
            0.1,
            "probability",
            "Probability that an appointed or indirectly chosen member deserts their principal: such "
            "members follow whoever chose them, so none by default.",
        ),
        Parameter(
            "controller_flip",
            0.0,
            0.0,
            0.5,
            "probability",
            "Probability that a seat chosen by a body the scenario only assumes controlled (the maslikhats "
            "electing senators) goes to the opposition; 0 keeps the scenario's assumption.",
        ),
    )
}

#: The parameter the report plots loss probability against.
MAIN_PARAMETER = "concentration"


@dataclass(frozen=True, kw_only=True)
class RiskParams:
    """A full set of parameter values (defaults from :data:`PARAMETERS`) and the vote-share model, built by
    keyword only (``RiskParams(concentration=50)``; :meth:`replace` also checks the values).

    Attributes:
        model: ``dirichlet`` (shares drawn from a Dirichlet around the baseline) or ``swing`` (a uniform
            national swing in logit space, with Dirichlet noise of ``concentration`` within each side).
        camp: the principals forming the incumbent's camp.
    """

    model: str = "dirichlet"
    camp: tuple[str, ...] = ("president",)
    concentration: float = PARAMETERS["concentration"].default
    swing_sd: float = PARAMETERS["swing_sd"].default
    admin_shift: float = PARAMETERS["admin_shift"].default
    turnout_sd: float = PARAMETERS["turnout_sd"].default
    turnout_effect: float = PARAMETERS["turnout_effect"].default
    district_spread: float = PARAMETERS["district_spread"].default
    district_sd: float = PARAMETERS["district_sd"].default
    defect_district: float = PARAMETERS["defect_district"].default
    defect_list_free: float = PARAMETERS["defect_list_free"].default
    defect_list_imperative: float = PARAMETERS["defect_list_imperative"].default
    defect_appointed: float = PARAMETERS["defect_appointed"].default
    controller_flip: float = PARAMETERS["controller_flip"].default

    def validate(self) -> RiskParams:
        """Return self if every value is allowed; otherwise raise :class:`ReformlabError`."""
        if self.model not in VOTE_MODELS:
            raise unknown_name("vote model", self.model, VOTE_MODELS, field="model")
        if not self.camp or not all(isinstance(p, str) and p for p in self.camp):
            raise ReformlabError("the camp needs at least one principal", field="camp", fix="e.g. president")
        for name, parameter in PARAMETERS.items():
            parameter.check(getattr(self, name))
        return self

    def replace(self, **values) -> RiskParams:
        """A validated copy with ``values`` set (unknown names raise, with a suggestion)."""
        for name in values:
            if name not in PARAMETERS and name not in ("model", "camp"):
                raise unknown_name("risk parameter", name, list(PARAMETERS), field=name)
        checked = {k: (PARAMETERS[k].check(v) if k in PARAMETERS else v) for k, v in values.items()}
        if "camp" in checked:
            camp = checked["camp"]
            checked["camp"] = (camp,) if isinstance(camp, str) else tuple(camp)
        return dataclasses.replace(self, **checked).validate()

    def to_dict(self) -> dict:
        """Plain data (``inf`` written as the string ``"inf"`` so it survives JSON)."""
        data = dataclasses.asdict(self)
        data["camp"] = list(self.camp)
        return {k: ("inf" if isinstance(v, float) and math.isinf(v) else v) for k, v in data.items()}


#: Points in one sweep: each is a whole simulation (the README's 20:400:10 has 39).
MAX_SWEEP_POINTS = 500


def parse_sweep(text: str) -> tuple[str, tuple[float, ...]]:
    """``"concentration=20:400:10"`` -> the name and its points (``LOW:HIGH:STEP``, both ends included when
    the step reaches them; or a comma list ``NAME=1,2,5``).

    Raises:
        ReformlabError: an unknown parameter, unreadable numbers, a step <= 0, or no points.
    """
    name, sep, spec = (text or "").partition("=")
    name = name.strip()
    fix = "write NAME=LOW:HIGH:STEP, e.g. concentration=20:400:10, or NAME=V1,V2,..."
    if not sep or not spec.strip():
        raise ReformlabError(f"cannot read the sweep {text!r}", field="--sweep", fix=fix)
    if name not in PARAMETERS:
        raise unknown_name("risk parameter", name, PARAMETERS, field="--sweep",
                           problem=f"unknown risk parameter {name!r} in --sweep")
    try:
        if ":" in spec:
            low, high, step = (float(part) for part in spec.split(":"))
            if not step > 0:
                raise ReformlabError(
                    f"the sweep step must be above 0, got {step:g}", field="--sweep", fix=fix
                )
            count = math.floor((high - low) / step + 1e-9) + 1
            if count > MAX_SWEEP_POINTS:
                raise ReformlabError(
                    f"the sweep {text!r} has {count:,} points; at most {MAX_SWEEP_POINTS} are run "
                    "(each point is a whole simulation)", field="--sweep",
                    fix=f"use a larger step, e.g. {name}={low:g}:{high:g}:{(high - low) / 40:g} (41 points)")
            points = tuple(float(v) for v in np.round(low + step * np.arange(max(count, 0)), 12))
        else:
            points = tuple(float(part) for part in spec.split(",") if part.strip())
    except ValueError:
        raise ReformlabError(f"cannot read the sweep {text!r}", field="--sweep", fix=fix) from None
    if len(points) > MAX_SWEEP_POINTS:
        raise ReformlabError(f"the sweep {text!r} has {len(points):,} points; at most {MAX_SWEEP_POINTS} are run",
                             field="--sweep", fix="give fewer values")
    if not points:
        raise ReformlabError(f"the sweep {text!r} has no points (LOW above HIGH?)", field="--sweep", fix=fix)
    for value in points:
        PARAMETERS[name].check(value)
    return name, points
