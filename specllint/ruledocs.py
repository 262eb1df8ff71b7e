"""Rule documentation generated from rule files (``specllint rule CODE``, docs/rules.md)."""

from __future__ import annotations

from collections.abc import Iterable

from .packs import Rule


def _example_block(text: str) -> str:
    return "```text\n" + text + "\n```\n"


def _marked(example) -> str:
    """The example text with each flagged span wrapped in «…»."""
    return example.source


def rule_markdown(rule: Rule, heading_level: int = 1) -> str:
    """Markdown documentation for one rule."""
    h = "#" * heading_level
    out = [f"{h} {rule.code} {rule.name}\n", f"Category: `{rule.category}` · default severity: `{rule.severity}` "
           f"· kind: `{rule.kind}`\n"]
    out.append(f"{h}# What it does\n{rule.summary}\n")
    out.append(f"{h}# Why is this bad\n{rule.rationale}\n")
    if rule.fail_examples:
        out.append(f"{h}# Example\nFlagged (the flagged text is marked «…»):\n")
        out.extend(_example_block(_marked(e)) for e in rule.fail_examples[:5])
    out.append(f"{h}# Use instead\n")
    if rule.use_instead:
        out.append(rule.use_instead + "\n")
    if rule.suggestions:
        out.append("Suggested replacements (⟨…⟩ marks a value the buyer decides):\n")
        out.extend(f"- {s}" for s in rule.suggestions)
        out.append("")
    if rule.pass_examples:
        out.append("Not flagged:\n")
        out.extend(_example_block(e.text) for e in rule.pass_examples[:5])
    if rule.references:
        out.append(f"{h}# References\n")
        out.extend(f"- {r}" for r in rule.references)
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def rules_reference(rules: Iterable[Rule]) -> str:
    """docs/rules.md: every rule, ordered by code."""
    rules = sorted(rules, key=lambda r: r.code)
    out = ["# Rule reference\n", "Generated from `rules/` by `python -m specllint.ruledocs`; do not edit by hand.\n",
           "| Code | Name | Category | Severity | What it does |", "|---|---|---|---|---|"]
    for r in rules:
        out.append(f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.name} | {r.category} | {r.severity} | {r.summary} |")
    out.append("")
    for r in rules:
        out.append(rule_markdown(r, heading_level=2))
    return "\n".join(out).rstrip() + "\n"


def main() -> None:
    """Write docs/rules.md from the built-in rule pack."""
    from pathlib import Path

    from .kinds import builtin_kinds
    from .packs import builtin_pack_dir, load_pack

    rules = load_pack(builtin_pack_dir(), builtin_kinds())
    target = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    target.write_text(rules_reference(rules), encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
