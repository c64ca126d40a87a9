"""What a decomposition starts from: the base version, the package of amendments and the one scenario that
fills every subset of it."""

from __future__ import annotations

from reformlab.engine.scenario import Scenario, default_scenario, scenario_named
from reformlab.errors import ReformlabError
from reformlab.model.amendments import package_between
from reformlab.model.constitution import Constitution
from reformlab.model.reform import Reform
from reformlab.model.targets import parse_target


def decomposition_inputs(
    base: str, reform: str, scenario: str | Scenario | None = None, alignments: dict[str, str] | None = None,
    *, election: str | None = None,
) -> tuple[Constitution, Reform, Scenario | None, str, str]:
    """``(base version, package, scenario, base name, where the package came from)``.

    ``reform`` is a reform file (its amendments, or each change as one) or a later version of the base's tree
    (the shipped package that produces it, else the differences grouped by institution and article). The
    scenario is the one given, else the built-in one for the base's date: the seats stay those of the base's
    parliament while the rules change. With ``election`` there is no scenario (``None``): every subset is filled
    from that election's votes under its own rules (:func:`~reformlab.analysis.decompose.decompose`).
    """
    if election is not None and scenario is not None:
        raise ReformlabError("give --scenario or --election, not both", field="--election",
                             fix="--election fills every subset from that election's votes under its own rules")
    base_target = parse_target(base)
    before = base_target.resolve()
    other = parse_target(reform)
    if other.reform is not None:
        package, source = other.reform, f"the amendments of {other.reform.file or reform}"
        amended = other.document.raw.get("id")
        if amended != before.id:
            raise ReformlabError(
                f"the reform amends {amended!r}, not {before.id!r}", file=other.reform.file,
                field="base", fix="give as BASE a version of the constitution the reform amends",
            )
    else:
        after = other.resolve()
        if after.id != before.id:
            raise ReformlabError(f"{reform!r} is a version of {after.id!r}, not of {before.id!r}", field="reform",
                                 fix="give a later version of the same constitution, or a reform file")
        package, shipped = package_between(before, after)
        source = (f"the shipped package {package.reform!r} ({package.label})" if shipped else
                  f"the differences from {before.as_of} to {after.as_of}, grouped by institution and article")
    if election is not None:
        from reformlab.analysis.elections import resolve_election

        resolve_election(election)  # an unknown election is named before any subset is filled
        return before, package, None, base, source
    if isinstance(scenario, str):
        scenario = scenario_named(scenario)
    elif scenario is None:
        scenario = default_scenario(before.id, before.as_of)
    if scenario is not None and alignments:
        scenario = scenario.with_alignments(alignments)
    return before, package, scenario, base, source
