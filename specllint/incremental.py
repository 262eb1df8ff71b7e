"""Re-linting a document after an edit, re-checking only the clauses that changed.

:class:`IncrementalLinter` gives exactly the :class:`~specllint.model.Report` that
:func:`specllint.lint` gives for the same text; it is faster on the second and later calls
because the hits of clause-scope kinds are reused for clauses that did not change.
Segmentation, spaCy for changed clauses, document-scope kinds, metadata, suppression and
scoring run every time (they are cheap next to the clause pass).

What makes a stored result reusable
-----------------------------------
A result is stored per clause and per rule, under the clause's *own* content: its text,
heading, ``Key:`` label and segment kind (plus which occurrence of identical clauses it is).
A kind may look further than that: at the clause's position (``offset``, ``label``) or at the
whole document through ``clause.document`` (text, segments, headings, metadata, path and the
``facts`` computed once per document -- e.g. a document-wide general tolerance statement
that decides whether a dimension lacks a tolerance). Instead of guessing which kinds do,
every check runs against a recording view and stores what it read with the value it saw;
the result is reused only while each of those reads would give an equal value in the new
document. A kind that reads nothing outside its clause is reused whenever the clause is
unchanged; one that reads ``document.text`` is re-run after any edit; one that reads
``document.facts["general-tolerance"]`` is re-run only when that fact changes.

A check that *writes* to the document (``facts``) or reads a fact whose value cannot be
compared safely (an unhashable, hence mutable, value) is never reused, so the facts seen by
later clauses are always the ones a full lint would have produced: clauses are processed
in document order and every reused result is validated against the state at its turn.

Under this linter ``clause.document`` is a read-through view of the
:class:`~specllint.kinds.base.DocumentContext` (same attributes, not the same class).
One instance is meant for one document that changes over time (an editor buffer); it is
not thread-safe.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping, Sequence
from typing import Any

import attrs

from .config import Config
from .engine import BATCH_SIZE, Linter, RuleRunner, get_linter
from .kinds.base import ClauseContext, DocumentContext, Hit
from .model import Report
from .segmentation import Segment

_MISSING = object()
_WHOLE = "*"
_TRACED_CLAUSE_FIELDS = frozenset({"offset", "label", "document"})


class _Trace:
    """What one check read from outside its clause, and whether it wrote to the document."""

    __slots__ = ("_view", "reads", "volatile")

    def __init__(self) -> None:
        self.reads: list[tuple[str, str, Any]] = []
        self.volatile = False
        self._view: _DocumentView | None = None

    def view(self, document: DocumentContext) -> _DocumentView:
        if self._view is None:
            self._view = _DocumentView(document, self)
        return self._view


class _TracedClause(ClauseContext):
    """A :class:`ClauseContext` that reports reads of position and document to a trace."""

    __slots__ = ("_trace",)

    def __getattribute__(self, name: str) -> Any:
        value = super().__getattribute__(name)
        if name in _TRACED_CLAUSE_FIELDS:
            trace = object.__getattribute__(self, "_trace")
            if trace is not None:
                if name == "document":
                    return None if value is None else trace.view(value)
                trace.reads.append(("clause", name, value))
        return value


class _DocumentView:
    """Read-through view of a DocumentContext that records every attribute read."""

    __slots__ = ("_document", "_trace")

    def __init__(self, document: DocumentContext, trace: _Trace) -> None:
        object.__setattr__(self, "_document", document)
        object.__setattr__(self, "_trace", trace)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._document, name)
        if name == "facts":
            return _FactsView(value, self._trace)
        self._trace.reads.append(("document", name, value))
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        self._trace.volatile = True
        setattr(self._document, name, value)


class _FactsView(MutableMapping):
    """``document.facts`` as a check sees it: reads are recorded per key, writes mark volatile."""

    __slots__ = ("_facts", "_trace")

    def __init__(self, facts: dict[str, Any], trace: _Trace) -> None:
        self._facts = facts
        self._trace = trace

    def _read(self, key: Any, value: Any) -> None:
        if value is not _MISSING and not _hashable(value):
            self._trace.volatile = True  # a mutable value may be changed in place unseen
        self._trace.reads.append(("fact", key, value))

    def __getitem__(self, key: Any) -> Any:
        value = self._facts.get(key, _MISSING)
        self._read(key, value)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        value = self._facts.get(key, _MISSING)
        self._read(key, value)
        return value is not _MISSING

    def get(self, key: Any, default: Any = None) -> Any:
        value = self._facts.get(key, _MISSING)
        self._read(key, value)
        return default if value is _MISSING else value

    def __iter__(self) -> Iterator[Any]:
        snapshot = dict(self._facts)
        if not all(_hashable(v) for v in snapshot.values()):
            self._trace.volatile = True
        self._trace.reads.append(("facts", _WHOLE, snapshot))
        return iter(snapshot)

    def __len__(self) -> int:
        self._trace.reads.append(("facts", _WHOLE, dict(self._facts)))
        return len(self._facts)

    def __setitem__(self, key: Any, value: Any) -> None:
        self._trace.volatile = True
        self._facts[key] = value

    def __delitem__(self, key: Any) -> None:
        self._trace.volatile = True
        del self._facts[key]


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


@attrs.frozen
class _Outcome:
    """One rule's hits for one clause, with what the check read outside the clause."""

    hits: tuple[Hit, ...]
    reads: tuple[tuple[str, str, Any], ...]
    volatile: bool

    def still_valid(self, clause: ClauseContext, document: DocumentContext) -> bool:
        if self.volatile:
            return False
        for scope, name, seen in self.reads:
            if scope == "clause":
                current = getattr(clause, name)
            elif scope == "document":
                current = getattr(document, name, _MISSING)
            elif scope == "fact":
                current = document.facts.get(name, _MISSING)
            else:
                current = dict(document.facts)
            try:
                if current is not seen and not bool(current == seen):
                    return False
            except Exception:  # values that cannot be compared are treated as changed
                return False
        return True


@attrs.frozen
class IncrementalStats:
    """What the last :meth:`IncrementalLinter.lint` call computed and what it reused."""

    clauses: int = 0
    #: clauses whose every rule result was reused (no kind ran, no spaCy)
    reused_clauses: int = 0
    #: (clause, rule) checks that ran
    checks_run: int = 0
    #: (clause, rule) results reused
    checks_reused: int = 0


class ClauseResultCache:
    """Per-clause, per-rule results of one linter, kept for the clauses of the last text."""

    def __init__(self, linter: Linter) -> None:
        self.linter = linter
        self._entries: dict[tuple[Any, ...], list[_Outcome]] = {}
        self.stats = IncrementalStats()

    def clear(self) -> None:
        self._entries = {}

    def clause_hits(
        self, text: str, segs: Iterable[Segment], document: DocumentContext
    ) -> Iterator[tuple[Segment, list[tuple[RuleRunner, Hit]]]]:
        """The clause pass of :meth:`Linter.lint`, reusing stored results where valid."""
        plan = self._plan(text, segs)
        fresh = (text[seg.start : seg.end] for seg, _, stored in plan if stored is None)
        docs = iter(self.linter.nlp.pipe(fresh, batch_size=BATCH_SIZE))
        runners = self.linter.clause_runners
        entries: dict[tuple[Any, ...], list[_Outcome]] = {}
        run = reused = reused_clauses = 0
        for seg, key, stored in plan:
            ctx = self.linter.clause_context(text, seg, None, document, factory=_TracedClause)
            ctx._trace = None
            if stored is None:
                ctx.doc = next(docs)
            outcomes: list[_Outcome] = []
            hits: list[tuple[RuleRunner, Hit]] = []
            for index, runner in enumerate(runners):
                outcome = stored[index] if stored is not None else None
                if outcome is not None and outcome.still_valid(ctx, document):
                    reused += 1
                else:
                    if ctx.doc is None:
                        ctx.doc = self.linter.nlp(ctx.text)
                    outcome = self._check(runner, ctx)
                    run += 1
                outcomes.append(outcome)
                hits.extend((runner, h) for h in outcome.hits)
            if stored is not None and ctx.doc is None:
                reused_clauses += 1
            entries[key] = outcomes
            yield seg, hits
        self._entries = entries
        self.stats = IncrementalStats(len(plan), reused_clauses, run, reused)

    def _plan(
        self, text: str, segs: Iterable[Segment]
    ) -> Sequence[tuple[Segment, tuple[Any, ...], list[_Outcome] | None]]:
        seen: dict[tuple[Any, ...], int] = {}
        plan = []
        for seg in segs:
            own = (text[seg.start : seg.end], seg.heading, seg.key, seg.kind)
            n = seen.get(own, 0)
            seen[own] = n + 1
            key = (*own, n)
            plan.append((seg, key, self._entries.get(key)))
        return plan

    @staticmethod
    def _check(runner: RuleRunner, ctx: _TracedClause) -> _Outcome:
        trace = _Trace()
        ctx._trace = trace
        try:
            hits = tuple(runner.kind.check(ctx))
        finally:
            ctx._trace = None
        return _Outcome(hits, tuple(trace.reads), trace.volatile)


class IncrementalLinter:
    """Lints successive versions of one document, re-checking only changed clauses.

    ``lint(text)`` returns the same report as ``specllint.lint(text, config)``.
    """

    def __init__(self, config: Config | None = None, linter: Linter | None = None) -> None:
        self.linter = linter if linter is not None else get_linter(config)
        self._cache = ClauseResultCache(self.linter)

    @property
    def config(self) -> Config:
        return self.linter.config

    @property
    def stats(self) -> IncrementalStats:
        """Counts from the last :meth:`lint` call."""
        return self._cache.stats

    def lint(self, text: str, path: str | None = None) -> Report:
        """Lint ``text`` (the current version of the document)."""
        return self.linter.lint(text, path=path, clause_hits=self._cache.clause_hits)

    def clear(self) -> None:
        """Forget stored clause results (the next call re-checks everything)."""
        self._cache.clear()
