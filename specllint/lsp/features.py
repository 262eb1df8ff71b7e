"""Turning reports into LSP objects: diagnostics, hover text and quick-fix code actions.

Positions go through :class:`specllint.utf16.TextPositions` in the encoding negotiated with
the client. A diagnostic's ``data`` carries everything its code actions need (the flagged
text, the suggestions and the fix with its edits as LSP ranges), so actions can be built
from the diagnostics a client sends back without relinting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from lsprotocol import types

from ..model import Finding, Report
from ..packs import Rule
from ..ruledocs import rule_markdown
from ..utf16 import TextPositions

SOURCE = "specllint"
SEVERITY: Mapping[str, types.DiagnosticSeverity] = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
_TITLE_WIDTH = 72


def lsp_range(positions: TextPositions, start: int, end: int) -> types.Range:
    """The LSP range of character offsets ``start``..``end``."""
    sl, sc = positions.position(start)
    el, ec = positions.position(end)
    return types.Range(types.Position(sl, sc), types.Position(el, ec))


def offsets(positions: TextPositions, span: types.Range) -> tuple[int, int]:
    """Character offsets of an LSP range."""
    return (
        positions.offset(span.start.line, span.start.character),
        positions.offset(span.end.line, span.end.character),
    )


def _range_json(span: types.Range) -> dict[str, Any]:
    return {
        "start": {"line": span.start.line, "character": span.start.character},
        "end": {"line": span.end.line, "character": span.end.character},
    }


def _range_from_json(value: Any) -> types.Range | None:
    try:
        s, e = value["start"], value["end"]
        return types.Range(
            types.Position(int(s["line"]), int(s["character"])), types.Position(int(e["line"]), int(e["character"]))
        )
    except (KeyError, TypeError, ValueError):
        return None


def diagnostic(finding: Finding, positions: TextPositions) -> types.Diagnostic:
    """One finding as an LSP diagnostic."""
    fix = None
    if finding.fix is not None:
        fix = {
            "message": finding.fix.message,
            "safe": finding.fix.safe,
            "edits": [
                {"range": _range_json(lsp_range(positions, e.start, e.end)), "newText": e.replacement}
                for e in finding.fix.edits
            ],
        }
    return types.Diagnostic(
        range=lsp_range(positions, finding.start, finding.end),
        message=finding.message,
        severity=SEVERITY.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.code,
        source=SOURCE,
        data={
            "name": finding.name,
            "category": finding.category,
            "text": finding.text,
            "suggestions": list(finding.suggestions),
            "fix": fix,
            "fingerprint": finding.fingerprint,
        },
    )


def diagnostics(report: Report, positions: TextPositions) -> list[types.Diagnostic]:
    """Every finding of ``report`` as a diagnostic."""
    return [diagnostic(f, positions) for f in report.findings]


def findings_at(report: Report, offset: int) -> list[Finding]:
    """Findings whose span contains ``offset`` (its end included, for a cursor after a word),
    the narrowest first."""
    found = [f for f in report.findings if f.start <= offset <= f.end]
    return sorted(found, key=lambda f: (f.end - f.start, f.start, f.code))


def hover_markdown(findings: Sequence[Finding], rules: Mapping[str, Rule]) -> str:
    """Markdown for a hover: each finding with its suggestions, then each rule's documentation."""
    parts: list[str] = []
    for f in findings:
        lines = [f"**{f.code}** {f.name} ({f.severity})", "", f.message]
        if f.suggestions:
            lines += ["", "Suggested replacements:"] + [f"- {s}" for s in f.suggestions]
        if f.fix is not None:
            lines += ["", f"Fix ({'safe' if f.fix.safe else 'review before applying'}): {f.fix.message}"]
        parts.append("\n".join(lines))
    seen: set[str] = set()
    for f in findings:
        rule = rules.get(f.code)
        if rule is not None and f.code not in seen:
            seen.add(f.code)
            parts.append(rule_markdown(rule, heading_level=3).rstrip())
    return "\n\n---\n\n".join(parts) + "\n"


def hover(
    report: Report, positions: TextPositions, position: types.Position, rules: Mapping[str, Rule]
) -> types.Hover | None:
    """The hover for ``position`` (its range: the narrowest finding there); None without findings."""
    found = findings_at(report, positions.offset(position.line, position.character))
    if not found:
        return None
    first = found[0]
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=hover_markdown(found, rules)),
        range=lsp_range(positions, first.start, first.end),
    )


def wants_quickfix(only: Sequence[str] | None) -> bool:
    """Whether a code-action request filtered by ``only`` kinds accepts quick fixes."""
    if not only:
        return True
    quickfix = types.CodeActionKind.QuickFix.value
    return any(kind in ("", quickfix) or quickfix.startswith(f"{kind}.") for kind in only)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _TITLE_WIDTH else text[: _TITLE_WIDTH - 1] + "…"


def code_actions(
    uri: str, positions: TextPositions, diags: Iterable[types.Diagnostic]
) -> list[types.CodeAction]:
    """Quick fixes for specllint diagnostics whose flagged text is still in the document.

    Each suggestion replaces the flagged range; a finding's own fix applies its edits and
    is marked preferred when it is safe.
    """
    actions: list[types.CodeAction] = []
    for diag in diags:
        data = diag.data
        if diag.source != SOURCE or not isinstance(data, Mapping):
            continue
        start, end = offsets(positions, diag.range)
        if positions.text[start:end] != data.get("text"):
            continue  # the document changed since this diagnostic was published
        fix = data.get("fix")
        if isinstance(fix, Mapping):
            edits = []
            for edit in fix.get("edits") or ():
                span = _range_from_json(edit.get("range")) if isinstance(edit, Mapping) else None
                if span is None or not isinstance(edit.get("newText"), str):
                    edits = []
                    break
                edits.append(types.TextEdit(range=span, new_text=edit["newText"]))
            if edits:
                actions.append(types.CodeAction(
                    title=_short(f"{diag.code}: {fix.get('message') or 'apply fix'}"),
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diag],
                    is_preferred=bool(fix.get("safe")),
                    edit=types.WorkspaceEdit(changes={uri: edits}),
                ))
        for suggestion in data.get("suggestions") or ():
            if not isinstance(suggestion, str):
                continue
            actions.append(types.CodeAction(
                title=_short(f"{diag.code}: replace “{data.get('text')}” with “{suggestion}”"),
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diag],
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=diag.range, new_text=suggestion)]}),
            ))
    return actions
