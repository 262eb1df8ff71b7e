"""Every rule's pass/fail examples (from its file in rules/) run as tests."""

from __future__ import annotations

import pytest

import specllint
from specllint.kinds import builtin_kinds
from specllint.packs import builtin_pack_dir, load_pack

RULES = load_pack(builtin_pack_dir(), builtin_kinds())
FAIL = [(r, e) for r in RULES for e in r.fail_examples]
PASS = [(r, e) for r in RULES for e in r.pass_examples]


def _findings(rule, text):
    report = specllint.lint(text, config=specllint.Config(select=[rule.code], plugins=False))
    return [f for f in report.findings if f.code == rule.code]


@pytest.mark.parametrize(("rule", "example"), FAIL, ids=[f"{r.code}-fail-{i}" for i, (r, _) in enumerate(FAIL)])
def test_fail_example_is_flagged_exactly(rule, example):
    found = _findings(rule, example.text)
    assert found, f"{rule.code} did not flag: {example.source}"
    if example.spans:
        assert sorted((f.start, f.end) for f in found) == sorted(example.spans), (
            f"{rule.code} flagged {[f.text for f in found]} in: {example.source}"
        )
    for f in found:
        assert f.suggestions or rule.category == "meta", f"{rule.code} finding without a suggestion"


@pytest.mark.parametrize(("rule", "example"), PASS, ids=[f"{r.code}-pass-{i}" for i, (r, _) in enumerate(PASS)])
def test_pass_example_is_clean(rule, example):
    found = _findings(rule, example.text)
    assert not found, f"{rule.code} wrongly flagged {[f.text for f in found]} in: {example.text}"


def test_every_non_meta_rule_has_examples():
    for rule in RULES:
        if rule.category != "meta":
            assert rule.fail_examples and rule.pass_examples, rule.code
