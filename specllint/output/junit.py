"""``junit``: JUnit XML for CI systems that show test reports.

One ``<testsuite>`` per input file. Each finding is a ``<testcase>`` (``classname`` = the
path, ``name`` = code, rule name and position) with a ``<failure>`` whose ``type`` is
the code and ``message`` the finding's message; a file without findings has one passing
test case, and a file that could not be read has one test case with an ``<error>``.
Characters XML 1.0 cannot carry (control characters in a contract) become U+FFFD, so the
document is always well-formed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ..files import FileResult
from ..model import Finding
from . import RenderContext
from .common import relative_path, xml_text


def _element(tag: str, text: str | None = None, **attributes: object) -> ET.Element:
    el = ET.Element(tag, {k: xml_text(str(v)) for k, v in attributes.items()})
    if text is not None:
        el.text = xml_text(text)
    return el


def _details(path: str, f: Finding) -> str:
    lines = [f"{path}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}"]
    if f.text:
        lines.append(f"flagged text: {f.text}")
    if f.clause:
        lines.append(f"clause: {f.clause}")
    lines.extend(f"suggestion: {s}" for s in f.suggestions)
    return "\n".join(lines)


def _suite(result: FileResult) -> ET.Element:
    path = relative_path(result.path)
    suite = _element("testsuite", name=path)
    cases: list[ET.Element] = []
    failures = errors = 0
    if result.error is not None:
        case = _element("testcase", classname=path, name="read input")
        case.append(_element("error", result.error, message=result.error, type="input-error"))
        cases.append(case)
        errors = 1
    else:
        assert result.report is not None
        for f in result.report.findings:
            case = _element("testcase", classname=path, name=f"{f.code} {f.name} at {f.line}:{f.column}")
            case.append(_element("failure", _details(path, f), message=f.message, type=f.code))
            cases.append(case)
        failures = len(cases)
        if not cases:
            cases.append(_element("testcase", classname=path, name="no findings"))
        suite.append(_element("properties"))
        suite[0].append(_element("property", name="score", value=result.report.score))
    suite.extend(cases)
    suite.attrib.update(tests=str(len(cases)), failures=str(failures), errors=str(errors), skipped="0")
    return suite


def render(results: Sequence[FileResult], ctx: RenderContext) -> str:
    root = ET.Element("testsuites", name="specllint")
    suites = [_suite(r) for r in results]
    root.extend(suites)
    for attr in ("tests", "failures", "errors"):
        root.set(attr, str(sum(int(s.get(attr, "0")) for s in suites)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
