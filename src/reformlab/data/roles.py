"""Role mappings: which body of each built-in constitution is its head of state, chambers and government.

Read from ``data/roles.yaml`` on demand, or from a user's YAML file of the same form
(``{constitution id: {role: body id}}``). Comparisons across countries line bodies up by these roles.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from reformlab.errors import ReformlabError, unknown_name

ROLES = ("head_of_state", "lower_chamber", "upper_chamber", "government")


def _parse(text: str, file: str) -> dict[str, dict[str, str]]:
    from reformlab.yamlio import load_yaml

    data = load_yaml(text, file)[0] or {}  # the one reader: lines, duplicate keys, alias and depth guards
    if not isinstance(data, dict):
        raise ReformlabError("a role mapping is a mapping of constitution ids", file=file,
                             fix="write e.g. 'ua: {lower_chamber: verkhovna_rada}'")
    for constitution_id, roles in data.items():
        if not isinstance(roles, dict):
            raise ReformlabError(f"the roles of {constitution_id!r} must be a mapping", file=file, field=str(constitution_id))
        for role, body in roles.items():
            if role not in ROLES:
                raise unknown_name("role", role, ROLES, file=file, field=f"{constitution_id}.{role}")
            if not isinstance(body, str):
                raise ReformlabError(f"the body of role {role!r} must be a body id", file=file,
                                     field=f"{constitution_id}.{role}")
    return {str(k): {str(r): b for r, b in v.items()} for k, v in data.items()}


def role_mappings(path: str | Path | None = None) -> dict[str, dict[str, str]]:
    """``{constitution id: {role: body id}}``: the built-in mappings, updated by the file at ``path``."""
    text = resources.files("reformlab.data").joinpath("roles.yaml").read_text(encoding="utf-8")
    found = _parse(text, "reformlab/data/roles.yaml")
    if path is not None:
        try:
            user = Path(path).read_text(encoding="utf-8")
        except OSError as error:
            raise ReformlabError(f"cannot read the role mapping: {error.strerror}", file=str(path)) from None
        found.update(_parse(user, str(path)))
    return found
