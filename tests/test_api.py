"""The public library API: lint(), Report, Finding, config forms."""

from __future__ import annotations

import json

import attrs
import pytest

import specllint
from specllint.model import to_dict


def test_lint_finds_high_quality_with_exact_span_and_suggestion():
    text = "Material: high quality steel."
    report = specllint.lint(text)
    [finding] = [f for f in report.findings if f.name == "vague-term"]
    assert (finding.start, finding.end) == (10, 22)
    assert text[finding.start : finding.end] == "high quality" == finding.text
    assert finding.suggestions and all(isinstance(s, str) and s for s in finding.suggestions)
    assert finding.category == "vague-term" and finding.code.startswith("SPL1")
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 11, 1, 23)
    assert finding.clause == report.clauses[0].label


def test_results_are_frozen_and_json_safe():
    report = specllint.lint("Material: high quality steel.\nShip ASAP.")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.findings[0].start = 3  # type: ignore[misc]
    data = to_dict(report)
    assert json.loads(json.dumps(data)) == data
    assert set(data["sections"]) == set(specllint.model.SECTION_IDS)


def test_config_as_mapping_and_selection():
    text = "Material: high quality steel."
    ignored = specllint.lint(text, config={"ignore": ["SPL101"]})
    assert "SPL101" not in {f.code for f in ignored.findings}
    only = specllint.lint(text, config={"select": ["SPL101"]})
    assert {f.code for f in only.findings} == {"SPL101"}


def test_unknown_config_key_is_a_clear_error():
    with pytest.raises(specllint.ConfigError, match="frobnicate"):
        specllint.lint("x", config={"frobnicate": True})


def test_severity_override_by_prefix():
    config = {"select": ["SPL101"], "severity": {"SPL1": "error"}}
    report = specllint.lint("Material: high quality steel.", config=config)
    assert report.findings[0].severity == "error"


def test_lint_rejects_bytes_with_type_error():
    with pytest.raises(TypeError):
        specllint.lint(b"bytes")  # type: ignore[arg-type]


def test_size_limit_gives_meta_finding_not_exception():
    report = specllint.lint("high quality " * 100, config={"max-bytes": 50})
    assert [f.name for f in report.findings] == ["input-too-large"]
    assert report.clauses == ()


def test_fingerprint_stable_when_unrelated_text_changes():
    a = specllint.lint("Material: high quality steel.", config={"select": ["SPL101"]})
    b = specllint.lint("Colour: black\n\nMaterial: high quality steel.", config={"select": ["SPL101"]})
    assert a.findings[0].fingerprint == b.findings[0].fingerprint
    c = specllint.lint("Material: high quality aluminium.", config={"select": ["SPL101"]})
    assert c.findings[0].fingerprint != a.findings[0].fingerprint
