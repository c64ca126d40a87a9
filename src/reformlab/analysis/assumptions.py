"""Assumptions as a space: every assumption a scenario makes, its alternatives, and the trees under each
combination, got by re-mapping seat principals on trees filled once.

A scenario assumes whom each party answers to (``Otan -> president``), who controls the bodies whose
membership is not known (``maslikhats -> president``), and, without saying so, more: that independents
answer each to themselves, that a body the constitution has one actor appoint (the APK, appointed by the
President) follows that actor, and that every deputy votes with the party. Each is a :class:`Choice` with
its options, the scenario's own first with its grounds and confidence, the others with theirs or ``no
source``:

* an aligned party: its principal, or itself;
* a party holding seats that the scenario does not align: itself, or the camp (``president``);
* a controlled body: its controller, or the body itself (its members answer to nobody of the camp);
* the independents of a chamber (one choice for all of them): each their own principal, or the camp;
* a body whose controller is read from the constitution (its members appointed by one actor, their number
  not known) and whose choices fill seats elsewhere: that actor, or the body itself;
* defection in a chamber: one deputy of the camp's largest party votes with the party, or breaks ranks
  (answers to itself); the grounds are the seat group's mandate (an imperative mandate costs the defector
  the seat).

A scenario's named ``choices`` with ``about: SUBJECT`` give their reason, source and confidence to the
choice about that subject.

The bodies are filled **once**, under the neutral scenario in which every party is its own principal and
every controlled body its own controller (its id is the token), one seat of each defection split off as its
own token; :mod:`reformlab.analysis.remap` then reads every combination off that one filling.
"""

from __future__ import annotations

from dataclasses import dataclass

from reformlab.engine.filling import Filling
from reformlab.engine.scenario import Assumption, Scenario
from reformlab.errors import ReformlabError, unknown_name

CAMP = "president"
OWN = "(its own principal)"  #: the option "each token answers to itself"
WITH = "(with its party)"  #: the option "the token answers to whom its party answers"
WEIGHTS = {"high": 0.9, "medium": 0.7, "low": 0.5, "unknown": 0.5, None: 0.5}


@dataclass(frozen=True)
class Option:
    """One reading of an assumption: the principal the subject answers to (or :data:`OWN`, :data:`WITH`),
    its grounds and confidence, and how it reads in a sentence (``says``)."""

    principal: str
    grounds: str
    confidence: str | None
    says: str = ""

    @property
    def words(self) -> str:
        return self.says or self.principal


@dataclass(frozen=True)
class Choice:
    """One assumption: ``subject`` (a party, a body, ``independents in B``, ``defection in B``) and its
    options, the scenario's first; ``tokens``: the seat principals it maps (default: the subject itself);
    ``party``: for a defection, the party the split-off seat belongs to, and ``seat`` its ``(body, group)``."""

    subject: str
    what: str  # "answers to", "controlled by", "answer to", "one deputy of the largest camp party"
    options: tuple[Option, ...]
    tokens: tuple[str, ...] = ()
    kind: str = "alignment"  # alignment / controller / independents / defection
    party: str | None = None
    seat: tuple[str, str] | None = None

    @property
    def name(self) -> str:
        return f"{self.subject} {self.what}"

    @property
    def members(self) -> tuple[str, ...]:
        return self.tokens or (self.subject,)

    def weight(self, index: int) -> float:
        """The confidence weight of option ``index``: the scenario's option weighs its confidence, the
        others share the rest."""
        first = WEIGHTS.get(self.options[0].confidence, 0.5)
        return first if index == 0 else (1 - first) / (len(self.options) - 1)

    def to_dict(self) -> dict:
        return {"assumption": self.name, "kind": self.kind, "seats_of": list(self.members),
                "options": [{"principal": o.principal, "says": o.words, "grounds": o.grounds,
                             "confidence": o.confidence} for o in self.options]}


def _grounds(assumption: Assumption, sources: dict) -> str:
    cited = ", ".join(sources.get(key, key) for key in assumption.sources)
    return "; ".join(part for part in (assumption.note, cited) if part) or "no source"


