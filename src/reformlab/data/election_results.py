"""Built-in election results and the list-tier rule in force for each, read on demand from package data.

Results are ``data/elections/<country>_elections.csv`` (one row per party and tier, with ``source`` and
``confidence`` on every row); rules are ``data/elections/<country>_rules.yaml``. Nothing is read at import
time; files are opened through :mod:`importlib.resources` so they work from a wheel or a zip.
"""

from __future__ import annotations

import functools
from importlib import resources

import attrs

from reformlab.errors import ReformlabError, unknown_name

COUNTRIES = ("KG", "KZ", "UA")


def _resource(name: str):
    return resources.files("reformlab.data").joinpath("elections", name)


def _check_country(country: str) -> str:
    code = country.upper()
    if code not in COUNTRIES:
        raise unknown_name("country", code, COUNTRIES, field="country",
                           problem=f"no built-in elections for {country!r}")
    return code


def load_elections(country: str = "KZ"):
    """All built-in results for ``country`` as a pandas DataFrame.

    Columns: ``election_id, country, body, date, tier, party, votes, vote_pct, seats, source, confidence``.
    ``votes`` and ``seats`` are nullable integers (``<NA>`` where the source says "unknown"); ``vote_pct``
    stays text because some rows carry notes ("68.4 (turnout; German copy says 64.6)").

    >>> df = load_elections("KZ")
    >>> int(df[(df.election_id == "KZ-MAJ-2012") & (df.tier == "list")].seats.sum())
    98
    """
    import pandas as pd

    code = _check_country(country)
    with _resource(f"{code.lower()}_elections.csv").open("r", encoding="utf-8") as handle:
        frame = pd.read_csv(handle, dtype=str, keep_default_na=False)
    for column in ("votes", "seats"):
        frame[column] = pd.to_numeric(frame[column].where(frame[column] != ""), errors="coerce").astype(
            "Int64"
        )
    return frame


@functools.cache
def _rules(code: str) -> dict:
    from reformlab.yamlio import load_yaml

    resource = _resource(f"{code.lower()}_rules.yaml")
    return load_yaml(resource.read_text(encoding="utf-8"), f"reformlab/data/elections/{resource.name}")[0]


def load_rules(country: str = "KZ") -> dict:
    """The rule in force per built-in election id: ``{id: {"system": {...}, "article": ...}}`` (a copy)."""
    import copy

    return copy.deepcopy(_rules(_check_country(country)))


@attrs.frozen
class ElectionInputs:
    """What a list-tier allocation of one built-in election needs, with the rule then in force.

    Args:
        election_id: e.g. ``"KZ-MAJ-2012"``.
        votes: party -> list votes, in the published order (the tie-break order).
        official_seats: party -> list seats as officially declared.
        registered: the voters on the rolls, if the data give them (threshold base ``registered``).
        district_seats: party -> single-member seats as declared (empty when there were none).
        ballots_cast: all ballots cast, if the data give it.
        against_all: "against all" votes, if the data give them.
        rule: the rule entry from the rules file (``system``, ``article``, ``source``, ``data_base``...).
    """

    election_id: str
    votes: dict
    official_seats: dict
    district_seats: dict
    ballots_cast: int | None
    against_all: int | None
    rule: dict
    registered: int | None = None

    @property
    def figures(self) -> dict:
        """The keyword figures an allocation of this election takes (``ballots_cast``, ``against_all``,
        ``registered``, and ``regional_passed`` when the rule declares who passed a regional threshold)."""
        found = {"ballots_cast": self.ballots_cast, "against_all": self.against_all, "registered": self.registered}
        if self.rule.get("regional_passed") is not None:
            found["regional_passed"] = tuple(self.rule["regional_passed"])
        return found

    @property
    def system_data(self) -> dict:
        """The electoral system as data; its threshold base is ``data_base`` where the rule gives one."""
        import copy

        system = copy.deepcopy(self.rule["system"])
        if self.rule.get("data_base") and system.get("threshold"):
            system["threshold"]["base"] = self.rule["data_base"]
        return system


@functools.lru_cache(maxsize=64)
def election_inputs(election_id: str) -> ElectionInputs:
    """Votes, official seats, figures and rule for a built-in election's list tier (read once per process;
    the value is frozen, its mappings are not to be changed by callers).

    >>> e = election_inputs("KZ-MAJ-2023")
    >>> e.against_all, e.system_data["threshold"]
    (248291, {'share': '5%', 'base': 'valid_plus_against_all'})
    """
    import pandas as pd

    known = built_in_elections()
    if not isinstance(election_id, str):
        raise ReformlabError("no built-in election is named", field="--election",
                             fix="give the id of a built-in election (reformlab list)")
    if election_id not in known:
        raise unknown_name("election", election_id, known, field="--election",
                           problem=f"no built-in election {election_id!r}")
    code = election_id.split("-", 1)[0]
    frame = load_elections(code)
    rows = frame[frame.election_id == election_id]
    lists = rows[rows.tier == "list"]
    smd = rows[rows.tier == "smd"]
    meta = dict(zip(rows[rows.tier == "meta"].party, rows[rows.tier == "meta"].votes, strict=True))
    rule = load_rules(code)[election_id]
    figures = rule.get("figures") or {}

    def figure(name: str) -> int | None:
        value = meta.get(figures.get(name, ""))
        return None if value is None or pd.isna(value) else int(value)

    return ElectionInputs(
        election_id=election_id,
        votes={p: int(v) for p, v in zip(lists.party, lists.votes, strict=True)},
        official_seats={p: int(s) for p, s in zip(lists.party, lists.seats, strict=True)},
        district_seats={p: int(s) for p, s in zip(smd.party, smd.seats, strict=True)},
        ballots_cast=figure("ballots_cast"),
        against_all=figure("against_all"),
        rule=rule,
        registered=figure("registered"),
    )


def built_in_elections() -> list[str]:
    """The ids of every built-in election that has a list-tier rule."""
    return [key for code in COUNTRIES for key in _rules(code)]
