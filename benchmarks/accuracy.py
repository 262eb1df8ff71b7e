"""Accuracy of specllint on the annotated corpora.

Reports, for one split (``--split test`` by default; tune on ``dev`` only):

* clause level: precision / recall / F1 of "this clause has a problem" (flagged vs clean);
* span level, per category: a gold span is found when a finding of the same category overlaps
  it; a finding is correct when it overlaps a gold span of its category;
* the false-alarm rate on hard negatives (clean clauses that use trigger words measurably);
* the same clause- and span-level figures for a plain word-list baseline, computed in the same
  run, to show what context adds;
* quantity extraction precision / recall (``benchmarks/quantity_accuracy.py``) and section
  accuracy on the contracts (``benchmarks/section_accuracy.py``) when those corpora exist.

Usage: ``python benchmarks/accuracy.py [--split dev|test] [--json]``
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from baseline_words import baseline_spans  # noqa: E402

import specllint  # noqa: E402

CLAUSES = ROOT / "corpora" / "clauses"
#: Clause-level rules only: document checks (sections, metadata) have nothing to say about one clause.
CLAUSE_RULES = ("SPL1", "SPL2", "SPL301")

Span = tuple[int, int, str]


def load(split: str) -> list[dict[str, Any]]:
    """The annotated clauses of one split."""
    path = CLAUSES / f"{split}.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def specllint_spans(text: str) -> list[Span]:
    """What specllint flags in one clause, as (start, end, category)."""
    config = specllint.Config(select=CLAUSE_RULES, sections_profile="none", plugins=False)
    report = specllint.lint(text, config=config)
    return [(f.start, f.end, f.category) for f in report.findings if f.end > f.start]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision, recall and F1 with their counts (1.0 where nothing was expected or predicted)."""
    return span_prf(tp, tp + fp, tp, tp + fn)


def span_prf(pred_ok: int, pred_total: int, gold_found: int, gold_total: int) -> dict[str, float | int]:
    """Precision over predictions, recall over gold items (they may differ when spans overlap)."""
    p = pred_ok / pred_total if pred_total else 1.0
    r = gold_found / gold_total if gold_total else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "predicted": pred_total, "correct": pred_ok, "gold": gold_total, "found": gold_found}


def score_system(records: Sequence[dict[str, Any]], predict: Callable[[str], Iterable[Span]]) -> dict[str, Any]:
    """Clause-level, span-level and hard-negative figures for one predictor."""
    clause = {"tp": 0, "fp": 0, "fn": 0}
    per_cat: dict[str, dict[str, int]] = {}
    hard_total = hard_flagged = 0
    hard_by_cat: dict[str, int] = {}
    errors: list[dict[str, Any]] = []

    def counts(cat: str) -> dict[str, int]:
        return per_cat.setdefault(cat, {"pred_ok": 0, "pred_total": 0, "gold_found": 0, "gold_total": 0})

    for rec in records:
        gold = [(s["start"], s["end"], s["category"]) for s in rec["spans"]]
        pred = list(predict(rec["text"]))
        gold_flag, pred_flag = bool(gold), bool(pred)
        if gold_flag and pred_flag:
            clause["tp"] += 1
        elif pred_flag:
            clause["fp"] += 1
        elif gold_flag:
            clause["fn"] += 1
        if rec.get("hard_negative"):
            hard_total += 1
            hard_flagged += pred_flag
            for cat in {p[2] for p in pred}:
                hard_by_cat[cat] = hard_by_cat.get(cat, 0) + 1
        for g in gold:
            c = counts(g[2])
            c["gold_total"] += 1
            if any(p[2] == g[2] and _overlaps(p[:2], g[:2]) for p in pred):
                c["gold_found"] += 1
            else:
                errors.append({"id": rec["id"], "kind": "missed", "category": g[2], "text": rec["text"][g[0]:g[1]]})
        for p in pred:
            c = counts(p[2])
            c["pred_total"] += 1
            if any(g[2] == p[2] and _overlaps(p[:2], g[:2]) for g in gold):
                c["pred_ok"] += 1
            else:
                errors.append({"id": rec["id"], "kind": "false alarm", "category": p[2],
                               "text": rec["text"][p[0]:p[1]]})
    spans = {cat: span_prf(**v) for cat, v in sorted(per_cat.items())}
    return {
        "clauses": len(records),
        "clause_level": prf(clause["tp"], clause["fp"], clause["fn"]),
        "spans": spans,
        "hard_negatives": hard_total,
        "hard_negative_false_alarm_rate": round(hard_flagged / hard_total, 4) if hard_total else 0.0,
        "hard_negatives_flagged_by_category": dict(sorted(hard_by_cat.items())),
        "errors": errors,
    }


def _optional(module: str, split: str) -> dict[str, Any] | None:
    try:
        mod = __import__(module)
    except ImportError:
        return None
    try:
        return mod.evaluate(split)
    except FileNotFoundError:
        return None


