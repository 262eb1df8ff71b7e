"""Result model: frozen, JSON-safe attrs classes returned by :func:`specllint.lint`.

Nothing in here refers to spaCy or Pint objects; every field is a plain Python value
so a result can be pickled, compared, hashed and turned into JSON with :func:`to_dict`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import attrs

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")

LANGUAGE_CATEGORIES: tuple[str, ...] = (
    "vague-term",
    "approximation",
    "vague-time",
    "open-ended",
    "unspecified-reference",
    "escape-clause",
    "subjective-acceptance",
)
QUANTITY_CATEGORIES: tuple[str, ...] = (
    "missing-tolerance",
    "missing-unit",
    "unit-mismatch",
    "bad-tolerance",
)
COMMERCIAL_CATEGORIES: tuple[str, ...] = ("off-platform-payment", "coverage", "schedule")
CATEGORIES: tuple[str, ...] = (
    *LANGUAGE_CATEGORIES,
    *QUANTITY_CATEGORIES,
    *COMMERCIAL_CATEGORIES,
    "missing-section",
    "meta",
)

SECTION_IDS: tuple[str, ...] = (
    "product-description",
    "material",
    "dimensions",
    "tolerances",
    "quantity",
    "unit-price",
    "packaging",
    "marking-labeling",
    "certifications",
    "acceptable-defect-level",
    "inspection",
    "shipment-date",
    "payment-terms",
    "dispute-evidence",
)


def severity_rank(severity: str) -> int:
    """Order severities: info < warning < error."""
    return SEVERITIES.index(severity)


def _tuple(value: Any) -> tuple:
    return tuple(value)


@attrs.frozen
class Edit:
    """Replace ``text[start:end]`` with ``replacement``."""

    start: int
    end: int
    replacement: str


@attrs.frozen
class Fix:
    """An edit that resolves a finding; ``safe`` fixes may be applied without review."""

    message: str
    edits: tuple[Edit, ...] = attrs.field(converter=_tuple)
    safe: bool = False


@attrs.frozen
class Finding:
    """One problem in the text, located by offsets and by line/column."""

    code: str
    name: str
    category: str
    severity: str
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    suggestions: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    fix: Fix | None = None
    clause: str | None = None
    fingerprint: str = ""

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)


@attrs.frozen
class Clause:
    """A unit of the contract that rules look at, with its measurability score."""

    start: int
    end: int
    label: str
    kind: str = "sentence"
    heading: str | None = None
    score: int = 100
    findings: tuple[int, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class SectionStatus:
    """Whether one of the contract sections is stated concretely enough to verify."""

    present: bool
    clauses: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    spans: tuple[tuple[int, int], ...] = attrs.field(default=(), converter=_tuple)
    required: bool = True


@attrs.frozen
class Tolerance:
    """Plus/minus bounds in the quantity's unit (``relative`` = percent of nominal)."""

    plus: float
    minus: float
    relative: bool = False


@attrs.frozen
class Quantity:
    """A number with its unit, tolerance, limit or range as written in the text."""

    start: int
    end: int
    text: str
    value: float
    high: float | None = None
    unit: str | None = None
    tolerance: Tolerance | None = None
    limit: str | None = None
    approximate: bool = False
    dual: Quantity | None = None
    is_count: bool = False
    #: where the approximation word ("approx.", "about", "~") starts, when ``approximate``
    hedge_start: int | None = None
    #: where the limit word or sign ("max.", "≤", "min.") starts, when ``limit`` is set
    limit_start: int | None = None


@attrs.frozen
class Report:
    """Everything :func:`specllint.lint` found in one text."""

    findings: tuple[Finding, ...] = attrs.field(converter=_tuple)
    clauses: tuple[Clause, ...] = attrs.field(converter=_tuple)
    sections: Mapping[str, SectionStatus] = attrs.field(factory=dict)
    score: int = 100
    metadata: Mapping[str, Any] = attrs.field(factory=dict)
    path: str | None = None
    #: how the document score was computed (see docs/scoring.md)
    score_details: Mapping[str, Any] = attrs.field(factory=dict)

    def counts(self) -> dict[str, int]:
        """Number of findings per severity."""
        out = {s: 0 for s in SEVERITIES}
        for f in self.findings:
            out[f.severity] += 1
        return out


def to_dict(obj: Any) -> Any:
    """Turn any model object into plain JSON-safe data (tuples become lists)."""
    if attrs.has(type(obj)):
        return {a.name: to_dict(getattr(obj, a.name)) for a in attrs.fields(type(obj))}
    if isinstance(obj, Mapping):
        return {str(k): to_dict(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    if isinstance(obj, float) and obj != obj:  # NaN is not JSON
        return None
    return obj
