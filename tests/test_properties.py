"""Properties of lint() over arbitrary Unicode text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import specllint
from specllint.positions import LineIndex

CONTRACTY = st.sampled_from(
    [
        "high quality", "durable", "approx. 5 mm", "ASAP", "etc.", "as per sample", "if possible",
        "1. ", "1.1 ", "(a) ", "- ", "| a | b |\n|---|---|\n", "# Heading\n", "Material: ", "\n", "\r\n",
        "---\n", "+++\n", "<!-- specllint-disable-next-line -->\n", "10 mm ± 0.2", "±", "5/8\"", "1,5 mm",
        "Western Union", "to buyer's satisfaction", "😀", "\u200b", "\u2028", "\x00", "\ud800",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=30), CONTRACTY), max_size=25).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _position(index: LineIndex, offset: int) -> tuple[int, int]:
    return index.position(offset)


@SETTINGS
@given(TEXT)
def test_lint_never_raises_and_positions_agree(text):
    report = specllint.lint(text)
    index = LineIndex(text)
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert (f.line, f.column) == _position(index, f.start)
        assert (f.end_line, f.end_column) == _position(index, f.end)
        assert f.category in specllint.model.CATEGORIES
    keys = [(f.start, f.end, f.code) for f in report.findings]
    assert keys == sorted(keys)
    assert 0 <= report.score <= 100


@SETTINGS
@given(TEXT)
def test_clauses_lie_inside_the_text_and_never_overlap(text):
    report = specllint.lint(text)
    previous_end = 0
    for clause in report.clauses:
        assert 0 <= clause.start < clause.end <= len(text)
        assert clause.start >= previous_end
        previous_end = clause.end
        assert 0 <= clause.score <= 100
        for i in clause.findings:
            f = report.findings[i]
            assert clause.start <= f.start and f.end <= clause.end


def test_column_counts_characters_not_bytes():
    text = "Größe: ± 😀 high quality"
    [f] = [f for f in specllint.lint(text).findings if f.code == "SPL101"]
    assert (f.line, f.column) == (1, text.index("high") + 1)
    assert f.text == "high quality"
