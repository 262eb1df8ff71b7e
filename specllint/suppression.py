"""Suppressing findings with comments in the contract text.

Directives are HTML comments, which Markdown renders invisibly and the segmenter never
lints (they work the same in plain-text files)::

    <!-- specllint-disable-next-line SPL101 -- supplier's own brand name -->
    text  <!-- specllint-disable-line SPL101, SPL2 -->
    <!-- specllint-disable SPL1 --> … <!-- specllint-enable SPL1 -->
    <!-- specllint-disable-file SPL401 -->

Codes may be full codes or prefixes, separated by commas or spaces; no code means every
rule. Text after `` -- `` is the reason. Line directives match findings that *start* on
their line; a block matches findings starting between its comments (a bare
``specllint-enable`` closes every open block). Findings about the whole document
(no clause and no span, such as a missing section) can only be suppressed file-wide.

A directive (or one of its codes) that suppresses nothing is reported as
``unused-suppression`` on the comment itself; so are malformed directives and codes of
no known rule. Those reports can be suppressed by *other* directives only.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

import attrs
import regex

from .buildcache import compile_pattern
from .kinds.base import Hit
from .model import Finding
from .positions import LineIndex

UNUSED = "unused-suppression"
#: the code of the ``unused-suppression`` rule, so its reports can be suppressed in turn
UNUSED_CODE = "SPL901"
ACTIONS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")

_COMMENT = compile_pattern(r"<!--.*?(?:-->|\Z)", regex.S)
_DIRECTIVE = compile_pattern(r"<!--\s*specllint-([A-Za-z]+(?:-[A-Za-z]+)*)(.*?)-->", regex.S)
_FENCE = compile_pattern(r"^ {0,3}(```|~~~)", regex.M)
_SELECTOR = compile_pattern(r"^[A-Z]{1,5}[0-9]{0,4}$")


@attrs.define
class Directive:
    """One ``specllint-…`` comment: what it does, to which codes, and where it is."""

    action: str
    codes: tuple[str, ...]
    reason: str | None
    start: int
    end: int
    line: int
    bad_codes: tuple[str, ...] = ()


@attrs.define(eq=False)
class Scope:
    """The part of the text one code of one directive silences."""

    directive: Directive
    code: str | None  # None = every rule
    first: int = 0  # covered offsets (blocks) or lines (line directives), inclusive
    last: int = -1
    used: bool = False

    def matches_code(self, code: str) -> bool:
        return self.code is None or code.startswith(self.code)


def parse(text: str) -> list[Directive]:
    """Every directive comment outside fenced code blocks, in text order."""
    fences = _fenced_ranges(text)
    lines = LineIndex(text)
    out = []
    for m in _DIRECTIVE.finditer(text):
        if any(a <= m.start() < b for a, b in fences):
            continue
        body, _, reason = f" {m.group(2)}".partition(" --")
        tokens = [t for t in regex.split(r"[\s,]+", body.strip()) if t]
        codes = tuple(t.upper() for t in tokens if _SELECTOR.match(t.upper()))
        bad = tuple(t for t in tokens if not _SELECTOR.match(t.upper()))
        line = lines.line_of(m.start())
        out.append(Directive(m.group(1).lower(), codes, reason.strip() or None, m.start(), m.end(), line, bad))
    return out


def _fenced_ranges(text: str) -> list[tuple[int, int]]:
    marks = [m.start() for m in _FENCE.finditer(text)]
    if len(marks) % 2:
        marks.append(len(text))
    return list(zip(marks[::2], marks[1::2], strict=True))


def _masked(text: str) -> str:
    """``text`` with every HTML comment blanked out (offsets and newlines kept)."""
    return _COMMENT.sub(lambda m: regex.sub(r"[^\n]", " ", m.group()), text)


def _next_text_line(masked: str, lines: LineIndex, after: int) -> int | None:
    """The first line after offset ``after``'s line that holds text other than comments."""
    line = lines.line_of(after) + 1
    pos = masked.find("\n", after)
    while pos >= 0:
        end = masked.find("\n", pos + 1)
        content = masked[pos + 1 : end if end >= 0 else len(masked)]
        if content.strip():
            return line
        line += 1
        pos = end
    return None


