"""Baselines: writing, applying, and the fingerprints they rely on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run

import specllint

CONTRACT = """# Specification

1. Material: high quality steel.
2. Finish: durable coating.
3. Colour: Pantone 186 C.
"""
SELECT = ("--select", "SPL101")


def fingerprints(text: str) -> dict[str, str]:
    """Fingerprint per flagged clause label."""
    report = specllint.lint(text, config={"select": ["SPL101"]})
    return {f.clause: f.fingerprint for f in report.findings}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "bottle.md").write_text(CONTRACT, encoding="utf-8")
    return tmp_path


# -- fingerprints ---------------------------------------------------------------------
def test_fingerprints_survive_a_line_added_above():
    before = fingerprints(CONTRACT)
    after = fingerprints(CONTRACT.replace("# Specification\n", "# Specification\n\nRevision 2, agreed 2025-03-01.\n"))
    assert before == after and len(before) == 2


def test_fingerprints_survive_edits_to_another_clause():
    before = fingerprints(CONTRACT)
    after = fingerprints(CONTRACT.replace("Pantone 186 C", "Pantone 2945 C, ΔE ≤ 1.5"))
    assert before == after


def test_fingerprints_ignore_case_and_spacing_of_the_clause():
    before = fingerprints(CONTRACT)
    after = fingerprints(CONTRACT.replace("1. Material: high quality steel.", "1. Material:   high quality STEEL."))
    assert before["1"] == after["1"]


def test_fingerprint_changes_when_the_flagged_clause_changes():
    before = fingerprints(CONTRACT)
    after = fingerprints(CONTRACT.replace("high quality steel", "high quality steel from Ningbo"))
    assert set(before) == set(after) == {"1", "2"}
    assert before["1"] != after["1"]
    assert before["2"] == after["2"]


def test_repeated_identical_findings_get_distinct_fingerprints():
    report = specllint.lint("Lid: durable.\n\nLid: durable.\n", config={"select": ["SPL101"]})
    assert len({f.fingerprint for f in report.findings}) == 2


def test_document_findings_keep_their_fingerprints_when_another_section_appears():
    def by_message(text: str) -> dict[str, str]:
        report = specllint.lint(text, config={"select": ["SPL401"]})
        return {f.message: f.fingerprint for f in report.findings}

    before = by_message("Colour: Pantone 186 C.\n")
    after = by_message("Model: WB-750 vacuum bottle, drawing D-102 rev. B.\nColour: Pantone 186 C.\n")
    assert set(after) < set(before)  # the product description is now present
    assert all(before[message] == fingerprint for message, fingerprint in after.items())


# -- writing and applying ---------------------------------------------------------------
def test_write_baseline_records_every_finding(capsys, project, monkeypatch):
    monkeypatch.chdir(project)
    code, out, err = run(capsys, "check", "specs", *SELECT, "--write-baseline", "specllint-baseline.json")
    assert code == 0 and out == "" and "wrote 2 findings" in err
    data = json.loads((project / "specllint-baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert {(e["path"], e["code"], e["text"]) for e in data["entries"]} == {
        ("specs/bottle.md", "SPL101", "high quality"), ("specs/bottle.md", "SPL101", "durable")}
    report = specllint.lint(CONTRACT, config={"select": ["SPL101"]})
    assert {e["fingerprint"] for e in data["entries"]} == {f.fingerprint for f in report.findings}


def test_baseline_hides_known_findings_and_reports_new_ones(capsys, project, monkeypatch):
    monkeypatch.chdir(project)
    run(capsys, "check", "specs", *SELECT, "--write-baseline", "baseline.json")
    code, out, err = run(capsys, "check", "specs", *SELECT, "--baseline", "baseline.json", "-f", "concise")
    assert code == 0 and "Found 0 findings" in out and "2 findings hidden by the baseline" in err

    contract = project / "specs" / "bottle.md"
    edited = CONTRACT.replace("# Specification\n", "# Specification\n\nSupplier: ACME Ltd.\n")
    contract.write_text(edited + "4. Packing: good quality cartons.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "specs", *SELECT, "--baseline", "baseline.json", "-f", "concise")
    assert code == 1
    lines = [line for line in out.splitlines() if "SPL101" in line]
    assert len(lines) == 1 and "good quality" in lines[0]

    contract.write_text(edited.replace("durable coating", "durable powder coating"), encoding="utf-8")
    code, out, _ = run(capsys, "check", "specs", *SELECT, "--baseline", "baseline.json", "-f", "concise")
    assert code == 1 and "durable" in out and "high quality" not in out


def test_baseline_paths_do_not_depend_on_the_working_directory(capsys, project, monkeypatch):
    monkeypatch.chdir(project)
    run(capsys, "check", "specs/bottle.md", *SELECT, "--write-baseline", "baseline.json")
    monkeypatch.chdir(project / "specs")
    code, out, _ = run(capsys, "check", "bottle.md", *SELECT, "--baseline", "../baseline.json", "-f", "concise")
    assert code == 0 and "Found 0 findings" in out


def test_baseline_keeps_clause_indices_consistent(capsys, project, monkeypatch):
    monkeypatch.chdir(project)
    contract = project / "specs" / "bottle.md"
    contract.write_text("1. Material: high quality steel.\n", encoding="utf-8")
    run(capsys, "check", "specs", *SELECT, "--write-baseline", "baseline.json")
    contract.write_text("1. Material: high quality steel.\n2. Finish: durable.\n", encoding="utf-8")
    _, out, _ = run(capsys, "check", "specs", *SELECT, "--baseline", "baseline.json", "-f", "json")
    entry = json.loads(out)["files"][0]
    assert [f["text"] for f in entry["findings"]] == ["durable"]
    for clause in entry["clauses"]:
        for index in clause["findings"]:
            assert entry["findings"][index]["clause"] == clause["label"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read baseline"),
        ("not json", "invalid JSON"),
        ('{"version": 99, "entries": []}', "not a specllint baseline"),
        ('{"version": 1, "entries": [{"path": "a.md"}]}', "entry 0 lacks"),
    ],
)
def test_bad_baseline_file_exits_2(capsys, project, content, message):
    baseline = project / "baseline.json"
    if content is not None:
        baseline.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "check", str(project / "specs"), *SELECT, "--baseline", str(baseline))
    assert code == 2 and message in err and out == ""


def test_write_baseline_still_reports_unreadable_inputs(capsys, project):
    (project / "specs" / "broken.md").write_bytes(b"\xff\xfe\x00binary")
    code, _, err = run(capsys, "check", str(project / "specs"), *SELECT, "--write-baseline",
                       str(project / "baseline.json"))
    assert code == 2 and "broken.md" in err
    data = json.loads((project / "baseline.json").read_text(encoding="utf-8"))
    assert len(data["entries"]) == 2
