"""Measurability scores: the documented formula, its deductions and its invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import specllint
from specllint import scoring
from specllint.model import SEVERITIES, Finding, SectionStatus
from specllint.segmentation import Segment


def _finding(start: int, end: int, severity: str = "warning", category: str = "vague-term", code: str = "SPL101"):
    return Finding(code=code, name="x", category=category, severity=severity, message="m", start=start, end=end,
                   line=1, column=start + 1, end_line=1, end_column=end + 1, text="t")


SEGMENTS = [Segment(0, 50, "1", "item"), Segment(51, 100, "2", "item"), Segment(101, 150, "3", "item")]


def _sections(present: int, total: int = 14) -> dict[str, SectionStatus]:
    return {f"s{i}": SectionStatus(present=i < present) for i in range(total)}


def test_finding_cost_follows_severity_and_category():
    assert scoring.finding_cost(_finding(0, 1, "warning")) == 20
    assert scoring.finding_cost(_finding(0, 1, "info")) == 5
    assert scoring.finding_cost(_finding(0, 1, "error", "off-platform-payment")) == 50
    assert scoring.finding_cost(_finding(0, 1, "warning", "approximation")) == 15


def test_clause_score_subtracts_the_costs_of_its_findings():
    findings = [_finding(5, 10), _finding(20, 30, "info"), _finding(60, 70, "error", "off-platform-payment")]
    clauses, _, details = scoring.score("", SEGMENTS, findings, _sections(14))
    assert [c.score for c in clauses] == [75, 50, 100]
    assert clauses[0].findings == (0, 1)
    assert details["deductions"][0] == {
        "clause": "1", "score": 75,
        "costs": [{"finding": 0, "code": "SPL101", "cost": 20}, {"finding": 1, "code": "SPL101", "cost": 5}],
    }


def test_clause_score_floors_at_zero():
    findings = [_finding(i, i + 1, "error") for i in range(5)]
    clauses, _, _ = scoring.score("", SEGMENTS, findings, {})
    assert clauses[0].score == 0


def test_document_score_combines_clauses_and_sections():
    findings = [_finding(5, 10)]  # clause 1 -> 80; mean (80 + 100 + 100) / 3
    _, total, details = scoring.score("", SEGMENTS, findings, _sections(7))
    assert details["clause_mean"] == 93.3
    assert details["sections_percent"] == 50.0
    assert total == round(0.6 * (280 / 3) + 0.4 * 50)


def test_without_required_sections_only_clauses_count():
    _, total, details = scoring.score("", SEGMENTS, [_finding(5, 10)], {})
    assert total == round(280 / 3)
    assert details["formula"] == "clause mean - document findings cost"


def test_missing_section_findings_cost_only_through_the_section_share():
    findings = [_finding(5, 10, "warning", "missing-section", "SPL401")]
    clauses, total, _ = scoring.score("", SEGMENTS, findings, _sections(14))
    assert clauses[0].score == 100 and total == 100


def test_findings_outside_clauses_cost_a_quarter():
    findings = [_finding(200, 210, "warning", "schedule", "SPL303")]
    _, total, details = scoring.score("", SEGMENTS, findings, _sections(14))
    assert details["document_findings"] == [{"finding": 0, "code": "SPL303", "cost": 5}]
    assert total == 95


def test_an_error_caps_the_document_score():
    findings = [_finding(5, 10, "error", "off-platform-payment", "SPL301")]
    _, total, details = scoring.score("", [Segment(0, 50, "1", "item")] + [Segment(60 + i, 61 + i, str(i), "item")
                                                                            for i in range(20)], findings, {})
    assert total == scoring.ERROR_CAP
    assert details["error_cap"] == scoring.ERROR_CAP


def test_meta_errors_do_not_cap():
    findings = [_finding(200, 201, "error", "meta", "SPL902")]
    _, total, details = scoring.score("", SEGMENTS, findings, {})
    assert details["error_cap"] is None and total == 90


severities = st.sampled_from(SEVERITIES)
categories = st.sampled_from(["vague-term", "approximation", "open-ended", "off-platform-payment", "meta", "schedule"])
finding_lists = st.lists(
    st.tuples(st.integers(0, 160), st.integers(1, 20), severities, categories).map(
        lambda t: _finding(t[0], t[0] + t[1], t[2], t[3])
    ),
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(finding_lists, st.integers(0, 14))
def test_scores_are_bounded_and_deterministic(findings, present):
    findings = sorted(findings, key=lambda f: (f.start, f.end))
    a = scoring.score("", SEGMENTS, findings, _sections(present))
    b = scoring.score("", SEGMENTS, findings, _sections(present))
    assert a == b
    clauses, total, _ = a
    assert 0 <= total <= 100
    assert all(0 <= c.score <= 100 for c in clauses)


@settings(max_examples=60, deadline=None)
@given(finding_lists, st.integers(0, 140), severities)
def test_another_finding_never_raises_a_score(findings, start, severity):
    findings = sorted(findings, key=lambda f: (f.start, f.end))
    before_clauses, before, _ = scoring.score("", SEGMENTS, findings, _sections(10))
    more = sorted([*findings, _finding(start, start + 3, severity)], key=lambda f: (f.start, f.end))
    after_clauses, after, _ = scoring.score("", SEGMENTS, more, _sections(10))
    assert after <= before
    assert sum(c.score for c in after_clauses) <= sum(c.score for c in before_clauses)


def test_report_exposes_clause_and_document_scores():
    report = specllint.lint(
        "1. Material: high quality steel.\n2. Payment by Western Union.\n",
        config=specllint.Config(select=["SPL1", "SPL301"], plugins=False, sections_profile="none"),
    )
    by_label = {c.label: c.score for c in report.clauses}
    assert by_label == {"1": 80, "2": 50}
    assert report.score == min(scoring.ERROR_CAP, round((80 + 50) / 2))
    assert report.score_details["deductions"][1]["costs"][0]["code"] == "SPL301"
    data = specllint.to_dict(report)
    assert data["score"] == report.score and data["clauses"][0]["score"] == 80
