"""Which votes each version is drawn around: the same baseline for every version (the default, so that the
difference between versions is the rules'), or each version's own scenario (the rules and the election
together, the comparison made before issue 10).

* ``scenario`` given: every version is filled by that scenario (its ``votes:``, declared seats or built-in
  election), so the baseline is the same by construction;
* ``own``: each version by the built-in scenario that fits it;
* otherwise the votes of ``election``, or when none is named the list election of the first version's
  scenario, under each version's own rules (:func:`reformlab.analysis.evaluation.evaluate` with
  ``election=``); a single version keeps its own scenario, and so does every version when the first one's
  scenario names no built-in election (declared seats): then labelled "rules and election together", with why.
"""

from __future__ import annotations

from dataclasses import dataclass

from reformlab.errors import ReformlabError


@dataclass(frozen=True)
class Baseline:
    """The evaluations to draw around and what they hold fixed.

    Attributes:
        evaluations: one per version, in order.
        votes: the votes drawn around, in words (``scenario kz-majilis-2004 (election KZ-MAJ-2004)``).
        same: whether every version has the same baseline votes (the difference is then the rules').
    """

    evaluations: tuple
    votes: str
    same: bool
    why: str = ""  # why the votes are not held fixed when they could not be

    @property
    def sentence(self) -> str:
        if len(self.evaluations) == 1:
            return f"drawn around {self.votes}"
        if self.same:
            return f"every version drawn around the same baseline votes, {self.votes}: the difference is the rules'"
        return (f"rules and election together: each version drawn around its own scenario's votes ({self.votes}); "
                "the difference mixes the rules and the election" + (f" ({self.why})" if self.why else
                                                                     " (drop --own-elections to hold the votes fixed)"))

    def to_dict(self) -> dict:
        return {"votes": self.votes, "same_votes": self.same,
                "comparison": "rules alone" if self.same else "rules and election together", "why": self.why or None}


def _own(evaluation) -> str:
    return evaluation.election or (evaluation.scenario.id if evaluation.scenario else "no scenario")


def baseline(targets, *, scenario: str | None = None, election: str | None = None, own: bool = False,
             alignments: dict[str, str] | None = None) -> Baseline:
    """The :class:`Baseline` of ``targets`` (see the module docstring).

    Raises:
        ReformlabError: contradictory options, a version no scenario fills, an election that cannot fill a
            version's bodies (with the reason and the fix).
    """
    from reformlab.analysis.elections import _list_election
    from reformlab.analysis.evaluation import evaluate

    if sum(bool(x) for x in (scenario, election, own)) > 1:
        raise ReformlabError("give one of --scenario, --election and --own-elections", field="--election",
                             fix="--scenario and --election hold the votes fixed; --own-elections lets each version "
                             "keep its own")
    targets = list(targets)
    if scenario:
        evaluations = tuple(evaluate(t, scenario, alignments=alignments) for t in targets)
        return Baseline(evaluations, f"scenario {evaluations[0].scenario.id}", True)
    plain = tuple(evaluate(t, alignments=alignments) for t in targets)
    for target, evaluation in zip(targets, plain):
        if evaluation.scenario is None:
            raise ReformlabError(
                f"no built-in scenario describes the bodies of {target} (version of {evaluation.constitution.version})",
                field="target", fix="choose a date a scenario covers ('reformlab list' shows them), or give --scenario")
    name = election or _list_election(plain[0].scenario)
    why = "" if own or name is not None else (f"the scenario of {targets[0]} ({plain[0].scenario.id}) names no "
                                              "built-in election to hold fixed; name one with --election")
    if own or why or (len(targets) == 1 and not election):
        votes = "; ".join(f"{ev.target}: {_own(ev)}" for ev in plain) if len(plain) > 1 else _own(plain[0])
        return Baseline(plain, votes, len(plain) == 1, why)
    if not election:
        name = plain[0].scenario.id  # the scenario's own alignments go with its votes
    evaluations = []
    for target in targets:
        try:
            evaluations.append(evaluate(target, election=name, alignments=alignments))
        except ReformlabError as error:
            raise ReformlabError(
                f"{error.problem}; the baseline votes must fill every version", field="--election",
                fix="name another election with --election, or compare rules and election together with "
                "--own-elections") from None
    return Baseline(tuple(evaluations), evaluations[0].election, True)
