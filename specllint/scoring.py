"""Measurability scores for clauses and for the whole document (see docs/scoring.md).

Every point can be traced to a finding or a section:

* a finding costs ``SEVERITY_COST[severity] x CATEGORY_FACTOR[category]`` points (rounded);
* clause score = max(0, 100 - the costs of the findings inside the clause); findings about
  missing sections count only through the section share below;
* document score = ``CLAUSE_WEIGHT`` x mean clause score + ``SECTION_WEIGHT`` x percentage
  of required sections present - the costs of findings outside every clause (at
  ``DOCUMENT_COST_FACTOR`` of a clause finding's cost), clamped to 0..100, rounded, and
  capped at ``ERROR_CAP`` while any error-severity finding remains.

The result is deterministic: the same findings and sections always give the same scores,
and ``Report.score_details`` lists every deduction.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from typing import Any

from .model import Clause, Finding, SectionStatus
from .segmentation import Segment

#: Points a finding inside a clause costs, by severity.
SEVERITY_COST: Mapping[str, int] = {"error": 40, "warning": 20, "info": 5}
#: Categories whose findings weigh less or more than their severity alone says.
CATEGORY_FACTOR: Mapping[str, float] = {
    # a value is stated, only its bounds are missing
    "approximation": 0.75,
    "missing-tolerance": 0.75,
    # the list is named, only its end is open
    "open-ended": 0.75,
    # payment outside the platform ends order protection for the whole order
    "off-platform-payment": 1.25,
}
#: A finding outside every clause (a whole-document check) costs this share of its cost.
DOCUMENT_COST_FACTOR = 0.25
CLAUSE_WEIGHT = 0.6
SECTION_WEIGHT = 0.4
#: While an error-severity finding about the contract (not a tool "meta" finding) remains,
#: the document scores at most this.
ERROR_CAP = 59
#: Categories already counted through the section share of the document score.
SECTION_CATEGORIES = frozenset({"missing-section"})


def finding_cost(finding: Finding) -> int:
    """Points one finding costs its clause."""
    return round(SEVERITY_COST.get(finding.severity, 0) * CATEGORY_FACTOR.get(finding.category, 1.0))


def _assign(segments: Sequence[Segment], findings: Sequence[Finding]) -> tuple[list[list[int]], list[int]]:
    """Finding indices per clause, and the indices of findings outside every clause."""
    starts = [s.start for s in segments]
    per_clause: list[list[int]] = [[] for _ in segments]
    outside: list[int] = []
    for index, f in enumerate(findings):
        i = bisect_right(starts, f.start) - 1
        seg = segments[i] if i >= 0 else None
        if seg is not None and f.end <= seg.end and (f.end > f.start or f.start < seg.end):
            per_clause[i].append(index)
        else:
            outside.append(index)
    return per_clause, outside


def score(
    text: str,
    segments: Sequence[Segment],
    findings: Sequence[Finding],
    sections: Mapping[str, SectionStatus],
) -> tuple[tuple[Clause, ...], int, dict[str, Any]]:
    """Scored clauses, the document score and the deductions it was computed from."""
    segments = list(segments)
    per_clause, outside = _assign(segments, findings)
    clauses: list[Clause] = []
    deductions: list[dict[str, Any]] = []
    for seg, idx in zip(segments, per_clause, strict=True):
        costs = [
            {"finding": i, "code": findings[i].code, "cost": finding_cost(findings[i])}
            for i in idx
            if findings[i].category not in SECTION_CATEGORIES
        ]
        clause_score = max(0, 100 - sum(c["cost"] for c in costs))
        clauses.append(Clause(seg.start, seg.end, seg.label, seg.kind, seg.heading, clause_score, tuple(idx)))
        if costs:
            deductions.append({"clause": seg.label, "score": clause_score, "costs": costs})
    clause_mean = sum(c.score for c in clauses) / len(clauses) if clauses else 100.0

    required = [sid for sid, st in sections.items() if st.required]
    present = [sid for sid in required if sections[sid].present]
    section_pct = 100.0 * len(present) / len(required) if required else None

    document_costs = [
        {"finding": i, "code": findings[i].code, "cost": round(finding_cost(findings[i]) * DOCUMENT_COST_FACTOR)}
        for i in outside
        if findings[i].category not in SECTION_CATEGORIES
    ]
    doc_cost = sum(c["cost"] for c in document_costs)
    if section_pct is None:
        raw = clause_mean - doc_cost
        formula = "clause mean - document findings cost"
    else:
        raw = CLAUSE_WEIGHT * clause_mean + SECTION_WEIGHT * section_pct - doc_cost
        formula = (
            f"{CLAUSE_WEIGHT} x clause mean + {SECTION_WEIGHT} x % required sections present "
            "- document findings cost"
        )
    total = round(max(0.0, min(100.0, raw)))
    capped = any(f.severity == "error" and f.category != "meta" for f in findings) and total > ERROR_CAP
    if capped:
        total = ERROR_CAP
        formula += f", at most {ERROR_CAP} while an error remains"
    details: dict[str, Any] = {
        "formula": formula,
        "severity_cost": dict(SEVERITY_COST),
        "category_factor": dict(CATEGORY_FACTOR),
        "clause_mean": round(clause_mean, 1),
        "clauses": len(clauses),
        "sections_present": len(present),
        "sections_required": len(required),
        "sections_percent": None if section_pct is None else round(section_pct, 1),
        "document_findings_cost": doc_cost,
        "document_findings": document_costs,
        "deductions": deductions,
        "error_cap": ERROR_CAP if capped else None,
        "raw": round(raw, 1),
    }
    return tuple(clauses), total, details
