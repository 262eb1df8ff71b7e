"""``sarif``: SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it.

One run; ``tool.driver.rules`` describes every known rule (help from the rule docs) and
each result points at its rule by ``ruleId`` and ``ruleIndex``. Regions are 1-based and
count Unicode code points (``columnKind``), with the end column exclusive, plus
``charOffset``/``charLength``. ``partialFingerprints`` carries the engine's fingerprint so
alerts survive unrelated edits. Inputs that could not be read appear as tool execution
notifications and make ``executionSuccessful`` false.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from ..files import FileResult
from ..model import Finding
from ..positions import LineIndex
from . import RenderContext
from .common import relative_path

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "specllintFingerprint/v1"


def artifact_uri(path: str) -> str:
    """A relative URI (``/`` separators, percent-encoded) for ``path``."""
    rel = relative_path(path)
    if rel.startswith("/"):
        return "file://" + quote(rel)
    return quote(rel)


def _rule_descriptor(rule: Any) -> dict[str, Any]:
    from ..ruledocs import rule_markdown

    markdown = rule_markdown(rule, heading_level=2)
    text = " ".join(rule.rationale.split())
    tags = [rule.category, _group(rule.category)]
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": text},
        "help": {"text": markdown, "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": bool(rule.enabled)},
        "properties": {"tags": tags, "category": rule.category},
    }


def _group(category: str) -> str:
    from ..model import COMMERCIAL_CATEGORIES, LANGUAGE_CATEGORIES, QUANTITY_CATEGORIES

    for name, members in (("language", LANGUAGE_CATEGORIES), ("quantities", QUANTITY_CATEGORIES),
                          ("commercial-risk", COMMERCIAL_CATEGORIES)):
        if category in members:
            return name
    return "document" if category == "missing-section" else "tool"


def _region(start: int, end: int, lines: LineIndex | None, f: Finding | None = None) -> dict[str, Any]:
    if f is not None:
        sl, sc, el, ec = f.line, f.column, f.end_line, f.end_column
    else:
        assert lines is not None
        (sl, sc), (el, ec) = lines.position(start), lines.position(end)
    return {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec,
            "charOffset": start, "charLength": end - start}


def _fix(f: Finding, uri: str, text: str | None) -> dict[str, Any] | None:
    if f.fix is None or text is None:
        return None
    lines = LineIndex(text)
    replacements = [
        {"deletedRegion": _region(e.start, e.end, lines), "insertedContent": {"text": e.replacement}}
        for e in f.fix.edits
    ]
    return {
        "description": {"text": f.fix.message + ("" if f.fix.safe else " (review before applying)")},
        "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
    }


def _result(f: Finding, uri: str, rule_index: Mapping[str, int], text: str | None) -> dict[str, Any]:
    message = f.message + "".join(f"\nSuggestion: {s}" for s in f.suggestions)
    out: dict[str, Any] = {
        "ruleId": f.code,
        "level": LEVELS[f.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri},
                                            "region": _region(f.start, f.end, None, f)}}],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {"category": f.category, "name": f.name, "clause": f.clause,
                       "text": f.text, "suggestions": list(f.suggestions)},
    }
    if f.code in rule_index:
        out["ruleIndex"] = rule_index[f.code]
    fix = _fix(f, uri, text)
    if fix is not None:
        out["fixes"] = [fix]
    return out


def document(results: Sequence[FileResult], ctx: RenderContext) -> dict[str, Any]:
    """The SARIF log as Python data."""
    rules = [ctx.rules[code] for code in sorted(ctx.rules)]
    rule_index = {r.code: i for i, r in enumerate(rules)}
    sarif_results = []
    notifications = []
    artifacts = []
    for r in results:
        uri = artifact_uri(r.path)
        if r.error is not None:
            notifications.append({
                "level": "error",
                "message": {"text": r.error},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
            })
            continue
        assert r.report is not None
        artifacts.append({"location": {"uri": uri}, "properties": {"score": r.report.score}})
        sarif_results.extend(_result(f, uri, rule_index, r.text) for f in r.report.findings)
    driver: dict[str, Any] = {"name": "specllint", "rules": [_rule_descriptor(r) for r in rules]}
    if ctx.version:
        driver.update(version=ctx.version, semanticVersion=ctx.version)
    run = {
        "tool": {"driver": driver},
        "invocations": [{"executionSuccessful": not notifications,
                         "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": sarif_results,
    }
    return {"$schema": SCHEMA, "version": VERSION, "runs": [run]}


def render(results: Sequence[FileResult], ctx: RenderContext) -> str:
    return json.dumps(document(results, ctx), ensure_ascii=False, indent=2) + "\n"