def in_range(records: Sequence[dict[str, Any]], ids: str) -> list[dict[str, Any]]:
    """The records whose id lies in ``FIRST:LAST`` (inclusive, e.g. ``dev-4001:dev-4080``)."""
    first, _, last = ids.partition(":")
    last = last or first

    def key(rec_id: str) -> tuple[str, int]:
        prefix, _, number = rec_id.rpartition("-")
        return prefix, int(number)

    low, high = key(first), key(last)
    return [r for r in records if low <= key(r["id"]) <= high]


def run(split: str, ids: str | None = None) -> dict[str, Any]:
    """Every figure for ``split`` (only the clause figures when ``ids`` restricts the records)."""
    records = load(split)
    if ids:
        records = in_range(records, ids)
    started = time.perf_counter()
    system = score_system(records, specllint_spans)
    baseline = score_system(records, baseline_spans)
    return {
        "split": split,
        "specllint": system,
        "baseline": baseline,
        "quantities": None if ids else _optional("quantity_accuracy", split),
        "sections": None if ids else _optional("section_accuracy", split),
        "seconds": round(time.perf_counter() - started, 2),
    }


def _fmt(x: Any) -> str:
    return f"{x:.3f}" if isinstance(x, float) else str(x)


def table(result: dict[str, Any]) -> str:
    """A readable report."""
    s, b = result["specllint"], result["baseline"]
    out = [f"specllint accuracy — split: {result['split']} ({s['clauses']} clauses, "
           f"{s['hard_negatives']} hard negatives)", ""]
    out.append(f"{'':38}{'specllint':>28}  {'word-list baseline':>28}")
    out.append(f"{'':38}{'P':>9}{'R':>9}{'F1':>10}  {'P':>9}{'R':>9}{'F1':>10}")

    def row(label: str, a: dict[str, Any] | None, c: dict[str, Any] | None) -> str:
        def cells(m: dict[str, Any] | None) -> str:
            if m is None or not m["predicted"]:
                recall = "—" if m is None else _fmt(m["recall"])
                return f"{'—':>9}{recall:>9}{'—':>10}"
            return f"{_fmt(m['precision']):>9}{_fmt(m['recall']):>9}{_fmt(m['f1']):>10}"
        return f"{label:38}{cells(a)}  {cells(c)}"

    out.append(row("clause level (flagged vs clean)", s["clause_level"], b["clause_level"]))
    for cat in sorted(set(s["spans"]) | set(b["spans"])):
        n = s["spans"].get(cat, {}).get("gold", 0)
        out.append(row(f"  span: {cat} (n={n})", s["spans"].get(cat), b["spans"].get(cat)))
    out.append(f"{'hard-negative false-alarm rate':38}{_fmt(s['hard_negative_false_alarm_rate']):>28}  "
               f"{_fmt(b['hard_negative_false_alarm_rate']):>28}")
    by_cat = s.get("hard_negatives_flagged_by_category") or {}
    if by_cat:
        listed = ", ".join(f"{cat} {n}" for cat, n in by_cat.items())
        out.append(f"  hard negatives flagged, by category of the finding: {listed}")
    q = result.get("quantities")
    if q:
        ex = q["extraction"]
        out.append("")
        out.append(f"quantity extraction ({q['cases']} cases): precision {_fmt(ex['precision'])}, "
                   f"recall {_fmt(ex['recall'])} ({ex['tp'] + ex['fn']} gold quantities)")
        for cat, m in sorted(q.get("rules", {}).items()):
            out.append(f"  rule {cat}: precision {_fmt(m['precision'])}, recall {_fmt(m['recall'])}")
    sec = result.get("sections")
    if sec:
        out.append("")
        out.append(f"section accuracy: {_fmt(sec['section_accuracy'])} over {sec['decisions']} decisions "
                   f"({sec['contracts']} contracts)")
        out.append(f"  missing-section: precision {_fmt(sec['missing_precision'])}, "
                   f"recall {_fmt(sec['missing_recall'])}")
    out.append("")
    out.append(f"({result['seconds']} s)")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=["dev", "test"])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--errors", action="store_true", help="list missed spans and false alarms")
    parser.add_argument("--ids", metavar="FIRST:LAST",
                        help="score only the clauses with ids in this range, e.g. dev-4001:dev-4080")
    args = parser.parse_args(argv)
    result = run(args.split, args.ids)
    if args.json:
        print(json.dumps(result if args.errors else _without_errors(result), indent=2, ensure_ascii=False))
    else:
        print(table(result))
        if args.errors:
            for e in result["specllint"]["errors"]:
                print(f"{e['id']}: {e['kind']:<11} {e['category']:<22} {e['text']!r}")
    return 0


def _without_errors(result: dict[str, Any]) -> dict[str, Any]:
    out = dict(result)
    for key in ("specllint", "baseline"):
        out[key] = {k: v for k, v in result[key].items() if k != "errors"}
    return out


if __name__ == "__main__":
    raise SystemExit(main())
