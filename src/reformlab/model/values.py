"""Leaf value types of a constitution: exact shares, the ``unknown`` sentinel, references and sources.

Why pydantic (v2) and not attrs for the model layer: the model is *validated user data* first. pydantic gives,
from one set of class definitions, (1) validation that reports every problem with its location (which we map
back to YAML lines), (2) a JSON Schema we publish for authors of constitution files, and (3) frozen,
hashable-by-value objects updated by copy (``model_copy``). attrs would need all three written by hand.
Every model here is ``frozen=True, extra="forbid"``: a typo in a field name is an error, not a silent no-op.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError, PydanticSerializationUnexpectedValue, core_schema

from reformlab import shares
from reformlab.errors import ReformlabError
from reformlab.shares import format_share

CONFIDENCE = ("high", "medium", "low", "unknown")
Confidence = Literal["high", "medium", "low", "unknown"]


class FrozenModel(BaseModel):
    """Base of every model object: immutable, no unknown fields, values compared by content."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Unknown:
    """The explicit ``unknown`` of the fact base: a rule that exists but was not verified.

    Written ``unknown`` in a constitution file wherever the schema allows it (a whole procedure, a step, a
    seat group list, a majority, a size...). There is one instance, :data:`UNKNOWN`; test with ``x is UNKNOWN``.
    The reason (what is unknown and why) is the ``note`` of the :class:`Ref` at that path. An analysis must never
    turn it into a number silently: it either skips the item or reports it as unknown.
    """

    _instance: Unknown | None = None

    def __new__(cls) -> Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __str__(self) -> str:
        return "unknown"

    def __reduce__(self):
        return (Unknown, ())

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        def check(value: Any) -> Unknown:
            if value is UNKNOWN or (isinstance(value, str) and value == "unknown"):
                return UNKNOWN
            raise PydanticCustomError("not_unknown", "or the word 'unknown'")

        def serialize(value: Any) -> str:
            if value is UNKNOWN:
                return "unknown"
            raise PydanticSerializationUnexpectedValue("not unknown")  # a union tries its next member

        return core_schema.no_info_plain_validator_function(
            check, serialization=core_schema.plain_serializer_function_ser_schema(serialize)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict:
        return {"const": "unknown", "description": "Not verified: see the note of this leaf's reference."}


UNKNOWN = Unknown()


def parse_share(value: Any) -> Fraction:
    """An exact share in [0, 1] (read by :func:`reformlab.shares.parse_share`), as a pydantic validator:
    a wrong value raises ``ValueError``, which the loaders turn into a located error.

    >>> parse_share("7%"), parse_share("2/3"), parse_share(0.07), parse_share("1/2")
    (Fraction(7, 100), Fraction(2, 3), Fraction(7, 100), Fraction(1, 2))
    """
    try:
        share = shares.parse_share(value)
    except ReformlabError as exc:
        raise ValueError(f"{exc.problem}; {exc.fix}") from None
    if not 0 <= share <= 1:
        raise ValueError(f"a share must be between 0 and 1 (0% to 100%), got {share} ({float(share * 100):g}%)")
    return share


Share = Annotated[
    Fraction,
    BeforeValidator(parse_share),
    PlainSerializer(format_share, return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^\s*[0-9.]+\s*(%|/\s*[0-9]+)?\s*$"},
                {"type": "number", "minimum": 0, "maximum": 1},
            ],
            "description": "An exact share in [0, 1]: '1/2', '2/3', '7%', '0.07'.",
        }
    ),
]


def _article_text(value: Any) -> Any:
    return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


class Ref(FrozenModel):
    """Where a rule comes from: the article, the source keys, how sure we are, and why.

    Attributes:
        article: article of the constitution (or law) in force for that version, e.g. ``"50(2)"``;
            ``"unknown"`` when the fact base has not verified it.
        sources: keys into the constitution's ``sources`` table.
        confidence: ``high`` (primary text or two sources agree), ``medium`` (one credible secondary source),
            ``low`` (conflict or weak source), ``unknown`` (not verified).
        note: caveats, in words.
        carried_from: set when the value was not found in its own date's text but read from another one
            (``"the 2007 text, Art. 54(2)(2)"``) and assumed unchanged; its confidence is then at most medium.
    """

    article: Annotated[str | None, BeforeValidator(_article_text)] = None
    sources: tuple[str, ...] = ()
    confidence: Confidence | None = None
    note: str | None = None
    carried_from: str | None = None

    def merged(self, override: Ref) -> Ref:
        """This reference with the fields that ``override`` sets replacing its own; a carried value's
        confidence is capped at ``medium`` (it is read from another date's text).

        >>> Ref(confidence="high").merged(Ref(carried_from="the 2007 text")).confidence
        'medium'
        """
        merged = self.model_copy(update=override.model_dump(exclude_unset=True, exclude_none=True))
        if merged.carried_from and merged.confidence == "high":
            merged = merged.model_copy(update={"confidence": "medium"})
        return merged


class Source(FrozenModel):
    """One entry of the sources table: a URL and/or a citation, and what kind of source it is.

    Attributes:
        kind: ``primary`` (an official or primary text: the constitution, a law, a commission's resolution,
            in the original or a translation), ``study`` (the study whose claims are checked: never evidence
            for them on its own), or none (a secondary source). The confidence scale reads it
            (:mod:`reformlab.model.confidence`).
    """

    url: str | None = None
    citation: str | None = None
    kind: Literal["primary", "study"] | None = None

    @property
    def text(self) -> str:
        """The URL and the citation, as one string (what the confidence scale reads)."""
        return " ".join(part for part in (self.citation, self.url) if part)

    @classmethod
    def from_text(cls, text: str) -> Source:
        """A source given as one string: a URL if it looks like one, else a citation."""
        return cls(url=text) if text.startswith(("http://", "https://")) else cls(citation=text)


def _source(value: Any) -> Any:
    return Source.from_text(value) if isinstance(value, str) else value


SourceEntry = Annotated[
    Source,
    BeforeValidator(_source),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "description": "A URL, or a citation."},
                {
                    "type": "object",
                    "properties": {"url": {"type": ["string", "null"]}, "citation": {"type": ["string", "null"]},
                                   "kind": {"enum": ["primary", "study", None]}},
                    "additionalProperties": False,
                },
            ]
        }
    ),
]
ActorId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
