"""The invariants every Report must satisfy, shared by the property, fuzz and robustness tests."""

from __future__ import annotations

import json

import specllint
from specllint.model import CATEGORIES, to_dict
from specllint.positions import LineIndex


def check_report(text: str, report: specllint.Report) -> None:
    """Offsets slice to the finding text, positions agree, clauses are ordered and disjoint."""
    lines = LineIndex(text)
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert (f.line, f.column) == lines.position(f.start)
        assert (f.end_line, f.end_column) == lines.position(f.end)
        assert f.message and f.code and f.fingerprint
        assert f.category in CATEGORIES
    assert list(report.findings) == sorted(report.findings, key=lambda f: (f.start, f.end, f.code))
    last_end = 0
    for clause in report.clauses:
        assert last_end <= clause.start < clause.end <= len(text), "clauses overlap or leave the text"
        last_end = clause.end
        assert 0 <= clause.score <= 100
        for i in clause.findings:
            f = report.findings[i]
            assert clause.start <= f.start and f.end <= clause.end
    assert 0 <= report.score <= 100
    json.dumps(to_dict(report), allow_nan=False)  # JSON-safe, no NaN or inf
