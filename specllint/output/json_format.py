"""JSON output (schema: docs/output.schema.json)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..files import FileResult
from ..model import SEVERITIES, to_dict
from . import RenderContext

SCHEMA_VERSION = "1.0"


def file_entry(result: FileResult) -> dict[str, Any]:
    """The JSON object for one input."""
    if result.report is None:
        return {"path": result.path, "error": result.error, "score": None, "findings": [],
                "clauses": [], "sections": {}, "metadata": {}, "score_details": {}}
    report = to_dict(result.report)
    return {
        "path": result.path,
        "error": None,
        "score": report["score"],
        "score_details": report["score_details"],
        "findings": report["findings"],
        "clauses": report["clauses"],
        "sections": report["sections"],
        "metadata": report["metadata"],
    }


def document(results: Sequence[FileResult], ctx: RenderContext) -> dict[str, Any]:
    """The whole JSON document as Python data."""
    findings = [f for r in results if r.report for f in r.report.findings]
    by_sev = Counter(f.severity for f in findings)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "specllint", "version": ctx.version},
        "files": [file_entry(r) for r in results],
        "summary": {
            "files": len(results),
            "files_with_errors": sum(1 for r in results if r.error),
            "findings": len(findings),
            "by_severity": {s: by_sev[s] for s in SEVERITIES},
            "by_code": dict(sorted(Counter(f.code for f in findings).items())),
        },
    }


def dumps(data: Any) -> str:
    """Deterministic JSON text (sorted keys; dates and other values as strings)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2, default=str)


def render(results: Sequence[FileResult], ctx: RenderContext) -> str:
    return dumps(document(results, ctx)) + "\n"
