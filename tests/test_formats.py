"""Machine-readable output formats: json-lines, sarif, github, junit (real CLI and renderers).

SARIF is checked against a JSON Schema written here from the SARIF 2.1.0 specification,
covering the objects and properties this tool emits and GitHub code scanning reads (the
official schema is not bundled by any dependency, and tests never download), plus
cross-checks the schema cannot express (rule indices, regions against the text).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from cli_helpers import run

from specllint import __version__
from specllint.files import FileResult
from specllint.model import Edit, Finding, Fix, Report
from specllint.output import FORMATS, RenderContext, render
from specllint.output.github import escape_data, escape_property

VAGUE = "# Spec\n\n1. Material: high quality steel.\n2. Finish: 𝐀 durable coating.\n"


@pytest.fixture
def contract(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "specs").mkdir()
    path = tmp_path / "specs" / "bottle, v2.md"
    path.write_text(VAGUE, encoding="utf-8")
    return path


def synthetic(message: str, text: str = "high quality", fix: Fix | None = None) -> FileResult:
    """A result whose fields carry awkward characters (formatters only read results)."""
    source = f"Material: {text} steel.\n"
    start = source.index(text)
    finding = Finding(code="SPL101", name="vague-term", category="vague-term", severity="warning", message=message,
                      start=start, end=start + len(text), line=1, column=start + 1, end_line=1,
                      end_column=start + len(text) + 1, text=text, suggestions=("AQL 2.5, 100%: ok",), fix=fix,
                      clause="L1", fingerprint="00ff00ff00ff00ff")
    report = Report(findings=(finding,), clauses=(), score=80)
    return FileResult("dir/a:b,c.md", report=report, text=source)


def test_every_documented_format_is_registered():
    assert set(FORMATS) >= {"full", "concise", "json", "json-lines", "sarif", "github", "junit", "html"}


# -- json-lines -----------------------------------------------------------------------
def test_json_lines_one_object_per_finding(capsys, contract):
    code, out, _ = run(capsys, "check", "specs", "--select", "SPL101", "-f", "json-lines")
    objects = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and len(objects) == 2
    for obj in objects:
        assert obj["path"] == str(Path("specs") / "bottle, v2.md")
        assert VAGUE[obj["start"] : obj["end"]] == obj["text"]
        assert {"code", "severity", "message", "line", "column", "fingerprint", "suggestions"} <= set(obj)


def test_json_lines_survive_unicode_line_separators():
    out = render("json-lines", [synthetic("one\u2028two\x85three\nfour")], RenderContext())
    assert len(out.splitlines()) == 1
    assert json.loads(out)["message"] == "one\u2028two\x85three\nfour"


# -- SARIF ----------------------------------------------------------------------------
_MESSAGE = {"type": "object", "required": ["text"], "properties": {"text": {"type": "string", "minLength": 1}}}
_REGION = {
    "type": "object",
    "required": ["startLine"],
    "properties": {k: {"type": "integer", "minimum": 1} for k in ("startLine", "startColumn", "endLine", "endColumn")}
    | {"charOffset": {"type": "integer", "minimum": 0}, "charLength": {"type": "integer", "minimum": 0}},
}
_ARTIFACT = {"type": "object", "required": ["uri"], "properties": {"uri": {"type": "string", "pattern": r"^[^\\]+$"}}}
_LOCATION = {"type": "object", "required": ["physicalLocation"], "properties": {"physicalLocation": {
    "type": "object", "required": ["artifactLocation"],
    "properties": {"artifactLocation": _ARTIFACT, "region": _REGION}}}}
_LEVEL = {"enum": ["none", "note", "warning", "error"]}
SARIF_SUBSET = {
    "type": "object",
    "required": ["$schema", "version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {"type": "array", "minItems": 1, "items": {
            "type": "object",
            "required": ["tool", "results"],
            "properties": {
                "tool": {"type": "object", "required": ["driver"], "properties": {"driver": {
                    "type": "object", "required": ["name", "rules"],
                    "properties": {
                        "name": {"type": "string"}, "version": {"type": "string"},
                        "semanticVersion": {"type": "string"},
                        "rules": {"type": "array", "items": {
                            "type": "object", "required": ["id", "shortDescription", "fullDescription", "help"],
                            "properties": {
                                "id": {"type": "string"}, "name": {"type": "string"},
                                "shortDescription": _MESSAGE, "fullDescription": _MESSAGE,
                                "help": {"type": "object", "required": ["text", "markdown"]},
                                "defaultConfiguration": {"type": "object", "properties": {"level": _LEVEL}},
                                "properties": {"type": "object", "properties": {
                                    "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": True}}},
                            }}},
                    }}}},
                "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                "invocations": {"type": "array", "items": {
                    "type": "object", "required": ["executionSuccessful"],
                    "properties": {"executionSuccessful": {"type": "boolean"},
                                   "toolExecutionNotifications": {"type": "array", "items": {
                                       "type": "object", "required": ["message"],
                                       "properties": {"message": _MESSAGE, "level": _LEVEL}}}}}},
                "results": {"type": "array", "items": {
                    "type": "object",
                    "required": ["ruleId", "message", "locations"],
                    "properties": {
                        "ruleId": {"type": "string"}, "ruleIndex": {"type": "integer", "minimum": 0},
                        "level": _LEVEL, "message": _MESSAGE,
                        "locations": {"type": "array", "minItems": 1, "items": _LOCATION},
                        "partialFingerprints": {"type": "object", "additionalProperties": {"type": "string"}},
                        "fixes": {"type": "array", "items": {
                            "type": "object", "required": ["artifactChanges"],
                            "properties": {"description": _MESSAGE, "artifactChanges": {
                                "type": "array", "minItems": 1, "items": {
                                    "type": "object", "required": ["artifactLocation", "replacements"],
                                    "properties": {"artifactLocation": _ARTIFACT, "replacements": {
                                        "type": "array", "minItems": 1, "items": {
                                            "type": "object", "required": ["deletedRegion"],
                                            "properties": {"deletedRegion": _REGION,
                                                           "insertedContent": {"type": "object",
                                                                               "required": ["text"]}}}}}}}}}},
                    }}},
            }}},
    },
}


def test_sarif_is_valid_and_complete(capsys, contract):
    code, out, _ = run(capsys, "check", "specs", "--select", "SPL101", "-f", "sarif")
    log = json.loads(out)
    jsonschema.validate(log, SARIF_SUBSET)
    assert code == 1
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "specllint" and driver["version"] == driver["semanticVersion"] == __version__
    rule = next(r for r in driver["rules"] if r["id"] == "SPL101")
    assert rule["name"] == "vague-term" and "vague-term" in rule["properties"]["tags"]
    assert "Why is this bad" in rule["help"]["markdown"] and rule["defaultConfiguration"]["level"] == "warning"
    assert run_["invocations"][0]["executionSuccessful"] is True
    assert not re.search(r"https?://(?!json\.schemastore\.org/sarif-2\.1\.0\.json)", out)

    results = run_["results"]
    assert [r["properties"]["text"] for r in results] == ["high quality", "durable"]
    for result in results:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"] == "SPL101"
        assert result["level"] == "warning"
        assert set(result["partialFingerprints"]) == {"specllintFingerprint/v1"}
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "specs/bottle%2C%20v2.md"
        region = location["region"]
        text = result["properties"]["text"]
        assert VAGUE[region["charOffset"] : region["charOffset"] + region["charLength"]] == text
        line = VAGUE.splitlines()[region["startLine"] - 1]
        assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == text  # code points, end exclusive
    assert run_["columnKind"] == "unicodeCodePoints"


def test_sarif_levels_fixes_and_notifications():
    fix = Fix("Replace with 'AQL 2.5'", (Edit(10, 22, "AQL 2.5"),), safe=True)
    good = synthetic("vague", fix=fix)
    info = Finding(**{**{a: getattr(good.report.findings[0], a) for a in (
        "code", "name", "category", "message", "start", "end", "line", "column", "end_line", "end_column", "text")},
        "severity": "info"})
    mixed = FileResult("b.md", report=Report(findings=(info,), clauses=()), text=good.text)
    broken = FileResult("broken.md", error="broken.md: not valid UTF-8")
    log = json.loads(render("sarif", [good, mixed, broken], RenderContext(version="1.2.3")))
    jsonschema.validate(log, SARIF_SUBSET)
    run_ = log["runs"][0]
    assert [r["level"] for r in run_["results"]] == ["warning", "note"]
    change = run_["results"][0]["fixes"][0]["artifactChanges"][0]
    replacement = change["replacements"][0]
    assert replacement["insertedContent"]["text"] == "AQL 2.5"
    assert replacement["deletedRegion"] == {"startLine": 1, "startColumn": 11, "endLine": 1, "endColumn": 23,
                                            "charOffset": 10, "charLength": 12}
    assert "fixes" not in run_["results"][1]
    invocation = run_["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "not valid UTF-8" in note["message"]["text"]


# -- github ---------------------------------------------------------------------------
def test_github_escaping():
    assert escape_data("50% off\r\nnext") == "50%25 off%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def _unescape(value: str) -> str:
    for code, ch in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(code, ch)
    return value


_COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    m = _COMMAND.match(line)
    assert m, line
    props = dict(item.split("=", 1) for item in m.group(2).split(","))
    return m.group(1), {k: _unescape(v) for k, v in props.items()}, _unescape(m.group(3))


def test_github_annotations(capsys, contract):
    code, out, _ = run(capsys, "check", "specs", "--select", "SPL101", "-f", "github")
    lines = out.splitlines()
    assert code == 1 and len(lines) == 2
    level, props, message = parse_command(lines[1])
    assert level == "warning"
    assert props == {"file": "specs/bottle, v2.md", "line": "4", "col": "14", "endLine": "4", "endColumn": "21",
                     "title": "SPL101 vague-term"}
    assert message.startswith("“durable” is not measurable") and "\nSuggestion: " in message


def test_github_awkward_values_and_errors():
    out = render("github", [synthetic("50% sure:\nsee, here"), FileResult("x.md", error="x.md: no such file")],
                 RenderContext())
    first, second = out.splitlines()
    _, props, message = parse_command(first)
    assert props["file"] == "dir/a:b,c.md" and message == "50% sure:\nsee, here\nSuggestion: AQL 2.5, 100%: ok"
    assert parse_command(second)[0] == "error" and "no such file" in second


# -- junit ----------------------------------------------------------------------------
def test_junit_structure(capsys, contract, tmp_path):
    clean = tmp_path / "specs" / "clean.md"
    clean.write_text("Colour: Pantone 186 C.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "specs", "--select", "SPL101", "-f", "junit")
    root = ET.fromstring(out)
    assert code == 1 and root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"specs/bottle, v2.md", "specs/clean.md"}
    bad = suites["specs/bottle, v2.md"]
    assert bad.get("tests") == "2" and bad.get("failures") == "2"
    failure = bad.find("testcase/failure")
    assert failure.get("type") == "SPL101" and "high quality" in failure.get("message")
    assert "suggestion:" in failure.text
    good = suites["specs/clean.md"]
    assert good.get("tests") == "1" and good.get("failures") == "0" and good.find("testcase/failure") is None
    assert root.get("tests") == "3" and root.get("failures") == "2"


def test_junit_is_well_formed_with_control_characters():
    result = synthetic("bell\x07 and\x0bvertical tab, \ud800 <&> ]]>")
    broken = FileResult("x.md", error="x.md: not valid UTF-8")
    root = ET.fromstring(render("junit", [result, broken], RenderContext()))
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == "bell\ufffd and\ufffdvertical tab, \ufffd <&> ]]>"
    error_suite = root.findall("testsuite")[1]
    assert error_suite.get("errors") == "1" and error_suite.find("testcase/error") is not None
    assert root.get("errors") == "1"


# -- shared behaviour -----------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["json-lines", "sarif", "github", "junit", "html", "json"])
def test_unreadable_inputs_exit_2_but_other_findings_are_printed(capsys, contract, tmp_path, fmt):
    (tmp_path / "specs" / "bad.md").write_bytes(b"Material: \xff steel\n")
    code, out, err = run(capsys, "check", "specs", "specs/missing.md", "--select", "SPL101", "-f", fmt)
    assert code == 2
    assert "high quality" in out
    assert "bad.md: not valid UTF-8" in err and "missing.md: no such file" in err


@pytest.mark.parametrize("fmt", ["sarif", "html", "concise"])
def test_output_file(capsys, contract, tmp_path, fmt):
    target = tmp_path / f"report.{fmt}"
    code, out, _ = run(capsys, "check", "specs", "--select", "SPL101", "-f", fmt, "--output-file", str(target))
    assert code == 1 and out == ""
    assert "high quality" in target.read_text(encoding="utf-8")


def test_output_file_that_cannot_be_written_exits_2(capsys, contract, tmp_path):
    code, _, err = run(capsys, "check", "specs", "-f", "sarif", "-o", str(tmp_path / "no" / "such" / "dir.sarif"))
    assert code == 2 and "cannot write" in err
