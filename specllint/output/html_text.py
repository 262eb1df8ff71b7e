"""The contract text of the HTML report: numbered lines, highlighted findings, clause bars.

The text is cut at every finding boundary and every line break; each piece covered by
findings becomes one ``<a class="hl">`` link (to the first finding's card) whose
``data-f`` lists all covering findings, so overlapping findings stay visible and each
finding's highlight reads back as exactly its text. Everything from the contract is
HTML-escaped.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from html import escape

from ..model import Clause, Finding, severity_rank


def score_class(score: int) -> str:
    """``good`` (80+), ``fair`` (50-79) or ``poor`` (below 50)."""
    return "good" if score >= 80 else "fair" if score >= 50 else "poor"


def finding_title(f: Finding) -> str:
    """The hover text of a finding: code, message and suggestions."""
    lines = [f"{f.code} {f.name} ({f.severity}): {f.message}"]
    lines.extend(f"Suggestion: {s}" for s in f.suggestions)
    return "\n".join(lines)


def score_bar(score: int, label: str | None = None, number: bool = True) -> str:
    """A small horizontal bar for a 0-100 score (with its number unless ``number`` is false)."""
    cls = score_class(score)
    lbl = f'<span class="cs-label">{escape(label)}</span>' if label else ""
    num = f'<span class="cs-num {cls}">{score}</span>' if number else ""
    return (f'{lbl}<span class="bar" role="img" aria-label="score {score} of 100">'
            f'<span class="fill {cls}" style="width:{max(0, min(100, score))}%"></span></span>{num}')


class _Sweep:
    """Which findings cover the text at a position, walking from left to right."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.starts: dict[int, list[int]] = defaultdict(list)
        self.ends: dict[int, list[int]] = defaultdict(list)
        for i, f in enumerate(findings):
            if f.end > f.start:
                self.starts[f.start].append(i)
                self.ends[f.end].append(i)
        self.points = sorted({*self.starts, *self.ends})
        self._next = 0
        self.active: dict[int, None] = {}  # insertion-ordered set of finding indices

    def advance_to(self, pos: int) -> None:
        """Apply every start and end at or before ``pos``."""
        while self._next < len(self.points) and self.points[self._next] <= pos:
            point = self.points[self._next]
            for i in self.ends.get(point, ()):
                self.active.pop(i, None)
            for i in self.starts.get(point, ()):
                self.active[i] = None
            self._next += 1


def _piece(text: str, ids: list[int], findings: Sequence[Finding], prefix: str) -> str:
    if not ids:
        return escape(text)
    covering = [findings[i] for i in ids]
    worst = max(covering, key=lambda f: severity_rank(f.severity)).severity
    overlap = " overlap" if len(ids) > 1 else ""
    title = "\n\n".join(finding_title(f) for f in covering)
    data = " ".join(f"{prefix}-f{i}" for i in ids)
    return (f'<a class="hl sev-{worst}{overlap}" href="#{prefix}-f{ids[0]}" data-f="{data}" '
            f'title="{escape(title)}">{escape(text)}</a>')


def _between(points: list[int], low: int, high: int) -> list[int]:
    """Sorted ``points`` strictly between ``low`` and ``high``."""
    return points[bisect_right(points, low) : bisect_left(points, high)]


def render_source(text: str, findings: Sequence[Finding], clauses: Sequence[Clause], prefix: str) -> str:
    """The numbered, highlighted text; ``prefix`` makes element ids unique per file."""
    sweep = _Sweep(findings)
    pins: dict[int, list[int]] = defaultdict(list)
    for i, f in enumerate(findings):
        if f.end == f.start and f.clause is not None:
            pins[f.start].append(i)
    clause_at_line: dict[int, Clause] = {}
    line_no, line_start = 1, 0
    starts = sorted(clauses, key=lambda c: c.start)
    rows = []
    ci = 0
    while line_start <= len(text):
        nl = text.find("\n", line_start)
        line_end = len(text) if nl < 0 else nl
        while ci < len(starts) and starts[ci].start <= line_end:
            clause_at_line.setdefault(line_no, starts[ci])
            ci += 1
        cuts = sorted({line_start, line_end, *(p for p in _between(sweep.points, line_start, line_end)),
                       *(p for p in pins if line_start <= p <= line_end)})
        parts = []
        for a, b in zip(cuts, [*cuts[1:], None], strict=True):
            sweep.advance_to(a)
            parts.extend(f'<a class="pin" href="#{prefix}-f{i}" title="{escape(finding_title(findings[i]))}"></a>'
                         for i in pins.get(a, ()))
            if b is not None and b > a:
                parts.append(_piece(text[a:b].replace("\r", ""), list(sweep.active), findings, prefix))
        clause = clause_at_line.get(line_no)
        bar = score_bar(clause.score, clause.label) if clause is not None else ""
        cb = f' title="clause {escape(clause.label)}: measurability {clause.score}/100"' if clause else ""
        stripped = text[line_start:line_end].lstrip()
        kind = " heading" if stripped.startswith("#") else " comment" if stripped.startswith("<!--") else ""
        rows.append(f'<div class="row{kind}" id="{prefix}-L{line_no}"><span class="ln">{line_no}</span>'
                    f'<span class="tx">{"".join(parts)}</span><span class="cs"{cb}>{bar}</span></div>')
        if nl < 0:
            break
        line_start, line_no = nl + 1, line_no + 1
    return '<div class="source">' + "".join(rows) + "</div>"
