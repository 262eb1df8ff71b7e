"""Rule documentation: every rule has all five sections and docs/rules.md is current."""

from __future__ import annotations

from pathlib import Path

import pytest

from specllint import ruledocs
from specllint.cli import main

RULES = ruledocs.builtin_rules()
#: The checked-in reference (next to the tests, not next to an installed package).
RULES_MD = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_page_has_every_section_in_order(rule):
    page = ruledocs.rule_markdown(rule)
    positions = [page.find(f"\n## {section}\n") for section in ruledocs.SECTIONS]
    assert all(p > 0 for p in positions), f"{rule.code} lacks a section: {positions}"
    assert positions == sorted(positions), f"{rule.code} sections out of order"
    for section, start in zip(ruledocs.SECTIONS, positions, strict=True):
        body = page[start + len(section) + 5 :].split("\n## ", 1)[0]
        assert body.strip(), f"{rule.code}: section {section!r} is empty"


def test_rules_md_is_up_to_date():
    expected = ruledocs.generate()
    current = RULES_MD.read_text(encoding="utf-8")
    assert current == expected, "docs/rules.md is out of date: run `python -m specllint.ruledocs`"


def test_rules_md_lists_every_rule_once():
    text = RULES_MD.read_text(encoding="utf-8")
    for rule in RULES:
        assert text.count(f"\n## {rule.code} {rule.name}\n") == 1, rule.code


def test_example_shows_what_the_rule_reports():
    rule = next(r for r in RULES if r.code == "SPL102")
    page = ruledocs.rule_markdown(rule, lint=ruledocs.example_linter())
    assert "Reported: “approx. 550 g” is approximate" in page
    assert "Suggested: `550 g ± ⟨10⟩ g`" in page


def test_cli_prints_a_rule_page(capsys):
    assert main(["rule", "SPL101"]) == 0
    out = capsys.readouterr().out
    for section in ruledocs.SECTIONS:
        assert f"\n## {section}\n" in out
    assert out.startswith("# SPL101 vague-term")