def _named(scenario: Scenario, subject: str):
    """The scenario's named choice ``about`` ``subject``, if it has one."""
    return next((c for c in scenario.choices.values() if getattr(c, "about", None) == subject), None)


def _choice_grounds(choice, scenario: Scenario) -> str:
    cited = ", ".join(scenario.sources.get(k, k) for k in ((choice.source,) if isinstance(choice.source, str)
                                                          else tuple(choice.source)) if k)
    return "; ".join(p for p in (choice.choice, choice.reason, cited) if p)


def inferred_controllers(filling: Filling, scenario: Scenario) -> dict[str, str]:
    """Bodies whose controller the filling reads from the constitution (membership not known, one actor
    appointing it), not from the scenario, and whose choices fill seats elsewhere: ``{body: controller}``."""
    feeding = {part for body in filling.bodies.values() for b in body.blocks for part in b.selector.split("+")}
    return {body.id: body.controlled_by for body in filling.bodies.values()
            if body.controlled_by is not None and body.unknown and body.id not in scenario.controllers
            and body.id in feeding}


def choices(scenario: Scenario, filling: Filling, camp: str = CAMP, base: Filling | None = None) -> tuple[Choice, ...]:
    """Every assumption of ``scenario`` as a :class:`Choice` (``filling``: the neutral filling, for the
    parties that hold seats; ``base``: the scenario's own filling, for the controllers read from the
    constitution)."""
    found = []
    for party, assumption in scenario.alignments.items():
        found.append(Choice(party, "answers to", (
            Option(assumption.principal, _grounds(assumption, scenario.sources), assumption.confidence),
            Option(party, "no source (its own principal)", None))))
    elected = dict.fromkeys(b.party for body in filling.bodies.values() for b in body.blocks
                            if b.party is not None and b.party == b.principal)
    for party in elected:
        if party not in scenario.alignments and _is_party(scenario, party):
            found.append(Choice(party, "answers to", (
                Option(party, "the scenario aligns it with no one", None),
                Option(camp, "no source", None))))
    for body, assumption in scenario.controllers.items():
        named = _named(scenario, body)
        grounds = _grounds(assumption, scenario.sources) + (f"; {named.reason}" if named else "")
        found.append(Choice(body, "controlled by", (
            Option(assumption.principal, grounds, assumption.confidence),
            Option(body, "no source (its members answer to nobody named)", None)), kind="controller"))
    found += _independents(scenario, filling, camp)
    for body, controller in (inferred_controllers(base, scenario) if base is not None else {}).items():
        named = _named(scenario, body)
        grounds = (_choice_grounds(named, scenario) if named else
                   f"read from the constitution: {controller} appoints its members (their number is not known)")
        other = (named.alternatives[0] if named and named.alternatives else "no source")
        found.append(Choice(body, "controlled by", (
            Option(controller, grounds, named.confidence if named else "unknown"),
            Option(body, f"no source ({other})" if other != "no source" else "no source (its members answer to "
                   "nobody named)", None)), kind="controller"))
    found += _defections(scenario, filling, camp)
    _check_about(scenario, filling)
    return tuple(found)


def _check_about(scenario: Scenario, filling: Filling) -> None:
    """A named choice ``about`` nothing an assumption could be about (a party of the scenario, a body, the
    independents) would give its grounds to nothing, silently."""
    from reformlab.model import load_builtin

    bodies = set(filling.constitution.bodies)
    try:  # a body of another version of the constitution (the APK before 2007) is no typo
        bodies |= set((load_builtin(filling.constitution.id).raw or {}).get("bodies") or {})
    except ReformlabError:
        pass
    subjects = scenario_subjects(scenario) | bodies | {"independents"}
    for name, choice in scenario.choices.items():
        about = getattr(choice, "about", None)
        if about is not None and about not in subjects:
            raise unknown_name("assumption", about, sorted(subjects), field=f"scenarios.{scenario.id}.choices.{name}.about",
                               fix="name the party, body or 'independents' the choice gives grounds for")


