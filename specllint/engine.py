"""The linter: segmentation -> spaCy Docs -> rule kinds -> findings -> report.

A :class:`Linter` is built once per :class:`~specllint.config.Config` (rules loaded,
kinds instantiated, matchers compiled) and then lints any number of texts. It holds no
per-text state, so one instance may be used from several threads.
"""

from __future__ import annotations

import hashlib
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any

import attrs
from spacy.strings import get_string_id

from . import metadata as metadata_mod
from . import scoring, sections, suppression
from .config import DEFAULT_CONFIG, Config
from .config_files import check_selectors, per_file_ignores
from .kinds import ClauseContext, DocumentContext, Hit, Kind, builtin_kinds
from .model import Edit, Finding, Fix, Report
from .packs import Rule, load_rules
from .phraseset import lower_hashes
from .pipeline import get_nlp
from .positions import LineIndex
from .segmentation import Segment, segment
from .textutil import sanitize
from .vocab_zone import transient_vocab

if TYPE_CHECKING:
    from spacy.language import Language

#: Clauses handed to spaCy per batch.
BATCH_SIZE = 256


class _SafeFormat(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_template(template: str, values: dict[str, Any]) -> str:
    """Fill ``{name}`` fields of a rule template; unknown fields stay as written."""
    try:
        return template.format_map(_SafeFormat(values))
    except (ValueError, IndexError, AttributeError):
        return template


@attrs.frozen
class RuleRunner:
    """A rule with its instantiated kind and effective severity."""

    rule: Rule
    kind: Kind
    severity: str


class Linter:
    """Lints texts with the rules selected by one config."""

    def __init__(self, config: Config = DEFAULT_CONFIG) -> None:
        self.config = config
        self.kinds = builtin_kinds()
        self.all_rules = load_rules(self.kinds, config.packs, plugins=config.plugins)
        check_selectors(config, [r.code for r in self.all_rules])
        self.nlp = get_nlp(config.model)
        env = Environment(self.nlp, config)
        self.runners = [
            RuleRunner(r, self.kinds[r.kind](r, env), config.severity_for(r.code, r.severity))
            for r in self.all_rules
            if r.enabled and config.is_selected(r.code)
        ]
        self.clause_runners = [r for r in self.runners if r.kind.scope == "clause"]
        self.document_runners = [r for r in self.runners if r.kind.scope == "document"]
        #: meta rules (reported by the engine itself), by name; absent when not selected
        self.meta_runners = {r.rule.name: r for r in self.runners if r.kind.scope == "tool"}
        self.rules_by_code = {r.code: r for r in self.all_rules}
        #: rule code -> (kind, hashes of its trigger words or None, trigger fragments), see
        #: _gate; computed now, so that a stored linter brings them along
        self._gates: dict[str, tuple[Kind, frozenset[int] | None, tuple[str, ...]]] = {}
        for runner in self.clause_runners:
            self._gate(runner)

    # -- public -------------------------------------------------------------------------
    def lint(self, text: str, path: str | None = None, clause_hits: ClauseHitSource | None = None) -> Report:
        """Lint one text and return its :class:`Report`.

        ``clause_hits`` replaces the clause pass (:meth:`_clause_hits`); it lets
        :class:`specllint.incremental.IncrementalLinter` reuse the hits of unchanged clauses.
        """
        if not isinstance(text, str):
            raise TypeError(f"lint() expects str, got {type(text).__name__}")
        with transient_vocab(self.nlp):  # spellings new to spaCy are freed afterwards
            return self._lint(text, path, clause_hits)

    def _lint(self, text: str, path: str | None, clause_hits: ClauseHitSource | None) -> Report:
        clean = sanitize(text)
        lines = LineIndex(text)
        if len(text) > self.config.max_bytes:
            meta = self._meta(text, lines, "input-too-large",
                              f"input has {len(text):,} characters, above the limit of "
                              f"{self.config.max_bytes:,} (max-bytes); not linted")
            return Report(findings=tuple(meta), clauses=(), sections={}, score=0, path=path)
        segs, heads, front = segment(clean)
        meta_data, meta_hits = metadata_mod.parse(front, self.config, clean)
        document = DocumentContext(
            text=clean,
            segments=tuple(segs),
            headings=tuple(heads),
            metadata=meta_data,
            metadata_span=(front.start, front.end) if front else None,
            config=self.config,
            path=path,
        )
        builder = _FindingBuilder(text, lines)
        for seg, hits in (clause_hits or self._clause_hits)(clean, segs, document):
            if hits:
                key = self._clause_key(clean, seg)
                for runner, hit in hits:
                    builder.add(runner, hit, seg.start, seg.label, key)
        status = sections.evaluate(document)
        document.facts["sections"] = status
        for runner in self.document_runners:
            for hit in runner.kind.check_document(document):
                builder.add(runner, hit, 0, None, "")
        for hit in meta_hits:
            runner = self._meta_runner(hit.data.get("rule", "bad-metadata"))
            if runner is not None:
                builder.add(runner, hit, 0, None, "")
        ignored = per_file_ignores(self.config, path)  # code prefixes; () when none apply
        findings = tuple(f for f in builder.findings() if not f.code.startswith(ignored))
        active = [r.rule.code for r in self.runners if not r.rule.code.startswith(ignored)]
        kept, extra = suppression.apply(text, findings, active=active, known=self.rules_by_code)
        if extra:
            extra_builder = _FindingBuilder(text, lines)
            for name, hit in extra:
                runner = self._meta_runner(name)
                if runner is not None:
                    extra_builder.add(runner, hit, 0, None, "")
            meta = (f for f in extra_builder.findings() if not f.code.startswith(ignored))
            kept = tuple(sorted((*kept, *meta), key=lambda f: (f.start, f.end, f.code)))
        findings = kept
        clauses, score, details = scoring.score(text, segs, findings, status)
        return Report(
            findings=findings,
            clauses=clauses,
            sections=status,
            score=score,
            metadata=meta_data,
            path=path,
            score_details=details,
        )

    # -- internals ----------------------------------------------------------------------
    def _clause_hits(
        self, text: str, segs: Iterable[Segment], document: DocumentContext, nlp: Language | None = None
    ) -> Iterator[tuple[Segment, list[tuple[RuleRunner, Hit]]]]:
        """Hits per clause. ``segs`` may be a lazy iterator: spaCy reads it in batches of
        ``BATCH_SIZE`` and each batch's Docs are dropped once its clauses are checked.
        ``nlp``: another pipeline of the same kind to tokenize with (streaming swaps in a
        fresh vocabulary now and then)."""
        pairs = ((text[s.start : s.end], s) for s in segs)
        gates = [self._gate(runner) for runner in self.clause_runners]
        for doc, seg in (nlp or self.nlp).pipe(pairs, batch_size=BATCH_SIZE, as_tuples=True):
            ctx = self.clause_context(text, seg, doc, document)
            hashes = lower_hashes(doc)
            hits: list[tuple[RuleRunner, Hit]] = []
            for runner, words, fragments in gates:
                if words is not None and hashes.isdisjoint(words) and not any(f in ctx.lower for f in fragments):
                    continue  # none of the words the rule needs: it cannot find anything here
                for hit in runner.kind.check(ctx):
                    hits.append((runner, hit))
            yield seg, hits

    def _gate(self, runner: RuleRunner) -> tuple[RuleRunner, frozenset[int] | None, tuple[str, ...]]:
        """(runner, hashes of its trigger words or None for every clause, trigger fragments)."""
        kind = runner.kind
        cached = self._gates.get(runner.rule.code)
        if cached is not None and cached[0] is kind:
            return runner, cached[1], cached[2]
        triggers = kind.triggers()
        # Only hashes are compared (with those of a clause's tokens): the words themselves
        # need not be in the string store.
        words = None if triggers is None else frozenset(get_string_id(w) for w in triggers.words)
        fragments = () if triggers is None else tuple(triggers.fragments)
        self._gates[runner.rule.code] = (kind, words, fragments)
        return runner, words, fragments

    def clause_context(
        self, text: str, seg: Segment, doc: Any, document: DocumentContext,
        factory: type[ClauseContext] = ClauseContext,
    ) -> ClauseContext:
        """What clause kinds see of ``seg`` (``factory``: a ClauseContext subclass to build)."""
        # The clause text is sliced again rather than read from ``doc.text``, which
        # spaCy rebuilds token by token on every access (identical, but slow).
        return factory(text[seg.start : seg.end], seg.start, seg.label, seg.heading, seg.kind, doc, seg.key, document)

    @staticmethod
    def _clause_key(text: str, seg: Segment) -> str:
        return " ".join(text[seg.start : seg.end].lower().split())

    def _meta_runner(self, name: str) -> RuleRunner | None:
        return self.meta_runners.get(name)

    def _meta(self, text: str, lines: LineIndex, name: str, message: str) -> list[Finding]:
        runner = self._meta_runner(name)
        if runner is None:
            return []
        builder = _FindingBuilder(text, lines)
        builder.add(runner, Hit(0, 0, message=message), 0, None, "")
        return list(builder.findings())


#: the clause pass: (text, segments, document) -> (segment, [(runner, hit), ...]) per clause, in order
ClauseHitSource = Callable[
    [str, Iterable[Segment], DocumentContext], Iterable[tuple[Segment, list[tuple[RuleRunner, Hit]]]]
]


@attrs.define
class Environment:
    """Shared, read-only resources handed to every kind instance."""

    nlp: Any
    config: Config


class _FindingBuilder:
    """Turns hits into findings: positions, messages, suggestions, fixes, fingerprints."""

    def __init__(self, text: str, lines: LineIndex) -> None:
        self.text = text
        self.lines = lines
        self._findings: list[Finding] = []
        #: digest of (code, clause, match) -> times seen, for fingerprints of repeated findings
        self._occurrences: dict[bytes, int] = {}
        #: code -> the categories its findings yield to (rule key ``yields_to``)
        self._yields: dict[str, tuple[str, ...]] = {}

    def add(self, runner: RuleRunner, hit: Hit, base: int, clause: str | None, clause_key: str) -> None:
        rule = runner.rule
        if rule.yields_to:
            self._yields[rule.code] = rule.yields_to
        start = max(0, min(base + hit.start, len(self.text)))
        end = max(start, min(base + hit.end, len(self.text)))
        matched = self.text[start:end]
        values = {"match": matched, **hit.data}
        message = hit.message if hit.message is not None else format_template(rule.message, values)
        if hit.suggestions is not None:
            suggestions = tuple(hit.suggestions)
        else:
            suggestions = tuple(format_template(s, values) for s in rule.suggestions)
        fix = None
        if hit.replacement is not None:
            fix = Fix(f"Replace with {hit.replacement!r}", (Edit(start, end, hit.replacement),), hit.fix_safe)
        # A finding without text (a missing section) is told apart by its message instead.
        key = f"{rule.code}\x00{clause_key}\x00{' '.join((matched or message).lower().split())}"
        # Counted by digest: the key holds the whole normalised clause text.
        seen = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        n = self._occurrences.get(seen, 0)
        self._occurrences[seen] = n + 1
        fingerprint = hashlib.blake2b(f"{key}\x00{n}".encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
        line, column = self.lines.position(start)
        end_line, end_column = self.lines.position(end)
        self._findings.append(
            Finding(
                code=rule.code,
                name=rule.name,
                category=rule.category,
                severity=runner.severity,
                message=message,
                start=start,
                end=end,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                text=matched,
                suggestions=suggestions,
                fix=fix,
                clause=clause,
                fingerprint=fingerprint,
            )
        )

    def drain(self) -> tuple[Finding, ...]:
        """:meth:`findings` so far, then forget them (occurrence counts are kept)."""
        out = self.findings()
        self._findings.clear()
        return out

    def findings(self) -> tuple[Finding, ...]:
        """Sorted findings; overlapping findings of one category keep the first rule's, and
        a finding inside one of a category its rule yields to is left out."""
        ordered = sorted(self._findings, key=lambda f: (f.start, f.end, f.code))
        kept: list[Finding] = []
        last_end: dict[str, int] = {}
        for f in sorted(ordered, key=lambda f: (f.category, f.start, -f.end, f.code)):
            if f.end > f.start and last_end.get(f.category, -1) > f.start:
                continue
            kept.append(f)
            if f.end > f.start:
                last_end[f.category] = max(last_end.get(f.category, -1), f.end)
        if self._yields:
            kept = _without_covered(kept, self._yields)
        return tuple(sorted(kept, key=lambda f: (f.start, f.end, f.code)))


def _without_covered(findings: list[Finding], yields: Mapping[str, tuple[str, ...]]) -> list[Finding]:
    """``findings`` less those of a yielding rule that lie wholly inside a finding of a
    category the rule yields to ("warm" inside the acceptance finding "feel warm")."""
    wanted = {c for cats in yields.values() for c in cats}
    spans: dict[str, list[tuple[int, int]]] = {}
    for f in findings:
        if f.category in wanted and f.end > f.start:
            spans.setdefault(f.category, []).append((f.start, f.end))
    if not spans:
        return findings
    # per category: starts in order and the furthest end reached so far
    reach: dict[str, tuple[list[int], list[int]]] = {}
    for category, found in spans.items():
        found.sort()
        ends = list(accumulate((e for _, e in found), max))
        reach[category] = ([s for s, _ in found], ends)

    def covered(f: Finding) -> bool:
        for category in yields.get(f.code, ()):
            if category in reach:
                starts, ends = reach[category]
                i = bisect_right(starts, f.start) - 1
                if i >= 0 and ends[i] >= f.end:
                    return True
        return False

    return [f for f in findings if f.end <= f.start or f.code not in yields or not covered(f)]


_LOCK = threading.Lock()


@lru_cache(maxsize=8)
def _cached_linter(config: Config) -> Linter:
    from .buildcache import linter  # the CLI's disk cache of built linters (off by default)

    return linter(config, Linter)


def get_linter(config: Config | None = None) -> Linter:
    """The shared linter for ``config`` (built once, then reused)."""
    with _LOCK:
        return _cached_linter(config or DEFAULT_CONFIG)