def _scopes(text: str, directives: Sequence[Directive]) -> tuple[list[Scope], list[_Report]]:
    """Turn directives into scopes; malformed directives become reports right away."""
    lines = LineIndex(text)
    masked = _masked(text)
    scopes: list[Scope] = []
    problems: list[_Report] = []
    open_blocks: list[Scope] = []
    for d in directives:
        if d.action not in ACTIONS:
            problems.append(_report(d, None, f"unknown suppression directive 'specllint-{d.action}' "
                                             f"(use one of: {', '.join('specllint-' + a for a in ACTIONS)})"))
            continue
        problems.extend(_report(d, None, f"'{t}' is not a rule code or prefix (such as SPL101); "
                                         "write a reason after ' -- '") for t in d.bad_codes)
        if d.bad_codes and not d.codes:
            continue  # never widen a malformed list of codes to every rule
        codes: tuple[str | None, ...] = d.codes or (None,)
        if d.action == "enable":
            for code in codes:
                match = [s for s in open_blocks if code is None or s.code == code]
                if not match:
                    problems.append(_report(d, None, "specllint-enable matches no open specllint-disable"
                                                     + (f" for {code}" if code else "")))
                for s in match:
                    s.last = d.start - 1
                    open_blocks.remove(s)
            continue
        for code in codes:
            scope = Scope(d, code)
            if d.action == "disable-line":
                scope.first = scope.last = d.line
            elif d.action == "disable-next-line":
                target = _next_text_line(masked, lines, d.end)
                scope.first = scope.last = target if target is not None else -1
            elif d.action == "disable":
                scope.first, scope.last = d.end, len(text)
                open_blocks.append(scope)
            scopes.append(scope)
    return scopes, problems


def _covers(scope: Scope, code: str, start: int, line: int, document_level: bool) -> bool:
    if not scope.matches_code(code):
        return False
    action = scope.directive.action
    if action == "disable-file":
        return True
    if document_level:
        return False
    if action == "disable":
        return scope.first <= start <= scope.last
    return scope.first == line


@attrs.frozen
class _Report:
    """An ``unused-suppression`` report and the directive (and scope) it is about."""

    directive: Directive
    scope: Scope | None
    hit: Hit


def _report(d: Directive, scope: Scope | None, message: str) -> _Report:
    return _Report(d, scope, Hit(d.start, d.end, message=message, data={"directive": d.action,
                                                                         "reason": d.reason or ""}))


def _unused_message(scope: Scope) -> str:
    d = scope.directive
    what = f"specllint-{d.action}" + (f" {scope.code}" if scope.code else "")
    where = {"disable-file": "in this file", "disable": "in its block", "disable-line": "on its line",
             "disable-next-line": "on the next line"}[d.action]
    return f"'{what}' suppresses nothing: no {scope.code or 'finding'} {where}"


def _is_checkable(code: str | None, active: Collection[str] | None) -> bool:
    """An unused scope is reported only if a rule it names ran on this text."""
    if active is None:
        return True
    return any(code is None or c.startswith(code) for c in active)


def apply(
    text: str,
    findings: tuple[Finding, ...],
    active: Iterable[str] | None = None,
    known: Iterable[str] | None = None,
) -> tuple[tuple[Finding, ...], list[tuple[str, Hit]]]:
    """Drop suppressed findings; return the rest and meta hits (by meta rule name).

    ``active`` are the codes of the rules that ran (unused directives for other rules are
    not reported); ``known`` every code that exists (to report codes of no rule).
    """
    directives = parse(text)
    if not directives:
        return findings, []
    active = None if active is None else tuple(active)
    known = None if known is None else tuple(known)
    scopes, problems = _scopes(text, directives)
    lines = LineIndex(text)
    kept = []
    for f in findings:
        document_level = f.clause is None and f.start == f.end
        hits = [s for s in scopes if _covers(s, f.code, f.start, f.line, document_level)]
        for s in hits:
            s.used = True
        if not hits:
            kept.append(f)
    reports = list(problems)
    for s in scopes:
        if s.used:
            continue
        if s.code is not None and known is not None and not any(c.startswith(s.code) for c in known):
            reports.append(_report(s.directive, s, f"'{s.code}' matches no rule code"))
        elif _is_checkable(s.code, active):
            reports.append(_report(s.directive, s, _unused_message(s)))
    return tuple(kept), [(UNUSED, r.hit) for r in _unsilenced(reports, scopes, lines)]


def _unsilenced(reports: list[_Report], scopes: list[Scope], lines: LineIndex) -> list[_Report]:
    """Reports that no *other* directive silences; a directive that silences one is used."""
    while True:
        silenced: set[int] = set()
        for i, r in enumerate(reports):
            line = lines.line_of(r.hit.start)
            others = [s for s in scopes
                      if s.directive is not r.directive and _covers(s, UNUSED_CODE, r.hit.start, line, False)]
            if others:
                silenced.add(i)
                for s in others:
                    s.used = True
        remaining = [r for i, r in enumerate(reports) if i not in silenced and (r.scope is None or not r.scope.used)]
        if len(remaining) == len(reports):
            return remaining
        reports = remaining