def _independents(scenario: Scenario, filling: Filling, camp: str) -> list[Choice]:
    found = []
    for body in filling.bodies.values():
        tokens = tuple(b.principal for b in body.blocks if b.party and b.party.startswith("Independent ")
                       and b.principal == b.party)
        if not tokens:
            continue
        named = _named(scenario, "independents")
        own = _choice_grounds(named, scenario) if named else "no source (the scenario counts each as its own principal)"
        other = "; ".join(named.alternatives) if named and named.alternatives else ""
        found.append(Choice(f"independents in {body.id}", "answer to", (
            Option(OWN, own, named.confidence if named else None, f"each their own principal ({len(tokens)} seats)"),
            Option(camp, "no source" + (f" (alternatives named: {other})" if other else ""), None,
                   f"{camp}, all {len(tokens)}")), tokens=tokens, kind="independents"))
    return found


def _mandate_grounds(constitution, body: str, group: str) -> str:
    group_ = next((g for b, g in constitution.iter_seat_groups() if b == body and g.id == group), None)
    mandate = getattr(group_, "mandate", None)
    ref = constitution.ref(f"bodies.{body}.seat_groups")
    where = f"{body}.{group}"
    if mandate == "imperative":
        return (f"{where} deputies hold an imperative mandate: leaving the party loses the seat"
                + (f" ({', '.join(ref.sources)})" if ref is not None and getattr(ref, "sources", None) else ""))
    if mandate == "free":
        return f"no source: the mandate of {where} is free, so a defector keeps the seat"
    return f"no source: the mandate of {where} is not known"


def _defections(scenario: Scenario, filling: Filling, camp: str) -> list[Choice]:
    """Per chamber with popular seats, one deputy of the camp's largest party."""
    aligned = {p for p, a in scenario.alignments.items() if a.principal == camp}
    found = []
    for body in filling.bodies.values():
        blocks = [b for b in body.blocks if b.filled_by == "popular" and b.party in aligned and b.seats >= 2]
        if not blocks:
            continue
        block = max(blocks, key=lambda b: b.seats)
        token = f"one {block.party} deputy of {body.id}.{block.group}"
        found.append(Choice(f"defection in {body.id}", "(one deputy of the camp's largest party)", (
            Option(WITH, _mandate_grounds(filling.constitution, body.id, block.group), None,
                   "votes with the party"),
            Option(OWN, "no source", None, f"breaks ranks ({token})")),
            tokens=(token,), kind="defection", party=block.party, seat=(body.id, block.group)))
    return found


def _is_party(scenario: Scenario, name: str) -> bool:
    """Whether ``name`` is a list or district party of the scenario's elections (not an independent)."""
    from reformlab.data.election_results import election_inputs

    for spec in scenario.seats.values():
        if spec.election is not None:
            inputs = election_inputs(spec.election)
            if name in inputs.votes or name in inputs.district_seats:
                return True
        for given in (spec.votes, spec.seats, spec.district_seats):
            if given and name in given:
                return True
    return False


def scenario_subjects(scenario: Scenario | None) -> set[str]:
    """What an ``--align`` may name under ``scenario``: its aligned parties, controlled bodies and the
    parties of its results."""
    if scenario is None:
        return set()
    from reformlab.data.election_results import election_inputs

    found = set(scenario.alignments) | set(scenario.controllers)
    for spec in scenario.seats.values():
        if spec.election is not None:
            inputs = election_inputs(spec.election)
            found |= set(inputs.votes) | set(inputs.district_seats)
        for given in (spec.votes, spec.seats, spec.district_seats):
            found |= set(given or ())
    return found


