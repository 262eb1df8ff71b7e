"""The benchmark's contract generator (``benchmarks/corpus_gen.py``), loaded once for the tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load():
    spec = importlib.util.spec_from_file_location("corpus_gen", ROOT / "benchmarks" / "corpus_gen.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


corpus_gen = _load()


def contracts(count: int, seed: int) -> list[str]:
    """``count`` generated contracts (the same seed gives the same texts)."""
    return list(corpus_gen.generate_contracts(count, seed=seed))


def contracts_text(count: int, seed: int) -> str:
    """The same contracts as one text."""
    return "\n".join(contracts(count, seed))
