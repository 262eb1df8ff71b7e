#!/usr/bin/env python3
"""Validate the annotated clause corpus and print counts.

Usage: python corpora/tools/clause_stats.py [--markdown] [FILE ...]

Without FILE arguments both corpora/clauses/dev.jsonl and test.jsonl are
checked.  Exit status 0 when every check passes, 1 on any problem.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from specllint.model import LANGUAGE_CATEGORIES, QUANTITY_CATEGORIES

#: Categories a single clause can carry: language, off-platform payment and quantities.
CATEGORIES = (*LANGUAGE_CATEGORIES, "off-platform-payment", *QUANTITY_CATEGORIES)
DOMAINS = (
    "apparel",
    "textiles",
    "electronics",
    "furniture",
    "packaging",
    "metal-parts",
    "plastics",
    "cosmetics",
    "food-contact",
    "toys",
    "lighting",
    "tools",
    "general-terms",
)
FIELDS = {"id", "domain", "text", "spans", "hard_negative"}
SPAN_FIELDS = {"start", "end", "category", "text"}
CLAUSE_DIR = Path(__file__).resolve().parent.parent / "clauses"
SPLITS = ("dev", "test")


def load(path: Path) -> tuple[list[dict], list[str]]:
    """Read one JSONL file; return its records and the problems found."""
    records: list[dict] = []
    problems: list[str] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path.name}:{lineno}"
        if not line.strip():
            problems.append(f"{where}: empty line")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: invalid JSON ({exc})")
            continue
        if not isinstance(rec, dict):
            problems.append(f"{where}: not a JSON object")
            continue
        rec["_where"] = where
        records.append(rec)
    return records, problems


def check_record(rec: dict, split: str) -> list[str]:
    """Return the problems of a single clause record."""
    where = rec["_where"]
    keys = set(rec) - {"_where"}
    if keys != FIELDS:
        return [f"{where}: fields {sorted(keys)} != {sorted(FIELDS)}"]
    problems = []
    text = rec["text"]
    if not isinstance(rec["id"], str) or not rec["id"].startswith(f"{split}-"):
        problems.append(f"{where}: id {rec['id']!r} does not start with '{split}-'")
    if rec["domain"] not in DOMAINS:
        problems.append(f"{where}: unknown domain {rec['domain']!r}")
    if not isinstance(text, str) or not text.strip() or text != text.strip():
        problems.append(f"{where}: text empty or has surrounding whitespace")
        return problems
    if not isinstance(rec["hard_negative"], bool):
        problems.append(f"{where}: hard_negative must be true or false")
    spans = rec["spans"]
    if not isinstance(spans, list):
        return [*problems, f"{where}: spans must be a list"]
    if rec["hard_negative"] is True and spans:
        problems.append(f"{where}: a hard negative must have no spans")
    for span in spans:
        if not isinstance(span, dict) or set(span) != SPAN_FIELDS:
            problems.append(f"{where}: span {span!r} must have fields {sorted(SPAN_FIELDS)}")
            continue
        start, end = span["start"], span["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problems.append(f"{where}: bad offsets {start}..{end}")
            continue
        if text[start:end] != span["text"]:
            problems.append(f"{where}: text[{start}:{end}] = {text[start:end]!r} != {span['text']!r}")
        if span["text"] != span["text"].strip():
            problems.append(f"{where}: span {span['text']!r} has surrounding whitespace")
        if span["category"] not in CATEGORIES:
            problems.append(f"{where}: unknown category {span['category']!r}")
    good = [s for s in spans if isinstance(s, dict) and set(s) == SPAN_FIELDS]
    ordered = sorted(good, key=lambda s: (s["start"], s["end"]))
    if [(s["start"], s["end"]) for s in good] != [(s["start"], s["end"]) for s in ordered]:
        problems.append(f"{where}: spans not sorted by offset")
    for cat in {s["category"] for s in good}:
        same = [s for s in ordered if s["category"] == cat]
        for a, b in itertools.pairwise(same):
            if b["start"] < a["end"]:
                problems.append(f"{where}: overlapping {cat} spans {a['text']!r} / {b['text']!r}")
    return problems


def validate(paths: dict[str, Path]) -> tuple[dict[str, list[dict]], list[str]]:
    """Validate the given split files; return records per split and all problems."""
    data: dict[str, list[dict]] = {}
    problems: list[str] = []
    seen_ids: set[str] = set()
    seen_texts: dict[str, str] = {}
    for split, path in paths.items():
        if not path.is_file():
            problems.append(f"{path}: missing")
            continue
        records, file_problems = load(path)
        problems += file_problems
        for rec in records:
            problems += check_record(rec, split)
            rid = rec.get("id")
            if rid in seen_ids:
                problems.append(f"{rec['_where']}: duplicate id {rid!r}")
            seen_ids.add(rid)
            text = rec.get("text")
            if isinstance(text, str):
                if text in seen_texts:
                    problems.append(f"{rec['_where']}: same text as {seen_texts[text]}")
                seen_texts.setdefault(text, rec["_where"])
        data[split] = records
    return data, problems


def stats(records: list[dict]) -> dict:
    """Counts for one split."""
    spans = [s for r in records for s in r["spans"]]
    return {
        "clauses": len(records),
        "clean": sum(1 for r in records if not r["spans"]),
        "hard_negative": sum(1 for r in records if r["hard_negative"]),
        "spans": len(spans),
        "categories": Counter(s["category"] for s in spans),
        "domains": Counter(r["domain"] for r in records),
        "domains_failing": Counter(r["domain"] for r in records if r["spans"]),
    }


def mix_problems(data: dict[str, list[dict]]) -> list[str]:
    """Check the size and mix requirements of the corpus as a whole."""
    problems = []
    records = [r for recs in data.values() for r in recs]
    total = len(records)
    clean = sum(1 for r in records if not r["spans"])
    hard = sum(1 for r in records if r["hard_negative"])
    if total < 560:
        problems.append(f"only {total} clauses (need >= 560)")
    if total and clean / total < 0.45:
        problems.append(f"only {clean / total:.1%} clean clauses (need >= 45 %)")
    if hard < 140:
        problems.append(f"only {hard} hard negatives (need >= 140)")
    for split, recs in data.items():
        cats = Counter(s["category"] for r in recs for s in r["spans"])
        doms = Counter(r["domain"] for r in recs)
        for cat in CATEGORIES:
            if not cats[cat]:
                problems.append(f"{split}: no {cat} span")
        for dom in DOMAINS:
            if not doms[dom]:
                problems.append(f"{split}: no clause from domain {dom}")
    return problems


def report(data: dict[str, list[dict]], markdown: bool = False) -> str:
    """Human-readable (or Markdown table) counts per split, category and domain."""
    per = {split: stats(recs) for split, recs in data.items()}
    splits = list(per)
    lines = []
    if markdown:
        lines.append("| | " + " | ".join(splits) + " | total |")
        lines.append("|---|" + "---:|" * (len(splits) + 1))

        def row(label, values):
            lines.append(f"| {label} | " + " | ".join(str(v) for v in values) + f" | {sum(values)} |")
    else:
        lines.append(f"{'':26}" + "".join(f"{s:>8}" for s in splits) + f"{'total':>8}")

        def row(label, values):
            lines.append(f"{label:26}" + "".join(f"{v:>8}" for v in values) + f"{sum(values):>8}")

    for key, label in (
        ("clauses", "clauses"),
        ("clean", "clean (no spans)"),
        ("hard_negative", "hard negatives"),
        ("spans", "spans"),
    ):
        row(label, [per[s][key] for s in splits])
    for cat in CATEGORIES:
        row(f"span: {cat}", [per[s]["categories"][cat] for s in splits])
    for dom in DOMAINS:
        row(f"clauses: {dom}", [per[s]["domains"][dom] for s in splits])
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    markdown = "--markdown" in argv
    args = [a for a in argv if a != "--markdown"]
    if args:
        paths = {Path(a).stem: Path(a) for a in args}
    else:
        paths = {split: CLAUSE_DIR / f"{split}.jsonl" for split in SPLITS}
    data, problems = validate(paths)
    if not args:
        problems += mix_problems(data)
    if data:
        print(report(data, markdown))
    for p in problems:
        print(f"PROBLEM: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
