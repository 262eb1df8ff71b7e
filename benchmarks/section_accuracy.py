"""Section accuracy on the annotated contracts in ``corpora/contracts``.

Every (contract, section) pair is one decision: present or not. Section accuracy is the
fraction of decisions that agree with ``labels.json``; missing-section precision and
recall treat "absent" as the positive class (what SPL401 reports). Run::

    python -m benchmarks.section_accuracy [--split dev|test] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "contracts"


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def load_labels(corpus: Path = CORPUS) -> dict[str, dict[str, Any]]:
    """The annotations: file name -> {"split", "sections", "notes"}."""
    return json.loads((corpus / "labels.json").read_text(encoding="utf-8"))


def evaluate(split: str | None = None, corpus: Path = CORPUS) -> dict[str, Any]:
    """Accuracy, missing-section precision/recall, per-section accuracy and every error."""
    sys.path.insert(0, str(corpus.parent.parent))
    import specllint
    from specllint.model import SECTION_IDS

    config = specllint.Config(select=["SPL401"], plugins=False)
    labels = load_labels(corpus)
    correct = tp = fp = fn = 0
    per_section = {sid: [0, 0] for sid in SECTION_IDS}
    errors: list[dict[str, Any]] = []
    files = sorted(name for name, lab in labels.items() if split is None or lab["split"] == split)
    for name in files:
        text = (corpus / name).read_text(encoding="utf-8")
        report = specllint.lint(text, config=config, path=name)
        for sid in SECTION_IDS:
            expected = bool(labels[name]["sections"][sid])
            got = report.sections[sid].present
            per_section[sid][1] += 1
            if got == expected:
                correct += 1
                per_section[sid][0] += 1
            else:
                errors.append({"file": name, "section": sid, "expected": expected, "got": got})
            tp += not got and not expected
            fp += not got and expected
            fn += got and not expected
    decisions = len(files) * len(SECTION_IDS)
    return {
        "split": split or "all",
        "contracts": len(files),
        "decisions": decisions,
        "section_accuracy": _ratio(correct, decisions),
        "missing_precision": _ratio(tp, tp + fp),
        "missing_recall": _ratio(tp, tp + fn),
        "per_section": {sid: _ratio(ok, n) for sid, (ok, n) in per_section.items()},
        "errors": errors,
    }


def _table(result: dict[str, Any]) -> str:
    def pct(v: float | None) -> str:
        return "   n/a" if v is None else f"{100 * v:5.1f}%"

    lines = [
        f"split: {result['split']}  contracts: {result['contracts']}  decisions: {result['decisions']}",
        f"section accuracy      {pct(result['section_accuracy'])}",
        f"missing precision     {pct(result['missing_precision'])}",
        f"missing recall        {pct(result['missing_recall'])}",
        "",
        "section                    accuracy",
    ]
    lines += [f"  {sid:<24} {pct(v)}" for sid, v in result["per_section"].items()]
    if result["errors"]:
        lines += ["", "disagreements (expected -> got):"]
        lines += [
            f"  {e['file']}: {e['section']} {'present' if e['expected'] else 'absent'} -> "
            f"{'present' if e['got'] else 'absent'}"
            for e in result["errors"]
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), help="only this split (default: all)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    result = evaluate(args.split)
    print(json.dumps(result, indent=2) if args.json else _table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
