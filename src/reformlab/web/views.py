"""The comparison's further views: rules or election, robustness over every reading, which amendment did what.

Each mirrors a CLI command's JSON and reads the same analysis: the rules/election split of ``reformlab
compare`` (:func:`reformlab.analysis.effects.change_split`), ``reformlab compare --robust``
(:func:`reformlab.analysis.robust.robust_control`) and ``reformlab decompose``
(:func:`reformlab.analysis.decompose.decompose`, drawn as the report's waterfalls). They take seconds, not
milliseconds, so the pages ask for them when a reader opens them, and the answers are cached by the sides'
hashes like every other.
"""

from __future__ import annotations

import dataclasses

from reformlab.errors import ReformlabError
from reformlab.web.inputs import Version, constitution_of, reform_of


def _builtin(version: Version) -> bool:
    return version.reform is None and version.reform_yaml is None and version.example is None


def split(service, before: Version, after: Version, camp: str) -> dict:
    """Each decision's change in the camp's control and margin, split into the rules' share and the
    election's (the 2x2 grid of both versions under both sides' elections); ``unavailable`` says why not."""
    if not (_builtin(before) and _builtin(after)):
        return {"unavailable": "the split needs two built-in versions, each filled by its own election; a reform "
                               "keeps the seats of its base's election, so all of its change is the rules'"}
    found = service_split(service, before, after, camp)
    if found is None:
        return {"unavailable": "both sides are filled by the same election (or one has none), so all of the "
                               "change is the rules'"}
    return found


def service_split(service, before: Version, after: Version, camp: str) -> dict | None:
    from reformlab.analysis.effects import change_split

    return change_split(service.evaluation(before), service.evaluation(after), actor=camp)


def robust(service, before: Version, after: Version, camp: str, samples: int, seed: int) -> dict:
    """The camp's role in every decision of both sides over every combination of the scenarios' assumptions:
    the share of readings that keep the default role and a smallest set of assumptions that flips it."""
    from reformlab.analysis.robust import robust_control, side

    sides = []
    for name, version in (("before", before), ("after", after)):
        constitution, _ = constitution_of(version)
        found = side(constitution, service.scenario(version.scenario, constitution))
        label = f"{name} ({constitution.id}@{constitution.as_of})"
        sides.append(dataclasses.replace(found, evaluation=dataclasses.replace(found.evaluation, target=label)))
    results = robust_control(sides, actor=camp, samples=samples, seed=seed)
    return {"camp": camp, "samples": samples, "seed": seed,
            "readings": results[0].total if results else 0, "exact": all(r.exact for r in results),
            "note": "Every assumption of both scenarios is varied, the editor's alignments included",
            "results": [r.to_dict() for r in results], "claims": robust_claims(service, STUDY, samples, seed)}


#: The study whose claims the pages check (``reformlab claims --claims``).
STUDY = "isaacs2008"


def robust_claims(service, name: str, samples: int, seed: int) -> dict:
    """``reformlab claims --robust``: each claim's verdict over every reading of the assumptions of the
    study's own two versions (the same whatever the sides compared, so cached once)."""
    from reformlab.analysis import robust

    def compute():
        from reformlab.analysis.claims import load_claims

        study = load_claims(name)["compare"]
        return {"claims": name, "before": study["before"], "after": study["after"],
                "results": [r.to_dict() for r in robust.robust_claims(name, samples=samples, seed=seed)]}

    return service.cached("robust_claims", {"claims": name, "samples": samples, "seed": seed}, compute)


def attribution(service, before: Version, after: Version, camp: str) -> dict:
    """The after side's amendments, each with its exact (Shapley) share of every decision's change in the
    camp's control and Banzhaf power, as the report's waterfalls (SVG)."""
    from reformlab.analysis.decompose import decompose
    from reformlab.analysis.decompose_inputs import decomposition_inputs
    from reformlab.model.diff import diff
    from reformlab.report.attribution import attribution_section

    if not _builtin(before) and _builtin(after):
        return {"unavailable": "the attribution splits the after side's reform into its amendments (or the "
                               "changes between two dates); here the reform is on the before side"}
    reform = reform_of(after)
    if reform is None:
        if not diff(constitution_of(before)[0], constitution_of(after)[0]):
            return {"unavailable": "the two versions have the same rules: there is nothing to attribute"}
        base, package, scenario, base_name, source = decomposition_inputs(
            _target(before), _target(after), before.scenario and service.scenario(before.scenario, None),
            dict(before.alignments))
    else:
        base, _ = constitution_of(Version(target=f"{reform.base}@{reform.date}"))
        package, base_name, source = reform, f"{base.id}@{base.as_of}", f"the changes of reform {reform.reform!r}"
        scenario = service.scenario(after.scenario, base)
        if scenario is not None and after.alignments:
            scenario = scenario.with_alignments(dict(after.alignments))
    if not package.changes and not package.amendments:
        return {"unavailable": "the two sides do not differ: there is nothing to attribute"}
    result = decompose(base, package, scenario, camp=camp, measures=("control", "banzhaf"), base_name=base_name)
    section = attribution_section(result, source)
    return {"camp": camp, "package": section.package, "source": section.source, "scenario": section.scenario,
            "amendments": section.amendments, "evaluations": section.evaluations,
            "naive_evaluations": section.naive_evaluations,
            "waterfalls": [{"decision": w.decision, "measure": w.measure, "before": str(w.before),
                            "after": str(w.after), "sentence": w.sentence, "svg": w.svg(),
                            "steps": [{"amendment": s.label, "articles": s.article, "share": str(s.value)}
                                      for s in w.steps]} for w in section.waterfalls],
            "offsets": [{"decision": o.decision, "lowered": o.lowered, "restored_by": o.restored_by,
                         "net": str(o.net), "restored": o.restored} for o in section.offsets],
            "cannot_tell": [{"decision": d, "reason": r} for d, r in section.cannot_tell]}


def _target(version: Version) -> str:
    """A built-in side as the canonical ``id@date`` (checked first: never a path a client could name)."""
    constitution, _ = constitution_of(version)
    if constitution is None:  # pragma: no cover - constitution_of raises instead
        raise ReformlabError("no version", field="target")
    return f"{constitution.id}@{constitution.as_of}"
