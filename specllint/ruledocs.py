"""Rule documentation generated from rule files: ``specllint rule CODE`` and docs/rules.md.

Every rule gets the same five sections: What it does, Why is this bad, Example, Use
instead, References. The example and its finding come from the rule file's own examples
(the ones ``tests/test_rule_examples.py`` runs), linted while the documentation is built, so
the documented message and suggestion are what the rule really reports.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .model import Finding
from .packs import Example, Rule

SECTIONS = ("What it does", "Why is this bad", "Example", "Use instead", "References")
#: How many pass/fail examples a rule page shows.
SHOWN_EXAMPLES = 3
DEFAULT_TARGET = Path(__file__).resolve().parent.parent / "docs" / "rules.md"

Linter = Callable[[str], Sequence[Finding]]


def _block(text: str) -> str:
    return "```text\n" + text + "\n```\n"


def _finding_note(rule: Rule, example: Example, lint: Linter | None) -> list[str]:
    """What the rule reports for ``example``: message, then its first suggestion."""
    if lint is None:
        return []
    found = [f for f in lint(example.text) if f.code == rule.code]
    if not found:
        return []
    f = found[0]
    note = f"Reported: {f.message}."
    if f.suggestions:
        note += f"  \nSuggested: `{f.suggestions[0]}`"
    return [note + "\n"]


def rule_markdown(rule: Rule, heading_level: int = 1, lint: Linter | None = None) -> str:
    """Markdown documentation for one rule. With ``lint`` (text -> findings), the first
    example is shown with the message and suggestion the rule reports for it."""
    h = "#" * heading_level
    sub = h + "#"
    out = [
        f"{h} {rule.code} {rule.name}\n",
        f"Category: `{rule.category}` · default severity: `{rule.severity}` · kind: `{rule.kind}`\n",
        f"{sub} What it does\n\n{rule.summary}\n"
        + (
            "\nNot reported inside a finding of " + ", ".join(f"`{c}`" for c in rule.yields_to)
            + ": that finding already covers the words.\n"
            if rule.yields_to
            else ""
        ),
        f"{sub} Why is this bad\n\n{rule.rationale}\n",
        f"{sub} Example\n",
    ]
    if rule.fail_examples:
        out.append("Flagged (the reported text is marked «…»):\n")
        for i, example in enumerate(rule.fail_examples[:SHOWN_EXAMPLES]):
            out.append(_block(example.source))
            if i == 0:
                out.extend(_finding_note(rule, example, lint))
    else:
        out.append(
            "This rule is reported by specllint itself (for the input, its configuration or its "
            "suppression comments), not for a wording in the contract.\n"
        )
    out.append(f"{sub} Use instead\n")
    if rule.use_instead:
        out.append(rule.use_instead + "\n")
    if rule.suggestions:
        legend = []
        if any("⟨" in s for s in rule.suggestions):
            legend.append("⟨…⟩ marks a value the buyer decides")
        if any("{" in s for s in rule.suggestions):
            legend.append("{…} is filled from the clause")
        out.append("Suggested replacements" + (f" ({'; '.join(legend)})" if legend else "") + ":\n")
        out.extend(f"- {s}" for s in rule.suggestions)
        out.append("")
    if rule.pass_examples:
        out.append("Not flagged:\n")
        out.extend(_block(e.text) for e in rule.pass_examples[:SHOWN_EXAMPLES])
    if not (rule.use_instead or rule.suggestions or rule.pass_examples):
        out.append("Follow the message of the finding.\n")
    out.append(f"{sub} References\n")
    if rule.references:
        out.extend(f"- {r}" for r in rule.references)
    else:
        out.append("- docs/architecture.md (how rules, kinds and findings work)")
    out.append("")
    return "\n".join(out).rstrip() + "\n"


def rules_reference(rules: Iterable[Rule], lint: Linter | None = None) -> str:
    """docs/rules.md: a table of every rule, then one section per rule, ordered by code."""
    rules = sorted(rules, key=lambda r: r.code)
    out = [
        "# Rule reference\n",
        "Generated from `rules/` by `python -m specllint.ruledocs`; do not edit by hand.\n",
        "| Code | Name | Category | Severity | What it does |",
        "|---|---|---|---|---|",
    ]
    for r in rules:
        summary = " ".join(r.summary.split()).replace("|", "\\|")
        out.append(f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.name} | {r.category} | {r.severity} | {summary} |")
    out.append("")
    for r in rules:
        out.append(rule_markdown(r, heading_level=2, lint=lint))
    return "\n".join(out).rstrip() + "\n"


def builtin_rules() -> list[Rule]:
    """The rules of the built-in pack (no plugins)."""
    from .kinds import builtin_kinds
    from .packs import builtin_pack_dir, load_pack

    return load_pack(builtin_pack_dir(), builtin_kinds())


def example_linter() -> Linter:
    """Lints an example with every built-in rule (no plugins, no section checks)."""
    from . import lint
    from .config import Config

    config = Config(plugins=False, sections_profile="none")

    def run(text: str) -> Sequence[Finding]:
        return lint(text, config=config).findings

    return run


def generate() -> str:
    """The current text of docs/rules.md."""
    return rules_reference(builtin_rules(), example_linter())


def main(argv: Sequence[str] | None = None) -> int:
    """Write docs/rules.md (or ``--output``); ``--check`` only reports whether it is current."""
    parser = argparse.ArgumentParser(prog="python -m specllint.ruledocs", description=main.__doc__)
    parser.add_argument("--output", type=Path, default=DEFAULT_TARGET)
    parser.add_argument("--check", action="store_true", help="exit 1 when the file is out of date")
    args = parser.parse_args(argv)
    text = generate()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date; run python -m specllint.ruledocs", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
