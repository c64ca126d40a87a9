"""The risk model: parameters as data, seeds independent of chunking, the hand-checkable limits, Dask."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reformlab.analysis import evaluate
from reformlab.analysis.risk import (
    PARAMETERS,
    RiskParams,
    parse_sweep,
    risk_section_data,
    simulate,
    sweep,
    wilson,
)
from reformlab.analysis.risk.districts import district_margins
from reformlab.errors import ReformlabError

from .conftest import TARGETS

NOISY = dict(concentration=10.0, defect_district=0.1, controller_flip=0.2)
QUIET = dict(
    concentration=math.inf,
    turnout_sd=0.0,
    district_sd=0.0,
    defect_district=0.0,
    defect_list_free=0.0,
    defect_list_imperative=0.0,
    defect_appointed=0.0,
    controller_flip=0.0,
)


def test_every_parameter_has_a_default_inside_its_range_and_a_reason():
    for parameter in PARAMETERS.values():
        assert parameter.low <= parameter.default <= parameter.high, parameter.name
        assert parameter.why.endswith(".") and len(parameter.why) > 40
        assert parameter.check(parameter.default) == parameter.default
    RiskParams().validate()


@pytest.mark.parametrize(
    "name, value, words",
    [
        ("concentration", 0, "above 0"),
        ("concentration", -5, "above 0"),
        ("defect_district", 1.5, "[0, 1]"),
        ("controller_flip", -0.1, "[0, 1]"),
        ("district_sd", -1, ">= 0"),
        ("concentraton", 5, "concentration"),
    ],
)
def test_bad_parameters_raise_naming_the_parameter(name, value, words):
    with pytest.raises(ReformlabError) as error:
        RiskParams().replace(**{name: value})
    assert words in error.value.message()


def test_sweep_parsing():
    name, points = parse_sweep("concentration=20:400:10")
    assert name == "concentration" and points[0] == 20 and points[-1] == 400 and len(points) == 39
    assert parse_sweep("defect_district=0,0.1") == ("defect_district", (0.0, 0.1))
    for bad in (
        "concentration=400:20:10",
        "concentration=1:5:0",
        "nothing=1:2:1",
        "concentration",
        "concentration=a:b:c",
        "concentration=0:10:5",
    ):
        with pytest.raises(ReformlabError):
            parse_sweep(bad)


def test_seed_and_rng_are_exclusive_and_draws_must_be_positive(models):
    with pytest.raises(ReformlabError, match="seed or rng"):
        simulate(TARGETS, draws=10, seed=1, rng=np.random.default_rng(1), models=models)
    for draws in (0, -3, 2.5):
        with pytest.raises(ReformlabError, match="draws"):
            simulate(TARGETS, draws=draws, seed=1, models=models)


def _summary(result):
    counts = result.counts
    return counts.draws, counts.losses, counts.witnesses, counts.paired, counts.ties


def test_same_seed_same_result_whatever_the_chunk_size(models):
    results = [
        simulate(TARGETS, draws=9000, seed=11, chunk=chunk, models=models, **NOISY)
        for chunk in (1, 4096, 5000, 10**6)
    ]
    first = _summary(results[0])
    assert first[0] == 9000 and any(pair[0] for pair in first[1]["kz@2004-10-01"].values())
    for other in results[1:]:
        assert _summary(other) == first


def test_a_witness_is_recreated_from_its_draw_index(models):
    result = simulate(TARGETS, draws=3000, seed=5, models=models, **NOISY)
    witness = result.counts.witnesses[("kz@2004-10-01", "appoint:prime_minister.prime_minister", "pass")][-1]
    again = simulate(TARGETS, draws=witness["draw"] + 1, seed=5, models=models, **NOISY)
    assert again.counts.witnesses[("kz@2004-10-01", "appoint:prime_minister.prime_minister", "pass")][-1] == witness


LATER = ("kz@2012-02-01", "kz@2016-06-01")


@pytest.fixture(scope="module")
def later_models():
    from reformlab.analysis.risk import compile_versions

    return compile_versions(list(LATER))


def test_the_compiled_games_agree_with_the_control_analysis(models, later_models):
    for model in models + later_models:
        procedures = evaluate(model.target).control.procedures
        for decision in model.decisions:
            if decision.status != "simulated":
                continue
            control = procedures[decision.id]
            if decision.assumption is not None:
                control = dict(control.alternatives)[decision.assumption]
            else:
                control = control.control
            role = control.role("president")
            assert decision.baseline_pass == (role == "passes alone"), decision.key
            assert decision.baseline_block == (role in ("passes alone", "veto")), decision.key


@pytest.mark.parametrize("which", ["kazakh 2004 and 2007", "kazakh 2012 and 2016"])
def test_without_noise_every_draw_is_the_recorded_parliament(models, later_models, which):
    # No vote noise, no district noise, nobody defects: each draw reproduces the scenario, so the camp loses
    # a power in no draw where it holds it and in every draw where it never held it.
    chosen = models if "2004" in which else later_models
    result = simulate(None, draws=5000, seed=3, models=chosen, **QUIET)
    frame = result.frame()
    simulated = frame[frame["status"] == "simulated"]
    assert len(simulated) > 10
    assert (simulated["p_lose_pass"] == 1.0 - simulated["baseline_pass"].astype(float)).all()
    assert (simulated["p_lose_block"] == 1.0 - simulated["baseline_block"].astype(float)).all()


def test_with_huge_noise_the_1998_version_loses_more_often_than_the_2007_one(models):
    # With near-uniform vote shares (concentration 2) the 1998 Majilis (67 districts whose winners may defect,
    # 10 list seats) slips away from the camp more often than the 2007 one (98 list seats behind a 7%
    # threshold that drops most opposition lists, plus 9 APK deputies who follow the president). It held at
    # concentrations 1, 3, 10, 20, 100, 210 and 400 and in the swing model with swing_sd 3 when we tried them,
    # so the direction is asserted; the size of the gap is the parameters', not a finding.
    result = simulate(TARGETS, draws=20000, seed=2, models=models, concentration=2.0)
    differences = {(c["procedure"], c["kind"]): c for c in result.comparisons()}
    for key in ("appoint:prime_minister.prime_minister", "constitutional_amendment"):
        pass_ = differences[(key, "pass")]
        assert pass_["p_a"] > pass_["p_b"] and pass_["low"] > 0


def test_district_model_reproduces_the_recorded_wins():
    for seats, wins in ((67, 48), (10, 0), (10, 10), (5, 3)):
        margins = district_margins(seats, wins, 0.5)
        assert (margins > 0).sum() == wins and np.all(np.diff(margins) > 0)


def test_sweep_frame_and_report_section(models):
    result = sweep(TARGETS, "concentration", [5, 50, 500], draws=3000, seed=1, models=models)
    frame = result.frame()
    assert set(frame["value"]) == {5, 50, 500}
    section = risk_section_data(result, procedures=["appoint:prime_minister.prime_minister"])
    assert section["parameter"] == "concentration" and section["values"] == [5, 50, 500]
    series = {s["version"]: s for s in section["series"]}
    assert len(series["kz@2004-10-01"]["p_lose_pass"]) == 3
    older = series["kz@2004-10-01"]["p_lose_pass"]
    assert older[0] >= older[-1]  # less noise, less risk


def test_dask_local_cluster_gives_the_serial_result(models):
    pytest.importorskip("distributed")
    serial = simulate(TARGETS, draws=6000, seed=9, chunk=4096, models=models, **NOISY)
    spread = simulate(
        TARGETS,
        draws=6000,
        seed=9,
        chunk=4096,
        models=models,
        scheduler="dask",
        workers=2,
        processes=False,
        **NOISY,
    )
    assert _summary(spread) == _summary(serial)


def test_the_docs_list_every_parameter_with_its_default():
    from pathlib import Path

    text = (Path(__file__).parents[3] / "docs" / "risk.md").read_text()
    for parameter in PARAMETERS.values():
        p = parameter
        assert f"| `{p.name}` | {p.default:g} | {p.low:g} – {p.high:g} |" in text


def test_an_existing_dask_cluster_by_address_gives_the_serial_result(models):
    distributed = pytest.importorskip("distributed")
    serial = simulate(TARGETS, draws=5000, seed=4, chunk=4096, models=models, **NOISY)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, protocol="tcp", dashboard_address=None
    ) as cluster:
        spread = simulate(
            TARGETS,
            draws=5000,
            seed=4,
            chunk=4096,
            models=models,
            scheduler="dask",
            address=cluster.scheduler_address,
            **NOISY,
        )
    assert _summary(spread) == _summary(serial)


@given(st.integers(0, 10**6), st.integers(1, 10**6))
def test_wilson_interval_holds_the_estimate(successes, extra):
    trials = successes + extra
    low, high = wilson(successes, trials)
    assert 0 <= low <= successes / trials <= high <= 1


def test_rows_a_minimum_parties_rule_reaches_take_the_exact_path():
    from reformlab.analysis.risk import compile_versions
    from reformlab.analysis.risk.run import list_seats

    (model,) = compile_versions(["kz@2012-02-01"])
    tier = model.lists[0]
    assert tier.system is not None and tier.system.minimum_parties is not None
    rng = np.random.default_rng(0)
    votes = rng.integers(0, 40_000, size=(60, len(tier.parties)))
    votes[:30, 0] = 900_000  # the first list alone passes 7%: the runner-up is admitted by the rule
    ratio = tier.base_ratio
    base = None if ratio is None else votes.sum(axis=1) * ratio.numerator // ratio.denominator
    seats, _ = list_seats(tier, votes, base)
    for row in range(len(votes)):
        figures = {} if base is None else {"ballots_cast": int(base[row])}
        exact = tier.system.allocate(dict(zip(tier.parties, votes[row].tolist())), **figures)
        assert seats[row].tolist() == [exact.seats[p] for p in tier.parties]
    assert (seats[:30] > 0).sum(axis=1).min() >= 2
