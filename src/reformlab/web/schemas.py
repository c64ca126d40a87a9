"""The API's request bodies, one per endpoint, mirroring the options of the CLI command it stands for."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from reformlab.web.inputs import DEFAULT_AFTER, DEFAULT_BEFORE, MAX_NAME, Version

Name = Field(max_length=MAX_NAME)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ControlRequest(Version):
    """``reformlab control TARGET [--scenario S] [--align P=Q]``, plus the camp whose margins are given."""

    camp: list[str] = Field(["president"], min_length=1, max_length=20,
                            description="The principals whose seats count towards the margins.")


class PowerRequest(Version):
    """``reformlab power TARGET``: every index asked for, for every actor of every decision, exact."""

    indices: list[str] = Field(["banzhaf", "shapley"], min_length=1, max_length=8)


class CompareRequest(_Strict):
    """``reformlab compare BEFORE AFTER [--index I]``; either side may be a reform."""

    before: Version = Field(default_factory=lambda: Version(target=DEFAULT_BEFORE))
    after: Version = Field(default_factory=lambda: Version(target=DEFAULT_AFTER))
    index: str = Field("banzhaf", max_length=MAX_NAME)


class ClaimsRequest(_Strict):
    """``reformlab claims [--claims NAME]``, checked on the study's versions or on the two sides given."""

    claims: str = Field("isaacs2008", max_length=MAX_NAME)
    before: Version | None = None
    after: Version | None = None


class AllocateRequest(_Strict):
    """``reformlab allocate``: a built-in election's list tier (``election``), or ``votes`` by party."""

    election: str | None = Field(None, max_length=MAX_NAME, description="A built-in election id (GET /api/options).")
    votes: dict[str, int] | None = Field(None, max_length=500, description="Votes by party, in ballot order.")
    seats: int | None = Field(None, ge=-10**9, le=10**9)
    method: str | None = Field(None, max_length=MAX_NAME)
    threshold: str | None = Field(None, max_length=50, description="A share: '7%', '7/100' or '0.07'.")
    threshold_base: str | None = Field(None, max_length=50)
    ballots_cast: int | None = Field(None, ge=-10**15, le=10**15)
    against_all: int | None = Field(None, ge=-10**15, le=10**15)
    tie_break: str | None = Field(None, max_length=MAX_NAME)
    seed: int | None = Field(None, ge=-2**63, le=2**63)


class ReformRequest(_Strict):
    """A reform built by the editor (data), with the alignments the page assumed."""

    reform: dict[str, Any]
    alignments: dict[str, str] = Field(default_factory=dict, max_length=100)


class RiskRequest(_Strict):
    """``reformlab risk BEFORE AFTER --draws N --seed S``, run as a job that reports progress."""

    before: Version = Field(default_factory=lambda: Version(target=DEFAULT_BEFORE))
    after: Version = Field(default_factory=lambda: Version(target=DEFAULT_AFTER))
    draws: int = Field(20_000, ge=-10**12, le=10**12, description="Draws (1 to 2,000,000).")
    seed: int = Field(2007, ge=0, le=2**32 - 1)


class ViewRequest(_Strict):
    """A comparison's further view (``/api/split``, ``/api/attribution``): the two sides and the camp."""

    before: Version = Field(default_factory=lambda: Version(target=DEFAULT_BEFORE))
    after: Version = Field(default_factory=lambda: Version(target=DEFAULT_AFTER))
    camp: str = Field("president", max_length=MAX_NAME, description="The actor whose control is followed.")


class RobustRequest(ViewRequest):
    """``reformlab compare BEFORE AFTER --robust [--samples N --seed S]``: every reading of the assumptions
    (all of them up to 65,536 combinations, else ``samples`` drawn with ``seed``)."""

    samples: int = Field(4096, ge=1, le=65_536, description="Combinations drawn beyond the exact limit.")
    seed: int = Field(0, ge=0, le=2**32 - 1)
