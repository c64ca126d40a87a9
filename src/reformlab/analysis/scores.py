"""Presidential-power scores from the encoded rules: Shugart-Carey (1992) items and the CCP executive-power index.

Each item is scored by a documented rule over the resolved constitution (its procedures and seat groups),
with the path and article of the rule that decides it as its witness. An item whose deciding rule is not
encoded, or is ``unknown``, is unknown: it contributes its whole range (0-4, or 0-1) to the total, so a
total is a range ``[low, high]``, never a guess.

Shugart and Carey, *Presidents and Assemblies* (1992), Table 8.2, score each power 0-4:

* legislative: ``package_veto``, ``partial_veto``, ``decree``, ``exclusive_introduction``, ``budget``,
  ``referenda``;
* non-legislative: ``cabinet_formation``, ``cabinet_dismissal``, ``censure``, ``dissolution``.

The Comparative Constitutions Project's executive-power index (Elkins, Ginsburg and Melton) counts seven
powers of the executive, 0 or 1 each: ``initiate_legislation``, ``decrees``, ``initiate_amendments``,
``emergency``, ``veto``, ``challenge_constitutionality``, ``dissolve``.

Items no rule of the data model expresses (partial veto, budget, cabinet dismissal, emergency, challenging
constitutionality) are always unknown here; they are listed, not dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from reformlab.model.grounds import iter_grounds
from reformlab.model.values import UNKNOWN

SHUGART_CAREY = "shugart_carey"
CCP = "ccp"


@dataclass(frozen=True)
class ItemScore:
    """One item of one version: a value (None: unknown), its range, the deciding rule and why."""

    item: str
    scheme: str
    group: str
    value: int | None
    top: int
    witness: str = ""
    article: str = ""
    reason: str = ""

    @property
    def low(self) -> int:
        return 0 if self.value is None else self.value

    @property
    def high(self) -> int:
        return self.top if self.value is None else self.value


@dataclass(frozen=True)
class Item:
    """A registered item: its scheme, group, top value and the rule that scores it."""

    name: str
    scheme: str
    group: str
    top: int
    rule: Callable
    meaning: str


def _article(c, path: str) -> str:
    ref = c.ref(path)
    return "" if ref is None or not ref.article or ref.article == "unknown" else str(ref.article)


def _procedure(c, name: str):
    proc = c.procedures.get(name)
    return None if proc is None else proc


def _steps(proc) -> list:
    return [] if proc is UNKNOWN or proc is None else list(proc.decision)


def _score(item, c, value, path, reason):
    return ItemScore(item.name, item.scheme, item.group, value, item.top, path, _article(c, path) if path else "", reason)


def _unknown(item, c, path, reason):
    return _score(item, c, None, path, reason)


def package_veto(item, c, head):
    """4: the law needs the head's signature (no override); 3: override above 2/3; 2: override by 2/3;
    1: override by an absolute majority (or between 1/2 and 2/3); 0: no veto step."""
    proc = _procedure(c, "ordinary_law")
    path = "procedures.ordinary_law"
    if proc is None or proc is UNKNOWN:
        return _unknown(item, c, path, "the ordinary-law procedure is not known")
    for number, step in enumerate(_steps(proc)):
        where = f"{path}.decision.{number}"
        if step is UNKNOWN:
            return _unknown(item, c, where, "a step of the ordinary-law procedure is not known (the veto may be in it)")
        if step.kind == "readings":  # the wording was not found: only its readings are encoded
            return _unknown(item, c, where, f"{step.missing} (readings: {'; '.join(r.label for r in step.readings)})")
        if step.kind == "sign" and step.by == head:
            return _score(item, c, 4, where, f"the {head} must sign: no override")
        if step.kind == "veto" and step.by == head:
            if step.override is UNKNOWN or any(o.majority is UNKNOWN for o in step.override):
                return _unknown(item, c, where, "the override majority is not known")
            need = max(Fraction(o.majority) for o in step.override)
            value = 3 if need > Fraction(2, 3) else 2 if need == Fraction(2, 3) else 1
            return _score(item, c, value, where, f"veto overridden by {need} of the members")
    return _score(item, c, 0, path, f"no veto by the {head} in the ordinary-law procedure")


def referenda(item, c, head):
    """4: the head alone can put an amendment to a referendum (a route of ``nominate`` + ``referendum``);
    unknown otherwise (other referendum powers are not encoded)."""
    path = "procedures.constitutional_amendment"
    proc = _procedure(c, "constitutional_amendment")
    for number, step in enumerate(_steps(proc)):
        if step is not UNKNOWN and step.kind == "any_of":
            for route in step.alternatives:
                kinds = [(s.kind, getattr(s, "by", None)) for s in route if s is not UNKNOWN]
                if ("nominate", head) in kinds and any(k == "referendum" for k, _ in kinds) and len(route) == 2:
                    return _score(item, c, 4, f"{path}.decision.{number}", f"the {head} alone sends an amendment to a referendum")
    return _unknown(item, c, path, "no route where the head alone calls a referendum is encoded")


def decree(item, c, head):
    """0 when the only decree power encoded is one the assembly delegates (``delegate_legislative_power``);
    unknown otherwise (own decree powers are not encoded)."""
    path = "procedures.delegate_legislative_power"
    proc = _procedure(c, "delegate_legislative_power")
    if proc is not None and proc is not UNKNOWN:
        return _unknown(item, c, path, "a delegated decree power is encoded, but whether the head has own decree powers is not")
    return _unknown(item, c, path, "decree powers are not encoded")


def exclusive_introduction(item, c, head):
    """4 when only the head may propose ordinary laws (the proposal steps name the head alone); 0 when others
    may too; unknown when the right of initiative is not encoded."""
    path = "procedures.ordinary_law.proposal"
    proc = _procedure(c, "ordinary_law")
    if proc is None or proc is UNKNOWN or proc.proposal is UNKNOWN or not proc.proposal:
        return _unknown(item, c, path, "the right of legislative initiative is not encoded")
    proposers = {a for s in proc.proposal if s is not UNKNOWN for a in getattr(s, "by", ()) or ()}
    return _score(item, c, 4 if proposers == {head} else 0, path, f"ordinary laws are proposed by {sorted(proposers)}")


def cabinet_formation(item, c, head):
    """From the Prime Minister's seat group: 4 the head appoints alone; 3 the head appoints with the
    assembly's consent; 1 the assembly appoints on the head's nomination; 0 the assembly appoints on
    another's nomination (Ukraine 2006: the coalition's candidate)."""
    body = c.bodies.get("prime_minister")
    path = "bodies.prime_minister.seat_groups"
    if body is None or body.seat_groups is UNKNOWN or not body.seat_groups:
        return _unknown(item, c, path, "the Prime Minister's appointment is not encoded")
    group = body.seat_groups[0]
    where = f"{path}.0"
    if getattr(group, "by", UNKNOWN) is UNKNOWN:
        return _unknown(item, c, where, "who appoints the Prime Minister is not known")
    consent = getattr(group, "consent", ())
    if group.by == head:
        if consent is UNKNOWN:
            return _unknown(item, c, where, "whether the appointment needs consent is not known")
        return _score(item, c, 3 if consent else 4, where, "the head appoints" + (" with consent" if consent else " alone"))
    nominee = getattr(group, "nominated_by", None)
    if nominee is UNKNOWN:
        return _unknown(item, c, where, "who nominates the Prime Minister is not known")
    return _score(item, c, 1 if nominee == head else 0, where, f"{group.by} appoints on the nomination of {nominee}")


def censure(item, c, head):
    """0 the assembly may censure freely; 2 when the head may dissolve in response (a dissolution condition
    names a vote of no confidence); 4 when no no-confidence procedure exists; unknown when it is not known."""
    path = "procedures.no_confidence"
    proc = _procedure(c, "no_confidence")
    if proc is UNKNOWN:
        return _unknown(item, c, path, "the no-confidence procedure is not known")
    if proc is None:
        return _unknown(item, c, path, "no no-confidence procedure is encoded (absent or not read)")
    dissolution = _procedure(c, "dissolution")
    if dissolution is UNKNOWN or (dissolution is not None and dissolution.grounds is UNKNOWN):
        return _unknown(item, c, "procedures.dissolution", "whether the head may dissolve in response is not known")
    grounds = () if dissolution is None else tuple(iter_grounds(dissolution.grounds))
    if any(_after_censure(ground) for ground in grounds):
        return _score(item, c, 2, "procedures.dissolution", "the head may dissolve after a vote of no confidence")
    head_signs = dissolution is not None and any(s is not UNKNOWN and s.kind == "sign" and getattr(s, "by", None) == head
                                                 for s in dissolution.decision)
    if head_signs and not dissolution.grounds:  # dissolution at the head's discretion: so also in answer to censure
        return _score(item, c, 2, "procedures.dissolution", "the head may dissolve at any time, so also in answer to censure")
    return _score(item, c, 0, path, "the assembly may censure the government")


def _after_censure(ground) -> bool:
    """A ground that is a vote of no confidence having passed (the shared id ``no_confidence``)."""
    return getattr(ground, "decision", None) == "no_confidence" and ground.outcome == "passed"


def dissolution(item, c, head):
    """4: the head dissolves on no ground; 3: on grounds other than censure alone; 1: only after a vote of
    no confidence; unknown when the procedure or its grounds are not known, or the procedure is absent."""
    path = "procedures.dissolution"
    proc = _procedure(c, "dissolution")
    if proc is None or proc is UNKNOWN:
        return _unknown(item, c, path, "the dissolution procedure is not known")
    if not any(s is not UNKNOWN and s.kind == "sign" and s.by == head for s in proc.decision):
        return _score(item, c, 0, path, f"the {head} does not dissolve")
    if proc.grounds is UNKNOWN:
        return _unknown(item, c, path + ".grounds", "the grounds for dissolution are not known")
    if not proc.grounds:
        return _score(item, c, 4, path, "dissolution at the head's discretion")
    grounds = tuple(iter_grounds(proc.grounds))
    only_censure = all(_after_censure(ground) for ground in proc.grounds)  # a list not known in full is not
    return _score(item, c, 1 if only_censure else 3, path, "; ".join(ground.label for ground in grounds))


def not_encoded(what: str):
    def rule(item, c, head):
        return _unknown(item, c, "", f"{what} is not expressed by the data model")
    rule.__doc__ = f"Always unknown: {what} is not expressed by the data model."
    return rule


def _ccp_from(sc_rule, present: Callable[[int], bool]):
    def rule(item, c, head):
        found = sc_rule(item, c, head)
        value = None if found.value is None else int(present(found.value))
        return ItemScore(item.name, item.scheme, item.group, value, 1, found.witness, found.article, found.reason)
    rule.__doc__ = f"1 when {sc_rule.__name__} finds the power (see its rule), 0 when it finds none."
    return rule


def initiate_amendments(item, c, head):
    """1 when a route of ``constitutional_amendment`` starts with the head's nomination or proposal."""
    path = "procedures.constitutional_amendment"
    proc = _procedure(c, "constitutional_amendment")
    if proc is None or proc is UNKNOWN:
        return _unknown(item, c, path, "the amendment procedure is not known")
    steps = list(proc.decision) + ([] if proc.proposal is UNKNOWN else list(proc.proposal))
    routes = [steps] + [list(r) for s in steps if s is not UNKNOWN and s.kind == "any_of" for r in s.alternatives]
    for route in routes:
        for step in route:
            if step is not UNKNOWN and step.kind in ("nominate", "propose") and head in (
                    (step.by,) if isinstance(step.by, str) else tuple(step.by)):
                return _score(item, c, 1, path, f"the {head} may initiate an amendment")
    if proc.proposal is UNKNOWN:
        return _unknown(item, c, path, "who may propose an amendment is not known")
    return _score(item, c, 0, path, f"the {head} does not initiate amendments")


