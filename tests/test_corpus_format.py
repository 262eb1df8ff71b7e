"""Format and mix checks for the annotated clause corpus (corpora/clauses)."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STATS_PATH = ROOT / "corpora" / "tools" / "clause_stats.py"


def _load_stats_module():
    spec = importlib.util.spec_from_file_location("clause_stats", STATS_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("clause_stats", module)
    spec.loader.exec_module(module)
    return module


stats = _load_stats_module()
PATHS = {split: stats.CLAUSE_DIR / f"{split}.jsonl" for split in stats.SPLITS}


@pytest.fixture(scope="module")
def corpus():
    data, problems = stats.validate(PATHS)
    return data, problems


def test_files_exist():
    for path in PATHS.values():
        assert path.is_file(), path


def test_records_are_valid(corpus):
    _, problems = corpus
    assert problems == [], "\n".join(problems[:50])


def test_size_and_mix(corpus):
    data, _ = corpus
    assert stats.mix_problems(data) == []
    records = [r for recs in data.values() for r in recs]
    assert len(records) >= 560
    clean = sum(1 for r in records if not r["spans"])
    assert clean / len(records) >= 0.45
    assert sum(1 for r in records if r["hard_negative"]) >= 140


@pytest.mark.parametrize("split", stats.SPLITS)
def test_every_category_and_domain_in_split(corpus, split):
    data, _ = corpus
    records = data[split]
    cats = Counter(s["category"] for r in records for s in r["spans"])
    assert set(cats) == set(stats.CATEGORIES)
    assert {r["domain"] for r in records} == set(stats.DOMAINS)
    minimum = 25 if split == "dev" else 20
    for cat in stats.CATEGORIES:
        assert cats[cat] >= minimum, (split, cat, cats[cat])


def test_held_out_split_stays_sizeable(corpus):
    data, _ = corpus
    dev, test = len(data["dev"]), len(data["test"])
    # dev grows with fresh tuning clauses (dev-1001+, dev-2001+, dev-3001+, dev-4001+); what
    # keeps the held-out figures meaningful is its absolute size, not its share of the corpus
    assert dev >= test
    assert test >= 350
    assert sum(1 for r in data["test"] if r["hard_negative"]) >= 100


def test_offsets_match_text(corpus):
    # Redundant with validate(), but spelled out because the benchmark relies on it.
    data, _ = corpus
    for records in data.values():
        for rec in records:
            for span in rec["spans"]:
                assert rec["text"][span["start"] : span["end"]] == span["text"], rec["id"]


def test_validator_rejects_bad_records(tmp_path):
    good = json.dumps(
        {
            "id": "dev-0001",
            "domain": "toys",
            "text": "Ship ASAP.",
            "spans": [{"start": 5, "end": 9, "category": "vague-time", "text": "ASAP"}],
            "hard_negative": False,
        }
    )
    bad_offset = good.replace('"start": 5', '"start": 4')
    bad_category = good.replace("vague-time", "vague")
    hard_with_span = good.replace('"hard_negative": false', '"hard_negative": true')
    for line, needle in ((bad_offset, "!="), (bad_category, "unknown category"), (hard_with_span, "hard negative")):
        path = tmp_path / "dev.jsonl"
        path.write_text(line + "\n", encoding="utf-8")
        _, problems = stats.validate({"dev": path})
        assert any(needle in p for p in problems), (line, problems)
    path = tmp_path / "dev.jsonl"
    path.write_text(good + "\n" + good + "\n", encoding="utf-8")
    _, problems = stats.validate({"dev": path})
    assert any("duplicate id" in p for p in problems)


def test_stats_script_exit_code():
    assert stats.main([]) == 0
