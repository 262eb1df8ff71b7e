"""``html``: one self-contained report page (inline CSS, no scripts, no external assets).

Per file: a summary (document score, counts by severity and category), the section
checklist, the contract text with every finding highlighted (hover for the message and
suggestions, click to jump to the finding's card) and a measurability bar beside the
first line of every clause, then the list of findings. Several files get an overview
table first. All contract text is HTML-escaped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape
from importlib import resources

from ..files import FileResult
from ..model import SEVERITIES, Finding, Report
from . import RenderContext
from .html_text import render_source, score_bar, score_class

#: Nothing may load from outside the page; styles are inline.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
SECTION_MARK = {True: "✓", False: "✗"}


def _css() -> str:
    return resources.files(__package__).joinpath("report.css").read_text(encoding="utf-8")


def _severity_chips(findings: Sequence[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    return "".join(
        f'<span class="chip sev-{s}"><b>{counts[s]}</b> {s if counts[s] == 1 or s == "info" else s + "s"}</span>'
        for s in reversed(SEVERITIES)
    )


def _categories(findings: Sequence[Finding]) -> str:
    counts = Counter(f.category for f in findings)
    if not counts:
        return '<p class="muted">No findings.</p>'
    top = max(counts.values())
    rows = "".join(
        f'<tr><td>{escape(cat)}</td><td class="num">{n}</td><td class="catbar">'
        f'<span class="bar"><span class="fill cat" style="width:{round(100 * n / top)}%"></span></span></td></tr>'
        for cat, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    return f'<table class="categories"><caption>By category</caption>{rows}</table>'


def _summary(report: Report) -> str:
    d = report.score_details
    detail = ""
    if d:
        parts = [f"clause mean {d.get('clause_mean')}"]
        if d.get("sections_required"):
            parts.append(f"sections {d.get('sections_present')}/{d.get('sections_required')}")
        if d.get("document_findings_cost"):
            parts.append(f"document findings −{d.get('document_findings_cost')}")
        detail = f'<p class="muted small">{escape(" · ".join(parts))}</p>'
        if d.get("formula"):
            detail += f'<p class="muted small">{escape(str(d["formula"]))}</p>'
    cls = score_class(report.score)
    return (
        '<div class="summary">'
        f'<div class="card score-card"><div class="score {cls}">{report.score}<small>/100</small></div>'
        f'<div class="label">measurability score</div>{score_bar(report.score, number=False)}{detail}</div>'
        f'<div class="card"><h3>Findings</h3><div class="chips">{_severity_chips(report.findings)}</div>'
        f"{_categories(report.findings)}</div>"
        "</div>"
    )


def _checklist(report: Report) -> str:
    if not report.sections:
        return ""
    required = [st for st in report.sections.values() if st.required]
    present = sum(1 for st in required if st.present)
    items = []
    for sid, st in report.sections.items():
        state = "present" if st.present else "missing" if st.required else "optional"
        where = f'<span class="where">{escape(", ".join(st.clauses))}</span>' if st.clauses else ""
        note = ' <span class="muted">(optional)</span>' if not st.required else ""
        items.append(f'<li class="sec {state}" data-section="{escape(sid)}"><span class="mark">'
                     f"{SECTION_MARK[st.present]}</span> {escape(sid)}{note}{where}</li>")
    return (f'<section class="card checklist"><h3>Sections <span class="muted">{present}/{len(required)} '
            f'required present</span></h3><ul>{"".join(items)}</ul></section>')


def _finding_card(f: Finding, i: int, prefix: str, clause_scores: dict[str, int]) -> str:
    loc = "whole document" if f.clause is None and f.start == f.end else f"line {f.line}, column {f.column}"
    href = f"#{prefix}-L{f.line}"
    clause = ""
    if f.clause is not None:
        score = clause_scores.get(f.clause)
        clause = f'<span class="clause">clause {escape(f.clause)}' + (
            f" · {score}/100</span>" if score is not None else "</span>")
    parts = [
        f'<li class="finding sev-{f.severity}" id="{prefix}-f{i}">',
        f'<div class="fhead"><span class="pill sev-{f.severity}">{f.severity}</span> <code>{escape(f.code)}</code>'
        f' <span class="rname">{escape(f.name)}</span> <span class="cat">{escape(f.category)}</span>'
        f' <a class="loc" href="{href}">{loc}</a>{clause}</div>',
        f'<p class="msg">{escape(f.message)}</p>',
    ]
    if f.text:
        parts.append(f'<p class="flagged">Flagged: <q>{escape(f.text)}</q></p>')
    if f.suggestions:
        parts.append('<ul class="sugg">' + "".join(f"<li>{escape(s)}</li>" for s in f.suggestions) + "</ul>")
    if f.fix is not None:
        parts.append(f'<p class="fix">Fix ({"safe" if f.fix.safe else "review first"}): {escape(f.fix.message)}</p>')
    parts.append("</li>")
    return "".join(parts)


def _file(result: FileResult, index: int) -> str:
    prefix = f"file{index}"
    head = f'<article class="file" id="{prefix}"><h2><span class="path">{escape(result.path)}</span></h2>'
    if result.error is not None or result.report is None:
        return head + f'<p class="card error-box">Not linted: {escape(result.error or "")}</p></article>'
    report = result.report
    clause_scores = {c.label: c.score for c in report.clauses}
    source = ""
    if result.text is not None:
        source = (f'<section class="card text"><h3>Contract text</h3>'
                  f"{render_source(result.text, report.findings, report.clauses, prefix)}</section>")
    cards = "".join(_finding_card(f, i, prefix, clause_scores) for i, f in enumerate(report.findings))
    findings = (f'<section class="card findings"><h3>Findings ({len(report.findings)})</h3>'
                + (f'<ol class="flist">{cards}</ol>' if cards else '<p class="muted">No findings.</p>') + "</section>")
    return (head + _summary(report) + f'<div class="layout"><div class="main-col">{source}</div>'
            f'<aside class="side">{_checklist(report)}</aside></div>{findings}</article>')


def _overview(results: Sequence[FileResult]) -> str:
    rows = []
    for i, r in enumerate(results):
        link = f'<a href="#file{i}">{escape(r.path)}</a>'
        if r.report is None:
            rows.append(f'<tr><td>{link}</td><td colspan="4" class="error-text">{escape(r.error or "")}</td></tr>')
            continue
        counts = r.report.counts()
        rows.append(f"<tr><td>{link}</td><td class=\"scorecell\">{score_bar(r.report.score)}</td>"
                    + "".join(f'<td class="num sev-{s}">{counts[s]}</td>' for s in reversed(SEVERITIES)) + "</tr>")
    head = "<tr><th>File</th><th>Score</th><th>Errors</th><th>Warnings</th><th>Info</th></tr>"
    return f'<section class="card overview"><h2>Files</h2><table>{head}{"".join(rows)}</table></section>'


def render(results: Sequence[FileResult], ctx: RenderContext) -> str:
    findings = [f for r in results if r.report for f in r.report.findings]
    files = f"{len(results)} file{'s' if len(results) != 1 else ''}"
    version = f"specllint {ctx.version}".strip()
    body = [
        '<header class="top"><h1>Specification report</h1>'
        f'<p class="muted">{files} · {len(findings)} findings · {_severity_chips(findings)}</p></header>',
        "<main>",
    ]
    if len(results) > 1:
        body.append(_overview(results))
    body.extend(_file(r, i) for i, r in enumerate(results))
    body.append(f'</main><footer class="muted">Generated by {escape(version)}. Hover a highlight for the '
                "message and suggestions; click it to jump to the finding.</footer>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="{escape(version)}">'
        f"<title>specllint report · {escape(files)}</title><style>{_css()}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )
