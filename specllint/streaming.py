"""Findings clause by clause, for archives too large to hold a full :class:`~specllint.model.Report`.

:func:`iter_findings` runs the same clause rules as :func:`specllint.lint` and yields
the same :class:`~specllint.model.Finding` objects (same offsets, messages and
fingerprints) in the same order, but it never builds the list of clauses, the clause
scores or the report: clauses are read lazily from the segmenter, tokenized by spaCy in
batches, checked, and dropped, and the spellings they added to spaCy's vocabulary are
freed after every chunk of clauses. Memory is the input text plus the largest chunk of
clauses and a digest per distinct finding (for fingerprints); no clause list or report.

What needs the whole document is left to :func:`specllint.lint`: the section checklist
and other document-scope rules, order-metadata checks, scores, and reports of unused
suppression comments. Suppression comments themselves are honoured, and clause rules
that consult the whole document (``document.segments``) see every clause: the text is
segmented again, lazily, whenever they walk it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import islice
from typing import TYPE_CHECKING, Any

from .heap import release as release_freed_memory
from .model import Finding
from .positions import ForwardLineIndex
from .vocab_zone import transient_vocab

#: clauses checked per vocabulary block (a few of the engine's spaCy batches)
CHUNK_CLAUSES = 1024
#: chunks tokenized with one blank pipeline before a fresh one replaces it (see
#: :func:`specllint.pipeline.fresh_blank`); a trained pipeline is never replaced
VOCAB_CHUNKS = 32

if TYPE_CHECKING:
    from .config import Config

__all__ = ["CHUNK_CLAUSES", "VOCAB_CHUNKS", "ForwardLineIndex", "LazySegments", "iter_findings"]


class LazySegments(Sequence):
    """The clauses of a text as a sequence that stores none of them.

    Kinds that look at the whole document (a general-tolerance statement anywhere covers
    every dimension) iterate ``document.segments``; here each iteration segments the text
    again, lazily, so memory stays flat. Indexing and ``len`` walk the text too.
    """

    def __init__(self, text: str, front: Any) -> None:
        self._text = text
        self._front = front

    def __iter__(self) -> Iterator[Any]:
        from .segmentation import Segment, iter_structure

        return (s for s in iter_structure(self._text, self._front) if type(s) is Segment)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __bool__(self) -> bool:
        return next(iter(self), None) is not None

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice) or index < 0:
            return list(self)[index]
        for i, seg in enumerate(self):
            if i == index:
                return seg
        raise IndexError(index)


class _Suppressions:
    """Suppression comments of one text, parsed once, checked per finding."""

    def __init__(self, text: str) -> None:
        from . import suppression

        self._covers = suppression._covers
        directives = suppression.parse(text) if "specllint-" in text else []
        self.scopes = suppression._scopes(text, directives)[0] if directives else []

    def suppressed(self, finding: Finding) -> bool:
        document_level = finding.clause is None and finding.start == finding.end
        return any(self._covers(s, finding.code, finding.start, finding.line, document_level) for s in self.scopes)


def iter_findings(
    text: str, config: Config | Mapping[str, Any] | None = None, path: str | None = None
) -> Iterator[Finding]:
    """Yield the findings of the clause rules in ``text``, clause by clause, in text order.

    The findings equal those of ``specllint.lint(text, config, path)`` whose ``clause`` is
    set; document-level checks (sections, metadata, unused suppressions) are not run.
    An input above ``max-bytes`` yields the single ``input-too-large`` finding.
    """
    from . import _as_config
    from . import metadata as metadata_mod
    from .config_files import per_file_ignores
    from .engine import _FindingBuilder, get_linter
    from .kinds import DocumentContext
    from .pipeline import fresh_blank
    from .segmentation import Segment, iter_structure, split_front_matter
    from .textutil import sanitize

    if not isinstance(text, str):
        raise TypeError(f"iter_findings() expects str, got {type(text).__name__}")
    linter = get_linter(_as_config(config))
    if len(text) > linter.config.max_bytes:
        yield from linter.lint(text, path=path).findings
        return
    clean = sanitize(text)
    front = split_front_matter(clean)
    meta_data, _ = metadata_mod.parse(front, linter.config, clean)
    document = DocumentContext(
        text=clean,
        segments=LazySegments(clean, front),  # type: ignore[arg-type]
        headings=(),
        metadata=meta_data,
        metadata_span=(front.start, front.end) if front else None,
        config=linter.config,
        path=path,
    )
    segments = (s for s in iter_structure(clean, front) if type(s) is Segment)
    builder = _FindingBuilder(text, ForwardLineIndex(text))  # type: ignore[arg-type]
    suppressions = _Suppressions(text)
    ignored = per_file_ignores(linter.config, path)  # code prefixes; () when none apply
    nlp = linter.nlp
    chunks = 0
    while chunk := list(islice(segments, CHUNK_CLAUSES)):
        chunks += 1
        if chunks % VOCAB_CHUNKS == 0 and not linter.config.model:
            nlp = fresh_blank()  # the old vocabulary's index of spellings goes with it
        # Each chunk in its own vocabulary block: the spellings it brings are freed before
        # the next, so memory does not grow with the document (see vocab_zone).
        found: list[Finding] = []
        with transient_vocab(linter.nlp), transient_vocab(nlp):
            for seg, hits in linter._clause_hits(clean, chunk, document, nlp):
                if not hits:
                    continue
                key = linter._clause_key(clean, seg)
                for runner, hit in hits:
                    builder.add(runner, hit, seg.start, seg.label, key)
                found.extend(
                    f for f in builder.drain()
                    if not f.code.startswith(ignored) and not suppressions.suppressed(f)
                )
        release_freed_memory()
        yield from found