def initiate_legislation(item, c, head):
    """1 when the ordinary-law proposal steps name the head."""
    path = "procedures.ordinary_law.proposal"
    proc = _procedure(c, "ordinary_law")
    if proc is None or proc is UNKNOWN or proc.proposal is UNKNOWN or not proc.proposal:
        return _unknown(item, c, path, "the right of legislative initiative is not encoded")
    proposers = {a for s in proc.proposal if s is not UNKNOWN for a in getattr(s, "by", ()) or ()}
    return _score(item, c, int(head in proposers), path, f"ordinary laws are proposed by {sorted(proposers)}")


def decrees(item, c, head):
    """1 when the assembly may delegate legislative power to the head (decrees with the force of law);
    unknown otherwise."""
    path = "procedures.delegate_legislative_power"
    proc = _procedure(c, "delegate_legislative_power")
    if proc is not None and proc is not UNKNOWN:
        return _score(item, c, 1, path, "laws may be delegated to the head (decrees with the force of law)")
    return _unknown(item, c, path, "decree powers are not encoded")


_ITEMS = (
    Item("package_veto", SHUGART_CAREY, "legislative", 4, package_veto, "veto of a whole bill and its override"),
    Item("partial_veto", SHUGART_CAREY, "legislative", 4, not_encoded("a partial (line-item) veto"), "veto of parts of a bill"),
    Item("decree", SHUGART_CAREY, "legislative", 4, decree, "the head's own decree powers"),
    Item("exclusive_introduction", SHUGART_CAREY, "legislative", 4, exclusive_introduction, "only the head may propose laws in some areas"),
    Item("budget", SHUGART_CAREY, "legislative", 4, not_encoded("the budget procedure"), "who writes and amends the budget"),
    Item("referenda", SHUGART_CAREY, "legislative", 4, referenda, "the head may call a referendum"),
    Item("cabinet_formation", SHUGART_CAREY, "non-legislative", 4, cabinet_formation, "who names the government"),
    Item("cabinet_dismissal", SHUGART_CAREY, "non-legislative", 4, not_encoded("dismissing the government"), "who may dismiss the government"),
    Item("censure", SHUGART_CAREY, "non-legislative", 4, censure, "the assembly's no-confidence vote"),
    Item("dissolution", SHUGART_CAREY, "non-legislative", 4, dissolution, "the head dissolves the assembly"),
    Item("initiate_legislation", CCP, "executive", 1, initiate_legislation, "the executive may propose laws"),
    Item("decrees", CCP, "executive", 1, decrees, "the executive may issue decrees with the force of law"),
    Item("initiate_amendments", CCP, "executive", 1, initiate_amendments, "the executive may propose amendments"),
    Item("emergency", CCP, "executive", 1, not_encoded("declaring a state of emergency"), "the executive declares emergencies"),
    Item("veto", CCP, "executive", 1, _ccp_from(package_veto, lambda v: v > 0), "the executive may veto laws"),
    Item("challenge_constitutionality", CCP, "executive", 1, not_encoded("referring laws to the constitutional court"), "the executive challenges laws in court"),
    Item("dissolve", CCP, "executive", 1, _ccp_from(dissolution, lambda v: v > 0), "the executive may dissolve the legislature"),
)
ITEMS: dict[str, Item] = {item.name: item for item in _ITEMS}


