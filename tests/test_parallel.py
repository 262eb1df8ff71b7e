"""Many inputs at once: processes (``lint_many``, ``check -j``), threads, and streaming."""

from __future__ import annotations

import subprocess
import sys
import weakref
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from generated import corpus_gen

import specllint
from specllint.model import to_dict
from specllint.streaming import ForwardLineIndex

ROOT = Path(__file__).resolve().parent.parent


CONTRACTS = corpus_gen.generate_contracts(12, seed=5)


def test_corpus_generator_is_deterministic_and_sized():
    assert corpus_gen.generate_contracts(3, seed=1) == corpus_gen.generate_contracts(3, seed=1)
    assert corpus_gen.generate_contracts(3, seed=1) != corpus_gen.generate_contracts(3, seed=2)
    text = corpus_gen.generate_corpus(50_000, seed=3)
    assert len(text.encode("utf-8")) >= 50_000
    assert "|---|" in text and "\n1.1 " in text and "Material:" in text


def test_lint_many_matches_lint_in_order():
    expected = [to_dict(specllint.lint(t)) for t in CONTRACTS]
    assert [to_dict(r) for r in specllint.lint_many(CONTRACTS)] == expected
    assert [to_dict(r) for r in specllint.lint_many(CONTRACTS, jobs=2)] == expected


def test_lint_many_passes_config_and_paths():
    config = {"select": ["SPL101"]}
    reports = specllint.lint_many(CONTRACTS[:3], config=config, paths=["a.md", "b.md", "c.md"])
    assert [r.path for r in reports] == ["a.md", "b.md", "c.md"]
    assert all(f.code == "SPL101" for r in reports for f in r.findings)
    assert specllint.lint_many([]) == []
    with pytest.raises(ValueError, match="2 texts but 1 paths"):
        specllint.lint_many(CONTRACTS[:2], paths=["a.md"])


def test_lint_is_thread_safe():
    texts = corpus_gen.generate_contracts(24, seed=11)
    sequential = [to_dict(specllint.lint(t)) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(lambda t: to_dict(specllint.lint(t)), texts * 2))
    assert threaded == sequential * 2


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "specllint.cli", *args],
        cwd=cwd, capture_output=True, env={"PYTHONPATH": str(ROOT), "PATH": ""}, check=False,
    )


