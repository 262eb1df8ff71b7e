"""``specllint check --stream``: clause findings printed as found, input errors per file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import run
from generated import corpus_gen

VAGUE = "1. Material: high quality steel.\n2. Finish: durable coating.\n"


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    a = tmp_path / "a.md"
    a.write_text(VAGUE, encoding="utf-8")
    b = tmp_path / "b.md"
    b.write_text("\n\n".join(corpus_gen.generate_contracts(3, seed=5)), encoding="utf-8")
    return [a, b]


def test_stream_json_lines_equal_the_clause_findings_of_a_full_run(capsys, files):
    paths = [str(p) for p in files]
    code, full, _ = run(capsys, "check", *paths, "-f", "json-lines")
    streamed_code, streamed, _ = run(capsys, "check", *paths, "-f", "json-lines", "--stream")
    clause_lines = [ln for ln in full.splitlines() if json.loads(ln)["clause"] is not None]
    assert streamed.splitlines() == clause_lines
    assert len(clause_lines) > 5
    assert code == streamed_code == 1


def test_stream_concise_lines(capsys, files):
    code, out, _ = run(capsys, "check", str(files[0]), "--stream", "-f", "concise", "--select", "SPL101")
    assert code == 1
    assert out.splitlines()[0].startswith(f"{files[0]}:1:14: SPL101 [warning] ")
    assert "measurability score" not in out


def test_stream_reports_an_unreadable_file_and_lints_the_rest(capsys, files, tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\xff\xfe\x00binary\x00\x80")
    code, out, err = run(capsys, "check", str(bad), str(files[0]), "--stream", "-f", "concise")
    assert code == 2
    assert "bad.md" in err
    assert f"{files[0]}:1:14: SPL101" in out
    assert "Traceback" not in err


def test_stream_exit_zero_and_output_file(capsys, files, tmp_path):
    target = tmp_path / "out.jsonl"
    code, out, _ = run(capsys, "check", str(files[0]), "--stream", "-f", "json-lines", "-o", str(target), "--exit-zero")
    assert code == 0
    assert out == ""
    rows = [json.loads(ln) for ln in target.read_text(encoding="utf-8").splitlines()]
    assert {r["code"] for r in rows} >= {"SPL101"}
    assert all(r["path"] == str(files[0]) for r in rows)


@pytest.mark.parametrize("extra", [["-f", "json"], ["-f", "full"], ["--statistics"], ["-j", "2"]])
def test_stream_refuses_options_it_cannot_honour(capsys, files, extra):
    args = ["check", str(files[0]), "--stream", *extra]
    if "-f" not in extra:
        args += ["-f", "concise"]
    code, out, err = run(capsys, *args)
    assert code == 2
    assert "--stream" in err
    assert out == ""
