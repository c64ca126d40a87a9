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

from reformlab.electoral import METHODS
from reformlab.electoral.threshold import BASES as THRESHOLD_BASES
from reformlab.errors import ReformlabError
from reformlab.model import FILLED_BY, Unknown, iter_steps
from reformlab.model.steps import VOTE_BASES

MAJORITIES = ("1/2", "3/5", "2/3", "3/4", "4/5")
STRICT = ({"value": True, "label": "more than"}, {"value": False, "label": "at least"})
MAX_STATE = 60_000


def _choices(values) -> list[dict]:
    return [{"value": v, "label": str(v).replace("_", " ")} for v in values]


def _field(path, label, section, kind, value, *, choices=None, op="set", linked=None, group=None) -> dict:
    return {"path": path, "label": label, "section": section, "kind": kind, "value": value, "op": op,
            "choices": choices, "linked": linked or [], "group": group}


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
                    linked.append({"path": f"{path}.system.seats", "base": system["seats"], "mode": "same"})
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
            system = data.get("system")
            if group.filled_by == "popular" and isinstance(system, dict) and system.get("method") in METHODS:
                fields.append(_field(f"{path}.system.method", f"{name}: electoral method", section, "select",
                                     system.get("method"), choices=_choices(METHODS), group=name))
                threshold = system.get("threshold") if isinstance(system.get("threshold"), dict) else None
                share = threshold.get("share") if threshold else None
                fields.append(_field(f"{path}.system.threshold" + (".share" if threshold else ""),
                                     f"{name}: threshold", section, "share" if threshold else "threshold",
                                     share, op="set" if threshold else "add", group=name))
                if threshold:
                    fields.append(_field(f"{path}.system.threshold.base", f"{name}: threshold base", section,
                                         "select", threshold.get("base", "valid"), choices=_choices(THRESHOLD_BASES),
                                         group=name))
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