def overrides_per_side(sides: dict, overrides: dict[str, str] | None) -> dict[str, dict[str, str]]:
    """``--align`` overrides split by side (each side, a scenario or an evaluation, takes those about its own
    subjects: its parties and controlled bodies, and for an evaluation every subject of its assumption space).

    Raises:
        ReformlabError: an override about a subject of no side.
    """
    overrides = dict(overrides or {})
    subjects = {label: subjects_of(side) for label, side in sides.items()}
    found = {label: {k: p for k, p in overrides.items() if k in subjects[label]} for label in sides}
    unused = set(overrides) - {k for part in found.values() for k in part}
    if unused:
        name = sorted(unused)[0]
        known = set().union(*subjects.values())
        raise unknown_name("party", name, sorted(known), field="--align",
                           fix="name a party, the independents of a chamber or a controlled body of either side")
    return found


def subjects_of(side) -> set[str]:
    """What an ``--align`` may name for ``side`` (a scenario, or an evaluation: its whole assumption space
    but defections)."""
    scenario = getattr(side, "scenario", side)
    found = scenario_subjects(scenario)
    filling = getattr(side, "filling", None)
    if filling is not None and scenario is not None:
        found |= {c.subject for c in choices(scenario, filling, base=filling) if c.kind != "defection"}
    return found


def neutral(scenario: Scenario, inferred=()) -> Scenario:
    """``scenario`` with every party its own principal and every controlled body (and every body of
    ``inferred``, whose controller is read from the constitution) its own controller."""
    controllers = {body: a.model_copy(update={"principal": body}) for body, a in scenario.controllers.items()}
    controllers |= {body: Assumption(principal=body, confidence="unknown") for body in inferred}
    return scenario.model_copy(update={"alignments": {}, "controllers": controllers})


def check_overrides(space: tuple[Choice, ...], overrides: dict[str, str], principals: set[str]) -> None:
    """Raise when an ``--align`` override names no assumption's subject or no known principal."""
    subjects = {c.subject: c for c in space}
    for subject, principal in overrides.items():
        if subject not in subjects:
            raise unknown_name("party", subject, sorted(s for s, c in subjects.items() if c.kind != "defection"),
                               field="--align", fix="name a party, the independents of a chamber, or a "
                               "controlled body the scenario makes an assumption about")
        if subjects[subject].kind == "defection":
            raise ReformlabError(f"{subject!r} is not an alignment: a defection splits a seat off its party",
                                 field="--align", fix="vary defections with --robust")
        if principal not in principals | {subject, OWN}:
            raise unknown_name("principal", principal, sorted(principals), field="--align",
                               fix="name a party, a body or an actor of the constitution")


def apply_overrides(scenario: Scenario, filling: Filling, overrides: dict[str, str]) -> Scenario:
    """``scenario`` with ``--align SUBJECT=PRINCIPAL`` overrides applied: a party's alignment, the
    independents of a chamber (``independents in majilis=president``), or a body's controller
    (``maslikhats=maslikhats``: controlled by nobody of the camp).

    Raises:
        ReformlabError: a subject no assumption is about (or a defection), or a principal nobody is.
    """
    space = choices(scenario, filling, base=filling)
    constitution = filling.constitution
    principals = ({b.principal for body in filling.bodies.values() for b in body.blocks}
                  | {b.party for body in filling.bodies.values() for b in body.blocks if b.party}
                  | set(constitution.actor_ids()) | {o.principal for c in space for o in c.options} - {OWN, WITH})
    check_overrides(space, overrides, principals)
    kinds = {c.subject: c for c in space}
    controlled = {body: p for body, p in overrides.items() if kinds[body].kind == "controller"}
    parties = {}
    for subject, principal in overrides.items():
        choice = kinds[subject]
        if choice.kind == "independents":
            own = principal in (subject, OWN)
            parties |= {token: token if own else principal for token in choice.tokens}
        elif choice.kind == "alignment":
            parties[subject] = principal
    updated = scenario.with_alignments(parties)
    if controlled:
        controllers = dict(updated.controllers)
        for body, principal in controlled.items():
            controllers[body] = Assumption(principal=principal, confidence="unknown", note="set by the user")
        updated = updated.model_copy(update={"controllers": controllers})
    return updated


__all__ = ["CAMP", "OWN", "WITH", "Choice", "Option", "check_overrides", "choices", "inferred_controllers",
           "neutral"]
