"""Risk: how likely the incumbent's camp is to lose control of each decision under each constitution version.

>>> from reformlab.analysis.risk import simulate
>>> result = simulate(["kz@2004-10-01", "kz@2007-09-01"], draws=2000, seed=7)
>>> frame = result.frame()
>>> sorted(frame.columns[:4])
['assumption', 'procedure', 'scenario', 'version']
"""

from __future__ import annotations

import math

from reformlab.analysis.risk.draws import check_seed
from reformlab.analysis.risk.params import MAIN_PARAMETER, PARAMETERS, RiskParams, parse_sweep
from reformlab.analysis.risk.report import RiskResult, SweepResult, risk_section_data, wilson
from reformlab.analysis.risk.run import check_address, run_dask, run_serial
from reformlab.errors import ReformlabError, unknown_name

__all__ = [
    "MAIN_PARAMETER",
    "PARAMETERS",
    "RiskParams",
    "RiskResult",
    "SweepResult",
    "compile_versions",
    "parse_sweep",
    "risk_section",
    "risk_section_data",
    "sensitivity",
    "simulate",
    "sweep",
    "wilson",
]

SCHEDULERS = ("serial", "dask")


def compile_versions(targets, camp=("president",), *, own_elections: bool = False):
    """Evaluate the targets and compile them: versions (``kz@2007-09-01``) are drawn around the same baseline
    votes, the first one's scenario's election (:func:`reformlab.analysis.risk.baseline.baseline`), or each
    around its own scenario's with ``own_elections``; :class:`~reformlab.analysis.Evaluation` are taken as
    they are."""
    from reformlab.analysis.evaluation import Evaluation
    from reformlab.analysis.risk.baseline import baseline
    from reformlab.analysis.risk.template import compile_version

    if isinstance(targets, (str, Evaluation)):
        targets = [targets]
    if not targets:
        raise ReformlabError(
            "name at least one constitution version", field="TARGETS", fix="e.g. kz@2007-09-01"
        )
    named = [t for t in targets if not isinstance(t, Evaluation)]
    found = iter(baseline(named, own=own_elections).evaluations) if named else iter(())
    evaluations = [t if isinstance(t, Evaluation) else next(found) for t in targets]
    return tuple(compile_version(e, tuple(camp)) for e in evaluations)


def check_draws(draws) -> int:
    """``draws`` if it is a whole number above 0, else a :class:`ReformlabError`."""
    if isinstance(draws, bool) or not isinstance(draws, int) or draws <= 0:
        raise ReformlabError(
            f"the number of draws must be a whole number above 0, got {draws!r}",
            field="--draws",
            fix="e.g. --draws 100000",
        )
    return draws


def _params(params: RiskParams | None, values: dict) -> RiskParams:
    base = params if params is not None else RiskParams()
    return base.replace(**values) if values else base.validate()


def simulate(
    targets,
    *,
    draws: int = 100_000,
    seed: int | None = None,
    rng=None,
    params: RiskParams | None = None,
    chunk: int = 65536,
    scheduler: str = "serial",
    address: str | None = None,
    workers: int = 2,
    processes: bool = True,
    progress=None,
    models=None,
    **values,
) -> RiskResult:
    """Monte Carlo of the camp's control for each version, on common random numbers.

    Args:
        targets: versions (``["kz@2004-10-01", "kz@2007-09-01"]``) or evaluations; each filled by the
            built-in scenario that fits it. The first is the reference of the paired comparisons.
        draws: number of draws (> 0). seed / rng: one of them (an int seed makes the run reproducible).
        params: a :class:`RiskParams`; ``values`` set single parameters (``concentration=50``).
        chunk: draws per chunk (rounded up to whole blocks of 4,096); results do not depend on it.
        scheduler: ``serial`` or ``dask`` (a LocalCluster of ``workers``, or the scheduler at ``address``).
        progress: called with the number of draws each finished chunk added.
        models: already compiled versions (skips compiling ``targets``).

    Raises:
        ReformlabError: bad draws, parameters, seed, scheduler or an unreachable Dask scheduler.
    """
    draws = check_draws(draws)
    seed = check_seed(seed, rng)
    params = _params(params, values)
    if scheduler not in SCHEDULERS:
        raise unknown_name("scheduler", scheduler, SCHEDULERS, field="--scheduler")
    if scheduler == "dask" and address:
        check_address(address)
    models = models if models is not None else compile_versions(targets, params.camp)
    if scheduler == "dask":
        counts = run_dask(
            models,
            params,
            seed,
            draws,
            chunk,
            address=address,
            workers=workers,
            processes=processes,
            progress=progress,
        )
    else:
        counts = run_serial(models, params, seed, draws, chunk, progress=progress)
    return RiskResult(tuple(models), params, seed, draws, counts)