@pytest.mark.slow
def test_check_jobs_output_is_byte_identical(tmp_path):
    fmt = "full"  # source excerpts included: the text travels back from the workers too
    for i, text in enumerate(CONTRACTS[:6]):
        (tmp_path / f"c{i:02d}.md").write_text(text, encoding="utf-8")
    (tmp_path / "broken.md").write_bytes(b"\xff\xfe not utf-8 \xc3\x28")
    one = _cli("check", ".", "-f", fmt, "-j", "1", cwd=tmp_path)
    two = _cli("check", ".", "-f", fmt, "-j", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 2  # the broken file is an input error
    assert one.stdout == two.stdout
    assert one.stdout.count(b"c0") >= 6


def test_iter_findings_equals_clause_findings_of_lint():
    text = "\n".join(CONTRACTS)
    report = specllint.lint(text)
    streamed = list(specllint.iter_findings(text))
    assert streamed == [f for f in report.findings if f.clause is not None]
    assert streamed, "the generated corpus should have vague wording"


def test_iter_findings_with_fresh_vocabularies_equals_lint(monkeypatch):
    # Small chunks and a new blank pipeline every second chunk: findings must not change.
    from specllint import pipeline, streaming

    made = []

    def counting_blank():
        made.append(pipeline.spacy.blank("en"))
        return made[-1]

    monkeypatch.setattr(streaming, "CHUNK_CLAUSES", 16)
    monkeypatch.setattr(streaming, "VOCAB_CHUNKS", 2)
    monkeypatch.setattr(pipeline, "fresh_blank", counting_blank)
    text = "\n".join(CONTRACTS)
    streamed = list(specllint.iter_findings(text))
    assert len(made) >= 3
    assert streamed == [f for f in specllint.lint(text).findings if f.clause is not None]


def test_iter_findings_honours_suppression_comments():
    text = (
        "1. Material: high quality steel.\n"
        "<!-- specllint-disable-next-line SPL101 -->\n"
        "2. Finish: high quality coating.\n"
    )
    streamed = [(f.code, f.line) for f in specllint.iter_findings(text, config={"select": ["SPL101"]})]
    linted = [(f.code, f.line) for f in specllint.lint(text, config={"select": ["SPL101"]}).findings
              if f.clause is not None]
    assert streamed == linted == [("SPL101", 1)]


def test_iter_findings_too_large_input_gives_one_meta_finding():
    findings = list(specllint.iter_findings("high quality " * 20, config={"max-bytes": 100}))
    assert [f.name for f in findings] == ["input-too-large"]


def test_forward_line_index_agrees_with_line_index():
    from specllint.positions import LineIndex

    text = "a\nbb\n\nccc\r\nd" * 5
    fwd, ref = ForwardLineIndex(text), LineIndex(text)
    # forward, backward within a line, backward over lines, and past the end
    for offset in [0, 1, 2, 5, 4, 9, 3, 0, 17, 12, 30, len(text), len(text) + 5, 7]:
        assert fwd.position(offset) == ref.position(offset), offset
        assert fwd.line_of(offset) == ref.line_of(min(offset, len(text))), offset


def test_segment_labels_use_the_right_line_numbers():
    from specllint.positions import LineIndex
    from specllint.segmentation import segment

    text = "# Terms\n\nFirst line.\nStill the paragraph.\n\n| a | b |\n|---|---|\n| x | y |\n\nLast one. Two.\n" * 30
    ref = LineIndex(text)
    segments, _, _ = segment(text)
    unlabelled = [s for s in segments if s.label.startswith("L")]
    assert len(unlabelled) > 60
    for s in unlabelled:
        assert s.label.split(".")[0] == f"L{ref.line_of(s.start)}", s


class _SpyPipeline:
    """Wraps the linter's spaCy pipeline and counts how many Docs are alive at once."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.alive: weakref.WeakSet = weakref.WeakSet()
        self.peak = 0

    def __getattr__(self, name: str):
        return getattr(self.nlp, name)

    def pipe(self, *args, **kwargs):
        for item in self.nlp.pipe(*args, **kwargs):
            doc = item[0] if isinstance(item, tuple) else item
            self.alive.add(doc)
            self.peak = max(self.peak, len(self.alive))
            yield item


@pytest.mark.parametrize("api", ["lint", "iter_findings"])
def test_docs_are_dropped_batch_by_batch(api):
    from specllint.engine import BATCH_SIZE, get_linter
    from specllint.segmentation import segment

    text = corpus_gen.generate_corpus(90_000, seed=8)
    assert len(segment(text)[0]) > 4 * BATCH_SIZE
    linter = get_linter(specllint.Config())
    spy = _SpyPipeline(linter.nlp)
    linter.nlp = spy
    try:
        if api == "iter_findings":
            list(specllint.iter_findings(text))
        else:
            specllint.lint(text)
    finally:
        linter.nlp = spy.nlp
    assert 0 < spy.peak <= BATCH_SIZE, "spaCy Docs of earlier clauses were kept alive"


def test_iter_findings_applies_per_file_ignores():
    text = "1. Material: high quality steel, approx. 5 kg.\n"
    config = {"per-file-ignores": {"legacy/*.md": ["SPL101"]}}
    for path in ("legacy/a.md", "new/a.md"):
        streamed = list(specllint.iter_findings(text, config=config, path=path))
        linted = [f for f in specllint.lint(text, config=config, path=path).findings if f.clause is not None]
        assert streamed == linted
    assert "SPL101" not in {f.code for f in specllint.iter_findings(text, config=config, path="legacy/a.md")}
    assert "SPL101" in {f.code for f in specllint.iter_findings(text, config=config, path="new/a.md")}


def test_iter_findings_sees_general_tolerances_stated_later():
    text = "1. Length: 120 mm.\n2. Width: 80 mm.\n\n## Tolerances\n\nGeneral tolerances ISO 2768-m apply.\n"
    linted = [f for f in specllint.lint(text).findings if f.clause is not None]
    assert list(specllint.iter_findings(text)) == linted
    assert not [f for f in linted if f.category == "missing-tolerance"]
    without = text.replace("General tolerances ISO 2768-m apply.", "Colour: black.")
    assert [f for f in specllint.iter_findings(without) if f.category == "missing-tolerance"]


def test_import_and_version_stay_light():
    """Start-up guard: the package and ``--version`` load none of the heavy libraries."""
    code = (
        "import sys, specllint, specllint.cli\n"
        "heavy = ('spacy', 'pint', 'dask', 'yaml', 'jsonschema', 'docx', 'pygls', 'concurrent.futures')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert proc.stdout.strip() == ""
