"""The command line: formats, selection, exit codes and input errors (real CLI, in-process)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_helpers import run

from specllint.cli import main

VAGUE = "1. Material: high quality steel.\n2. Finish: durable coating.\n"


@pytest.fixture
def contract(tmp_path: Path) -> Path:
    path = tmp_path / "contract.md"
    path.write_text(VAGUE, encoding="utf-8")
    return path


def test_full_output_shows_location_excerpt_and_suggestion(capsys, contract):
    code, out, _ = run(capsys, "check", str(contract), "--select", "SPL101")
    assert code == 1
    assert f"{contract}:1:14: SPL101 [warning]" in out
    assert "^^^^^^^^^^^^" in out
    assert "= suggestion:" in out
    assert "measurability score" in out


def test_concise_output_one_line_per_finding(capsys, contract):
    code, out, _ = run(capsys, "check", str(contract), "--select", "SPL101", "-f", "concise")
    lines = [line for line in out.splitlines() if "SPL101" in line]
    assert len(lines) == 2
    assert lines[0].startswith(f"{contract}:1:14: SPL101 [warning] ") and "high quality" in lines[0]
    assert lines[1].startswith(f"{contract}:2:12: SPL101 [warning] ") and "durable" in lines[1]
    assert code == 1


def test_fail_on_and_exit_zero(capsys, contract):
    assert run(capsys, "check", str(contract), "--select", "SPL101", "--fail-on", "error")[0] == 0
    assert run(capsys, "check", str(contract), "--select", "SPL101", "--exit-zero")[0] == 0
    assert run(capsys, "check", str(contract), "--select", "SPL101", "--fail-on", "info")[0] == 1


def test_ignore_everything_gives_exit_zero(capsys, contract):
    code, out, _ = run(capsys, "check", str(contract), "--select", "SPL101", "--ignore", "SPL101")
    assert code == 0
    assert "Found 0 findings" in out


def test_statistics(capsys, contract):
    _, out, _ = run(capsys, "check", str(contract), "--select", "SPL101", "--statistics", "-f", "concise")
    assert any(line.split("\t")[:2] == ["    2", "SPL101"] for line in out.splitlines())


def test_unreadable_file_reported_and_others_still_linted(capsys, contract, tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"Material: \xff\xfe steel\n")
    missing = tmp_path / "missing.md"
    code, out, _ = run(capsys, "check", str(bad), str(contract), str(missing), "--select", "SPL101", "-f", "concise")
    assert code == 2
    assert "not valid UTF-8" in out and "no such file" in out
    assert f"{contract}:1:14: SPL101" in out


def test_json_output_is_valid_and_states_positions_both_ways(capsys, contract):
    code, out, _ = run(capsys, "check", str(contract), "--select", "SPL101", "-f", "json")
    data = json.loads(out)
    assert code == 1 and data["schema_version"] == "1.0"
    finding = data["files"][0]["findings"][0]
    assert {"start", "end", "line", "column", "end_line", "end_column"} <= set(finding)
    assert VAGUE[finding["start"] : finding["end"]] == finding["text"] == "high quality"


def test_stdin(capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(VAGUE.encode())))
    code, out, _ = run(capsys, "check", "-", "--select", "SPL101", "-f", "concise", "--stdin-filename", "draft.md")
    assert code == 1 and out.startswith("draft.md:1:14: SPL101")


def test_directory_is_searched_for_contracts(capsys, tmp_path):
    (tmp_path / "a.md").write_text("Finish: durable.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Quality: high quality.\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00\x00")
    _, out, _ = run(capsys, "check", str(tmp_path), "--select", "SPL101", "-f", "concise")
    assert "a.md:1:9" in out and "b.txt:1:10" in out and "image.png" not in out


def test_rules_and_rule_docs(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "SPL101" in out and "vague-term" in out
    code, out, _ = run(capsys, "rule", "SPL101")
    assert code == 0
    for heading in ("What it does", "Why is this bad", "Example", "Use instead"):
        assert heading in out
    code, _, err = run(capsys, "rule", "SPL999")
    assert code == 2 and "no rule" in err


def test_usage_errors_exit_2(capsys, contract):
    assert run(capsys, "check", str(contract), "-f", "yaml")[0] == 2
    with pytest.raises(SystemExit) as exc:
        main(["check", "--fail-on", "fatal", str(contract)])
    assert exc.value.code == 2


def test_bad_config_file_exit_2_names_key(capsys, contract, tmp_path):
    cfg = tmp_path / "specllint.toml"
    cfg.write_text('selectt = ["SPL1"]\n', encoding="utf-8")
    code, _, err = run(capsys, "check", str(contract))
    assert code == 2 and "selectt" in err


def test_console_entry_point_runs_as_module(contract):
    proc = subprocess.run(
        [sys.executable, "-m", "specllint.cli", "check", str(contract), "--select", "SPL101", "-f", "concise"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert "SPL101" in proc.stdout
