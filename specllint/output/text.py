"""Human-readable output: ``full`` (source excerpt, suggestions, scores, sections) and ``concise``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..files import FileResult
from ..model import SEVERITIES, Finding
from . import RenderContext

SECTION_MARK = {True: "✓", False: "✗"}


def _location(result: FileResult, f: Finding) -> str:
    return f"{result.path}:{f.line}:{f.column}"


def concise_line(path: str, f: Finding) -> str:
    """``path:line:col: CODE [severity] message``: a finding in the ``concise`` format."""
    return f"{path}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}"


def render_concise(results: Sequence[FileResult], ctx: RenderContext) -> str:
    """One line per finding: ``path:line:col: CODE [severity] message``."""
    lines = []
    for result in results:
        if result.error:
            lines.append(f"{result.error}")
            continue
        assert result.report is not None
        for f in result.report.findings:
            lines.append(concise_line(result.path, f))
    lines.extend(_footer(results, ctx))
    return "\n".join(lines) + "\n"


def _excerpt(text: str, f: Finding) -> list[str]:
    source_lines = text.splitlines()
    if not source_lines or f.line > len(source_lines):
        return []
    line_text = source_lines[f.line - 1].replace("\t", " ")
    width = len(str(f.line))
    end_col = f.end_column if f.end_line == f.line else len(line_text) + 1
    caret = " " * (f.column - 1) + "^" * max(1, end_col - f.column)
    pad = " " * width
    return [f"{pad} |", f"{f.line} | {line_text}", f"{pad} | {caret}"]


def render_full(results: Sequence[FileResult], ctx: RenderContext) -> str:
    """Findings with the source line, suggestions, clause scores and the section checklist."""
    out: list[str] = []
    for result in results:
        if result.error:
            out.append(f"error: {result.error}")
            out.append("")
            continue
        report = result.report
        assert report is not None
        clause_scores = {c.label: c.score for c in report.clauses}
        for f in report.findings:
            out.append(f"{_location(result, f)}: {f.code} [{f.severity}] {f.message} ({f.name})")
            if result.text is not None and f.end > f.start:
                out.extend(_excerpt(result.text, f))
            for s in f.suggestions:
                out.append(f"  = suggestion: {s}")
            if f.fix is not None:
                out.append(f"  = fix ({'safe' if f.fix.safe else 'unsafe'}): {f.fix.message}")
            if f.clause is not None and f.clause in clause_scores:
                out.append(f"  = clause {f.clause}: measurability {clause_scores[f.clause]}/100")
            out.append("")
        out.append(f"{result.path}: measurability score {report.score}/100")
        if ctx.show_sections and report.sections:
            required = [(sid, st) for sid, st in report.sections.items() if st.required]
            present = sum(1 for _, st in required if st.present)
            out.append(f"  sections {present}/{len(required)}:")
            for sid, st in report.sections.items():
                if not st.required and not st.present:
                    continue
                where = f" ({', '.join(st.clauses)})" if st.clauses else ""
                optional = "" if st.required else " [optional]"
                out.append(f"    {SECTION_MARK[st.present]} {sid}{optional}{where}")
        out.append("")
    out.extend(_footer(results, ctx))
    return "\n".join(out).rstrip("\n") + "\n"


def _footer(results: Sequence[FileResult], ctx: RenderContext) -> list[str]:
    findings = [f for r in results if r.report for f in r.report.findings]
    errors = sum(1 for r in results if r.error)
    lines = []
    if ctx.statistics:
        counts = Counter((f.code, f.name) for f in findings)
        for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"{n:5d}\t{code}\t{name}")
    by_sev = Counter(f.severity for f in findings)
    parts = ", ".join(f"{by_sev[s]} {s}" for s in reversed(SEVERITIES) if by_sev[s])
    files = len(results)
    summary = f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''}"
    summary += f" ({parts})" if parts else ""
    summary += f" in {files} file{'s' if files != 1 else ''}"
    if errors:
        summary += f"; {errors} file{'s' if errors != 1 else ''} could not be linted"
    lines.append(summary + ".")
    return lines
