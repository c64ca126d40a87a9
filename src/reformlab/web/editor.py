"""The reform editor: the editable rules of a version as form fields, and the reform a form builds.

Each field names the path a ``set`` (or ``add``) patch writes, the value in the version edited and the
choices the law's vocabulary allows (allocation methods from the electoral registry, majorities' bases from
the step model). The page turns the fields a user changed into a reform's ``changes``; :func:`reform_yaml`
writes that reform as a file ``reformlab show`` and ``reformlab compare`` load.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

import yaml

from reformlab.electoral import KINDS, METHODS
from reformlab.electoral.kinds import FORMULAS
from reformlab.electoral.threshold import BASES as THRESHOLD_BASES
from reformlab.errors import ReformlabError
from reformlab.model import FILLED_BY, Unknown, iter_steps
from reformlab.model.steps import VOTE_BASES

MAJORITIES = ("1/2", "3/5", "2/3", "3/4", "4/5")
STRICT = ({"value": True, "label": "more than"}, {"value": False, "label": "at least"})
MAX_STATE = 60_000
#: Kinds of system whose ``seats`` is the seat group's (a group's seats edit carries it along).
SEATED_KINDS = [k for k in KINDS if k in ("list", "compensatory")]


def _choices(values) -> list[dict]:
    return [{"value": v, "label": str(v).replace("_", " ")} for v in values]


def _field(path, label, section, kind, value, *, choices=None, op="set", linked=None, group=None,
           when=None) -> dict:
    """One form field; ``when`` ({path, values}): shown, and sent, only while the field at ``path`` holds one
    of ``values`` (a tier's fields while its kind of system is chosen)."""
    return {"path": path, "label": label, "section": section, "kind": kind, "value": value, "op": op,
            "choices": choices, "linked": linked or [], "group": group, "when": when}


def _vote_fields(path: str, vote, label: str, section: str, actors: list[str], group: str) -> list[dict]:
    if isinstance(vote.majority, Unknown):
        return []
    return [
        _field(f"{path}.body", f"{label}: body", section, "select", vote.body, choices=_choices(actors), group=group),
        _field(f"{path}.strict", f"{label}: more than / at least", section, "bool", vote.strict,
               choices=list(STRICT), group=group),
        _field(f"{path}.majority", f"{label}: majority", section, "share", str(vote.majority),
               choices=_choices(MAJORITIES), group=group),
        _field(f"{path}.base", f"{label}: of", section, "select", vote.base, choices=_choices(VOTE_BASES), group=group),
    ]


def _group_templates(constitution, tree: dict) -> dict:
    """A whole seat group for each way of filling it, keeping its id and seats; electors and appointer are
    the first ones this constitution uses elsewhere (an edit starts from the country's own vocabulary)."""
    groups = [g for b in constitution.bodies.values() if not isinstance(b.seat_groups, Unknown) for g in b.seat_groups]
    electors = next((list(g.electors) for g in groups if g.filled_by == "indirect"), list(constitution.bodies)[:1])
    appointer = next((g.by for g in groups if g.filled_by == "appointed" and isinstance(g.by, str)),
                     next(iter(constitution.bodies)))
    keep = {"id": tree["id"], "seats": tree["seats"]}
    return {
        "popular": {**keep, "filled_by": "popular",
                    "system": {"method": "hare", "seats": tree["seats"], "tie_break": "order"}},
        "indirect": {**keep, "filled_by": "indirect", "electors": electors},
        "appointed": {**keep, "filled_by": "appointed", "by": appointer},
        "ex_officio": {**keep, "filled_by": "ex_officio"},
    }


def _kind_of(system: dict) -> str:
    return system.get("kind", "list")


def _list_rule(system: dict) -> tuple[str, dict | None]:
    """The method and threshold a system's list seats use (its first list tier's, for a parallel one)."""
    if _kind_of(system) == "parallel":
        tiers = [t for t in (system.get("tiers") or {}).values() if isinstance(t, dict) and t.get("method")]
        system = tiers[0] if tiers else {}
    method = system.get("method") if system.get("method") in METHODS else "hare"
    threshold = system.get("threshold") if isinstance(system.get("threshold"), dict) else None
    return method, threshold


def system_templates(system: dict, seats: int, constituencies: int = 1) -> dict[str, dict]:
    """A whole system of every kind in the tier registry (:data:`~reformlab.electoral.KINDS`) for a seat group
    of ``seats``: the group's own system for its own kind, else the kind's ``template`` from the group's list
    method and threshold. A kind the group cannot have (a mixed system of one seat) is left out."""
    method, threshold = _list_rule(system)
    found = {}
    for kind, tier in KINDS.items():
        if kind == _kind_of(system):
            found[kind] = system
            continue
        try:
            found[kind] = tier.template(seats, method, threshold, constituencies=constituencies)
        except ReformlabError:
            continue
    return found


def _rule_fields(path: str, system: dict, name: str, when: dict) -> list[dict]:
    """A list rule's method, threshold share and base at ``path`` (a list, districts or compensatory system,
    or a parallel system's list tier)."""
    section = "Seat groups"
    fields = [_field(f"{path}.method", f"{name}: electoral method", section, "select", system.get("method"),
                     choices=_choices(METHODS), group=name, when=when)]
    threshold = system.get("threshold") if isinstance(system.get("threshold"), dict) else None
    fields.append(_field(f"{path}.threshold" + (".share" if threshold else ""), f"{name}: threshold", section,
                         "share" if threshold else "threshold", threshold.get("share") if threshold else None,
                         op="set" if threshold else "add", group=name, when=when))
    if threshold:
        fields.append(_field(f"{path}.threshold.base", f"{name}: threshold base", section, "select",
                             threshold.get("base", "valid"), choices=_choices(THRESHOLD_BASES), group=name,
                             when=when))
    return fields


def _tier_fields(path: str, kind: str, system: dict, name: str, when: dict, links: list[dict]) -> list[dict]:
    """The fields of one system of ``kind`` at ``path``: its rule, its districts, each tier of a parallel
    one."""
    section = "Seat groups"
    if kind == "single_member":
        return [_field(f"{path}.formula", f"{name}: formula", section, "select",
                       system.get("formula", "plurality"), choices=_choices(FORMULAS), group=name, when=when)]
    fields = [] if kind == "parallel" else _rule_fields(path, system, name, when)
    if kind == "compensatory":
        fields.append(_field(f"{path}.districts", f"{name}: single-member districts", section, "int",
                             system.get("districts"), group=name, when=when))
    for tier, data in (system.get("tiers") or {}).items() if kind == "parallel" else ():
        if not isinstance(data, dict) or not isinstance(data.get("seats"), int):
            continue
        label = f"{name}: tier '{tier}'"
        fields.append(_field(f"{path}.tiers.{tier}.seats", f"{label}: seats", section, "int", data["seats"],
                             linked=links, group=name, when=when))
        fields += _tier_fields(f"{path}.tiers.{tier}", _kind_of(data), data, label, when, [])
    return fields


def system_fields(path: str, group: dict, size, name: str) -> list[dict]:
    """A popular seat group's kind of electoral system (each choice a whole system of that kind) and the
    fields of each kind's system, each shown while its kind is chosen (``when``); a parallel tier's seats
    carry the group's seats and the body's size with them."""
    system, seats = group["system"], group["seats"]
    constituencies = group.get("constituencies") if isinstance(group.get("constituencies"), int) else 1
    templates = system_templates(system, seats, constituencies)
    kind_path = f"{path}.system"
    choices = [{"value": k, "label": k.replace("_", " "), "template": t} for k, t in templates.items()]
    fields = [_field(kind_path, f"{name}: electoral system kind", "Seat groups", "system_kind",
                     _kind_of(system), choices=choices, group=name)]
    links = [{"path": f"{path}.seats", "base": seats, "mode": "delta"}]
    if isinstance(size, int):
        links.append({"path": f"{path.rsplit('.seat_groups', 1)[0]}.size", "base": size, "mode": "delta"})
    for kind, template in templates.items():
        fields += _tier_fields(kind_path, kind, template, name, {"path": kind_path, "values": [kind]}, links)
    return fields


def seat_group_fields(constitution) -> list[dict]:
    """Seats, how they are filled, the electoral method and threshold of every seat group."""
    tree = constitution.model_dump(mode="json")
    actors = list(constitution.bodies)
    fields = []
    for body_id, body in constitution.bodies.items():
        if isinstance(body.seat_groups, Unknown):
            continue
        for number, group in enumerate(body.seat_groups):
            path = f"bodies.{body_id}.seat_groups.{number}"
            data = tree["bodies"][body_id]["seat_groups"][number]
            name = f"{body.label.split(' (')[0]}: seats '{group.id}'"
            section = "Seat groups"
            templates = _group_templates(constitution, data)
            if isinstance(group.seats, int):
                linked = []
                if isinstance(body.size, int):
                    linked.append({"path": f"bodies.{body_id}.size", "base": body.size, "mode": "delta"})
                system = data.get("system")
                if isinstance(system, dict) and isinstance(system.get("seats"), int) \
                        and data.get("constituencies", 1) == 1:
                    linked.append({"path": f"{path}.system.seats", "base": system["seats"], "mode": "same",
                                   "when": {"path": f"{path}.system", "values": SEATED_KINDS}})
                fields.append(_field(f"{path}.seats", f"{name}: seats", section, "int", group.seats, linked=linked,
                                     group=name))
            fields.append(_field(path, f"{name}: how filled", section, "filled_by", group.filled_by,
                                 choices=[{"value": k, "label": k.replace("_", " "),
                                           "template": templates[k]} for k in FILLED_BY],
                                 group=name))
            if group.filled_by == "appointed" and not isinstance(group.by, Unknown):
                fields.append(_field(f"{path}.by", f"{name}: appointed by", section, "select", group.by,
                                     choices=_choices(actors), group=name))
            if group.filled_by == "appointed" and not isinstance(group.consent, Unknown):
                for index, vote in enumerate(group.consent):
                    fields += _vote_fields(f"{path}.consent.{index}", vote, f"{name}: consent {index + 1}",
                                           "Seat groups", actors, name)
            if group.filled_by == "popular" and isinstance(data.get("system"), dict) \
                    and isinstance(group.seats, int):
                fields += system_fields(path, data, body.size, name)
    return fields


def procedure_fields(constitution) -> list[dict]:
    """Who proposes, who must consent and by what majority, vetoes and their overrides, for every procedure."""
    actors = list(constitution.bodies)
    fields = []
    for proc_id, procedure in constitution.procedures.items():
        if isinstance(procedure, Unknown):
            continue
        name = procedure.label
        section = "Procedures"
        for part in ("proposal", "decision"):
            for path, step in iter_steps(getattr(procedure, part), f"procedures.{proc_id}.{part}"):
                kind = getattr(step, "kind", None)
                where = "override: " if ".override." in path else ""
                if kind == "approve":
                    fields += _vote_fields(path, step, f"{name}: {where}vote of {step.body}", section, actors, name)
                elif kind == "propose":
                    fields.append(_field(f"{path}.by", f"{name}: who may propose", section, "actors", list(step.by),
                                         choices=_choices(actors), group=name))
                elif kind in ("sign", "nominate", "veto"):
                    word = {"sign": "must sign", "nominate": "nominates", "veto": "may veto"}[kind]
                    fields.append(_field(f"{path}.by", f"{name}: {word}", section, "select", step.by,
                                         choices=_choices(actors), group=name))
    return fields


def alignment_fields(evaluation) -> list[dict]:
    """Each party's principal (the scenario's assumption, or the party itself), as ``--align`` sets it."""
    if evaluation.scenario is None:
        return []
    parties = sorted({b.party for body in evaluation.filling.bodies.values() for b in body.blocks if b.party
                      and not b.party.startswith("Independent ")} | set(evaluation.scenario.alignments))
    principals = ["president", *parties]
    fields = []
    for party in parties:
        assumption = evaluation.scenario.alignments.get(party)
        fields.append({**_field(f"align:{party}", f"{party} answers to", "Alignments", "select",
                                assumption.principal if assumption else party,
                                choices=[{"value": p, "label": "itself" if p == party else p} for p in principals]),
                       "confidence": assumption.confidence if assumption else None,
                       "sources": list(assumption.sources) if assumption else [],
                       "note": assumption.note if assumption else None})
    return fields


def editor_fields(evaluation) -> list[dict]:
    """Every editable field of the version an evaluation fills."""
    c = evaluation.constitution
    return seat_group_fields(c) + procedure_fields(c) + alignment_fields(evaluation)


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def reform_yaml(reform: dict, alignments: dict[str, str] | None = None) -> str:
    """The reform as a YAML file (``reformlab show reform.yaml`` loads it); alignments, which are not rules
    but a scenario's assumptions, are written as the ``--align`` options that set them."""
    lines = ["# A reform built in the reformlab web app.",
             "# Try: reformlab show reform.yaml   or   reformlab compare BASE@DATE reform.yaml"]
    if alignments:
        options = " ".join(f"--align '{party}={principal}'" for party, principal in sorted(alignments.items()))
        lines.append(f"# The page also assumed these alignments: {options}")
    body = yaml.dump(reform, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    return "\n".join(lines) + "\n" + body


def decode_state(text: str) -> dict:
    """The page state a shareable URL carries: base64url of its JSON."""
    if len(text) > MAX_STATE:
        raise ReformlabError(f"the shared state is {len(text)} characters long, more than {MAX_STATE}", field="r",
                             fix="share a smaller reform, or download it as YAML")
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        data = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise ReformlabError("the shared state does not decode", field="r",
                             fix="copy the whole address of the page that shared it") from None
    if not isinstance(data, dict):
        raise ReformlabError("the shared state is not an object", field="r", fix="copy the whole address")
    return data


def encode_state(data: dict[str, Any]) -> str:
    """The inverse of :func:`decode_state`."""
    raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")
