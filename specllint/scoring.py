"""Measurability scores for clauses and for the whole document.

The formula is deliberately simple so every point can be explained (docs/scoring.md):

* clause score = max(0, 100 - sum of the costs of the findings inside the clause), where a
  finding costs ``FINDING_COST[severity]``;
* document score = ``CLAUSE_WEIGHT`` x (mean clause score, weighted by clause length)
  + ``SECTION_WEIGHT`` x (percentage of required sections present)
  - the costs of findings that lie outside every clause (commercial and document checks),
  clamped to 0..100 and rounded.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from typing import Any

from .model import Clause, Finding, SectionStatus
from .segmentation import Segment

FINDING_COST: Mapping[str, int] = {"error": 35, "warning": 20, "info": 5}
#: Findings outside clauses (whole-document checks) cost less each: there is no clause to share them.
DOCUMENT_FINDING_COST: Mapping[str, int] = {"error": 10, "warning": 5, "info": 1}
CLAUSE_WEIGHT = 0.6
SECTION_WEIGHT = 0.4
#: categories already counted through the section share of the document score
SECTION_CATEGORIES = frozenset({"missing-section"})


def score(
    text: str,
    segments: Sequence[Segment],
    findings: Sequence[Finding],
    sections: Mapping[str, SectionStatus],
) -> tuple[tuple[Clause, ...], int, dict[str, Any]]:
    """Scored clauses, the document score and the parts it was computed from."""
    starts = [s.start for s in segments]
    per_clause: list[list[int]] = [[] for _ in segments]
    outside: list[Finding] = []
    for index, f in enumerate(findings):
        i = bisect_right(starts, f.start) - 1
        if i >= 0 and f.end <= segments[i].end and (f.end > f.start or f.start < segments[i].end):
            per_clause[i].append(index)
        else:
            outside.append(f)
    clauses = []
    weighted = 0.0
    total_len = 0
    for seg, idx in zip(segments, per_clause, strict=True):
        cost = sum(FINDING_COST[findings[i].severity] for i in idx)
        s = max(0, 100 - cost)
        length = seg.end - seg.start
        weighted += s * length
        total_len += length
        clauses.append(Clause(seg.start, seg.end, seg.label, seg.kind, seg.heading, s, tuple(idx)))
    clause_mean = weighted / total_len if total_len else 100.0
    required = [sid for sid, st in sections.items() if st.required]
    present = [sid for sid in required if sections[sid].present]
    section_pct = 100.0 * len(present) / len(required) if required else None
    doc_cost = sum(DOCUMENT_FINDING_COST[f.severity] for f in outside if f.category not in SECTION_CATEGORIES)
    if section_pct is None:
        raw = clause_mean - doc_cost
    else:
        raw = CLAUSE_WEIGHT * clause_mean + SECTION_WEIGHT * section_pct - doc_cost
    total = int(round(max(0.0, min(100.0, raw))))
    details = {
        "clause_mean": round(clause_mean, 1),
        "sections_present": len(present),
        "sections_required": len(required),
        "document_findings_cost": doc_cost,
        "formula": (
            "0.6 x clause mean + 0.4 x % required sections present - document findings cost"
            if section_pct is not None
            else "clause mean - document findings cost"
        ),
    }
    return tuple(clauses), total, details
