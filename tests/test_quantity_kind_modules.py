"""The quantity kinds after their split into modules: the same kinds under the same names, built-in
patterns matched without the time limit (with the same findings as with it), and exception patterns
of SPL202 searched once per clause."""

from __future__ import annotations

import attrs
import regex
from generated import contracts_text

import specllint
from specllint import userpatterns
from specllint.engine import Linter
from specllint.kinds import builtin_kinds
from specllint.kinds.bare_value_shapes import FOLLOWERS, SMALL_COUNTS, distinct_axes
from specllint.kinds.dual_units import DualUnitKind
from specllint.kinds.quantity_tolerance import MissingToleranceKind
from specllint.kinds.quantity_units import DualUnitKind as ReExported
from specllint.kinds.quantity_units import MissingUnitKind

QUANTITY_RULES = ["SPL201", "SPL202", "SPL203", "SPL204"]


def _corpus(n: int, seed: int) -> str:
    return contracts_text(n, seed)


def _kinds(linter: Linter) -> list:
    return [r.kind for r in linter.clause_runners if isinstance(r.kind, (MissingToleranceKind, MissingUnitKind))]


def test_kinds_keep_their_names_and_import_paths():
    kinds = builtin_kinds()
    assert kinds["number-requires-unit"] is MissingUnitKind
    assert kinds["dual-unit-consistency"] is DualUnitKind is ReExported
    assert kinds["quantity-requires-tolerance"] is MissingToleranceKind


def test_bare_value_shapes():
    assert FOLLOWERS.match(" per carton") and not FOLLOWERS.match("mm")
    assert SMALL_COUNTS.fullmatch("6 x 4") and not SMALL_COUNTS.fullmatch("60 x 40")
    assert distinct_axes("40L x 30W") and not distinct_axes("5L x 2L")


def test_built_in_quantity_rules_match_directly_with_the_findings_of_the_time_limit():
    config = specllint.Config(select=QUANTITY_RULES, sections_profile="none", plugins=False)
    direct, timed = Linter(config), Linter(config)
    assert len(_kinds(direct)) == 2
    for kind in _kinds(direct):
        assert kind._run is userpatterns.DIRECT
    for kind in _kinds(timed):
        kind._run = userpatterns.TIMED
    text = _corpus(6, seed=5) + "\nDrop test: carton 12 kg from 80 cm. Sizes 8, 10, 13 mm; thickness 2; Ø 6 mm h9.\n"
    findings = [attrs.astuple(f) for f in direct.lint(text).findings]
    assert findings == [attrs.astuple(f) for f in timed.lint(text).findings]
    assert {f[0] for f in findings} >= {"SPL201", "SPL202"}


def test_exception_patterns_are_searched_once_per_clause():
    config = specllint.Config(select=["SPL202"], sections_profile="none", plugins=False)
    linter = Linter(config)
    (kind,) = _kinds(linter)
    assert kind.exceptions, "the built-in rule has exception patterns"
    calls: list[str] = []

    def finditer(pattern: regex.Pattern, text: str):
        calls.append(pattern.pattern)
        return pattern.finditer(text)

    kind._run = userpatterns.Matching(userpatterns.DIRECT.search, finditer)
    text = "Panel: thickness 2, width 3, depth 4, height 5, nominal size 2 × 4."
    flagged = [text[f.start : f.end] for f in linter.lint(text).findings]
    assert flagged == ["2", "3", "4", "5"]
    assert len(calls) == len(set(calls)) == len(kind.exceptions)
