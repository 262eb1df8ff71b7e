"""Fuzzing: whatever the text, lint, extract_quantities and the CLI finish with sound results."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from invariants import check_report

import specllint
from specllint.cli import main
from specllint.model import to_dict

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Pieces that stress segmentation, numbers, units and offsets.
PIECES = [
    "- ", "> ", "(a) ", "1. ", "1.2.3 ", "a) ", "# ", "## 3. Quality\n", "| a | b |\n|---|---|\n", "```\n",
    "<!-- ", " -->", "<!-- specllint-disable-next-line SPL1 -->\n", "---\n", "+++\n", "**Key:** ", "Material: ",
    "high quality", "approx. ", "ASAP", "as per sample", "etc.", "± 0.2 mm", "10 mm", "1,5 mm", "5/8\"", "1e309",
    "-1e309 kg", "0/0", "NaN", "nan %", "inf", "9" * 400, "0." + "0" * 50 + "1 g", "25.4 mm (1 in)", "10–20 kg",
    "≥ 5 N", "max. 3 %", "500 g ± 10 g", "2025-13-45", "30 days after", "USD 1,000,000,000,000,000",
    "\r", "\r\n", "\n", "\n\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\t", "\x00", "\x1b[0m", "\u200b",
    "\u200d", "\ufeff", "\u202e", "\u202c", "مادة فولاذ ١٠ مم", "עברית", "漢字 10 毫米", "５ ｍｍ", "Ⅻ", "½",
    "\ud800", "\udc00", "😀", "e\u0301", "ﬁ", ".", ";", ":", "…", "  ",
]

structured = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
unicode_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=300)
texts = st.one_of(structured, unicode_text, st.tuples(structured, unicode_text).map("".join))


@SETTINGS
@given(texts)
def test_lint_never_breaks(text):
    check_report(text, specllint.lint(text))


@SETTINGS
@given(texts)
def test_streaming_agrees_with_lint(text):
    report = specllint.lint(text)
    assert list(specllint.iter_findings(text)) == [f for f in report.findings if f.clause is not None]


@SETTINGS
@given(texts)
def test_extract_quantities_never_breaks(text):
    for q in specllint.extract_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        json.dumps(to_dict(q), allow_nan=False)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400) | texts.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_cli_never_crashes(data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "fuzz.md")
        path.write_bytes(data)
        for fmt in ("json", "concise"):
            code = main(["check", str(path), "-f", fmt, "--exit-zero", "-o", str(Path(tmp, f"out.{fmt}"))])
            assert code in (0, 2)
            out = Path(tmp, f"out.{fmt}").read_text(encoding="utf-8")
            if fmt == "json":
                data_out = json.loads(out)
                assert len(data_out["files"]) == 1
                assert (code == 2) == (data_out["files"][0]["error"] is not None)
