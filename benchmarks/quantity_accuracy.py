"""Quantity accuracy on corpora/quantities.jsonl.

Two measurements per split:

* extraction: a predicted quantity matches a gold one when their spans overlap and value,
  high, unit, tolerance and limit all agree; precision and recall over all quantities;
* rules: for each quantity category (missing-tolerance, missing-unit, unit-mismatch,
  bad-tolerance) a finding matches a gold finding of the same category whose span it
  overlaps; precision and recall per category, linting with only the SPL2xx rules.

Usage: python benchmarks/quantity_accuracy.py [--split dev|test|all] [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import specllint  # noqa: E402
from specllint.model import QUANTITY_CATEGORIES  # noqa: E402

CORPUS = ROOT / "corpora" / "quantities.jsonl"


def load(split: str = "test", path: Path = CORPUS) -> list[dict[str, Any]]:
    """Corpus rows of ``split`` ("dev", "test" or "all")."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows if split == "all" else [r for r in rows if r["split"] == split]


def _locate(text: str, snippets: Iterable[str]) -> Iterator[tuple[int, int]]:
    """Spans of gold snippets, found left to right (repeated snippets take later places)."""
    cursor = 0
    for snippet in snippets:
        start = text.find(snippet, cursor)
        if start < 0:
            start = text.find(snippet)
        cursor = start + 1
        yield start, start + len(snippet)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _same(pred: specllint.Quantity, gold: dict[str, Any]) -> bool:
    tol = gold["tolerance"]
    if (pred.tolerance is None) != (tol is None):
        return False
    if tol is not None and pred.tolerance is not None and not (
        _close(pred.tolerance.plus, tol["plus"])
        and _close(pred.tolerance.minus, tol["minus"])
        and pred.tolerance.relative == tol["relative"]
    ):
        return False
    return (
        _close(pred.value, gold["value"])
        and _close(pred.high, gold["high"])
        and pred.unit == gold["unit"]
        and pred.limit == gold["limit"]
    )


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def _scores(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def _extraction(rows: list[dict[str, Any]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    tp = fp = fn = 0
    errors = []
    for row in rows:
        text = row["text"]
        gold = list(zip(_locate(text, (g["text"] for g in row["quantities"])), row["quantities"], strict=True))
        pred = list(specllint.extract_quantities(text))
        used: set[int] = set()
        for p in pred:
            hit = next(
                (i for i, (span, g) in enumerate(gold) if i not in used and _overlaps(span, (p.start, p.end))
                 and _same(p, g)),
                None,
            )
            if hit is None:
                fp += 1
                errors.append({"id": row["id"], "kind": "fp", "text": p.text, "unit": p.unit, "value": p.value})
            else:
                used.add(hit)
                tp += 1
        for i, (_, g) in enumerate(gold):
            if i not in used:
                fn += 1
                errors.append(
                    {"id": row["id"], "kind": "fn", "text": g["text"], "unit": g["unit"], "value": g["value"]}
                )
    return _scores(tp, fp, fn), errors


def _rules(rows: list[dict[str, Any]]) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    config = specllint.Config(select=["SPL2"], plugins=False)
    counts = {c: [0, 0, 0] for c in QUANTITY_CATEGORIES}
    errors = []
    for row in rows:
        text = row["text"]
        gold = list(zip(_locate(text, (f["text"] for f in row["findings"])),
                        (f["category"] for f in row["findings"]), strict=True))
        found = [(f.start, f.end, f.category, f.text) for f in specllint.lint(text, config=config).findings
                 if f.category in counts]
        used: set[int] = set()
        for start, end, category, flagged in found:
            hit = next((i for i, (span, c) in enumerate(gold)
                        if i not in used and c == category and _overlaps(span, (start, end))), None)
            if hit is None:
                counts[category][1] += 1
                errors.append({"id": row["id"], "kind": "fp", "category": category, "text": flagged})
            else:
                used.add(hit)
                counts[category][0] += 1
        for i, (span, category) in enumerate(gold):
            if i not in used:
                counts[category][2] += 1
                errors.append({"id": row["id"], "kind": "fn", "category": category, "text": text[span[0]:span[1]]})
    return {c: _scores(*v) for c, v in counts.items()}, errors


def evaluate(split: str = "test", with_errors: bool = False) -> dict[str, Any]:
    """Extraction and per-category rule precision/recall on one split of the corpus."""
    rows = load(split)
    extraction, extraction_errors = _extraction(rows)
    rules, rule_errors = _rules(rows)
    result: dict[str, Any] = {"split": split, "cases": len(rows), "extraction": extraction, "rules": rules}
    if with_errors:
        result["errors"] = {"extraction": extraction_errors, "rules": rule_errors}
    return result


def _table(result: dict[str, Any]) -> str:
    lines = [f"quantity accuracy, split={result['split']} ({result['cases']} cases)",
             f"{'measure':<22}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}"]
    rows = [("extraction", result["extraction"]), *result["rules"].items()]
    for name, s in rows:
        lines.append(f"{name:<22}{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}"
                     f"{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="test")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--errors", action="store_true", help="list every mismatch (tuning on dev only)")
    args = parser.parse_args(argv)
    result = evaluate(args.split, with_errors=args.errors)
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(_table(result))
        for kind, errors in result.get("errors", {}).items():
            for e in errors:
                print(f"  {kind}: {e}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
