"""Report specs: what a report on one constitution calls its country, camp, key bodies, labels and study.

The report code knows no country: ``data/reports/<constitution id>.yaml`` says it (see ``kz.yaml``). A
constitution without a spec gets one derived from its own data: its label as the country, ``president`` as
the camp when it has such an actor, its chambers as the key bodies and each body's own ``label``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from reformlab.errors import ReformlabError, unknown_name

FIELDS = ("constitution", "country", "camp", "key_bodies", "short_labels", "camp_parties", "study")


@dataclass(frozen=True)
class ReportSpec:
    """How a report names things for one constitution (constructor stores; :func:`checked_spec` validates).

    Attributes:
        country: the name in titles.
        camp: the principal followed by default.
        key_bodies: body ids of the key-figure cards, in order.
        short_labels: id -> short name in legends and cards.
        camp_parties: parties drawn in the camp colour.
        study: ``{"claims": file id, "citation": text}`` or empty.
    """

    country: str
    camp: str = "president"
    key_bodies: tuple[str, ...] = ()
    short_labels: dict = field(default_factory=dict)
    camp_parties: tuple[str, ...] = ()
    study: dict = field(default_factory=dict)
    file: str | None = None

    def label(self, actor_id: str, constitution) -> str:
        """The short label of ``actor_id``: the spec's, else the body's or actor's own label, else the id in words."""
        if actor_id in self.short_labels:
            return self.short_labels[actor_id]
        if actor_id in constitution.bodies:
            return constitution.bodies[actor_id].label
        if actor_id in constitution.actors and constitution.actors[actor_id].label:
            return constitution.actors[actor_id].label
        return actor_id.replace("_", " ")


def _builtin_text(constitution_id: str) -> str | None:
    resource = resources.files("reformlab.data").joinpath("reports", f"{constitution_id}.yaml")
    return resource.read_text(encoding="utf-8") if resource.is_file() else None


def spec_from_data(data, file: str) -> ReportSpec:
    """A :class:`ReportSpec` from its YAML mapping; one clear error per bad field."""
    if not isinstance(data, dict) or "country" not in data:
        raise ReformlabError("a report spec needs a mapping with 'country'", file=file, fix="see data/reports/kz.yaml")
    for name in data:
        if name not in FIELDS:
            raise unknown_name("field", name, FIELDS, file=file, field=name,
                               problem=f"unknown field {name!r} in a report spec")
    return ReportSpec(
        country=str(data["country"]),
        camp=str(data.get("camp", "president")),
        key_bodies=tuple(data.get("key_bodies") or ()),
        short_labels=dict(data.get("short_labels") or {}),
        camp_parties=tuple(data.get("camp_parties") or ()),
        study=dict(data.get("study") or {}),
        file=file,
    )


def report_spec(constitution, text: str | None = None, *, file: str | None = None) -> ReportSpec:
    """The spec for ``constitution`` (a resolved version): from ``text`` if given, else the built-in one,
    else derived from the constitution's data; checked against the version's bodies and actors."""
    from reformlab.yamlio import load_yaml

    if text is None:
        text = _builtin_text(constitution.id)
        file = file or f"reformlab/data/reports/{constitution.id}.yaml"
    if text is None:
        chambers = tuple(b for b, body in constitution.bodies.items() if body.kind == "chamber")
        spec = ReportSpec(country=constitution.label, key_bodies=chambers)
    else:
        data, _ = load_yaml(text, file or "report spec")
        spec = spec_from_data(data, file or "report spec")
    return checked_spec(spec, constitution)


def checked_spec(spec: ReportSpec, constitution) -> ReportSpec:
    """``spec`` if every body it names is a body of ``constitution``; otherwise a :class:`ReformlabError`."""
    for body in spec.key_bodies:
        if body not in constitution.bodies:
            raise unknown_name(
                "body", body, constitution.bodies, file=spec.file, field="key_bodies",
                problem=f"the report spec names the body {body!r}, which {constitution.id}@{constitution.as_of} "
                        "does not have",
            )
    return spec
