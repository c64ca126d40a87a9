"""What a constitution is: actors, bodies of seat groups, procedures of steps, dated values and reforms.

Public API::

    from reformlab.model import load_builtin, load_constitution, resolve_target, apply, diff, UNKNOWN
    doc = load_builtin("kz")                      # ConstitutionDocument: every version, one dated tree
    c = doc.as_of("2007-06-01")                   # Constitution (frozen): plain values + refs by path
    c = resolve_target("kz@2007-06-01")           # the same, from the CLI target syntax
    c.bodies["majilis"].seat_groups[0].system     # {'method': 'hare', 'seats': 98, ...}
    c.ref("bodies.majilis.size")                  # Ref(article='50(3)', sources=(...), confidence='high')
    new = apply(c, load_reform("my_reform.yaml"))  # pure: c is unchanged
    diff(doc.as_of("2007-05-20"), c)              # [Change(path, before, after, article, sources), ...]

This layer imports only ``reformlab.errors`` and, guarded, ``reformlab.electoral`` (to validate systems).
"""

from reformlab.model.bodies import (
    FILLED_BY, Actor, AppointedSeats, Body, ExOfficioSeats, IndirectSeats, PopularSeats, SeatGroup,
)
from reformlab.model.diff import Change, diff
from reformlab.model.constitution import SCHEMA_VERSION, Constitution, ConstitutionSpec, PartyRules, VersionInfo
from reformlab.model.loader import (
    ConstitutionDocument, InvalidFile, builtin_ids, load_builtin, load_constitution,
)
from reformlab.model.reform import Patch, Reform, apply, load_reform
from reformlab.model.steps import (
    STEP_KINDS, AnyOfStep, ApproveStep, ConsultStep, NominateStep, Procedure, ProposeStep, Reading,
    ReadingsStep, ReferendumStep, SignStep, Step, Turnout, VetoStep, Vote, iter_steps,
)
from reformlab.model.targets import Target, parse_target, resolve_target
from reformlab.model.values import UNKNOWN, Ref, Source, Unknown, parse_share

__all__ = [
    "FILLED_BY", "SCHEMA_VERSION", "STEP_KINDS", "UNKNOWN",
    "Actor", "AnyOfStep", "AppointedSeats", "ApproveStep", "Body", "Change", "Constitution", "ConstitutionDocument",
    "ConstitutionSpec", "ConsultStep", "ExOfficioSeats", "IndirectSeats", "InvalidFile", "NominateStep",
    "PartyRules", "Patch", "PopularSeats", "Procedure", "ProposeStep", "Reading", "ReadingsStep", "Ref", "Reform",
    "ReferendumStep",
    "SeatGroup", "SignStep", "Source", "Step", "Target", "Turnout", "Unknown", "VersionInfo", "VetoStep", "Vote",
    "apply", "builtin_ids", "diff", "iter_steps", "load_builtin", "load_constitution", "load_reform",
    "parse_share", "parse_target", "resolve_target",
]
