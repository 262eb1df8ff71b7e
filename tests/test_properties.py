"""Properties of lint() over arbitrary Unicode text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from invariants import check_report

import specllint

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


@SETTINGS
@given(TEXT)
def test_lint_never_raises_positions_agree_and_clauses_are_disjoint(text):
    check_report(text, specllint.lint(text))


def test_column_counts_characters_not_bytes():
    text = "Größe: ± 😀 high quality"
    [f] = [f for f in specllint.lint(text).findings if f.code == "SPL101"]
    assert (f.line, f.column) == (1, text.index("high") + 1)
    assert f.text == "high quality"