def sweep(targets, parameter: str, values, *, params: RiskParams | None = None, **options) -> SweepResult:
    """:func:`simulate` once per value of ``parameter``, all on the same seed (the curves share their noise).

    Raises:
        ReformlabError: an unknown parameter, no values, or a value out of range.
    """
    if parameter not in PARAMETERS:
        raise unknown_name("risk parameter", parameter, PARAMETERS, field="--sweep")
    values = tuple(PARAMETERS[parameter].check(v) for v in values)
    if not values:
        raise ReformlabError("a sweep needs at least one point", field="--sweep")
    base = params if params is not None else RiskParams()
    seed = check_seed(options.pop("seed", None), options.pop("rng", None))
    models = options.pop("models", None) or compile_versions(targets, base.camp)
    results = tuple(
        simulate(targets, params=base.replace(**{parameter: v}), seed=seed, models=models, **options)
        for v in values
    )
    return SweepResult(parameter, values, results)


def sensitivity(
    targets,
    *,
    points: int = 5,
    draws: int = 20_000,
    seed: int | None = None,
    rng=None,
    params: RiskParams | None = None,
    **options,
):
    """Sweep every parameter over its documented range (``points`` evenly spaced values, others at their
    defaults) and stack the frames: columns ``parameter``, ``value`` and those of :meth:`RiskResult.frame`."""
    import pandas as pd

    seed = check_seed(seed, rng)
    base = params if params is not None else RiskParams()
    models = compile_versions(targets, base.camp)
    frames = []
    for name, parameter in PARAMETERS.items():
        if name == "swing_sd" and base.model != "swing":
            continue  # no effect under the Dirichlet model
        values = [
            parameter.low + (parameter.high - parameter.low) * i / max(points - 1, 1) for i in range(points)
        ]
        values = [v for v in values if not (parameter.kind == "positive" and v <= 0) and math.isfinite(v)]
        result = sweep(targets, name, values, params=base, draws=draws, seed=seed, models=models, **options)
        frames.append(result.frame())
    return pd.concat(frames, ignore_index=True)


SECTION_VALUES = (20.0, 50.0, 100.0, 200.0, 400.0)


def risk_section(
    targets=("kz@2004-10-01", "kz@2007-09-01"),
    *,
    values=SECTION_VALUES,
    draws: int = 20_000,
    seed: int = 7,
    procedures=None,
) -> dict:
    """The report's risk section as plain data: :func:`risk_section_data` of a sweep of the main parameter
    (:data:`MAIN_PARAMETER`) over ``values``, ``draws`` draws each on the same seed, every version drawn around
    the same baseline votes (``baseline``: which; well under 1 s per 20,000 draws for the two Kazakh versions)."""
    from reformlab.analysis.risk.baseline import baseline
    from reformlab.analysis.risk.template import compile_version

    base = baseline(list(targets))
    models = tuple(compile_version(e) for e in base.evaluations)
    result = sweep(list(targets), MAIN_PARAMETER, values, draws=draws, seed=seed, models=models)
    return {**risk_section_data(result, procedures), "draws": draws, "seed": seed, "targets": list(targets),
            "baseline": base.to_dict()}
