"""IncrementalLinter: same reports as a full lint, and unchanged clauses are not re-checked."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import specllint
from specllint.config import Config
from specllint.engine import Linter, RuleRunner
from specllint.incremental import IncrementalLinter
from specllint.kinds.base import ClauseContext, Hit, Kind
from specllint.model import to_dict
from specllint.packs import Rule

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "clauses" / "dev.jsonl"
CLAUSES = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()[:24]]
HEADINGS = ["# Specification", "## Material", "## Packaging", "## Inspection"]


def _contract(clauses: Iterable[str]) -> str:
    out = []
    for i, clause in enumerate(clauses):
        if i % 10 == 0:
            out.append(HEADINGS[(i // 10) % len(HEADINGS)])
        out.append(clause)
    return "\n\n".join(out) + "\n"


BASE = _contract(CLAUSES)
SMALL = _contract(CLAUSES[:10])


# -- kinds that look beyond their clause ------------------------------------------------
class PositionKind(Kind):
    """Flags 'TBD' only within the first 200 characters of the document (reads ``offset``)."""

    name = "test-position"

    def check(self, clause: ClauseContext) -> Iterable[Hit]:
        for m in regex.finditer(r"\bTBD\b", clause.text):
            if clause.offset + m.start() < 200:
                yield Hit(m.start(), m.end())


class GeneralToleranceKind(Kind):
    """Flags millimetre values unless the document states a general tolerance somewhere.

    The fact is computed by the first clause that needs it and stored in ``facts``.
    """

    name = "test-general-tolerance"

    def check(self, clause: ClauseContext) -> Iterable[Hit]:
        facts = clause.document.facts
        if "test-general-tolerance" not in facts:
            facts["test-general-tolerance"] = "general tolerance" in clause.document.text.lower()
        if facts["test-general-tolerance"]:
            return
        for m in regex.finditer(r"\d+(?:[.,]\d+)?\s?mm\b", clause.text):
            yield Hit(m.start(), m.end())


class DraftKind(Kind):
    """Flags 'shall' when the document text contains DRAFT anywhere (reads ``document.text``)."""

    name = "test-draft"

    def check(self, clause: ClauseContext) -> Iterable[Hit]:
        if "DRAFT" in clause.document.text:
            yield from (Hit(m.start(), m.end()) for m in regex.finditer(r"\bshall\b", clause.text))


class RepeatKind(Kind):
    """Flags a clause identical to an earlier one (keeps a mutable list in ``facts``)."""

    name = "test-repeat"

    def check(self, clause: ClauseContext) -> Iterable[Hit]:
        seen = clause.document.facts.setdefault("test-seen", [])
        if clause.text in seen:
            yield Hit(0, min(4, len(clause.text)))
        seen.append(clause.text)


class LabelKind(Kind):
    """Flags the first word of clauses whose label is numbered (reads ``label``)."""

    name = "test-label"

    def check(self, clause: ClauseContext) -> Iterable[Hit]:
        if clause.label[:1].isdigit() and (m := regex.match(r"\w+", clause.text)):
            yield Hit(m.start(), m.end())


TEST_KINDS = [PositionKind, GeneralToleranceKind, DraftKind, RepeatKind, LabelKind]


def _linter_with(kinds: Iterable[type[Kind]], config: Config | None = None) -> Linter:
    """A private linter (not the shared cached one) with extra clause kinds appended."""
    linter = Linter(config or Config())
    template = linter.rules_by_code["SPL101"]
    for number, kind in enumerate(kinds, start=990):
        rule = Rule(code=f"SPL{number}", name=kind.name, category="vague-term", severity="warning",
                    kind=kind.name, message="flagged {match}", summary=kind.__doc__ or "", rationale="test",
                    suggestions=("⟨x⟩",), source=template.source)
        runner = RuleRunner(rule, kind(rule, None), "warning")
        linter.runners.append(runner)
        linter.clause_runners.append(runner)
        linter.rules_by_code[rule.code] = rule
    return linter


@cache
def _shared_linter() -> Linter:
    return _linter_with(TEST_KINDS)


def _spy(linter: Linter) -> Counter:
    """Count kind.check calls per (rule code, clause text)."""
    calls: Counter = Counter()
    for runner in linter.clause_runners:
        original = runner.kind.check

        def check(clause, _original=original, _code=runner.rule.code):
            calls[(_code, clause.text)] += 1
            return _original(clause)

        runner.kind.check = check
    return calls


def _same(a, b) -> None:
    assert to_dict(a) == to_dict(b)


# -- tests ------------------------------------------------------------------------------
def _volatile_checks(linter: Linter, calls: Counter, text: str) -> set:
    """(rule, clause) checks that re-run even on unchanged text: those that compute a
    document fact (at most one per rule and document)."""
    inc = IncrementalLinter(linter=linter)
    inc.lint(text)
    calls.clear()
    inc.lint(text)
    volatile = set(calls)
    assert len(volatile) <= len(linter.clause_runners)
    assert all(n == 1 for n in calls.values())
    calls.clear()
    return volatile


def test_first_lint_equals_full_lint_and_second_reuses_all_but_fact_computations():
    inc = IncrementalLinter()
    _same(inc.lint(BASE), specllint.lint(BASE))
    assert inc.stats.checks_reused == 0 and inc.stats.clauses > 20
    _same(inc.lint(BASE), specllint.lint(BASE))
    assert inc.stats.checks_run <= len(inc.linter.clause_runners)
    assert inc.stats.reused_clauses >= inc.stats.clauses - len(inc.linter.clause_runners)


def test_only_the_edited_clause_is_rechecked():
    linter = Linter(Config())
    calls = _spy(linter)
    volatile = _volatile_checks(linter, calls, BASE)
    inc = IncrementalLinter(linter=linter)
    inc.lint(BASE)
    assert calls, "the spy sees the clause kinds"
    calls.clear()
    edited_clause = CLAUSES[7]
    new_clause = edited_clause.replace(" ", " really ", 1)
    text = BASE.replace(edited_clause, new_clause, 1)
    report = inc.lint(text)
    edited = {(code, clause) for code, clause in calls if clause == new_clause}
    assert len(edited) == len(linter.clause_runners)  # every rule checked the new clause once
    assert set(calls) - edited <= volatile
    _same(report, linter.lint(text))


def test_inserted_lines_above_do_not_recheck_clauses_below():
    linter = Linter(Config())
    calls = _spy(linter)
    volatile = _volatile_checks(linter, calls, BASE)
    inc = IncrementalLinter(linter=linter)
    inc.lint(BASE)
    calls.clear()
    text = "Supplier shall ship soon.\n\n\n" + BASE  # every later offset and line label moves
    report = inc.lint(text)
    new = {(code, clause) for code, clause in calls if clause == "Supplier shall ship soon."}
    assert len(new) == len(linter.clause_runners)
    # A fact may now be computed by the new first clause, so fewer old checks re-run.
    assert set(calls) - new <= volatile
    _same(report, linter.lint(text))


def test_kinds_reading_position_and_document_are_rechecked_when_that_changes():
    linter = _linter_with(TEST_KINDS)
    calls = _spy(linter)
    inc = IncrementalLinter(linter=linter)
    base = "1. Length 120 mm, TBD.\n2. The seller shall pack 20 pcs per carton.\n3. Width 80 mm.\n" + BASE
    _same(inc.lint(base), linter.lint(base))
    steps = [
        "Preface TBD.\n\n" + base,                              # offsets move: TBD leaves the first 200 chars
        base.replace("3. Width 80 mm.", "3. Width 80 mm. General tolerance ISO 2768-m."),  # a fact changes
        "DRAFT\n\n" + base,                                     # document.text matters to one kind
        base + "\n2. The seller shall pack 20 pcs per carton.\n",  # a repeated clause
        base.replace("1. Length", "Length"),                    # a label changes
        base,
    ]
    for text in steps:
        calls.clear()
        report = inc.lint(text)
        # Kinds that read nothing outside their clause re-ran only for changed clauses.
        assert len({clause for (code, clause) in calls if code == "SPL101"}) <= 2
        _same(report, linter.lint(text))


def test_general_tolerance_fact_change_updates_unchanged_clauses():
    linter = _linter_with([GeneralToleranceKind])
    inc = IncrementalLinter(linter=linter)
    text = "Length 120 mm.\n\nWidth 80 mm.\n"
    assert [f.text for f in inc.lint(text).findings if f.name == "test-general-tolerance"] == ["120 mm", "80 mm"]
    text += "\nGeneral tolerance ISO 2768-m.\n"
    report = inc.lint(text)
    assert not [f for f in report.findings if f.name == "test-general-tolerance"]
    _same(report, linter.lint(text))


def test_config_and_path_are_honoured():
    config = Config(ignore=["SPL101"])
    inc = IncrementalLinter(config)
    report = inc.lint(BASE, path="contract.md")
    _same(report, specllint.lint(BASE, config=config, path="contract.md"))
    assert not [f for f in report.findings if f.code == "SPL101"]


def test_clear_forgets_results():
    inc = IncrementalLinter()
    inc.lint(BASE)
    inc.clear()
    inc.lint(BASE)
    assert inc.stats.checks_reused == 0


EDITS = st.one_of(
    st.tuples(st.just("insert"), st.floats(0, 1), st.sampled_from(["high quality ", "\n", "\n\n", "TBD ", "DRAFT",
                                                                     "3. ", "| a | b |\n", "General tolerance ±1 mm. ",
                                                                     "\U0001f600", "Ship ASAP. "])),
    st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 40)),
    st.tuples(st.just("swap"), st.integers(0, 9), st.integers(0, len(CLAUSES) - 1)),
)


def _apply(text: str, edit: tuple) -> str:
    op, a, b = edit
    if op == "insert":
        at = int(a * len(text))
        return text[:at] + b + text[at:]
    if op == "delete":
        at = int(a * len(text))
        return text[:at] + text[at + b :]
    return text.replace(CLAUSES[a], CLAUSES[b], 1)


@pytest.mark.slow
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EDITS, min_size=1, max_size=6))
def test_any_edit_sequence_gives_the_full_lint_report(edits):
    linter = _shared_linter()
    inc = IncrementalLinter(linter=linter)
    text = SMALL
    inc.lint(text)
    for edit in edits:
        text = _apply(text, edit)
        _same(inc.lint(text), linter.lint(text))