@dataclass(frozen=True)
class Scores:
    """Every item of one version, and the totals as ranges."""

    target: str
    items: tuple[ItemScore, ...]

    def total(self, scheme: str, group: str | None = None) -> tuple[int, int]:
        chosen = [s for s in self.items if s.scheme == scheme and (group is None or s.group == group)]
        return sum(s.low for s in chosen), sum(s.high for s in chosen)

    def to_dict(self) -> dict:
        return {
            "target": self.target,
            "items": [s.__dict__ for s in self.items],
            "totals": {
                "shugart_carey_legislative": list(self.total(SHUGART_CAREY, "legislative")),
                "shugart_carey_non_legislative": list(self.total(SHUGART_CAREY, "non-legislative")),
                "ccp_executive": list(self.total(CCP)),
            },
        }


def scores(constitution, *, head: str = "president", target: str | None = None) -> Scores:
    """Score every registered item for ``constitution`` (a resolved version), ``head`` being the president."""
    from reformlab.errors import unknown_name

    if head not in constitution.bodies and head not in constitution.actors:
        raise unknown_name("head", head, list(constitution.bodies) + list(constitution.actors), field="--head",
                           problem=f"{head!r} is no body or actor of {constitution.id}")
    found = tuple(item.rule(item, constitution, head) for item in ITEMS.values())
    return Scores(target or f"{constitution.id}@{constitution.as_of}", found)
